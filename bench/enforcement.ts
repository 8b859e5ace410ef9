/**
 * 行政执法监督 at city scale: `npm run bench -- enforcement` (BENCH_INSPECTIONS=1000000 for a quick run).
 *
 * 1. Generates N inspection rows (default 10,000,000) as the import CSV in a temp dir.
 * 2. Imports it into a fresh embedded SQLite database through the same importer as the API and the CLI
 *    (createImportService().importFile: validation, idempotency by id, the firm register, columnar segments as the
 *    store of record, one transaction — ADR 0005 stop 15).
 * 3. Takes the detections' snapshot (cut from the held store, sorted by firm and day), times a restart (a new handle
 *    replaying the segments), runs every inspection detection over the typed arrays.
 * 4. In the same run, loads the same CSV into DuckDB (read_csv) and runs the same detections as SQL; prints both
 *    times, the ratios against the targets (import ≤ 2× DuckDB's load; each detection ≥ 10× faster than DuckDB)
 *    and the flag counts of both engines, which must agree.
 * Peak memory: process.resourceUsage().maxRSS, and the heap + array buffers high-water mark sampled every 100 ms.
 * Prints figures, asserts nothing (except the flag counts agreeing, reported as MISMATCH otherwise).
 * BENCH_DATA_DIR=/some/dir keeps the generated CSV there between runs (the database is always fresh).
 * 5. A register edit: an officer's certificate is changed (bumping the officers' version only, ADR 0005 2026-11-29),
 *    then expired-certificate is run and materialised as the API does (runDetection); the same run after a global
 *    version bump (what every register edit did before) shows the cost of re-reading the inspection columns.
 * BENCH_DUCKDB=0 skips the DuckDB half (for a quick look at our own figures on a loaded machine).
 * BENCH_IMPORT_ROUNDS=k (default 3): paired rounds of our import and DuckDB's in-memory load; the target is judged on the medians.
 * BENCH_IMPORT_ONLY=1: stop after the paired import rounds (their medians and ratio; for work on the importer).
 */
import { once } from 'node:events';
import { createWriteStream, existsSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { DuckDBInstance } from '@duckdb/node-api';
import { DETECTION_RULES } from '../common/contracts/enforcement';
import { createRng, generateCreditCode } from '../common/validators';
import { createDb, migrateToLatest } from '../server/db';
import { allInspections, bumpDataVersion, evaluateInspectionRule, inspectionSnapshot, runDetection, snapshotStats } from '../server/modules/enforcement/detections/detections.service';
import { type InspectionColumns, dayString, dayNumber } from '../server/modules/enforcement/detections/columns';
import { createImportService } from '../server/modules/enforcement/enforcement.import.service';
import { createAuditService } from '../server/platform/audit';
import { systemClock } from '../server/platform/clock';

const FIELDS = ['urban', 'market', 'ecology', 'safety', 'fire', 'health', 'transport', 'housing', 'culture', 'labour', 'commerce', 'education', 'drug'];
const KINDS = ['plan', 'random', 'complaint', 'special', 'other'];
const KIND_WEIGHTS = [0.35, 0.35, 0.1, 0.1, 0.1];

const ms = (t0: bigint) => Number(process.hrtime.bigint() - t0) / 1e6;
const fmt = (x: number) => (x >= 1000 ? `${(x / 1000).toFixed(2)} s` : `${x.toFixed(1)} ms`);

/** Order-independent checksum of the record ids of some columns. */
function idChecksum(c: InspectionColumns): number {
  let sum = 0;
  for (let i = 0; i < c.n; i++) {
    let h = 0x811c9dc5;
    for (let k = c.idStart[i]!, e = c.idStart[i + 1]!; k < e; k++) h = Math.imul(h ^ c.idBytes[k]!, 0x01000193);
    sum = (sum + (h >>> 0)) % 0x100000000;
  }
  return sum;
}

let peak = 0;
function sample() {
  const m = process.memoryUsage();
  peak = Math.max(peak, m.rss);
}

interface Dataset {
  file: string;
  agencies: { code: string; name: string; fields: string[] }[];
  officers: { id: string; from: string; to: string }[];
  bytes: number;
}

/** 60 agencies (two fields each), 40 officers per agency; officer 0's certificate expires mid-2025. */
function generateRegisters(): Pick<Dataset, 'agencies' | 'officers'> {
  const agencies = Array.from({ length: 60 }, (_, i) => ({ code: `AG${String(i).padStart(3, '0')}`, name: `第${i}执法主体`, fields: [FIELDS[i % 13]!, FIELDS[(i * 7 + 3) % 13]!] }));
  const officers: Dataset['officers'] = [];
  for (const a of agencies) for (let k = 0; k < 40; k++) officers.push({ id: `${a.code}-${String(k).padStart(2, '0')}`, from: '2023-01-01', to: k === 0 ? '2025-06-30' : '2027-12-31' });
  return { agencies, officers };
}

/** Deterministic city-scale data: N/8 firms, 60 agencies (two fields each), 40 officers per agency, one year. */
export async function generate(dir: string, n: number): Promise<Dataset> {
  const rng = createRng(2025);
  const nFirms = Math.max(100, Math.floor(n / 8));
  const firms: string[] = [];
  const seen = new Set<string>();
  while (firms.length < nFirms) {
    const c = generateCreditCode(rng);
    if (!seen.has(c)) {
      seen.add(c);
      firms.push(c);
    }
  }
  seen.clear();
  const { agencies, officers } = generateRegisters();
  const start = dayNumber('2025-01-01');
  const days = Array.from({ length: 365 }, (_, i) => dayString(start + i));
  const file = path.join(dir, 'inspections.csv');
  const out = createWriteStream(file, { highWaterMark: 1 << 22 });
  out.write('\uFEFFinspection_id,agency_code,agency_name,officer_id,target_credit_code,target_name,field,kind,plan_id,joint_id,inspected_on,found_problem,duration_minutes\n');
  let buf = '';
  let jointNo = 0;
  let i = 0;
  while (i < n) {
    const firm = firms[Math.floor(rng.next() * nFirms)]!;
    const day = days[Math.floor(rng.next() * 365)]!;
    // 3% of events are joint inspections of 2–3 agencies (one row per agency, one joint_id)
    const joint = rng.next() < 0.03;
    const size = joint ? 2 + Math.floor(rng.next() * 2) : 1;
    const jid = joint ? `J${++jointNo}` : '';
    for (let s = 0; s < size && i < n; s++, i++) {
      const ai = Math.floor(rng.next() * 60);
      const a = agencies[ai]!;
      const officer = `${a.code}-${String(Math.floor(rng.next() * 40)).padStart(2, '0')}`;
      const field = a.fields[rng.next() < 0.7 ? 0 : 1]!;
      const u = rng.next();
      let ki = 0;
      for (let acc = KIND_WEIGHTS[0]!; u > acc && ki < 4; ) acc += KIND_WEIGHTS[++ki]!;
      const kind = KINDS[ki]!;
      const plan = (kind === 'plan' || kind === 'special') && rng.next() < 0.97 ? `PL-${a.code}-${field}` : '';
      // officer 0 of every tenth agency rarely finds anything: low-yield candidates
      const pFound = officer.endsWith('-00') && ai % 10 === 0 ? 0.02 : 0.3;
      buf += `I${String(i).padStart(9, '0')},${a.code},${a.name},${officer},${firm},企业${firm.slice(8, 16)},${field},${kind},${plan},${jid},${day},${rng.next() < pFound ? 1 : 0},${20 + Math.floor(rng.next() * 100)}\n`;
    }
    if (buf.length > 1 << 20) {
      if (!out.write(buf)) await once(out, 'drain');
      buf = '';
      sample();
    }
  }
  out.write(buf);
  out.end();
  await once(out, 'finish');
  return { file, agencies, officers, bytes: statSync(file).size };
}

/**
 * The detections as SQL in DuckDB, same semantics as engine.ts (default parameters). Like ours, each query
 * materialises its flags with their evidence (the inspection ids behind each flag) — into a temp table.
 */
const DUCK_SQL: Record<string, string> = {
  'repeated-inspection': `
    with v as (
      select target_credit_code f, agency_code a, field, coalesce(joint_id, inspection_id) vk, min(inspected_on) d, list(inspection_id) ids
      from insp where kind <> 'complaint' group by target_credit_code, agency_code, field, coalesce(joint_id, inspection_id)
    ), g as (
      select *, case when lag(d) over w is null or d - lag(d) over w > 30 then 1 else 0 end as brk
      from v window w as (partition by f, a, field order by d)
    ), c as (
      select *, sum(brk) over (partition by f, a, field order by d rows unbounded preceding) ch from g
    )
    select f, a, field, ch, flatten(list(ids)) ids, min(d) first_on, max(d) last_on from c group by f, a, field, ch having count(*) >= 2`,
  'multi-agency-inspection': `
    with r as (
      select target_credit_code f, agency_code a, inspected_on d, inspection_id id from insp where joint_id is null and kind <> 'complaint'
    ), q as (
      select distinct f, d from (
        select f, d, count(distinct a) over (partition by f order by d range between current row and interval 30 days following) na from r
      ) where na >= 3
    ), k as (
      select f, d, case when lag(d) over (partition by f order by d) is null or d - lag(d) over (partition by f order by d) > 30 then 1 else 0 end as brk from q
    ), cl as (
      select f, d, sum(brk) over (partition by f order by d rows unbounded preceding) cid from k
    ), iv as (
      select f, cid, min(d) s, max(d) + 30 e from cl group by f, cid
    )
    select iv.f, iv.cid, list(r.id) ids, list(distinct r.a) agencies from iv join r on r.f = iv.f and r.d between iv.s and iv.e group by iv.f, iv.cid`,
  'unplanned-inspection': `select target_credit_code, agency_code, inspection_id from insp where kind in ('plan', 'special') and plan_id is null`,
  'low-yield-officer': `
    with o as (
      select officer_id, field, count(*) n, avg(found_problem) rate from insp group by officer_id, field having count(*) >= 50
    ), m as (select field, median(rate) med from o group by field),
    fl as (select o.officer_id, o.field from o join m using (field) where m.med > 0 and o.rate < 0.25 * m.med)
    select i.officer_id, i.field, list(i.inspection_id) ids from insp i join fl using (officer_id, field) group by i.officer_id, i.field`,
  'frequency-cap': `
    with v as (
      select target_credit_code f, agency_code a, field, year(inspected_on) y, list(inspection_id) ids
      from insp where kind <> 'complaint'
      group by target_credit_code, agency_code, field, year(inspected_on), coalesce(joint_id, inspection_id)
    )
    select f, a, field, y, count(*) visits, flatten(list(ids)) ids from v group by f, a, field, y
    having count(*) > (select max(cap) from caps c where c.agency_code = v.a and c.field = v.field and c.year = v.y)`,
  'expired-certificate': `
    select i.officer_id, list(i.inspection_id) ids from insp i left join officers o on o.id = i.officer_id
    where o.id is null or i.inspected_on < o.valid_from or i.inspected_on > o.valid_to group by i.officer_id`,
};

export async function run(): Promise<void> {
  const n = Number(process.env.BENCH_INSPECTIONS ?? 10_000_000);
  // the import's worker threads run the bundle the built server runs (from source each would first compile its
  // TypeScript through tsx, ~0.8 s): built here with the server's esbuild settings
  const workerBundle = fileURLToPath(new URL('../node_modules/.cache/fazhi-bench/inspection-import-worker.mjs', import.meta.url));
  await build({ entryPoints: [fileURLToPath(new URL('../server/modules/enforcement/inspection-import.worker.ts', import.meta.url))], outfile: workerBundle, bundle: true, platform: 'node', target: 'node20', format: 'esm', packages: 'external', logLevel: 'warning' });
  process.env.FAZHI_IMPORT_WORKER = workerBundle;
  // the importer prints the time of each of its phases (stderr)
  process.env.FAZHI_IMPORT_TIMING ??= '1';
  const timer = setInterval(sample, 100);
  // BENCH_DATA_DIR keeps the generated CSV between runs (the database is always fresh)
  const keep = process.env.BENCH_DATA_DIR;
  const dir = keep ? path.join(keep, `n${n}`) : mkdtempSync(path.join(tmpdir(), 'fazhi-bench-enf-'));
  try {
    console.log(`inspections: ${n.toLocaleString('en')}  (BENCH_INSPECTIONS to change), data dir ${dir}`);
    let t0 = process.hrtime.bigint();
    let data: Dataset;
    const csv = path.join(dir, 'inspections.csv');
    if (keep && existsSync(csv) && existsSync(`${csv}.done`)) {
      data = { ...generateRegisters(), file: csv, bytes: statSync(csv).size };
      console.log(`generate CSV: reused ${csv}, ${(data.bytes / 1e6).toFixed(0)} MB`);
    } else {
      mkdirSync(dir, { recursive: true });
      data = await generate(dir, n);
      if (keep) writeFileSync(`${csv}.done`, '');
      console.log(`generate CSV: ${fmt(ms(t0))}, ${(data.bytes / 1e6).toFixed(0)} MB`);
    }
    for (const f of ['fazhi.db', 'fazhi.db-wal', 'fazhi.db-shm']) rmSync(path.join(dir, f), { force: true });

    // ---------------------------------------------------------------- ours: import into embedded SQLite
    const now = new Date().toISOString();
    const plans = data.agencies.flatMap((a) => [...new Set(a.fields)].map((f) => ({ agencyCode: a.code, field: f, year: 2025, perFirmCap: 2 })));
    const clock = systemClock();
    /** A fresh embedded database with the registers (agencies, officers) the import checks against. */
    const freshDb = async (file: string) => {
      for (const f of [file, `${file}-wal`, `${file}-shm`]) rmSync(f, { force: true });
      const h = createDb({ databaseUrl: null, sqliteFile: file });
      await migrateToLatest(h.db);
      await h.db.insertInto('enforcementAgencies').values(data.agencies.map((a) => ({ code: a.code, name: a.name, legalBasis: '（基准测试）', fields: JSON.stringify(a.fields), street: null, createdAt: now, updatedAt: now, version: 1 }))).execute();
      for (let i = 0; i < data.officers.length; i += 500)
        await h.db.insertInto('enforcementOfficers').values(data.officers.slice(i, i + 500).map((o) => ({ id: o.id, agencyCode: o.id.slice(0, 5), name: o.id, certificateNo: `ZF${o.id}`, certificateValidFrom: o.from, certificateValidTo: o.to, createdAt: now, updatedAt: now, version: 1 }))).execute();
      return h;
    };
    const duckLoadSql = `create table insp as select * from read_csv('${data.file.replace(/'/g, "''")}', header = true, columns = {
      'inspection_id': 'VARCHAR', 'agency_code': 'VARCHAR', 'agency_name': 'VARCHAR', 'officer_id': 'VARCHAR', 'target_credit_code': 'VARCHAR',
      'target_name': 'VARCHAR', 'field': 'VARCHAR', 'kind': 'VARCHAR', 'plan_id': 'VARCHAR', 'joint_id': 'VARCHAR', 'inspected_on': 'DATE',
      'found_problem': 'INTEGER', 'duration_minutes': 'INTEGER'})`;
    // The import target is judged on paired rounds — ours into a fresh database, then DuckDB's in-memory load of the
    // same file — repeated BENCH_IMPORT_ROUNDS times (default 3; DuckDB skipped with BENCH_DUCKDB=0), medians compared:
    // single loads on this shared VM vary by up to 1.7×. The last round's database is the one the rest of the bench uses.
    const rounds = Math.max(1, Number(process.env.BENCH_IMPORT_ROUNDS ?? 3));
    const oursRounds: number[] = [];
    const duckRounds: number[] = [];
    let handle = null as unknown as ReturnType<typeof createDb>;
    let res = null as unknown as Awaited<ReturnType<ReturnType<typeof createImportService>['importFile']>>;
    for (let k = 0; k < rounds; k++) {
      const last = k === rounds - 1;
      const h = await freshDb(path.join(dir, last ? 'fazhi.db' : 'round.db'));
      const svc = createImportService({ handle: h, clock, audit: createAuditService({ db: h.db, dialect: 'sqlite', clock }), dataDir: dir });
      t0 = process.hrtime.bigint();
      const r = await svc.importFile(null, 'inspections', data.file, { fileName: 'bench.csv', mode: 'all' });
      oursRounds.push(ms(t0));
      // the WAL checkpoint the import leaves to a worker: waited for (and shown) before anything else is timed
      t0 = process.hrtime.bigint();
      const ck = await svc.checkpointed();
      console.log(`  WAL checkpoint after the import (worker thread, not part of the import): ${fmt(ms(t0))}, ${ck ? `${ck.checkpointed}/${ck.frames} frames` : 'none'}`);
      if (last) {
        handle = h;
        res = r;
      } else {
        await h.close();
        for (const f of ['round.db', 'round.db-wal', 'round.db-shm']) rmSync(path.join(dir, f), { force: true });
      }
      if (process.env.BENCH_DUCKDB !== '0') {
        const dk = await DuckDBInstance.create(':memory:');
        const dc = await dk.connect();
        t0 = process.hrtime.bigint();
        await dc.run(duckLoadSql);
        duckRounds.push(ms(t0));
        dc.closeSync();
        dk.closeSync();
      }
      console.log(`round ${k + 1}/${rounds}: ours ${fmt(oursRounds[k]!)}${duckRounds[k] !== undefined ? `, DuckDB read_csv (in memory) ${fmt(duckRounds[k]!)}` : ''}`);
      sample();
    }
    const median = (a: number[]) => [...a].sort((x, y) => x - y)[Math.floor((a.length - 1) / 2)]!;
    const importMs = median(oursRounds);
    console.log(`ours   import (API importer → SQLite, one transaction), median of ${rounds}: ${fmt(importMs)}  (${Math.round(n / (importMs / 1000)).toLocaleString('en')} rows/s; imported ${res.imported}, rejected ${res.rejectedTotal})`);
    if (process.env.BENCH_IMPORT_ONLY === '1') {
      if (duckRounds.length) console.log(`import (medians): ours ${fmt(importMs)} (${oursRounds.map(fmt).join(', ')}) vs DuckDB ${fmt(median(duckRounds))} (${duckRounds.map(fmt).join(', ')}) → ${(importMs / median(duckRounds)).toFixed(2)}× DuckDB (target ≤ 2×)`);
      await handle.close();
      return;
    }

    const range = { from: '2025-01-01', to: '2025-12-31' };
    // the detections' snapshot right after the import: cut from the held store the import committed into (ADR 0005)
    t0 = process.hrtime.bigint();
    const { cols, views } = await inspectionSnapshot(handle, range);
    const snapMs = ms(t0);
    sample();
    // after a restart: a second handle on the same file replays the segments into its own store, then the same cut
    const h2 = createDb({ databaseUrl: null, sqliteFile: path.join(dir, 'fazhi.db') });
    t0 = process.hrtime.bigint();
    let reload: InspectionColumns | null = await allInspections(h2);
    const loadMs = ms(t0);
    const same = reload.n === n - res.rejectedTotal && idChecksum(reload) === idChecksum(await allInspections(handle)); // the same ids (in any order: the snapshot sorts its columns in place)
    reload = null;
    await h2.close();
    sample();
    const m = process.memoryUsage();
    console.log(`ours   snapshot for the detections from the held store (cut + sort by firm, day): ${fmt(snapMs)}`);
    console.log(`ours   after a restart: replay the segments into a new store ${fmt(loadMs)}${same ? '' : '  MISMATCH with the imported rows'}; RSS now ${(m.rss / 1e6).toFixed(0)} MB (array buffers ${(m.arrayBuffers / 1e6).toFixed(0)} MB, heap ${(m.heapUsed / 1e6).toFixed(0)} MB)`);

    // ---------------------------------------------------------------- a register edit, then a detection run
    const editOfficer = async (to: string) => {
      await handle.db.transaction().execute(async (trx) => {
        await trx.updateTable('enforcementOfficers').set({ certificateValidTo: to, updatedAt: new Date().toISOString() }).where('id', '=', 'AG001-01').execute();
        await bumpDataVersion(trx, 'officers');
      });
    };
    const loads0 = snapshotStats().tableLoads;
    await editOfficer('2025-03-31');
    t0 = process.hrtime.bigint();
    const afterEdit = await runDetection(handle, 'expired-certificate', null, range, { now: new Date().toISOString() });
    const editMs = ms(t0);
    const reloaded = snapshotStats().tableLoads - loads0;
    console.log(`ours   officer edit → expired-certificate run + materialise: ${fmt(editMs)} (${afterEdit.flags.length} flags; inspection columns re-read ${reloaded}×)`);
    // before the per-source versions every register edit bumped the one data version: the same run re-reads the table
    await handle.db.transaction().execute(async (trx) => {
      await trx.updateTable('enforcementOfficers').set({ certificateValidTo: '2025-04-30' }).where('id', '=', 'AG001-01').execute();
      await bumpDataVersion(trx);
    });
    t0 = process.hrtime.bigint();
    const afterGlobal = await runDetection(handle, 'expired-certificate', null, range, { now: new Date().toISOString() });
    const globalMs = ms(t0);
    console.log(`ours   same edit with a global version bump (the behaviour before): ${fmt(globalMs)} (${afterGlobal.flags.length} flags; inspection columns re-read ${snapshotStats().tableLoads - loads0 - reloaded}×) → ${(globalMs / editMs).toFixed(0)}× slower`);
    sample();
    await handle.close();
    if (process.env.BENCH_DUCKDB === '0') {
      console.log('DuckDB half skipped (BENCH_DUCKDB=0)');
      return;
    }

    const officers = data.officers.map((o) => ({ id: o.id, certificateValidFrom: o.from, certificateValidTo: o.to }));
    /** One warm-up run (not counted: JIT / caches), then the best of 3 — the same for both engines. */
    const runOurs = (rule: string) => {
      const params = { ...DETECTION_RULES[rule as 'repeated-inspection'].defaults, ...(rule === 'frequency-cap' ? { defaultCap: null } : {}) };
      let best = Infinity;
      let flags = 0;
      for (let k = 0; k < 4; k++) {
        t0 = process.hrtime.bigint();
        flags = evaluateInspectionRule(rule as 'repeated-inspection', params as never, cols, views, { plans, officers }).length;
        if (k > 0) best = Math.min(best, ms(t0));
      }
      sample();
      return { ms: best, flags };
    };
    runOurs('repeated-inspection'); // measured again below, interleaved with DuckDB
    sample();

    // ---------------------------------------------------------------- DuckDB, same data, same run
    const oursPeak = peak;
    console.log(`ours   peak RSS so far (generate + import + columns + a detection run, before DuckDB starts): ${(oursPeak / 1e6).toFixed(0)} MB`);
    const loadSql = duckLoadSql;
    // context, not the target: the same load into a DuckDB database FILE, checkpointed — durable on disk, as our
    // import is (the target below is against the in-memory load, the stricter figure)
    const duckFile = path.join(dir, 'duck.db');
    for (const f of [duckFile, `${duckFile}.wal`]) rmSync(f, { force: true });
    const fileDuck = await DuckDBInstance.create(duckFile);
    const fileCon = await fileDuck.connect();
    t0 = process.hrtime.bigint();
    await fileCon.run(loadSql);
    await fileCon.run('checkpoint');
    const duckFileMs = ms(t0);
    fileCon.closeSync();
    fileDuck.closeSync();
    for (const f of [duckFile, `${duckFile}.wal`]) rmSync(f, { force: true });
    sample();
    const duck = await DuckDBInstance.create(':memory:');
    const con = await duck.connect();
    t0 = process.hrtime.bigint();
    await con.run(loadSql);
    const duckTableMs = ms(t0);
    duckRounds.push(duckTableMs);
    const duckLoadMs = median(duckRounds);
    await con.run(`create table caps as select * from (values ${plans.map((p) => `('${p.agencyCode}', '${p.field}', ${p.year}, ${p.perFirmCap})`).join(',')}) t(agency_code, field, year, cap)`);
    await con.run(`create table officers as select * from (values ${data.officers.map((o) => `('${o.id}', DATE '${o.from}', DATE '${o.to}')`).join(',')}) t(id, valid_from, valid_to)`);
    const threads = (await con.runAndReadAll(`select current_setting('threads') t`)).getRows()[0]![0];
    console.log(`duckdb load CSV (read_csv → table in memory, ${String(threads)} threads): ${fmt(duckTableMs)} for the detections' table; median of ${duckRounds.length} loads ${fmt(duckLoadMs)} (${duckRounds.map(fmt).join(', ')})`);
    console.log(`duckdb load CSV into a database file + checkpoint (durable, like ours; context only): ${fmt(duckFileMs)}`);
    console.log(`import (medians): ours ${fmt(importMs)} (${oursRounds.map(fmt).join(', ')}) vs DuckDB ${fmt(duckLoadMs)} → ${(importMs / duckLoadMs).toFixed(2)}× DuckDB (target ≤ 2×: ${importMs <= 2 * duckLoadMs ? 'met' : 'NOT met'}); ${(importMs / duckFileMs).toFixed(2)}× DuckDB's durable load`);

    // interleaved per rule (ours, then DuckDB), so that a change of load on the shared machine hits both sides alike
    console.log('\ndetection (warm-up + best of 3) ours (typed arrays)   DuckDB SQL      speed-up  flags ours / DuckDB');
    for (const rule of Object.keys(DUCK_SQL)) {
      const o = runOurs(rule);
      let dms = Infinity;
      for (let k = 0; k < 4; k++) {
        t0 = process.hrtime.bigint();
        await con.run(`create or replace temp table flags as ${DUCK_SQL[rule]!}`);
        if (k > 0) dms = Math.min(dms, ms(t0));
      }
      const dflags = Number((await con.runAndReadAll('select count(*) from flags')).getRows()[0]![0] ?? 0);
      const speed = dms / o.ms;
      console.log(`${rule.padEnd(30)}${fmt(o.ms).padStart(12)}  ${fmt(dms).padStart(16)}  ${speed.toFixed(1).padStart(8)}×  ${String(o.flags).padStart(9)} / ${dflags}${o.flags === dflags ? '' : '  MISMATCH'}${speed >= 10 ? '' : '  (target ≥ 10× not met)'}`);
      sample();
    }
    console.log(`(ours excludes the one-time snapshot ${fmt(snapMs)} — plus ${fmt(loadMs)} to replay the segments after a restart; DuckDB's CSV load is likewise excluded from its queries)`);
    con.closeSync();
    duck.closeSync();
    sample();
    const maxRss = process.resourceUsage().maxRSS * 1024;
    console.log(`\npeak memory: maxRSS ${(maxRss / 1e6).toFixed(0)} MB (process, DuckDB included); sampled RSS high-water ${(peak / 1e6).toFixed(0)} MB`);
  } finally {
    clearInterval(timer);
    if (keep) for (const f of ['fazhi.db', 'fazhi.db-wal', 'fazhi.db-shm']) rmSync(path.join(dir, f), { force: true });
    else rmSync(dir, { recursive: true, force: true });
  }
}
