import type { AuditSource } from '../../../platform/audit/record.ts';

/** The audit source of what the system does on its own (deadline sweep): no actor, request id `system`. */
export const systemSource: AuditSource = {
  actor: null,
  requestId: 'system',
  ip: '127.0.0.1',
  userAgent: null,
};
