/**
 * Queries of the 行政复议 public portal: online applications, attachments, and the query lockout (migration 012);
 * submission tokens (migration 016).
 */
import type { Transaction } from 'kysely';
import type { Database, Db } from '../../db';

type Q = Db | Transaction<Database>;
export type PortalApplicationRow = Database['reconsiderationPortalApplications'];
export type AttachmentRow = Database['reconsiderationAttachments'];
export type AttemptRow = Database['reconsiderationPortalAttempts'];

export type PortalSubmissionRow = Database['reconsiderationPortalSubmissions'];

export function createPortalRepo(db: Db) {
  return {
    /** The department that receives online applications: by code, else the one named 行政复议…, else the root. */
    async intakeDepartment(code: string | null): Promise<{ id: string } | undefined> {
      if (code) {
        const d = await db.selectFrom('departments').select('id').where('code', '=', code).executeTakeFirst();
        if (d) return d;
      }
      const named = await db.selectFrom('departments').select('id').where('name', 'like', '%行政复议%').orderBy('sort').orderBy('id').executeTakeFirst();
      if (named) return named;
      return db.selectFrom('departments').select('id').where('parentId', 'is', null).orderBy('sort').orderBy('id').executeTakeFirst();
    },

    async receiptExists(q: Q, receiptNo: string) {
      return !!(await q.selectFrom('reconsiderationPortalApplications').select('id').where('receiptNo', '=', receiptNo).executeTakeFirst());
    },
    async insertApplication(q: Q, row: PortalApplicationRow) {
      await q.insertInto('reconsiderationPortalApplications').values(row).execute();
    },
    /** Fails on the primary key when the token was used already (also by a concurrent request). */
    async insertSubmission(q: Q, row: PortalSubmissionRow) {
      await q.insertInto('reconsiderationPortalSubmissions').values(row).execute();
    },
    async updateSubmissionReceipt(q: Q, submissionKey: string, receiptEnc: string) {
      await q.updateTable('reconsiderationPortalSubmissions').set({ receiptEnc }).where('submissionKey', '=', submissionKey).execute();
    },
    async submission(submissionKey: string) {
      return db.selectFrom('reconsiderationPortalSubmissions').selectAll().where('submissionKey', '=', submissionKey).executeTakeFirst();
    },
    /** The stored receipts of submissions older than the retry window are emptied (the query code is not kept). */
    async forgetReceipts(beforeIso: string) {
      await db.updateTable('reconsiderationPortalSubmissions').set({ receiptEnc: null }).where('createdAt', '<', beforeIso).where('receiptEnc', 'is not', null).execute();
    },
    async insertAttachment(q: Q, row: AttachmentRow) {
      await q.insertInto('reconsiderationAttachments').values(row).execute();
    },
    async applicationByReceipt(receiptNo: string) {
      return db.selectFrom('reconsiderationPortalApplications').selectAll().where('receiptNo', '=', receiptNo).executeTakeFirst();
    },
    async applicationByCase(caseId: string) {
      return db.selectFrom('reconsiderationPortalApplications').selectAll().where('caseId', '=', caseId).executeTakeFirst();
    },

    /** The scope facts of a case (department and handler), for assertInScope. */
    async caseScope(caseId: string) {
      return db.selectFrom('reconsiderationCases').select(['id', 'departmentId', 'handlerId', 'caseNo']).where('id', '=', caseId).executeTakeFirst();
    },
    async attachmentsOf(caseId: string) {
      return db.selectFrom('reconsiderationAttachments').selectAll().where('caseId', '=', caseId).orderBy('createdAt').orderBy('id').execute();
    },
    async attachment(id: string) {
      return db.selectFrom('reconsiderationAttachments').selectAll().where('id', '=', id).executeTakeFirst();
    },

    async attempt(receiptNo: string) {
      return db.selectFrom('reconsiderationPortalAttempts').selectAll().where('receiptNo', '=', receiptNo).executeTakeFirst();
    },
    async saveAttempt(row: AttemptRow) {
      await db
        .insertInto('reconsiderationPortalAttempts')
        .values(row)
        .onConflict((oc) => oc.column('receiptNo').doUpdateSet({ failures: row.failures, lastFailureAt: row.lastFailureAt, lockedUntil: row.lockedUntil }))
        .execute();
    },
    /** Forget failures older than the window that hold no running lock (keeps the table small under probing). */
    async pruneAttempts(beforeIso: string, nowIso: string) {
      await db
        .deleteFrom('reconsiderationPortalAttempts')
        .where('lastFailureAt', '<', beforeIso)
        .where((eb) => eb.or([eb('lockedUntil', 'is', null), eb('lockedUntil', '<', nowIso)]))
        .execute();
    },
    async clearAttempts(receiptNo: string) {
      await db.deleteFrom('reconsiderationPortalAttempts').where('receiptNo', '=', receiptNo).execute();
    },
  };
}
