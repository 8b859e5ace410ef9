/**
 * Micro-benchmark of the deadline engine (run: `npx tsx common/deadlines/deadlines.bench.ts`).
 * Prints ops/s and µs/op; no assertions on time (timings belong in benchmarks, never in tests).
 * Target: the server recomputes 100,000 open deadlines in < 1 s, i.e. well under 10 µs per computation.
 */
import { createOfficialCalendar, formatDate, parseDate } from '../calendar';
import { addPeriod, computeDeadline, getRule } from '.';

const cal = createOfficialCalendar();
const base = parseDate('2024-01-01');
const N = 200_000;
const starts = Array.from({ length: 1024 }, (_, i) => formatDate(base + ((i * 7919) % 900)));

function bench(name: string, fn: (i: number) => unknown): void {
  for (let i = 0; i < 20_000; i++) fn(i); // warm-up
  let sink = 0;
  const t0 = performance.now();
  for (let i = 0; i < N; i++) sink += (fn(i) as { due: string }).due.length;
  const ms = performance.now() - t0;
  const ops = (N / ms) * 1000;
  console.log(`${name.padEnd(46)} ${Math.round(ops).toLocaleString('en-US').padStart(12)} ops/s  ${((ms * 1000) / N).toFixed(2)} µs/op  (${sink > 0 ? 'ok' : ''})`);
}

const decision = getRule('reconsideration.decision');
const reply = getRule('reconsideration.respondentReply');
const pause = [{ from: '2024-03-10', to: '2024-03-20', reason: '中止' }];

bench('addPeriod CAL 60, explain:false', (i) => addPeriod(cal, { from: starts[i & 1023] as string, length: 60, unit: 'CAL', explain: false }));
bench('addPeriod WD 10, explain:false', (i) => addPeriod(cal, { from: starts[i & 1023] as string, length: 10, unit: 'WD', explain: false }));
bench('computeDeadline R12 (60 CAL), explain:false', (i) => computeDeadline(cal, decision, { start: starts[i & 1023] as string, explain: false }));
bench('computeDeadline R8 (10 WD), explain:false', (i) => computeDeadline(cal, reply, { start: starts[i & 1023] as string, explain: false }));
bench('computeDeadline R12 + pause + ext, explain:false', (i) =>
  computeDeadline(cal, decision, { start: starts[i & 1023] as string, pauses: pause, extensions: [{ length: 30, unit: 'CAL', reason: '复杂' }], explain: false }),
);
bench('computeDeadline R8 (10 WD), explain:true', (i) => computeDeadline(cal, reply, { start: starts[i & 1023] as string }));

const t0 = performance.now();
for (let i = 0; i < 100_000; i++) computeDeadline(cal, i % 2 ? decision : reply, { start: starts[i & 1023] as string, onUnpublished: 'flag', explain: false });
console.log(`100,000 mixed recomputations (explain:false): ${(performance.now() - t0).toFixed(1)} ms`);
