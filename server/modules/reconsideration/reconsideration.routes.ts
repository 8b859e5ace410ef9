import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  AbandonBody,
  AcceptBody,
  AssignBody,
  DecideBody,
  ExtendBody,
  ExtendCorrectionBody,
  MediationBody,
  RecordReplyBody,
  ReconCaseCreateBody,
  ReconCaseDetail,
  ReconCaseListQuery,
  ReconCaseSummary,
  RejectBody,
  RelatedCaseSchema,
  RequestCorrectionBody,
  ResumeBody,
  SendCopyBody,
  SubmitCorrectionBody,
  SuspendBody,
  SwitchProcedureBody,
  TerminateBody,
  CommitteeOpinionBody,
  ConcludeNormReviewBody,
  ConsultCommitteeBody,
  DraftingReplyBody,
  ForwardNormBody,
  HearViewsBody,
  NotifyDraftingOrganBody,
  RecordHearingBody,
  ScheduleHearingBody,
  StartNormReviewBody,
  WithdrawBody,
  HearingNoticeQuery,
  HearingNoticeResult,
  listOf,
} from '../../../common/contracts';
import type { Permission } from '../../../common/permissions';
import { actorOf, meta } from '../../http/auth';
import { responses } from '../../http/schemas';
import type { ReconsiderationService } from './reconsideration.service';

const IdParams = z.object({ id: z.string().min(1).max(64) });
const TAG = ['行政复议'];
const BASE = '/api/v1/reconsideration/cases';

/** URL + permission + schemas; every state change is a POST sub-resource of the case. */
export function reconsiderationRoutes(deps: { reconsideration: ReconsiderationService }) {
  const svc = deps.reconsideration;
  return async function plugin(app: FastifyInstance) {
    const r = app.withTypeProvider<ZodTypeProvider>();

    r.post(BASE, {
      config: { permission: 'reconsideration.case.register' },
      schema: {
        tags: TAG,
        summary: '登记行政复议申请（当面、邮寄、互联网、口头），计算受理审查期限并检查申请期限与关联案件',
        body: ReconCaseCreateBody,
        response: responses(ReconCaseDetail),
      },
      handler: async (req) => svc.create(actorOf(req), req.body, meta(req)),
    });
    r.get(BASE, {
      config: { permission: 'reconsideration.case.read' },
      schema: { tags: TAG, summary: '行政复议案件台账（按数据权限）', querystring: ReconCaseListQuery, response: responses(listOf(ReconCaseSummary)) },
      handler: async (req) => svc.list(actorOf(req), req.query),
    });
    r.get(`${BASE}/:id`, {
      config: { permission: 'reconsideration.case.read' },
      schema: { tags: TAG, summary: '案件详情：法定期限及其计算说明、办理过程、关联案件', params: IdParams, response: responses(ReconCaseDetail) },
      handler: async (req) => svc.get(actorOf(req), req.params.id),
    });
    r.get(`${BASE}/:id/related`, {
      config: { permission: 'reconsideration.case.read' },
      schema: { tags: TAG, summary: '同一申请人、同一被申请人、同一行政行为的关联或重复申请', params: IdParams, response: responses(z.array(RelatedCaseSchema)) },
      handler: async (req) => svc.related(actorOf(req), req.params.id),
    });

    r.get(`${BASE}/:id/hearing-notice`, {
      config: { permission: 'reconsideration.case.read' },
      schema: {
        tags: TAG,
        summary: '听证通知最迟发出日：举行听证的五个工作日前（第五十一条第一款、第八十八条第二款），附期限引擎的计算说明',
        params: IdParams,
        querystring: HearingNoticeQuery,
        response: responses(HearingNoticeResult),
      },
      handler: async (req) => svc.hearingNotice(actorOf(req), req.params.id, req.query.hearingOn),
    });

    const action = <B extends z.ZodTypeAny>(path: string, summary: string, body: B, permission: Permission | Permission[], run: (id: string, body: z.infer<B>, req: Parameters<typeof actorOf>[0]) => Promise<z.infer<typeof ReconCaseDetail>>) =>
      r.post(`${BASE}/:id/${path}`, {
        config: { permission },
        schema: { tags: TAG, summary, params: IdParams, body, response: responses(ReconCaseDetail) },
        handler: async (req) => run(req.params.id, req.body as z.infer<B>, req),
      });
    const handle: Permission[] = ['reconsideration.case.read', 'reconsideration.case.handle'];

    action('request-correction', '通知补正（第三十一条：收到申请之日起五日内一次性书面通知；申请人十日内补正）', RequestCorrectionBody, handle, (id, b, req) => svc.requestCorrection(actorOf(req), id, b, meta(req)));
    action('submit-correction', '收到补正材料，重新进行受理审查（第三十一条第三款）', SubmitCorrectionBody, handle, (id, b, req) => svc.submitCorrection(actorOf(req), id, b, meta(req)));
    action('extend-correction', '有正当理由的，延长补正期限（第三十一条第二款）', ExtendCorrectionBody, handle, (id, b, req) => svc.extendCorrection(actorOf(req), id, b, meta(req)));
    action('abandon', '逾期不补正，视为放弃行政复议申请（第三十一条第二款）', AbandonBody, handle, (id, b, req) => svc.abandon(actorOf(req), id, b, meta(req)));
    action('accept', '受理（第三十条），开始普通程序或简易程序', AcceptBody, handle, (id, b, req) => svc.accept(actorOf(req), id, b, meta(req)));
    action('reject-application', '不予受理（第三十条第二款）', RejectBody, handle, (id, b, req) => svc.rejectApplication(actorOf(req), id, b, meta(req)));
    action('send-copy', '向被申请人发送申请书副本（第四十八条、第五十四条）', SendCopyBody, handle, (id, b, req) => svc.sendCopy(actorOf(req), id, b, meta(req)));
    action('record-reply', '登记被申请人书面答复（第四十八条、第五十四条）', RecordReplyBody, handle, (id, b, req) => svc.recordReply(actorOf(req), id, b, meta(req)));
    action('start-mediation', '开始调解（第五条、第七十三条）', MediationBody, handle, (id, b, req) => svc.startMediation(actorOf(req), id, b, meta(req)));
    action('end-mediation', '调解未成，继续审理（第七十三条第二款）', MediationBody, handle, (id, b, req) => svc.endMediation(actorOf(req), id, b, meta(req)));
    action('conclude-mediation', '行政复议调解书生效，调解结案（第七十三条第一款）', MediationBody, handle, (id, b, req) => svc.concludeMediation(actorOf(req), id, b, meta(req)));
    action('suspend', '中止审理（第三十九条），审理期限暂停计算', SuspendBody, handle, (id, b, req) => svc.suspend(actorOf(req), id, b, meta(req)));
    action('resume', '恢复审理（第三十九条第二款）', ResumeBody, handle, (id, b, req) => svc.resume(actorOf(req), id, b, meta(req)));
    action('extend', '经行政复议机构负责人批准延长审理期限，最多三十日（第六十二条第一款）', ExtendBody, ['reconsideration.case.read', 'reconsideration.case.approve'], (id, b, req) => svc.extend(actorOf(req), id, b, meta(req)));
    action('switch-procedure', '经行政复议机构负责人批准，简易程序转为普通程序（第五十五条）', SwitchProcedureBody, ['reconsideration.case.read', 'reconsideration.case.approve'], (id, b, req) => svc.switchProcedure(actorOf(req), id, b, meta(req)));
    action('decide', '作出行政复议决定（第六十一条至第七十二条）', DecideBody, handle, (id, b, req) => svc.decide(actorOf(req), id, b, meta(req)));
    action('terminate', '终止行政复议（第四十一条）', TerminateBody, handle, (id, b, req) => svc.terminate(actorOf(req), id, b, meta(req)));
    action('withdraw', '申请人撤回申请，经行政复议机构准予撤回，终止行政复议（第七十四条、第四十一条第一项）', WithdrawBody, ['reconsideration.case.read', 'reconsideration.case.approve'], (id, b, req) => svc.withdraw(actorOf(req), id, b, meta(req)));
    action('hear-views', '听取当事人意见并记录在案（第四十九条）', HearViewsBody, handle, (id, b, req) => svc.hearViews(actorOf(req), id, b, meta(req)));
    action('schedule-hearing', '书面通知听证：应当于举行听证的五日前通知（第五十条、第五十一条第一款）', ScheduleHearingBody, handle, (id, b, req) => svc.scheduleHearing(actorOf(req), id, b, meta(req)));
    action('record-hearing', '举行听证并制作听证笔录（第五十条第三款、第五十一条）', RecordHearingBody, handle, (id, b, req) => svc.recordHearing(actorOf(req), id, b, meta(req)));
    action('consult-committee', '提请行政复议委员会提出咨询意见（第五十二条第二款）', ConsultCommitteeBody, handle, (id, b, req) => svc.consultCommittee(actorOf(req), id, b, meta(req)));
    action('record-committee-opinion', '记录行政复议委员会的咨询意见（第五十二条第三款）', CommitteeOpinionBody, handle, (id, b, req) => svc.recordCommitteeOpinion(actorOf(req), id, b, meta(req)));
    action('start-norm-review', '规范性文件附带审查，中止审理（第十三条、第五十六条、第五十七条、第三十九条第一款第九项）', StartNormReviewBody, handle, (id, b, req) => svc.startNormReview(actorOf(req), id, b, meta(req)));
    action('notify-drafting-organ', '书面通知制定机关就相关条款的合法性提出书面答复（第五十八条）', NotifyDraftingOrganBody, handle, (id, b, req) => svc.notifyDraftingOrgan(actorOf(req), id, b, meta(req)));
    action('record-drafting-reply', '登记制定机关的书面答复（第五十八条）', DraftingReplyBody, handle, (id, b, req) => svc.recordDraftingReply(actorOf(req), id, b, meta(req)));
    action('forward-norm', '无权处理的，七日内转送有权处理的机关（第五十六条、第五十七条）', ForwardNormBody, handle, (id, b, req) => svc.forwardNorm(actorOf(req), id, b, meta(req)));
    action('conclude-norm-review', '附带审查办结，恢复审理（第五十九条、第六十条、第三十九条第二款）', ConcludeNormReviewBody, handle, (id, b, req) => svc.concludeNormReview(actorOf(req), id, b, meta(req)));
    action('assign', '分配承办人', AssignBody, ['reconsideration.case.read', 'reconsideration.case.assign'], (id, b, req) => svc.assign(actorOf(req), id, b, meta(req)));
  };
}
