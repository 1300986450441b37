import type { TableKind } from './aliases.ts';
import type { ImportSink, WriteOutcome } from './import-pipeline.ts';
import type { AcceptedRow } from './validate.ts';

/**
 * The owning subgraph's batch mutation for each table kind. Each row goes through the very code of
 * the form's mutation (every rule and permission applies) and the answer names each row's outcome.
 */
export const IMPORT_MUTATIONS: Record<TableKind, { field: string; inputType: string }> = {
  licenses: { field: 'importLicenses', inputType: 'GrantLicenseInput' },
  registrations: { field: 'importEquipmentRegistrations', inputType: 'RecordEquipmentRegistrationInput' },
  penalties: { field: 'importPenalties', inputType: 'RecordPenaltyInput' },
  abnormal: { field: 'importAbnormalOperations', inputType: 'ListAbnormalOperationInput' },
  serious: { field: 'importSeriousViolations', inputType: 'ListSeriousViolationInput' },
};

/**
 * Rows per request: the most the subgraphs take (MAX_IMPORT_BATCH). Every batch mutation stores
 * its rows set-based (one transaction, one INSERT per table), so a call's fixed cost (HTTP, the
 * gateway's plan, the enterprises lookup, the commit) is what a smaller batch multiplies: 10 000
 * penalties went in at ~1 100 rows/s in calls of 100 and ~2 200 in calls of 500 (import-e2e, same
 * load). A 500-row call takes a few hundred milliseconds, far inside the gateway's
 * SUBGRAPH_TIMEOUT_MS (10 s), and the sink splits a batch that timed out anyway.
 */
export const GRAPHQL_BATCH = 500;

/** The most rows one call may carry: the subgraphs' MAX_IMPORT_BATCH (the kit's import-batch.ts). */
export const MAX_GRAPHQL_BATCH = 500;

/** Attempts for rows whose outcome is not known (transport failure, FAILED row) before the import stops for a later resume. */
const ATTEMPTS = 5;

interface GraphQLError {
  message: string;
  path?: (string | number)[];
  extensions?: { code?: string; field?: string; reason?: string };
}

interface RowAnswer {
  index: number;
  status: 'CREATED' | 'UNCHANGED' | 'REJECTED' | 'FAILED';
  field: string | null;
  reason: string | null;
  message: string | null;
}

/** The batch could not be judged at all (bad token, refused document): every resume would fail the same way. */
export class ImportRefusedError extends Error {}

/** One batch as one call of the owning subgraph's batch mutation. */
export function batchDocument(kind: TableKind): string {
  const { field, inputType } = IMPORT_MUTATIONS[kind];
  return `mutation Import($inputs: [${inputType}!]!) { rows: ${field}(inputs: $inputs) { index status field reason message } }`;
}

/** The input without its empty fields (absent, not null, as a form leaves them); a loop, not entries → filter → fromEntries: 2 → 1 µs a row. */
function withoutNulls(input: Record<string, unknown>): Record<string, unknown> {
  const kept: Record<string, unknown> = {};
  for (const key of Object.keys(input)) {
    const value = input[key];
    if (value !== null && value !== undefined) kept[key] = value;
  }
  return kept;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Writes through the gateway with the uploading user's own token: the subgraphs judge every row
 * by that user's role, department and region, exactly as if it was typed into a form.
 *
 * A row is `created` or `unchanged` only when the subgraph's answer says so for that row. Nothing
 * is inferred from errors or from the position of a failure: a transport failure, a timeout or a
 * partial answer leaves the rows it did not name undecided, and they are sent again (the batch
 * mutation is idempotent by natural key, so a row stored by the lost attempt answers UNCHANGED).
 * Rows still undecided after the attempts come back `failed`, and the pipeline stops before
 * committing the batch.
 */
export function graphqlSink(options: { url: string; token: string; fetch?: typeof fetch; retryDelayMs?: number }): ImportSink {
  const doFetch = options.fetch ?? fetch;
  const retryDelay = options.retryDelayMs ?? 500;

  /** One call; the answer of each row it names (undecided rows are absent), or why nothing was decided. */
  async function send(kind: TableKind, rows: readonly AcceptedRow[]): Promise<{ answers: Map<number, RowAnswer>; problem: string | null }> {
    let response: Response;
    try {
      response = await doFetch(options.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${options.token}` },
        // Bytes, not text: fetch checks a text body for lone surrogates and encodes it again (JSON.stringify never writes any).
        body: Buffer.from(
          JSON.stringify({ query: batchDocument(kind), variables: { inputs: rows.map((row) => withoutNulls(row.input)) } }),
        ),
      });
    } catch (error) {
      return { answers: new Map(), problem: `gateway unreachable: ${(error as Error).message}` };
    }
    if (response.status === 401 || response.status === 403) {
      throw new ImportRefusedError(`gateway answered ${response.status}: the token does not allow this import`);
    }
    let body: { data?: { rows?: RowAnswer[] | null } | null; errors?: GraphQLError[] };
    try {
      body = (await response.json()) as typeof body;
    } catch {
      return { answers: new Map(), problem: `gateway answered ${response.status} without a GraphQL body` };
    }
    const answers = new Map<number, RowAnswer>();
    for (const answer of body.data?.rows ?? []) {
      if (Number.isInteger(answer.index) && answer.index >= 0 && answer.index < rows.length) answers.set(answer.index, answer);
    }
    if (answers.size === 0 && body.errors?.length) {
      const error = body.errors[0] as GraphQLError;
      const code = error.extensions?.code;
      // The whole call was judged and refused (a field the subgraph does not know, no permission at all).
      if (code === 'BAD_USER_INPUT' || code === 'GRAPHQL_VALIDATION_FAILED' || code === 'FORBIDDEN' || code === 'UNAUTHENTICATED') {
        throw new ImportRefusedError(`the batch was refused as a whole: ${error.message}`);
      }
      return { answers, problem: `${code ?? 'error'}: ${error.message}` };
    }
    return { answers, problem: answers.size < rows.length ? `the answer named ${answers.size} of ${rows.length} rows` : null };
  }

  return {
    async write(kind, rows: readonly AcceptedRow[]) {
      const outcomes: (WriteOutcome | undefined)[] = rows.map(() => undefined);
      let lastProblem = 'not sent';
      // A call that times out (the gateway waits SUBGRAPH_TIMEOUT_MS) is sent again in quarters.
      let chunk = rows.length;
      for (let attempt = 1; attempt <= ATTEMPTS; attempt += 1) {
        const pending = rows.flatMap((_, index) => (outcomes[index] === undefined ? [index] : []));
        if (pending.length === 0) break;
        if (attempt > 1) await pause(retryDelay * 2 ** (attempt - 2));
        for (let start = 0; start < pending.length; start += chunk) {
          const part = pending.slice(start, start + chunk);
          const { answers, problem } = await send(
            kind,
            part.map((index) => rows[index] as AcceptedRow),
          );
          if (problem) lastProblem = problem;
          for (const [sentIndex, answer] of answers) {
            const outcome = outcomeOf(answer);
            if (outcome.status === 'failed') lastProblem = outcome.reason;
            else outcomes[part[sentIndex] as number] = outcome;
          }
          if (problem && answers.size < part.length) chunk = Math.max(1, Math.ceil(part.length / 4));
        }
      }
      return outcomes.map((outcome) => outcome ?? { status: 'failed', reason: lastProblem });
    },
  };
}

function outcomeOf(answer: RowAnswer): WriteOutcome {
  switch (answer.status) {
    case 'CREATED':
      return { status: 'created' };
    case 'UNCHANGED':
      return { status: 'unchanged' };
    case 'REJECTED':
      return {
        status: 'rejected',
        problems: [
          { field: answer.field ?? '', rule: answer.reason ?? 'REJECTED', message: answer.message ?? 'refused by the owning service' },
        ],
      };
    default:
      return { status: 'failed', reason: answer.message ?? 'the owning service failed on this row' };
  }
}
