import { describe, expect, it } from 'vitest';
import { batchDocument, graphqlSink, ImportRefusedError } from './graphql-sink.ts';
import type { AcceptedRow } from './validate.ts';

const rows: AcceptedRow[] = [1, 2, 3, 4].map((n) => ({
  rowNumber: n + 1,
  key: `〔2024〕${n}号`,
  input: { decisionNumber: `〔2024〕${n}号` },
}));

type Answer = { index: number; status: string; field?: string | null; reason?: string | null; message?: string | null };

/** A gateway that answers from a script, one entry per call, and records which rows each call carried. */
function scriptedGateway(script: ((inputs: unknown[]) => Response | Promise<Response>)[]) {
  const calls: unknown[][] = [];
  const fetch = (async (_url: string, init: RequestInit) => {
    const { variables } = JSON.parse(String(init.body)) as { variables: { inputs: unknown[] } };
    calls.push(variables.inputs);
    const next = script[calls.length - 1];
    if (!next) throw new Error('no more answers scripted');
    return next(variables.inputs);
  }) as unknown as typeof globalThis.fetch;
  return { fetch, calls };
}

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
const answers = (list: Answer[]) =>
  json({ data: { rows: list.map((answer) => ({ field: null, reason: null, message: null, ...answer })) } });

describe('graphqlSink: a row is created only when the answer says so for that row', () => {
  it('sends one batch mutation per batch', () => {
    expect(batchDocument('penalties')).toBe(
      'mutation Import($inputs: [RecordPenaltyInput!]!) { rows: importPenalties(inputs: $inputs) { index status field reason message } }',
    );
  });

  it('maps each row of the answer, including UNCHANGED and REJECTED with field and rule', async () => {
    const gateway = scriptedGateway([
      () =>
        answers([
          { index: 0, status: 'CREATED' },
          { index: 1, status: 'UNCHANGED', reason: 'ALREADY_RECORDED' },
          { index: 2, status: 'REJECTED', field: 'input.decisionNumber', reason: 'KEY_TAKEN', message: 'held by another record' },
          { index: 3, status: 'CREATED' },
        ]),
    ]);
    const outcomes = await graphqlSink({ url: 'http://gateway', token: 't', fetch: gateway.fetch }).write('penalties', rows);
    expect(outcomes).toEqual([
      { status: 'created' },
      { status: 'unchanged' },
      { status: 'rejected', problems: [{ field: 'input.decisionNumber', rule: 'KEY_TAKEN', message: 'held by another record' }] },
      { status: 'created' },
    ]);
  });

  it('sends again only the rows a partial answer or a timeout left undecided, and never counts them created', async () => {
    const gateway = scriptedGateway([
      // A partial answer: data for two rows, an error for the rest (e.g. the subgraph timed out mid-batch).
      () =>
        json({
          data: { rows: [{ index: 0, status: 'CREATED' }] },
          errors: [{ message: 'timeout', extensions: { code: 'SUBGRAPH_UNAVAILABLE' } }],
        }),
      () => json({ errors: [{ message: 'upstream timeout', extensions: { code: 'SUBGRAPH_UNAVAILABLE' } }] }, 502),
      () => answers([{ index: 0, status: 'CREATED' }]),
      () => answers([{ index: 0, status: 'CREATED' }]),
      // The attempt that timed out had stored the second row: now it answers UNCHANGED.
      () => answers([{ index: 0, status: 'UNCHANGED' }]),
    ]);
    const outcomes = await graphqlSink({ url: 'http://gateway', token: 't', fetch: gateway.fetch, retryDelayMs: 1 }).write(
      'penalties',
      rows,
    );
    expect(outcomes.map((outcome) => outcome.status)).toEqual(['created', 'unchanged', 'created', 'created']);
    // After the timeout, the three undecided rows go in smaller calls (a quarter of the batch that failed).
    expect(gateway.calls.map((inputs) => inputs.length)).toEqual([4, 1, 1, 1, 1]);
  });

  it('answers failed (retryable) for rows still undecided after the attempts, and for FAILED rows', async () => {
    const failing = () => answers([{ index: 0, status: 'FAILED', message: 'internal error (内部错误) id' }]);
    const gateway = scriptedGateway([failing, failing, failing, failing, failing]);
    const outcomes = await graphqlSink({ url: 'http://gateway', token: 't', fetch: gateway.fetch, retryDelayMs: 1 }).write(
      'penalties',
      rows.slice(0, 2),
    );
    expect(outcomes.map((outcome) => outcome.status)).toEqual(['failed', 'failed']);
  });

  it('stops the import when the whole batch is refused (bad token)', async () => {
    const gateway = scriptedGateway([() => json({ errors: [{ message: 'token expired', extensions: { code: 'UNAUTHENTICATED' } }] }, 401)]);
    await expect(graphqlSink({ url: 'http://gateway', token: 't', fetch: gateway.fetch }).write('penalties', rows)).rejects.toThrow(
      ImportRefusedError,
    );
  });
});
