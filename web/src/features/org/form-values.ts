import dayjs, { type Dayjs } from 'dayjs';
import type { z } from 'zod';
import type { FieldDef } from './types.ts';

type Values = Record<string, unknown>;

/** API value → what the antd input holds (dates become dayjs objects). */
export function toFormValues(fields: FieldDef[], source: Values): Values {
  const out: Values = {};
  for (const f of fields) {
    if (f.readOnly) continue;
    const v = source[f.name];
    if (v === null || v === undefined) continue;
    out[f.name] = (f.type === 'date' || f.type === 'datetime') && typeof v === 'string' ? dayjs(v) : v;
  }
  return out;
}

function fieldSchema(schema: z.ZodObject, name: string): z.ZodType | undefined {
  return (schema.shape as Record<string, z.ZodType>)[name];
}

/** Whether the server needs this field: its schema rejects "absent". */
export function isRequired(schema: z.ZodObject, name: string): boolean {
  const s = fieldSchema(schema, name);
  return s ? !s.safeParse(undefined).success : false;
}

const absent = Symbol('absent');

/** One input's value → the API value; `absent` when empty and the schema has a default or allows omission. */
function convert(field: FieldDef, schema: z.ZodObject, value: unknown): unknown {
  let v = value;
  if (dayjs.isDayjs(v))
    v = field.type === 'datetime' ? (v as Dayjs).format() : (v as Dayjs).format('YYYY-MM-DD');
  if (typeof v === 'string' && field.type !== 'textarea') v = v.trim();
  if (field.type === 'bool') return v === true;
  if ((field.type === 'refs' || field.type === 'members') && !Array.isArray(v)) v = [];
  const isEmpty = v === undefined || v === null || v === '';
  if (!isEmpty) return v;
  const s = fieldSchema(schema, field.name);
  if (s?.safeParse(null).success) return null;
  return absent;
}

/** The request body for the form's values: only fields of the create schema, empty values made explicit. */
export function toPayload(fields: FieldDef[], schema: z.ZodObject, values: Values): Values {
  const out: Values = {};
  for (const f of fields) {
    if (f.readOnly) continue;
    const v = convert(f, schema, values[f.name]);
    if (v !== absent) out[f.name] = v;
  }
  return out;
}

/** A single field's check, with the Chinese message from the shared schema. */
export function checkField(field: FieldDef, schema: z.ZodObject, value: unknown): string | null {
  const s = fieldSchema(schema, field.name);
  if (!s) return null;
  const v = convert(field, schema, value);
  const result = s.safeParse(v === absent ? undefined : v);
  return result.success ? null : (result.error.issues[0]?.message ?? null);
}

/** Whole-object checks (end after start …) → antd field errors. */
export function schemaErrors(schema: z.ZodObject, payload: Values): { name: string; errors: string[] }[] {
  const result = schema.safeParse(payload);
  if (result.success) return [];
  const byField = new Map<string, string[]>();
  for (const issue of result.error.issues) {
    const name = String(issue.path[0] ?? '');
    if (!name) continue;
    byField.set(name, [...(byField.get(name) ?? []), issue.message]);
  }
  return [...byField].map(([name, errors]) => ({ name, errors }));
}

/** The fields whose value differs from what the editor started with (a PATCH sends only these). */
export function changedFields(payload: Values, initial: Values): Values {
  const out: Values = {};
  for (const [key, value] of Object.entries(payload)) {
    if (JSON.stringify(value) !== JSON.stringify(initial[key] ?? null)) out[key] = value;
  }
  return out;
}
