/**
 * The generated first draft of the 法治政府建设年度报告 (pure): part 1 from the figures, parts 2 and 4 left to staff,
 * part 3 from the work records. Paragraphs carry the figures as tokens `{key}` (annual-report.service.ts fills them).
 */
import { ANNUAL_REPORT_PARTS, type ReportFigure, type ReportPart } from '../../../common/contracts/dashboard';

/** The lists of part 3 (topics of the leaders' study sessions, who reported on their duty). */
export interface ReportLists {
  leadershipStudySessions: { list: { topic: string }[] };
  lawReportings: { list: { reporterName: string; position: string }[] };
}

/** '2026-02-10' → '2026年2月10日' (dates in Chinese text carry no leading zeros). */
export function chineseDate(d: string): string {
  return `${Number(d.slice(0, 4))}年${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日`;
}

/** The report's period in its text: the whole year, or from 1 January to the day the figures were read. */
export function spanText(year: number, to: string): string {
  return to.endsWith('-12-31') ? `${year}年` : `${year}年1月1日至${Number(to.slice(5, 7))}月${Number(to.slice(8))}日`;
}

/** The statistics period of a report year read on `asOf` (as dashboard.periodOf: the year so far, or the whole year). */
export function periodToOn(year: number, asOf: string): string {
  return Number(asOf.slice(0, 4)) > year ? `${year}-12-31` : asOf;
}

/**
 * A refresh reads the figures again on a later day: the dates the draft wrote for the old reading (the period
 * “2026年1月1日至11月30日” and the register figures' “截至2026年11月30日”) move to the new reading, in every paragraph,
 * so that the dated text and the figures agree. Other text is left as the staff wrote it.
 */
export function restampParts(parts: ReportPart[], year: number, oldAsOf: string, newAsOf: string): ReportPart[] {
  if (oldAsOf === newAsOf) return parts;
  const swaps: [string, string][] = [
    [`截至${chineseDate(oldAsOf)}`, `截至${chineseDate(newAsOf)}`],
    [spanText(year, periodToOn(year, oldAsOf)), spanText(year, periodToOn(year, newAsOf))],
  ].filter(([a, b]) => a !== b && a !== `${year}年`) as [string, string][];
  return parts.map((p) => ({ ...p, paragraphs: p.paragraphs.map((x) => swaps.reduce((t, [a, b]) => t.split(a).join(b), x)) }));
}

/** How many leaders who reported on law are named in part 3 before the list is cut (then it ends with 等). */
const MAX_REPORTERS = 8;
const NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/**
 * The generated first draft: part 1 from the figures, parts 2 and 4 left to staff, part 3 from the work records.
 * Written as the report itself, never about the system: a clause whose figure has no value is left out (no dash in
 * the prose), a paragraph whose lead figure is zero is left out, a "其中" clause that is zero is left out, and the
 * figures that are a register's current count (not the year's) are dated with `asOf`, the day they were read.
 */
export function draftParts(year: number, period: { from: string; to: string }, figs: ReportFigure[], lists: ReportLists | null, asOf: string): ReportPart[] {
  const value = (k: string) => figs.find((f) => f.key === k)?.value ?? null;
  const has = (k: string) => value(k) !== null;
  const positive = (k: string) => (value(k) ?? 0) > 0;
  /** a clause: kept when all its figures have a value; `sub` (a "其中" part) only when it is above zero */
  const c = (keys: string[], text: string, sub = false) => (keys.every(has) && (!sub || keys.every(positive)) ? text : '');
  /** a sentence from clauses joined by the separator; empty when no clause is left */
  const join = (sep: string, ...xs: string[]) => xs.filter(Boolean).join(sep);
  /** a paragraph: only when one of its lead figures is above zero (numbered afterwards, without gaps) */
  const para = (lead: readonly string[], heading: string, ...sentences: string[]) => {
    const body = sentences.filter(Boolean);
    return lead.some(positive) && body.length ? [`${heading}${body.join('；')}。`] : [];
  };
  const span = spanText(year, period.to);
  const asOfText = `截至${chineseDate(asOf)}`;
  const numbered = [
    ['发挥行政复议化解行政争议主渠道作用。', ['reconsideration.received'], join('，', c(['reconsideration.received'], '收到行政复议申请{reconsideration.received}件'), c(['reconsideration.accepted'], '受理{reconsideration.accepted}件'), c(['reconsideration.concluded'], '审结{reconsideration.concluded}件'), c(['reconsideration.mediated'], '其中调解结案{reconsideration.mediated}件', true), c(['reconsideration.correctionRate'], '纠错率{reconsideration.correctionRate}')), join('，', c(['reconsideration.consultations'], '接待行政复议咨询{reconsideration.consultations}人次', true), c(['reconsideration.settlementRate'], '前端化解率{reconsideration.settlementRate}'))],
    ['规范行政应诉工作。', ['litigation.cases'], join('，', c(['litigation.cases'], '办理行政应诉案件{litigation.cases}件'), c(['litigation.concluded'], '审结{litigation.concluded}件'), c(['litigation.headAppearanceRate'], '行政机关负责人出庭应诉率{litigation.headAppearanceRate}（《中华人民共和国行政诉讼法》第三条第三款）'), c(['litigation.lossRate'], '败诉率{litigation.lossRate}'))],
    ['严格合法性审查。', ['legality.total'], join('，', c(['legality.total'], `${asOfText}，合法性审查登记台账在册送审稿{legality.total}件`), c(['legality.underReview'], '其中审查中{legality.underReview}件', true), c(['legality.filed'], '已报送备案{legality.filed}件', true))],
    ['加强行政执法监督。', ['enforcement.inspections', 'enforcement.clues'], c(['enforcement.inspections'], '归集行政检查记录{enforcement.inspections}条', true), join('，', c(['enforcement.clues'], `${asOfText}，累计登记执法监督问题线索{enforcement.clues}条`), c(['enforcement.orders'], '制发督办单{enforcement.orders}份', true), c(['enforcement.rectificationRate'], '督办整改率{enforcement.rectificationRate}'))],
    ['优化公共法律服务。', ['legalAid.applications', 'hotline.total'], join('，', c(['legalAid.applications'], '受理法律援助申请{legalAid.applications}件', true), c(['legalAid.urgent'], '其中先行提供法律援助{legalAid.urgent}件（《中华人民共和国法律援助法》第四十四条）', true)), join('，', c(['hotline.total'], '提供法律咨询{hotline.total}人次', true), c(['hotline.calls'], '其中12348热线来电{hotline.calls}人次', true), c(['hotline.satisfaction'], '回访满意率{hotline.satisfaction}')), c(['coverage.legalAid'], `${asOfText}，法律援助十五分钟服务圈社区覆盖率{coverage.legalAid}`)],
    ['规范法律服务行业管理。', ['legalService.approvals', 'legalService.notarisations', 'legalService.enterpriseRequests'], join('，', c(['legalService.approvals'], '办结律师、公证、司法鉴定等行政审批事项{legalService.approvals}件', true), c(['legalService.notarisations'], '监管公证机构办理公证{legalService.notarisations}件', true), c(['legalService.enterpriseRequests'], '受理企业法律服务需求{legalService.enterpriseRequests}件', true))],
    ['推进矛盾纠纷排查化解。', ['dispute.total', 'mediation.cases'], join('，', c(['dispute.total'], '登记矛盾纠纷{dispute.total}件', true), c(['dispute.closed'], '化解办结{dispute.closed}件', true)), join('，', c(['mediation.cases'], '人民调解委员会受理调解案件{mediation.cases}件', true), c(['mediation.agreed'], '调解成功{mediation.agreed}件', true))],
    ['做好社区矫正工作。', ['corrections.inCorrection'], join('，', c(['corrections.inCorrection'], `${asOfText}，在册社区矫正对象{corrections.inCorrection}人`), c(['corrections.overdueReport'], '逾期未报到{corrections.overdueReport}人（《中华人民共和国社区矫正法》第二十一条）', true))],
    ['加强法治教育培训和普法。', ['ruleOfLaw.trainings', 'ruleOfLaw.publicityEvents', 'ruleOfLaw.inspections'], join('、', c(['ruleOfLaw.trainings'], '举办法治培训{ruleOfLaw.trainings}场', true), c(['ruleOfLaw.attendances'], '参训{ruleOfLaw.attendances}人次', true)), join('，', c(['ruleOfLaw.publicityEvents'], '开展普法活动{ruleOfLaw.publicityEvents}场', true), c(['ruleOfLaw.audience'], '覆盖{ruleOfLaw.audience}人次', true)), join('，', c(['ruleOfLaw.inspections'], '开展法治督察{ruleOfLaw.inspections}次', true), c(['ruleOfLaw.findings'], '发现问题{ruleOfLaw.findings}个', true), c(['ruleOfLaw.rectificationRate'], '整改率{ruleOfLaw.rectificationRate}'))],
  ] as const;
  const measures = [
    `${span}，区司法局坚持以习近平法治思想为指导，统筹推进行政复议、行政应诉、合法性审查、行政执法监督、公共法律服务、矛盾纠纷排查化解和社区矫正等工作，法治政府建设各项任务有序推进。`,
    ...numbered.flatMap(([heading, lead, ...sentences]) => para(lead, heading, ...sentences)).map((x, i) => `（${NUMERALS[i]}）${x}`),
  ];
  const topics = [...new Set(lists?.leadershipStudySessions.list.map((x) => x.topic.replace(/^学习/, '')) ?? [])].slice(0, 5);
  const all = lists?.lawReportings.list ?? [];
  const reporters = all.slice(0, MAX_REPORTERS).map((x) => `${x.position}${x.reporterName}`);
  const leaders = [
    '局党组主要负责同志认真履行推进法治建设第一责任人职责，对法治建设重要工作亲自部署、重大问题亲自过问、重点环节亲自协调、重要任务亲自督办。',
    ...(positive('ruleOfLaw.studySessions') ? [`坚持领导干部学法制度，全年组织领导干部学法{ruleOfLaw.studySessions}次${positive('ruleOfLaw.preMeetingStudy') ? '，其中会前学法{ruleOfLaw.preMeetingStudy}次' : ''}${topics.length ? `，学习内容包括${topics.map((t) => (t.startsWith('《') ? t : `“${t}”`)).join('、')}等` : ''}。`] : []),
    ...(positive('ruleOfLaw.lawReportings') ? [`落实年终述法制度，{ruleOfLaw.lawReportings}名领导干部进行述法${reporters.length ? `（${reporters.join('、')}${all.length > reporters.length ? '等' : ''}）` : ''}。`] : []),
    // a zero rate is not something to report as support for the head's appearance (it belongs in part 2)
    ...(positive('litigation.headAppearanceRate') ? ['支持行政机关负责人出庭应诉，出庭应诉率{litigation.headAppearanceRate}（《中华人民共和国行政诉讼法》第三条第三款）。'] : []),
  ];
  const byKey: Record<string, string[]> = { measures, shortcomings: [], leaders, nextYear: [] };
  return ANNUAL_REPORT_PARTS.map((p) => ({ key: p.key, heading: p.heading, paragraphs: byKey[p.key] ?? [] }));
}
