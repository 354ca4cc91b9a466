/** Every table of every module: the one drizzle schema, used by both engines and by drizzle-kit. */
export * from '../tenancy/schema.ts';
export * from '../audit/schema.ts';
export * from '../calendar/schema.ts';
export * from '../idempotency/schema.ts';
export * from '../jobs/schema.ts';
export * from '../notifications/schema.ts';
export * from '../../modules/auth/schema.ts';
export * from '../../modules/org/schema.ts';
export * from '../../modules/proposals/schema.ts';
export * from '../../modules/proposals/attachments/schema.ts';
export * from '../../modules/search/schema.ts';
