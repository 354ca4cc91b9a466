/** Parts of the proposal detail page: its sections, the outcome banner, the units table and the ratings. */
import { Alert, Card, Descriptions, Flex, Table } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useSession } from '../../../app/session.tsx';
import { useT } from '../../../i18n/index.tsx';
import type { AssignmentSummary, FeedbackView, ProposalDetail } from '../api.ts';
import { DueDate } from './due-date.tsx';
import { AssignmentStateTag, ModeTag, ToneTag } from './tags.tsx';
import { formatTime } from '../labels.ts';

export function Section({
  title,
  children,
  extra,
}: {
  title: string;
  children: ReactNode;
  extra?: ReactNode;
}) {
  return (
    <Card
      size="small"
      title={<h2 className="card-heading">{title}</h2>}
      extra={extra}
      className="detail-section"
    >
      {children}
    </Card>
  );
}

/** What became of the proposal when it did not go the usual way: not filed, merged, converted. */
export function Outcome({ p }: { p: ProposalDetail }) {
  const t = useT();
  if (p.state === 'not_filed' || p.state === 'converted') {
    return (
      <Alert
        type="warning"
        showIcon
        style={{ margin: '12px 0' }}
        title={t('p.d.notFiled', { reason: p.notFiledReason ?? p.notFiledReasonCode ?? '' })}
        description={p.convertedTo ? t(`p.conversion.${p.convertedTo as 'opinion'}`) : undefined}
      />
    );
  }
  if (p.state === 'merged' && p.mergedIntoId) {
    return (
      <Alert
        type="info"
        showIcon
        style={{ margin: '12px 0' }}
        title={t('p.d.merged')}
        action={<Link to={`/proposals/${p.mergedIntoId}`}>{t('p.d.mergedOpen')}</Link>}
      />
    );
  }
  return <div style={{ height: 12 }} />;
}

export function AssignmentsTable({ items, phone }: { items: AssignmentSummary[]; phone: boolean }) {
  const t = useT();
  const { user } = useSession();
  const canOpen = user.roles.some((r) =>
    [
      'proposal_staff',
      'sysadmin',
      'chair_council',
      'handler_clerk',
      'handler_leader',
      'supervision_office',
    ].includes(r.role),
  );
  const unitName = (a: AssignmentSummary) => a.handlerUnit?.name ?? a.handlerUnitName ?? '—';
  const name = (a: AssignmentSummary) =>
    canOpen ? <Link to={`/assignments/${a.id}`}>{unitName(a)}</Link> : unitName(a);
  const done = (a: AssignmentSummary) => ['sent', 'opinion_sent', 'reassigned'].includes(a.state);
  if (phone) {
    return (
      <ul className="plain-list">
        {items.map((a) => (
          <li key={a.id}>
            <Flex gap={6} wrap align="center">
              <strong>{name(a)}</strong>
              <ModeTag mode={a.mode} />
              <AssignmentStateTag state={a.state} />
            </Flex>
            <div>
              {t('a.f.due')}：
              <DueDate
                dueOn={a.dueOn}
                extendedDueOn={a.extendedDueOn}
                overdueWorkingDays={a.overdueWorkingDays}
                done={done(a)}
              />
            </div>
          </li>
        ))}
      </ul>
    );
  }
  return (
    <Table<AssignmentSummary>
      rowKey="id"
      size="small"
      pagination={false}
      dataSource={items}
      scroll={{ x: 'max-content' }}
      columns={[
        { key: 'unit', title: t('a.f.unit'), render: (_, a) => name(a) },
        { key: 'mode', title: t('a.f.mode'), render: (_, a) => <ModeTag mode={a.mode} /> },
        { key: 'state', title: t('a.f.state'), render: (_, a) => <AssignmentStateTag state={a.state} /> },
        { key: 'round', title: t('a.f.round'), render: (_, a) => t('a.roundN', { n: a.round }) },
        { key: 'received', title: t('a.f.receivedAt'), render: (_, a) => formatTime(a.receivedAt) },
        {
          key: 'due',
          title: t('a.f.due'),
          render: (_, a) => (
            <DueDate
              dueOn={a.dueOn}
              extendedDueOn={a.extendedDueOn}
              overdueWorkingDays={a.overdueWorkingDays}
              done={done(a)}
            />
          ),
        },
      ]}
    />
  );
}

export function FeedbackList({ items }: { items: FeedbackView[] }) {
  const t = useT();
  const yn = (v: boolean | null | undefined) => (v == null ? '—' : v ? t('common.yes') : t('common.no'));
  return (
    <ul className="plain-list">
      {items.map((f, i) => (
        <li key={f.id ?? `${f.round}-${i}`}>
          <Flex gap={6} wrap align="center">
            <strong>{f.raterName ?? f.memberName ?? ''}</strong>
            <ToneTag tone={f.overall === 'dissatisfied' ? 'red' : 'green'}>{t(`p.sat.${f.overall}`)}</ToneTag>
            {f.round > 1 && <ToneTag tone="magenta">{t('a.roundN', { n: f.round })}</ToneTag>}
            <span className="muted">{formatTime(f.submittedAt)}</span>
            {f.recordedByStaff && (
              <span className="muted">
                {f.enteredByName ? t('p.rate.enteredBy', { name: f.enteredByName }) : t('p.rate.byStaff')}
              </span>
            )}
          </Flex>
          <Descriptions
            size="small"
            column={{ xs: 1, sm: 2 }}
            items={[
              {
                key: 'c',
                label: t('p.rate.consulted'),
                children: f.consultedBeforeReply ? t(`p.rate.way.${f.consultedBeforeReply as 'visit'}`) : '—',
              },
              {
                key: 'a',
                label: t('p.rate.attitude'),
                children: f.handlerAttitude ? t(`p.rate.att.${f.handlerAttitude as 'good'}`) : '—',
              },
              { key: 'g', label: t('p.rate.agrees'), children: yn(f.agreesWithResult) },
              { key: 'o', label: t('p.rate.onPoint'), children: yn(f.replyOnPoint) },
              { key: 'v', label: t('p.rate.visit'), children: yn(f.visitHappened) },
            ]}
          />
          {f.comment && <div className="prose">{f.comment}</div>}
        </li>
      ))}
    </ul>
  );
}
