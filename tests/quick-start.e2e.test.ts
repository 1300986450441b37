import { type ChildProcess, spawn } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { enterpriseAt } from '@credit-hub/seed';
import { penaltyTable, type RejectedRow } from '@credit-hub/tables';
import { afterAll, describe, expect, it } from 'vitest';
import { DEMO_PROFILE } from '../scripts/demo.ts';
import { mintDevToken } from '../scripts/dev-tokens.ts';

const START = new URL('../scripts/start.ts', import.meta.url).pathname;
const IMPORT = new URL('../scripts/import.ts', import.meta.url).pathname;

/** Runs `npm start`'s script as a newcomer would, on free ports and a scratch data directory. */
function start(dataDir: string): { child: ChildProcess; output: () => string; ready: Promise<string> } {
  let output = '';
  const child = spawn(process.execPath, ['--import', 'tsx', START], {
    env: {
      ...process.env,
      DATABASE_URL: '',
      DATA_DIR: dataDir,
      SEED_ENTERPRISES: '130',
      PORT: '0',
      ENTERPRISES_PORT: '0',
      LICENSES_PORT: '0',
      SANCTIONS_PORT: '0',
      NODE_ENV: 'development',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const ready = new Promise<string>((resolve, reject) => {
    const collect = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /GraphiQL\s+(http:\/\/\S+)\/graphiql/.exec(output);
      if (match && output.includes('Ctrl-C')) resolve(match[1] ?? '');
    };
    child.stdout?.on('data', collect);
    child.stderr?.on('data', collect);
    child.once('exit', (code) => reject(new Error(`start exited with ${code}:\n${output}`)));
  });
  return { child, output: () => output, ready };
}

const exit = (child: ChildProcess) => new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

describe('npm start', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'credit-hub-start-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('seeds on first start, prints GraphiQL, codes and tokens, answers the README queries, runs the import walkthrough, and stops cleanly on SIGTERM', async () => {
    const first = start(dataDir);
    const base = await first.ready;
    const demo = enterpriseAt(0);
    expect(first.output()).toContain(demo.uscc);
    expect(first.output()).toContain(DEMO_PROFILE.uscc);
    expect(first.output()).toMatch(/regulator[^\n]*\n\s+eyJ/);
    expect(first.output()).toMatch(/seeding/);
    const response = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: `{ enterprise(uscc: "${demo.uscc}") { uscc name } }` }),
    });
    expect(await response.json()).toEqual({ data: { enterprise: { uscc: demo.uscc, name: demo.name } } });

    // The README's example queries run as written against the demo data, and the profile example
    // shows every section.
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    const examples = /```graphql\n([\s\S]*?)```/.exec(readme)?.[1] ?? '';
    for (const operationName of ['Profile', 'Batch', 'Search', 'Check', 'Rules']) {
      const result = (await (
        await fetch(`${base}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query: examples, operationName }),
        })
      ).json()) as {
        data?: Record<string, { licenses?: unknown[]; penalties?: unknown[]; abnormalOperations?: unknown[] }>;
        errors?: unknown;
      };
      expect(result.errors, operationName).toBeUndefined();
      if (operationName === 'Profile') {
        expect(result.data?.enterprise?.licenses?.length).toBeGreaterThan(0);
        expect(result.data?.enterprise?.penalties?.length).toBeGreaterThan(0);
        expect(result.data?.enterprise?.abnormalOperations?.length).toBeGreaterThan(0);
      }
    }

    // The import walkthrough (packages/tables README): a Shanxi enforcement regulator imports the
    // sample penalty table. The demo hub knows the enterprises it names, so what comes back is the
    // file's own bad rows and the rows about Fujian enterprises (outside the caller's region).
    const file = join(dataDir, 'penalties-gbk.csv');
    copyFileSync(new URL('../packages/tables/samples/penalties-gbk.csv', import.meta.url), file);
    const token = await mintDevToken({ role: 'regulator', region: '140000', dept: 'ZFJC' }, { ...process.env, NODE_ENV: 'development' });
    const importer = spawn(process.execPath, ['--import', 'tsx', IMPORT, file, '--token', token, '--gateway', `${base}/graphql`], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let printed = '';
    importer.stdout?.on('data', (chunk: Buffer) => {
      printed += chunk.toString();
    });
    importer.stderr?.on('data', (chunk: Buffer) => {
      printed += chunk.toString();
    });
    expect(await exit(importer), printed).toBe(0);
    const table = penaltyTable(15);
    const outside = table.rows.flatMap((row, index) =>
      row[2]?.slice(2, 4) === '35' && !table.expectedRejects[index + 2] ? [index + 2] : [],
    );
    const rejected = readFileSync(`${file}.rejects.ndjson`, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as RejectedRow);
    expect(rejected.map((row) => row.rowNumber).sort((a, b) => a - b)).toEqual(
      [...Object.keys(table.expectedRejects).map(Number), ...outside].sort((a, b) => a - b),
    );
    expect(printed).toContain(`created ${15 - rejected.length}, unchanged 0, rejected ${rejected.length}`);

    const stopped = exit(first.child);
    first.child.kill('SIGTERM');
    expect(await stopped).toBe(0);

    // Second start: the PGlite directories persisted, so nothing is seeded again.
    const second = start(dataDir);
    await second.ready;
    expect(second.output()).not.toMatch(/seeding/);
    const again = exit(second.child);
    second.child.kill('SIGINT');
    expect(await again).toBe(0);
  }, 180_000);
});
