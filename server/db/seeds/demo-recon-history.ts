/**
 * Demo history (fictional, fixed seed): a year of 行政复议 consultations (~1,000), several hundred concluded
 * 行政复议 cases of the previous calendar year with consistent statuses, decision types, dates, timelines and
 * deadline-register rows (all closed), and ~10 行政应诉 cases. Gives the statistics pages plausible figures
 * (front-end settlement rate near 70 %, correction rate near a third, a few late conclusions).
 *
 * Written as batched inserts inside the setup transaction; nothing here opens a deadline.
 */
import { randomUUID } from 'node:crypto';
import { type WorkCalendar, formatDate, parseDate } from '../../../common/calendar';
import { type Extension, computeDeadline, getRule } from '../../../common/deadlines';
import { type Rng, generateIdNumber, generateMobile } from '../../../common/validators';
import type { FieldCipher } from '../../platform/crypto';
import type { Database, Db } from '../types';
import { workdayOnOrBefore, workdayOnOrAfter } from './office-days';

const RESPONDENTS: { name: string; doc: string; acts: string[] }[] = [
  { name: '北京市西城区市场监督管理局', doc: '京西市监罚', acts: ['行政处罚决定', '投诉举报处理答复'] },
  { name: '北京市西城区城市管理综合行政执法局', doc: '京西城管罚', acts: ['行政处罚决定', '责令限期拆除决定'] },
  { name: '北京市西城区人力资源和社会保障局', doc: '京西人社工伤认', acts: ['不予认定工伤决定', '工伤认定决定'] },
  { name: '北京市西城区住房和城乡建设委员会', doc: '京西住建', acts: ['政府信息公开申请答复', '不履行法定职责'] },
  { name: '北京市西城区卫生健康委员会', doc: '京西卫罚', acts: ['行政处罚决定', '政府信息公开申请答复'] },
  { name: '北京市公安局西城分局', doc: '京公西行罚决字', acts: ['行政处罚决定', '不履行法定职责'] },
  { name: '北京市西城区教育委员会', doc: '京西教', acts: ['政府信息公开申请答复', '行政许可决定'] },
  { name: '北京市西城区人民政府德胜街道办事处', doc: '德胜街道', acts: ['政府信息公开申请答复', '不履行法定职责'] },
  { name: '北京市西城区人民政府什刹海街道办事处', doc: '什刹海街道', acts: ['责令限期拆除决定', '政府信息公开申请答复'] },
];
type Matter = 'penalty' | 'disclosure' | 'workInjury' | 'nonPerformance' | 'coercion' | 'licensing' | 'other';
const CONSULT_TOPICS: Record<Matter, string> = {
  penalty: '对行政处罚决定不服，咨询能否申请行政复议及申请期限',
  disclosure: '政府信息公开申请未获答复，咨询救济途径',
  workInjury: '对工伤认定结论有异议，咨询复议与诉讼的选择',
  nonPerformance: '反映行政机关不履行法定职责，咨询能否申请复议',
  coercion: '对限期拆除通知不服，咨询复议期间是否停止执行',
  licensing: '行政许可申请被拒，咨询复议请求如何表述',
  other: '咨询行政复议受理范围和申请材料',
};

function weighted<T>(rng: Rng, items: [T, number][]): T {
  const total = items.reduce((a, [, w]) => a + w, 0);
  let x = rng.next() * total;
  for (const [v, w] of items) if ((x -= w) < 0) return v;
  return items[items.length - 1]![0];
}

async function insertBatched<T extends keyof Database & string>(db: Db, table: T, rows: Database[T][], size = 150) {
  for (let i = 0; i < rows.length; i += size) await db.insertInto(table).values(rows.slice(i, i + size) as never).execute();
}

export async function seedReconHistory(opts: {
  db: Db;
  rng: Rng;
  cipher: FieldCipher;
  calendar: WorkCalendar;
  today: string;
  nowIso: string;
  departmentId: string;
  handlers: { id: string; name: string }[];
  personName: () => string;
  caseNoPrefix?: string;
  /** number of historical cases (default 480) */
  cases?: number;
}): Promise<{ cases: number; consultations: number; litigation: number }> {
  const { db, rng, calendar, today, nowIso, departmentId, handlers } = opts;
  const prefix = opts.caseNoPrefix ?? '西复';
  const plus = (d: string, n: number) => formatDate(parseDate(d) + n);
  // the office acts on working days: an act drawn on a rest day moves to the next (or, where it must not move later, the
  // previous) working day of the official calendar; online applications and consultations may come in any day
  const nextWork = (d: string) => workdayOnOrAfter(calendar, d);
  const prevWork = (d: string) => workdayOnOrBefore(calendar, d);
  const year = Number(today.slice(0, 4)) - 1;
  const yearStart = `${year}-01-01`;
  const due = (ruleId: string, start: string, extensions: Extension[] = []) => {
    const res = computeDeadline(calendar, getRule(ruleId), { start, pauses: [], extensions, asOf: today, onUnpublished: 'flag', explain: false });
    return res.due ?? plus(start, getRule(ruleId).length + extensions.reduce((a, e) => a + e.length, 0));
  };

  // fictional applicants: people register entries for a share, firms by name only
  const applicants: { personId: string | null; name: string; key: string; kind: 'person' | 'organization'; creditCode: string | null }[] = [];
  const people: Database['people'][] = [];
  for (let i = 0; i < 60; i++) {
    const idNumber = generateIdNumber(rng, { regionCode: '110102' });
    const mobile = generateMobile(rng);
    const p = { id: randomUUID(), name: opts.personName(), idNumberEnc: opts.cipher.encrypt(idNumber), idNumberBidx: opts.cipher.blindIndex(idNumber), mobileEnc: opts.cipher.encrypt(mobile), mobileBidx: opts.cipher.blindIndex(mobile), departmentId, createdBy: rng.pick(handlers).id, createdAt: nowIso };
    people.push(p);
    applicants.push({ personId: p.id, name: p.name, key: `p:${p.idNumberBidx}`, kind: 'person', creditCode: null });
  }
  await insertBatched(db, 'people', people);

  // ── concluded 行政复议 cases of the previous year ─────────────────────────────────────────────────────
  const total = opts.cases ?? 480;
  const counter = await db.selectFrom('reconsiderationCounters').select('lastSeq').where('year', '=', year).executeTakeFirst();
  let seq = counter ? Number(counter.lastSeq) : 0;
  const caseRows: Database['reconsiderationCases'][] = [];
  const events: Database['reconsiderationEvents'][] = [];
  const deadlineRows: Database['deadlines'][] = [];
  const filedCases: { id: string; receivedOn: string; respondent: string }[] = [];
  const receivedDates = Array.from({ length: total }, () => plus(yearStart, rng.int(0, 364))).sort();
  for (const drawnOn of receivedDates) {
    const resp = rng.pick(RESPONDENTS);
    const actName = rng.pick(resp.acts);
    const handler = rng.pick(handlers);
    const a = rng.pick(applicants);
    const channel = weighted(rng, [['onsite', 35], ['mail', 20], ['online', 40], ['oral', 5]] as [string, number][]);
    const receivedOn = channel === 'online' ? drawnOn : nextWork(drawnOn);
    const knownOn = plus(receivedOn, -rng.int(3, 55));
    const madeOn = plus(knownOn, -rng.int(0, 4));
    const kind = weighted(rng, [['rejected', 8], ['decided', 62], ['mediated', 15], ['terminated', 15]] as [string, number][]);
    const procedure = rng.next() < 0.25 ? 'simplified' : 'ordinary';
    const P = procedure === 'simplified' ? { decision: 'reconsideration.decisionSimplified', span: 28 } : { decision: 'reconsideration.decision', span: 58 };
    const id = randomUUID();
    const ev: { action: string; on: string; from: string | null; to: string; details: Record<string, unknown> }[] = [{ action: 'register', on: receivedOn, from: null, to: 'registered', details: { channel, article: '《中华人民共和国行政复议法》第二十二条' } }];
    const row: Database['reconsiderationCases'] = {
      id, caseNo: '', year, seq: 0, departmentId, handlerId: handler.id, status: kind, resumeTo: null, procedure: null, channel, receivedOn,
      postmarkOn: channel === 'mail' ? plus(receivedOn, -2) : null, oralRecord: channel === 'oral' ? '申请人当场口述复议请求、主要事实和理由，工作人员记录后向申请人宣读。' : null, oralConfirmed: channel === 'oral' ? 1 : null,
      applicantKind: a.kind, applicantPersonId: a.personId, applicantName: a.name, applicantCreditCode: a.creditCode, applicantKey: a.key,
      respondentName: resp.name, respondentKey: resp.name, actName, actDocNo: `${resp.doc}〔${madeOn.slice(0, 4)}〕${rng.int(10, 999)}号`, actDocKey: null, actMadeOn: madeOn, actKnownOn: knownOn, actRealEstate: 0, actRightsKnownOn: null,
      request: `请求撤销被申请人作出的${actName}`, reasons: '被申请人认定事实不清，适用依据错误，程序违法。', lateExplanation: null,
      attachments: JSON.stringify([{ name: '行政复议申请书', pages: 3 }, { name: '申请人身份证明复印件', pages: 1 }]),
      applicationDue: due('reconsideration.application', knownOn), late: 0, acceptedOn: null, rejectedOn: null, correctionItems: null, copySentOn: null, respondentReceivedOn: null, replyReceivedOn: null,
      suspendedOn: null, suspensionGround: null, extensionDays: null, decisionType: null, decidedOn: null, terminatedOn: null, terminationGround: null,
      createdBy: handler.id, createdAt: nowIso, updatedAt: nowIso, version: 1,
    };
    row.actDocKey = row.actDocNo;
    const dl = (ruleId: string, start: string, status: 'met' | 'cancelled', dueDate: string, extensions: Extension[] = []) =>
      deadlineRows.push({ id: randomUUID(), module: 'reconsideration', objectType: 'reconsiderationCase', objectId: id, title: '', ruleId, startDate: start, pauses: '[]', extensions: JSON.stringify(extensions), dueDate, status, flags: '[]', departmentId, assigneeId: handler.id, computedAt: nowIso, createdAt: nowIso, updatedAt: nowIso });
    let last: string;
    if (kind === 'rejected') {
      row.rejectedOn = nextWork(plus(receivedOn, rng.int(1, 5)));
      dl('reconsideration.acceptanceReview', receivedOn, 'met', due('reconsideration.acceptanceReview', receivedOn));
      ev.push({ action: 'rejectApplication', on: row.rejectedOn, from: 'registered', to: 'rejected', details: { reason: '不属于行政复议范围', article: '《中华人民共和国行政复议法》第三十条第二款' } });
      last = row.rejectedOn;
    } else {
      const acceptedOn = nextWork(plus(receivedOn, rng.int(1, 5)));
      row.acceptedOn = acceptedOn;
      row.procedure = procedure;
      dl('reconsideration.acceptanceReview', receivedOn, 'met', due('reconsideration.acceptanceReview', receivedOn));
      ev.push({ action: 'accept', on: acceptedOn, from: 'registered', to: 'accepted', details: { procedure, article: '《中华人民共和国行政复议法》第三十条第一款' } });
      row.copySentOn = nextWork(plus(acceptedOn, rng.int(1, 3)));
      row.respondentReceivedOn = nextWork(plus(row.copySentOn, 1));
      row.replyReceivedOn = nextWork(plus(row.respondentReceivedOn, rng.int(3, procedure === 'simplified' ? 5 : 10)));
      ev.push({ action: 'sendCopy', on: row.copySentOn, from: 'accepted', to: 'underReview', details: { respondentReceivedOn: row.respondentReceivedOn } });
      ev.push({ action: 'recordReply', on: row.replyReceivedOn, from: 'underReview', to: 'underReview', details: {} });
      const extended = procedure === 'ordinary' && rng.next() < 0.1;
      const extensions: Extension[] = extended ? [{ length: 30, unit: 'CAL', reason: '案情复杂', approvedOn: prevWork(plus(acceptedOn, 50)), article: '《中华人民共和国行政复议法》第六十二条第一款' }] : [];
      if (extended) row.extensionDays = 30;
      const decisionDue = due(P.decision, acceptedOn, extensions);
      // mostly on time; about 3 % concluded a few days late
      const late = rng.next() < 0.03;
      const earliest = parseDate(row.replyReceivedOn) - parseDate(acceptedOn) + 2;
      const maxSpan = parseDate(decisionDue) - parseDate(acceptedOn);
      const span = late ? maxSpan + rng.int(1, 6) : Math.max(earliest, Math.min(maxSpan, rng.int(Math.min(earliest + 5, maxSpan), Math.max(Math.min(earliest + 5, maxSpan), extended ? maxSpan : P.span))));
      // an on-time conclusion stays on time (the working day before), unless that falls before the reply was in
      const drawnEnd = plus(acceptedOn, span);
      const endOn = !late && prevWork(drawnEnd) > row.replyReceivedOn ? prevWork(drawnEnd) : nextWork(drawnEnd);
      if (endOn >= today) continue; // not concluded yet on the demo's today: leave it out
      if (extended) ev.push({ action: 'extend', on: extensions[0]!.approvedOn!, from: 'underReview', to: 'underReview', details: { days: 30 } });
      if (kind === 'decided') {
        row.decisionType = weighted(rng, [['uphold', 45], ['dismissClaim', 20], ['revoke', 15], ['confirmIllegal', 10], ['orderPerformance', 6], ['vary', 2], ['confirmInvalid', 2]] as [string, number][]);
        row.decidedOn = endOn;
        dl(P.decision, acceptedOn, 'met', decisionDue, extensions);
        ev.push({ action: 'decide', on: endOn, from: 'underReview', to: 'decided', details: { type: row.decisionType, onTime: endOn <= decisionDue, decisionDue } });
      } else if (kind === 'mediated') {
        row.decidedOn = endOn;
        dl(P.decision, acceptedOn, 'met', decisionDue, extensions);
        ev.push({ action: 'startMediation', on: plus(row.replyReceivedOn, 1), from: 'underReview', to: 'mediation', details: {} });
        ev.push({ action: 'concludeMediation', on: endOn, from: 'mediation', to: 'mediated', details: {} });
      } else {
        row.terminatedOn = endOn;
        row.terminationGround = rng.next() < 0.8 ? 1 : rng.int(2, 4);
        dl(P.decision, acceptedOn, 'cancelled', decisionDue, extensions);
        // ground (1) = the applicant withdrew and the body approved (Arts. 74, 41 (1)); other grounds by 'terminate'
        ev.push(row.terminationGround === 1 ? { action: 'withdraw', on: endOn, from: 'underReview', to: 'terminated', details: { requestedOn: plus(endOn, -2), reason: '申请人与被申请人达成和解，申请撤回', ground: 1 } } : { action: 'terminate', on: endOn, from: 'underReview', to: 'terminated', details: { ground: row.terminationGround } });
      }
      last = endOn;
    }
    if (last >= today) continue;
    seq++;
    row.seq = seq;
    row.caseNo = `${prefix}〔${year}〕${seq}号`;
    row.version = ev.length;
    for (const d of deadlineRows) if (d.objectId === id) d.title = `${row.caseNo} ${getRule(d.ruleId).title}`;
    ev.forEach((e, i) => events.push({ id: randomUUID(), caseId: id, version: i + 1, departmentId, at: nowIso, onDate: e.on, action: e.action, fromStatus: e.from, toStatus: e.to, actorId: handler.id, actorName: handler.name, details: JSON.stringify(e.details) }));
    caseRows.push(row);
    filedCases.push({ id, receivedOn, respondent: resp.name });
  }
  const kept = new Set(caseRows.map((c) => c.id));
  await insertBatched(db, 'reconsiderationCases', caseRows, 50);
  await insertBatched(db, 'reconsiderationEvents', events);
  await insertBatched(db, 'deadlines', deadlineRows.filter((d) => kept.has(d.objectId)));
  if (counter) await db.updateTable('reconsiderationCounters').set({ lastSeq: seq }).where('year', '=', year).execute();
  else if (seq > 0) await db.insertInto('reconsiderationCounters').values({ year, lastSeq: seq }).execute();

  // ── consultations: ~1,000 in the previous year and the same pace in this year to date; ~70 % settled ─────
  const consultations: Database['reconsiderationConsultations'][] = [];
  const daysThisYear = parseDate(today) - parseDate(`${year + 1}-01-01`);
  const nConsult = 1000 + Math.round((1000 * daysThisYear) / 365);
  for (let i = 0; i < nConsult; i++) {
    const consultedOn = i < 1000 ? plus(yearStart, rng.int(0, 364)) : plus(today, -rng.int(1, Math.max(1, daysThisYear)));
    const matterType = weighted(rng, [['penalty', 30], ['disclosure', 22], ['workInjury', 10], ['nonPerformance', 12], ['coercion', 10], ['licensing', 6], ['other', 10]] as [Matter, number][]);
    const outcome = consultedOn > plus(today, -10) && rng.next() < 0.5 ? 'pending' : weighted(rng, [['explained', 52], ['resolved', 20], ['filed', 28]] as [string, number][]);
    const handler = rng.pick(handlers);
    const linked = outcome === 'filed' ? filedCases.find((c) => c.receivedOn >= consultedOn && c.receivedOn <= plus(consultedOn, 20) && rng.next() < 0.5) : undefined;
    consultations.push({
      id: randomUUID(), departmentId, handlerId: handler.id, consultedOn,
      channel: weighted(rng, [['onsite', 40], ['phone', 35], ['online', 20], ['letter', 5]] as [string, number][]),
      visitorName: rng.next() < 0.6 ? opts.personName() : null, visitorPersonId: null,
      respondentName: rng.next() < 0.85 ? rng.pick(RESPONDENTS).name : null, matterType, summary: CONSULT_TOPICS[matterType], outcome,
      caseId: linked?.id ?? null, note: null, createdBy: handler.id, createdAt: nowIso, updatedAt: nowIso, version: 1,
    });
  }
  // visits and calls reach the office on working days (online and letters any day)
  for (const c of consultations) {
    if (c.channel !== 'onsite' && c.channel !== 'phone') continue;
    const back = prevWork(c.consultedOn);
    c.consultedOn = back >= yearStart ? back : nextWork(c.consultedOn);
  }
  consultations.sort((x, y) => x.consultedOn.localeCompare(y.consultedOn));
  await insertBatched(db, 'reconsiderationConsultations', consultations);

  // ── 行政应诉: eight cases of the previous year (the head in court four times) and three open ones ───────────
  const OUTCOMES = ['dismissClaim', 'dismissClaim', 'dismissClaim', 'withdrawn', 'dismissSuit', 'confirmIllegal', 'dismissClaim', 'revoke'];
  const lit: Database['litigationCases'][] = [];
  const hearings: Database['litigationHearings'][] = [];
  const decided = caseRows.filter((c) => c.status === 'decided');
  for (let i = 0; i < 11; i++) {
    // court acts and the bureau's receipt and defence on working days
    const filedOn = nextWork(i < 8 ? plus(yearStart, rng.int(0, 240)) : plus(today, -rng.int(20, 90)));
    const received = nextWork(plus(filedOn, rng.int(2, 5)));
    const concluded = i < 8 && plus(filedOn, 90) < today;
    const recon = i % 2 === 0 ? decided[(i * 37) % Math.max(1, decided.length)] : undefined;
    const handler = handlers[i % handlers.length]!;
    const outcome = concluded ? OUTCOMES[i % OUTCOMES.length]! : null;
    const row: Database['litigationCases'] = {
      id: randomUUID(), departmentId, handlerId: handler.id, court: '北京市西城区人民法院', caseNo: `(${filedOn.slice(0, 4)})京0102行初${100 + i * 17}号`,
      plaintiff: opts.personName(), defendant: i % 3 === 0 ? '北京市西城区人民政府' : (recon?.respondentName ?? rng.pick(RESPONDENTS).name), cause: rng.pick(['行政处罚', '政府信息公开', '工伤认定', '行政复议', '城市规划管理（拆除）']),
      reconCaseId: recon?.id ?? null, reconCaseNo: recon?.caseNo ?? null, filedOn, complaintReceivedOn: received, defenceDue: due('litigation.defence', received),
      defenceSubmittedOn: prevWork(plus(received, rng.int(5, 13))), outcome, outcomeOn: outcome ? nextWork(plus(filedOn, rng.int(60, 88))) : null, outcomeNote: null,
      appealBy: i === 1 && outcome ? 'plaintiff' : null, appealFiledOn: i === 1 && outcome ? nextWork(plus(filedOn, 95)) : null, appealCaseNo: i === 1 && outcome ? `(${filedOn.slice(0, 4)})京02行终${200 + i}号` : null, appealOutcome: null, appealOutcomeOn: null,
      createdBy: handler.id, createdAt: nowIso, updatedAt: nowIso, version: 1,
    };
    if (row.appealFiledOn && row.appealFiledOn >= today) Object.assign(row, { appealBy: null, appealFiledOn: null, appealCaseNo: null });
    lit.push(row);
    const hearingOn = nextWork(plus(filedOn, rng.int(35, 55)));
    if (hearingOn < today) {
      const head = i === 0 || i === 3 || i === 5 || i === 6; // four appearances of the head in court in the previous year
      hearings.push({ id: randomUUID(), caseId: row.id, hearingOn, headAppeared: head ? 1 : 0, headName: head ? opts.personName() : null, headTitle: head ? (row.defendant.endsWith('人民政府') ? '副区长' : '副局长') : null, representatives: head ? '法制科工作人员、委托律师' : '法制科科长、委托律师', note: null, createdBy: handler.id, createdAt: nowIso });
    } else {
      hearings.push({ id: randomUUID(), caseId: row.id, hearingOn, headAppeared: 0, headName: null, headTitle: null, representatives: '拟由法制科科长出庭', note: '已收到传票', createdBy: handler.id, createdAt: nowIso });
    }
  }
  await insertBatched(db, 'litigationCases', lit);
  await insertBatched(db, 'litigationHearings', hearings);
  return { cases: caseRows.length, consultations: consultations.length, litigation: lit.length };
}
