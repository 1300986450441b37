import { badUserInput } from './errors.ts';

/** Largest PostgreSQL `integer`: record ids are `serial` columns. */
export const MAX_RECORD_ID = 2_147_483_647;

/**
 * Parses an `ID` argument that names a numbered record, or throws BAD_USER_INPUT naming `field`:
 * `Number("abc")` would otherwise reach the database as NaN, and 1e12 overflow its column.
 */
export function requireNumericId(value: string | number, field: string): number {
  const text = String(value);
  const id = /^[1-9]\d{0,9}$/.test(text) ? Number(text) : Number.NaN;
  if (!(id >= 1 && id <= MAX_RECORD_ID)) {
    throw badUserInput(`${field}: not a record id (a whole number from 1 to ${MAX_RECORD_ID}) (编号无效)`, {
      field,
      reason: 'INVALID_ID',
    });
  }
  return id;
}
