/**
 * npm run bench -- limits [--runs 2000]
 *
 * Times the query-limit check on the gateway's own schema, without starting anything: for a 1 KB
 * doubling-fragment bomb, 1 KB of aliases, 1 KB of nesting and the README profile query, the check
 * alone (Armor's depth, aliases and directives rules and the list-aware cost) and the whole path an
 * unseen document takes before planning (parse with the token limit, GraphQL validation, check).
 * Prints p50, p99 and max per case; the target for a 1 KB hostile query is under 5 ms (judged on
 * p50: p99 and max on a shared machine mostly measure the other processes and the GC).
 */
import { readFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { ApolloGateway } from '@apollo/gateway';
import { loadGatewayEnv, loadSupergraph } from '@credit-hub/gateway';
import { checkOperation, queryLimitsFromEnv } from '@credit-hub/subgraph-kit';
import { type DocumentNode, type GraphQLSchema, getOperationAST, parse, validate } from 'graphql';

const TARGET_MS = 5;

export async function benchLimits(): Promise<void> {
  const { values } = parseArgs({ args: process.argv.slice(3), options: { runs: { type: 'string', default: '2000' } } });
  const runs = Number(values.runs);
  const limits = queryLimitsFromEnv(loadGatewayEnv());
  const { schema } = await new ApolloGateway({ supergraphSdl: loadSupergraph() }).load();

  console.log(`query-limit check, ${runs} runs each (limits: ${JSON.stringify(limits)})`);
  console.log(`load average ${loadavg()[0]?.toFixed(2)} on ${availableParallelism()} cores`);
  console.log(
    `${'case'.padEnd(34)} ${'bytes'.padStart(5)}  ${'verdict'.padEnd(12)} check p50 / p99 / max ms     parse+validate+check p50 / p99 / max ms`,
  );
  for (const [name, query] of cases()) {
    const verdict = check(schema, parse(query, { maxTokens: limits.maxTokens }), limits);
    const document = parse(query);
    const checkOnly = time(runs, () => check(schema, document, limits));
    const whole = time(runs, () => {
      const document = parse(query, { maxTokens: limits.maxTokens });
      if (validate(schema, document).length === 0) check(schema, document, limits);
    });
    const over = whole.p50 > TARGET_MS ? '  OVER TARGET' : '';
    console.log(
      `${name.padEnd(34)} ${String(query.length).padStart(5)}  ${verdict.padEnd(12)} ${format(checkOnly)}     ${format(whole)}${over}`,
    );
  }
}

function check(schema: GraphQLSchema, document: DocumentNode, limits: ReturnType<typeof queryLimitsFromEnv>): string {
  const operation = getOperationAST(document);
  if (!operation) throw new Error('no operation');
  const result = checkOperation(schema, document, operation, {}, limits);
  return result.exceeded ? `over ${result.exceeded.limit}` : 'passes';
}

function cases(): [string, string][] {
  const fragments = ['fragment F1 on Query { __typename }'];
  for (let level = 2; level <= 28; level++) fragments.push(`fragment F${level} on Query{...F${level - 1} ...F${level - 1}}`);
  const bomb = `query Bomb { ...F28 } ${fragments.join(' ')}`;
  let aliases = '{';
  for (let i = 0; aliases.length < 1010; i++) aliases += ` a${i}: __typename`;
  aliases += ' }';
  let depth = 0;
  while (`{ license(number: "x") { ${'holder { licenses { '.repeat(depth + 1)}number${' } }'.repeat(depth + 1)} } }`.length < 1024) depth++;
  const nesting = `{ license(number: "x") { ${'holder { licenses { '.repeat(depth)}number${' } }'.repeat(depth)} } }`;
  const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
  const profile = readme.match(/```graphql\n[^\n]*\n(query Profile \{[\s\S]*?\n\})/)?.[1];
  if (!profile) throw new Error('README has no Profile example');
  return [
    ['1 KB doubling-fragment bomb', bomb],
    ['1 KB of aliases', aliases],
    ['1 KB of nesting', nesting],
    ['README Profile query', profile],
  ];
}

interface Timing {
  p50: number;
  p99: number;
  max: number;
}

function time(runs: number, work: () => void): Timing {
  for (let i = 0; i < Math.min(200, runs); i++) work(); // warm the JIT
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = process.hrtime.bigint();
    work();
    samples.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  samples.sort((a, b) => a - b);
  const at = (quantile: number) => samples[Math.min(samples.length - 1, Math.floor(quantile * samples.length))] ?? 0;
  return { p50: at(0.5), p99: at(0.99), max: samples[samples.length - 1] ?? 0 };
}

const format = (timing: Timing) => `${timing.p50.toFixed(3)} / ${timing.p99.toFixed(3)} / ${timing.max.toFixed(3)}`.padEnd(24);
