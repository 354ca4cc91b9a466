import type { ImportReport } from '@tongxin/common/org/schemas.ts';
import { auditEvents } from '../../../platform/audit/schema.ts';
import { readSheet } from '../../../platform/excel/workbook.ts';
import { AppError } from '../../../platform/http/app-error.ts';
import type { RequestContext } from '../../../platform/http/request-context.ts';
import type { ImportSpec } from '../import/import-spec.ts';
import { canOrg } from '../org.policy.ts';
import type { Row } from '../resources/types.ts';
import { splitInput, writeLinks } from './check-references.ts';

const chunk = 500;

/**
 * Imports a directory list from an .xlsx file. Every row is converted and validated first; if any row is
 * bad nothing is written and the report names each bad row (Excel row number) with its reasons. A dry run
 * returns the same report without writing — the preview the import screen shows.
 */
export async function importOrgRecords(
  ctx: RequestContext,
  spec: ImportSpec,
  file: Buffer,
  dryRun: boolean,
): Promise<ImportReport> {
  const resource = spec.resource;
  if (!canOrg(ctx.actor, resource.key, 'manage')) throw new AppError('FORBIDDEN');
  const committeeId = ctx.actor.committeeId;
  const sheet = await readSheet(file);
  const missing = spec.columns
    .filter((c) => c.required && !sheet.headers.includes(c.header))
    .map((c) => c.header);
  if (missing.length) {
    throw new AppError('VALIDATION_FAILED', [{ path: 'file', message: `缺少必填列：${missing.join('、')}` }]);
  }
  const lookups = await spec.loadLookups(ctx.db, committeeId);
  const headerOf = new Map(spec.columns.map((c) => [c.field, c.header]));
  const seen = new Map(spec.uniqueFields.map((u) => [u.field, new Map<string, number>()]));
  const existing = await Promise.all(spec.uniqueFields.map((u) => u.existing(ctx.db, committeeId)));
  const valid: Record<string, unknown>[] = [];
  const report: ImportReport = { dryRun, total: sheet.rows.length, valid: 0, imported: 0, rows: [] };

  for (const { row, cells } of sheet.rows) {
    const errors: string[] = [];
    const input: Record<string, unknown> = { ...spec.defaults?.(lookups) };
    for (const col of spec.columns) {
      const text = cells[col.header] ?? '';
      if (col.required && !text) {
        errors.push(`${col.header}：必填`);
        continue;
      }
      const { value, error } = col.convert ? col.convert(text, lookups) : { value: text || undefined };
      if (error) errors.push(`${col.header}：${error}`);
      else if (value !== undefined) input[col.field] = value;
    }
    const parsed = resource.createInput.safeParse(input);
    if (!parsed.success && errors.length === 0) {
      for (const issue of parsed.error.issues) {
        errors.push(
          `${headerOf.get(String(issue.path[0])) ?? String(issue.path[0] ?? '')}：${issue.message}`,
        );
      }
    }
    if (parsed.success && errors.length === 0) {
      const values = parsed.data as Record<string, unknown>;
      try {
        await resource.validate?.(ctx.db, committeeId, values);
      } catch (err) {
        const details = err instanceof AppError ? (err.details as { path: string; message: string }[]) : [];
        for (const d of details ?? []) errors.push(`${headerOf.get(d.path) ?? d.path}：${d.message}`);
      }
      spec.uniqueFields.forEach((u, i) => {
        const v = values[u.field];
        if (typeof v !== 'string' || !v) return;
        const firstRow = seen.get(u.field)?.get(v);
        if (firstRow) errors.push(`${u.label}“${v}”与第 ${firstRow} 行重复`);
        else if (existing[i]?.has(v)) errors.push(`${u.label}“${v}”与已有记录重复`);
        else seen.get(u.field)?.set(v, row);
      });
      if (errors.length === 0) valid.push(values);
    }
    if (errors.length) report.rows.push({ row, name: cells[spec.columns[0]!.header] ?? '', errors });
  }
  report.valid = valid.length;
  if (dryRun) return report;
  if (report.rows.length > 0) throw new AppError('IMPORT_INVALID', report);
  if (valid.length === 0) {
    throw new AppError('VALIDATION_FAILED', [{ path: 'file', message: '文件中没有数据行' }]);
  }

  await ctx.db.transaction(async (tx) => {
    for (let i = 0; i < valid.length; i += chunk) {
      const batch = valid.slice(i, i + chunk).map((v) => splitInput(resource, v));
      const rows = (await tx
        .insert(resource.table)
        .values(batch.map((b) => ({ ...b.columns, committeeId })) as never)
        .returning()) as Row[];
      for (const [j, row] of rows.entries())
        await writeLinks(tx, resource, committeeId, row.id, batch[j]!.links);
      // One audit row per record created, inserted in one statement, in the import's transaction.
      await tx.insert(auditEvents).values(
        rows.map((row, j) => ({
          committeeId,
          actorUserId: ctx.actor.userId,
          actorName: ctx.actor.displayName,
          action: `${resource.targetType}.imported`,
          targetType: resource.targetType,
          targetId: row.id,
          targetLabel: resource.describe(row),
          after: JSON.parse(JSON.stringify({ ...row, ...batch[j]!.links })),
          ip: ctx.ip,
          requestId: ctx.requestId,
          userAgent: ctx.userAgent?.slice(0, 300) ?? null,
        })),
      );
    }
  });
  report.imported = valid.length;
  return report;
}
