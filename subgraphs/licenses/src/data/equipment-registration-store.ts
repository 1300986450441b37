import { anyOfKeys, insertRows, preparedPerDatabase } from '@credit-hub/db';
import { asc, eq } from 'drizzle-orm';
import type { LicensesDb } from '../db/client.ts';
import { type EquipmentRegistrationRow, equipmentRegistrations, type NewEquipmentRegistration } from '../db/schema.ts';

const getEquipmentRegistrationsByUserStatement = preparedPerDatabase((db: LicensesDb) =>
  db
    .select()
    .from(equipmentRegistrations)
    .where(anyOfKeys(equipmentRegistrations.userUscc))
    .orderBy(asc(equipmentRegistrations.userUscc), asc(equipmentRegistrations.registeredOn), asc(equipmentRegistrations.registrationCode))
    .prepare('get_equipment_registrations_by_user'),
);

export function getEquipmentRegistrationsByUser(db: LicensesDb, usccs: readonly string[]): Promise<EquipmentRegistrationRow[]> {
  return getEquipmentRegistrationsByUserStatement(db).execute({ keys: [...usccs] });
}

const getEquipmentRegistrationsByCodeStatement = preparedPerDatabase((db: LicensesDb) =>
  db
    .select()
    .from(equipmentRegistrations)
    .where(anyOfKeys(equipmentRegistrations.registrationCode))
    .prepare('get_equipment_registrations_by_code'),
);

export function getEquipmentRegistrationsByCode(db: LicensesDb, codes: readonly string[]): Promise<EquipmentRegistrationRow[]> {
  return getEquipmentRegistrationsByCodeStatement(db).execute({ keys: [...codes] });
}

/**
 * Inserts registrations in one statement (one from the form, a batch from an import), skipping
 * those whose registration code is stored already (or taken by an earlier row of the batch).
 * Answers the rows inserted.
 */
export function insertEquipmentRegistrations(
  db: LicensesDb,
  registrations: NewEquipmentRegistration[],
): Promise<EquipmentRegistrationRow[]> {
  return insertRows(db, equipmentRegistrations, registrations, { onConflictDoNothing: true });
}

/**
 * Changes a registration with its row locked; `decide` may throw to reject, and then nothing is
 * written. Null when no registration has that code.
 */
export async function changeEquipmentRegistration(
  db: LicensesDb,
  registrationCode: string,
  decide: (current: EquipmentRegistrationRow) => Partial<NewEquipmentRegistration>,
): Promise<EquipmentRegistrationRow | null> {
  return db.transaction(async (tx) => {
    const [current] = await tx
      .select()
      .from(equipmentRegistrations)
      .where(eq(equipmentRegistrations.registrationCode, registrationCode))
      .for('update');
    if (!current) return null;
    const [updated] = await tx
      .update(equipmentRegistrations)
      .set({ ...decide(current), updatedAt: new Date() })
      .where(eq(equipmentRegistrations.registrationCode, registrationCode))
      .returning();
    return updated ?? null;
  });
}
