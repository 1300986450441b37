/**
 * npm run bench -- import [--rows 50000] [--format csv-gbk|xlsx]
 *   Validated import to PostgreSQL: a provincial penalty table (made by the sample generator,
 *   with its bad rows) is read, encoding-detected, mapped, validated row by row, and every row is
 *   kept in a staging table as the exchange keeps import jobs (raw cells, natural key, mutation
 *   input or reasons), in batches of 1 000. Prints rows/s. Target ≥ 10 000 rows/s.
 * npm run bench -- export [--rows 1000000] [--formats csv,ndjson]
 *   双公示 export of synthetic penalties to files in the national columns. Prints rows/s and RSS
 *   before, peak and after. Target ≥ 50 000 rows/s with RSS flat.
 * Database: BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/test), own schema, dropped after.
 */
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import {
  openTable,
  type PenaltyExportRecord,
  penaltyTable,
  RowValidator,
  readHeader,
  runExport,
  type TableFormat,
  writeSampleTable,
} from '@credit-hub/tables';
import postgres from 'postgres';

const ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

export async function benchImport(argv: string[]) {
  const { values } = parseArgs({
    args: argv,
    options: { rows: { type: 'string', default: '50000' }, format: { type: 'string', default: 'csv-gbk' } },
  });
  const rows = Number(values.rows);
  const directory = await mkdtemp(join(tmpdir(), 'bench-import-'));
  const table = penaltyTable(rows);
  const file = values.format === 'xlsx' ? 'penalties.xlsx' : 'penalties-gbk.csv';
  const path = await writeSampleTable(directory, table, file);
  console.log(`table: ${rows} rows, ${file}, ${mb((await stat(path)).size)}`);

  const url = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  const sql = postgres(url, { max: 2, onnotice: () => {} });
  const schema = `bench_tables_${process.pid}`;
  try {
    await sql.unsafe(`create schema ${schema}`);
    await sql.unsafe(`create table ${schema}.import_rows (
      job_id integer not null, row_number integer not null, raw jsonb not null, natural_key text,
      input jsonb, status text not null, problems jsonb, primary key (job_id, row_number))`);
    const started = performance.now();
    const header = await readHeader(path);
    const validator = new RowValidator(header.mapping, { today: '2026-12-01' });
    const opened = await openTable(path, { skipRows: header.headerRow });
    let batch: Record<string, unknown>[] = [];
    let total = 0;
    let rejected = 0;
    // COPY: the fastest way into PostgreSQL; rows are streamed as they are validated.
    const copy =
      await sql`copy ${sql(schema)}.import_rows (job_id, row_number, raw, natural_key, input, status, problems) from stdin`.writable();
    const field = (value: unknown) =>
      value == null
        ? '\\N'
        : (typeof value === 'string' ? value : JSON.stringify(value)).replace(/[\\\t\n\r]/g, (char) => ESCAPES[char] as string);
    const flush = async () => {
      if (batch.length === 0) return;
      const text = batch.map((row) => `${Object.values(row).map(field).join('\t')}\n`).join('');
      batch = [];
      if (!copy.write(text)) await new Promise((resolve) => copy.once('drain', resolve));
    };
    for await (const raw of opened.rows) {
      const outcome = validator.validate(raw);
      total += 1;
      if (!outcome.ok) rejected += 1;
      batch.push({
        job_id: 1,
        row_number: raw.rowNumber,
        raw: raw.cells,
        natural_key: outcome.ok ? outcome.row.key : null,
        input: outcome.ok ? outcome.row.input : null,
        status: outcome.ok ? 'valid' : 'rejected',
        problems: outcome.ok ? null : outcome.row.problems,
      });
      if (batch.length >= 1000) await flush();
    }
    await flush();
    await new Promise<void>((resolve, reject) => copy.end((error?: Error | null) => (error ? reject(error) : resolve())));
    const seconds = (performance.now() - started) / 1000;
    const [{ count }] = (await sql.unsafe(`select count(*)::int as count from ${schema}.import_rows`)) as unknown as [{ count: number }];
    console.log(
      `import ${file}: ${total} rows (${rejected} rejected, ${count} stored) in ${seconds.toFixed(2)} s = ${Math.round(total / seconds)} rows/s (target ≥ 10 000)`,
    );
  } finally {
    await sql.unsafe(`drop schema if exists ${schema} cascade`);
    await sql.end();
    await rm(directory, { recursive: true, force: true });
  }
}

function syntheticPenalty(index: number): PenaltyExportRecord {
  const person = index % 10 === 0;
  return {
    decisionNumber: `运市监处罚〔2024〕${index + 1}号`,
    partyName: person ? '赵六' : `运城市华信压力容器有限公司${index}`,
    partyCategory: person ? '自然人' : '法人及非法人组织',
    uscc: person ? null : '91350100M000100Y43',
    legalRepresentative: person ? null : '王五',
    partyIdNumber: person ? '14270219800101123X' : null,
    violationType: '未经许可从事特种设备生产',
    facts: '经查，当事人未取得许可从事压力容器制造，违法所得若干元。',
    legalBasis: '《中华人民共和国特种设备安全法》第七十四条',
    penaltyCategories: '罚款;没收违法所得',
    content: '罚款人民币45000元，没收违法所得1234.56元',
    fineYuan: `${45000 + (index % 1000)}.00`,
    confiscatedYuan: '1234.56',
    suspendedLicences: null,
    decidedOn: `2024-0${1 + (index % 9)}-1${index % 10}`,
    effectiveUntil: null,
    publicUntil: '2027-06-03',
    authority: '运城市市场监督管理局',
    authorityCode: '11140800MB1957483K',
    sourceName: '运城市市场监督管理局',
    sourceCode: '11140800MB1957483K',
    note: null,
  };
}

export async function benchExport(argv: string[]) {
  const { values } = parseArgs({
    args: argv,
    options: { rows: { type: 'string', default: '1000000' }, formats: { type: 'string', default: 'csv,ndjson' } },
  });
  const rows = Number(values.rows);
  const formats = (values.formats as string).split(',') as TableFormat[];
  const directory = await mkdtemp(join(tmpdir(), 'bench-export-'));
  global.gc?.();
  const before = process.memoryUsage().rss;
  let peak = before;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 50);
  async function* records() {
    for (let index = 0; index < rows; index += 1) yield syntheticPenalty(index);
  }
  async function* none() {}
  const started = performance.now();
  let atHalf = 0;
  try {
    const manifest = await runExport({
      directory,
      kind: 'penalties',
      formats,
      mode: 'snapshot',
      since: null,
      cursor: () => null,
      records: records(),
      withdrawals: none(),
      onProgress: (done) => {
        if (done === Math.floor(rows / 2 / 10_000) * 10_000) atHalf = process.memoryUsage().rss;
      },
    });
    const seconds = (performance.now() - started) / 1000;
    clearInterval(sampler);
    const after = process.memoryUsage().rss;
    const bytes = manifest.files.reduce((sum, file) => sum + file.bytes, 0);
    console.log(
      `export ${rows} penalties as ${formats.join('+')}: ${seconds.toFixed(2)} s = ${Math.round(rows / seconds)} rows/s (target ≥ 50 000), ${mb(bytes)} written`,
    );
    console.log(`RSS before ${mb(before)}, at half ${mb(atHalf)}, peak ${mb(peak)}, after ${mb(after)}`);
  } finally {
    clearInterval(sampler);
    await rm(directory, { recursive: true, force: true });
  }
}
