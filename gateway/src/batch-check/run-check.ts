/** One operation through the gateway itself, as the caller who uploaded the file. */
export type Execute = (
  query: string,
  variables: Record<string, unknown>,
) => Promise<{ data?: Record<string, unknown> | null; errors?: readonly { message: string; path?: readonly (string | number)[] }[] }>;

export interface CheckRow {
  input: string;
  uscc: string | null;
  valid: boolean;
  reason: string | null;
  name: string | null;
  status: string | null;
  licensesInForce: number | null;
  penaltiesInLast3Years: number | null;
  currentlyAbnormal: boolean | null;
  currentlySerious: boolean | null;
  riskClass: string | null;
  riskNote: string | null;
}

/** Aliases per checkUscc/searchEnterprises operation: under the gateway's alias limit (60). */
const CHECKS_PER_OPERATION = 50;
const NAMES_PER_OPERATION = 20;
/** Codes per enterprises(usccs:) operation; its cost stays under the query cost limit. */
const ENTERPRISES_PER_OPERATION = 200;
const CONCURRENCY = 4;

const looksLikeName = (value: string) => /[\u4e00-\u9fff]/.test(value) && value.replace(/\s/g, '').length !== 18;

const ENTERPRISE_FIELDS = `uscc name status
  licenseSummary { valid }
  sanctionSummary { penaltiesInLast3Years currentlyAbnormal currentlySerious }
  creditRisk { riskClass month }`;

/**
 * 批量核查 One row per input, in input order: names resolved by search, codes checked by
 * checkUscc (the reason when invalid), valid codes looked up with enterprises(usccs:) in batches.
 * Everything runs as the caller: what they may not see (a risk class) is left empty with a note.
 */
export async function runBatchCheck(inputs: readonly string[], execute: Execute, progress: (done: number) => void): Promise<CheckRow[]> {
  const rows: CheckRow[] = inputs.map((input) => ({
    input,
    uscc: null,
    valid: false,
    reason: null,
    name: null,
    status: null,
    licensesInForce: null,
    penaltiesInLast3Years: null,
    currentlyAbnormal: null,
    currentlySerious: null,
    riskClass: null,
    riskNote: null,
  }));
  // Work units: names count once, codes once for the check and once for the lookup.
  const total = inputs.length * 2;
  let done = 0;
  const advance = (units: number) => {
    done += units;
    progress(Math.min(1, done / total));
  };

  const nameRows = rows.filter((row) => looksLikeName(row.input));
  await inChunks(nameRows, NAMES_PER_OPERATION, async (chunk) => {
    const query = `query BatchCheckNames {\n${chunk
      .map(
        (_, i) =>
          `  n${i}: searchEnterprises(filter: { nameContains: ${JSON.stringify(chunk[i]?.input.slice(0, 200))} }, first: 2) { edges { node { uscc name } } }`,
      )
      .join('\n')}\n}`;
    const result = await execute(query, {});
    chunk.forEach((row, i) => {
      const edges = ((result.data?.[`n${i}`] as { edges?: { node: { uscc: string; name: string } }[] } | null)?.edges ?? []).map(
        (e) => e.node,
      );
      const exact = edges.find((node) => node.name === row.input.trim());
      const match = exact ?? (edges.length === 1 ? edges[0] : undefined);
      if (match) row.uscc = match.uscc;
      else
        row.reason = edges.length ? '名称匹配多家企业 name matches several enterprises' : '未找到该名称的企业 no enterprise with this name';
    });
    advance(chunk.length);
  });

  const codeRows = rows.filter((row) => !looksLikeName(row.input));
  await inChunks(codeRows, CHECKS_PER_OPERATION, async (chunk) => {
    const query = `query BatchCheckCodes {\n${chunk.map((row, i) => `  c${i}: checkUscc(code: ${JSON.stringify(row.input.slice(0, 64))}) { normalized valid problems { message } }`).join('\n')}\n}`;
    const result = await execute(query, {});
    chunk.forEach((row, i) => {
      const check = result.data?.[`c${i}`] as { normalized: string; valid: boolean; problems: { message: string }[] } | undefined;
      if (!check) row.reason = firstError(result) ?? 'check failed';
      else if (check.valid) row.uscc = check.normalized;
      else row.reason = check.problems.map((p) => p.message).join('; ');
    });
    advance(chunk.length);
  });

  const lookups = rows.filter((row) => row.uscc);
  await inChunks(lookups, ENTERPRISES_PER_OPERATION, async (chunk) => {
    const result = await execute(
      `query BatchCheckEnterprises($usccs: [String!]!) { enterprises(usccs: $usccs) { ${ENTERPRISE_FIELDS} } }`,
      {
        usccs: chunk.map((row) => row.uscc),
      },
    );
    const found = (result.data?.enterprises as (Record<string, unknown> | null)[] | undefined) ?? [];
    const riskErrors = new Map<number, string>();
    for (const error of result.errors ?? []) {
      if (error.path?.[0] === 'enterprises' && typeof error.path[1] === 'number') riskErrors.set(error.path[1], error.message);
    }
    for (const [i, row] of chunk.entries()) {
      fillRow(row, found[i] ?? null, riskErrors.get(i) ?? (found.length ? null : firstError(result)));
    }
    advance(chunk.length);
  });
  advance(total);
  return rows;
}

function fillRow(row: CheckRow, enterprise: Record<string, unknown> | null, error: string | null) {
  if (!enterprise) {
    row.valid = error === null;
    row.reason = error ?? '代码有效但本库无此企业 valid code, no enterprise on record';
    return;
  }
  const licenses = enterprise.licenseSummary as { valid: number } | null;
  const sanctions = enterprise.sanctionSummary as {
    penaltiesInLast3Years: number;
    currentlyAbnormal: boolean;
    currentlySerious: boolean;
  } | null;
  const risk = enterprise.creditRisk as { riskClass: string; month: string } | null;
  Object.assign(row, {
    valid: true,
    name: enterprise.name,
    status: enterprise.status,
    licensesInForce: licenses?.valid ?? null,
    penaltiesInLast3Years: sanctions?.penaltiesInLast3Years ?? null,
    currentlyAbnormal: sanctions?.currentlyAbnormal ?? null,
    currentlySerious: sanctions?.currentlySerious ?? null,
    riskClass: risk?.riskClass ?? null,
    riskNote: risk ? risk.month : error ? `不可见 ${error}` : '未分类 not classified',
  });
}

const firstError = (result: Awaited<ReturnType<Execute>>) => result.errors?.[0]?.message ?? null;

async function inChunks<T>(items: readonly T[], size: number, work: (chunk: T[]) => Promise<void>): Promise<void> {
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  let next = 0;
  const worker = async () => {
    while (next < chunks.length) {
      const chunk = chunks[next++];
      if (chunk) await work(chunk);
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, chunks.length) }, worker));
}
