import { testDatabaseKinds } from '@credit-hub/db';
import { generateEnterprises } from '@credit-hub/seed';
import { bulkRecords } from '@credit-hub/subgraph-kit';
import { earliestStartStillRunning, latestStartElapsedBy } from '@credit-hub/workdays';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getAbnormalOperationsByUscc, getAbnormalOperationsDueForEscalation } from '../src/data/abnormal-operation-store.ts';
import { getCreditRepairsByUscc, getPendingCreditRepairs } from '../src/data/credit-repair-store.ts';
import { publicPenalty } from '../src/data/outbox-events.ts';
import { readPublicPenaltyPage } from '../src/data/penalty-bulk-store.ts';
import { getPenaltiesByUscc, searchPenalties } from '../src/data/penalty-store.ts';
import { getSeriousViolationsByUscc, searchSeriousViolations } from '../src/data/serious-violation-store.ts';
import { changePenalty } from '../src/data/transitions.ts';
import { openSanctionsTestDatabase, type SanctionsTestDatabase } from '../src/db/client.ts';
import { penalties } from '../src/db/schema.ts';
import { DEFAULT_RULE_BOOK, isDueForEscalation, penaltyPublication, repairEligibility, seriousPublication } from '../src/rules/index.ts';
import { sanctionsFor } from '../src/seed/records.ts';
import { seedSanctions } from '../src/seed.ts';

const REFERENCE_DATE = '2025-01-15';
const TOTAL = 400;
const enterprises = [...generateEnterprises(TOTAL, { referenceDate: REFERENCE_DATE })];
const usccs = enterprises.map((e) => e.uscc);

describe.each(testDatabaseKinds())('seeded sanctions and their stores (%s)', (kind) => {
  let database: SanctionsTestDatabase;

  beforeAll(async () => {
    database = await openSanctionsTestDatabase(kind);
    await seedSanctions(database.db, TOTAL, { referenceDate: REFERENCE_DATE });
  });
  afterAll(() => database?.close());

  it('derives the same records for an enterprise whatever the population size', () => {
    const enterprise = enterprises[57];
    if (!enterprise) throw new Error('no enterprise');
    expect(sanctionsFor(enterprise, { referenceDate: REFERENCE_DATE })).toEqual(
      sanctionsFor(enterprise, { referenceDate: REFERENCE_DATE }),
    );
  });

  it('seeds nothing dated after the reference day and only repairs the rules allow', async () => {
    const penalties = await getPenaltiesByUscc(database.db, usccs);
    const repairs = await getCreditRepairsByUscc(database.db, usccs);
    expect(penalties.length).toBeGreaterThan(20);
    for (const p of penalties) {
      for (const date of [p.decidedOn, p.publishedOn, p.stateChangedOn, p.repairedOn]) if (date) expect(date <= REFERENCE_DATE).toBe(true);
      if (p.publishedOn) expect(p.publishedOn >= p.decidedOn).toBe(true);
    }
    const byId = new Map(penalties.map((p) => [p.id, p]));
    const approvedPenaltyRepairs = repairs.filter((r) => r.targetKind === 'PENALTY' && r.status === 'APPROVED');
    expect(approvedPenaltyRepairs.length).toBeGreaterThan(0);
    for (const repair of approvedPenaltyRepairs) {
      const target = byId.get(repair.targetId);
      if (!target || !repair.decidedOn) throw new Error(`dangling repair ${repair.id}`);
      const before = { ...target, state: 'IN_FORCE' as const, repairedOn: null };
      const eligibility = repairEligibility(
        { kind: 'PENALTY', ...before },
        { today: repair.decidedOn, obligationsFulfilled: true },
        DEFAULT_RULE_BOOK,
      );
      expect(eligibility.reasons, target.decisionNumber).toEqual([]);
    }
  });

  it('gives every seeded decision number the official format, unique', async () => {
    const penalties = await getPenaltiesByUscc(database.db, usccs);
    const numbers = penalties.map((p) => p.decisionNumber);
    expect(new Set(numbers).size).toBe(numbers.length);
    for (const number of numbers) expect(number).toMatch(/^(（[^）]+）)?[\u4e00-\u9fff]+市监处罚〔\d{4}〕[1-9]\d*号$/);
  });

  it('returns in SQL exactly the penalties the pure publication rule shows the public', async () => {
    const all = await getPenaltiesByUscc(database.db, usccs);
    const expected = all.filter((p) => penaltyPublication(p, p.publicUntil, REFERENCE_DATE).visibleToPublic).map((p) => p.id);
    const found = await searchPenalties(database.db, {}, { kind: 'public' }, { today: REFERENCE_DATE, limit: 10_000 });
    expect(found.map((p) => p.id).sort((a, b) => a - b)).toEqual(expected.sort((a, b) => a - b));
    const hidden = all.filter((p) => !expected.includes(p.id));
    expect(hidden.length).toBeGreaterThan(0);
  });

  it('serves on the bulk route exactly the feed payload of each public penalty, ID number masked, page by page', async () => {
    const all = await getPenaltiesByUscc(database.db, usccs);
    const shown = all
      .filter((p) => penaltyPublication(p, p.publicUntil, REFERENCE_DATE).visibleToPublic)
      .sort((a, b) => (a.decisionNumber < b.decisionNumber ? -1 : 1));
    const person = shown[3];
    if (!person) throw new Error('too few public penalties');
    // A natural person's ID number is masked on the bulk page as on the feed.
    await database.db
      .update(penalties)
      .set({ partyType: 'NATURAL_PERSON', partyIdNumber: '350102199001011234' })
      .where(eq(penalties.id, person.id));
    const [updated] = await database.db.select().from(penalties).where(eq(penalties.id, person.id));
    const expected = shown.map((p) => publicPenalty(p.id === person.id && updated ? updated : p));
    const served: unknown[] = [];
    for (let after: string | null = null; ; ) {
      const page = await readPublicPenaltyPage(database.db, { after, limit: 7, today: REFERENCE_DATE });
      served.push(...bulkRecords(page));
      if (page.rows.length < 7) break;
      after = page.rows.at(-1)?.[page.columns.indexOf('decisionNumber')] as string;
    }
    expect(served).toEqual(expected);
    expect(served).toContainEqual(expect.objectContaining({ partyType: 'NATURAL_PERSON', partyIdNumber: '350102********1234' }));
    // The seeded data as it was, for the tests after this one.
    await database.db
      .update(penalties)
      .set({ partyType: person.partyType, partyIdNumber: person.partyIdNumber })
      .where(eq(penalties.id, person.id));
  });

  it('returns in SQL exactly the serious listings the pure rule shows the public', async () => {
    const all = await getSeriousViolationsByUscc(database.db, usccs);
    const expected = all.filter((s) => seriousPublication(s, REFERENCE_DATE, DEFAULT_RULE_BOOK).visibleToPublic).map((s) => s.id);
    const found = await searchSeriousViolations(
      database.db,
      {},
      { kind: 'public' },
      { today: REFERENCE_DATE, currentListedFrom: earliestStartStillRunning(REFERENCE_DATE, 36), limit: 10_000 },
    );
    expect(found.map((s) => s.id).sort((a, b) => a - b)).toEqual(expected.sort((a, b) => a - b));
  });

  it('finds in SQL exactly the abnormal listings the pure rule makes due for escalation', async () => {
    const all = await getAbnormalOperationsByUscc(database.db, usccs);
    const escalated = new Set((await getSeriousViolationsByUscc(database.db, usccs)).map((s) => s.escalatedFromAbnormalId));
    const expected = all.filter((a) => isDueForEscalation(a, REFERENCE_DATE, DEFAULT_RULE_BOOK) && !escalated.has(a.id)).map((a) => a.id);
    const found = await getAbnormalOperationsDueForEscalation(database.db, {
      listedOnOrBefore: latestStartElapsedBy(REFERENCE_DATE, 36),
      limit: 10_000,
    });
    expect(found.map((a) => a.id).sort((a, b) => a - b)).toEqual(expected.sort((a, b) => a - b));
    expect(expected.length).toBeGreaterThan(0);
  });

  it('pages pending repairs in key order, oldest first', async () => {
    const first = await getPendingCreditRepairs(database.db, { limit: 2 });
    const last = first[first.length - 1];
    if (!last) return;
    const next = await getPendingCreditRepairs(database.db, { limit: 2, after: { appliedOn: last.appliedOn, id: last.id } });
    for (const row of next) expect(row.appliedOn >= last.appliedOn).toBe(true);
    expect(next.map((r) => r.id)).not.toContain(last.id);
  });

  it('rolls a transition back when its check fails: no change, no history', async () => {
    const [penalty] = await getPenaltiesByUscc(database.db, usccs);
    if (!penalty) throw new Error('no penalty');
    const meta = {
      actor: 't',
      department: 'ZFJC',
      reason: 'x',
      decisionReference: null,
      effectiveOn: REFERENCE_DATE,
      clock: { today: REFERENCE_DATE, rules: DEFAULT_RULE_BOOK },
    };
    const before = database.statements.count;
    await expect(
      database.db.transaction((tx) =>
        changePenalty(tx, penalty.id, meta, () => {
          throw new Error('refused');
        }),
      ),
    ).rejects.toThrow('refused');
    expect(database.statements.count).toBeGreaterThan(before);
    const [after] = (await getPenaltiesByUscc(database.db, [penalty.uscc])).filter((p) => p.id === penalty.id);
    expect(after).toEqual(penalty);
  });

  it('loads every enterprise of a batch in one statement per kind', async () => {
    const { statements } = await database.statements.measure(() =>
      Promise.all([getPenaltiesByUscc(database.db, usccs), getAbnormalOperationsByUscc(database.db, usccs)]),
    );
    expect(statements).toHaveLength(2);
  });
});

describe('seeding again', () => {
  it('adds only the enterprises not seeded yet', async () => {
    const database = await openSanctionsTestDatabase('pglite');
    try {
      await seedSanctions(database.db, 100, { referenceDate: REFERENCE_DATE });
      const first = (await getPenaltiesByUscc(database.db, usccs)).length;
      await seedSanctions(database.db, 100, { referenceDate: REFERENCE_DATE });
      expect((await getPenaltiesByUscc(database.db, usccs)).length).toBe(first);
      await seedSanctions(database.db, 200, { referenceDate: REFERENCE_DATE });
      const expected = enterprises
        .slice(0, 200)
        .reduce((sum, e) => sum + sanctionsFor(e, { referenceDate: REFERENCE_DATE }).penalties.length, 0);
      expect((await getPenaltiesByUscc(database.db, usccs)).length).toBe(expected);
    } finally {
      await database.close();
    }
  });
});
