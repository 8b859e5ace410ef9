import { type Kysely, sql } from 'kysely';

/**
 * 合法性审查 review engine: the imported law corpus (instruments and their articles with the jieba terms used for BM25
 * retrieval), the log of language-model calls, and reviewers' accept/reject decisions on findings (written by the
 * legality-review workflow, read by the per-rule acceptance report). Schema builder only.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('law_instruments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    // short name from the file name (行政许可法), and the full title from its heading (中华人民共和国行政许可法)
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('version_date', 'text')
    .addColumn('category', 'text')
    .addColumn('source_file', 'text', (c) => c.notNull())
    .addColumn('article_count', 'integer', (c) => c.notNull())
    .addColumn('imported_at', 'text', (c) => c.notNull())
    .addColumn('imported_by', 'text')
    .addUniqueConstraint('law_instruments_name_version', ['name', 'version_date'])
    .execute();
  await db.schema.createIndex('law_instruments_title').on('law_instruments').column('title').execute();
  await db.schema
    .createTable('law_articles')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('instrument_id', 'text', (c) => c.notNull().references('law_instruments.id').onDelete('cascade'))
    .addColumn('article_no', 'text', (c) => c.notNull())
    .addColumn('article_num', 'integer', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    // space-separated jieba terms (search mode, filtered): the BM25 index is built from these without re-segmenting
    .addColumn('terms', 'text', (c) => c.notNull())
    .addColumn('term_count', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('law_articles_instrument').on('law_articles').columns(['instrument_id', 'article_num']).execute();

  await db.schema
    .createTable('legality_llm_calls')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('url', 'text', (c) => c.notNull())
    .addColumn('model', 'text', (c) => c.notNull())
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('prompt', 'text', (c) => c.notNull())
    .addColumn('response', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('error', 'text')
    .addColumn('duration_ms', 'integer', (c) => c.notNull())
    .addColumn('user_id', 'text')
    .execute();
  await db.schema.createIndex('legality_llm_calls_created').on('legality_llm_calls').column('created_at').execute();

  // Written by the legality-review workflow (one row per reviewer decision on a finding).
  await db.schema
    .createTable('legality_finding_decisions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('review_id', 'text', (c) => c.notNull())
    .addColumn('finding_rule_id', 'text', (c) => c.notNull())
    .addColumn('finding_types', 'text', (c) => c.notNull())
    .addColumn('decision', 'text', (c) => c.notNull().check(sqlCheck()))
    .addColumn('reviewer_user_id', 'text', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('decided_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('legality_finding_decisions_rule').on('legality_finding_decisions').column('finding_rule_id').execute();
  await db.schema.createIndex('legality_finding_decisions_review').on('legality_finding_decisions').column('review_id').execute();
}

/** Portable CHECK: both dialects accept IN with string literals. */
function sqlCheck() {
  return sql`decision in ('accepted', 'rejected')`;
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('legality_finding_decisions').execute();
  await db.schema.dropTable('legality_llm_calls').execute();
  await db.schema.dropTable('law_articles').execute();
  await db.schema.dropTable('law_instruments').execute();
}
