import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAuditService } from '../../platform/audit';
import { systemClock } from '../../platform/clock';
import { type TestApp, createTestApp } from '../../test/harness';
import { plantedDataset } from './detections/plant';
import { storedInspectionRecords } from './detections/detections.service';
import { createImportService, importConnection } from './enforcement.import.service';
import { cutFile, packStrings, unpackStrings } from './inspection-import.parallel';

/**
 * The parallel path of the inspection import (worker threads over byte ranges, merged in file order) gives exactly
 * what the one-reader path gives: the same counts, the same rejected rows with the same row numbers and codes, the
 * same stored records and the same firm names — with duplicates inside a part, across parts, of records that came
 * through validateInspection, and a firm renamed in a later part. SQLite only (PostgreSQL has no parallel path).
 */
describe('inspection import: parallel parts = one reader (sqlite)', () => {
  const apps: TestApp[] = [];
  let dir: string;
  let file: string;
  const data = plantedDataset(11);
  const csvLine = (r: string[]) => r.join(',');

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'fazhi-par-'));
    const rows = data.rows.map((r) => [...r]);
    const n = rows.length;
    // a valid record in a non-canonical spelling (spaces around the field: the slow path, then valid)
    rows[5] = [...rows[5]!];
    rows[5]![6] = ` ${rows[5]![6]} `;
    const lines = [data.header.join(','), ...rows.map(csvLine)];
    // duplicates: of a fast row in the same quarter, in the last quarter, of the slow row in the last quarter
    lines.splice(12, 0, csvLine(rows[3]!));
    lines.push(csvLine(rows[7]!), csvLine(rows[5]!), csvLine([...rows[9]!.slice(0, 5), '改名后的公司', ...rows[9]!.slice(6)].map((v, i) => (i === 0 ? 'RENAME-1' : v))));
    // invalid rows and a blank line in the middle
    lines.splice(Math.floor(n / 2), 0, 'X1,CG01,城管,CG01-P0,BADCODE,甲,urban,random,,,2025-01-02,0,', '', 'X2,NOPE,无,N-1,91110000000000000X,乙,urban,random,,,2025-01-02,0,5');
    file = path.join(dir, 'insp.csv');
    writeFileSync(file, `\uFEFF${lines.join('\r\n')}\r\n`);
  });
  afterAll(async () => {
    for (const a of apps) await a.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function importWith(parallelMinBytes: number, mode: 'all' | 'valid-only', csv = file) {
    const t = await createTestApp('sqlite', { now: '2026-01-20T02:00:00.000Z' });
    apps.push(t);
    const now = '2025-01-01T00:00:00.000Z';
    await t.handle.db.insertInto('enforcementAgencies').values(data.agencies.map((a) => ({ code: a.code, name: a.name, legalBasis: '（测试）', fields: JSON.stringify(a.fields), street: null, createdAt: now, updatedAt: now, version: 1 }))).execute();
    const clock = systemClock();
    const svc = createImportService({ handle: t.handle, clock, audit: createAuditService({ db: t.handle.db, dialect: 'sqlite', clock }), dataDir: dir, parallelMinBytes });
    const res = await svc.importFile(null, 'inspections', csv, { fileName: 'insp.csv', mode });
    const stored = (await storedInspectionRecords(t.handle)).sort((a, b) => (a.id < b.id ? -1 : 1));
    const firms = await t.handle.db.selectFrom('enforcementFirms').select(['creditCode', 'name']).orderBy('creditCode').execute();
    const report = await t.handle.db.selectFrom('enforcementImportRejections').select(['rowNo', 'code', 'raw']).where('jobId', '=', res.jobId).orderBy('seq').execute();
    return { res: { ...res, jobId: '' }, stored, firms, report };
  }

  it('packs strings for the move between threads, Latin-1 or not', () => {
    const values = ['', 'AG001', '城管执法局', 'é', 'x'.repeat(300)];
    expect(unpackStrings(packStrings(values, 'latin1'))).toEqual(values);
    expect(packStrings(values, 'latin1').wide).toEqual([[2, '城管执法局']]);
    expect(unpackStrings(packStrings(values, 'utf16le'))).toEqual(values);
  });

  it('cuts the file into parts at line ends', async () => {
    const ranges = await cutFile(file, (await import('node:fs')).statSync(file).size, 3, 0);
    expect(ranges.length).toBe(3);
    expect(ranges[0]![0]).toBe(0);
    for (let i = 1; i < ranges.length; i++) expect(ranges[i]![0]).toBe(ranges[i - 1]![1]);
    // a quote before a cut: a quoted field may hold a line end, so the file stays one part
    const quoted = path.join(dir, 'quoted.csv');
    writeFileSync(quoted, `${data.header.join(',')}\n${'a,"b\nc",d\n'.repeat(50)}`);
    expect(await cutFile(quoted, (await import('node:fs')).statSync(quoted).size, 3, 0)).toHaveLength(1);
  });

  it('valid-only: the same counts, rejected rows, records and firm names', async () => {
    const one = await importWith(1 << 30, 'valid-only');
    const par = await importWith(0, 'valid-only');
    expect(one.res.rejectedTotal).toBe(5);
    expect(one.res.rejected.map((r) => r.code)).toEqual(expect.arrayContaining(['ID_DUPLICATE_IN_FILE', 'CREDIT_CODE_INVALID', 'AGENCY_UNKNOWN']));
    expect(par.res).toEqual(one.res);
    expect(par.report).toEqual(one.report);
    expect(par.stored).toEqual(one.stored);
    expect(par.firms).toEqual(one.firms);
    expect(par.firms.some((f) => f.name === '改名后的公司')).toBe(true);
  }, 60_000);

  it('no id repeated, an empty store: the parts are appended in bulk, the same records and firms', async () => {
    const clean = path.join(dir, 'clean.csv');
    writeFileSync(clean, `${[data.header.join(','), ...data.rows.map(csvLine)].join('\n')}\n`);
    const one = await importWith(1 << 30, 'valid-only', clean);
    const par = await importWith(0, 'valid-only', clean);
    expect(one.res.imported).toBe(data.rows.length);
    expect(par.res).toEqual(one.res);
    expect(par.stored).toEqual(one.stored);
    expect(par.firms).toEqual(one.firms);
    // the id index left unbuilt by the bulk append answers a re-import: every record an update
    const t = apps[apps.length - 1]!;
    const clock = systemClock();
    const svc = createImportService({ handle: t.handle, clock, audit: createAuditService({ db: t.handle.db, dialect: 'sqlite', clock }), dataDir: dir, parallelMinBytes: 0 });
    const again = await svc.importFile(null, 'inspections', clean, { fileName: 'again.csv', mode: 'all' });
    expect(again).toMatchObject({ committed: true, imported: 0, updated: data.rows.length, rejectedTotal: 0 });
    expect(await storedInspectionRecords(t.handle)).toHaveLength(data.rows.length);
  }, 60_000);

  it('the import does not checkpoint at its commit; a worker checkpoints the whole WAL after it', async () => {
    const t = await createTestApp('sqlite', { now: '2026-01-20T02:00:00.000Z' });
    apps.push(t);
    const now = '2025-01-01T00:00:00.000Z';
    await t.handle.db.insertInto('enforcementAgencies').values(data.agencies.map((a) => ({ code: a.code, name: a.name, legalBasis: '（测试）', fields: JSON.stringify(a.fields), street: null, createdAt: now, updatedAt: now, version: 1 }))).execute();
    const clock = systemClock();
    const svc = createImportService({ handle: t.handle, clock, audit: createAuditService({ db: t.handle.db, dialect: 'sqlite', clock }), dataDir: dir, parallelMinBytes: 0 });
    expect(await svc.checkpointed()).toBeNull();
    const { conn, own } = importConnection(t.handle.sqlite!);
    expect(own).toBe(true);
    expect(conn.pragma('wal_autocheckpoint', { simple: true })).toBe(0);
    conn.close();
    const main = t.handle.sqlite!;
    const before = main.pragma('wal_autocheckpoint', { simple: true });
    // the server's connection does not checkpoint while the import runs (its job-status commit would copy the import)
    const during = new Set<unknown>();
    const res = await svc.importFile(null, 'inspections', file, { fileName: 'insp.csv', mode: 'valid-only', onProgress: () => void during.add(main.pragma('wal_autocheckpoint', { simple: true })) });
    expect(res.committed).toBe(true);
    expect([...during]).toEqual([0]);
    const ck = await svc.checkpointed();
    expect(main.pragma('wal_autocheckpoint', { simple: true })).toBe(before);
    expect(ck).not.toBeNull();
    expect(ck!.frames).toBeGreaterThan(0);
    expect(ck!.checkpointed).toBe(ck!.frames);
    // nothing left for the server's connection to copy, and the data is there
    const [again] = t.handle.sqlite!.pragma('wal_checkpoint(PASSIVE)') as { log: number; checkpointed: number }[];
    expect(again!.checkpointed).toBe(again!.log);
    expect((await storedInspectionRecords(t.handle)).length).toBe(res.imported);
  }, 60_000);

  it('a quoted field spanning the middle of the file (where a cut would fall): the same as one reader', async () => {
    const rows = data.rows.map(csvLine);
    const half = rows.reduce((a, l) => a + l.length + 1, 0) >> 1;
    // a record whose quoted name holds line ends across the middle of the file: a cut at a line end in the middle
    // would split it; the quote check sees the quote and the whole file goes to one reader
    const spanning = csvLine([...data.rows[0]!.slice(0, 5), `"${'甲\n'.repeat(Math.ceil(half / 4))}"`, ...data.rows[0]!.slice(6)].map((v, i) => (i === 0 ? 'QUOTED-1' : v)));
    const quoted = path.join(dir, 'quoted.csv');
    // from 40% of the rows on, as long as half the rows: the file's middle (0.75 of the rows' bytes) is inside it
    const at = Math.floor(rows.length * 0.4);
    writeFileSync(quoted, `${[data.header.join(','), ...rows.slice(0, at), spanning, ...rows.slice(at)].join('\n')}\n`);
    const one = await importWith(1 << 30, 'valid-only', quoted);
    const par = await importWith(0, 'valid-only', quoted);
    expect(one.res.rejectedTotal).toBe(1);
    expect(par.res).toEqual(one.res);
    expect(par.stored).toEqual(one.stored);
    expect(par.firms).toEqual(one.firms);
    expect(par.report).toEqual(one.report);
  }, 60_000);

  it('all: rejected rows reported alike and nothing written', async () => {
    const one = await importWith(1 << 30, 'all');
    const par = await importWith(0, 'all');
    expect(par.res).toEqual(one.res);
    expect(par.res.committed).toBe(false);
    expect(par.stored).toEqual([]);
    expect(par.report).toEqual(one.report);
  }, 60_000);
});
