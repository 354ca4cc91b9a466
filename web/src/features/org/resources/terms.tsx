import { sessionInput, termInput } from '@tongxin/common/org/schemas.ts';
import { dateTime, empty, sessionName, termName } from '../render.tsx';
import type { ResourceDef } from '../types.ts';

/** 届 */
export const termsResource: ResourceDef = {
  key: 'terms',
  nameTitle: 'f.termNo',
  schema: termInput,
  fields: [
    { name: 'termNo', label: 'f.termNo', type: 'int', render: (v, ctx) => termName(v.termNo, ctx) },
    { name: 'startDate', label: 'f.startDate', type: 'date' },
    { name: 'endDate', label: 'f.endDate', type: 'date' },
  ],
  columns: [
    { key: 'startDate', title: 'f.startDate', card: true },
    { key: 'endDate', title: 'f.endDate', card: true },
  ],
  filters: [],
  rowLabel: (v, ctx) => termName(v.termNo, ctx),
};

/** 全体会议（次会议） */
export const sessionsResource: ResourceDef = {
  key: 'sessions',
  nameTitle: 'f.sessionName',
  schema: sessionInput,
  fields: [
    {
      name: 'termId',
      label: 'f.termId',
      type: 'ref',
      options: 'terms',
      render: (v, ctx) => termName(v.termNo, ctx),
    },
    { name: 'sessionNo', label: 'f.sessionNo', type: 'int' },
    { name: 'openDate', label: 'f.openDate', type: 'date' },
    { name: 'closeDate', label: 'f.closeDate', type: 'date' },
    { name: 'proposalDeadline', label: 'f.proposalDeadline', type: 'datetime', wide: true },
    { name: 'expectedCount', label: 'f.expectedCount', type: 'int' },
    { name: 'presentCount', label: 'f.presentCount', type: 'int' },
  ],
  columns: [
    { key: 'openDate', title: 'f.openDate', card: true },
    { key: 'closeDate', title: 'f.closeDate' },
    {
      key: 'proposalDeadline',
      title: 'f.proposalDeadline',
      card: true,
      render: (v) => dateTime(v.proposalDeadline),
    },
    {
      key: 'presentCount',
      title: 'f.presentCount',
      render: (v) =>
        typeof v.expectedCount === 'number' ? `${v.presentCount ?? empty} / ${v.expectedCount}` : empty,
    },
  ],
  filters: [{ param: 'termId', label: 'f.termId', type: 'ref', options: 'terms' }],
  rowLabel: (v, ctx) => sessionName(v.termNo, v.sessionNo, ctx),
  defaults: (ctx, filters) => ({ termId: filters.termId ?? ctx.options?.terms[0]?.id }),
};
