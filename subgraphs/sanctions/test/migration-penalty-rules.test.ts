import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { testDatabaseKinds } from '@credit-hub/db';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertPenalty } from '../src/data/penalty-store.ts';
import { MIGRATIONS_FOLDER, openSanctionsTestDatabase, type SanctionsDatabase } from '../src/db/client.ts';
import { penalties } from '../src/db/schema.ts';
import { DEFAULT_RULE_BOOK, penaltyPublicUntil } from '../src/rules/index.ts';

/** The data step of 0001_penalty_rules: fines published 3 months under the old single threshold. */
const conversion = readFileSync(join(MIGRATIONS_FOLDER, '0001_penalty_rules.sql'), 'utf8').split('--> statement-breakpoint').at(-1) ?? '';

describe.each(testDatabaseKinds())('migration 0001_penalty_rules re-dates old lower fines (%s)', (kind) => {
  let database: SanctionsDatabase;
  beforeAll(async () => {
    database = await openSanctionsTestDatabase(kind);
  });
  afterAll(() => database?.close());

  it('gives every old 3-month fine the period the corrected rules give it, and leaves the rest alone', async () => {
    const old = [
      // [region, types, fine, old public_until (3 months or 3 years from 2024-11-30)]
      ['140802', ['FINE'], '8000.00', '2025-02-28'],
      ['350102', ['FINE'], '8000.00', '2025-02-28'],
      ['350102', ['CIRCULATED_CRITICISM'], null, '2025-02-28'],
      ['140802', ['CIRCULATED_CRITICISM', 'FINE'], '10000.00', '2025-02-28'],
      ['140802', ['FINE', 'CONFISCATE_ILLEGAL_GAINS'], '2000.00', '2027-11-30'],
    ] as const;
    const ids: number[] = [];
    for (const [index, [regionCode, penaltyTypes, fineAmount, publicUntil]] of old.entries()) {
      const row = await insertPenalty(database.db, {
        uscc: '91140800MA0K00000X',
        regionCode,
        department: 'ZFJC',
        recordedBy: 'test',
        decisionNumber: `晋市监处罚〔2024〕${900 + index}号`,
        violationType: 'x',
        factsSummary: 'x',
        legalBasis: 'x',
        penaltyTypes: [...penaltyTypes],
        fineAmount,
        decidedOn: '2024-11-28',
        authority: 'x',
        caseDomain: 'OTHER',
        publishedOn: '2024-11-30',
        publicUntil,
      });
      if (!row) throw new Error('not inserted');
      ids.push(row.id);
    }
    await database.db.execute(sql.raw(conversion));
    const rows = await database.db.select({ id: penalties.id, publicUntil: penalties.publicUntil }).from(penalties);
    const until = new Map(rows.map((row) => [row.id, row.publicUntil]));
    expect(ids.map((id) => until.get(id))).toEqual(['2027-11-30', '2025-02-28', '2025-02-28', '2027-11-30', '2027-11-30']);
    for (const [index, [regionCode, penaltyTypes, fineAmount]] of old.entries()) {
      const facts = {
        penaltyTypes,
        fineAmount,
        decidedOn: '2024-11-28',
        regionCode,
        procedure: 'ORDINARY' as const,
        partyType: 'ORGANISATION' as const,
        restrictionMonths: null,
        withheldReason: null,
      };
      expect(until.get(ids[index] ?? 0), `row ${index}`).toBe(penaltyPublicUntil(facts, '2024-11-30', DEFAULT_RULE_BOOK));
    }
  });
});
