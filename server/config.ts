import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

/**
 * The only reader of process.env. Parsed once; fails fast with a readable message.
 */
export interface Config {
  env: 'development' | 'production' | 'test';
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | null;
  /** Demo mode: seeds demo data on an empty database and exposes /api/v1/demo/accounts. Never in production. */
  demo: boolean;
  demoPassword: string | null;
  /**
   * A law corpus (one Markdown file per instrument) loaded into the legality-review library when the demo is seeded:
   * FAZHI_LAW_DIR, or ../shared/law beside the checkout when it exists (demo mode, not under NODE_ENV=test); null: none.
   * FAZHI_LAW_DIR= (empty) turns it off. Outside the demo, `tsx server/cli.ts import-law <dir>` loads a library.
   */
  demoLawDir: string | null;
  /** SM4 key (16 bytes) for personal data at rest. */
  sm4Key: Buffer;
  /** HMAC-SM3 key for blind indexes of personal data. */
  blindIndexKey: Buffer;
  cookieSecure: boolean;
  logLevel: string;
  /** maxPerUser: concurrent sessions of one account (等保 2.0: 限制单个账户的多重并发会话); 0 = no limit */
  session: { idleMinutes: number; absoluteHours: number; maxPerUser: number };
  /** a password older than this many days must be changed at the next sign-in; 0 = never */
  passwordMaxAgeDays: number;
  /** Directory of the built web UI (vite build output). */
  webDir: string;
  /** LibreOffice binary for PDF exports (FAZHI_SOFFICE, default `soffice` on PATH). */
  soffice: string;
  /** 行政复议 unified case-number prefix: 西复 → 西复〔2026〕12号. */
  reconCaseNoPrefix: string;
  /** 行政复议文书 number prefix: 西政复 → 西政复〔2026〕12号 (numbered per year). */
  reconDocNoPrefix: string;
  /** The reconsideration organ (行政复议机关) named on the documents: 发文机关 and signature. */
  reconOrganName: string;
  /** The justice bureau itself (区司法局), named on its own documents: 合法性审查意见书 and the enforcement-supervision documents. */
  bureauOrganName: string;
  /** Due-soon and overdue reminders (platform/notify). */
  notify: {
    /** 'log': a structured log line (default); 'sms': HTTP POST to the SMS gateway, signed with HMAC-SM3 */
    channel: 'log' | 'sms';
    smsGatewayUrl: string | null;
    /** signing secret shared with the gateway; never in code, never logged */
    smsGatewaySecret: string | null;
    /** remind of open deadlines due within this many working days (and of overdue ones) */
    reminderWorkingDays: number;
    /** minutes between scans in the server process; 0 = off (the default in tests) */
    reminderIntervalMinutes: number;
  };
  /**
   * Department (by code) that receives 行政复议 applications made on the public portal. Unset: the department whose
   * name contains 行政复议, else the root department.
   */
  reconPortalDepartmentCode: string | null;
  /**
   * 合法性审查: optional language model behind an OpenAI-compatible /v1/chat/completions endpoint (FAZHI_LLM_URL,
   * FAZHI_LLM_MODEL, FAZHI_LLM_KEY). Null: the review engine runs on its rule base and retrieval only. The key is never logged.
   */
  legalityLlm?: { url: string; model: string; key: string | null } | null;
  /** 合法性审查 engine limits that law-rules.md marks UNVERIFIED (validity periods, normative-document review time). */
  legalityLimits?: { validityMaxYears: number; provisionalMaxYears: number; documentReviewMinWorkingDays: number };
  /** 合法性审查: department (by code) that holds registered drafts (FAZHI_LEGALITY_REVIEW_DEPARTMENT). Unset: the department whose name contains 合法性审查, else the registering user's. */
  legalityReviewDepartmentCode?: string | null;
  /** 合法性审查 number prefixes: 审查登记号, 审查意见书, 公布统一编号 per kind, 法律顾问咨询 (FAZHI_LEGALITY_*_NO_PREFIX). */
  legalityNumbering?: { register: string; opinion: string; published: { normativeDocument: string; majorDecision: string; industryPolicy: string }; consultation: string };
  /** Login attempts allowed per client IP per minute (brute-force protection, 等保 2.0 身份鉴别). */
  loginRateLimitPerMinute?: number;
}

const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  FAZHI_DATA_DIR: z.string().default('./data'),
  DATABASE_URL: z.string().url().optional(),
  FAZHI_DEMO: z.enum(['0', '1', 'true', 'false']).optional(),
  FAZHI_LAW_DIR: z.string().trim().max(500).optional(),
  FAZHI_DEMO_PASSWORD: z.string().min(8).optional(),
  FAZHI_SM4_KEY: z.string().regex(/^[0-9a-fA-F]{32}$/, 'FAZHI_SM4_KEY 须为 32 位十六进制（16 字节）').optional(),
  FAZHI_BLIND_INDEX_KEY: z.string().regex(/^[0-9a-fA-F]{64}$/, 'FAZHI_BLIND_INDEX_KEY 须为 64 位十六进制（32 字节）').optional(),
  FAZHI_COOKIE_SECURE: z.enum(['0', '1', 'true', 'false']).optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  FAZHI_SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).max(240).default(30),
  FAZHI_SESSION_ABSOLUTE_HOURS: z.coerce.number().int().min(1).max(24).default(8),
  // concurrent sessions per account; a new sign-in beyond it ends the account's oldest session. Default: 3 in
  // production, no limit otherwise (tests and the demo sign the same account in many times).
  FAZHI_SESSION_MAX_PER_USER: z.coerce.number().int().min(0).max(100).optional(),
  // maximum password age in days (口令定期更换); default 90 in production, never otherwise
  FAZHI_PASSWORD_MAX_AGE_DAYS: z.coerce.number().int().min(0).max(3650).optional(),
  FAZHI_NOTIFY_CHANNEL: z.enum(['log', 'sms']).default('log'),
  FAZHI_SMS_GATEWAY_URL: z.string().url('FAZHI_SMS_GATEWAY_URL 须为 http(s) 地址').optional(),
  FAZHI_SMS_GATEWAY_SECRET: z.string().min(16, 'FAZHI_SMS_GATEWAY_SECRET 至少 16 个字符').optional(),
  FAZHI_REMINDER_WORKING_DAYS: z.coerce.number().int().min(0).max(30).default(3),
  FAZHI_REMINDER_INTERVAL_MINUTES: z.coerce.number().int().min(0).max(1440).optional(),
  FAZHI_RECON_CASE_NO_PREFIX: z.string().trim().min(1).max(10, 'FAZHI_RECON_CASE_NO_PREFIX 最多 10 个字符').default('西复'),
  FAZHI_RECON_DOC_NO_PREFIX: z.string().trim().min(1).max(10, 'FAZHI_RECON_DOC_NO_PREFIX 最多 10 个字符').default('西政复'),
  FAZHI_RECON_ORGAN_NAME: z.string().trim().min(2).max(50, 'FAZHI_RECON_ORGAN_NAME 最多 50 个字符').default('北京市西城区人民政府'),
  FAZHI_BUREAU_ORGAN_NAME: z.string().trim().min(2).max(50, 'FAZHI_BUREAU_ORGAN_NAME 最多 50 个字符').default('北京市西城区司法局'),
  FAZHI_RECON_PORTAL_DEPARTMENT: z.string().trim().min(1).max(64).optional(),
  FAZHI_LLM_URL: z.string().url('FAZHI_LLM_URL 须为 http(s) 地址').optional(),
  FAZHI_LLM_MODEL: z.string().trim().min(1).max(100).optional(),
  FAZHI_LLM_KEY: z.string().min(1).max(500).optional(),
  FAZHI_LEGALITY_VALIDITY_YEARS: z.coerce.number().int().min(1).max(20).default(5),
  FAZHI_LEGALITY_PROVISIONAL_YEARS: z.coerce.number().int().min(1).max(10).default(2),
  FAZHI_LEGALITY_DOC_REVIEW_DAYS: z.coerce.number().int().min(1).max(30).default(5),
  FAZHI_LEGALITY_REVIEW_DEPARTMENT: z.string().trim().min(1).max(64).optional(),
  FAZHI_LEGALITY_REGISTER_NO_PREFIX: z.string().trim().min(1).max(10, 'FAZHI_LEGALITY_REGISTER_NO_PREFIX 最多 10 个字符').default('西合审'),
  FAZHI_LEGALITY_OPINION_NO_PREFIX: z.string().trim().min(1).max(10, 'FAZHI_LEGALITY_OPINION_NO_PREFIX 最多 10 个字符').default('西司审'),
  FAZHI_LEGALITY_DOC_NO_PREFIX: z.string().trim().min(1).max(10, 'FAZHI_LEGALITY_DOC_NO_PREFIX 最多 10 个字符').default('西规'),
  FAZHI_LEGALITY_DECISION_NO_PREFIX: z.string().trim().min(1).max(10, 'FAZHI_LEGALITY_DECISION_NO_PREFIX 最多 10 个字符').default('西决'),
  FAZHI_LEGALITY_POLICY_NO_PREFIX: z.string().trim().min(1).max(10, 'FAZHI_LEGALITY_POLICY_NO_PREFIX 最多 10 个字符').default('西产规'),
  FAZHI_LEGALITY_CONSULT_NO_PREFIX: z.string().trim().min(1).max(10, 'FAZHI_LEGALITY_CONSULT_NO_PREFIX 最多 10 个字符').default('西法顾'),
  FAZHI_LOGIN_RATE_LIMIT: z.coerce.number().int().min(1).max(10000).default(10),
  FAZHI_SOFFICE: z.string().trim().min(1).max(500).default('soffice'),
});

export class ConfigError extends Error {}

const truthy = (v: string | undefined) => v === '1' || v === 'true';

/**
 * Outside production, missing keys are generated once and kept in <dataDir>/dev-keys.json (mode 0600) so that
 * a fresh machine runs with one command. Production refuses to start without keys from the environment.
 */
function devKeys(dataDir: string): { sm4: string; blind: string } {
  const file = path.join(dataDir, 'dev-keys.json');
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as { sm4: string; blind: string };
  mkdirSync(dataDir, { recursive: true });
  const keys = { sm4: randomBytes(16).toString('hex'), blind: randomBytes(32).toString('hex') };
  writeFileSync(file, JSON.stringify(keys), { mode: 0o600 });
  return keys;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<Config> = {}): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`配置错误 (configuration error):\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const production = e.NODE_ENV === 'production';
  const dataDir = path.resolve(e.FAZHI_DATA_DIR);
  let sm4 = e.FAZHI_SM4_KEY;
  let blind = e.FAZHI_BLIND_INDEX_KEY;
  if (!sm4 || !blind) {
    if (production) {
      throw new ConfigError(
        '生产环境必须通过环境变量 FAZHI_SM4_KEY（32 位十六进制）和 FAZHI_BLIND_INDEX_KEY（64 位十六进制）提供个人信息加密密钥，拒绝启动。',
      );
    }
    const k = devKeys(dataDir);
    sm4 ??= k.sm4;
    blind ??= k.blind;
  }
  if (e.FAZHI_NOTIFY_CHANNEL === 'sms' && (!e.FAZHI_SMS_GATEWAY_URL || !e.FAZHI_SMS_GATEWAY_SECRET)) {
    throw new ConfigError('配置错误 (configuration error):\n  FAZHI_NOTIFY_CHANNEL=sms 须同时设置 FAZHI_SMS_GATEWAY_URL 和 FAZHI_SMS_GATEWAY_SECRET');
  }
  const demoRequested = e.FAZHI_DEMO === undefined ? true : truthy(e.FAZHI_DEMO);
  const sharedLaw = path.resolve('../shared/law');
  const demoLawDir = e.FAZHI_LAW_DIR !== undefined ? (e.FAZHI_LAW_DIR ? path.resolve(e.FAZHI_LAW_DIR) : null) : e.NODE_ENV !== 'test' && existsSync(sharedLaw) ? sharedLaw : null;
  return {
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    dataDir,
    databaseUrl: e.DATABASE_URL ?? null,
    demo: !production && demoRequested,
    demoPassword: e.FAZHI_DEMO_PASSWORD ?? null,
    demoLawDir,
    sm4Key: Buffer.from(sm4, 'hex'),
    blindIndexKey: Buffer.from(blind, 'hex'),
    cookieSecure: e.FAZHI_COOKIE_SECURE === undefined ? production : truthy(e.FAZHI_COOKIE_SECURE),
    logLevel: e.LOG_LEVEL,
    session: { idleMinutes: e.FAZHI_SESSION_IDLE_MINUTES, absoluteHours: e.FAZHI_SESSION_ABSOLUTE_HOURS, maxPerUser: e.FAZHI_SESSION_MAX_PER_USER ?? (production ? 3 : 0) },
    passwordMaxAgeDays: e.FAZHI_PASSWORD_MAX_AGE_DAYS ?? (production ? 90 : 0),
    webDir: path.resolve('dist/web'),
    soffice: e.FAZHI_SOFFICE,
    reconCaseNoPrefix: e.FAZHI_RECON_CASE_NO_PREFIX,
    reconDocNoPrefix: e.FAZHI_RECON_DOC_NO_PREFIX,
    reconOrganName: e.FAZHI_RECON_ORGAN_NAME,
    bureauOrganName: e.FAZHI_BUREAU_ORGAN_NAME,
    notify: {
      channel: e.FAZHI_NOTIFY_CHANNEL,
      smsGatewayUrl: e.FAZHI_SMS_GATEWAY_URL ?? null,
      smsGatewaySecret: e.FAZHI_SMS_GATEWAY_SECRET ?? null,
      reminderWorkingDays: e.FAZHI_REMINDER_WORKING_DAYS,
      reminderIntervalMinutes: e.FAZHI_REMINDER_INTERVAL_MINUTES ?? (e.NODE_ENV === 'test' ? 0 : 60),
    },
    reconPortalDepartmentCode: e.FAZHI_RECON_PORTAL_DEPARTMENT ?? null,
    legalityLlm: e.FAZHI_LLM_URL ? { url: e.FAZHI_LLM_URL, model: e.FAZHI_LLM_MODEL ?? 'qwen', key: e.FAZHI_LLM_KEY ?? null } : null,
    legalityLimits: { validityMaxYears: e.FAZHI_LEGALITY_VALIDITY_YEARS, provisionalMaxYears: e.FAZHI_LEGALITY_PROVISIONAL_YEARS, documentReviewMinWorkingDays: e.FAZHI_LEGALITY_DOC_REVIEW_DAYS },
    legalityReviewDepartmentCode: e.FAZHI_LEGALITY_REVIEW_DEPARTMENT ?? null,
    legalityNumbering: {
      register: e.FAZHI_LEGALITY_REGISTER_NO_PREFIX,
      opinion: e.FAZHI_LEGALITY_OPINION_NO_PREFIX,
      published: { normativeDocument: e.FAZHI_LEGALITY_DOC_NO_PREFIX, majorDecision: e.FAZHI_LEGALITY_DECISION_NO_PREFIX, industryPolicy: e.FAZHI_LEGALITY_POLICY_NO_PREFIX },
      consultation: e.FAZHI_LEGALITY_CONSULT_NO_PREFIX,
    },
    loginRateLimitPerMinute: e.FAZHI_LOGIN_RATE_LIMIT,
    ...overrides,
  };
}
