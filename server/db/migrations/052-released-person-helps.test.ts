import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateToLatest } from '..';
import { DIALECTS, createTestApp, type TestApp } from '../../test/harness';
import { down, up } from './052-released-person-helps';

// Moving the 安置帮教 help records out of correction_records loses nothing (SQLite and PostgreSQL).
for (const dialect of DIALECTS) {
  describe(`migration 052: help records in their own table [${dialect}]`, () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await createTestApp(dialect);
    });
    afterAll(async () => t?.close());

    const legacy = (id: string, kind: string, detail: string, subjectId = 'rp-1') => ({ id, subjectId, departmentId: 'd-1', kind, onDate: '2025-09-20', detail, status: null, createdBy: 'u-1', createdAt: '2025-09-20T02:00:00.000Z' });

    it('moves every help:<kind> row with its note, leaves the correction records, and can run again', async () => {
      const { db } = t.handle;
      // as before migration 052: help records were correction_records rows
      await db.schema.dropTable('released_person_helps').execute();
      await db.deleteFrom('schemaMigrations' as never).where('name' as never, '=', '052-released-person-helps' as never).execute();
      const rows = [
        legacy('h-1', 'help:employment', JSON.stringify({ note: '推荐至社区超市就业' })),
        legacy('h-2', 'help:visit', JSON.stringify({ note: '走访见面，了解生活情况' }), 'rp-2'),
        legacy('h-3', 'help:assistance', 'not json: 申请临时救助'),
        legacy('c-1', 'interview', JSON.stringify({ note: '个别谈话' }), 'cs-1'),
      ];
      for (let i = 0; i < 250; i++) rows.push(legacy(`h-bulk-${String(i).padStart(3, '0')}`, 'help:training', JSON.stringify({ note: `技能培训 ${i}` }), `rp-${i % 7}`));
      await db.insertInto('correctionRecords').values(rows).execute();

      expect(await migrateToLatest(db)).toEqual(['052-released-person-helps']);
      const helps = await db.selectFrom('releasedPersonHelps').selectAll().orderBy('id').execute();
      expect(helps).toHaveLength(253);
      expect(helps.find((h) => h.id === 'h-1')).toEqual({ id: 'h-1', releasedPersonId: 'rp-1', departmentId: 'd-1', kind: 'employment', onDate: '2025-09-20', note: '推荐至社区超市就业', createdBy: 'u-1', createdAt: '2025-09-20T02:00:00.000Z' });
      expect(helps.find((h) => h.id === 'h-2')).toMatchObject({ releasedPersonId: 'rp-2', kind: 'visit', note: '走访见面，了解生活情况' });
      expect(helps.find((h) => h.id === 'h-3')).toMatchObject({ kind: 'assistance', note: 'not json: 申请临时救助' });
      const left = await db.selectFrom('correctionRecords').select(['id', 'kind']).where('id', 'in', rows.map((r) => r.id)).execute();
      expect(left).toEqual([{ id: 'c-1', kind: 'interview' }]);

      // interrupted half-way (copies made, originals still there): running again neither duplicates nor loses
      await db.insertInto('correctionRecords').values(legacy('h-1', 'help:employment', JSON.stringify({ note: '推荐至社区超市就业' }))).execute();
      await up(db);
      expect(await db.selectFrom('releasedPersonHelps').select('id').execute()).toHaveLength(253);
      expect(await db.selectFrom('correctionRecords').select('id').where('kind', 'like', 'help:%').execute()).toEqual([]);

      // and back
      await down(db);
      const back = await db.selectFrom('correctionRecords').select(['id', 'kind', 'detail']).where('kind', 'like', 'help:%').orderBy('id').execute();
      expect(back).toHaveLength(253);
      expect(back.find((r) => r.id === 'h-2')).toEqual({ id: 'h-2', kind: 'help:visit', detail: JSON.stringify({ note: '走访见面，了解生活情况' }) });
      await up(db);
      expect(await db.selectFrom('releasedPersonHelps').select('id').execute()).toHaveLength(253);
    });
  });
}
