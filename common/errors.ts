/**
 * The one catalogue of error codes. Every code has a zh-CN message (shown to users) and an HTTP status
 * (used by the server's single error handler). Adding a code without a status or message fails to compile.
 */
export const ERRORS = {
  VALIDATION_FAILED: { status: 400, message: '提交的内容不符合要求，请检查后重试' },
  BAD_REQUEST: { status: 400, message: '请求格式有误' },
  UNAUTHENTICATED: { status: 401, message: '尚未登录或登录已过期，请重新登录' },
  LOGIN_FAILED: { status: 401, message: '用户名或密码错误' },
  ACCOUNT_LOCKED: { status: 423, message: '连续登录失败次数过多，账户已锁定 15 分钟' },
  ACCOUNT_DISABLED: { status: 403, message: '账户已停用，请联系系统管理员' },
  PASSWORD_CHANGE_REQUIRED: { status: 403, message: '首次登录须先修改密码' },
  PASSWORD_POLICY: { status: 400, message: '密码至少 8 位，且须包含大写字母、小写字母、数字、符号中的至少 3 类' },
  PASSWORD_WRONG: { status: 400, message: '原密码不正确' },
  PASSWORD_REUSED: { status: 400, message: '新密码不能与原密码相同' },
  CSRF_INVALID: { status: 403, message: '页面已过期，请刷新后重试（CSRF 校验失败）' },
  FORBIDDEN: { status: 403, message: '没有执行此操作的权限' },
  OUT_OF_SCOPE: { status: 403, message: '该数据不在您的数据权限范围内' },
  ROLE_CONFLICT: { status: 409, message: '系统管理员、安全管理员、审计管理员三员分立，一个账户不能兼任' },
  NOT_FOUND: { status: 404, message: '请求的记录不存在' },
  ROUTE_NOT_FOUND: { status: 404, message: '请求的接口不存在' },
  CONFLICT: { status: 409, message: '记录已被他人修改或已存在，请刷新后重试' },
  USERNAME_TAKEN: { status: 409, message: '用户名已被使用' },
  DEPARTMENT_NOT_EMPTY: { status: 409, message: '该部门下仍有下级部门或用户，不能删除' },
  DEPARTMENT_CYCLE: { status: 400, message: '不能将部门移动到其自身或其下级部门之下' },
  ID_NUMBER_INVALID: { status: 400, message: '身份证号码校验未通过（GB 11643）' },
  CREDIT_CODE_INVALID: { status: 400, message: '统一社会信用代码校验未通过（GB 32100）' },
  MOBILE_INVALID: { status: 400, message: '手机号码格式不正确' },
  CALENDAR_YEAR_UNPUBLISHED: {
    status: 422,
    message: '期限计算涉及尚未公布节假日安排的年份，无法确定工作日，请待国务院办公厅公布该年度安排后再计算',
  },
  CALENDAR_DATE_INVALID: { status: 400, message: '日期格式不正确，应为 YYYY-MM-DD' },
  // 行政复议 (reconsideration): every message names the article of 《中华人民共和国行政复议法》 (2023) it enforces.
  RECON_TRANSITION_NOT_ALLOWED: { status: 409, message: '案件当前状态下不能执行该操作' },
  RECON_CHANNEL_FACTS_MISSING: {
    status: 400,
    message: '申请渠道信息不完整：邮寄申请须填写邮戳日期（申请期限计算至交邮之日），口头申请须有当场记录（《行政复议法》第二十二条第三款）',
  },
  RECON_APPLICANT_REQUIRED: { status: 400, message: '请指定申请人：选择已登记的当事人，或填写姓名和身份证号码；法人或其他组织须填写名称和统一社会信用代码' },
  RECON_HANDLER_INVALID: { status: 400, message: '承办人不存在、已停用、不在您的数据范围内或没有办理行政复议案件的权限' },
  RECON_DATE_ORDER: { status: 400, message: '日期先后顺序不正确，请核对（例如受理日期不能早于收到申请之日）' },
  RECON_DATE_IN_FUTURE: { status: 400, message: '日期不能晚于今天' },
  RECON_REVIEW_PERIOD_EXPIRED: {
    status: 409,
    message: '五日审查期限已届满：补正通知应自收到申请之日起五日内发出（《行政复议法》第三十一条第一款），不予受理决定应在审查期限内作出（第三十条第二款）',
  },
  RECON_ACCEPT_AFTER_DEEMED: {
    status: 409,
    message: '审查期限届满未作出不予受理决定，依照《行政复议法》第三十条第三款，自审查期限届满之日起视为受理；请以视为受理之日登记受理',
  },
  RECON_CORRECTION_PERIOD_RUNNING: {
    status: 409,
    message: '补正期限尚未届满，不能认定申请人放弃行政复议申请（《行政复议法》第三十一条第二款：自收到补正通知之日起十日内提交补正材料）',
  },
  RECON_REPLY_PENDING: {
    status: 409,
    message: '被申请人尚未答复且答复期限未届满，不能作出行政复议决定（《行政复议法》第四十八条、第五十四条、第七十条）',
  },
  RECON_DEFAULT_OUTCOME: {
    status: 409,
    message: '被申请人未按期提出书面答复、提交证据和依据，视为该行政行为没有证据、依据（《行政复议法》第七十条），不能作出维持或驳回复议请求的决定',
  },
  RECON_EXTENSION_NOT_ALLOWED: {
    status: 409,
    message: '不能延期：审理期限只能经行政复议机构负责人批准延长一次，且仅适用于普通程序（《行政复议法》第六十二条）',
  },
  RECON_EXTENSION_TOO_LONG: { status: 400, message: '延长期限最多不得超过三十日（《行政复议法》第六十二条第一款）' },
  RECON_TERMINATION_NOT_DUE: {
    status: 409,
    message: '不能依第四十一条第五项终止：须因第三十九条第一款第一项、第二项或第四项中止且满六十日（《行政复议法》第四十一条第五项）',
  },
  // 行政复议 handler productivity (search, assignment, bulk actions, saved views, reasoning templates)
  RECON_NO_ELIGIBLE_HANDLER: { status: 409, message: '该案件所属部门没有可分配的承办人（在职、具有办理行政复议案件权限且在您的数据范围内）' },
  RECON_VIEW_NAME_TAKEN: { status: 409, message: '已有同名的常用视图，请换一个名称' },
  RECON_TEMPLATE_BUILTIN: { status: 409, message: '内置说理模板不能修改或删除，可另存为本部门模板后修改' },
  RECON_TEMPLATE_PLACEHOLDER_UNKNOWN: { status: 400, message: '模板中含有不支持的占位符，仅可使用 {申请人}、{被申请人}、{行政行为}' },
  // 行政复议文书 (documents of a case: drafting, issue with a number, service)
  RECON_DOCUMENT_NOT_DRAFT: { status: 409, message: '文书已印发或已作废，不能修改或再次印发' },
  RECON_DOCUMENT_KIND_NOT_ALLOWED: { status: 409, message: '案件当前的办理情况下不能制作该文书' },
  RECON_DOCUMENT_ISSUE_NOT_ALLOWED: { status: 409, message: '案件当前的办理情况下不能印发该文书' },
  RECON_DOCUMENT_NOT_ISSUED: { status: 409, message: '文书尚未印发，不能登记送达（《行政复议法》第七十五条第二款：行政复议决定书一经送达，即发生法律效力）' },
  RECON_DOCUMENT_INCOMPLETE: { status: 409, message: '文书中仍有【】标记的待填写内容，请补充完整后再印发' },
  RECON_DOCUMENT_SERVED_BEFORE_ISSUE: { status: 400, message: '送达日期不能早于文书印发日期' },
  RECON_DOCUMENT_ALREADY_VOID: { status: 409, message: '文书已作废' },
  RECON_DOCUMENT_SERVED_NOT_VOIDABLE: { status: 409, message: '文书已送达，不能作废；文书有错误的，应当制作新的文书并重新送达，原文书的送达记录予以保留' },
  // 行政复议 public portal (online application and progress query, 《行政复议法》第二十二条)
  PORTAL_MULTIPART_REQUIRED: { status: 415, message: '请以 multipart/form-data 方式提交行政复议申请书（字段 application）和材料（字段 files）' },
  PORTAL_APPLICATION_INVALID: { status: 400, message: '行政复议申请书内容缺失或格式不正确，请返回检查后重新提交' },
  PORTAL_ATTACHMENT_REJECTED: { status: 400, message: '部分材料未通过检查，本次申请未提交；仅接受 PDF、JPG、PNG、DOCX、OFD 文件，单个不超过 10 MB' },
  PORTAL_TOO_MANY_FILES: { status: 400, message: '材料最多上传 5 个文件，请合并后重新提交' },
  PORTAL_UPLOAD_TOO_LARGE: { status: 413, message: '材料总大小不能超过 20 MB，请压缩或删减后重新提交' },
  PORTAL_QUERY_NOT_FOUND: { status: 404, message: '回执编号或查询码不正确，请核对后重试' },
  PORTAL_QUERY_LOCKED: { status: 423, message: '该回执编号连续查询失败次数过多，已暂停查询 30 分钟，请稍后再试或拨打 12348 咨询' },
  PORTAL_DOCUMENT_NOT_AVAILABLE: { status: 404, message: '该文书不存在或尚未通过网上送达' },
  CONSULTATION_CASE_LINK: { status: 400, message: '只有结果为“转为申请”的咨询可以关联行政复议案件，且所关联的案件须存在并在您的数据范围内' },
  CONSULTATION_VISITOR_ID_REQUIRED: { status: 400, message: '登记来访人手机号码须同时填写身份证号码：个人信息统一存入当事人库加密保存' },
  LITIGATION_CASE_NO_TAKEN: { status: 409, message: '该案号的行政应诉案件已登记' },
  LITIGATION_DATE_ORDER: { status: 400, message: '日期先后顺序不正确（例如收到起诉状副本之日不能早于立案日期，开庭、判决日期不能早于立案日期）' },
  LITIGATION_DATE_IN_FUTURE: { status: 400, message: '日期不能晚于今天' },
  LITIGATION_CONCLUDED: { status: 409, message: '案件已审结，不能再登记该事项；如有上诉请登记上诉' },
  LITIGATION_APPEAL_NOT_ALLOWED: { status: 409, message: '一审尚未审结或已登记上诉，不能登记上诉（《中华人民共和国行政诉讼法》第八十五条）' },
  LEGALITY_LAW_ARTICLE_NOT_FOUND: { status: 404, message: '法规库中没有该法律法规或条文，请先导入该法律法规' },
  LEGALITY_LAW_IMPORT_EMPTY: { status: 400, message: '没有可导入的法律法规文件：每个文件应为 Markdown，条文以“第X条”开头' },
  LEGALITY_DOCX_UNREADABLE: { status: 400, message: '无法读取该 Word 文件，请上传 .docx 格式（不支持 .doc）' },
  STATS_PERIOD_TOO_LONG: { status: 400, message: '统计期间最长为五年' },
  // 领导驾驶舱、法治政府建设年度报告、月度统计快照
  DASHBOARD_YEAR_INVALID: { status: 400, message: '统计年度不能晚于当前年度' },
  ANNUAL_REPORT_EXISTS: { status: 409, message: '该年度的法治政府建设年度报告已存在，请打开已有报告' },
  ANNUAL_REPORT_SCOPE_REQUIRED: { status: 403, message: '年度报告的数据须按全区口径生成：只有数据权限为“全部”的用户可以生成或刷新报告数据' },
  ANNUAL_REPORT_NOT_EDITABLE: { status: 409, message: '报告已提交审核或已签发，不能修改；如需修改请先退回起草' },
  ANNUAL_REPORT_STEP_NOT_ALLOWED: { status: 409, message: '报告当前状态下不能执行该操作' },
  ANNUAL_REPORT_UNKNOWN_FIGURE: { status: 400, message: '段落中引用了不存在的数据项，请使用数据项列表中的编号' },
  ANNUAL_REPORT_DATE_INVALID: { status: 400, message: '日期不能早于签发日期，也不能晚于今天' },
  STATS_SNAPSHOT_MONTH_INVALID: { status: 400, message: '月份格式应为 YYYY-MM，且只能生成已结束月份的统计快照' },
  DEADLINE_NOT_OPEN: { status: 409, message: '该期限已办结或已撤销，不能再变更' },
  DEADLINE_PAUSE_STATE: { status: 409, message: '期限暂停状态不符：已在暂停中的期限不能再次暂停，未暂停的期限不能恢复计算，恢复日期不能早于暂停开始之日' },
  RECON_VIEWS_NOT_HEARD: {
    status: 409,
    message: '普通程序审理的案件应当听取当事人的意见并记录在案（因当事人原因不能听取的，记录后可以书面审理），尚未记录听取申请人意见，不能作出决定（《行政复议法》第四十九条）',
  },
  RECON_HEARING_NOTICE_LATE: {
    status: 409,
    message: '听证通知过迟：应当于举行听证的五日（工作日）前将听证的时间、地点和拟听证事项书面通知当事人（《行政复议法》第五十一条第一款、第八十八条第二款）',
  },
  RECON_HEARING_NOT_SCHEDULED: { status: 409, message: '没有与该日期相符的已通知听证，请先登记听证通知（《行政复议法》第五十一条第一款）' },
  RECON_COMMITTEE_OPINION_PENDING: {
    status: 409,
    message: '已提请行政复议委员会提出咨询意见但尚未记录咨询意见；咨询意见是作出行政复议决定的重要参考依据（《行政复议法》第五十二条第三款、第六十一条第三款）',
  },
  RECON_NORM_REVIEW_STATE: { status: 409, message: '规范性文件附带审查的办理步骤不符合当前进度（《行政复议法》第五十六条至第六十条）' },
  RECON_WITHDRAWAL_REQUIRED: { status: 409, message: '申请人撤回申请的，请通过“撤回申请”办理并记明撤回理由（《行政复议法》第七十四条、第四十一条第一项）' },
  // 合法性审查 (legality review of drafts, public comment, legal advisers)
  LR_TRANSITION_NOT_ALLOWED: { status: 409, message: '送审稿当前状态下不能执行该操作' },
  LR_MATERIALS_INCOMPLETE: { status: 409, message: '送审材料不齐全，不能进入审查：应提供起草说明、制定依据、征求意见情况和公平竞争审查记录（《重大行政决策程序暂行条例》第二十六条第一款）' },
  LR_REVIEW_PERIOD_TOO_SHORT: { status: 400, message: '送请合法性审查应当保证必要的审查时间，一般不少于7个工作日（《重大行政决策程序暂行条例》第二十六条第二款）' },
  LR_COMMENT_PERIOD_TOO_SHORT: { status: 400, message: '公开征求意见的期限一般不少于30日；缩短期限的须说明理由（《优化营商环境条例》第六十二条、《重大行政决策程序暂行条例》第十五条）' },
  LR_COMMENT_CLOSED: { status: 409, message: '该草案不在公开征求意见期内' },
  LR_FINDINGS_UNDECIDED: { status: 409, message: '尚有审查发现未经审查人员采纳或不采纳，不能出具审查意见书' },
  LR_DISAPPROVED: { status: 409, message: '未经合法性审查或者经审查不合法的，不得提交集体讨论（《重大行政决策程序暂行条例》第二十五条、国办发〔2018〕37号）' },
  LR_VALIDITY_REQUIRED: { status: 400, message: '行政规范性文件应当载明有效期，且自施行之日起一般不超过5年（地方通行做法，可配置，未经核实）' },
  LR_TEXT_MISSING: { status: 409, message: '送审稿正文为空，请先录入正文或上传 .docx 文件' },
  LR_UPLOAD_REJECTED: { status: 400, message: '上传的文件不符合要求（类型或大小）' },
  LR_ENGINE_UNAVAILABLE: { status: 503, message: '合法性审查引擎暂不可用' },
  LR_DATE_ORDER: { status: 400, message: '日期先后顺序不正确，请核对' },
  LR_DECISIONS_PENDING: { status: 409, message: '尚有意见未作出采纳决定，不能公布采纳情况说明' },
  // 行政执法监督 (enforcement): import and detections
  ENFORCEMENT_PARAMS_INVALID: { status: 400, message: '检测规则参数不符合要求，请检查各项取值范围' },
  ENFORCEMENT_IMPORT_FILE_REQUIRED: { status: 400, message: '请上传 CSV 或 Excel（.xlsx）文件' },
  ENFORCEMENT_IMPORT_FILE_TYPE: { status: 415, message: '只接受 UTF-8 编码的 CSV 文件或 Excel（.xlsx）文件' },
  ENFORCEMENT_IMPORT_FILE_TOO_LARGE: { status: 413, message: '导入文件过大，请拆分后上传，或使用命令行导入工具（tsx server/cli.ts import-inspections）' },
  ENFORCEMENT_IMPORT_HEADER: { status: 400, message: '表头与导入模板不一致，请下载模板核对列名及顺序' },
  ENFORCEMENT_IMPORT_RUNNING: { status: 409, message: '已有一个导入任务正在进行，请稍后再试' },
  // 行政执法监督: supervision workflow and registers
  ENF_TRANSITION_NOT_ALLOWED: { status: 409, message: '当前状态下不能执行该操作' },
  ENF_DETECTION_NOT_FOUND: { status: 400, message: '所选预警不存在或已不再触发，请刷新检测结果' },
  ENF_DETECTION_CLUED: { status: 409, message: '所选预警已转为问题线索，不能重复登记' },
  ENF_AGENCY_UNKNOWN: { status: 400, message: '执法主体未登记，请先在执法主体台账中登记' },
  ENF_AGENCY_AMBIGUOUS: { status: 400, message: '所选预警涉及多个执法主体，请指定被督办的执法主体' },
  ENF_COMPLAINT_NOT_FOUND: { status: 400, message: '所选 12345 投诉不存在' },
  ENF_NOT_LIAISON: { status: 403, message: '您不是该执法主体的联络员，不能报送或查看其督办事项' },
  ENF_DATE_ORDER: { status: 400, message: '日期先后顺序不正确，请核对' },
  ENF_FIELD_UNKNOWN: { status: 400, message: '执法领域代码不在领域目录中' },
  ENF_RECORD_EXISTS: { status: 409, message: '该编号的记录已存在' },
  ENF_LIAISON_ACCOUNT_INVALID: { status: 422, message: '所选账户不能登记为执法单位联络员（账户已停用，或没有执法单位联络员角色）' },
  ENF_PENALTY_DECIDED: { status: 409, message: '该行政处罚案件已作出决定' },
  ENF_PENALTY_EXTENDED: { status: 409, message: '该行政处罚案件已登记批准延长，不能重复登记' },
  ENF_EXTENSION_LATE: { status: 400, message: '延长须在原决定期限届满前批准（《中华人民共和国行政处罚法》第六十条），批准日期不能早于立案日期或晚于今天' },
  ENF_COMPLAINT_LINKED: { status: 409, message: '该 12345 投诉已关联问题线索' },
  // 矛盾纠纷排查化解 and 人民调解 (人民调解法 2010)
  DISPUTE_TRANSITION_NOT_ALLOWED: { status: 409, message: '纠纷当前状态下不能执行该操作（已办结的纠纷只能回访或重新办理）' },
  DISPUTE_TARGET_INVALID: { status: 400, message: '移交对象不正确：移交人民调解委员会须选择已登记的调解委员会，移交部门或法院须填写名称，移交司法所须选择司法所' },
  DISPUTE_DATE_INVALID: { status: 400, message: '日期不正确：不能晚于今天，也不能早于纠纷登记或前一环节的日期' },
  MEDIATION_TRANSITION_NOT_ALLOWED: { status: 409, message: '调解案件当前状态下不能执行该操作' },
  MEDIATION_COMMITTEE_INVALID: { status: 400, message: '人民调解委员会或调解员不存在、不属于该调解委员会，或不在您的数据范围内' },
  MEDIATION_CONFIRMATION_LATE: { status: 409, message: '已超过共同申请司法确认的期限：应自调解协议生效之日起三十日内共同向人民法院申请（《中华人民共和国人民调解法》第三十三条第一款）' },
  MEDIATION_DATE_INVALID: { status: 400, message: '日期不正确：不能晚于今天，协议生效日期不能早于受理日期，申请司法确认日期不能早于协议生效日期' },
  // 社区矫正 (社区矫正法 2019)
  CORRECTIONS_NOT_NAMED_STAFF: { status: 403, message: '社区矫正档案仅限指定的责任人查阅，您不是该社区矫正对象的责任人（本次查阅已记录）' },
  CORRECTIONS_TRANSITION_NOT_ALLOWED: { status: 409, message: '社区矫正对象当前状态下不能执行该操作' },
  CORRECTIONS_STAFF_INVALID: { status: 400, message: '责任人须为所属司法所在岗、具有社区矫正权限的工作人员' },
  CORRECTIONS_DATE_INVALID: { status: 400, message: '日期不正确：不能晚于今天，矫正期满日不能早于起始日，报到日期不能早于判决、裁定生效之日' },
  CORRECTIONS_ARREST_NOT_ALLOWED: { status: 409, message: '提请逮捕仅适用于被提请撤销缓刑、假释的社区矫正对象，须在提出撤销缓刑、假释建议的同时提出（《中华人民共和国社区矫正法》第四十七条第一款）' },
  CORRECTIONS_TIME_INVALID: { status: 400, message: '时刻不正确：须为带时区的日期时间，不能晚于现在，也不能早于相关建议的提出日期' },
  CORRECTIONS_FACTS_MISSING: { status: 400, message: '暂予监外执行须填写收到暂予监外执行决定书或批准之日（《中华人民共和国社区矫正法》第二十一条第二款、第三款）' },
  CORRECTIONS_TRANSFER_SAME_OFFICE: { status: 400, message: '变更后的执行地司法所不能与现执行地司法所相同（《中华人民共和国社区矫正法》第二十七条第二款）' },
  CORRECTIONS_TRANSFER_TARGET_INVALID: { status: 400, message: '执行地变更信息不完整：区内变更须选择本区其他司法所，变更至区外须填写接收的社区矫正机构（《中华人民共和国社区矫正法》第二十七条第二款）' },
  CORRECTIONS_TRANSFER_NOT_APPROVED: { status: 409, message: '没有已批准的执行地变更申请，不能办理移交（《中华人民共和国社区矫正法》第二十七条第二款）' },
  CORRECTIONS_TRANSFER_NOT_PENDING: { status: 409, message: '该社区矫正对象没有移交至您所在司法所的执行地变更，不能接收' },
  CORRECTIONS_NOT_IN_CORRECTION: { status: 409, message: '仅在矫的社区矫正对象可以办理执行地变更移交' },
  // 公共法律服务 / 法律援助: messages name the article of 《中华人民共和国法律援助法》 they enforce.
  LEGAL_AID_TRANSITION_NOT_ALLOWED: { status: 409, message: '法律援助申请当前状态下不能执行该操作' },
  LEGAL_AID_CHANNEL_FACTS_MISSING: { status: 400, message: '申请渠道信息不完整：转交申请须填写羁押场所或值班律师收到申请的时间及转交单位（第三十九条），办案机关通知须填写通知机关且事项为刑事案件（第三十六条）' },
  LEGAL_AID_MEANS_INVALID: { status: 400, message: '经济困难审查信息不完整或与依据不符（第三十二条、第四十一条、第四十二条）' },
  LEGAL_AID_MEANS_NOT_MET: { status: 409, message: '申请人不符合经济困难条件，且不属于免予审查的情形，不能决定给予法律援助' },
  LEGAL_AID_NOT_URGENT: { status: 409, message: '仅距时效或期限届满不足七日、需要立即保全或先予执行等情形，才可在作出决定前先行提供法律援助（第四十四条）' },
  LEGAL_AID_LAWYER_CONFLICT: { status: 409, message: '该律师与本案存在利益冲突或不符合指派条件，不能指派' },
  LEGAL_AID_NO_ELIGIBLE_LAWYER: { status: 409, message: '没有符合条件的法律援助律师（均存在利益冲突、已达在办上限或执业年限不足）' },
  LEGAL_AID_DATE_INVALID: { status: 400, message: '日期不能晚于今天，且不能早于收到申请之日' },
  LEGAL_AID_OBJECTION_STATE: { status: 409, message: '异议已登记或尚未登记异议，不能重复办理' },
  LEGAL_SERVICE_CONSULTATION_REFERRED: { status: 409, message: '该咨询记录已转办（法律援助、人民调解、行政复议咨询或公证机构），不能再次转办' },
  LEGAL_SERVICE_DRAW_PUBLISHED: { status: 409, message: '抽查结果已公开，不能再修改' },
  LEGAL_SERVICE_FOLLOW_UP_DONE: { status: 409, message: '该咨询记录已完成回访' },
  LEGAL_SERVICE_CREDIT_CODE_INVALID: { status: 400, message: '统一社会信用代码不正确（18 位，校验码按 GB 32100-2015 计算），请核对' },
  LEGAL_SERVICE_TRANSITION_NOT_ALLOWED: { status: 409, message: '当前状态下不能执行该操作，请刷新后重试' },
  LEGAL_SERVICE_FINDINGS_OPEN: { status: 409, message: '法治体检尚有未整改完毕的问题，全部问题跟踪销号后才能结束体检' },
  LEGAL_SERVICE_DATE_INVALID: { status: 400, message: '日期不正确：不能晚于今天，且不能早于受理、登记或开始之日' },
  LEGAL_SERVICE_DUPLICATE: { status: 409, message: '该记录已登记（同一机构同一年度只登记一次考核结果或诚信等级）' },
  LEGAL_SERVICE_SAMPLE_EMPTY: { status: 400, message: '所选期间没有可抽查的咨询记录' },
  LEGAL_SERVICE_APPROVAL_DOCUMENT_NOT_AVAILABLE: { status: 409, message: '该审批事项当前状态不能出具此文书：初步审查意见书在审查完毕（审核同意或不同意）后出具，申请人撤回的不出具' },
  LEGAL_SERVICE_ASSIGNEE_MISSING: { status: 400, message: '请选择承办律师或填写服务团队' },
  LEGAL_AID_MATERIALS_STATE: { status: 409, message: '已通知补充材料尚未补齐，或尚未通知补充材料（第四十三条第二款）' },
  ROL_DATE_IN_FUTURE: { status: 400, message: '日期不能晚于今天：培训参训、学法、述法、督察、整改、验收和普法活动只能登记已经发生的情况' },
  ROL_DATE_ORDER: { status: 400, message: '日期先后不正确：结束日期不能早于开始日期，整改期限、整改日期不能早于督察日期，验收日期不能早于整改日期，活动日期须在所属活动期间内，述法日期须在该年度或次年' },
  ROL_DEPARTMENT_INVALID: { status: 400, message: '单位不正确：所选单位不存在，或不是可考核的科室、中心、司法所' },
  ROL_ATTENDANCE_INVALID: { status: 400, message: '参训名单有误（单位不存在、账户不存在、学时超过培训学时或重复登记），整份名单未保存，请按提示修改' },
  ROL_SCORE_OUT_OF_RANGE: { status: 400, message: '评分超出该考核指标的分值范围（0 至该指标满分）' },
  ROL_WEIGHTS_INVALID: { status: 400, message: '考核指标权重合计须等于 100' },
  ROL_INDICATOR_INVALID: { status: 400, message: '考核指标不正确：指标不属于该考核方案，或指标编号、评分指标重复' },
  ROL_FINDING_TRANSITION: { status: 409, message: '督察问题当前状态下不能执行该操作：整改中的问题先登记整改完成，已整改的问题才能验收销号' },
  ROL_VERIFY_OWN_UNIT: { status: 403, message: '整改期限调整和整改验收须由被督察单位以外的督察组或局机关进行，不能由本单位办理' },
  ROL_DUPLICATE: { status: 409, message: '该记录已登记（同一年度同一人的述法、同一年度的考核方案、期间重叠的普法规划只登记一次）' },
  NOTIFY_SEND_FAILED: { status: 502, message: '提醒消息发送失败（短信网关不可用或拒绝），将在下一次扫描时重试' },
  RATE_LIMITED: { status: 429, message: '请求过于频繁，请稍后再试' },
  PAYLOAD_TOO_LARGE: { status: 413, message: '提交的内容过大' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, message: '不支持的内容类型' },
  INTERNAL: { status: 500, message: '系统内部错误，请稍后重试或联系管理员' },
  SERVICE_UNAVAILABLE: { status: 503, message: '服务暂不可用' },
} as const satisfies Record<string, { status: number; message: string }>;

export type ErrorCode = keyof typeof ERRORS;

export interface ErrorBody {
  error: { code: ErrorCode; message: string; details?: unknown; requestId?: string };
}

/** Business code throws this; the server's error handler turns it into the error body. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details?: unknown;
  constructor(code: ErrorCode, details?: unknown, message?: string) {
    super(message ?? ERRORS[code].message);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }
  get status(): number {
    return ERRORS[this.code].status;
  }
}

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}
