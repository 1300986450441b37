import { createGroupLoader, createKeyLoader } from '@credit-hub/subgraph-kit';
import { getDrawsByTask, getEntriesByDraw } from './data/draw-store.ts';
import { getInspectionsById, getInspectionsByTask, getInspectionsByUscc } from './data/inspection-store.ts';
import { getInspectorsById } from './data/inspector-store.ts';
import { getTasksByPlan } from './data/plan-store.ts';
import { getTalksByUscc } from './data/talk-store.ts';
import type { InspectionsDb } from './db/client.ts';

/** Per-request loaders: one statement per kind of read, whatever the number of parents. */
export function createLoaders(db: InspectionsDb) {
  return {
    inspectionsByUscc: createGroupLoader(
      (usccs: readonly string[]) => getInspectionsByUscc(db, usccs),
      (row) => row.uscc.trim(),
    ),
    inspectionsByTask: createGroupLoader(
      (ids: readonly number[]) => getInspectionsByTask(db, ids),
      (row) => row.taskId ?? 0,
    ),
    inspection: createKeyLoader(
      (ids: readonly number[]) => getInspectionsById(db, ids),
      (row) => row.id,
    ),
    inspector: createKeyLoader(
      (ids: readonly number[]) => getInspectorsById(db, ids),
      (row) => row.id,
    ),
    tasksByPlan: createGroupLoader(
      (ids: readonly number[]) => getTasksByPlan(db, ids),
      (row) => row.planId,
    ),
    talksByUscc: createGroupLoader(
      (usccs: readonly string[]) => getTalksByUscc(db, usccs),
      (row) => row.uscc.trim(),
    ),
    drawsByTask: createGroupLoader(
      (ids: readonly number[]) => getDrawsByTask(db, ids),
      (row) => row.taskId,
    ),
    entriesByDraw: createGroupLoader(
      (ids: readonly number[]) => getEntriesByDraw(db, ids),
      (row) => row.drawId,
    ),
  };
}
export type Loaders = ReturnType<typeof createLoaders>;
