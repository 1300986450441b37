/**
 * npm run bench -- heap-diff <before.heapsnapshot> <after.heapsnapshot> [--top 25]
 *
 * Compares two V8 heap snapshots of one process (taken by `npm run bench -- soak --heap-snapshots`)
 * by constructor: count and shallow size of the live objects in each, largest growth first. A leak
 * shows as a constructor whose count keeps rising with the number of requests served.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

interface Snapshot {
  snapshot: { meta: { node_fields: string[]; node_types: [string[]] } };
  nodes: number[];
  strings: string[];
}

interface Group {
  count: number;
  size: number;
}

export function summariseSnapshot(path: string): Map<string, Group> {
  const data = JSON.parse(readFileSync(path, 'utf8')) as Snapshot;
  const fields = data.snapshot.meta.node_fields;
  const typeNames = data.snapshot.meta.node_types[0];
  const width = fields.length;
  const typeAt = fields.indexOf('type');
  const nameAt = fields.indexOf('name');
  const sizeAt = fields.indexOf('self_size');
  const groups = new Map<string, Group>();
  for (let offset = 0; offset < data.nodes.length; offset += width) {
    const type = typeNames[data.nodes[offset + typeAt] as number] ?? '?';
    // Objects group by constructor; strings, code and arrays by their kind (their names are contents).
    const key = type === 'object' || type === 'closure' ? `${type} ${data.strings[data.nodes[offset + nameAt] as number]}` : `(${type})`;
    const group = groups.get(key) ?? { count: 0, size: 0 };
    group.count += 1;
    group.size += data.nodes[offset + sizeAt] as number;
    groups.set(key, group);
  }
  return groups;
}

export function heapDiff(argv: string[]): void {
  const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: { top: { type: 'string', default: '25' } } });
  const [beforePath, afterPath] = positionals;
  if (!beforePath || !afterPath) throw new Error('usage: npm run bench -- heap-diff <before.heapsnapshot> <after.heapsnapshot>');
  const before = summariseSnapshot(beforePath);
  const after = summariseSnapshot(afterPath);
  const total = (groups: Map<string, Group>) => [...groups.values()].reduce((sum, group) => sum + group.size, 0);
  const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  console.log(`live heap: ${mb(total(before))} → ${mb(total(after))}`);
  const rows = [...new Set([...before.keys(), ...after.keys()])].map((key) => {
    const a = before.get(key) ?? { count: 0, size: 0 };
    const b = after.get(key) ?? { count: 0, size: 0 };
    return { key, count: b.count - a.count, size: b.size - a.size, countAfter: b.count };
  });
  rows.sort((x, y) => y.size - x.size);
  for (const row of rows.slice(0, Number(values.top))) {
    console.log(
      `  ${row.key.slice(0, 60).padEnd(60)} ${`${row.size >= 0 ? '+' : ''}${(row.size / 1024).toFixed(0)} kB`.padStart(12)}  count ${row.count >= 0 ? '+' : ''}${row.count} (${row.countAfter})`,
    );
  }
}
