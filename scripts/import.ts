/**
 * npm run import -- table.xlsx [--kind penalties] [--token $TOKEN] [--gateway http://127.0.0.1:4000/graphql]
 *                  [--domain SPECIAL_EQUIPMENT] [--batch 500] [--dry-run]
 *
 * Imports a provincial table (CSV or XLSX, GBK or UTF-8) through the gateway with YOUR token: each
 * row is written by the owning subgraph's batch mutation (importPenalties, …), judged by your role,
 * department and region, and counted as the subgraph answers for that row (created, unchanged,
 * rejected). Progress is kept in `<table>.import.json` after every committed batch: run the same
 * command again after a crash (or Ctrl-C) and it continues after the last committed batch. Exit
 * code 3: rows could not be written now (service unavailable); nothing after the last committed
 * batch counts, and the same command resumes. Rejected rows come back as `<table>.rejects.xlsx`
 * (row number, field, rule, reason, original cells). --batch sets the rows per call (at most 500);
 * two calls are in flight at a time.
 */
import { createHash } from 'node:crypto';
import { createReadStream, existsSync } from 'node:fs';
import { appendFile, readFile, rename, writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import {
  countRows,
  GRAPHQL_BATCH,
  graphqlSink,
  ImportInterruptedError,
  type ImportSink,
  MAX_GRAPHQL_BATCH,
  type RejectedRow,
  readHeader,
  runImport,
  TABLE_KINDS,
  type TableKind,
  writeRejectsWorkbook,
} from '@credit-hub/tables';
import cliProgress from 'cli-progress';

interface JobState {
  file: string;
  sha256: string;
  kind: TableKind;
  /** Who started it: a resumed job must run with the same user's authority. */
  uploader: string;
  committedRow: number;
  done: number;
  created: number;
  unchanged: number;
  rejected: number;
}

async function sha256Of(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** The token's subject, read (not verified: the gateway verifies it) to bind a job to its uploader. */
function subjectOf(token: string): string {
  const payload = token.split('.')[1];
  if (!payload) return 'anonymous';
  const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { sub?: string; dept?: string; region?: string };
  return `${claims.sub ?? '?'}/${claims.dept ?? '-'}/${claims.region ?? '-'}`;
}

const dryRunSink: ImportSink = { write: async (_kind, rows) => rows.map(() => ({ status: 'created' as const })) };

async function main() {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      kind: { type: 'string' },
      token: { type: 'string', default: process.env.CREDIT_HUB_TOKEN },
      gateway: { type: 'string', default: process.env.CREDIT_HUB_GATEWAY ?? 'http://127.0.0.1:4000/graphql' },
      domain: { type: 'string' },
      today: { type: 'string', default: new Date().toISOString().slice(0, 10) },
      'dry-run': { type: 'boolean', default: false },
      batch: { type: 'string', default: String(GRAPHQL_BATCH) },
    },
  });
  const batchSize = Number(values.batch);
  if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > MAX_GRAPHQL_BATCH) {
    throw new Error(`--batch: rows per call, 1 to ${MAX_GRAPHQL_BATCH}`);
  }
  const path = positionals[0];
  if (!path) throw new Error('give the table to import: npm run import -- table.xlsx');
  if (values.kind && !TABLE_KINDS.includes(values.kind as TableKind)) throw new Error(`--kind must be one of ${TABLE_KINDS.join(', ')}`);
  const dryRun = values['dry-run'];
  if (!dryRun && !values.token) throw new Error('--token (or CREDIT_HUB_TOKEN) is required: imports run with your own authority');

  const header = await readHeader(path, values.kind as TableKind | undefined);
  const statePath = `${path}.import.json`;
  const rejectsLog = `${path}.rejects.ndjson`;
  const sha256 = await sha256Of(path);
  const uploader = dryRun ? 'dry-run' : subjectOf(values.token as string);
  const total = await countRows(path, header.headerRow);
  let state: JobState | null = existsSync(statePath) ? (JSON.parse(await readFile(statePath, 'utf8')) as JobState) : null;
  if (state && (state.sha256 !== sha256 || state.kind !== header.mapping.kind)) state = null;
  // A finished import run again is a new run, not a resume: every row is sent again and the
  // owning subgraph answers for each (unchanged when stored already), which is what the re-run is for.
  const importedBefore = state !== null && state.done >= total;
  if (importedBefore) state = null;
  if (state && state.uploader !== uploader)
    throw new Error(`this import was started by ${state.uploader}; resume it with that user's token`);
  // Rejects of a batch that was not committed are decided again on resume: drop them.
  const kept =
    state && existsSync(rejectsLog)
      ? (await readFile(rejectsLog, 'utf8'))
          .split('\n')
          .filter((line) => line && (JSON.parse(line) as RejectedRow).rowNumber <= (state as JobState).committedRow)
      : [];
  await writeFile(rejectsLog, kept.map((line) => `${line}\n`).join(''));

  console.log(
    `${header.mapping.kind}: ${total} rows (${header.format}${header.encoding ? `, ${header.encoding}` : ''}), header in row ${header.headerRow}`,
  );
  if (header.mapping.ignored.length) console.log(`columns not imported: ${header.mapping.ignored.join(', ')}`);
  if (state) console.log(`resuming after row ${state.committedRow} (${state.done} rows already done)`);
  else if (importedBefore) console.log('imported before: every row is sent again, rows already stored answer unchanged');

  const bar = new cliProgress.SingleBar(
    { format: '{bar} {percentage}% | {value}/{total} rows | created {created} unchanged {unchanged} rejected {rejected} | eta {eta}s' },
    cliProgress.Presets.shades_classic,
  );
  bar.start(total, state?.done ?? 0, { created: state?.created ?? 0, unchanged: state?.unchanged ?? 0, rejected: state?.rejected ?? 0 });
  const before = { created: state?.created ?? 0, unchanged: state?.unchanged ?? 0, rejected: state?.rejected ?? 0 };
  const result = await runImport({
    path,
    kind: header.mapping.kind,
    sink: dryRun ? dryRunSink : graphqlSink({ url: values.gateway as string, token: values.token as string }),
    batchSize,
    today: values.today as string,
    defaultDomain: values.domain,
    resumeAfterRow: state?.committedRow ?? 0,
    total,
    async onBatch(progress, batch) {
      if (batch.rejected.length) await appendFile(rejectsLog, batch.rejected.map((row) => `${JSON.stringify(row)}\n`).join(''));
      const next: JobState = {
        file: path,
        sha256,
        kind: header.mapping.kind,
        uploader,
        committedRow: progress.committedRow,
        done: progress.done,
        created: before.created + progress.created,
        unchanged: before.unchanged + progress.unchanged,
        rejected: before.rejected + progress.rejected,
      };
      // Written aside and renamed: a kill -9 leaves the old state or the new one, never half a file.
      await writeFile(`${statePath}.tmp`, JSON.stringify(next));
      await rename(`${statePath}.tmp`, statePath);
      bar.update(progress.done, { created: next.created, unchanged: next.unchanged, rejected: next.rejected });
    },
  });
  bar.stop();
  const rejected = (await readFile(rejectsLog, 'utf8'))
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as RejectedRow);
  const final = JSON.parse(await readFile(statePath, 'utf8')) as JobState;
  console.log(`done: ${result.done} rows, created ${final.created}, unchanged ${final.unchanged}, rejected ${final.rejected}`);
  if (rejected.length) {
    const out = `${path}.rejects.xlsx`;
    await writeRejectsWorkbook(out, header.headers, rejected);
    console.log(`rejected rows with reasons: ${out}`);
  }
}

main().catch((error: Error) => {
  console.error(`\nimport: ${error.message}`);
  // 3: rows could not be written now (service down, internal failure); the same command resumes.
  process.exit(error instanceof ImportInterruptedError ? 3 : 2);
});
