import type { ReactNode } from 'react';
import type { z } from 'zod';
import type { EnumKind, Lang, MsgKey, TFunction } from '../../i18n/index.tsx';
import type { OrgKey } from './keys.ts';

export interface Named {
  id: string;
  name: string;
}

/** `GET /api/org/options`: every list the forms pick from. */
export interface OrgOptions {
  terms: Named[];
  sessions: Named[];
  sectors: Named[];
  participatingUnits: Named[];
  specialCommittees: Named[];
  handlerUnits: Named[];
  supervisionOffices: Named[];
}
export type OptionsKey = keyof OrgOptions;

/** A directory row as the API presents it: create fields, bookkeeping, reference names, row abilities. */
export type OrgView = Record<string, unknown> & {
  id: string;
  version: number;
  createdAt: string;
  updatedAt: string;
  abilities: { update: boolean; delete: boolean };
};

/** What configs need to render values: translation, dictionary labels, the option lists. */
export interface RenderContext {
  t: TFunction;
  lang: Lang;
  enumLabel: (kind: EnumKind, code: unknown) => string;
  options: OrgOptions | undefined;
}

interface FieldBase {
  /** The key in the create schema and the view. */
  name: string;
  label: MsgKey;
  help?: MsgKey;
  /** Takes the whole row of a two-column form. */
  wide?: boolean;
  /** Not in the form (shown in details only). */
  readOnly?: boolean;
  /** How the value reads in details and lists; the default follows the type. */
  render?: (view: OrgView, ctx: RenderContext) => ReactNode;
}

export type FieldDef = FieldBase &
  (
    | { type: 'text' | 'textarea' | 'int' | 'date' | 'datetime' | 'bool' }
    | { type: 'enum'; enumKind: EnumKind }
    | { type: 'ref' | 'refs'; options: OptionsKey; labelFrom?: string }
    /** One member, searched by name; `labelFrom` is the view field holding the name. */
    | { type: 'member'; labelFrom: string }
    /** Several members; `labelFrom` is the view field holding [{id, name}]. */
    | { type: 'members'; labelFrom: string }
  );

export interface ColumnDef {
  key: string;
  title: MsgKey;
  render?: (view: OrgView, ctx: RenderContext) => ReactNode;
  width?: number;
  /** Shown on the phone card (the title line is `rowLabel`). */
  card?: boolean;
}

export interface FilterDef {
  param: string;
  label: MsgKey;
  type: 'enum' | 'ref' | 'bool';
  enumKind?: EnumKind;
  options?: OptionsKey;
  /** Labels for true/false when the default 是/否 reads badly. */
  boolLabels?: [MsgKey, MsgKey];
}

export interface ResourceDef {
  key: OrgKey;
  /** Heading of the first column (the row's name, which opens the details). */
  nameTitle: MsgKey;
  /** The search box's hint; absent when the server offers no text search on this list. */
  searchPlaceholder?: MsgKey;
  fields: FieldDef[];
  /** The create schema from common (with its cross-field checks). */
  schema: z.ZodObject;
  columns: ColumnDef[];
  filters: FilterDef[];
  /** A filter shown as tabs above the list (platform kinds). */
  tabs?: { param: string; enumKind: EnumKind };
  rowLabel: (view: OrgView, ctx: RenderContext) => string;
  /** Initial values of a new row. */
  defaults?: (ctx: RenderContext, filters: Record<string, string | undefined>) => Record<string, unknown>;
  importable?: boolean;
}
