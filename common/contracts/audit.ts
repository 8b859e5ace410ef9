import { z } from 'zod';

export const AuditEntrySchema = z.object({
  seq: z.number().int(),
  at: z.string(),
  actorId: z.string().nullable(),
  actorName: z.string().nullable(),
  ip: z.string().nullable(),
  requestId: z.string().nullable(),
  action: z.string(),
  objectType: z.string().nullable(),
  objectId: z.string().nullable(),
  outcome: z.string(),
  diff: z.unknown().nullable(),
  hash: z.string(),
});
export type AuditEntry = z.infer<typeof AuditEntrySchema>;

export const AuditListQuery = z.object({
  actor: z.string().max(64).optional(),
  action: z.string().max(64).optional(),
  objectType: z.string().max(64).optional(),
  objectId: z.string().max(64).optional(),
  outcome: z.enum(['success', 'denied', 'failure']).optional(),
  from: z.string().max(30).optional(),
  to: z.string().max(30).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

export const AuditBreakSchema = z.object({
  seq: z.number().int(),
  kind: z.enum(['hash-mismatch', 'link-mismatch', 'gap', 'head-mismatch']),
  message: z.string(),
});
export const AuditVerifyResult = z.object({
  ok: z.boolean(),
  checked: z.number().int(),
  firstSeq: z.number().int().nullable(),
  lastSeq: z.number().int().nullable(),
  breaks: z.array(AuditBreakSchema),
  verifiedAt: z.string(),
});
export type AuditVerify = z.infer<typeof AuditVerifyResult>;
