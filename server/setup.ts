import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { OFFICIAL_SCHEDULES } from '../common/calendar';
import type { Config } from './config';
import { type DbHandle, migrateToLatest } from './db';
import { ensureBootstrap } from './db/seeds/bootstrap';
import { type DemoAccount, generateDemoPassword, seedDemo } from './db/seeds/demo';
import { seedEnforcementSupervisionDemo } from './db/seeds/demo-enforcement-supervision';
import type { App } from './app';
import { hashPassword } from './platform/identity';

export interface SetupResult {
  migrations: string[];
  demoSeeded: boolean;
  demoAccounts: DemoAccount[];
  /** Printed once at first start; never stored or logged. */
  generatedPassword: string | null;
  bootstrapAdmins: { username: string; password: string }[];
  /** The demo's law library, when one was loaded (config.demoLawDir). */
  lawImported?: { instruments: number; articles: number };
}

/** Migrate, then on first start: official calendar, root department, built-in roles, and demo data or the three admins. */
export async function setupDatabase(handle: DbHandle, config: Config, services: App['services']): Promise<SetupResult> {
  const { db } = handle;
  const migrations = await migrateToLatest(db);
  const nowIso = services.clock.nowIso();
  const { rootId } = await ensureBootstrap(db, nowIso);
  await services.calendar.seedOfficial(OFFICIAL_SCHEDULES);
  const result: SetupResult = { migrations, demoSeeded: false, demoAccounts: [], generatedPassword: null, bootstrapAdmins: [] };
  const anyUser = await db.selectFrom('users').select('id').limit(1).executeTakeFirst();
  if (anyUser) return result;

  if (config.demo) {
    const password = config.demoPassword ?? generateDemoPassword();
    result.generatedPassword = config.demoPassword ? null : password;
    const calendar = await services.calendar.current();
    // One transaction: a failure leaves an empty database, and the next start seeds again.
    result.demoAccounts = await db.transaction().execute((trx) =>
      seedDemo({ db: trx, rootId, password, cipher: services.cipher, calendar, today: services.clock.today(), nowIso, reconCaseNoPrefix: config.reconCaseNoPrefix, history: config.env !== 'test' }),
    );
    result.demoSeeded = true;
    // The supervision workflow goes through its service (own transactions), after the rows it works on exist.
    if (config.env !== 'test') await seedEnforcementSupervisionDemo(handle, services);
    // The legality-review law library, so that cited articles show their text (a few seconds for ../shared/law).
    if (config.demoLawDir && existsSync(config.demoLawDir)) {
      const { importLawDir } = await import('./modules/legality-review/engine');
      const rep = await importLawDir(db, services.audit, config.demoLawDir, 'demo', nowIso);
      result.lawImported = { instruments: rep.instruments, articles: rep.articles };
    }
    return result;
  }

  // Production first start: the three separated administrators, each with a one-time password to change at first login.
  const roles = await db.selectFrom('roles').select(['id', 'code']).where('code', 'in', ['sysadmin', 'secadmin', 'auditadmin']).execute();
  for (const r of roles) {
    const password = `Fz-${randomBytes(12).toString('base64url')}7`;
    const id = randomUUID();
    await db.transaction().execute(async (trx) => {
      await trx
        .insertInto('users')
        .values({ id, username: r.code, displayName: r.code, departmentId: rootId, passwordHash: await hashPassword(password), passwordChangedAt: null, mustChangePassword: 1, failedAttempts: 0, lockedUntil: null, status: 'active', idNumberEnc: null, idNumberBidx: null, mobileEnc: null, mobileBidx: null, isDemo: 0, createdAt: nowIso, updatedAt: nowIso, version: 1 })
        .execute();
      await trx.insertInto('userRoles').values({ userId: id, roleId: r.id }).execute();
    });
    result.bootstrapAdmins.push({ username: r.code, password });
  }
  return result;
}
