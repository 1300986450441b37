import type { EnumRef, ObjectRef } from '@pothos/core';
import { GraphQLError } from 'graphql';
import type { SubgraphBuilder } from './builder.ts';
import type { SubgraphContext } from './context.ts';
import { badUserInput, KEY_EXISTS_REASONS } from './errors.ts';

/**
 * What became of one row of a bulk import, said by the subgraph that wrote it, never inferred by
 * the caller: CREATED (stored now), UNCHANGED (this very record was already stored: a re-run or a
 * resumed batch), REJECTED (a rule or the policy refused it; it will be refused again) or FAILED
 * (an internal failure; nothing of the row was written and it may be sent again).
 */
export const IMPORT_ROW_STATUSES = ['CREATED', 'UNCHANGED', 'REJECTED', 'FAILED'] as const;
export type ImportRowStatus = (typeof IMPORT_ROW_STATUSES)[number];

export interface ImportRowResult {
  index: number;
  status: ImportRowStatus;
  /** The created record's id (a licence its number, a registration its code). */
  id: string | null;
  field: string | null;
  reason: string | null;
  message: string | null;
}

/** Rows per batch call: one request body stays well below the kit's 1 MB limit for the widest table. */
export const MAX_IMPORT_BATCH = 500;

/** `bounds` of a batch's `inputs` argument: a list of input objects, so only the item count applies. */
export const IMPORT_BATCH_BOUNDS = { maxLength: 0, maxItems: MAX_IMPORT_BATCH } as const;

/** Error codes that are a decision about the row (it would be decided the same way again). */
const DECIDED_CODES = new Set(['BAD_USER_INPUT', 'FORBIDDEN', 'NOT_FOUND', 'CONFLICT', 'UNAUTHENTICATED']);

/** The enterprises a batch writes about, for `prefetch`: codes as typed, upper-cased. */
export const usccsOf = (inputs: readonly object[], field: string): string[] => [
  ...new Set(
    inputs
      .map((input) =>
        String((input as Record<string, unknown>)[field] ?? '')
          .trim()
          .toUpperCase(),
      )
      .filter(Boolean),
  ),
];

/** The steps of a set-based batch import (see runSetBasedImportBatch). */
export interface SetBasedImportSteps<TInput, TRow, TStored> {
  /** Loads what every row will look up (the enterprises' registered regions) in one call; a failure only means each row looks up for itself. */
  prefetch?: () => Promise<unknown>;
  /** Everything the single-row mutation checks before it writes: the row to store, or the error that refuses it. */
  prepare: (input: TInput) => Promise<TRow>;
  /** Stores the rows in one transaction, skipping those a unique key refuses; answers the rows stored. */
  store: (rows: TRow[]) => Promise<TStored[]>;
  /** The unique key of a prepared row and of a stored one: the same text for the same record. */
  keyOfRow: (row: TRow) => string;
  keyOfStored: (stored: TStored) => string;
  /** The id an ImportRowResult gives a created record. */
  idOf: (stored: TStored) => string;
  /** Reads, in one go, what refused these rows, and answers how to tell each one's outcome. */
  refusals: (rows: TRow[]) => Promise<(row: TRow, index: number) => ImportRowResult>;
}

/**
 * A batch written set-based, for records a unique key identifies: every row is checked by
 * `prepare` (the very code of the single-row mutation), the good ones are stored together (one
 * INSERT … ON CONFLICT DO NOTHING per table, not one transaction per row), and the refused ones are
 * told apart by one read. Rows answer as if sent one after another: of rows with the same key the
 * first is created and the later ones find it (UNCHANGED). A failed store writes none of them and fails
 * the call (see importRowOutcome); the batch may be sent again.
 */
export async function runSetBasedImportBatch<TInput, TRow, TStored>(
  inputs: readonly TInput[],
  steps: SetBasedImportSteps<TInput, TRow, TStored>,
): Promise<ImportRowResult[]> {
  // The schema's IMPORT_BATCH_BOUNDS refuse a longer list before any resolver runs; this holds for any caller.
  if (inputs.length > MAX_IMPORT_BATCH) {
    throw badUserInput(`inputs: at most ${MAX_IMPORT_BATCH} rows per call (每批最多${MAX_IMPORT_BATCH}行)`, {
      field: 'inputs',
      reason: 'TOO_MANY',
    });
  }
  await steps.prefetch?.().catch(() => undefined);
  const results: ImportRowResult[] = [];
  const prepared: { index: number; row: TRow; first: boolean }[] = [];
  const keys = new Set<string>();
  for (const [index, input] of inputs.entries()) {
    try {
      const row = await steps.prepare(input);
      const key = steps.keyOfRow(row);
      prepared.push({ index, row, first: !keys.has(key) });
      keys.add(key);
    } catch (error) {
      results[index] = importRowOutcome(index, error);
    }
  }
  try {
    const stored = await steps.store(prepared.filter(({ first }) => first).map(({ row }) => row));
    const created = new Map(stored.map((record) => [steps.keyOfStored(record), record]));
    const refused = prepared.filter(({ row, first }) => !(first && created.has(steps.keyOfRow(row))));
    const outcomeOf = refused.length > 0 ? await steps.refusals(refused.map(({ row }) => row)) : null;
    for (const { index, row, first } of prepared) {
      const record = first ? created.get(steps.keyOfRow(row)) : undefined;
      results[index] = record
        ? { index, status: 'CREATED', id: steps.idOf(record), field: null, reason: null, message: null }
        : (outcomeOf as NonNullable<typeof outcomeOf>)(row, index);
    }
  } catch (error) {
    for (const { index } of prepared) results[index] = importRowOutcome(index, error);
  }
  return results;
}

/**
 * The outcome `importRowOutcome` gives a `keyExists` error, without building the error: a re-run of
 * a file answers every row this way, and a GraphQLError costs 10–40 µs to make (its stack), far
 * more than the row's own checks.
 */
export function keyExistsOutcome(index: number, message: string, details: { field: string; sameRecord: boolean }): ImportRowResult {
  const reason = details.sameRecord ? KEY_EXISTS_REASONS.same : KEY_EXISTS_REASONS.other;
  return { index, status: details.sameRecord ? 'UNCHANGED' : 'REJECTED', id: null, field: details.field, reason, message };
}

/**
 * What a refused row answers: UNCHANGED for its own record found again, REJECTED for a decision
 * about the row (it would be decided the same way again). Anything else is not the row's fault and
 * is thrown: the whole call fails, the server's formatError logs it with an id, and the caller
 * sends the batch again (rows already stored then answer UNCHANGED).
 */
export function importRowOutcome(index: number, error: unknown): ImportRowResult {
  const extensions = error instanceof GraphQLError ? error.extensions : {};
  const code = typeof extensions.code === 'string' ? extensions.code : null;
  const field = typeof extensions.field === 'string' ? extensions.field : null;
  const reason = typeof extensions.reason === 'string' ? extensions.reason : code;
  if (code === 'CONFLICT' && reason === KEY_EXISTS_REASONS.same) {
    return { index, status: 'UNCHANGED', id: null, field, reason, message: (error as Error).message };
  }
  if (code && DECIDED_CODES.has(code)) return { index, status: 'REJECTED', id: null, field, reason, message: (error as Error).message };
  throw error;
}

// biome-ignore lint/suspicious/noExplicitAny: keyed by builder instance of any context type
const importRowRefs = new WeakMap<object, { row: ObjectRef<any, ImportRowResult>; status: EnumRef<any, ImportRowStatus> }>();

/**
 * The shareable `ImportRowResult` type (and its `ImportRowStatus` enum) that every subgraph's
 * batch import mutation answers: composition requires identical declarations, so they come from here.
 */
export function defineImportRowType<TContext extends SubgraphContext>(builder: SubgraphBuilder<TContext>) {
  const existing = importRowRefs.get(builder);
  if (existing) return existing.row as ObjectRef<SubgraphBuilder<TContext>['$inferSchemaTypes'], ImportRowResult>;
  const status = builder.enumType('ImportRowStatus', {
    description: '导入行结果 What became of one row of a bulk import.',
    values: {
      CREATED: { description: '已新增 Stored now.' },
      UNCHANGED: { description: '未变更 This very record was already stored (a re-run): nothing written.' },
      REJECTED: { description: '已拒收 Refused by a rule or the policy; see field and reason.' },
      FAILED: {
        description:
          '失败 Internal failure: nothing written, the row may be sent again. The hub’s batch imports fail the whole call instead.',
      },
    } as const,
  });
  const row = builder.objectRef<ImportRowResult>('ImportRowResult').implement({
    description: '导入行结果 The outcome of one row of a batch import, in the order sent.',
    shareable: true,
    fields: (t) => ({
      index: t.exposeInt('index', { description: '序号 Position of the row in the batch, from 0.' }),
      status: t.field({ type: status, description: '结果 CREATED, UNCHANGED, REJECTED or FAILED.', resolve: (r) => r.status }),
      id: t.exposeID('id', {
        nullable: true,
        description: '记录编号 Id of the record created (a licence its number, a registration its code).',
      }),
      field: t.exposeString('field', { nullable: true, description: '字段 Input field at fault, e.g. input.decisionNumber.' }),
      reason: t.exposeString('reason', { nullable: true, description: '规则 Rule or error code, e.g. KEY_TAKEN, OUTSIDE_REGION.' }),
      message: t.exposeString('message', { nullable: true, description: '说明 What is wrong, or that it was already there.' }),
    }),
  });
  importRowRefs.set(builder, { row, status });
  return row as ObjectRef<SubgraphBuilder<TContext>['$inferSchemaTypes'], ImportRowResult>;
}
