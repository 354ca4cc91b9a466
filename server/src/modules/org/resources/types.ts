import type { SQL } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { z } from 'zod';
import type { Actor } from '../../../platform/authz/actor.ts';
import type { Db } from '../../../platform/db/connect.ts';
import type { SheetColumn } from '../../../platform/excel/workbook.ts';
import type { OrgResourceKey } from '../org.policy.ts';

export type Row = Record<string, unknown> & { id: string; version: number; committeeId: string };
export type View = Record<string, unknown> & { id: string };

/** A directory table: it has the business columns (id, committee, version, timestamps). */
export type BusinessTable = PgTable & {
  id: PgColumn;
  committeeId: PgColumn;
  version: PgColumn;
  updatedAt: PgColumn;
};

/** A many-to-many list kept in a join table, edited as an id array on the owner (e.g. specialCommitteeIds). */
export interface LinkSpec {
  field: string;
  joinTable: PgTable & { committeeId: PgColumn };
  ownerColumn: PgColumn;
  targetColumn: PgColumn;
  ownerKey: string;
  targetKey: string;
  targetTable: BusinessTable;
  label: string;
}

/** A single id on the row that must point at a row of the same committee (e.g. sectorId → sectors). */
export interface RefSpec {
  field: string;
  table: BusinessTable;
  label: string;
}

/**
 * Everything that makes one directory list different from another. The generic commands and queries in
 * this module read it, so nine lists share one create / update / delete / list / export code path.
 */
export interface OrgResource {
  key: OrgResourceKey;
  /** Audit target type and event prefix: `member` → `member.created`. */
  targetType: string;
  label: string;
  table: BusinessTable;
  createInput: z.ZodType;
  updateInput: z.ZodType;
  listQuery: z.ZodType;
  refs: RefSpec[];
  links: LinkSpec[];
  /** Rows the actor may see besides the committee scope; `undefined` = all of the committee. */
  rowScope?: (actor: Actor) => SQL | undefined;
  filters: (query: Record<string, unknown>) => (SQL | undefined)[];
  searchColumns: PgColumn[];
  orderBy: (SQL | PgColumn)[];
  /**
   * Extra columns computed in the list query itself (names of references, link lists as JSON), so a
   * page is one statement instead of one per lookup.
   */
  extraColumns?: Record<string, SQL>;
  /** Batch presenter: rows → API views (names of references, links, contact rules). */
  present: (db: Db, actor: Actor, rows: Row[]) => Promise<View[]>;
  /** Label of a row in the audit trail and in dropdowns. */
  describe: (row: Row) => string;
  exportColumns: SheetColumn<View>[];
  /** Turns validated input values into column values where the two differ (e.g. ISO text → Date). */
  toColumns?: (columns: Record<string, unknown>) => Record<string, unknown>;
  /** Extra invariants across fields or rows, checked inside the write transaction. */
  validate?: (db: Db, committeeId: string, values: Record<string, unknown>, existing?: Row) => Promise<void>;
}
