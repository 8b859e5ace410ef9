import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { Database, Db } from '../../../db';

export type DocumentRow = Database['reconsiderationDocuments'];
export type ServiceRow = Database['reconsiderationDocumentServices'];
type Q = Db | Transaction<Database>;

/** Queries on the document tables (migration 011), plus the case facts they need (same module, read only). */
export function createDocumentsRepo(db: Db) {
  return {
    /** The case's scope keys and the facts the service and the templates read beyond ReconCaseDetail. */
    async caseOf(q: Q, caseId: string) {
      return q
        .selectFrom('reconsiderationCases')
        .select(['id', 'caseNo', 'departmentId', 'handlerId', 'status', 'channel', 'acceptedOn', 'extensionDays', 'correctionItems'])
        .where('id', '=', caseId)
        .executeTakeFirst();
    },

    /** Actions recorded on the case's timeline (e.g. resume), oldest first. */
    async caseActions(q: Q, caseId: string): Promise<string[]> {
      const rows = await q.selectFrom('reconsiderationEvents').select('action').where('caseId', '=', caseId).orderBy('version', 'asc').execute();
      return rows.map((r) => r.action);
    },

    async find(q: Q, id: string): Promise<DocumentRow | undefined> {
      return q.selectFrom('reconsiderationDocuments').selectAll().where('id', '=', id).executeTakeFirst();
    },

    async ofCase(caseId: string): Promise<DocumentRow[]> {
      return db.selectFrom('reconsiderationDocuments').selectAll().where('caseId', '=', caseId).orderBy('createdAt', 'asc').orderBy('id', 'asc').execute();
    },

    async services(q: Q, documentIds: string[]): Promise<ServiceRow[]> {
      if (documentIds.length === 0) return [];
      return q.selectFrom('reconsiderationDocumentServices').selectAll().where('documentId', 'in', documentIds).orderBy('servedOn', 'asc').orderBy('recordedAt', 'asc').execute();
    },

    async insert(trx: Transaction<Database>, row: DocumentRow) {
      await trx.insertInto('reconsiderationDocuments').values(row).execute();
    },

    /** Optimistic update of a draft: false when it was changed or issued meanwhile. */
    /** 作废 a draft or an issued document (optimistic on the version, like updateDraft). */
    async markVoid(trx: Transaction<Database>, id: string, version: number, patch: Pick<DocumentRow, 'voidReason' | 'voidedBy' | 'voidedAt' | 'updatedAt'>): Promise<boolean> {
      const res = await trx
        .updateTable('reconsiderationDocuments')
        .set({ ...patch, status: 'void', version: version + 1 })
        .where('id', '=', id)
        .where('version', '=', version)
        .where('status', 'in', ['draft', 'issued'])
        .executeTakeFirst();
      return Number(res.numUpdatedRows) === 1;
    },
    async updateDraft(trx: Transaction<Database>, id: string, version: number, patch: Partial<DocumentRow>): Promise<boolean> {
      const res = await trx
        .updateTable('reconsiderationDocuments')
        .set({ ...patch, version: version + 1 })
        .where('id', '=', id)
        .where('version', '=', version)
        .where('status', '=', 'draft')
        .executeTakeFirst();
      return Number(res.numUpdatedRows) === 1;
    },

    /**
     * The next document number of the year, inside the issuing transaction: the counter row is locked by the UPDATE
     * until commit on PostgreSQL (SQLite serialises writers), and a rolled-back issue gives its number back — no gaps.
     */
    async nextSeq(trx: Transaction<Database>, year: number): Promise<number> {
      await trx.insertInto('reconsiderationDocumentCounters').values({ year, lastSeq: 0 }).onConflict((oc) => oc.column('year').doNothing()).execute();
      const row = await trx
        .updateTable('reconsiderationDocumentCounters')
        .set((eb) => ({ lastSeq: eb('lastSeq', '+', 1) }))
        .where('year', '=', year)
        .returning('lastSeq')
        .executeTakeFirstOrThrow();
      return Number(row.lastSeq);
    },

    async insertService(trx: Transaction<Database>, row: Omit<ServiceRow, 'id'>): Promise<string> {
      const id = randomUUID();
      await trx.insertInto('reconsiderationDocumentServices').values({ id, ...row }).execute();
      return id;
    },

    /** Issued documents of the case served online (电子送达), with the first such service date. */
    async servedOnline(caseId: string) {
      return db
        .selectFrom('reconsiderationDocuments as d')
        .innerJoin('reconsiderationDocumentServices as s', 's.documentId', 'd.id')
        .select(['d.id', 'd.title', 'd.docNo'])
        .select((eb) => eb.fn.min('s.servedOn').as('servedOn'))
        .where('d.caseId', '=', caseId)
        .where('d.status', '=', 'issued')
        .where('s.method', '=', 'online')
        .groupBy(['d.id', 'd.title', 'd.docNo'])
        .orderBy('d.docNo')
        .execute();
    },
  };
}

export type DocumentsRepo = ReturnType<typeof createDocumentsRepo>;
