import { loadSupergraph } from '@credit-hub/gateway';
import { enterpriseAt } from '@credit-hub/seed';
import { buildSchema } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SUBGRAPHS } from '../scripts/subgraphs.ts';
import { badValue, buildCase, describeTarget, fuzzTargets, seededRandom } from './support/fuzz-inputs.ts';
import { type Stack, startStack } from './support/stack.ts';

/** FUZZ_SEED=<n> replays a run; FUZZ_CASES=<n> bad values per input and caller. */
const SEED = Number(process.env.FUZZ_SEED ?? 20_261_130);
const CASES_PER_INPUT = Number(process.env.FUZZ_CASES ?? 5);
const CONCURRENCY = 6;
const SEEDED_ENTERPRISES = 10;

interface Outcome {
  status: number;
  codes: string[];
  message: string;
}

describe('fuzz: generated bad input to every argument of the supergraph', () => {
  let stack: Stack;
  let callers: { label: string; token?: string }[];

  beforeAll(async () => {
    stack = await startStack();
    for (const subgraph of SUBGRAPHS) await subgraph.seed(stack.database(subgraph.name), SEEDED_ENTERPRISES, {});
    callers = [{ label: 'anonymous' }, { label: 'admin', token: await stack.token({ role: 'admin' }) }];
  });
  afterAll(() => stack?.stop());

  it('never answers INTERNAL_SERVER_ERROR or an HTTP 5xx', { timeout: 180_000 }, async () => {
    console.log(`fuzz seed ${SEED} (replay with FUZZ_SEED=${SEED})`);
    const random = seededRandom(SEED);
    const existing = enterpriseAt(1);
    const defaults = { uscc: existing.uscc, regionCode: existing.regionCode };
    const targets = fuzzTargets(buildSchema(loadSupergraph()));
    const cases = targets.flatMap((target) =>
      callers.flatMap((caller) =>
        Array.from({ length: CASES_PER_INPUT }, () => ({
          target,
          caller,
          ...buildCase(target, badValue(target.at.type, random), defaults),
        })),
      ),
    );
    expect(targets.length).toBeGreaterThan(150);

    const failures: string[] = [];
    const send = async ({ query, variables, caller }: (typeof cases)[number]): Promise<Outcome> => {
      const response = await fetch(stack.gatewayUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(caller.token ? { authorization: `Bearer ${caller.token}` } : {}) },
        body: JSON.stringify({ query, variables }),
      });
      const text = await response.text();
      let body: { errors?: { message: string; extensions?: { code?: string } }[] } = {};
      try {
        body = JSON.parse(text);
      } catch {
        // a non-JSON answer is reported through its status below
      }
      const errors = body.errors ?? [];
      return {
        status: response.status,
        codes: errors.map((e) => String(e.extensions?.code)),
        message: errors[0]?.message ?? text.slice(0, 200),
      };
    };

    let next = 0;
    const started = Date.now();
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next < cases.length) {
          const fuzzCase = cases[next++];
          if (!fuzzCase) break;
          const outcome = await send(fuzzCase);
          if (outcome.status >= 500 || outcome.codes.includes('INTERNAL_SERVER_ERROR') || outcome.codes.includes('undefined')) {
            failures.push(
              `${describeTarget(fuzzCase.target)} as ${fuzzCase.caller.label}: HTTP ${outcome.status} ${outcome.codes.join(',')} ` +
                `"${outcome.message.slice(0, 160)}" variables ${JSON.stringify(fuzzCase.variables).slice(0, 300)}`,
            );
          }
        }
      }),
    );
    console.log(`fuzz: ${cases.length} requests over ${targets.length} inputs in ${Date.now() - started} ms`);
    expect(failures.slice(0, 25)).toEqual([]);
  });
});
