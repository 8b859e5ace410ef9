// Test fixture (imported by the legal-services suites only): the demo legal-services data (staff accounts
// flyz.staff / flyz.head in 法律援助中心, lawyers, service points, institutions, enterprise records) seeded into a
// test app, as the first start of the demo does.
import { seedLegalServicesDemo } from '../../db/seeds/demo-legal-services';
import { hashPassword } from '../../platform/identity';
import { DEMO_PASSWORD, type TestApp } from '../../test/harness';

export async function seedLegalServicesFixture(t: TestApp): Promise<void> {
  const db = t.handle.db;
  const roles = new Map((await db.selectFrom('roles').select(['id', 'code']).execute()).map((r) => [r.code, r.id]));
  const fyzx = await db.selectFrom('departments').select(['id', 'path']).where('code', '=', 'FYZX').executeTakeFirstOrThrow();
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await db.transaction().execute(async (trx) =>
    seedLegalServicesDemo({ db: trx, calendar: await t.services.calendar.current(), today: t.clock.today(), nowIso: t.clock.nowIso(), passwordHash, cipher: t.services.cipher, roleIds: { sectionHead: roles.get('sectionHead')!, staff: roles.get('legalServiceStaff')! }, departmentId: fyzx.id, rootPath: fyzx.path }),
  );
}
