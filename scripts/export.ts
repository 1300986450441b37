/**
 * npm run export -- --kind penalties|licenses [--since <cursor>] [--formats csv,csv-gbk,xlsx,ndjson] [--out dir]
 *                  [--token $TOKEN] [--gateway http://127.0.0.1:4000/graphql]
 *                  [--source-name 山西省市场监督管理局 --source-code 11140000…] [--authority-codes codes.json]
 *
 * 双公示 export in the national columns: the delta since a feed cursor (the exchange's merged
 * change feed, read with the caller's token, so a platform token gets exactly what the platform
 * may see), or a snapshot when --since is absent (the feed folded from its beginning). Writes the
 * data files, the withdrawal list (撤销/修复) and manifest.json with counts, SHA-256 per file and
 * the cursor to continue from next time.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import {
  computeQuality,
  type FeedEvent,
  foldLicenseEvents,
  foldPenaltyEvents,
  type LicenseExportRecord,
  licenseExportRecord,
  PENALTY_COLUMNS,
  type PenaltyExportRecord,
  penaltyExportRecord,
  penaltyRow,
  rowObject,
  runExport,
  TABLE_FORMATS,
  type TableFormat,
} from '@credit-hub/tables';
import cliProgress from 'cli-progress';

const PAGE = 1000;
const LOOKUP = 100;
const FEED_KINDS = {
  penalties: ['penalty.published', 'penalty.updated', 'penalty.withdrawn'],
  licenses: ['license.granted', 'license.status_changed'],
};

async function main() {
  const { values } = parseArgs({
    options: {
      kind: { type: 'string', default: 'penalties' },
      since: { type: 'string' },
      formats: { type: 'string', default: 'csv,xlsx,ndjson' },
      out: { type: 'string' },
      token: { type: 'string', default: process.env.CREDIT_HUB_TOKEN },
      gateway: { type: 'string', default: process.env.CREDIT_HUB_GATEWAY ?? 'http://127.0.0.1:4000/graphql' },
      /** Where `changes` is served: the gateway (default), or the exchange subgraph itself. */
      feed: { type: 'string', default: process.env.CREDIT_HUB_FEED },
      'source-name': { type: 'string', default: process.env.CREDIT_HUB_SOURCE_NAME ?? '' },
      'source-code': { type: 'string', default: process.env.CREDIT_HUB_SOURCE_CODE },
      'authority-codes': { type: 'string' },
      quality: { type: 'boolean', default: false },
    },
  });
  if (values.kind !== 'penalties' && values.kind !== 'licenses') throw new Error('--kind penalties or licenses');
  const kind = values.kind as 'penalties' | 'licenses';
  if (!values.token) throw new Error('--token (or CREDIT_HUB_TOKEN) is required: the export shows what that caller may see');
  const formats = (values.formats as string).split(',') as TableFormat[];
  for (const format of formats)
    if (!TABLE_FORMATS.includes(format)) throw new Error(`--formats: one or more of ${TABLE_FORMATS.join(', ')}`);

  const call = async <T>(query: string, variables: Record<string, unknown>, url = values.gateway as string): Promise<T> => {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${values.token}` },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as { data?: T; errors?: { message: string; extensions?: { code?: string } }[] };
    if (body.errors?.length) throw new Error(`${body.errors[0]?.extensions?.code ?? ''} ${body.errors[0]?.message}`);
    return body.data as T;
  };

  const bar = new cliProgress.SingleBar({ format: '{bar} {value} {unit}' }, cliProgress.Presets.shades_classic);
  bar.start(0, 0, { unit: 'events read' });
  const events: FeedEvent[] = [];
  let cursor: string | null = values.since ?? null;
  for (;;) {
    const { changes } = await call<{
      changes: { events: (Omit<FeedEvent, 'payload'> & { payload: string })[]; endCursor: string; hasMore: boolean };
    }>(
      'query($after: String, $first: Int, $kinds: [String!]) { changes(after: $after, first: $first, kinds: $kinds) { events { id kind uscc occurredAt effectiveOn payload cursor } endCursor hasMore } }',
      { after: cursor, first: PAGE, kinds: FEED_KINDS[kind] },
      values.feed ?? (values.gateway as string),
    );
    for (const event of changes.events) events.push({ ...event, payload: JSON.parse(event.payload) });
    cursor = changes.endCursor || cursor;
    bar.setTotal(events.length);
    bar.update(events.length);
    if (!changes.hasMore) break;
  }
  bar.stop();
  const { published, withdrawn } = foldPenaltyEvents(events);
  const licences = foldLicenseEvents(events);

  const usccs =
    kind === 'penalties'
      ? [...new Set([...published.values()].map(({ penalty }) => penalty.uscc))]
      : [...new Set([...licences.published.values()].map((licence) => licence.holderUscc))];
  const parties = new Map<string, { name: string; legalRepresentative: string | null }>();
  for (let index = 0; index < usccs.length; index += LOOKUP) {
    const { enterprises } = await call<{ enterprises: ({ uscc: string; name: string; legalRepresentative: string | null } | null)[] }>(
      'query($usccs: [String!]!) { enterprises(usccs: $usccs) { uscc name legalRepresentative } }',
      { usccs: usccs.slice(index, index + LOOKUP) },
    );
    for (const enterprise of enterprises) if (enterprise) parties.set(enterprise.uscc, enterprise);
  }
  const source = {
    sourceName: values['source-name'] as string,
    sourceCode: values['source-code'] ?? null,
    authorityCodes: values['authority-codes']
      ? (JSON.parse(await readFile(values['authority-codes'], 'utf8')) as Record<string, string>)
      : {},
  };
  const today = new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
  async function* records(): AsyncIterable<PenaltyExportRecord | LicenseExportRecord> {
    if (kind === 'licenses') {
      for (const licence of licences.published.values())
        yield licenseExportRecord(licence, parties.get(licence.holderUscc) ?? null, source, today);
      return;
    }
    for (const { penalty } of published.values()) yield penaltyExportRecord(penalty, parties.get(penalty.uscc) ?? null, source);
  }
  async function* withdrawals() {
    yield* (kind === 'licenses' ? licences.withdrawn : withdrawn).values();
  }
  const directory = values.out ?? join('exports', `${kind}-${new Date().toISOString().replace(/[:.]/g, '-')}`);
  const manifest = await runExport({
    directory,
    kind,
    formats,
    mode: values.since ? 'delta' : 'snapshot',
    since: values.since ?? null,
    cursor: () => cursor,
    records: records() as AsyncIterable<never>,
    withdrawals: withdrawals(),
  });
  if (values.quality && kind === 'penalties') {
    // The platform's scores, computed here first: per deciding authority, timeliness from the
    // decision to the first publication event on the feed (7 working days).
    const scores = computeQuality(
      [...published.values()].map(({ penalty, sharedOn }) => ({
        department: penalty.authority,
        row: rowObject(PENALTY_COLUMNS, penaltyRow(penaltyExportRecord(penalty, parties.get(penalty.uscc) ?? null, source), 'table')),
        decidedOn: penalty.decidedOn,
        sharedOn,
      })),
      PENALTY_COLUMNS,
    );
    console.table(
      scores.map(({ department, records, completeness, accuracy, timeliness, meetsTarget }) => ({
        department,
        records,
        completeness,
        accuracy,
        timeliness,
        meetsTarget,
      })),
    );
  }
  for (const file of manifest.files) console.log(`${file.name}  ${file.rows} rows  sha256 ${file.sha256}`);
  console.log(`written to ${directory}; next delta: npm run export -- --kind ${kind} --since '${manifest.cursor ?? ''}'`);
}

main().catch((error: Error) => {
  console.error(`export: ${error.message}`);
  process.exit(2);
});
