import { and, eq, isNull } from 'drizzle-orm';
import type { RiskExecutor } from '../db/client.ts';
import { modelVersions } from '../db/schema.ts';
import type { RiskModelVersion } from '../rules/model.ts';
import { checksumOf } from '../rules/model-file.ts';

export class ModelVersionChangedError extends Error {}

/**
 * Stores the file's versions. A version a run has used is frozen: the same id with a different
 * definition is refused (a province changes its model by adding a version with a new id), so
 * every stored result stays explained by the model that produced it. Unused versions may change.
 */
export async function registerModelVersions(db: RiskExecutor, versions: readonly RiskModelVersion[]): Promise<void> {
  for (const version of versions) {
    const checksum = checksumOf(version);
    const [stored] = await db.select().from(modelVersions).where(eq(modelVersions.id, version.id));
    if (!stored) {
      await db
        .insert(modelVersions)
        .values({ id: version.id, effectiveMonth: version.effectiveMonth, note: version.note, checksum, definition: version });
      continue;
    }
    if (stored.checksum === checksum) continue;
    if (stored.firstUsedAt) {
      throw new ModelVersionChangedError(
        `risk model version ${version.id} was used by classification runs and cannot change; give the changed model a new id (模型版本已使用，不可修改)`,
      );
    }
    await db
      .update(modelVersions)
      .set({ effectiveMonth: version.effectiveMonth, note: version.note, checksum, definition: version, loadedAt: new Date() })
      .where(eq(modelVersions.id, version.id));
  }
}

/** Freezes a version: from its first run on, its definition can no longer change. */
export async function markModelVersionUsed(db: RiskExecutor, id: string): Promise<void> {
  await db
    .update(modelVersions)
    .set({ firstUsedAt: new Date() })
    .where(and(eq(modelVersions.id, id), isNull(modelVersions.firstUsedAt)));
}

export async function getModelVersion(db: RiskExecutor, id: string): Promise<RiskModelVersion | null> {
  const [row] = await db.select().from(modelVersions).where(eq(modelVersions.id, id));
  return row ? (row.definition as RiskModelVersion) : null;
}

export const listModelVersions = (db: RiskExecutor) =>
  db.select().from(modelVersions).orderBy(modelVersions.effectiveMonth, modelVersions.id);
