import { bulkRecords } from '@credit-hub/subgraph-kit';
import {
  type ExportKind,
  type ExportSource,
  type FeedEvent,
  foldLicenseEvents,
  foldPenaltyEvents,
  type LicenseExportRecord,
  licenseExportRecord,
  type PenaltyExportRecord,
  type PublicLicense,
  type PublicPenalty,
  penaltyExportRecord,
  type WithdrawalRecord,
  withdrawalRecord,
} from '@credit-hub/tables';
import { decodeCursor, encodeCursor, type Positions } from '../feed/cursor.ts';
import { readChanges } from '../feed/merge.ts';
import type { OutboxSource, ReadFilter } from '../feed/sources.ts';
import { cachedParties, type Party, readAhead, readBulkPages, type Url } from './bulk-reader.ts';
import { publicPenaltyReader } from './penalty-rows.ts';

/** What the exports read, wired once by the server. */
export interface ExportReaders {
  sources: readonly OutboxSource[];
  urls: { licenses: Url; sanctions: Url };
  token: () => Promise<string>;
  parties: (usccs: Iterable<string>) => Promise<Map<string, Party>>;
  source: ExportSource;
  pageSize: number;
  timeoutMs: number;
  today: () => string;
}

export interface ExportInput {
  records: AsyncIterable<LicenseExportRecord | PenaltyExportRecord>;
  withdrawals: AsyncIterable<WithdrawalRecord>;
  cursor: () => string | null;
}

/** The platform's view: published records only, whoever asked for the export. */
const PUBLIC: Omit<ReadFilter, 'kinds'> = { audiences: ['public'], restrictedRegionPrefix: null, regionPrefix: null };
const FEED_KINDS: Record<ExportKind, string[]> = {
  penalties: ['penalty.published', 'penalty.updated', 'penalty.withdrawn'],
  licenses: ['license.granted', 'license.status_changed'],
};
const FEED_PAGE = 1000;
/** Past every position an outbox will reach (the route takes up to 15 digits): the page is empty, its head is the answer. */
const BEYOND_ANY_POSITION = 10 ** 15 - 1;
const BULK: Record<ExportKind, { subgraph: 'licenses' | 'sanctions'; rows: string; withdrawals: string; dataset: 'XK' | 'CF' }> = {
  penalties: { subgraph: 'sanctions', rows: 'penalties', withdrawals: 'penalty-withdrawals', dataset: 'CF' },
  licenses: { subgraph: 'licenses', rows: 'licenses', withdrawals: 'license-withdrawals', dataset: 'XK' },
};

/**
 * The feed's position now: each outbox's head. A snapshot takes it before reading the bulk pages,
 * so a change made while they are read is in the next delta (at worst twice, never lost).
 */
export async function headCursor(sources: readonly OutboxSource[]): Promise<string> {
  const positions: Positions = {};
  const pages = await Promise.all(sources.map((source) => source.read(BEYOND_ANY_POSITION, 1, { ...PUBLIC, kinds: null })));
  for (const [index, source] of sources.entries()) positions[source.name] = pages[index]?.head ?? 0;
  return encodeCursor(positions);
}

function toRecord(kind: ExportKind, readers: ExportReaders, row: unknown, parties: Map<string, Party>) {
  if (kind === 'penalties') {
    const penalty = row as PublicPenalty;
    return penaltyExportRecord(penalty, parties.get(penalty.uscc) ?? null, readers.source);
  }
  const licence = row as PublicLicense;
  return licenseExportRecord(licence, parties.get(licence.holderUscc) ?? null, readers.source, readers.today());
}
const holderOf = (kind: ExportKind, row: unknown) =>
  kind === 'penalties' ? (row as PublicPenalty).uscc : (row as PublicLicense).holderUscc;

/** Snapshot: the owning subgraph's bulk pages, one page in memory at a time. */
export async function snapshotInput(kind: ExportKind, readers: ExportReaders): Promise<ExportInput> {
  const cursor = await headCursor(readers.sources);
  const bulk = BULK[kind];
  const pages = (route: string) =>
    readBulkPages({
      subgraph: bulk.subgraph,
      graphqlUrl: readers.urls[bulk.subgraph],
      route,
      token: readers.token,
      pageSize: readers.pageSize,
      timeoutMs: readers.timeoutMs,
    });
  const parties = cachedParties(readers.parties);
  /** Each page with its parties: what `readAhead` fetches while the page before is written. */
  async function* pagesWithParties() {
    for await (const page of pages(bulk.rows)) {
      const holderAt = page.columns.indexOf(kind === 'penalties' ? 'uscc' : 'holderUscc');
      yield { page, parties: await parties(page.rows.map((row) => row[holderAt] as string)) };
    }
  }
  async function* records() {
    for await (const { page, parties } of readAhead(pagesWithParties())) {
      if (kind === 'penalties') {
        const penaltyOf = publicPenaltyReader(page.columns);
        for (const row of page.rows) yield toRecord(kind, readers, penaltyOf(row), parties);
      } else for (const licence of bulkRecords<PublicLicense>(page)) yield toRecord(kind, readers, licence, parties);
    }
  }
  async function* withdrawals() {
    for await (const page of pages(bulk.withdrawals)) {
      for (const entry of bulkRecords<{ reference: string; uscc: string | null; reason: string | null; on: string }>(page)) {
        yield withdrawalRecord(bulk.dataset, entry);
      }
    }
  }
  return { records: records(), withdrawals: withdrawals(), cursor: () => cursor };
}

/** Delta: the feed's events after `since`, folded into data rows and the withdrawal list. */
export async function deltaInput(kind: ExportKind, since: string, readers: ExportReaders): Promise<ExportInput> {
  let positions = decodeCursor(since, 'since');
  let cursor = since;
  const events: FeedEvent[] = [];
  for (;;) {
    const page = await readChanges(readers.sources, positions, FEED_PAGE, { ...PUBLIC, kinds: FEED_KINDS[kind] });
    for (const event of page.events) events.push(event as unknown as FeedEvent);
    const moved = page.endCursor !== cursor;
    cursor = page.endCursor;
    positions = decodeCursor(cursor);
    if (!page.hasMore || !moved) break;
  }
  const folded = kind === 'penalties' ? foldPenaltyEvents(events) : foldLicenseEvents(events);
  const rows =
    kind === 'penalties'
      ? [...(folded as ReturnType<typeof foldPenaltyEvents>).published.values()].map(({ penalty }) => penalty as unknown)
      : [...(folded as ReturnType<typeof foldLicenseEvents>).published.values()];
  const lookup = cachedParties(readers.parties);
  async function* records() {
    for (let index = 0; index < rows.length; index += readers.pageSize) {
      const page = rows.slice(index, index + readers.pageSize);
      const parties = await lookup(page.map((row) => holderOf(kind, row)));
      for (const row of page) yield toRecord(kind, readers, row, parties);
    }
  }
  async function* withdrawals() {
    yield* folded.withdrawn.values();
  }
  return { records: records(), withdrawals: withdrawals(), cursor: () => cursor };
}
