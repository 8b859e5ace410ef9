import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import { type ZodTypeProvider, jsonSchemaTransform, validatorCompiler } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { PORTAL_UPLOAD_LIMITS } from '../common/contracts';
import { AppError } from '../common/errors';
import type { Config } from './config';
import type { DbHandle } from './db';
import { registerAuth } from './http/auth';
import { registerErrorHandling } from './http/errors';
import { responses } from './http/schemas';
import { registerResponseHeaders } from './http/security-headers';
import { serializerCompiler } from './http/serializer';
import { auditRoutes, createAuditService } from './platform/audit';
import { calendarRoutes, createCalendarService } from './platform/calendar';
import { type Clock, systemClock } from './platform/clock';
import { createFieldCipher } from './platform/crypto';
import { createDeadlineService, deadlineRoutes } from './platform/deadlines';
import { createAdminService, createAuthService, identityRoutes } from './platform/identity';
import { createLogChannel, createReminderService, createSmsGatewayChannel, scheduleReminders } from './platform/notify';
import { createPeopleService, peopleRoutes } from './platform/people';
import { createPortalService, createProductivityService, createReconsiderationService, portalRoutes, productivityRoutes, reconsiderationRoutes } from './modules/reconsideration';
import { consultationRoutes, createConsultationService, createStatsService, statsRoutes } from './modules/reconsideration';
import { createDocumentsService, reconDocumentRoutes } from './modules/reconsideration';
import { createLitigationService, litigationRoutes } from './modules/litigation';
import { createLegalityEngineService, legalityEngineRoutes } from './modules/legality-review';
import { createLegalityReviewService, createRegistersService, legalityReviewRoutes } from './modules/legality-review';
import { createDetectionService, createImportService, detectionRoutes, importRoutes } from './modules/enforcement';
import { analysisRoutes as enforcementAnalysisRoutes, createEnforcementAnalysisService, createEnforcementRegistersService, createSupervisionService, registersRoutes as enforcementRegistersRoutes, supervisionRoutes } from './modules/enforcement';
import { createDisputeService, createMediationService, disputeRoutes } from './modules/dispute';
import { correctionsRoutes, createCorrectionsService } from './modules/corrections';
import { createRuleOfLawService, ruleOfLawRoutes } from './modules/rule-of-law';
import { createAnnualReportService, createDashboardService, createSnapshotService, dashboardRoutes, scheduleSnapshots } from './modules/dashboard';
import { createEnterpriseService, createHotlineQualityService, createHotlineService, createInspectionsService, createLegalAidService, createLegalServiceRegistersService, createPointsService, legalServicesMoreRoutes, legalServicesRoutes } from './modules/legal-services';

z.config(z.locales.zhCN());

export interface AppDeps {
  config: Config;
  db: DbHandle;
  clock?: Clock;
  /** Pino logger options, or false to silence (tests). */
  logger?: boolean | Record<string, unknown>;
  /** Rate limits (tests lower them to exercise 429). */
  limits?: { login: { max: number; timeWindow: string }; public: { max: number; timeWindow: string } };
}

/** Fields that may never reach a log line. */
const REDACT = ['req.headers.cookie', 'req.headers.authorization', 'req.headers["x-csrf-token"]', 'res.headers["set-cookie"]'];

/** The only wiring file: builds services from their dependencies and registers routes. Used by main and tests. */
export async function buildApp(deps: AppDeps) {
  const { config } = deps;
  const clock = deps.clock ?? systemClock();
  const { db, dialect } = deps.db;
  const logger =
    deps.logger === false
      ? false
      : {
          level: config.logLevel,
          redact: { paths: REDACT, censor: '[redacted]' },
          serializers: {
            // Only the path: query strings may carry personal data (a search by 身份证号, say).
            req: (req: { method: string; url: string; id: string }) => ({ method: req.method, path: req.url.split('?')[0], id: req.id }),
            res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
          },
          ...(typeof deps.logger === 'object' ? deps.logger : {}),
        };

  const app = Fastify({
    logger,
    genReqId: (req) => {
      const h = req.headers['x-request-id'];
      return typeof h === 'string' && /^[\w-]{8,64}$/.test(h) ? h : randomUUID();
    },
    requestIdHeader: false,
    bodyLimit: 1024 * 1024,
    trustProxy: false,
  }).withTypeProvider<ZodTypeProvider>();
  // Responses are written as header + body chunks; without TCP_NODELAY, Nagle's algorithm meets the client's
  // delayed ACK and stalls each keep-alive response by ~40 ms.
  app.server.on('connection', (socket) => socket.setNoDelay(true));
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  // Security headers (helmet's set, precomputed) and x-request-id on every response, errors included.
  registerResponseHeaders(app, { hsts: config.env === 'production' });

  // Every route, as registered: tests check that each one is protected and declares its schemas.
  const routes: { method: string | string[]; url: string; config?: unknown; schema?: Record<string, unknown> }[] = [];
  app.addHook('onRoute', (r) => {
    routes.push({ method: r.method, url: r.url, config: r.config, schema: r.schema as Record<string, unknown> | undefined });
  });
  registerErrorHandling(app);
  await app.register(cookie);
  // Multipart once, for the portal's online application: per-file, file-count and part limits (the 20 MB total is
  // enforced by the route, see PORTAL_UPLOAD_LIMITS); the JSON bodyLimit does not apply to multipart. An oversize file
  // is cut and flagged (truncated), not thrown, so that the route can name it among the refused attachments.
  await app.register(multipart, { throwFileSizeLimit: false, limits: { fileSize: PORTAL_UPLOAD_LIMITS.fileBytes, files: PORTAL_UPLOAD_LIMITS.files, fields: 4, fieldSize: 256 * 1024, parts: PORTAL_UPLOAD_LIMITS.files + 4, headerPairs: 100 } });
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: (_req, ctx) => Object.assign(new Error('rate limited'), { statusCode: 429, ttl: ctx.ttl }),
  });
  await app.register(swagger, {
    openapi: {
      info: { title: '法治 Fazhi API', description: '区司法局业务平台接口。错误体：{ error: { code, message, details, requestId } }。', version: '1' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'fazhi_sid' } } },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });

  const limits = deps.limits ?? { login: { max: config.loginRateLimitPerMinute ?? 10, timeWindow: '1 minute' }, public: { max: 120, timeWindow: '1 minute' } };
  const cipher = createFieldCipher(config.sm4Key, config.blindIndexKey);
  const audit = createAuditService({ db, dialect, clock });
  const auth = createAuthService({ db, clock, audit, demo: config.demo, session: config.session, passwordMaxAgeDays: config.passwordMaxAgeDays });
  const admin = createAdminService({ db, clock, audit, auth, cipher, demo: config.demo });
  // The calendar and the deadline register depend on each other (a calendar change recomputes deadlines).
  // eslint-disable-next-line prefer-const
  let deadlines: ReturnType<typeof createDeadlineService>;
  const calendar = createCalendarService({ db, clock, audit, recompute: () => deadlines.recomputeOpen.bind(deadlines) });
  deadlines = createDeadlineService({ db, sqlite: deps.db.sqlite, clock, calendar: () => calendar.current() });
  const people = createPeopleService({ db, clock, audit, cipher });

  registerAuth(app, { auth, audit });

  app.get('/api/v1/health', {
    config: { public: true, rateLimit: { max: 600, timeWindow: '1 minute' } },
    schema: { tags: ['系统'], summary: '健康检查', response: responses(z.object({ status: z.literal('ok'), database: z.enum(['sqlite', 'postgres']), time: z.string() })) },
    handler: async () => {
      await db.selectFrom('meta').select('key').limit(1).execute();
      return { status: 'ok' as const, database: dialect, time: clock.nowIso() };
    },
  });
  await app.register(identityRoutes({ auth, admin, db, demo: config.demo, cookieSecure: config.cookieSecure, loginRateLimit: limits.login }));
  await app.register(auditRoutes({ audit }));
  await app.register(calendarRoutes({ calendar, publicRateLimit: limits.public }));
  await app.register(deadlineRoutes({ deadlines }));
  await app.register(peopleRoutes({ people }));
  const reconsideration = createReconsiderationService({ db, clock, audit, deadlines, people, calendar: () => calendar.current(), caseNoPrefix: config.reconCaseNoPrefix });
  await app.register(reconsiderationRoutes({ reconsideration }));
  const reconDocuments = createDocumentsService({ db, clock, audit, reconsideration, docNoPrefix: config.reconDocNoPrefix, organName: config.reconOrganName });
  await app.register(reconDocumentRoutes({ documents: reconDocuments }));
  // Due-soon and overdue reminders: the configured channel, a scan on an interval (off when 0, as in tests), `npm run remind`.
  const n = config.notify;
  const channel = n.channel === 'sms' ? createSmsGatewayChannel({ url: n.smsGatewayUrl!, secret: n.smsGatewaySecret!, now: () => clock.now() }) : createLogChannel(app.log);
  const reminders = createReminderService({ db, clock, calendar: () => calendar.current(), channel, workingDays: n.reminderWorkingDays, caseNumbers: (type, ids) => (type === 'legalityDraft' ? legalityDrafts.caseNumbers(type, ids) : type === 'legalAidApplication' ? legalAid.caseNumbers(ids) : type === 'mediationCase' ? mediation.caseNumbers(type, ids) : type === 'correctionSubject' ? corrections.caseNumbers(type, ids) : type === 'litigationCase' ? litigation.caseNumbers(ids) : reconsideration.caseNumbers(type, ids)), beforeRun: () => litigation.closeLapsedAppeals() });
  if (n.reminderIntervalMinutes > 0) {
    let stop = () => {};
    app.addHook('onReady', async () => {
      stop = scheduleReminders(reminders, n.reminderIntervalMinutes, (r) => app.log.info({ reminders: r }, 'deadline reminders'), (err) => app.log.error({ err }, 'deadline reminders failed'));
    });
    app.addHook('onClose', async () => stop());
  }
  const portal = createPortalService({ db, clock, audit, cipher, reconsideration, uploadsDir: path.join(config.dataDir, 'uploads'), intakeDepartmentCode: config.reconPortalDepartmentCode, documents: { list: (caseId) => reconDocuments.listDocumentsServedOnline(caseId), render: (docId) => reconDocuments.renderDocumentDocx(docId) } });
  await app.register(portalRoutes({ portal, publicRateLimit: limits.public }));
  await app.register(productivityRoutes({ productivity: createProductivityService({ db, clock, audit, deadlines, cases: reconsideration }) }));
  const consultations = createConsultationService({ db, clock, audit, people });
  await app.register(consultationRoutes({ consultations }));
  const reconStats = createStatsService({ db, dialect, clock, consultations });
  await app.register(statsRoutes({ stats: reconStats }));
  const litigation = createLitigationService({ db, clock, audit, deadlines, calendar: () => calendar.current(), reconCaseNo: async (actor, id) => (await reconsideration.get(actor, id)).caseNo });
  await app.register(litigationRoutes({ litigation }));
  // 合法性审查 review engine: analyze, law corpus, rules and their acceptance rates (optional LLM from config).
  const legalityEngine = createLegalityEngineService({ db, clock, audit, llm: config.legalityLlm ?? null, ...(config.legalityLimits ? { limits: config.legalityLimits } : {}) });
  await app.register(legalityEngineRoutes({ engine: legalityEngine }));
  // 合法性审查: draft lifecycle, public comment, contact points, advisers; the review engine is ./modules/legality-review/engine.
  const legalityDrafts = createLegalityReviewService({ db, clock, audit, deadlines, calendar: () => calendar.current(), uploadsDir: path.join(config.dataDir, 'uploads'), organName: config.bureauOrganName, reviewDepartmentCode: config.legalityReviewDepartmentCode ?? null, ...(config.legalityNumbering ? { numbering: config.legalityNumbering } : {}), engine: () => ({ analyze: async (actor, text, docKind) => (await legalityEngine.analyze(actor, { text, docKind })).findings, extractDocxText: async (b) => legalityEngine.docxText(b) }) });
  await app.register(legalityReviewRoutes({ drafts: legalityDrafts, registers: createRegistersService({ db, clock, audit, drafts: legalityDrafts, ...(config.legalityNumbering ? { consultationPrefix: config.legalityNumbering.consultation } : {}) }), publicRateLimit: limits.public }));
  // 行政执法监督 core: inspection/penalty import and detections (the supervision workflow registers its own routes).
  const enforcementImport = createImportService({ handle: deps.db, clock, audit, dataDir: config.dataDir });
  await app.register(importRoutes({ imports: enforcementImport, tmpDir: path.join(config.dataDir, 'tmp') }));
  await app.register(detectionRoutes({ detections: createDetectionService({ handle: deps.db, clock, audit, calendar: () => calendar.current() }) }));
  // 行政执法监督 supervision workflow (clues → orders → rectification → verification), registers and analysis.
  const enforcementSupervision = createSupervisionService({ handle: deps.db, clock, audit, deadlines, organName: config.bureauOrganName });
  await app.register(supervisionRoutes({ supervision: enforcementSupervision }));
  await app.register(enforcementRegistersRoutes({ registers: createEnforcementRegistersService({ handle: deps.db, clock, audit, deadlines, calendar: () => calendar.current() }) }));
  const enforcementAnalysis = createEnforcementAnalysisService({ handle: deps.db, clock, supervision: enforcementSupervision, calendar: () => calendar.current() });
  await app.register(enforcementAnalysisRoutes({ analysis: enforcementAnalysis }));

  // 公共法律服务: 法律援助 on the deadline register, 12348 / consultations, service points and the 15-minute circle.
  const legalAid = createLegalAidService({ db, clock, audit, deadlines, people, cipher, calendar: () => calendar.current() });
  const legalHotline = createHotlineService({ db, clock, audit, cipher });
  const legalPoints = createPointsService({ db, clock, audit });
  // Enterprise services, institution registers and approvals (approval periods on the deadline register), 12348 quality
  // sampling, knowledge base and referral to mediation / reconsideration (through their index exports, resolved lazily).
  const legalEnterprise = createEnterpriseService({ db, clock, audit });
  const legalRegisters = createLegalServiceRegistersService({ db, clock, audit, deadlines, calendar: () => calendar.current() });
  await app.register(legalServicesRoutes({ aid: legalAid, hotline: legalHotline, points: legalPoints, inspections: createInspectionsService({ db, clock, audit }), enterprise: legalEnterprise, registers: legalRegisters, db, clock, audit, publicRateLimit: limits.public }));
  await app.register(legalServicesMoreRoutes({ enterprise: legalEnterprise, registers: legalRegisters, quality: createHotlineQualityService({ db, clock, audit, disputes: () => disputes, reconConsultations: () => consultations }), aid: legalAid, hotline: legalHotline, clock }));

  // 矛盾纠纷排查化解 register and 人民调解 (judicial-confirmation window on the deadline register); 社区矫正 (C1–C8).
  const disputes = createDisputeService({ db, clock, audit, people });
  const mediation = createMediationService({ db, clock, audit, people, deadlines, disputes, calendar: () => calendar.current(), reminderWorkingDays: n.reminderWorkingDays });
  await app.register(disputeRoutes({ disputes, mediation, clock }));
  const corrections = createCorrectionsService({ db, clock, audit, people, deadlines, calendar: () => calendar.current(), disputes });
  await app.register(correctionsRoutes({ corrections }));

  // 法治建设工作记录 (培训、学法、述法、督察整改、考核、普法); ruleOfLaw.yearSummary feeds the dashboard and the annual report.
  const ruleOfLaw = createRuleOfLawService({ db, clock, audit });
  await app.register(ruleOfLawRoutes({ ruleOfLaw, clock }));

  // 领导驾驶舱 and 法治政府建设年度报告: figures from each module's own statistics functions; monthly .xlsx snapshots
  // (stored once per month, scanned on the reminder interval; `tsx server/cli.ts stats-snapshot`).
  const dashboard = createDashboardService({ db, clock, deadlines, calendar: () => calendar.current(), horizonWorkingDays: n.reminderWorkingDays, sources: { reconStats, litigation, legality: legalityDrafts, enforcement: enforcementAnalysis, legalAid, hotline: legalHotline, points: legalPoints, enterprise: legalEnterprise, legalRegisters, disputes, corrections, ruleOfLaw } });
  const snapshots = createSnapshotService({ db, clock, audit, dashboard });
  await app.register(dashboardRoutes({ dashboard, reports: createAnnualReportService({ db, clock, audit, dashboard, soffice: config.soffice, ruleOfLaw }), snapshots }));
  if (n.reminderIntervalMinutes > 0) {
    let stopSnapshots = () => {};
    app.addHook('onReady', async () => {
      stopSnapshots = scheduleSnapshots(snapshots, n.reminderIntervalMinutes, (r) => r.created && app.log.info({ snapshot: r.month }, 'monthly statistics snapshot stored'), (err) => app.log.error({ err }, 'monthly statistics snapshot failed'));
    });
    app.addHook('onClose', async () => stopSnapshots());
  }

  await registerWeb(app, config.webDir);
  return { app, routes, services: { audit, auth, admin, calendar, deadlines, people, cipher, clock, reminders, ruleOfLaw, snapshots } };
}

/** The built SPA: static files, and index.html for every other non-API path (client-side routes). */
async function registerWeb(app: FastifyInstance, webDir: string) {
  if (!existsSync(path.join(webDir, 'index.html'))) return;
  await app.register(fastifyStatic, { root: webDir, prefix: '/', wildcard: false, index: false, maxAge: '1h' });
  const sendIndex = (reply: { header: (k: string, v: string) => unknown; sendFile: (f: string) => unknown }) => {
    reply.header('cache-control', 'no-cache');
    return reply.sendFile('index.html');
  };
  // Public: the SPA and its files need no session, and an unknown /api path is a 404 whether signed in or not.
  app.get('/', { config: { public: true }, schema: { hide: true } }, (_req, reply) => sendIndex(reply));
  app.get('/*', { config: { public: true }, schema: { hide: true } }, (req, reply) => {
    const p = req.url.split('?')[0]!;
    if (p.startsWith('/api/')) throw new AppError('ROUTE_NOT_FOUND');
    if (/\.[a-z0-9]+$/i.test(p)) return reply.sendFile(p.slice(1));
    return sendIndex(reply);
  });
}

export type App = Awaited<ReturnType<typeof buildApp>>;
