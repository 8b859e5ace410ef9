/** Local settings of 公共法律服务 (legal_service_settings): defaults from the contracts, edits audited. */
import { DEFAULT_SETTINGS, type LegalServiceSettings } from '../../../common/contracts/legal-services';
import type { Db } from '../../db';
import type { AuditService } from '../../platform/audit';
import type { Clock } from '../../platform/clock';
import type { Actor } from '../../platform/identity';
import './tables';

export async function readSettings(db: Db): Promise<LegalServiceSettings> {
  const rows = await db.selectFrom('legalServiceSettings').select(['key', 'value']).execute();
  const out: Record<string, unknown> = { ...DEFAULT_SETTINGS };
  for (const r of rows) if (r.key in DEFAULT_SETTINGS) out[r.key] = JSON.parse(r.value);
  return out as LegalServiceSettings;
}

export async function writeSettings(deps: { db: Db; clock: Clock; audit: AuditService }, actor: Actor, next: LegalServiceSettings, meta: { ip?: string; requestId?: string }): Promise<LegalServiceSettings> {
  const before = await readSettings(deps.db);
  const now = deps.clock.nowIso();
  await deps.db.transaction().execute(async (trx) => {
    for (const [key, value] of Object.entries(next)) {
      await trx.insertInto('legalServiceSettings').values({ key, value: JSON.stringify(value), updatedBy: actor.userId, updatedAt: now }).onConflict((oc) => oc.column('key').doUpdateSet({ value: JSON.stringify(value), updatedBy: actor.userId, updatedAt: now })).execute();
    }
    await deps.audit.record({ actor: { id: actor.userId, name: actor.displayName }, ip: meta.ip ?? null, requestId: meta.requestId ?? null, action: 'legalService.settings.update', objectType: 'legalServiceSettings', objectId: 'settings', before, after: next }, trx);
  });
  return next;
}
