import type { Kysely } from 'kysely';

/**
 * 行政复议文书: the documents of a case (drafts, issued with a per-year number, void), their service (送达) records,
 * and the per-year counter of document numbers. Schema builder only.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('reconsideration_documents')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('reconsideration_cases.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    // null until issued; then e.g. 西政复〔2026〕12号
    .addColumn('doc_no', 'text', (c) => c.unique())
    .addColumn('year', 'integer')
    .addColumn('seq', 'integer')
    // JSON array of strings
    .addColumn('paragraphs', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    // 成文日期 (the issue date, Beijing time)
    .addColumn('issued_on', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('issued_by', 'text', (c) => c.references('users.id'))
    .addColumn('issued_at', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.createIndex('recon_documents_case').on('reconsideration_documents').columns(['case_id', 'created_at']).execute();
  // one number per year: the counter hands them out, the index makes a duplicate impossible
  await db.schema.createIndex('recon_documents_year_seq').on('reconsideration_documents').columns(['year', 'seq']).unique().execute();

  await db.schema
    .createTable('reconsideration_document_services')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('document_id', 'text', (c) => c.notNull().references('reconsideration_documents.id'))
    .addColumn('method', 'text', (c) => c.notNull())
    .addColumn('recipient', 'text', (c) => c.notNull())
    .addColumn('served_on', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('recorded_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('recon_document_services_doc').on('reconsideration_document_services').columns(['document_id', 'served_on']).execute();

  await db.schema
    .createTable('reconsideration_document_counters')
    .addColumn('year', 'integer', (c) => c.primaryKey())
    .addColumn('last_seq', 'integer', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('reconsideration_document_services').execute();
  await db.schema.dropTable('reconsideration_documents').execute();
  await db.schema.dropTable('reconsideration_document_counters').execute();
}
