import type { TableKind } from './aliases.ts';
import type { ImportSink, WriteOutcome } from './import-pipeline.ts';
import type { AcceptedRow } from './validate.ts';

/** The owning subgraph's mutation for each table kind: every rule and permission of a form applies. */
export const IMPORT_MUTATIONS: Record<TableKind, { field: string; inputType: string }> = {
  licenses: { field: 'grantLicense', inputType: 'GrantLicenseInput' },
  registrations: { field: 'recordEquipmentRegistration', inputType: 'RecordEquipmentRegistrationInput' },
  penalties: { field: 'recordPenalty', inputType: 'RecordPenaltyInput' },
  abnormal: { field: 'listAbnormalOperation', inputType: 'ListAbnormalOperationInput' },
  serious: { field: 'listSeriousViolation', inputType: 'ListSeriousViolationInput' },
};

/** Below the gateway's alias limit (QUERY_MAX_ALIASES, default 60). */
export const GRAPHQL_BATCH = 50;

interface GraphQLError {
  message: string;
  path?: (string | number)[];
  extensions?: { code?: string; field?: string; reason?: string };
}

export class ImportTransportError extends Error {}

/** One batch as one GraphQL document of aliased mutations (top-level mutations run in order). */
export function batchDocument(kind: TableKind, count: number): string {
  const { field, inputType } = IMPORT_MUTATIONS[kind];
  const variables = Array.from({ length: count }, (_, index) => `$i${index}: ${inputType}!`).join(', ');
  const selections = Array.from({ length: count }, (_, index) => `r${index}: ${field}(input: $i${index}) { __typename }`).join(' ');
  return `mutation Import(${variables}) { ${selections} }`;
}

const withoutNulls = (input: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(input).filter(([, value]) => value !== null && value !== undefined));

/**
 * Writes through the gateway with the uploading user's own token: the subgraphs judge every row
 * by that user's role, department and region, exactly as if it was typed into a form. A row
 * whose natural key exists answers CONFLICT, which an import reports as `unchanged`: so a re-run,
 * or a resumed batch, writes nothing twice.
 */
export function graphqlSink(options: { url: string; token: string; fetch?: typeof fetch }): ImportSink {
  const doFetch = options.fetch ?? fetch;
  /** Sends rows as one document; answers the outcome of each row it ran, in order. */
  async function send(kind: TableKind, rows: readonly AcceptedRow[]): Promise<WriteOutcome[]> {
    const variables = Object.fromEntries(rows.map((row, index) => [`i${index}`, withoutNulls(row.input)]));
    const response = await doFetch(options.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${options.token}` },
      body: JSON.stringify({ query: batchDocument(kind, rows.length), variables }),
    });
    if (response.status === 401 || response.status === 403 || response.status >= 500 || response.status === 429) {
      throw new ImportTransportError(`gateway answered ${response.status}: the batch is not committed, resume later`);
    }
    const body = (await response.json()) as { errors?: GraphQLError[] };
    let failed: { index: number; error: GraphQLError } | null = null;
    for (const error of body.errors ?? []) {
      const alias = error.path?.[0];
      const index = typeof alias === 'string' && alias.startsWith('r') ? Number(alias.slice(1)) : Number.NaN;
      if (Number.isNaN(index)) throw new ImportTransportError(`the batch was refused as a whole: ${error.message}`);
      if (!failed || index < failed.index) failed = { index, error };
    }
    // Mutation fields run one after another and stop at the first failure of a non-null field:
    // rows before it were written, rows after it never ran.
    const ran = failed ? failed.index : rows.length;
    const outcomes: WriteOutcome[] = rows.slice(0, ran).map(() => ({ status: 'created' }));
    if (failed) outcomes.push(outcomeOf(failed.error));
    return outcomes;
  }
  return {
    async write(kind, rows: readonly AcceptedRow[]) {
      const outcomes: WriteOutcome[] = [];
      while (outcomes.length < rows.length) outcomes.push(...(await send(kind, rows.slice(outcomes.length))));
      return outcomes;
    },
  };
}

function outcomeOf(error: GraphQLError): WriteOutcome {
  const code = error.extensions?.code ?? 'INTERNAL_SERVER_ERROR';
  if (code === 'CONFLICT') return { status: 'unchanged' };
  if (code === 'INTERNAL_SERVER_ERROR' || code === 'SUBGRAPH_UNAVAILABLE') {
    throw new ImportTransportError(`row failed with ${code}: ${error.message}`);
  }
  return {
    status: 'rejected',
    problems: [{ field: error.extensions?.field ?? '', rule: error.extensions?.reason ?? code, message: error.message }],
  };
}
