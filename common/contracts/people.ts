import { z } from 'zod';

export const PersonSchema = z.object({
  id: z.string(),
  name: z.string(),
  /** masked: 110102********123X */
  idNumber: z.string(),
  /** masked: 138****5678 */
  mobile: z.string().nullable(),
  departmentId: z.string(),
  createdAt: z.string(),
});
export type Person = z.infer<typeof PersonSchema>;

export const PersonCreateBody = z.object({
  name: z.string().trim().min(1, '请输入姓名').max(40),
  idNumber: z.string().trim().min(1, '请输入身份证号码').max(18),
  mobile: z.string().trim().max(11).nullable().optional(),
});

/** Exact-match search by ID or mobile number uses the blind index; the plain value is never stored or logged. */
export const PersonSearchBody = z.object({
  idNumber: z.string().trim().max(18).optional(),
  mobile: z.string().trim().max(11).optional(),
  name: z.string().trim().max(40).optional(),
  page: z.number().int().min(1).default(1),
  pageSize: z.number().int().min(1).max(200).default(20),
});

export const PersonRevealResponse = z.object({ idNumber: z.string(), mobile: z.string().nullable() });
