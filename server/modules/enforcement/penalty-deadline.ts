/**
 * The decision period of a penalty case — 《中华人民共和国行政处罚法》第六十条: “行政机关应当自行政处罚案件立案之日起九十日内
 * 作出行政处罚决定。法律、法规、规章另有规定的，从其规定。” — always through the one deadline engine: the catalogue rule
 * `enforcement.penaltyDecision` (E1: 90 calendar days, the filing day not counted, an end on a day off rolled to the
 * next working day) and computeDeadline; an approved extension under a sector rule is an engine Extension (law-rules.md
 * §6.1: sector extensions are UNVERIFIED, so the basis is what the approver cited and the UI marks it 待核实).
 * Nothing here adds days to a date itself: the engine computes every due date, this file only memoises it and finds,
 * by asking the engine, the latest filing day whose period has run out before a given day.
 */
import { type WorkCalendar, formatDate, parseDate } from '../../../common/calendar';
import { type DeadlineResult, type Extension, computeDeadline, getRule, ruleCitation } from '../../../common/deadlines';

export const PENALTY_RULE = 'enforcement.penaltyDecision';
export const PENALTY_EXTENSION_NOTE = '依《中华人民共和国行政处罚法》第六十条“法律、法规、规章另有规定的，从其规定”批准的延长；各领域延长规定未与官方文本逐一核对（待核实），以批准时援引的依据为准。';

export interface PenaltyExtensionInfo {
  days: number;
  basis: string;
  reason: string;
  approvedOn: string;
}

export const penaltyRule = () => getRule(PENALTY_RULE);
export const penaltyCitation = () => ruleCitation(penaltyRule());

function extensions(ext: PenaltyExtensionInfo | null): Extension[] {
  return ext ? [{ length: ext.days, unit: 'CAL', reason: ext.reason, approvedOn: ext.approvedOn, article: ext.basis }] : [];
}

/** The engine's result (due date, explanation steps with citations, flags) for one case. */
export function penaltyDeadline(cal: WorkCalendar, filedOn: string, ext: PenaltyExtensionInfo | null, explain = true): DeadlineResult {
  return computeDeadline(cal, penaltyRule(), { start: filedOn, extensions: extensions(ext), onUnpublished: 'flag', explain });
}

/**
 * Due dates of many cases: one engine computation per distinct (filing day, extension days) — a year of penalties has
 * a few hundred filing days, so 10^5 cases cost a few hundred computations.
 */
export function penaltyDueMemo(cal: WorkCalendar): (filedOn: string, extensionDays: number) => string {
  const memo = new Map<string, string>();
  return (filedOn, extensionDays) => {
    const key = `${filedOn}|${extensionDays}`;
    let due = memo.get(key);
    if (due === undefined) {
      due = penaltyDeadline(cal, filedOn, extensionDays ? { days: extensionDays, basis: '', reason: '', approvedOn: filedOn } : null, false).due;
      memo.set(key, due);
    }
    return due;
  };
}

/**
 * The latest filing day F whose due date (engine, with `extensionDays`) lies before `today`, i.e. a case filed on F
 * or earlier and still undecided is overdue today. The due date does not decrease as the filing day moves later
 * (calendar days, rolled forward), so F is found by binary search over filing days, each probe asking the engine.
 */
export function overdueFiledCutoff(cal: WorkCalendar, today: string, extensionDays: number): string {
  const due = penaltyDueMemo(cal);
  const t = parseDate(today);
  let lo = t - 400 - extensionDays; // due(lo) < today: far enough back for any roll-forward
  let hi = t; // due(hi) >= today
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (due(formatDate(mid), extensionDays) < today) lo = mid;
    else hi = mid;
  }
  return formatDate(lo);
}
