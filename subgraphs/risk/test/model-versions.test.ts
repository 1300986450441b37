import { testDatabaseKinds } from '@credit-hub/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { markModelVersionUsed, registerModelVersions } from '../src/data/model-store.ts';
import { openRiskTestDatabase, type RiskDatabase } from '../src/db/client.ts';
import { EXAMPLE_MODEL_FILE, loadModelFile, parseModelFile, versionForMonth } from '../src/rules/model-file.ts';

const example = loadModelFile(EXAMPLE_MODEL_FILE);
const base = example[0];
if (!base) throw new Error('empty example model');

describe('model file', () => {
  it('refuses unknown indicators, unordered thresholds and repeated ids', () => {
    const file = (versions: unknown[]) => JSON.stringify({ versions });
    expect(() => parseModelFile(file([{ ...base, id: 'x', indicators: { made_up: { weight: 1 } } }]))).toThrow(/unknown indicator made_up/);
    expect(() => parseModelFile(file([{ ...base, id: 'x', thresholds: { B: 30, C: 20, D: 40 } }]))).toThrow(/B ≤ C ≤ D/);
    expect(() => parseModelFile(file([base, base]))).toThrow(/appears twice/);
  });

  it('picks the latest version in effect for a month', () => {
    const versions = parseModelFile(JSON.stringify({ versions: [base, { ...base, id: 'later', effectiveMonth: '2027-03' }] }));
    expect(versionForMonth(versions, '2027-02')?.id).toBe(base.id);
    expect(versionForMonth(versions, '2027-03')?.id).toBe('later');
    expect(versionForMonth(versions, '2025-12')).toBeUndefined();
  });
});

describe.each(testDatabaseKinds())('model versions are immutable once used (%s)', (kind) => {
  let database: RiskDatabase;
  beforeAll(async () => {
    database = await openRiskTestDatabase(kind);
  });
  afterAll(() => database?.close());

  it('lets an unused version change, refuses to change a used one, and accepts it unchanged', async () => {
    const changed = { ...base, thresholds: { ...base.thresholds, D: base.thresholds.D + 5 } };
    await registerModelVersions(database.db, [base]);
    await registerModelVersions(database.db, [changed]);
    await markModelVersionUsed(database.db, base.id);
    await expect(registerModelVersions(database.db, [base])).rejects.toThrow(/cannot change/);
    await expect(registerModelVersions(database.db, [changed])).resolves.toBeUndefined();
  });
});
