/**
 * 公共法律服务点 directory (centres, stations, workrooms with coordinates, hours, services) and the 15-minute service
 * circle: for every 社区 of the district, the walking distance and time to the nearest point offering a service —
 * haversine distance × a detour factor at a walking speed (both local settings, stated in the UI and the response) —
 * and the list of 社区 outside the threshold. The public "find the nearest point" query uses the same computation.
 */
import { randomUUID } from 'node:crypto';
import { COVERAGE_METHOD, type Coverage, type CoverageRow, type NearestResult, type PointService, type ServicePoint } from '../../../common/contracts/legal-services';
import { AppError } from '../../../common/errors';
import type { Db } from '../../db';
import type { AuditService } from '../../platform/audit';
import type { Clock } from '../../platform/clock';
import type { Actor } from '../../platform/identity';
import { nearest, round1, walk } from './rules';
import { readSettings } from './settings';
import type { Meta } from './legal-aid.service';
import './tables';

export interface PointsService {
  list(q: { service?: PointService | undefined; activeOnly?: boolean }): Promise<{ data: ServicePoint[]; total: number }>;
  create(actor: Actor, body: Omit<ServicePoint, 'id' | 'code' | 'active'>, meta: Meta): Promise<ServicePoint>;
  communities(): Promise<{ data: { code: string; name: string; street: string; lat: number; lng: number }[]; total: number }>;
  coverage(q: { service: PointService; speed?: number | undefined; detour?: number | undefined; threshold?: number | undefined }): Promise<Coverage>;
  nearest(q: { community?: string | undefined; lat?: number | undefined; lng?: number | undefined; service?: PointService | undefined; limit: number }): Promise<NearestResult>;
  publicCommunities(): Promise<{ streets: { street: string; communities: { code: string; name: string }[] }[] }>;
}

export function createPointsService(deps: { db: Db; clock: Clock; audit: AuditService }): PointsService {
  const { db, clock, audit } = deps;

  const toPoint = (r: { id: string; code: string; name: string; kind: string; street: string; community: string | null; address: string; lat: number; lng: number; hours: string; phone: string | null; services: string; active: number }): ServicePoint => ({
    id: r.id, code: r.code, name: r.name, kind: r.kind as ServicePoint['kind'], street: r.street, community: r.community, address: r.address, lat: Number(r.lat), lng: Number(r.lng), hours: r.hours, phone: r.phone, services: JSON.parse(r.services) as PointService[], active: !!r.active,
  });

  async function points(service?: PointService, activeOnly = true) {
    const rows = await db.selectFrom('legalServicePoints').selectAll().orderBy('code').execute();
    return rows.map(toPoint).filter((p) => (!activeOnly || p.active) && (!service || p.services.includes(service)));
  }

  async function params(q: { speed?: number | undefined; detour?: number | undefined; threshold?: number | undefined }) {
    const s = await readSettings(db);
    return { speed: q.speed ?? s.walkSpeedMPerMin, detour: q.detour ?? s.detourFactor, threshold: q.threshold ?? s.thresholdMinutes };
  }

  return {
    async list(q) {
      const data = await points(q.service, q.activeOnly ?? false);
      return { data, total: data.length };
    },

    async create(actor, body, meta) {
      const id = randomUUID();
      const now = clock.nowIso();
      await db.transaction().execute(async (trx) => {
        const n = await trx.selectFrom('legalServicePoints').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
        const code = `GF-${body.kind.toUpperCase().slice(0, 2)}-${String(Number(n.n) + 1).padStart(4, '0')}`;
        await trx.insertInto('legalServicePoints').values({ id, code, name: body.name, kind: body.kind, street: body.street, community: body.community, address: body.address, lat: body.lat, lng: body.lng, hours: body.hours, phone: body.phone, services: JSON.stringify(body.services), active: 1, createdAt: now, updatedAt: now }).execute();
        await audit.record({ actor: { id: actor.userId, name: actor.displayName }, ip: meta.ip ?? null, requestId: meta.requestId ?? null, action: 'legalService.point.create', objectType: 'legalServicePoint', objectId: id, after: { code, name: body.name, kind: body.kind, services: body.services } }, trx);
      });
      const row = await db.selectFrom('legalServicePoints').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
      return toPoint(row);
    },

    async communities() {
      const rows = await db.selectFrom('legalServiceCommunities').selectAll().orderBy('code').execute();
      return { data: rows.map((r) => ({ ...r, lat: Number(r.lat), lng: Number(r.lng) })), total: rows.length };
    },

    async coverage(q) {
      const { speed, detour, threshold } = await params(q);
      const pts = await points(q.service);
      const comms = (await this.communities()).data;
      const rows: CoverageRow[] = comms.map((c) => {
        const n = nearest(c, pts, speed, detour);
        return {
          communityCode: c.code, communityName: c.name, street: c.street, nearestPointId: n?.point.id ?? null, nearestPointName: n?.point.name ?? null,
          straightMetres: n ? Math.round(n.straight) : null, walkMetres: n ? Math.round(n.metres) : null, walkMinutes: n ? round1(n.minutes) : null, within: !!n && n.minutes <= threshold,
        };
      });
      const streets = [...new Set(comms.map((c) => c.street))];
      const covered = rows.filter((r) => r.within).length;
      return {
        service: q.service, speedMPerMin: speed, detourFactor: detour, thresholdMinutes: threshold, method: COVERAGE_METHOD(speed, detour, threshold), communities: rows.length, covered, rate: rows.length ? Math.round((covered / rows.length) * 1000) / 10 : 0,
        rows, outside: rows.filter((r) => !r.within).sort((a, b) => (b.walkMinutes ?? Infinity) - (a.walkMinutes ?? Infinity)),
        byStreet: streets.map((s) => ({ street: s, communities: rows.filter((r) => r.street === s).length, covered: rows.filter((r) => r.street === s && r.within).length })),
      };
    },

    async nearest(q) {
      const { speed, detour, threshold } = await params({});
      let origin: { lat: number; lng: number; label: string };
      if (q.community) {
        const c = await db.selectFrom('legalServiceCommunities').selectAll().where('code', '=', q.community).executeTakeFirst();
        if (!c) throw new AppError('NOT_FOUND', { entity: 'community', code: q.community });
        origin = { lat: Number(c.lat), lng: Number(c.lng), label: `${c.street}街道${c.name}` };
      } else origin = { lat: q.lat!, lng: q.lng!, label: '您的位置' };
      const pts = await points(q.service);
      const data = pts
        .map((p) => ({ p, w: walk(origin, p, speed, detour) }))
        .sort((a, b) => a.w.metres - b.w.metres || a.p.code.localeCompare(b.p.code))
        .slice(0, q.limit)
        .map(({ p, w }) => {
          const { active: _active, ...rest } = p;
          return { ...rest, walkMetres: Math.round(w.metres), walkMinutes: round1(w.minutes), within: w.minutes <= threshold };
        });
      return { origin, speedMPerMin: speed, detourFactor: detour, thresholdMinutes: threshold, method: COVERAGE_METHOD(speed, detour, threshold), data };
    },

    async publicCommunities() {
      const rows = await db.selectFrom('legalServiceCommunities').select(['code', 'name', 'street']).orderBy('code').execute();
      const streets = [...new Set(rows.map((r) => r.street))];
      return { streets: streets.map((s) => ({ street: s, communities: rows.filter((r) => r.street === s).map((r) => ({ code: r.code, name: r.name })) })) };
    },
  };
}
