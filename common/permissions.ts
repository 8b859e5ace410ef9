/**
 * The permission catalogue. Roles hold permissions; routes and the web menu require them.
 * The three administrator duties (三员分立, 等保 2.0 三级) hold disjoint sets and no business permission,
 * so none of them can read case content.
 */
export const PERMISSIONS = {
  // shared by every duty: the user directory (masked) and the role list, needed to place users and assign roles
  'directory.user.read': '查看用户目录与角色（脱敏）',
  // 系统管理员 system administrator
  'system.department.manage': '管理部门（组织机构）',
  'system.user.manage': '管理用户账户',
  'system.calendar.manage': '维护节假日安排',
  // 安全管理员 security administrator
  'security.role.manage': '管理角色与权限',
  'security.userRole.assign': '为用户分配角色',
  'security.user.unlock': '解锁账户、重置密码',
  'security.loginLog.read': '查看登录日志',
  'security.session.manage': '查看在线用户、强制下线',
  // 审计管理员 audit administrator
  'audit.log.read': '查看审计日志',
  'audit.log.verify': '校验审计日志完整性',
  // business
  'deadline.read': '查看期限待办',
  'person.read': '查看当事人信息（脱敏）',
  'person.create': '登记当事人信息',
  'personal.viewFull': '查看完整身份证号、手机号（留痕）',
  'dashboard.read': '查看领导驾驶舱',
  'annualReport.read': '查看法治政府建设年度报告、月度统计快照',
  'annualReport.edit': '起草、修改法治政府建设年度报告（刷新数据、编辑段落、提交审核、登记报送和公开）',
  'annualReport.signOff': '审核签发法治政府建设年度报告',
  // 行政复议 reconsideration
  'reconsideration.case.read': '查看行政复议案件',
  'reconsideration.case.register': '登记行政复议申请',
  'reconsideration.case.handle': '办理行政复议案件（补正、受理、审理、中止、决定等）',
  'reconsideration.case.assign': '分配行政复议案件承办人',
  'reconsideration.case.approve': '审批行政复议事项（延长审理期限等）',
  'reconsideration.consultation.read': '查看行政复议咨询接待记录',
  'reconsideration.consultation.manage': '登记、修改、删除行政复议咨询接待记录',
  'reconsideration.stats.read': '查看行政复议统计、导出统计表',
  // 行政应诉 litigation
  'litigation.case.read': '查看行政应诉案件',
  'litigation.case.manage': '登记、办理行政应诉案件（答辩、开庭、负责人出庭、裁判结果）',
  // 行政执法监督 enforcement supervision (records and detections)
  'enforcement.inspection.read': '查看行政检查、行政处罚记录及导入任务',
  'enforcement.inspection.import': '导入行政检查、行政处罚记录',
  'enforcement.detection.read': '查看问题检查检测结果（重复检查、多头检查等）',
  'enforcement.detection.configure': '设置检测规则参数、模拟阈值调整',
  // 行政执法监督 supervision workflow, registers and analysis
  'enforcement.supervision.read': '查看问题线索、督办单、执法监督意见书（全区）',
  'enforcement.supervision.manage': '登记问题线索、制发督办单和执法监督意见书、核查整改',
  'enforcement.order.read': '查看督办单（执法单位联络员仅见本单位）',
  'enforcement.rectification.submit': '报送督办事项整改报告（执法单位联络员）',
  'enforcement.register.read': '查看执法主体、执法人员、检查计划、行政处罚、12345 投诉台账',
  'enforcement.register.manage': '维护执法主体、执法人员、检查计划、行政处罚、12345 投诉台账',
  'enforcement.analysis.read': '查看执法监督分析、一企一档，导出 Excel',
  'reconsideration.template.manage': '维护本部门行政复议说理段落模板',
  // 合法性审查 legality review
  'legalityReview.draft.read': '查看合法性审查送审稿、意见与台账',
  'legalityReview.draft.submit': '登记送审稿、提交送审材料（起草单位）',
  'legalityReview.draft.review': '审查送审稿：受理、审查发现采纳与否、出具审查意见书',
  'legalityReview.draft.manage': '登记集体审议、公布、备案、清理与后评估',
  'legalityReview.comment.manage': '公开征求意见、企业联系点、意见采纳',
  'legalityReview.adviser.manage': '法律顾问与咨询论证登记',
  // 合法性审查 review engine
  'legalityReview.analyze': '使用合法性审查引擎：智能审查文本、查询法规条文和规则采纳率',
  'legalityReview.law.manage': '导入、更新合法性审查法规库',
  // 矛盾纠纷排查化解、人民调解 disputes and people's mediation
  'dispute.read': '查看矛盾纠纷登记簿、排查活动和统计',
  'dispute.manage': '登记矛盾纠纷、研判、分流移交、办结、回访、重新办理',
  'mediation.read': '查看人民调解委员会、调解员和调解案件',
  'mediation.manage': '登记调解案件、调解记录、调解协议和司法确认，维护调解委员会和调解员',
  // 社区矫正、安置帮教 community corrections and resettlement (named staff only; every view audited)
  'corrections.subject.read': '查看社区矫正对象台账（档案限责任人查阅）',
  'corrections.subject.manage': '登记社区矫正对象和报到、谈话、教育、奖惩、请假等记录（限责任人）',
  'corrections.subject.oversee': '查阅全部社区矫正档案、指定责任人（区级监督，逐次留痕）',
  // 公共法律服务 legal services (法律援助, 12348 热线与咨询, 服务点与十五分钟服务圈)
  'legalService.aid.read': '查看法律援助申请与案件',
  'legalService.aid.handle': '登记、审查、指派、结案法律援助案件',
  'legalService.aid.objection': '审查对不予、终止法律援助决定的异议（司法行政部门）',
  'legalService.hotline.read': '查看 12348 热线及现场、网络咨询记录',
  'legalService.hotline.manage': '登记咨询记录、回访满意度、转法律援助申请',
  'legalService.point.read': '查看公共法律服务点及十五分钟服务圈分析',
  'legalService.inspection.manage': '双随机、一公开：抽取检查对象和执法人员、登记检查结果、公开',
  'legalService.point.manage': '维护公共法律服务点、公共法律服务设置',
  // 法治建设工作记录 rule-of-law work records (培训、学法、述法、督察整改、考核、普法)
  'ruleOfLaw.read': '查看法治建设工作记录（培训、学法、述法、督察整改、考核排名、普法）并导出 Excel',
  'ruleOfLaw.manage': '登记法治培训与参训、领导干部学法、述法、督察问题与整改验收、普法活动与教育基地',
  'ruleOfLaw.assess': '维护考核评价体系（指标、权重）、录入考核评分',
  'legalService.enterprise.read': '查看企业法律服务需求、法治体检、专项法律服务活动及统计',
  'legalService.enterprise.manage': '登记企业法律服务需求、指派、答复办结，法治体检及整改跟踪，专项活动',
  'legalService.register.read': '查看律师事务所、公证机构、司法鉴定机构名录及年度考核、表彰、投诉、诚信等级、行政审批',
  'legalService.register.manage': '维护法律服务机构名录、年度考核、表彰、投诉处理、诚信等级评定、行政审批登记',
  'legalService.hotline.review': '12348 咨询质量抽查与评分',
} as const;

export type Permission = keyof typeof PERMISSIONS;
export const ALL_PERMISSIONS = Object.keys(PERMISSIONS) as Permission[];

export type Duty = 'system' | 'security' | 'audit';
export const DUTY_PERMISSION_PREFIX: Record<Duty, string> = { system: 'system.', security: 'security.', audit: 'audit.' };
export const DUTY_LABELS: Record<Duty, string> = { system: '系统管理员', security: '安全管理员', audit: '审计管理员' };

/** Permissions any duty may hold besides its own (not case content). */
export function isNeutralPermission(p: string): boolean {
  return p.startsWith('directory.');
}

/** Which duty a permission belongs to; null for business (and neutral) permissions. */
export function dutyOf(p: string): Duty | null {
  for (const d of Object.keys(DUTY_PERMISSION_PREFIX) as Duty[]) if (p.startsWith(DUTY_PERMISSION_PREFIX[d])) return d;
  return null;
}

export type DataScope = 'own' | 'department' | 'departmentTree' | 'all';
export const DATA_SCOPE_LABELS: Record<DataScope, string> = {
  own: '仅本人',
  department: '本部门',
  departmentTree: '本部门及下级',
  all: '全部',
};
