/**
 * The figure catalogue of the dashboard, the annual report and the monthly snapshots. Each source calls ONE
 * statistics function that the module itself serves on its statistics (or list) endpoint, through the module's
 * index.ts, with the same actor and period: the figures equal the module's own page by construction. Each figure
 * names that endpoint and the field it reads (`query`), which the report stores with the figure and a test replays.
 */
import type { FigureBasis, FigureQuery } from '../../../common/contracts/dashboard';
import type { Permission } from '../../../common/permissions';
import type { CorrectionsService } from '../corrections';
import type { DisputeService } from '../dispute';
import type { EnforcementAnalysisService } from '../enforcement';
import { type EnterpriseService, type HotlineService, type LegalAidService, type LegalServiceRegistersService, type PointsService, headlineFigures } from '../legal-services';
import type { LegalityReviewService } from '../legality-review';
import type { LitigationService } from '../litigation';
import type { StatsService as ReconStatsService } from '../reconsideration';
import type { RuleOfLawService } from '../rule-of-law';
import type { Actor } from '../../platform/identity';

export interface Period {
  from: string;
  to: string;
}

/** The module services the figures come from (wired in app.ts). */
export interface FigureSources {
  reconStats: ReconStatsService;
  litigation: LitigationService;
  legality: LegalityReviewService;
  enforcement: EnforcementAnalysisService;
  legalAid: LegalAidService;
  hotline: HotlineService;
  points: PointsService;
  enterprise: EnterpriseService;
  legalRegisters: LegalServiceRegistersService;
  disputes: DisputeService;
  corrections: CorrectionsService;
  ruleOfLaw: RuleOfLawService;
}

export interface FigureDef {
  key: string;
  label: string;
  unit: 'count' | 'ratio' | 'percent';
  definition: string;
  /** the module's endpoint (path and query) and the field of its JSON answer that holds the figure */
  endpoint: (p: Period) => { path: string; query: Record<string, string>; field: string };
  /** the module page behind the figure (exact: its URL filters reproduce the figure) */
  drill: ((p: Period) => { path: string; query: Record<string, string>; exact?: boolean }) | null;
  /** figures drawn on the monthly trend chart */
  trend?: boolean;
}

export interface SourceDef {
  id: string;
  module: string;
  moduleLabel: string;
  /** the module's own permission(s) for its statistics (or list) endpoint */
  permission: Permission | readonly Permission[];
  basis: FigureBasis;
  figures: FigureDef[];
  load: (s: FigureSources, actor: Actor, p: Period) => Promise<Record<string, number | null>>;
}

const per = (p: Period) => ({ from: p.from, to: p.to });
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

export const SOURCES: SourceDef[] = [
  {
    id: 'reconsideration',
    module: 'reconsideration',
    moduleLabel: '行政复议',
    permission: 'reconsideration.stats.read',
    basis: 'period',
    figures: [
      { key: 'reconsideration.received', label: '收到行政复议申请', unit: 'count', trend: true, definition: '收到申请之日在统计期间内的案件（各渠道）。', endpoint: (p) => ({ path: '/api/v1/reconsideration/stats', query: per(p), field: 'totals.received' }), drill: (p) => ({ path: '/reconsideration/cases', query: { scope: 'dept', receivedFrom: p.from, receivedTo: p.to }, exact: true }) },
      { key: 'reconsideration.accepted', label: '受理', unit: 'count', definition: '受理之日在统计期间内（《中华人民共和国行政复议法》第三十条）。', endpoint: (p) => ({ path: '/api/v1/reconsideration/stats', query: per(p), field: 'totals.accepted' }), drill: (p) => ({ path: '/reconsideration/cases', query: { scope: 'dept', acceptedFrom: p.from, acceptedTo: p.to }, exact: true }) },
      { key: 'reconsideration.concluded', label: '审结', unit: 'count', trend: true, definition: '统计期间内作出决定、调解结案（第七十三条）或者终止（第四十一条）的案件。', endpoint: (p) => ({ path: '/api/v1/reconsideration/stats', query: per(p), field: 'totals.concluded' }), drill: (p) => ({ path: '/reconsideration/cases', query: { scope: 'dept', concludedFrom: p.from, concludedTo: p.to }, exact: true }) },
      { key: 'reconsideration.mediated', label: '调解结案', unit: 'count', definition: '统计期间内调解结案（《中华人民共和国行政复议法》第七十三条）。', endpoint: (p) => ({ path: '/api/v1/reconsideration/stats', query: per(p), field: 'totals.mediated' }), drill: (p) => ({ path: '/reconsideration/cases', query: { scope: 'dept', status: 'mediated', concludedFrom: p.from, concludedTo: p.to }, exact: true }) },
      { key: 'reconsideration.correctionRate', label: '纠错率', unit: 'ratio', definition: '变更、撤销、确认违法、责令履行、确认无效决定数 ÷ 全部决定数（口径可配置，法律未规定）。', endpoint: (p) => ({ path: '/api/v1/reconsideration/stats', query: per(p), field: 'correctionRate.rate' }), drill: (p) => ({ path: '/reconsideration/stats', query: per(p) }) },
      { key: 'reconsideration.consultations', label: '复议咨询接待', unit: 'count', trend: true, definition: '接待之日在统计期间内的咨询接待记录。', endpoint: (p) => ({ path: '/api/v1/reconsideration/stats', query: per(p), field: 'settlement.total' }), drill: (p) => ({ path: '/reconsideration/consultations', query: per(p), exact: true }) },
      { key: 'reconsideration.settlementRate', label: '前端化解率', unit: 'ratio', definition: '（解释说明 + 当场化解）÷（解释说明 + 当场化解 + 引导申请），不含待定。', endpoint: (p) => ({ path: '/api/v1/reconsideration/stats', query: per(p), field: 'settlement.rate' }), drill: (p) => ({ path: '/reconsideration/stats', query: per(p) }) },
    ],
    async load(s, a, p) {
      const r = await s.reconStats.stats(a, p);
      return {
        'reconsideration.received': r.totals.received,
        'reconsideration.accepted': r.totals.accepted,
        'reconsideration.concluded': r.totals.concluded,
        'reconsideration.mediated': r.totals.mediated,
        'reconsideration.correctionRate': r.correctionRate.rate,
        'reconsideration.consultations': r.settlement.total,
        'reconsideration.settlementRate': r.settlement.rate,
      };
    },
  },
  {
    id: 'litigation',
    module: 'litigation',
    moduleLabel: '行政应诉',
    permission: 'litigation.case.read',
    basis: 'period',
    figures: [
      { key: 'litigation.cases', label: '行政应诉案件', unit: 'count', trend: true, definition: '人民法院立案之日在统计期间内的案件（被告收到起诉状副本之日起算答辩期限，另见案件详情）。', endpoint: (p) => ({ path: '/api/v1/litigation/stats', query: per(p), field: 'cases' }), drill: (p) => ({ path: '/litigation', query: { filedFrom: p.from, filedTo: p.to }, exact: true }) },
      { key: 'litigation.concluded', label: '行政应诉审结', unit: 'count', definition: '终审结果（或未上诉的一审结果）之日在统计期间内的案件。', endpoint: (p) => ({ path: '/api/v1/litigation/stats', query: per(p), field: 'concluded' }), drill: (p) => ({ path: '/litigation', query: { concludedFrom: p.from, concludedTo: p.to }, exact: true }) },
      { key: 'litigation.headAppearanceRate', label: '负责人出庭应诉率', unit: 'ratio', definition: '负责人至少出庭一次的案件 ÷ 统计期间内开庭的案件（《中华人民共和国行政诉讼法》第三条第三款）。', endpoint: (p) => ({ path: '/api/v1/litigation/stats', query: per(p), field: 'headAppearanceRate' }), drill: () => ({ path: '/litigation', query: {} }) },
      { key: 'litigation.lossRate', label: '行政应诉败诉率', unit: 'ratio', definition: '败诉案件 ÷ 审结案件。', endpoint: (p) => ({ path: '/api/v1/litigation/stats', query: per(p), field: 'lossRate' }), drill: () => ({ path: '/litigation', query: { status: 'concluded' } }) },
    ],
    async load(s, a, p) {
      const r = await s.litigation.stats(a, p);
      return { 'litigation.cases': r.cases, 'litigation.concluded': r.concluded, 'litigation.headAppearanceRate': r.headAppearanceRate, 'litigation.lossRate': r.lossRate };
    },
  },
  {
    id: 'legality',
    module: 'legalityReview',
    moduleLabel: '合法性审查',
    permission: 'legalityReview.draft.read',
    basis: 'register',
    figures: [
      { key: 'legality.total', label: '合法性审查登记台账', unit: 'count', definition: '审查登记台账在册的送审稿（行政规范性文件、重大行政决策、重大合同等）。', endpoint: () => ({ path: '/api/v1/legality-review/drafts', query: { pageSize: '1' }, field: 'total' }), drill: () => ({ path: '/legality-review/drafts', query: {}, exact: true }) },
      { key: 'legality.underReview', label: '审查中的送审稿', unit: 'count', definition: '状态为“审查中”的送审稿。', endpoint: () => ({ path: '/api/v1/legality-review/drafts', query: { status: 'underReview', pageSize: '1' }, field: 'total' }), drill: () => ({ path: '/legality-review/drafts', query: { status: 'underReview' }, exact: true }) },
      { key: 'legality.filed', label: '已报送备案的文件', unit: 'count', definition: '状态为“已备案”的文件。', endpoint: () => ({ path: '/api/v1/legality-review/drafts', query: { status: 'filed', pageSize: '1' }, field: 'total' }), drill: () => ({ path: '/legality-review/drafts', query: { status: 'filed' }, exact: true }) },
    ],
    async load(s, a) {
      const count = async (status?: 'underReview' | 'filed') => (await s.legality.list(a, { page: 1, pageSize: 1, ...(status ? { status } : {}) })).total;
      return { 'legality.total': await count(), 'legality.underReview': await count('underReview'), 'legality.filed': await count('filed') };
    },
  },
  {
    id: 'enforcement',
    module: 'enforcement',
    moduleLabel: '行政执法监督',
    permission: 'enforcement.analysis.read',
    basis: 'district',
    figures: [
      { key: 'enforcement.inspections', label: '行政检查（已导入记录）', unit: 'count', trend: true, definition: '检查日期在统计期间内的行政检查记录（全区）。', endpoint: (p) => ({ path: '/api/v1/enforcement/dashboard', query: per(p), field: 'sum:byMonth.inspections' }), drill: () => ({ path: '/enforcement/analysis', query: {} }) },
      { key: 'enforcement.clues', label: '执法监督问题线索', unit: 'count', definition: '问题线索总数（待处理、已制发督办单、不予立案），全区，不分年度。', endpoint: (p) => ({ path: '/api/v1/enforcement/dashboard', query: per(p), field: 'sum:clues' }), drill: () => ({ path: '/enforcement/clues', query: {}, exact: true }) },
      { key: 'enforcement.orders', label: '督办单', unit: 'count', definition: '已制发的督办单总数（各状态），全区，不分年度。', endpoint: (p) => ({ path: '/api/v1/enforcement/dashboard', query: per(p), field: 'sum:orders' }), drill: () => ({ path: '/enforcement/orders', query: {}, exact: true }) },
      { key: 'enforcement.rectificationRate', label: '督办整改率', unit: 'ratio', definition: '整改期限已届满或已办结的督办单中，经核查办结的比例（截至统计期末或今天）。', endpoint: (p) => ({ path: '/api/v1/enforcement/dashboard', query: per(p), field: 'rectification.rate' }), drill: () => ({ path: '/enforcement/dashboard', query: {} }) },
    ],
    async load(s, a, p) {
      // within the viewer's enforcement scope (district, street or agency), as on the module's own dashboard
      const d = await s.enforcement.dashboard(p, a);
      return {
        'enforcement.inspections': sum(d.byMonth.map((m) => m.inspections)),
        'enforcement.clues': d.clues.open + d.clues.ordered + d.clues.dismissed,
        'enforcement.orders': d.orders.issued + d.orders.reported + d.orders.returned + d.orders.closed,
        'enforcement.rectificationRate': d.rectification.rate,
      };
    },
  },
  {
    id: 'legalAid',
    module: 'legalService',
    moduleLabel: '法律援助',
    permission: 'legalService.aid.read',
    basis: 'period',
    figures: [
      { key: 'legalAid.applications', label: '法律援助申请', unit: 'count', trend: true, definition: '收到申请之日在统计期间内的法律援助申请（含办案机关通知指派）。', endpoint: (p) => ({ path: '/api/v1/legal-services/aid/stats', query: per(p), field: 'total' }), drill: (p) => ({ path: '/legal-services/aid', query: { receivedFrom: p.from, receivedTo: p.to }, exact: true }) },
      { key: 'legalAid.urgent', label: '先行提供法律援助', unit: 'count', definition: '其中紧急情形（《中华人民共和国法律援助法》第四十四条）。', endpoint: (p) => ({ path: '/api/v1/legal-services/aid/stats', query: per(p), field: 'urgent' }), drill: (p) => ({ path: '/legal-services/aid', query: { urgent: 'true', receivedFrom: p.from, receivedTo: p.to }, exact: true }) },
    ],
    async load(s, a, p) {
      const r = await s.legalAid.stats(a, p);
      return { 'legalAid.applications': r.total, 'legalAid.urgent': r.urgent };
    },
  },
  {
    id: 'hotline',
    module: 'legalService',
    moduleLabel: '12348 热线与咨询',
    permission: 'legalService.hotline.read',
    basis: 'period',
    figures: [
      { key: 'hotline.total', label: '法律咨询（热线、现场、网络）', unit: 'count', trend: true, definition: '咨询开始时间在统计期间内的记录。', endpoint: (p) => ({ path: '/api/v1/legal-services/stats/export.xlsx', query: per(p), field: 'xlsx:咨询-按渠道!合计' }), drill: (p) => ({ path: '/legal-services/consultations', query: { from: p.from, to: p.to }, exact: true }) },
      { key: 'hotline.calls', label: '12348 热线来电', unit: 'count', definition: '其中渠道为 12348 热线的记录。', endpoint: (p) => ({ path: '/api/v1/legal-services/stats/export.xlsx', query: per(p), field: 'xlsx:咨询-按渠道!12348 热线' }), drill: (p) => ({ path: '/legal-services/consultations', query: { channel: 'phone', from: p.from, to: p.to }, exact: true }) },
      { key: 'hotline.satisfaction', label: '咨询回访满意率', unit: 'ratio', definition: '回访为满意或基本满意的记录 ÷ 已回访的记录。', endpoint: (p) => ({ path: '/api/v1/legal-services/stats/export.xlsx', query: per(p), field: 'xlsx:咨询-按渠道!满意率（%）' }), drill: () => ({ path: '/legal-services/consultations', query: {} }) },
    ],
    async load(s, a, p) {
      const r = await s.hotline.stats(a, p);
      return { 'hotline.total': r.total, 'hotline.calls': r.byChannel.phone ?? 0, 'hotline.satisfaction': r.surveyed ? r.satisfied / r.surveyed : null };
    },
  },
  {
    id: 'legalServiceHeadline',
    module: 'legalService',
    moduleLabel: '公共法律服务',
    permission: ['legalService.aid.read', 'legalService.hotline.read', 'legalService.enterprise.read', 'legalService.register.read'],
    basis: 'period',
    figures: (
      [
        ['legalService.aidAccepted', '法律援助受理（给予）', 'aidAccepted', '统计期间收到、已决定给予法律援助的申请件数（含已指派、结案、终止）。', '/legal-services/aid'],
        ['legalService.approvals', '行政审批办结', 'approvalsConcluded', '统计期间办结的律师、公证、司法鉴定等行政审批事项。', '/legal-services/registers'],
        ['legalService.notarisations', '公证办理量（监管）', 'notarisationsOverseen', '统计期间各公证机构报送的公证办理件数之和。', '/legal-services/registers'],
        ['legalService.enterpriseRequests', '企业法律服务需求', 'enterpriseRequests', '统计期间登记的企业法律服务需求。', '/legal-services/enterprise'],
      ] as const
    ).map(([key, label, field, definition, path]) => ({
      key, label, unit: 'count' as const, definition,
      endpoint: (p: Period) => ({ path: '/api/v1/legal-services/figures', query: per(p), field }),
      // 法律援助受理（给予）: the aid list's "given" filter over the period reproduces it
      drill: (p: Period): ReturnType<NonNullable<FigureDef['drill']>> => (key === 'legalService.aidAccepted' ? { path, query: { given: 'true', receivedFrom: p.from, receivedTo: p.to }, exact: true } : { path, query: {} }),
    })),
    async load(s, a, p) {
      const f = await headlineFigures({ aid: s.legalAid, hotline: s.hotline, enterprise: s.enterprise, registers: s.legalRegisters }, a, p);
      return { 'legalService.aidAccepted': f.aidAccepted, 'legalService.approvals': f.approvalsConcluded, 'legalService.notarisations': f.notarisationsOverseen, 'legalService.enterpriseRequests': f.enterpriseRequests };
    },
  },
  {
    id: 'coverage',
    module: 'legalService',
    moduleLabel: '公共法律服务',
    permission: 'legalService.point.read',
    basis: 'districtRegister',
    figures: [
      { key: 'coverage.legalAid', label: '法律援助十五分钟服务圈覆盖率', unit: 'percent', definition: '步行 15 分钟内可达法律援助服务点的社区 ÷ 全部社区（步行速度、绕行系数见服务圈页面）。', endpoint: () => ({ path: '/api/v1/legal-services/coverage', query: { service: 'legalAid' }, field: 'rate' }), drill: () => ({ path: '/legal-services/coverage', query: {} }) },
    ],
    async load(s) {
      return { 'coverage.legalAid': (await s.points.coverage({ service: 'legalAid' })).rate };
    },
  },
  {
    id: 'dispute',
    module: 'dispute',
    moduleLabel: '矛盾纠纷与人民调解',
    permission: 'dispute.read',
    basis: 'period',
    figures: [
      { key: 'dispute.total', label: '登记矛盾纠纷', unit: 'count', trend: true, definition: '登记之日在统计期间内的矛盾纠纷（全口径，一纠纷一编码）。', endpoint: (p) => ({ path: '/api/v1/disputes/stats', query: per(p), field: 'total' }), drill: (p) => ({ path: '/disputes', query: { receivedFrom: p.from, receivedTo: p.to }, exact: true }) },
      { key: 'dispute.closed', label: '化解办结', unit: 'count', definition: '其中已办结。', endpoint: (p) => ({ path: '/api/v1/disputes/stats', query: per(p), field: 'closed' }), drill: (p) => ({ path: '/disputes', query: { status: 'closed', receivedFrom: p.from, receivedTo: p.to }, exact: true }) },
      { key: 'mediation.cases', label: '人民调解案件', unit: 'count', trend: true, definition: '统计期间内各人民调解委员会受理的调解案件。', endpoint: (p) => ({ path: '/api/v1/disputes/stats', query: per(p), field: 'sum:byCommittee.cases' }), drill: (p) => ({ path: '/mediation', query: { acceptedFrom: p.from, acceptedTo: p.to }, exact: true }) },
      { key: 'mediation.agreed', label: '调解成功', unit: 'count', definition: '其中达成调解协议（《中华人民共和国人民调解法》第二十八条）。', endpoint: (p) => ({ path: '/api/v1/disputes/stats', query: per(p), field: 'sum:byCommittee.agreed' }), drill: (p) => ({ path: '/mediation', query: { status: 'agreed', acceptedFrom: p.from, acceptedTo: p.to }, exact: true }) },
    ],
    async load(s, a, p) {
      const r = await s.disputes.stats(a, p);
      return { 'dispute.total': r.total, 'dispute.closed': r.closed, 'mediation.cases': sum(r.byCommittee.map((c) => c.cases)), 'mediation.agreed': sum(r.byCommittee.map((c) => c.agreed)) };
    },
  },
  {
    id: 'corrections',
    module: 'corrections',
    moduleLabel: '社区矫正',
    permission: 'corrections.subject.read',
    basis: 'register',
    figures: [
      { key: 'corrections.inCorrection', label: '在册社区矫正对象', unit: 'count', definition: '状态为“在矫”的社区矫正对象。', endpoint: () => ({ path: '/api/v1/corrections/subjects', query: { status: 'inCorrection', pageSize: '1' }, field: 'total' }), drill: () => ({ path: '/corrections', query: { status: 'inCorrection' }, exact: true }) },
      { key: 'corrections.overdueReport', label: '逾期未报到', unit: 'count', definition: '待报到且已超过报到期限（《中华人民共和国社区矫正法》第二十一条）。', endpoint: () => ({ path: '/api/v1/corrections/subjects', query: { overdue: '1', pageSize: '1' }, field: 'total' }), drill: () => ({ path: '/corrections', query: { overdue: '1' }, exact: true }) },
    ],
    async load(s, a) {
      return {
        'corrections.inCorrection': (await s.corrections.list(a, { page: 1, pageSize: 1, status: 'inCorrection' })).total,
        'corrections.overdueReport': (await s.corrections.list(a, { page: 1, pageSize: 1, overdue: '1' })).total,
      };
    },
  },
  {
    // 法治建设工作记录 (training, 学法, 述法, 督察, 普法): the module counts by year, so a period that is not a span from
    // 1 January (a month of the trend or of a snapshot) has no figure; the previous year is the whole year.
    id: 'ruleOfLaw',
    module: 'ruleOfLaw',
    moduleLabel: '法治建设',
    permission: 'ruleOfLaw.read',
    basis: 'period',
    figures: (
      [
        // [key, label, unit, summary field, definition, ledger page, extra ledger filters, the ledger's total is the figure]
        ['ruleOfLaw.trainings', '法治培训', 'count', 'trainings.sessions', '举办日期在年度内的法治培训场次。', '/rule-of-law/trainings', {}, true],
        ['ruleOfLaw.attendances', '法治培训参训人次', 'count', 'trainings.attendances', '年度内法治培训的参训记录数。', '/rule-of-law/trainings', {}, false],
        ['ruleOfLaw.studySessions', '领导干部学法', 'count', 'leadershipStudySessions.sessions', '年度内领导干部学法（含会前学法、理论学习中心组学法）次数。', '/rule-of-law/study', {}, true],
        ['ruleOfLaw.preMeetingStudy', '会前学法', 'count', 'leadershipStudySessions.preMeeting', '其中常务会议、党组（党委）会议会前学法次数。', '/rule-of-law/study', { kind: 'preMeeting' }, true],
        ['ruleOfLaw.lawReportings', '年终述法', 'count', 'lawReportings.count', '年度述法的领导干部人次。', '/rule-of-law/law-reportings', {}, true],
        ['ruleOfLaw.inspections', '法治督察', 'count', 'inspections.count', '年度内开展的法治督察（含内部控制检查）次数。', '/rule-of-law/inspections', {}, true],
        ['ruleOfLaw.findings', '督察发现问题', 'count', 'inspections.findings', '年度督察发现的问题数。', '/rule-of-law/inspections', { tab: 'findings' }, true],
        ['ruleOfLaw.rectificationRate', '督察问题整改率', 'percent', 'inspections.rectificationRate', '已整改（含已验收）问题 ÷ 发现问题。', '/rule-of-law/inspections', { tab: 'findings' }, false],
        ['ruleOfLaw.publicityEvents', '普法活动', 'count', 'publicity.events', '年度内举办的普法活动场次（普法进万家、模拟法庭、法治嘉年华等）。', '/rule-of-law/publicity', {}, true],
        ['ruleOfLaw.audience', '普法受众', 'count', 'publicity.audienceReached', '年度普法活动覆盖人次。', '/rule-of-law/publicity', {}, false],
      ] as const
    ).map(([key, label, unit, field, definition, path, filters, exact]) => ({
      key, label, unit, definition: `${definition}按年度统计，上年为全年。`,
      endpoint: (p: Period) => ({ path: '/api/v1/rule-of-law/summary', query: { year: p.from.slice(0, 4) }, field }),
      // the ledgers count by year: exact only for a span from 1 January (the dashboard's year; a month has no figure)
      drill: (p: Period) => ({ path, query: { year: p.from.slice(0, 4), ...filters }, exact: exact && p.from.endsWith('-01-01') }),
    })),
    async load(s, a, p) {
      const keys = ['ruleOfLaw.trainings', 'ruleOfLaw.attendances', 'ruleOfLaw.studySessions', 'ruleOfLaw.preMeetingStudy', 'ruleOfLaw.lawReportings', 'ruleOfLaw.inspections', 'ruleOfLaw.findings', 'ruleOfLaw.rectificationRate', 'ruleOfLaw.publicityEvents', 'ruleOfLaw.audience'];
      if (!p.from.endsWith('-01-01')) return Object.fromEntries(keys.map((k) => [k, null]));
      const r = await s.ruleOfLaw.yearSummary(a, { year: Number(p.from.slice(0, 4)) });
      return {
        'ruleOfLaw.trainings': r.trainings.sessions,
        'ruleOfLaw.attendances': r.trainings.attendances,
        'ruleOfLaw.studySessions': r.leadershipStudySessions.sessions,
        'ruleOfLaw.preMeetingStudy': r.leadershipStudySessions.preMeeting,
        'ruleOfLaw.lawReportings': r.lawReportings.count,
        'ruleOfLaw.inspections': r.inspections.count,
        'ruleOfLaw.findings': r.inspections.findings,
        'ruleOfLaw.rectificationRate': r.inspections.rectificationRate,
        'ruleOfLaw.publicityEvents': r.publicity.events,
        'ruleOfLaw.audience': r.publicity.audienceReached,
      };
    },
  },
];

/** Does the actor hold the source's permission(s)? */
export function canRead(actor: Actor, s: SourceDef): boolean {
  return (Array.isArray(s.permission) ? s.permission : [s.permission]).every((p: Permission) => actor.permissions.has(p));
}

export const FIGURE_DEFS: Map<string, { def: FigureDef; source: SourceDef }> = new Map(SOURCES.flatMap((s) => s.figures.map((def) => [def.key, { def, source: s }] as const)));

export function figureQuery(def: FigureDef, p: Period, departmentId: string | null): FigureQuery {
  const e = def.endpoint(p);
  const query = { ...e.query, ...(departmentId ? { departmentId } : {}) };
  const qs = new URLSearchParams(e.query).toString();
  return { id: def.key, params: query, endpoint: qs ? `${e.path}?${qs}` : e.path, field: e.field };
}

/** A figure as text: counts as integers, ratios and percentages with one decimal. */
export function figureText(unit: 'count' | 'ratio' | 'percent', v: number | null): string {
  if (v === null) return '—';
  if (unit === 'count') return String(v);
  const pct = unit === 'ratio' ? v * 100 : v;
  return `${(Math.round(pct * 10) / 10).toFixed(1)}%`;
}
