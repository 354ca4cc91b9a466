import { Tag } from 'antd';
import dayjs from 'dayjs';
import type { ReactNode } from 'react';
import { chineseNumber } from '../../i18n/index.tsx';
import type { FieldDef, Named, OrgView, RenderContext } from './types.ts';

export const empty = '—';

const tones = {
  green: { color: '#1b5e20', background: '#e8f5e9', borderColor: '#a5d6a7' },
  blue: { color: '#0d47a1', background: '#e3f2fd', borderColor: '#90caf9' },
  gray: { color: '#424242', background: '#f5f5f5', borderColor: '#d6d6d6' },
  red: { color: '#b71c1c', background: '#ffebee', borderColor: '#ef9a9a' },
  gold: { color: '#6d4200', background: '#fff8e1', borderColor: '#ffd54f' },
} as const;
export type Tone = keyof typeof tones;

/** A tag whose colours pass WCAG AA (antd's green and orange presets do not). */
export function Pill({ tone, children }: { tone: Tone; children: ReactNode }) {
  return (
    <Tag style={{ ...tones[tone], marginInlineEnd: 4 }} variant="outlined">
      {children}
    </Tag>
  );
}

export function termName(termNo: unknown, ctx: RenderContext): string {
  if (typeof termNo !== 'number') return empty;
  return ctx.t('v.term', { no: ctx.lang === 'en' ? termNo : chineseNumber(termNo) });
}

export function sessionName(termNo: unknown, sessionNo: unknown, ctx: RenderContext): string {
  if (typeof termNo !== 'number' || typeof sessionNo !== 'number') return empty;
  const zh = ctx.lang !== 'en';
  return ctx.t('v.session', {
    term: zh ? chineseNumber(termNo) : termNo,
    no: zh ? chineseNumber(sessionNo) : sessionNo,
  });
}

export function dateTime(value: unknown): string {
  if (typeof value !== 'string' || !value) return empty;
  const d = dayjs(value);
  return d.isValid() ? d.format('YYYY-MM-DD HH:mm') : value;
}

export function yesNo(value: unknown, ctx: RenderContext): string {
  return value ? ctx.t('common.yes') : ctx.t('common.no');
}

function namedList(value: unknown): Named[] {
  return Array.isArray(value) ? (value as Named[]).filter((v) => v && typeof v.name === 'string') : [];
}

export function joinNames(value: unknown): string {
  const list = namedList(value);
  return list.length > 0 ? list.map((n) => n.name).join('、') : empty;
}

function optionName(
  ctx: RenderContext,
  key: keyof NonNullable<RenderContext['options']>,
  id: unknown,
): string {
  if (typeof id !== 'string') return '';
  return ctx.options?.[key].find((o) => o.id === id)?.name ?? '';
}

/** The display of one field of a row, following its type unless the field has its own `render`. */
export function renderField(field: FieldDef, view: OrgView, ctx: RenderContext): ReactNode {
  if (field.render) return field.render(view, ctx);
  const value = view[field.name];
  switch (field.type) {
    case 'bool':
      return yesNo(value, ctx);
    case 'enum':
      return ctx.enumLabel(field.enumKind, value) || empty;
    case 'datetime':
      return dateTime(value);
    case 'ref': {
      const label = field.labelFrom ? view[field.labelFrom] : undefined;
      return (typeof label === 'string' && label) || optionName(ctx, field.options, value) || empty;
    }
    case 'refs': {
      if (field.labelFrom) return joinNames(view[field.labelFrom]);
      const ids = Array.isArray(value) ? value : [];
      return ids.map((id) => optionName(ctx, field.options, id)).join('、') || empty;
    }
    case 'member': {
      const label = view[field.labelFrom];
      return typeof label === 'string' && label ? label : empty;
    }
    case 'members':
      return joinNames(view[field.labelFrom]);
    default:
      return value === null || value === undefined || value === '' ? empty : String(value);
  }
}

/** Names for the member pickers of an existing row ([{id, name}] from the view). */
export function memberLabels(field: FieldDef, view: OrgView | undefined): Named[] {
  if (!view) return [];
  if (field.type === 'members') return namedList(view[field.labelFrom]);
  if (field.type === 'member') {
    const id = view[field.name];
    const name = view[field.labelFrom];
    return typeof id === 'string' && typeof name === 'string' ? [{ id, name }] : [];
  }
  return [];
}

export function activeTag(value: unknown, ctx: RenderContext) {
  return value ? (
    <Pill tone="green">{ctx.t('v.active')}</Pill>
  ) : (
    <Pill tone="gray">{ctx.t('v.inactive')}</Pill>
  );
}
