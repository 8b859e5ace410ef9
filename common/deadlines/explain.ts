/**
 * Builds the zh-CN explanation of a computed period (short: about 4–8 steps whatever the length).
 * Only called when explain !== false; the counting itself never touches strings.
 */
import { DAY_OFF, DAY_UNPUBLISHED, DAY_WORK, type WorkCalendar } from '../calendar/work-calendar';
import { WEEKDAY_NAMES_ZH, formatDate, formatDateZh, weekdayOf } from '../calendar/dates';
import { CITE_HOLIDAYS, CITE_ROLL_FORWARD, CITE_START_EXCLUDED } from './citations';
import type { ResolvedPause, Segment } from './engine';
import type { AddPeriodInput, RuleUnit, Step } from './types';

export function unitText(unit: RuleUnit): string {
  return unit === 'WD' ? '个工作日' : unit === 'H' ? '小时' : '日';
}

/** '跳过 … 春节假期；2025-01-26（星期日）为调休上班日，计入' for the days a < d ≤ b. */
export function describeHolidays(
  cal: WorkCalendar,
  after: number,
  end: number,
  pauses: readonly ResolvedPause[] = [],
): string {
  const paused = (d: number) => pauses.some((p) => d >= p.a && d <= p.b);
  const runs: string[] = [];
  const workdays: string[] = [];
  let runStart = -1;
  let runNames: string[] = [];
  const closeRun = (last: number) => {
    if (runStart < 0) return;
    const span = runStart === last ? formatDate(runStart) : `${formatDate(runStart)} 至 ${formatDate(last)}`;
    runs.push(`跳过 ${span} ${runNames.join('、')}假期`);
    runStart = -1;
    runNames = [];
  };
  for (let d = after + 1; d <= end; d++) {
    const kind = paused(d) ? -1 : cal.codeOf(d) & 3;
    if (kind === DAY_OFF) {
      if (runStart < 0) runStart = d;
      const name = cal.holidayOf(d);
      if (name && !runNames.includes(name)) runNames.push(name);
    } else {
      closeRun(d - 1);
      if (kind === DAY_WORK) workdays.push(formatDateZh(d));
    }
  }
  closeRun(end);
  const parts = [...runs];
  if (workdays.length > 0) parts.push(`${workdays.join('、')}为调休上班日，计入`);
  return parts.length > 0 ? parts.join('；') : '期间内无法定节假日或调休上班日';
}

function whyNotWorkday(cal: WorkCalendar, d: number, paused: boolean): string {
  if (paused) return '中止期间';
  const code = cal.codeOf(d);
  if ((code & 3) === DAY_OFF) return `法定休假日（${cal.holidayOf(d) ?? '节假日'}）`;
  const tail = code & DAY_UNPUBLISHED ? '，该年度节假日安排尚未公布，暂按双休日推算' : '';
  return `${WEEKDAY_NAMES_ZH[weekdayOf(d)]}（休息日${tail}）`;
}

function pausedWithin(pauses: readonly ResolvedPause[], a: number, b: number): number {
  // merged overlap of pauses with [a, b]
  const iv = pauses
    .map((p) => [Math.max(p.a, a), Math.min(p.b, b)] as const)
    .filter(([x, y]) => y >= x)
    .sort((p, q) => p[0] - q[0]);
  let total = 0;
  let curEnd = -Infinity;
  for (const [x, y] of iv) {
    const s = Math.max(x, curEnd + 1);
    if (y >= s) total += y - s + 1;
    curEnd = Math.max(curEnd, y);
  }
  return total;
}

export interface ExplainContext {
  from: number;
  due: number;
  rawEnd: number;
  input: AddPeriodInput;
  segments: readonly Segment[];
  pauses: readonly ResolvedPause[];
  asOf: number | null;
  unpublishedYears: readonly number[];
  backward: boolean;
}

const MAX_PAUSE_STEPS = 3;

export function explainPeriod(cal: WorkCalendar, ctx: ExplainContext): Step[] {
  const { from, due, rawEnd, input, segments, pauses, asOf, backward } = ctx;
  const steps: Step[] = [];

  steps.push({
    code: 'START',
    date: formatDate(from),
    text: backward
      ? `以 ${formatDateZh(from)}为基准日向前倒算，基准日不计入期间（${CITE_START_EXCLUDED}）`
      : `起算日 ${formatDateZh(from)}不计入期间（${CITE_START_EXCLUDED}）`,
    citation: CITE_START_EXCLUDED,
  });

  // Pauses, in date order; at most MAX_PAUSE_STEPS shown one by one.
  const sorted = [...pauses].sort((p, q) => p.a - q.a);
  sorted.slice(0, MAX_PAUSE_STEPS).forEach((p) => {
    const ov = pausedWithin([p], from + 1, due);
    const why = [p.pause.reason, p.pause.article].filter(Boolean).join('，');
    let text: string;
    if (ov === 0) {
      text = `${formatDate(p.a)} 至 ${formatDate(p.b)} 中止，不在本期间内，不影响期限（${why}）`;
    } else if (p.open) {
      text = `${formatDate(p.a)} 起中止，截至 ${formatDate(asOf as number)} 尚未恢复，已有 ${ov} 日不计入期间；恢复前期限届满日随之后延（${why}）`;
    } else {
      text = `${formatDate(p.a)} 至 ${formatDate(p.b)} 中止，共 ${ov} 日不计入期间（${why}）`;
    }
    const step: Step = { code: 'PAUSE', date: formatDate(p.a), text };
    if (p.pause.article) step.citation = p.pause.article;
    steps.push(step);
  });
  if (sorted.length > MAX_PAUSE_STEPS) {
    const rest = sorted.slice(MAX_PAUSE_STEPS);
    steps.push({
      code: 'PAUSE',
      text: `另有 ${rest.length} 段中止，共 ${pausedWithin(rest, from + 1, due)} 日不计入期间（各段明细见中止记录）`,
    });
  }

  const base = segments[0] as Segment;
  const n = base.length;
  const hasExtensions = segments.length > 1;
  const rolled = due !== rawEnd;
  const basis = input.unitBasis;

  if (backward) {
    const text =
      base.unit === 'WD'
        ? `向前倒算 ${n} 个工作日（星期六、星期日和法定休假日不计入，调休上班日计入）：${describeHolidays(cal, base.end - 1, base.after - 1)}；第 ${n} 个工作日为 ${formatDateZh(base.end)}`
        : `向前倒算 ${n} 日为 ${formatDateZh(base.end)}`;
    const step: Step = { code: 'COUNT', date: formatDate(base.end), text };
    if (basis && base.unit === 'WD') step.citation = basis;
    steps.push(step);
  } else {
    segments.forEach((seg, i) => {
      const paused = pausedWithin(pauses, seg.after + 1, seg.end);
      const pausedText = paused > 0 ? `扣除中止期间 ${paused} 日，` : '';
      let text: string;
      if (seg.unit === 'WD') {
        const lead =
          i === 0
            ? `按工作日计算 ${seg.length} 日（星期六、星期日和法定休假日不计入，调休上班日计入）`
            : `延长 ${seg.length} 个工作日`;
        const tail = hasExtensions || rolled ? `；${pausedText}第 ${seg.length} 个工作日为 ${formatDateZh(seg.end)}` : paused > 0 ? `；${pausedText.slice(0, -1)}` : '';
        text = `${lead}：${describeHolidays(cal, seg.after, seg.end, pauses)}${tail}`;
      } else {
        const lead = i === 0 ? `按自然日计算 ${seg.length} 日` : `延长 ${seg.length} 日（自然日）`;
        text = `${lead}：自 ${formatDate(seg.after + 1)} 起算，${pausedText}第 ${seg.length} 日为 ${formatDateZh(seg.end)}`;
      }
      if (seg.extension) {
        const e = seg.extension;
        const why = [e.reason, e.article, e.approvedOn ? `${e.approvedOn} 批准` : ''].filter(Boolean).join('，');
        const body = text.slice(text.indexOf('：') + 1).replace(/^自 \d{4}-\d{2}-\d{2} 起算，/, '');
        text = `经批准延长 ${seg.length} ${seg.unit === 'WD' ? '个工作日' : '日（自然日）'}（${why}）：自原届满日 ${formatDate(seg.after)} 的次日起算，${body}`;
        const step: Step = { code: 'EXTENSION', date: formatDate(seg.end), text };
        if (e.article) step.citation = e.article;
        steps.push(step);
      } else {
        const step: Step = { code: 'COUNT', date: formatDate(seg.end), text };
        if (basis && seg.unit === 'WD') step.citation = basis;
        steps.push(step);
      }
    });
  }

  if (rolled) {
    const isPaused = pauses.some((p) => rawEnd >= p.a && rawEnd <= p.b);
    const why = whyNotWorkday(cal, rawEnd, isPaused);
    steps.push(
      backward
        ? {
            code: 'ROLL',
            date: formatDate(due),
            text: `倒算所得 ${formatDate(rawEnd)} 为${why}，提前至其前一个工作日 ${formatDate(due)}，以保证期间不少于法定日数（法律未明文规定倒算期间的处理，此为从严处理）`,
          }
        : {
            code: 'ROLL',
            date: formatDate(due),
            text: `期间届满日 ${formatDate(rawEnd)} 为${why}，顺延至 ${formatDate(due)}（${CITE_ROLL_FORWARD}）`,
            citation: CITE_ROLL_FORWARD,
          },
    );
  }

  if (ctx.unpublishedYears.length > 0) {
    steps.push({
      code: 'UNPUBLISHED',
      text: `${ctx.unpublishedYears.map((y) => `${y} 年`).join('、')}的节假日安排尚未公布，相关日期暂按星期一至星期五为工作日推算；国务院办公厅公布该年度安排后须重新计算`,
      citation: CITE_HOLIDAYS,
    });
  }

  const openPause = pauses.some((p) => p.open);
  let dueText: string;
  if (backward) dueText = `倒算结果为 ${formatDateZh(due)}`;
  else if (openPause) dueText = `期限届满日暂为 ${formatDateZh(due)}（中止尚未结束，按截至 ${formatDate(asOf as number)} 的情况计算，恢复后重新计算）`;
  else if (base.unit === 'WD' && !hasExtensions && !rolled) dueText = `第 ${n} 个工作日为 ${formatDateZh(due)}，即期限届满日`;
  else dueText = `期限届满日为 ${formatDateZh(due)}`;
  // a due date on a Saturday or Sunday that the State Council's schedule made a working day would look wrong
  // without saying so (and, counted in calendar days, it is not moved: it is not a rest day)
  if (!backward && (cal.codeOf(due) & 3) === DAY_WORK) dueText += base.unit === 'WD' ? '（该日为调休上班日）' : '（该日为调休上班日，不是休假日，不顺延）';
  if (ctx.unpublishedYears.length > 0) dueText += '（暂定）';
  steps.push({ code: 'DUE', date: formatDate(due), text: dueText });
  return steps;
}
