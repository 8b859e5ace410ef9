/**
 * 行政复议 use cases: registration from every channel, the statutory clock on the platform deadline register, and the
 * workflow of status.ts. Statute: 《中华人民共和国行政复议法》(2023); law-rules.md §1, table R1–R22.
 *
 * Every action runs in ONE transaction: the case row (optimistic version check), its timeline event, the deadline
 * register rows and the audit entry are written together or not at all.
 */
import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { z } from 'zod';
import { type WorkCalendar, formatDate, parseDate } from '../../../common/calendar';
import {
  type AbandonBody,
  type AcceptBody,
  type AssignBody,
  type DecideBody,
  type ExtendBody,
  type ExtendCorrectionBody,
  type MediationBody,
  RECON_STATUS_LABELS,
  type RecordReplyBody,
  type ReconCaseCreateBody,
  type ReconCaseDetail,
  type ReconCaseListQuery,
  type ReconCaseSummary,
  type ReconDeadline,
  type ReconDeadlineKind,
  type RejectBody,
  type RequestCorrectionBody,
  type ResumeBody,
  type SendCopyBody,
  type SubmitCorrectionBody,
  type SuspendBody,
  type SwitchProcedureBody,
  type TerminateBody,
  type CommitteeOpinionBody,
  type ConcludeNormReviewBody,
  type ConsultCommitteeBody,
  type DraftingReplyBody,
  type ForwardNormBody,
  type HearViewsBody,
  type NotifyDraftingOrganBody,
  type RecordHearingBody,
  type ScheduleHearingBody,
  type StartNormReviewBody,
  type WithdrawBody,
} from '../../../common/contracts';
import type { ReconStatus } from '../../../common/contracts';
import { type Extension, type Pause, addPeriod, computeDeadline, computeMonthDeadline, getMonthRule, getRule, ruleCitation } from '../../../common/deadlines';
import { AppError } from '../../../common/errors';
import { isValidCreditCode, isValidIdNumber, normalizeCreditCode } from '../../../common/validators';
import type { Database, Db } from '../../db';
import type { AuditService } from '../../platform/audit';
import type { Clock } from '../../platform/clock';
import type { DeadlineService } from '../../platform/deadlines';
import { type Actor, type RequestMeta, assertInScope } from '../../platform/identity';
import type { PeopleService } from '../../platform/people';
import { type CaseRow, type DeadlineRow, MODULE, OBJECT_TYPE, createReconsiderationRepo } from './reconsideration.repo';
import { type ReconAction, TRANSITIONS, allowedActions, transition } from './status';

type Body<T extends z.ZodTypeAny> = z.infer<T>;
type Trx = Transaction<Database>;

export interface ReconsiderationService {
  /**
   * `within` runs inside the registration transaction after the case row is written (the public portal stores its
   * receipt and attachment rows there, so that either all of it exists or none of it does).
   */
  create(actor: Actor, body: Body<typeof ReconCaseCreateBody>, meta: RequestMeta, within?: (trx: Trx, c: { id: string; caseNo: string; departmentId: string; receivedOn: string; applicationDue: string; late: number }) => Promise<void>): Promise<ReconCaseDetail>;
  list(actor: Actor, q: Body<typeof ReconCaseListQuery>): Promise<{ data: ReconCaseSummary[]; total: number }>;
  get(actor: Actor, id: string): Promise<ReconCaseDetail>;
  related(actor: Actor, id: string): Promise<ReconCaseDetail['related']>;
  /** Case numbers of this module's deadline-register objects (reminders carry the case number, nothing else). */
  caseNumbers(objectType: string, ids: string[]): Promise<Map<string, string>>;
  requestCorrection(actor: Actor, id: string, body: Body<typeof RequestCorrectionBody>, meta: RequestMeta): Promise<ReconCaseDetail>;
  submitCorrection(actor: Actor, id: string, body: Body<typeof SubmitCorrectionBody>, meta: RequestMeta): Promise<ReconCaseDetail>;
  extendCorrection(actor: Actor, id: string, body: Body<typeof ExtendCorrectionBody>, meta: RequestMeta): Promise<ReconCaseDetail>;
  abandon(actor: Actor, id: string, body: Body<typeof AbandonBody>, meta: RequestMeta): Promise<ReconCaseDetail>;
  accept(actor: Actor, id: string, body: Body<typeof AcceptBody>, meta: RequestMeta): Promise<ReconCaseDetail>;
  rejectApplication(actor: Actor, id: string, body: Body<typeof RejectBody>, meta: RequestMeta): Promise<ReconCaseDetail>;
  sendCopy(actor: Actor, id: string, body: Body<typeof SendCopyBody>, meta: RequestMeta): Promise<ReconCaseDetail>;
  recordReply(actor: Actor, id: string, body: Body<typeof RecordReplyBody>, meta: RequestMeta): Promise<ReconCaseDetail>;
  startMediation(actor: Actor, id: string, body: Body<typeof MediationBody>, meta: RequestMeta): Promise<ReconCaseDetail>;
  endMediation(actor: Actor, id: string, body: Body<typeof MediationBody>, meta: RequestMeta): Promise<ReconCaseDetail>;
  concludeMediation(actor: Actor, id: string, body: Body<typeof MediationBody>, meta: RequestMeta): Promise<ReconCaseDetail>;
  suspend(actor: Actor, id: string, body: Body<typeof SuspendBody>, meta: RequestMeta): Promise<ReconCaseDetail>;
  resume(actor: Actor, id: string, body: Body<typeof ResumeBody>, meta: RequestMeta): Promise<ReconCaseDetail>;
  extend(actor: Actor, id: string, body: Body<typeof ExtendBody>, meta: RequestMeta): Promise<ReconCaseDetail>;
  switchProcedure(actor: Actor, id: string, body: Body<typeof SwitchProcedureBody>, meta: RequestMeta): Promise<ReconCaseDetail>;
  decide(actor: Actor, id: string, body: Body<typeof DecideBody>, meta: RequestMeta): Promise<ReconCaseDetail>;
  terminate(actor: Actor, id: string, body: Body<typeof TerminateBody>, meta: RequestMeta): Promise<ReconCaseDetail>;
  assign(actor: Actor, id: string, body: Body<typeof AssignBody>, meta: RequestMeta): Promise<ReconCaseDetail>;
  /**
   * The same `assign` step (state table, handler check, deadline to-do lists, timeline event, audit) inside a
   * transaction the caller holds: bulk assignment runs the whole batch in one transaction (all or nothing).
   * `note` is added to the event details and the audit entry (e.g. { bulk: true, load }).
   */
  /**
   * R11, Art. 51 ¶1 (with Art. 88 ¶2): the latest day the written hearing notice may go out for a hearing on `hearingOn`
   * (five working days before, counted backwards on the official calendar), with the engine's explanation.
   */
  hearingNotice(actor: Actor, id: string, hearingOn: string): Promise<{ hearingOn: string; latestNoticeOn: string; basis: string; explanation: string; steps: { code: string; date?: string | undefined; text: string }[]; flags: string[] }>;
  assignWithin(trx: Trx, actor: Actor, id: string, body: Body<typeof AssignBody>, meta: RequestMeta, note?: Record<string, unknown>): Promise<void>;
  withdraw(actor: Actor, id: string, body: Body<typeof WithdrawBody>, meta: RequestMeta): Promise<ReconCaseDetail>;
  hearViews(actor: Actor, id: string, body: Body<typeof HearViewsBody>, meta: RequestMeta): Promise<ReconCaseDetail>;
  scheduleHearing(actor: Actor, id: string, body: Body<typeof ScheduleHearingBody>, meta: RequestMeta): Promise<ReconCaseDetail>;
  recordHearing(actor: Actor, id: string, body: Body<typeof RecordHearingBody>, meta: RequestMeta): Promise<ReconCaseDetail>;
  consultCommittee(actor: Actor, id: string, body: Body<typeof ConsultCommitteeBody>, meta: RequestMeta): Promise<ReconCaseDetail>;
  recordCommitteeOpinion(actor: Actor, id: string, body: Body<typeof CommitteeOpinionBody>, meta: RequestMeta): Promise<ReconCaseDetail>;
  startNormReview(actor: Actor, id: string, body: Body<typeof StartNormReviewBody>, meta: RequestMeta): Promise<ReconCaseDetail>;
  notifyDraftingOrgan(actor: Actor, id: string, body: Body<typeof NotifyDraftingOrganBody>, meta: RequestMeta): Promise<ReconCaseDetail>;
  recordDraftingReply(actor: Actor, id: string, body: Body<typeof DraftingReplyBody>, meta: RequestMeta): Promise<ReconCaseDetail>;
  forwardNorm(actor: Actor, id: string, body: Body<typeof ForwardNormBody>, meta: RequestMeta): Promise<ReconCaseDetail>;
  concludeNormReview(actor: Actor, id: string, body: Body<typeof ConcludeNormReviewBody>, meta: RequestMeta): Promise<ReconCaseDetail>;
}

/** Rule ids (common/deadlines/rules.ts) → the deadline kinds of the API contract. */
const KIND_OF_RULE: Record<string, ReconDeadlineKind> = {
  'reconsideration.acceptanceReview': 'acceptance',
  'reconsideration.correctionSubmission': 'correction',
  'reconsideration.copyToRespondent': 'respondentCopy',
  'reconsideration.copyToRespondentSimplified': 'respondentCopy',
  'reconsideration.respondentReply': 'respondentReply',
  'reconsideration.respondentReplySimplified': 'respondentReply',
  'reconsideration.decision': 'decision',
  'reconsideration.decisionSimplified': 'decision',
  'reconsideration.suspensionTermination': 'suspensionTermination',
  'reconsideration.incidentalReview': 'normReview',
  'reconsideration.incidentalReviewForward': 'normForward',
  'reconsideration.draftingOrganNotice': 'draftingNotice',
  'reconsideration.draftingOrganReply': 'draftingReply',
  'reconsideration.forwardedNormReply': 'forwardedReply',
};
const RULE = {
  application: 'reconsideration.application', // R1, Art. 20
  acceptanceReview: 'reconsideration.acceptanceReview', // R3, Art. 30
  correctionNotice: 'reconsideration.correctionNotice', // R4, Art. 31 ¶1
  correctionSubmission: 'reconsideration.correctionSubmission', // R5, Art. 31 ¶2
  copy: { ordinary: 'reconsideration.copyToRespondent', simplified: 'reconsideration.copyToRespondentSimplified' }, // R7 Art. 48 / R9 Art. 54
  reply: { ordinary: 'reconsideration.respondentReply', simplified: 'reconsideration.respondentReplySimplified' }, // R8 Art. 48 / R10 Art. 54
  decision: { ordinary: 'reconsideration.decision', simplified: 'reconsideration.decisionSimplified' }, // R12 / R13 Art. 62
  suspensionTermination: 'reconsideration.suspensionTermination', // R14, Art. 41(5)
  forwardByAgency: 'reconsideration.forwardByPenalizingAgency', // R6, Art. 32 ¶2
  hearingNotice: 'reconsideration.hearingNotice', // R11, Art. 51 ¶1 (counted backwards from the hearing)
  normReview: 'reconsideration.incidentalReview', // R15, Arts. 56–57: 30 days when the organ has power
  normForward: 'reconsideration.incidentalReviewForward', // R16, Arts. 56–57: forward within 7 WD otherwise
  draftingNotice: 'reconsideration.draftingOrganNotice', // R17, Art. 58: notify the drafting organ within 3 WD of 中止
  draftingReply: 'reconsideration.draftingOrganReply', // R18, Art. 58: its written reply within 10 WD of receipt
  forwardedReply: 'reconsideration.forwardedNormReply', // R19, Art. 60: the receiving organ replies within 60 days
} as const;
/** Art. 39 ¶1 (9): the suspension ground of an incidental review (Arts. 56, 57). */
const NORM_REVIEW_GROUND = 9;
/** Art. 41 ¶1 (5): only a suspension under Art. 39 ¶1 (1), (2) or (4) leads to termination after 60 days. */
const TERMINATION_CHECK_GROUNDS = [1, 2, 4];
/** "due soon" (即将届满): due within this many working days of today, as the case list colours it orange. */
const DUE_SOON_WORKDAYS = 3;

/** RECON_TRANSITION_NOT_ALLOWED with the status and the step named in Chinese (and why, where the table alone does not say). */
function notAllowed(from: string, action: ReconAction, reason?: string): AppError {
  const status = RECON_STATUS_LABELS[from as ReconStatus] ?? from;
  const text = `案件当前状态为“${status}”，不能${TRANSITIONS[action].label}${reason ? `：${reason}` : ''}`;
  return new AppError('RECON_TRANSITION_NOT_ALLOWED', { from, action, ...(reason ? { reason } : {}) }, text);
}

const addDays = (date: string, n: number) => formatDate(parseDate(date) + n);
/** Matching key of a name or document number: no spaces, one form of each bracket (〔2025〕 = [2025] = 【2025】), upper case. */
const normKey = (s: string) =>
  s
    .replace(/\s+/g, '')
    .replace(/[（(]/g, '(')
    .replace(/[）)]/g, ')')
    .replace(/[[［【〔]/g, '〔')
    .replace(/[\]］】〕]/g, '〕')
    .toUpperCase();

export function createReconsiderationService(deps: {
  db: Db;
  clock: Clock;
  audit: AuditService;
  deadlines: DeadlineService;
  people: PeopleService;
  calendar: () => Promise<WorkCalendar>;
  /** unified case number prefix, e.g. '西复' → 西复〔2026〕12号 */
  caseNoPrefix: string;
}): ReconsiderationService {
  const { db, clock, audit } = deps;
  const repo = createReconsiderationRepo(db);

  // ── clock helpers (all arithmetic in common/deadlines) ─────────────────────────────────────────────────
  /**
   * The last day still "due soon": the DUE_SOON_WORKDAYS-th working day after today on the official calendar; where
   * that reaches a year without a published schedule, as many calendar days (never Monday–Friday assumed).
   */
  async function dueSoonLimit(today: string): Promise<string> {
    try {
      // the engine behind GET /calendar/add, which the list's orange highlight asks for the same limit
      return addPeriod(await deps.calendar(), { from: today, length: DUE_SOON_WORKDAYS, unit: 'WD', onUnpublished: 'throw', explain: false }).due;
    } catch (e) {
      if (e instanceof AppError && e.code === 'CALENDAR_YEAR_UNPUBLISHED') return addDays(today, DUE_SOON_WORKDAYS);
      throw e;
    }
  }

  async function compute(ruleId: string, start: string, opts: { pauses?: Pause[]; extensions?: Extension[]; explain?: boolean } = {}) {
    return computeDeadline(await deps.calendar(), getRule(ruleId), {
      start,
      pauses: opts.pauses ?? [],
      extensions: opts.extensions ?? [],
      asOf: clock.today(),
      onUnpublished: 'flag',
      explain: opts.explain ?? false,
    });
  }

  async function applicationPeriod(row: Pick<CaseRow, 'actKnownOn' | 'actMadeOn' | 'actRealEstate' | 'actRightsKnownOn' | 'channel' | 'postmarkOn' | 'receivedOn'>, agencyReceivedOn: string | null = null) {
    // R1, Art. 20 ¶1: 60 days from the day the applicant knew or should have known of the act. A posted application
    // is on time when posted before expiry (民事诉讼法 Art. 85 ¶4 via 行政复议法 Art. 88 ¶1): compare the postmark.
    // Art. 20 ¶3: not informed of the right to apply → from the day the applicant learned of it, but never later
    // than one year from the day they knew of the act's content.
    const start = row.actRightsKnownOn ?? row.actKnownOn;
    const res = await compute(RULE.application, start, { explain: true });
    const steps = [...res.steps];
    let due = res.due;
    let notInformedCap: string | null = null;
    if (row.actRightsKnownOn) {
      const rule = getMonthRule('reconsideration.notInformedCap');
      notInformedCap = computeMonthDeadline(await deps.calendar(), rule, { start: row.actKnownOn, onUnpublished: 'flag', explain: false }).due;
      if (notInformedCap < due) due = notInformedCap;
      steps.push({ code: 'CAP', date: notInformedCap, text: `行政机关未告知申请权利、复议机关和申请期限：自知道申请权利之日 ${row.actRightsKnownOn} 起计算，但自知道行政行为内容之日 ${row.actKnownOn} 起最长不超过一年（至 ${notInformedCap}），申请期限届满日为 ${due}`, citation: ruleCitation(rule) });
    }
    const byAgency = !!agencyReceivedOn;
    const byPost = !byAgency && row.channel === 'mail' && !!row.postmarkOn;
    const filedOn = byAgency ? agencyReceivedOn : byPost ? row.postmarkOn! : row.receivedOn;
    const late = filedOn > due;
    steps.push({
      code: late ? 'LATE' : 'ON_TIME',
      date: filedOn,
      text: `${byAgency ? '通过作出行政处罚决定的行政机关提交的申请以该机关收到之日' : byPost ? '邮寄申请以交邮之日（邮戳日期）' : '申请以收到之日'} ${filedOn} 计，${late ? '已超过申请期限；如因不可抗力或者其他正当理由耽误，申请期限自障碍消除之日起继续计算（第二十条第二款），请记录申请人的说明并在受理审查中核实' : '在申请期限内'}`,
      citation: byAgency ? '《中华人民共和国行政复议法》第三十二条第一款' : byPost ? '《中华人民共和国民事诉讼法》第八十五条第四款；《中华人民共和国行政复议法》第八十八条第一款' : ruleCitation(getRule(RULE.application)),
    });
    // R2, Art. 21: never accepted more than 20 years (real estate) or 5 years (other) after the act was made.
    let absoluteBar: { due: string; beyond: boolean; basis: string } | null = null;
    if (row.actMadeOn) {
      const rule = getMonthRule(row.actRealEstate ? 'reconsideration.absoluteBarRealEstate' : 'reconsideration.absoluteBarOther');
      const bar = computeMonthDeadline(await deps.calendar(), rule, { start: row.actMadeOn, onUnpublished: 'flag', explain: false });
      absoluteBar = { due: bar.due, beyond: filedOn > bar.due, basis: ruleCitation(rule) };
      if (absoluteBar.beyond) steps.push({ code: 'ABSOLUTE_BAR', date: bar.due, text: `行政行为作出之日 ${row.actMadeOn} 起已超过${row.actRealEstate ? '二十年' : '五年'}（至 ${bar.due}），依照第二十一条不予受理`, citation: absoluteBar.basis });
    }
    return { start, due, filedOn, countedTo: byAgency ? ('agencyReceipt' as const) : byPost ? ('postmark' as const) : ('receipt' as const), late, basis: ruleCitation(getRule(RULE.application)), steps, notInformedCap, absoluteBar };
  }

  /** R6, Art. 32 ¶2: the penalising agency forwards the application within 5 working days of its receipt. */
  async function forwardingOf(via: { name: string; receivedOn: string }, receivedOn: string) {
    const res = await compute(RULE.forwardByAgency, via.receivedOn, { explain: true });
    return { agency: via.name, agencyReceivedOn: via.receivedOn, due: res.due, onTime: receivedOn <= res.due, basis: ruleCitation(getRule(RULE.forwardByAgency)), explanation: res.steps.map((x) => x.text).join('；') };
  }

  function notFuture(field: string, date: string) {
    if (date > clock.today()) throw new AppError('RECON_DATE_IN_FUTURE', { field, date, today: clock.today() });
  }
  function notBefore(field: string, date: string, earliest: string | null | undefined, earliestField: string) {
    if (earliest && date < earliest) throw new AppError('RECON_DATE_ORDER', { field, date, notBefore: earliest, after: earliestField });
  }

  const openOf = (ds: DeadlineRow[], ruleIds: string[]) => ds.find((d) => d.status === 'open' && ruleIds.includes(d.ruleId));
  const latestOf = (ds: DeadlineRow[], ruleIds: string[]) => [...ds].reverse().find((d) => ruleIds.includes(d.ruleId));

  async function openDeadline(trx: Trx, c: CaseRow, ruleId: string, startDate: string, extra: { pauses?: Pause[]; extensions?: Extension[] } = {}) {
    const rule = getRule(ruleId);
    return deps.deadlines.open(trx, {
      module: MODULE,
      objectType: OBJECT_TYPE,
      objectId: c.id,
      title: `${c.caseNo} ${rule.title}`,
      ruleId,
      startDate,
      departmentId: c.departmentId,
      assigneeId: c.handlerId,
      ...extra,
    });
  }

  /** Closes a deadline of the case on the platform register (same transaction). */
  const close = (trx: Trx, d: DeadlineRow, status: 'met' | 'cancelled') => deps.deadlines.close(trx, d.id, status);

  // ── views ──────────────────────────────────────────────────────────────────────────────────────────────
  async function deadlineView(d: DeadlineRow, today: string): Promise<ReconDeadline> {
    const pauses = JSON.parse(d.pauses) as Pause[];
    const extensions = JSON.parse(d.extensions) as Extension[];
    const rule = getRule(d.ruleId);
    const res = await compute(d.ruleId, d.startDate, { pauses, extensions, explain: true });
    const due = d.status === 'open' ? res.due : d.dueDate;
    return {
      id: d.id,
      kind: KIND_OF_RULE[d.ruleId] ?? 'decision',
      ruleId: d.ruleId,
      title: rule.title,
      status: d.status as ReconDeadline['status'],
      startDate: d.startDate,
      due,
      basis: ruleCitation(rule),
      explanation: res.steps.map((s) => s.text).join('；'),
      steps: res.steps,
      pauses,
      extensions,
      flags: res.flags,
      daysLeft: due && d.status === 'open' ? parseDate(due) - parseDate(today) : null,
    };
  }

  function summary(c: CaseRow, extra: { handlerName: string | null; nextDue: string | null; nextDueRule: string | null }): ReconCaseSummary {
    return {
      id: c.id,
      caseNo: c.caseNo,
      status: c.status as ReconStatus,
      statusLabel: RECON_STATUS_LABELS[c.status as ReconStatus] ?? c.status,
      channel: c.channel as ReconCaseSummary['channel'],
      procedure: (c.procedure as ReconCaseSummary['procedure']) ?? null,
      receivedOn: c.receivedOn,
      applicantName: c.applicantName,
      applicantKind: c.applicantKind as ReconCaseSummary['applicantKind'],
      respondentName: c.respondentName,
      actName: c.actName,
      departmentId: c.departmentId,
      handlerId: c.handlerId,
      handlerName: extra.handlerName,
      late: c.late === 1,
      nextDue: extra.nextDue,
      nextDueKind: extra.nextDueRule ? (KIND_OF_RULE[extra.nextDueRule] ?? null) : null,
      createdAt: c.createdAt,
    };
  }

  async function relatedOf(actor: Actor, c: CaseRow): Promise<ReconCaseDetail['related']> {
    const rows = await repo.related(db, c);
    return rows.map((r) => {
      const reasons: ('sameApplicant' | 'sameRespondent' | 'sameAct')[] = [];
      const sameApplicant = r.applicantKey === c.applicantKey;
      const sameRespondent = r.respondentKey === c.respondentKey;
      const sameAct = (!!c.actDocKey && r.actDocKey === c.actDocKey) || (!!c.actMadeOn && sameRespondent && r.actName === c.actName && r.actMadeOn === c.actMadeOn);
      if (sameApplicant) reasons.push('sameApplicant');
      if (sameRespondent) reasons.push('sameRespondent');
      if (sameAct) reasons.push('sameAct');
      let inScope = true;
      try {
        assertInScope(actor, r.departmentId, r.handlerId);
      } catch {
        inScope = false;
      }
      // No personal data of another applicant: case number, status, channel, dates, respondent and act only.
      return { id: r.id, caseNo: r.caseNo, status: r.status as ReconStatus, channel: r.channel as ReconCaseSummary['channel'], receivedOn: r.receivedOn, respondentName: r.respondentName, actName: r.actName, reasons, likelyDuplicate: sameApplicant && sameAct, withdrawnBar: sameApplicant && sameAct && r.status === 'terminated' && r.terminationGround === 1, inScope };
    });
  }

  async function detail(actor: Actor, c: CaseRow): Promise<ReconCaseDetail> {
    const today = clock.today();
    const ds = await repo.deadlines(db, c.id);
    const deadlines = await Promise.all(ds.map((d) => deadlineView(d, today)));
    const next = deadlines.filter((d) => d.status === 'open' && d.due && !d.flags.includes('PAUSED')).sort((a, b) => a.due!.localeCompare(b.due!))[0];
    const review = latestOf(ds, [RULE.acceptanceReview]);
    const reviewView = review ? deadlines.find((d) => d.id === review.id) : undefined;
    const events = await repo.events(c.id);
    const via = (JSON.parse(events.find((e) => e.action === 'register')?.details ?? '{}') as { viaAgency?: { name: string; receivedOn: string } }).viaAgency ?? null;
    return {
      ...summary(c, { handlerName: await repo.handlerName(c.handlerId), nextDue: next?.due ?? null, nextDueRule: next?.ruleId ?? null }),
      postmarkOn: c.postmarkOn,
      oralRecord: c.oralRecord,
      oralConfirmed: c.oralConfirmed === null ? null : c.oralConfirmed === 1,
      applicantPersonId: c.applicantPersonId,
      applicantCreditCode: c.applicantCreditCode,
      actDocNo: c.actDocNo,
      actMadeOn: c.actMadeOn,
      actKnownOn: c.actKnownOn,
      actRightsKnownOn: c.actRightsKnownOn,
      request: c.request,
      reasons: c.reasons,
      lateExplanation: c.lateExplanation,
      attachments: JSON.parse(c.attachments) as ReconCaseDetail['attachments'],
      applicationPeriod: await applicationPeriod(c, via?.receivedOn ?? null),
      forwarding: via ? await forwardingOf(via, c.receivedOn) : null,
      deemedAcceptanceOn: reviewView?.due ?? null,
      deemedAccepted: c.status === 'registered' && !!reviewView?.due && reviewView.status === 'open' && today > reviewView.due,
      acceptedOn: c.acceptedOn,
      rejectedOn: c.rejectedOn,
      copySentOn: c.copySentOn,
      respondentReceivedOn: c.respondentReceivedOn,
      replyReceivedOn: c.replyReceivedOn,
      suspendedOn: c.suspendedOn,
      suspensionGround: c.suspensionGround,
      extensionDays: c.extensionDays,
      decisionType: (c.decisionType as ReconCaseDetail['decisionType']) ?? null,
      decidedOn: c.decidedOn,
      terminatedOn: c.terminatedOn,
      terminationGround: c.terminationGround,
      version: c.version,
      allowedActions: allowedActions(c.status as ReconStatus),
      deadlines,
      timeline: events.map((e) => ({ at: e.at, on: e.onDate, action: e.action, fromStatus: e.fromStatus, toStatus: e.toStatus, actorName: e.actorName, details: JSON.parse(e.details) as Record<string, unknown> })),
      related: await relatedOf(actor, c),
    };
  }

  async function load(actor: Actor, id: string, q: Db | Trx = db): Promise<CaseRow> {
    const c = await repo.find(q, id);
    if (!c) throw new AppError('NOT_FOUND', { entity: 'reconsiderationCase', id });
    assertInScope(actor, c.departmentId, c.handlerId);
    return c;
  }

  async function validHandler(actor: Actor, handlerId: string, q: Db | Trx = db) {
    const h = await repo.handlerCandidate(handlerId, q);
    // An actor who sees only their own cases may name only themselves (else they could not read the case they wrote).
    const inScope = h && (actor.dataScope === 'own' ? h.id === actor.userId : actor.scopeDepartmentIds === null || actor.scopeDepartmentIds.includes(h.departmentId));
    if (!h || !h.canHandle || !inScope) throw new AppError('RECON_HANDLER_INVALID', { handlerId });
    return h;
  }

  // ── one action = one transaction ───────────────────────────────────────────────────────────────────────
  interface Step {
    onDate: string | null;
    patch?: Partial<CaseRow>;
    details?: Record<string, unknown>;
  }
  async function act(actor: Actor, id: string, action: ReconAction, meta: RequestMeta, run: (c: CaseRow, ds: DeadlineRow[], trx: Trx) => Promise<Step>): Promise<ReconCaseDetail> {
    await db.transaction().execute((trx) => actIn(trx, actor, id, action, meta, run));
    return detail(actor, await load(actor, id));
  }
  /** The body of one action inside a transaction the caller holds (a batch that must be all or nothing). */
  async function actIn(trx: Trx, actor: Actor, id: string, action: ReconAction, meta: RequestMeta, run: (c: CaseRow, ds: DeadlineRow[], trx: Trx) => Promise<Step>, auditExtra: Record<string, unknown> = {}): Promise<void> {
    const c = await load(actor, id, trx);
    const from = c.status as ReconStatus;
    const next = transition({ status: from, resumeTo: (c.resumeTo as ReconStatus | null) ?? null }, action);
    if (!next) throw notAllowed(from, action);
    const ds = await repo.deadlines(trx, c.id);
    const step = await run(c, ds, trx);
    const now = clock.nowIso();
    const ok = await repo.update(trx, c.id, c.version, { ...step.patch, status: next.status, resumeTo: next.resumeTo, updatedAt: now });
    if (!ok) throw new AppError('CONFLICT', { entity: 'reconsiderationCase', id });
    const details = { ...step.details, article: `《中华人民共和国行政复议法》${TRANSITIONS[action].article}` };
    await repo.insertEvent(trx, { caseId: c.id, version: c.version + 1, departmentId: c.departmentId, at: now, onDate: step.onDate, action, fromStatus: from, toStatus: next.status, actorId: actor.userId, actorName: actor.displayName, details: JSON.stringify(details) });
    await audit.record(
      { actor: { id: actor.userId, name: actor.username }, ip: meta.ip, requestId: meta.requestId, action: `reconsideration.case.${action}`, objectType: OBJECT_TYPE, objectId: c.id, before: { status: from }, after: { status: next.status, ...(step.patch ?? {}) }, extra: { caseNo: c.caseNo, ...auditExtra } },
      trx,
    );
  }

  async function closeAll(trx: Trx, ds: DeadlineRow[], met: string[] = []) {
    for (const d of ds) if (d.status === 'open') await close(trx, d, met.includes(d.ruleId) ? 'met' : 'cancelled');
  }

  /**
   * Art. 39: 中止 from `on`. The decision period pauses (practice; the 2023 law does not say so expressly — see the
   * rule note); a suspension under Art. 39 ¶1 (1), (2) or (4) opens the R14 termination check (Art. 41 (5)).
   */
  async function suspendClock(trx: Trx, c: CaseRow, ds: DeadlineRow[], on: string, ground: number) {
    const decision = openOf(ds, decisionRules);
    if (decision) await deps.deadlines.pause(trx, decision.id, on, { reason: `中止审理（第三十九条第一款第${ground}项）`, article: '《中华人民共和国行政复议法》第三十九条', note: `${c.caseNo} 中止审理` });
    if (TERMINATION_CHECK_GROUNDS.includes(ground)) await openDeadline(trx, c, RULE.suspensionTermination, on);
  }
  /** Art. 39 ¶2: resumption on `on`; the pause ends the day before (both ends inclusive); the R14 check is dropped. */
  async function resumeClock(trx: Trx, c: CaseRow, ds: DeadlineRow[], on: string) {
    const decision = openOf(ds, decisionRules);
    if (decision) await deps.deadlines.resume(trx, decision.id, on, { note: `${c.caseNo} 恢复审理` });
    const check = openOf(ds, [RULE.suspensionTermination]);
    if (check) await close(trx, check, 'cancelled');
  }

  /** What the events say about the hearing of views, hearings and committee consultations (Arts. 49–52). */
  async function proceedings(q: Trx, caseId: string) {
    const events = await repo.eventsOf(q, caseId, ['hearViews', 'scheduleHearing', 'recordHearing', 'consultCommittee', 'recordCommitteeOpinion']);
    const d = (e: { details: string }) => JSON.parse(e.details) as Record<string, unknown>;
    const applicantHeard = events.some((e) => (e.action === 'hearViews' && d(e).party === 'applicant') || (e.action === 'recordHearing' && (d(e).applicantAttended === true || d(e).applicantWaived === true)));
    const scheduled = events.filter((e) => e.action === 'scheduleHearing').map((e) => d(e).hearingOn as string);
    const held = new Set(events.filter((e) => e.action === 'recordHearing').map((e) => d(e).heldOn as string));
    const requests = events.filter((e) => e.action === 'consultCommittee');
    const opinions = events.filter((e) => e.action === 'recordCommitteeOpinion').length;
    return {
      applicantHeard,
      /** noticed hearings not yet held */
      pendingHearings: scheduled.filter((h) => !held.has(h)),
      hearingHeld: held.size > 0,
      committeeConsulted: requests.length > 0,
      /** the request date of a consultation whose opinion is not recorded yet */
      committeePending: requests.length > opinions ? (d(requests.at(-1)!).requestedOn as string) : null,
    };
  }

  /** 分配承办人: the handler on the case and on its running deadlines (their to-do lists), with the event details. */
  const assignStep = (h: { id: string; displayName: string }, note: Record<string, unknown> = {}) => async (c: CaseRow, _ds: DeadlineRow[], trx: Trx): Promise<Step> => {
    await deps.deadlines.reassign(trx, OBJECT_TYPE, c.id, h.id);
    return { onDate: null, patch: { handlerId: h.id }, details: { from: c.handlerId, to: h.id, handlerName: h.displayName, ...note } };
  };

  const procedureOf = (c: CaseRow) => (c.procedure === 'simplified' ? 'simplified' : 'ordinary') as 'ordinary' | 'simplified';
  const decisionRules = [RULE.decision.ordinary, RULE.decision.simplified];

  return {
    async create(actor, body, meta, within) {
      // Validate everything before writing anything.
      notFuture('receivedOn', body.receivedOn);
      if (body.channel === 'mail') {
        if (!body.postmarkOn) throw new AppError('RECON_CHANNEL_FACTS_MISSING', { channel: 'mail', fields: ['postmarkOn'] });
        notBefore('receivedOn', body.receivedOn, body.postmarkOn, 'postmarkOn');
      }
      if (body.channel === 'oral' && !body.oralRecord) throw new AppError('RECON_CHANNEL_FACTS_MISSING', { channel: 'oral', fields: ['oralRecord'] });
        notBefore(body.channel === 'mail' ? 'postmarkOn' : 'receivedOn', body.channel === 'mail' ? body.postmarkOn! : body.receivedOn, body.act.knownOn, 'act.knownOn');
      if (body.act.madeOn) notBefore('act.knownOn', body.act.knownOn, body.act.madeOn, 'act.madeOn');

      const a = body.applicant;
      let applicant: { kind: 'person' | 'organization'; personId: string | null; name: string; creditCode: string | null; key: string; create?: { name: string; idNumber: string; mobile: string | null } };
      if (a.kind === 'person') {
        if (a.personId) {
          const { person, idNumberBidx } = await deps.people.getWithBlindIndex(actor, a.personId);
          applicant = { kind: 'person', personId: person.id, name: person.name, creditCode: null, key: `p:${idNumberBidx}` };
        } else {
          if (!a.name || !a.idNumber) throw new AppError('RECON_APPLICANT_REQUIRED');
          const idNumber = a.idNumber.toUpperCase();
          if (!isValidIdNumber(idNumber)) throw new AppError('ID_NUMBER_INVALID', { field: 'applicant.idNumber' });
          const existing = (await deps.people.search(actor, { idNumber, page: 1, pageSize: 1 })).data[0];
          const key = `p:${deps.people.blindIndexOfIdNumber(idNumber)}`;
          applicant = existing
            ? { kind: 'person', personId: existing.id, name: existing.name, creditCode: null, key }
            : { kind: 'person', personId: null, name: a.name, creditCode: null, key, create: { name: a.name, idNumber, mobile: a.mobile ?? null } };
        }
      } else {
        const code = normalizeCreditCode(a.creditCode);
        if (!isValidCreditCode(code)) throw new AppError('CREDIT_CODE_INVALID', { field: 'applicant.creditCode' });
        applicant = { kind: 'organization', personId: null, name: a.name, creditCode: code, key: `o:${code}` };
      }
      const handlerId = body.handlerId ?? (actor.permissions.has('reconsideration.case.handle') ? actor.userId : null);
      if (handlerId && handlerId !== actor.userId) await validHandler(actor, handlerId);
      else if (handlerId === null && actor.dataScope === 'own') throw new AppError('RECON_HANDLER_INVALID', { handlerId: null });
      if (body.act.notInformed && body.act.rightsKnownOn) notBefore('act.rightsKnownOn', body.act.rightsKnownOn, body.act.knownOn, 'act.knownOn');
      const rightsKnownOn = body.act.notInformed ? (body.act.rightsKnownOn ?? null) : null;
      if (body.viaAgency) {
        notBefore('receivedOn', body.receivedOn, body.viaAgency.receivedOn, 'viaAgency.receivedOn');
        notBefore('viaAgency.receivedOn', body.viaAgency.receivedOn, body.act.knownOn, 'act.knownOn');
      }
      const period = await applicationPeriod({ actKnownOn: body.act.knownOn, actMadeOn: body.act.madeOn ?? null, actRealEstate: body.act.realEstate ? 1 : 0, actRightsKnownOn: rightsKnownOn, channel: body.channel, postmarkOn: body.postmarkOn ?? null, receivedOn: body.receivedOn }, body.viaAgency?.receivedOn ?? null);
      const forwarding = body.viaAgency ? await forwardingOf(body.viaAgency, body.receivedOn) : null;

      const id = await db.transaction().execute(async (trx) => {
        if (applicant.create) {
          const p = await deps.people.create(actor, applicant.create, meta, trx);
          applicant.personId = p.id;
        }
        const year = Number(body.receivedOn.slice(0, 4));
        const seq = await repo.nextSeq(trx, year);
        const now = clock.nowIso();
        const row: CaseRow = {
          id: randomUUID(),
          caseNo: `${deps.caseNoPrefix}〔${year}〕${seq}号`,
          year,
          seq,
          departmentId: actor.departmentId,
          handlerId,
          status: 'registered',
          resumeTo: null,
          procedure: null,
          channel: body.channel,
          receivedOn: body.receivedOn,
          postmarkOn: body.channel === 'mail' ? body.postmarkOn! : null,
          oralRecord: body.channel === 'oral' ? body.oralRecord! : null,
          oralConfirmed: body.channel === 'oral' ? (body.oralConfirmed ? 1 : 0) : null,
          applicantKind: applicant.kind,
          applicantPersonId: applicant.personId,
          applicantName: applicant.name,
          applicantCreditCode: applicant.creditCode,
          applicantKey: applicant.key,
          respondentName: body.respondent.name,
          respondentKey: normKey(body.respondent.name),
          actName: body.act.name,
          actDocNo: body.act.docNo ?? null,
          actDocKey: body.act.docNo ? normKey(body.act.docNo) : null,
          actMadeOn: body.act.madeOn ?? null,
          actKnownOn: body.act.knownOn,
          actRealEstate: body.act.realEstate ? 1 : 0,
          actRightsKnownOn: rightsKnownOn,
          request: body.request,
          reasons: body.reasons,
          lateExplanation: body.lateExplanation ?? null,
          attachments: JSON.stringify(body.attachments),
          applicationDue: period.due,
          late: period.late ? 1 : 0,
          acceptedOn: null,
          rejectedOn: null,
          correctionItems: null,
          copySentOn: null,
          respondentReceivedOn: null,
          replyReceivedOn: null,
          suspendedOn: null,
          suspensionGround: null,
          extensionDays: null,
          decisionType: null,
          decidedOn: null,
          terminatedOn: null,
          terminationGround: null,
          createdBy: actor.userId,
          createdAt: now,
          updatedAt: now,
          version: 1,
        };
        await repo.insertCase(trx, row);
        // R3, Art. 30: 5 working days from receipt to review; silence = deemed accepted on expiry (¶3).
        await openDeadline(trx, row, RULE.acceptanceReview, row.receivedOn);
        const related = await repo.related(trx, row);
        const details = { channel: row.channel, late: period.late, beyondAbsoluteBar: period.absoluteBar?.beyond ?? false, applicationDue: period.due, countedTo: period.countedTo, related: related.map((r) => r.caseNo), ...(body.viaAgency ? { viaAgency: { ...body.viaAgency, forwardDue: forwarding!.due, forwardedOnTime: forwarding!.onTime } } : {}) };
        await repo.insertEvent(trx, { caseId: row.id, version: 1, departmentId: row.departmentId, at: now, onDate: row.receivedOn, action: 'register', fromStatus: null, toStatus: 'registered', actorId: actor.userId, actorName: actor.displayName, details: JSON.stringify({ ...details, article: '《中华人民共和国行政复议法》第二十二条' }) });
        await audit.record({ actor: { id: actor.userId, name: actor.username }, ip: meta.ip, requestId: meta.requestId, action: 'reconsideration.case.register', objectType: OBJECT_TYPE, objectId: row.id, after: { caseNo: row.caseNo, status: 'registered', channel: row.channel, receivedOn: row.receivedOn, handlerId }, extra: { late: period.late, related: related.length } }, trx);
        if (within) await within(trx, row);
        return row.id;
      });
      return detail(actor, await load(actor, id));
    },

    async list(actor, q) {
      const today = clock.today();
      for (const [from, to, field] of [
        [q.receivedFrom, q.receivedTo, 'receivedTo'],
        [q.acceptedFrom, q.acceptedTo, 'acceptedTo'],
        [q.rejectedFrom, q.rejectedTo, 'rejectedTo'],
        [q.concludedFrom, q.concludedTo, 'concludedTo'],
      ] as const) {
        if (from && to && from > to) throw new AppError('VALIDATION_FAILED', { field }, '开始日期不能晚于结束日期');
      }
      const filter = {
        status: q.status,
        channel: q.channel,
        handlerId: q.handlerId,
        caseNo: q.caseNo,
        dueBefore: q.due === 'overdue' ? today : undefined,
        dueWithin: q.due === 'dueSoon' ? { from: today, to: await dueSoonLimit(today) } : undefined,
        procedure: q.procedure,
        receivedFrom: q.receivedFrom,
        receivedTo: q.receivedTo,
        acceptedFrom: q.acceptedFrom,
        acceptedTo: q.acceptedTo,
        rejectedFrom: q.rejectedFrom,
        rejectedTo: q.rejectedTo,
        concludedFrom: q.concludedFrom,
        concludedTo: q.concludedTo,
        q: q.q,
      };
      if (q.mine === 'true') filter.handlerId = actor.userId;
      const sort = { by: q.sort ?? 'receivedOn', order: q.order ?? 'desc' } as const;
      const [rows, total] = await Promise.all([repo.page(actor, filter, q.pageSize, (q.page - 1) * q.pageSize, sort), repo.count(actor, filter)]);
      return { data: rows.map((r) => summary(r, r)), total };
    },

    async get(actor, id) {
      return detail(actor, await load(actor, id));
    },

    async related(actor, id) {
      return relatedOf(actor, await load(actor, id));
    },

    async caseNumbers(objectType, ids) {
      return objectType === OBJECT_TYPE ? repo.caseNumbers(ids) : new Map();
    },

    // R4 Art. 31 ¶1: one written notice within 5 working days of receipt; R5 Art. 31 ¶2: the applicant's 10 WD.
    async requestCorrection(actor, id, body, meta) {
      return act(actor, id, 'requestCorrection', meta, async (c, ds, trx) => {
        if (c.correctionItems) throw notAllowed(c.status, 'requestCorrection', '补正通知应当一次性载明需要补正的事项，不能再次通知补正（《中华人民共和国行政复议法》第三十一条第一款）');
        notFuture('noticeOn', body.noticeOn);
        notFuture('servedOn', body.servedOn);
        notBefore('noticeOn', body.noticeOn, c.receivedOn, 'receivedOn');
        notBefore('servedOn', body.servedOn, body.noticeOn, 'noticeOn');
        const limit = await compute(RULE.correctionNotice, c.receivedOn);
        if (body.noticeOn > limit.due) throw new AppError('RECON_REVIEW_PERIOD_EXPIRED', { field: 'noticeOn', due: limit.due, rule: RULE.correctionNotice });
        const review = openOf(ds, [RULE.acceptanceReview]);
        if (review) await close(trx, review, 'cancelled');
        await openDeadline(trx, c, RULE.correctionSubmission, body.servedOn);
        return { onDate: body.noticeOn, patch: { correctionItems: JSON.stringify(body.items) }, details: { servedOn: body.servedOn, items: body.items.length } };
      });
    },

    // Art. 31 ¶3: on receipt of the materials the Art. 30 review starts again (a new R3 period).
    async submitCorrection(actor, id, body, meta) {
      return act(actor, id, 'submitCorrection', meta, async (c, ds, trx) => {
        notFuture('receivedOn', body.receivedOn);
        const period = openOf(ds, [RULE.correctionSubmission]);
        notBefore('receivedOn', body.receivedOn, period?.startDate, 'servedOn');
        const late = !!period?.dueDate && body.receivedOn > period.dueDate;
        if (period) await close(trx, period, 'met');
        await openDeadline(trx, c, RULE.acceptanceReview, body.receivedOn);
        return { onDate: body.receivedOn, details: { late, correctionDue: period?.dueDate ?? null } };
      });
    },

    // Art. 31 ¶2: for a proper reason the organ may extend the correction period (recorded as an extension on R5).
    async extendCorrection(actor, id, body, meta) {
      return act(actor, id, 'extendCorrection', meta, async (c, ds, trx) => {
        notFuture('approvedOn', body.approvedOn);
        const period = openOf(ds, [RULE.correctionSubmission]);
        if (!period) throw new AppError('RECON_EXTENSION_NOT_ALLOWED', { reason: 'noCorrectionPeriod' });
        notBefore('approvedOn', body.approvedOn, period.startDate, 'servedOn');
        const extensions = JSON.parse(period.extensions) as Extension[];
        const current = await compute(period.ruleId, period.startDate, { extensions });
        if (body.approvedOn > current.due) throw new AppError('RECON_EXTENSION_NOT_ALLOWED', { reason: 'expired', due: current.due });
        await deps.deadlines.extend(trx, period.id, { length: body.days, unit: 'WD', reason: body.reason, approvedOn: body.approvedOn, article: '《中华人民共和国行政复议法》第三十一条第二款' }, { note: `${c.caseNo} 延长补正期限 ${body.days} 个工作日` });
        return { onDate: body.approvedOn, details: { days: body.days, reason: body.reason, previousDue: current.due } };
      });
    },

    // Art. 31 ¶2: no materials within the period and no proper reason → deemed abandoned, recorded.
    async abandon(actor, id, body, meta) {
      return act(actor, id, 'abandon', meta, async (_c, ds, trx) => {
        notFuture('on', body.on);
        const period = openOf(ds, [RULE.correctionSubmission]);
        const due = period ? (await compute(period.ruleId, period.startDate, { extensions: JSON.parse(period.extensions) as Extension[] })).due : null;
        if (due && body.on <= due) throw new AppError('RECON_CORRECTION_PERIOD_RUNNING', { due });
        await closeAll(trx, ds);
        return { onDate: body.on, details: { correctionDue: due, note: body.note ?? null } };
      });
    },

    // Art. 30 ¶1 acceptance; ¶3 deemed acceptance on the expiry of the review period. Opens R7/R9 and R12/R13.
    async accept(actor, id, body, meta) {
      return act(actor, id, 'accept', meta, async (c, ds, trx) => {
        notFuture('acceptedOn', body.acceptedOn);
        const review = openOf(ds, [RULE.acceptanceReview]);
        notBefore('acceptedOn', body.acceptedOn, review?.startDate ?? c.receivedOn, 'receivedOn');
        const deemedOn = review ? (await compute(review.ruleId, review.startDate)).due : null;
        if (deemedOn && body.acceptedOn > deemedOn) throw new AppError('RECON_ACCEPT_AFTER_DEEMED', { deemedAcceptanceOn: deemedOn });
        if (review) await close(trx, review, 'met');
        const accepted = { ...c, procedure: body.procedure };
        await openDeadline(trx, accepted, RULE.copy[body.procedure], body.acceptedOn);
        await openDeadline(trx, accepted, RULE.decision[body.procedure], body.acceptedOn);
        const deemed = deemedOn !== null && body.acceptedOn === deemedOn && clock.today() > deemedOn;
        return { onDate: body.acceptedOn, patch: { acceptedOn: body.acceptedOn, procedure: body.procedure }, details: { procedure: body.procedure, deemed } };
      });
    },

    // Art. 30 ¶2: refusal within the review period, with reasons; names the competent organ where applicable.
    async rejectApplication(actor, id, body, meta) {
      return act(actor, id, 'rejectApplication', meta, async (c, ds, trx) => {
        notFuture('rejectedOn', body.rejectedOn);
        const review = openOf(ds, [RULE.acceptanceReview]);
        notBefore('rejectedOn', body.rejectedOn, review?.startDate ?? c.receivedOn, 'receivedOn');
        const due = review ? (await compute(review.ruleId, review.startDate)).due : null;
        if (due && body.rejectedOn > due) throw new AppError('RECON_REVIEW_PERIOD_EXPIRED', { field: 'rejectedOn', due, rule: RULE.acceptanceReview });
        if (review) await close(trx, review, 'met');
        return { onDate: body.rejectedOn, patch: { rejectedOn: body.rejectedOn }, details: { reason: body.reason, competentOrgan: body.competentOrgan ?? null } };
      });
    },

    // Art. 48 (7 WD) / Art. 54 (3 WD): copy to the respondent; its reply period (10 WD / 5 WD) runs from its receipt.
    async sendCopy(actor, id, body, meta) {
      return act(actor, id, 'sendCopy', meta, async (c, ds, trx) => {
        notFuture('sentOn', body.sentOn);
        notFuture('respondentReceivedOn', body.respondentReceivedOn);
        notBefore('sentOn', body.sentOn, c.acceptedOn, 'acceptedOn');
        notBefore('respondentReceivedOn', body.respondentReceivedOn, body.sentOn, 'sentOn');
        const p = procedureOf(c);
        const copy = openOf(ds, [RULE.copy[p]]);
        if (copy) await close(trx, copy, 'met');
        await openDeadline(trx, c, RULE.reply[p], body.respondentReceivedOn);
        return { onDate: body.sentOn, patch: { copySentOn: body.sentOn, respondentReceivedOn: body.respondentReceivedOn }, details: { onTime: !copy?.dueDate || body.sentOn <= copy.dueDate, copyDue: copy?.dueDate ?? null } };
      });
    },

    async recordReply(actor, id, body, meta) {
      return act(actor, id, 'recordReply', meta, async (c, ds, trx) => {
        if (c.replyReceivedOn || !c.copySentOn) throw notAllowed(c.status, 'recordReply', c.replyReceivedOn ? '已登记被申请人答复' : '尚未向被申请人发送申请书副本（《中华人民共和国行政复议法》第四十八条）');
        notFuture('receivedOn', body.receivedOn);
        notBefore('receivedOn', body.receivedOn, c.respondentReceivedOn, 'respondentReceivedOn');
        const reply = openOf(ds, [RULE.reply.ordinary, RULE.reply.simplified]);
        if (reply) await close(trx, reply, 'met');
        return { onDate: body.receivedOn, patch: { replyReceivedOn: body.receivedOn }, details: { onTime: !reply?.dueDate || body.receivedOn <= reply.dueDate, replyDue: reply?.dueDate ?? null } };
      });
    },

    async startMediation(actor, id, body, meta) {
      return act(actor, id, 'startMediation', meta, async (c) => {
        notFuture('on', body.on);
        notBefore('on', body.on, c.acceptedOn, 'acceptedOn');
        return { onDate: body.on, details: { note: body.note ?? null } };
      });
    },

    // Art. 73 ¶2: mediation failed → the organ proceeds to a decision.
    async endMediation(actor, id, body, meta) {
      return act(actor, id, 'endMediation', meta, async (c) => {
        notFuture('on', body.on);
        notBefore('on', body.on, c.acceptedOn, 'acceptedOn');
        return { onDate: body.on, details: { note: body.note ?? null } };
      });
    },

    // Art. 73 ¶1: a 行政复议调解书 signed by the parties and sealed by the organ concludes the case.
    async concludeMediation(actor, id, body, meta) {
      return act(actor, id, 'concludeMediation', meta, async (c, ds, trx) => {
        notFuture('on', body.on);
        notBefore('on', body.on, c.acceptedOn, 'acceptedOn');
        await closeAll(trx, ds, decisionRules);
        return { onDate: body.on, patch: { decidedOn: body.on }, details: { note: body.note ?? null } };
      });
    },

    // Art. 39: 中止. The decision period pauses (practice; the 2023 law does not say so expressly — see the rule note);
    // a suspension under Art. 39 ¶1 (1), (2) or (4) opens the R14 termination check (Art. 41 (5)).
    async suspend(actor, id, body, meta) {
      return act(actor, id, 'suspend', meta, async (c, ds, trx) => {
        notFuture('on', body.on);
        notBefore('on', body.on, c.acceptedOn, 'acceptedOn');
        if (body.ground === NORM_REVIEW_GROUND) throw notAllowed(c.status, 'suspend', '因规范性文件附带审查中止的，请通过“附带审查”办理（《中华人民共和国行政复议法》第三十九条第一款第九项、第五十六条、第五十七条）');
        await suspendClock(trx, c, ds, body.on, body.ground);
        return { onDate: body.on, patch: { suspendedOn: body.on, suspensionGround: body.ground }, details: { ground: body.ground, note: body.note ?? null } };
      });
    },

    // Art. 39 ¶2: resumption once the cause is gone. The pause ends the day before resumption (both ends inclusive).
    async resume(actor, id, body, meta) {
      return act(actor, id, 'resume', meta, async (c, ds, trx) => {
        notFuture('on', body.on);
        notBefore('on', body.on, c.suspendedOn, 'suspendedOn');
        if (c.suspensionGround === NORM_REVIEW_GROUND) throw notAllowed(c.status, 'resume', '规范性文件附带审查尚未办结，办结后自动恢复审理（《中华人民共和国行政复议法》第三十九条第二款、第五十六条至第六十条）');
        await resumeClock(trx, c, ds, body.on);
        return { onDate: body.on, patch: { suspendedOn: null, suspensionGround: null }, details: { suspendedOn: c.suspendedOn, note: body.note ?? null } };
      });
    },

    // Art. 62 ¶1: ordinary procedure only, approved by the head of the reconsideration body, at most 30 days, once.
    async extend(actor, id, body, meta) {
      return act(actor, id, 'extend', meta, async (c, ds, trx) => {
        const max = getRule(RULE.decision.ordinary).maxExtension!.length;
        if (body.days > max) throw new AppError('RECON_EXTENSION_TOO_LONG', { max, days: body.days });
        if (c.procedure !== 'ordinary') throw new AppError('RECON_EXTENSION_NOT_ALLOWED', { reason: 'simplified', procedure: c.procedure });
        if (c.extensionDays !== null) throw new AppError('RECON_EXTENSION_NOT_ALLOWED', { reason: 'once', extensionDays: c.extensionDays });
        notFuture('approvedOn', body.approvedOn);
        notBefore('approvedOn', body.approvedOn, c.acceptedOn, 'acceptedOn');
        const decision = openOf(ds, decisionRules);
        if (!decision) throw new AppError('RECON_EXTENSION_NOT_ALLOWED', { reason: 'noDecisionDeadline' });
        const pauses = JSON.parse(decision.pauses) as Pause[];
        const current = await compute(decision.ruleId, decision.startDate, { pauses });
        if (body.approvedOn > current.due) throw new AppError('RECON_EXTENSION_NOT_ALLOWED', { reason: 'expired', due: current.due });
        const extension: Extension = { length: body.days, unit: 'CAL', reason: body.reason, approvedOn: body.approvedOn, article: '《中华人民共和国行政复议法》第六十二条第一款' };
        await deps.deadlines.extend(trx, decision.id, extension, { note: `${c.caseNo} 延长审理期限 ${body.days} 日（${actor.displayName}批准）` });
        return { onDate: body.approvedOn, patch: { extensionDays: body.days }, details: { days: body.days, approvedBy: actor.displayName, reason: body.reason, previousDue: current.due } };
      });
    },

    // Art. 55: simplified → ordinary with the approval of the head of the reconsideration body. The periods are
    // recomputed under the ordinary rules from their original start events (R13 note: whether the decision period
    // restarts at the switch is UNVERIFIED, so the earlier, stricter reading is used), carrying over any pauses.
    async switchProcedure(actor, id, body, meta) {
      return act(actor, id, 'switchProcedure', meta, async (c, ds, trx) => {
        if (c.procedure !== 'simplified') throw notAllowed(c.status, 'switchProcedure', '仅适用简易程序的案件可以转为普通程序（《中华人民共和国行政复议法》第五十五条）');
        notFuture('approvedOn', body.approvedOn);
        notBefore('approvedOn', body.approvedOn, c.acceptedOn, 'acceptedOn');
        const ordinary = { ...c, procedure: 'ordinary' };
        const pairs: [string, string][] = [
          [RULE.copy.simplified, RULE.copy.ordinary],
          [RULE.reply.simplified, RULE.reply.ordinary],
          [RULE.decision.simplified, RULE.decision.ordinary],
        ];
        const moved: Record<string, string | null> = {};
        for (const [from, to] of pairs) {
          const d = openOf(ds, [from]);
          if (!d) continue;
          await close(trx, d, 'cancelled');
          await openDeadline(trx, ordinary, to, d.startDate, { pauses: JSON.parse(d.pauses) as Pause[] });
          moved[KIND_OF_RULE[to]!] = d.dueDate;
        }
        return { onDate: body.approvedOn, patch: { procedure: 'ordinary' }, details: { approvedBy: actor.displayName, reason: body.reason, previousDue: moved } };
      });
    },

    // Arts. 61–69; Art. 70: no decision before the respondent's reply or the lapse of its period; after a default the
    // act is treated as having no evidence or basis (no uphold / dismissal unless a third party supplied evidence).
    async decide(actor, id, body, meta) {
      return act(actor, id, 'decide', meta, async (c, ds, trx) => {
        notFuture('decidedOn', body.decidedOn);
        notBefore('decidedOn', body.decidedOn, c.acceptedOn, 'acceptedOn');
        let defaulted = false;
        if (!c.replyReceivedOn) {
          const reply = latestOf(ds, [RULE.reply.ordinary, RULE.reply.simplified]);
          const replyDue = reply ? (await compute(reply.ruleId, reply.startDate)).due : null;
          if (!replyDue || body.decidedOn <= replyDue) throw new AppError('RECON_REPLY_PENDING', { replyDue });
          defaulted = true;
          if ((body.type === 'uphold' || body.type === 'dismissClaim') && !body.thirdPartyEvidence) throw new AppError('RECON_DEFAULT_OUTCOME', { type: body.type, replyDue });
        }
        const record = await proceedings(trx, c.id);
        // Art. 49: under the ordinary procedure the applicant's views are heard and recorded (or recorded as not
        // obtainable for reasons on the applicant's side, then the case may be decided on the papers); a hearing the
        // applicant attended or waived (Art. 51 ¶2) is such a record.
        if (procedureOf(c) === 'ordinary' && !record.applicantHeard) throw new AppError('RECON_VIEWS_NOT_HEARD', { procedure: 'ordinary' });
        // Art. 52 ¶3, Art. 61 ¶3: a requested committee opinion is recorded and taken into account before deciding.
        if (record.committeePending) throw new AppError('RECON_COMMITTEE_OPINION_PENDING', { requestedOn: record.committeePending });
        const decision = openOf(ds, decisionRules);
        const due = decision ? (await compute(decision.ruleId, decision.startDate, { pauses: JSON.parse(decision.pauses) as Pause[], extensions: JSON.parse(decision.extensions) as Extension[] })).due : null;
        await closeAll(trx, ds, decisionRules);
        // Art. 61 ¶2: after a hearing, the decision rests on the hearing record; ¶3: the committee's opinion is an important reference.
        return { onDate: body.decidedOn, patch: { decisionType: body.type, decidedOn: body.decidedOn }, details: { type: body.type, onTime: !due || body.decidedOn <= due, decisionDue: due, respondentDefault: defaulted, summary: body.summary ?? null, hearingHeld: record.hearingHeld, committeeConsulted: record.committeeConsulted } };
      });
    },

    // Art. 41: termination; ground (5) only after a 60-day suspension under Art. 39 ¶1 (1), (2) or (4) (R14).
    async terminate(actor, id, body, meta) {
      return act(actor, id, 'terminate', meta, async (c, ds, trx) => {
        notFuture('on', body.on);
        notBefore('on', body.on, c.acceptedOn, 'acceptedOn');
        if (body.ground === 1) throw new AppError('RECON_WITHDRAWAL_REQUIRED', { ground: 1 });
        if (body.ground === 5) {
          const check = openOf(ds, [RULE.suspensionTermination]);
          if (c.status !== 'suspended' || !check || !TERMINATION_CHECK_GROUNDS.includes(c.suspensionGround ?? 0)) throw new AppError('RECON_TERMINATION_NOT_DUE', { suspensionGround: c.suspensionGround });
          const due = (await compute(check.ruleId, check.startDate)).due;
          if (body.on < due) throw new AppError('RECON_TERMINATION_NOT_DUE', { due });
        }
        await closeAll(trx, ds, [RULE.suspensionTermination]);
        return { onDate: body.on, patch: { terminatedOn: body.on, terminationGround: body.ground }, details: { ground: body.ground, note: body.note ?? null } };
      });
    },

    async assign(actor, id, body, meta) {
      const h = await validHandler(actor, body.handlerId);
      return act(actor, id, 'assign', meta, assignStep(h));
    },

    async hearingNotice(actor, id, hearingOn) {
      await load(actor, id);
      const rule = getRule(RULE.hearingNotice);
      const res = await compute(RULE.hearingNotice, hearingOn, { explain: true });
      return { hearingOn, latestNoticeOn: res.due, basis: ruleCitation(rule), explanation: res.steps.map((x) => x.text).join('；'), steps: res.steps, flags: res.flags };
    },

    async assignWithin(trx, actor, id, body, meta, note = {}) {
      const h = await validHandler(actor, body.handlerId, trx);
      await actIn(trx, actor, id, 'assign', meta, assignStep(h, note), note);
    },

    // Art. 74: before the decision the applicant may withdraw (after a settlement, ¶1, or otherwise); the body approves
    // and the organ terminates the case under Art. 41 (1). Afterwards the applicant may not apply again on the same
    // facts and reasons, unless the withdrawal was against their true will (¶2).
    async withdraw(actor, id, body, meta) {
      return act(actor, id, 'withdraw', meta, async (c, ds, trx) => {
        notFuture('approvedOn', body.approvedOn);
        notBefore('requestedOn', body.requestedOn, c.acceptedOn, 'acceptedOn');
        notBefore('approvedOn', body.approvedOn, body.requestedOn, 'requestedOn');
        await closeAll(trx, ds);
        return {
          onDate: body.approvedOn,
          patch: { terminatedOn: body.approvedOn, terminationGround: 1, suspendedOn: null, suspensionGround: null },
          details: { requestedOn: body.requestedOn, reason: body.reason, settlement: body.settlement, approvedBy: actor.displayName, ground: 1, reapplicationBarred: '申请人不得再以同一事实和理由提出行政复议申请，但能够证明撤回违背其真实意愿的除外（《中华人民共和国行政复议法》第七十四条第二款）' },
        };
      });
    },

    // Art. 49: the parties' views, heard in person, online or by phone, recorded; or recorded as not obtainable for
    // reasons on the party's side (then the case may be decided on the papers).
    async hearViews(actor, id, body, meta) {
      return act(actor, id, 'hearViews', meta, async (c) => {
        notFuture('on', body.on);
        notBefore('on', body.on, c.acceptedOn, 'acceptedOn');
        return { onDate: body.on, details: { party: body.party, method: body.method, record: body.record, onPapers: body.method === 'unable' } };
      });
    },

    // Arts. 50–51 ¶1: written notice of time, place and issues at least 5 working days before the hearing (R11,
    // counted backwards by the deadline engine on the official calendar).
    async scheduleHearing(actor, id, body, meta) {
      return act(actor, id, 'scheduleHearing', meta, async (c) => {
        notFuture('noticeOn', body.noticeOn);
        notBefore('noticeOn', body.noticeOn, c.acceptedOn, 'acceptedOn');
        notBefore('hearingOn', body.hearingOn, body.noticeOn, 'noticeOn');
        const latest = await compute(RULE.hearingNotice, body.hearingOn, { explain: true });
        if (body.noticeOn > latest.due) throw new AppError('RECON_HEARING_NOTICE_LATE', { noticeOn: body.noticeOn, hearingOn: body.hearingOn, latestNoticeOn: latest.due, rule: RULE.hearingNotice, explanation: latest.steps.map((x) => x.text).join('；') });
        return { onDate: body.noticeOn, details: { hearingOn: body.hearingOn, place: body.place, issues: body.issues, reason: body.reason, latestNoticeOn: latest.due, basis: ruleCitation(getRule(RULE.hearingNotice)) } };
      });
    },

    // Art. 50 ¶3 (panel), Art. 51 ¶2 (applicant absent without proper reason = waived), ¶3 (respondent's head or delegate).
    async recordHearing(actor, id, body, meta) {
      return act(actor, id, 'recordHearing', meta, async (c, _ds, trx) => {
        notFuture('heldOn', body.heldOn);
        const { pendingHearings } = await proceedings(trx, c.id);
        if (!pendingHearings.includes(body.heldOn)) throw new AppError('RECON_HEARING_NOT_SCHEDULED', { heldOn: body.heldOn, noticed: pendingHearings });
        const applicantWaived = !body.applicantAttended && !body.applicantAbsenceReason;
        return {
          onDate: body.heldOn,
          details: { heldOn: body.heldOn, presiding: body.presiding, members: body.members, clerk: body.clerk, applicantAttended: body.applicantAttended, applicantAbsenceReason: body.applicantAbsenceReason ?? null, applicantWaived, respondentHeadAttended: body.respondentHeadAttended, respondentDelegate: body.respondentDelegate ?? null, respondentAbsenceReason: body.respondentAbsenceReason ?? null, record: body.record },
        };
      });
    },

    // Art. 52 ¶2: the body asks the 行政复议委员会 for a consultative opinion (mandatory in cases (1)–(3)).
    async consultCommittee(actor, id, body, meta) {
      return act(actor, id, 'consultCommittee', meta, async (c, _ds, trx) => {
        notFuture('requestedOn', body.requestedOn);
        notBefore('requestedOn', body.requestedOn, c.acceptedOn, 'acceptedOn');
        const { committeePending } = await proceedings(trx, c.id);
        if (committeePending) throw new AppError('RECON_COMMITTEE_OPINION_PENDING', { requestedOn: committeePending });
        return { onDate: body.requestedOn, details: { requestedOn: body.requestedOn, ground: body.ground, mandatory: body.ground <= 3, question: body.question } };
      });
    },

    // Art. 52 ¶3: the body records the committee's opinion (Art. 61 ¶3: an important reference for the decision).
    async recordCommitteeOpinion(actor, id, body, meta) {
      return act(actor, id, 'recordCommitteeOpinion', meta, async (c, _ds, trx) => {
        notFuture('receivedOn', body.receivedOn);
        const { committeePending } = await proceedings(trx, c.id);
        if (!committeePending) throw notAllowed(c.status, 'recordCommitteeOpinion', '尚未提请行政复议委员会提出咨询意见');
        notBefore('receivedOn', body.receivedOn, committeePending, 'requestedOn');
        return { onDate: body.receivedOn, details: { requestedOn: committeePending, opinion: body.opinion } };
      });
    },

    // Arts. 13, 56, 57: incidental review of a normative document. The case is suspended (Art. 39 ¶1 (9)); an organ
    // with power handles it within 30 days (R15) and notifies the drafting organ within 3 working days of the
    // suspension (R17, Art. 58); otherwise it forwards the document within 7 working days (R16).
    async startNormReview(actor, id, body, meta) {
      return act(actor, id, 'startNormReview', meta, async (c, ds, trx) => {
        notFuture('on', body.on);
        notBefore('on', body.on, c.acceptedOn, 'acceptedOn');
        await suspendClock(trx, c, ds, body.on, NORM_REVIEW_GROUND);
        if (body.competent) {
          await openDeadline(trx, c, RULE.normReview, body.on);
          await openDeadline(trx, c, RULE.draftingNotice, body.on);
        } else {
          await openDeadline(trx, c, RULE.normForward, body.on);
        }
        return {
          onDate: body.on,
          patch: { suspendedOn: body.on, suspensionGround: NORM_REVIEW_GROUND },
          details: { ground: NORM_REVIEW_GROUND, source: body.source, basisArticle: body.source === 'applicant' ? '第十三条、第五十六条' : '第五十七条', document: body.document, competent: body.competent, note: body.note ?? null },
        };
      });
    },

    // Art. 58 ¶1: written notice to the drafting organ; its written reply is due 10 working days after receipt (R18).
    async notifyDraftingOrgan(actor, id, body, meta) {
      return act(actor, id, 'notifyDraftingOrgan', meta, async (c, ds, trx) => {
        const notice = openOf(ds, [RULE.draftingNotice]);
        if (c.suspensionGround !== NORM_REVIEW_GROUND || !notice) throw new AppError('RECON_NORM_REVIEW_STATE', { step: 'notifyDraftingOrgan' });
        notFuture('noticeOn', body.noticeOn);
        notFuture('draftingReceivedOn', body.draftingReceivedOn);
        notBefore('noticeOn', body.noticeOn, notice.startDate, 'suspendedOn');
        notBefore('draftingReceivedOn', body.draftingReceivedOn, body.noticeOn, 'noticeOn');
        const noticeDue = (await compute(notice.ruleId, notice.startDate)).due;
        await close(trx, notice, 'met');
        await openDeadline(trx, c, RULE.draftingReply, body.draftingReceivedOn);
        return { onDate: body.noticeOn, details: { draftingReceivedOn: body.draftingReceivedOn, noticeDue, onTime: body.noticeOn <= noticeDue } };
      });
    },

    // Art. 58: the drafting organ's written reply (and, where required, its explanation in person, ¶2).
    async recordDraftingReply(actor, id, body, meta) {
      return act(actor, id, 'recordDraftingReply', meta, async (c, ds, trx) => {
        const reply = openOf(ds, [RULE.draftingReply]);
        if (c.suspensionGround !== NORM_REVIEW_GROUND || !reply) throw new AppError('RECON_NORM_REVIEW_STATE', { step: 'recordDraftingReply' });
        notFuture('receivedOn', body.receivedOn);
        notBefore('receivedOn', body.receivedOn, reply.startDate, 'draftingReceivedOn');
        const replyDue = (await compute(reply.ruleId, reply.startDate)).due;
        await close(trx, reply, 'met');
        return { onDate: body.receivedOn, details: { replyDue, onTime: body.receivedOn <= replyDue, inPerson: body.inPerson } };
      });
    },

    // Arts. 56, 57: forwarded to the competent organ within 7 working days; its reply is due within 60 days (R19, Art. 60).
    async forwardNorm(actor, id, body, meta) {
      return act(actor, id, 'forwardNorm', meta, async (c, ds, trx) => {
        const forward = openOf(ds, [RULE.normForward]);
        if (c.suspensionGround !== NORM_REVIEW_GROUND || !forward) throw new AppError('RECON_NORM_REVIEW_STATE', { step: 'forwardNorm' });
        notFuture('forwardedOn', body.forwardedOn);
        notFuture('recipientReceivedOn', body.recipientReceivedOn);
        notBefore('forwardedOn', body.forwardedOn, forward.startDate, 'suspendedOn');
        notBefore('recipientReceivedOn', body.recipientReceivedOn, body.forwardedOn, 'forwardedOn');
        const forwardDue = (await compute(forward.ruleId, forward.startDate)).due;
        await close(trx, forward, 'met');
        await openDeadline(trx, c, RULE.forwardedReply, body.recipientReceivedOn);
        return { onDate: body.forwardedOn, details: { recipient: body.recipient, recipientReceivedOn: body.recipientReceivedOn, forwardDue, onTime: body.forwardedOn <= forwardDue } };
      });
    },

    // Art. 59 (handled by the organ: lawful → said in the decision; unlawful → stop applying it and order the drafting
    // organ to correct it) or Art. 60 (the receiving organ's reply); then review resumes (Art. 39 ¶2).
    async concludeNormReview(actor, id, body, meta) {
      return act(actor, id, 'concludeNormReview', meta, async (c, ds, trx) => {
        if (c.suspensionGround !== NORM_REVIEW_GROUND) throw new AppError('RECON_NORM_REVIEW_STATE', { step: 'concludeNormReview', reason: 'noReview' });
        notFuture('on', body.on);
        notBefore('on', body.on, c.suspendedOn, 'suspendedOn');
        const handled = openOf(ds, [RULE.normReview]);
        const awaited = openOf(ds, [RULE.forwardedReply]);
        if (handled ? body.outcome === 'replyReceived' : !awaited || body.outcome !== 'replyReceived') throw new AppError('RECON_NORM_REVIEW_STATE', { step: 'concludeNormReview', outcome: body.outcome, competent: !!handled });
        const period = (handled ?? awaited)!;
        const due = (await compute(period.ruleId, period.startDate)).due;
        await close(trx, period, 'met');
        // steps of Art. 58 still open when the organ decides are no longer owed
        for (const d of ds) if (d.status === 'open' && [RULE.draftingNotice, RULE.draftingReply].includes(d.ruleId as never)) await close(trx, d, 'cancelled');
        await resumeClock(trx, c, ds, body.on);
        return { onDate: body.on, patch: { suspendedOn: null, suspensionGround: null }, details: { outcome: body.outcome, summary: body.summary, due, onTime: body.on <= due, suspendedOn: c.suspendedOn } };
      });
    },
  };
}
