import { asc, desc, eq } from 'drizzle-orm';
import type { Actor } from '../../../platform/authz/actor.ts';
import type { Db } from '../../../platform/db/connect.ts';
import { sessionName } from '../resources/simple.ts';
import { chineseNumber } from '../resources/simple.ts';
import {
  handlerUnits,
  participatingUnits,
  plenarySessions,
  sectors,
  specialCommittees,
  supervisionOffices,
  terms,
} from '../schema.ts';

type Option = { id: string; name: string };

/** Short id/name lists of the actor's committee for dropdowns; no contact details, nothing scoped. */
export async function orgOptions(db: Db, actor: Actor): Promise<Record<string, Option[]>> {
  const c = actor.committeeId;
  const [t, s, sec, pu, sc, hu, so] = await Promise.all([
    db.select().from(terms).where(eq(terms.committeeId, c)).orderBy(desc(terms.termNo)),
    db
      .select()
      .from(plenarySessions)
      .where(eq(plenarySessions.committeeId, c))
      .orderBy(desc(plenarySessions.openDate)),
    db
      .select({ id: sectors.id, name: sectors.name })
      .from(sectors)
      .where(eq(sectors.committeeId, c))
      .orderBy(asc(sectors.sortOrder)),
    db
      .select({ id: participatingUnits.id, name: participatingUnits.name })
      .from(participatingUnits)
      .where(eq(participatingUnits.committeeId, c))
      .orderBy(asc(participatingUnits.sortOrder)),
    db
      .select({ id: specialCommittees.id, name: specialCommittees.name })
      .from(specialCommittees)
      .where(eq(specialCommittees.committeeId, c))
      .orderBy(asc(specialCommittees.sortOrder)),
    db
      .select({ id: handlerUnits.id, name: handlerUnits.name })
      .from(handlerUnits)
      .where(eq(handlerUnits.committeeId, c))
      .orderBy(asc(handlerUnits.name)),
    db
      .select({ id: supervisionOffices.id, name: supervisionOffices.name })
      .from(supervisionOffices)
      .where(eq(supervisionOffices.committeeId, c)),
  ]);
  const termNo = new Map(t.map((x) => [x.id, x.termNo]));
  return {
    terms: t.map((x) => ({ id: x.id, name: `第${chineseNumber(x.termNo)}届` })),
    sessions: s.map((x) => ({ id: x.id, name: sessionName(termNo.get(x.termId) ?? 0, x.sessionNo) })),
    sectors: sec,
    participatingUnits: pu,
    specialCommittees: sc,
    handlerUnits: hu,
    supervisionOffices: so,
  };
}
