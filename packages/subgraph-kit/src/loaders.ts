import DataLoader from 'dataloader';

/**
 * A per-request loader for entities by a unique key: one batched query per tick, results in key
 * order, null for keys with no row. `fetch` returns rows in any order; they are matched by `keyOf`.
 */
export function createKeyLoader<TKey extends string | number, TRow>(
  fetch: (keys: readonly TKey[]) => Promise<TRow[]>,
  keyOf: (row: TRow) => TKey,
): DataLoader<TKey, TRow | null> {
  return new DataLoader<TKey, TRow | null>(
    async (keys) => {
      const byKey = new Map<TKey, TRow>();
      for (const row of await fetch(keys)) byKey.set(keyOf(row), row);
      return keys.map((key) => byKey.get(key) ?? null);
    },
    { maxBatchSize: 1000 },
  );
}

/**
 * A per-request loader for one-to-many lists (an enterprise's annual reports, its licences): one
 * batched query for all parents in the request, each parent gets its rows (empty when none).
 */
export function createGroupLoader<TKey extends string | number, TRow>(
  fetch: (keys: readonly TKey[]) => Promise<TRow[]>,
  keyOf: (row: TRow) => TKey,
): DataLoader<TKey, TRow[]> {
  return new DataLoader<TKey, TRow[]>(
    async (keys) => {
      const byKey = new Map<TKey, TRow[]>(keys.map((key) => [key, []]));
      for (const row of await fetch(keys)) byKey.get(keyOf(row))?.push(row);
      return keys.map((key) => byKey.get(key) ?? []);
    },
    { maxBatchSize: 1000 },
  );
}
