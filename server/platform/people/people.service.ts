import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { z } from 'zod';
import type { Person, PersonCreateBody, PersonSearchBody } from '../../../common/contracts';
import { AppError } from '../../../common/errors';
import { isValidIdNumber, isValidMobile, maskIdNumber, maskMobile } from '../../../common/validators';
import type { Database, Db } from '../../db';
import type { AuditService } from '../audit';
import type { Clock } from '../clock';
import type { FieldCipher } from '../crypto';
import { type Actor, assertInScope, scopeWhere } from '../identity';
import type { RequestMeta } from '../identity';

/**
 * The register of natural persons (当事人) shared by every module: 身份证号 and 手机号 encrypted with SM4,
 * searchable through an HMAC-SM3 blind index, masked in every response unless revealed (audited).
 */
export interface PeopleService {
  /** Inside the caller's transaction when `trx` is given (a module registering a party with its own record). */
  create(actor: Actor, body: z.infer<typeof PersonCreateBody>, meta: RequestMeta, trx?: Transaction<Database>): Promise<Person>;
  /** Reads inside the caller's transaction when `trx` is given (on SQLite a read on the pool would wait for it). */
  search(actor: Actor, q: z.infer<typeof PersonSearchBody>, trx?: Transaction<Database>): Promise<{ data: Person[]; total: number }>;
  get(actor: Actor, id: string, trx?: Transaction<Database>): Promise<Person>;
  reveal(actor: Actor, id: string, meta: RequestMeta): Promise<{ idNumber: string; mobile: string | null }>;
  /** The person (masked) and the blind index of their 身份证号: the key other modules match parties on, never the number. */
  getWithBlindIndex(actor: Actor, id: string): Promise<{ person: Person; idNumberBidx: string }>;
  /** The blind index of a 身份证号 (for matching before a person is stored). */
  blindIndexOfIdNumber(idNumber: string): string;
}

export function createPeopleService(deps: { db: Db; clock: Clock; audit: AuditService; cipher: FieldCipher }): PeopleService {
  const { db, clock, audit, cipher } = deps;

  const view = (r: Database['people']): Person => ({
    id: r.id,
    name: r.name,
    idNumber: maskIdNumber(cipher.decrypt(r.idNumberEnc)),
    mobile: r.mobileEnc ? maskMobile(cipher.decrypt(r.mobileEnc)) : null,
    departmentId: r.departmentId,
    createdAt: r.createdAt,
  });

  async function load(actor: Actor, id: string, q: Db | Transaction<Database> = db) {
    const r = await q.selectFrom('people').selectAll().where('id', '=', id).executeTakeFirst();
    if (!r) throw new AppError('NOT_FOUND', { entity: 'person', id });
    assertInScope(actor, r.departmentId, r.createdBy);
    return r;
  }

  return {
    async create(actor, body, meta, outer) {
      const idNumber = body.idNumber.toUpperCase();
      if (!isValidIdNumber(idNumber)) throw new AppError('ID_NUMBER_INVALID', { field: 'idNumber' });
      if (body.mobile && !isValidMobile(body.mobile)) throw new AppError('MOBILE_INVALID', { field: 'mobile' });
      const id = randomUUID();
      const row = {
        id,
        name: body.name,
        idNumberEnc: cipher.encrypt(idNumber),
        idNumberBidx: cipher.blindIndex(idNumber),
        mobileEnc: body.mobile ? cipher.encrypt(body.mobile) : null,
        mobileBidx: body.mobile ? cipher.blindIndex(body.mobile) : null,
        departmentId: actor.departmentId,
        createdBy: actor.userId,
        createdAt: clock.nowIso(),
      };
      const write = async (trx: Transaction<Database>) => {
        await trx.insertInto('people').values(row).execute();
        await audit.record({ actor: { id: actor.userId, name: actor.username }, ip: meta.ip, requestId: meta.requestId, action: 'person.create', objectType: 'person', objectId: id, after: { name: body.name, idNumber, mobile: body.mobile ?? null } }, trx);
      };
      if (outer) await write(outer);
      else await db.transaction().execute(write);
      return view(row);
    },

    async search(actor, q, trx) {
      let base = (trx ?? db).selectFrom('people').where((eb) => scopeWhere(eb, actor, 'people.departmentId', 'people.createdBy'));
      if (q.idNumber) base = base.where('idNumberBidx', '=', cipher.blindIndex(q.idNumber));
      if (q.mobile) base = base.where('mobileBidx', '=', cipher.blindIndex(q.mobile));
      if (q.name) base = base.where('name', 'like', `%${q.name}%`);
      const { total } = await base.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
      const rows = await base.selectAll().orderBy('createdAt', 'desc').limit(q.pageSize).offset((q.page - 1) * q.pageSize).execute();
      return { data: rows.map(view), total: Number(total) };
    },

    async get(actor, id, trx) {
      return view(await load(actor, id, trx));
    },

    async getWithBlindIndex(actor, id) {
      const r = await load(actor, id);
      return { person: view(r), idNumberBidx: r.idNumberBidx };
    },

    blindIndexOfIdNumber(idNumber) {
      return cipher.blindIndex(idNumber.trim().toUpperCase());
    },

    async reveal(actor, id, meta) {
      const r = await load(actor, id);
      await audit.record({ actor: { id: actor.userId, name: actor.username }, ip: meta.ip, requestId: meta.requestId, action: 'personal.reveal', objectType: 'person', objectId: id, extra: { fields: ['idNumber', 'mobile'] } });
      return { idNumber: cipher.decrypt(r.idNumberEnc), mobile: r.mobileEnc ? cipher.decrypt(r.mobileEnc) : null };
    },
  };
}
