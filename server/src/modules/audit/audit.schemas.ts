import { z } from 'zod';
import { pageQuery } from '@tongxin/common/pagination.ts';

export const auditQuery = pageQuery
  .extend({
    action: z.string().max(80).optional(),
    actorUserId: z.uuid().optional(),
    targetType: z.string().max(80).optional(),
    targetId: z.string().max(80).optional(),
    from: z.iso.datetime({ offset: true }).or(z.iso.date()).optional(),
    to: z.iso.datetime({ offset: true }).or(z.iso.date()).optional(),
    q: z.string().max(100).optional(),
  })
  .strict();
export type AuditQuery = z.infer<typeof auditQuery>;
