import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  AnnualReportCreateBody,
  AnnualReportDetail,
  AnnualReportRefreshBody,
  AnnualReportSaveBody,
  AnnualReportSettings,
  AnnualReportStepBody,
  AnnualReportSummary,
  ANNUAL_REPORT_DUE_NOTE,
  DashboardQuery,
  DashboardTrend,
  DashboardUnits,
  DashboardUnitsQuery,
  DashboardView,
  StatsSnapshot,
} from '../../../common/contracts/dashboard';
import type { Permission } from '../../../common/permissions';
import { actorOf, meta } from '../../http/auth';
import { responses } from '../../http/schemas';
import { contentDisposition } from '../../platform/documents';
import type { AnnualReportService } from './annual-report.service';
import type { DashboardService } from './dashboard.service';
import type { SnapshotService } from './snapshots.service';

const TAG = ['领导驾驶舱与年度报告'];
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const PDF = 'application/pdf';
const Binary = z.unknown().describe('二进制文件');
const IdParams = z.object({ id: z.string().min(1).max(64) });
const VersionQuery = z.object({ versionNo: z.coerce.number().int().min(1).optional() });
const READ: Permission = 'dashboard.read';
const R_READ: Permission = 'annualReport.read';
const R_EDIT: Permission[] = ['annualReport.read', 'annualReport.edit'];
const R_SIGN: Permission[] = ['annualReport.read', 'annualReport.signOff'];
const SettingsView = z.object({ settings: AnnualReportSettings, note: z.string() });

/** 领导驾驶舱 (figures, trend, units, deadlines, Excel), 法治政府建设年度报告 (versions, workflow, .docx / PDF), monthly snapshots. */
export function dashboardRoutes(deps: { dashboard: DashboardService; reports: AnnualReportService; snapshots: SnapshotService }) {
  const { dashboard, reports, snapshots } = deps;
  return async function plugin(app: FastifyInstance) {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const D = '/api/v1/dashboard';
    r.get(D, { config: { permission: READ }, schema: { tags: TAG, summary: '年度关键指标（各业务模块统计口径，含上年同期）、逾期和临期事项；departmentId 为本部门及下级视图', querystring: DashboardQuery, response: responses(DashboardView) }, handler: async (req) => dashboard.view(actorOf(req), req.query) });
    r.get(`${D}/trend`, { config: { permission: READ }, schema: { tags: TAG, summary: '按月趋势（本年与上年同月）', querystring: DashboardQuery, response: responses(DashboardTrend) }, handler: async (req) => dashboard.trend(actorOf(req), req.query) });
    r.get(`${D}/units`, { config: { permission: READ }, schema: { tags: TAG, summary: '各司法所、各科室的年度指标（数据权限内）', querystring: DashboardUnitsQuery, response: responses(DashboardUnits) }, handler: async (req) => dashboard.units(actorOf(req), req.query) });
    r.get(`${D}/export.xlsx`, {
      config: { permission: READ },
      schema: { tags: TAG, summary: '导出驾驶舱指标（Excel，与页面相同的年度和部门筛选）', querystring: DashboardQuery, produces: [XLSX], response: responses(Binary) },
      handler: async (req, reply) => {
        const buf = await dashboard.workbook(actorOf(req), req.query);
        return reply.type(XLSX).header('content-disposition', contentDisposition(`领导驾驶舱_${req.query.year}.xlsx`, 'dashboard.xlsx')).header('cache-control', 'no-store').send(buf);
      },
    });

    // ---- monthly statistics snapshots ----
    r.get(`${D}/snapshots`, { config: { permission: R_READ }, schema: { tags: TAG, summary: '月度统计快照（每月自动生成，全区口径）', response: responses(z.object({ data: z.array(StatsSnapshot) })) }, handler: async (req) => snapshots.list(actorOf(req)) });
    r.get(`${D}/snapshots/:id/download`, {
      config: { permission: R_READ },
      schema: { tags: TAG, summary: '下载月度统计快照（.xlsx）', params: IdParams, produces: [XLSX], response: responses(Binary) },
      handler: async (req, reply) => {
        const f = await snapshots.download(actorOf(req), req.params.id);
        return reply.type(XLSX).header('content-disposition', contentDisposition(f.name, 'snapshot.xlsx')).header('cache-control', 'no-store').send(f.buffer);
      },
    });

    // ---- 法治政府建设年度报告 ----
    const A = '/api/v1/annual-reports';
    r.get(A, { config: { permission: R_READ }, schema: { tags: TAG, summary: '法治政府建设年度报告列表', response: responses(z.object({ data: z.array(AnnualReportSummary) })) }, handler: async (req) => reports.list(actorOf(req)) });
    r.post(A, { config: { permission: R_EDIT }, schema: { tags: TAG, summary: '按年度生成报告初稿（数据取自各业务模块统计）', body: AnnualReportCreateBody, response: responses(AnnualReportDetail) }, handler: async (req) => reports.create(actorOf(req), req.body.year, meta(req)) });
    r.get(`${A}/settings`, { config: { permission: R_READ }, schema: { tags: TAG, summary: '报送、公开时限设置（待核实，可配置）', response: responses(SettingsView) }, handler: async () => ({ settings: await reports.settings(), note: ANNUAL_REPORT_DUE_NOTE }) });
    r.put(`${A}/settings`, { config: { permission: R_EDIT }, schema: { tags: TAG, summary: '修改报送、公开时限', body: AnnualReportSettings.strict(), response: responses(SettingsView) }, handler: async (req) => ({ settings: await reports.updateSettings(actorOf(req), req.body, meta(req)), note: ANNUAL_REPORT_DUE_NOTE }) });
    r.get(`${A}/:id`, { config: { permission: R_READ }, schema: { tags: TAG, summary: '报告详情：四个部分、数据项及其查询、版本、流转记录（versionNo 查看历史版本）', params: IdParams, querystring: VersionQuery, response: responses(AnnualReportDetail) }, handler: async (req) => reports.get(actorOf(req), req.params.id, req.query.versionNo) });
    r.post(`${A}/:id/save`, { config: { permission: R_EDIT }, schema: { tags: TAG, summary: '保存段落（每次保存形成新版本）', params: IdParams, body: AnnualReportSaveBody, response: responses(AnnualReportDetail) }, handler: async (req) => reports.save(actorOf(req), req.params.id, req.body, meta(req)) });
    r.post(`${A}/:id/refresh`, { config: { permission: R_EDIT }, schema: { tags: TAG, summary: '按最新业务数据刷新数据项（形成新版本）', params: IdParams, body: AnnualReportRefreshBody, response: responses(AnnualReportDetail) }, handler: async (req) => reports.refresh(actorOf(req), req.params.id, req.body.version, meta(req)) });
    for (const [action, perm, summary] of [
      ['submit', R_EDIT, '提交审核（须已填写存在的不足和原因、下一年度工作安排）'],
      ['return', R_SIGN, '退回修改'],
      ['approve', R_SIGN, '审核签发'],
      ['file', R_EDIT, '登记报送日期'],
      ['publish', R_EDIT, '登记向社会公开日期'],
    ] as const) {
      r.post(`${A}/:id/${action}`, { config: { permission: perm }, schema: { tags: TAG, summary, params: IdParams, body: AnnualReportStepBody, response: responses(AnnualReportDetail) }, handler: async (req) => reports.step(actorOf(req), req.params.id, action, req.body, meta(req)) });
    }
    r.get(`${A}/:id/report.docx`, {
      config: { permission: R_READ },
      schema: { tags: TAG, summary: '下载报告（.docx，GB/T 9704 公文格式）', params: IdParams, querystring: VersionQuery, produces: [DOCX], response: responses(Binary) },
      handler: async (req, reply) => {
        const f = await reports.docx(actorOf(req), req.params.id, req.query.versionNo);
        return reply.header('content-type', DOCX).header('content-disposition', contentDisposition(f.name, 'annual-report.docx')).header('x-content-type-options', 'nosniff').header('cache-control', 'no-store').send(f.buffer);
      },
    });
    r.get(`${A}/:id/report.pdf`, {
      config: { permission: R_READ },
      schema: { tags: TAG, summary: '下载报告（PDF，由 LibreOffice 转换）', params: IdParams, querystring: VersionQuery, produces: [PDF], response: responses(Binary) },
      handler: async (req, reply) => {
        const f = await reports.pdf(actorOf(req), req.params.id, req.query.versionNo);
        return reply.header('content-type', PDF).header('content-disposition', contentDisposition(f.name, 'annual-report.pdf')).header('x-content-type-options', 'nosniff').header('cache-control', 'no-store').send(f.buffer);
      },
    });
  };
}
