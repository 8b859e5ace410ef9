import type { Transaction } from 'kysely';
import type { Database } from '../../db';
import './tables';

/** Next number of a kind in a year (unique per kind and year, inside the caller's transaction). */
export async function nextSeq(trx: Transaction<Database>, kind: string, year: number): Promise<number> {
  await trx.insertInto('legalServiceCounters').values({ kind, year, lastSeq: 0 }).onConflict((oc) => oc.columns(['kind', 'year']).doNothing()).execute();
  const row = await trx.updateTable('legalServiceCounters').set((eb) => ({ lastSeq: eb('lastSeq', '+', 1) })).where('kind', '=', kind).where('year', '=', year).returning('lastSeq').executeTakeFirstOrThrow();
  return Number(row.lastSeq);
}
