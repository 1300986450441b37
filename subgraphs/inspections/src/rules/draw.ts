import { createHash } from 'node:crypto';
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import type { Selection } from './vocabulary.ts';

/**
 * The 双随机 draw: enterprises at random per credit risk class, inspectors at random per
 * enterprise. Pure and deterministic: the same seed over the same pool gives the same draw.
 *
 * - PRNG: pure-rand's xoroshiro128+ seeded with a 32-bit integer, integers by `uniformInt`
 *   (unbiased rejection sampling). One generator per draw, consumed in a fixed order.
 * - The pool is de-duplicated and sorted by USCC before anything is drawn, so the order in which
 *   the subgraphs answered does not matter.
 * - Key supervision units (special-equipment producers and inspection bodies, 晋市监发〔2021〕181号
 *   part 3) are all included, never sampled; the rest is sampled per class.
 * - Count per class: ceil(pool × ratio) when the ratio is above 0, else 0, capped at the pool.
 *   Ratios are basis points (integers), so the rounding is exact: ceil(n × bp / 10 000).
 * - Sampling: a partial Fisher–Yates shuffle of the class's sorted members; the first k are drawn.
 * - A-class enterprises are checked off site (书面/非现场) unless a trigger applies (运市监信用〔2022〕4号
 *   part 6.2: 对A类企业……可不主动实施现场检查); triggered inspections are recorded outside draws.
 * - Inspectors: `perEnterprise` (≥ 2) distinct active inspectors among those not of the
 *   enterprise's own county (from its county only when too few others exist), balanced by
 *   workload: each place is filled at random from the **lowest-load tier** of the eligible
 *   inspectors, the load being their assignments in the plan year's confirmed draws (given) plus
 *   those of this draw so far. Random within the tier and reproducible from the seed and the loads
 *   (which are stored with the draw).
 */

export const CLASS_KEYS = ['A', 'B', 'C', 'D', 'UNCLASSIFIED'] as const;
export type ClassKey = (typeof CLASS_KEYS)[number];
export type ClassRatios = Record<ClassKey, number>;
export type ClassCounts = Record<ClassKey, number>;

export interface CandidateFilter {
  /** 2, 4 or 6 digits of the registered region. */
  regionPrefix: string;
  keyDomain: string | null;
  industryCode: string | null;
  /** Only holders of a licence of this kind in force. */
  licenseKind: string | null;
  /** Only special-equipment user units (使用单位: equipment registered in use). */
  equipmentUsers: boolean;
}

export interface Candidate {
  uscc: string;
  regionCode: string;
  riskClass: 'A' | 'B' | 'C' | 'D' | null;
  keySupervision: boolean;
}

export interface DrawInspector {
  id: number;
  regionCode: string;
}

/** Inspector id → assignments already held in the plan year (confirmed draws of other tasks). */
export type InspectorLoads = Readonly<Record<number, number>>;

export interface DrawnEntry {
  uscc: string;
  regionCode: string;
  riskClass: Candidate['riskClass'];
  selection: Selection;
  onSite: boolean;
  inspectorIds: number[];
}

export interface DrawOutcome {
  entries: DrawnEntry[];
  poolSize: number;
  poolDigest: string;
  poolCounts: ClassCounts;
  drawnCounts: ClassCounts;
  keySupervisionCount: number;
}

export const BASIS_POINTS = 10_000;

/** ceil(poolSize × bp / 10 000) when bp > 0, else 0; never more than the pool. */
export function countForClass(poolSize: number, basisPoints: number): number {
  if (basisPoints <= 0 || poolSize <= 0) return 0;
  return Math.min(poolSize, Math.floor((poolSize * basisPoints + BASIS_POINTS - 1) / BASIS_POINTS));
}

const classKey = (candidate: Candidate): ClassKey => candidate.riskClass ?? 'UNCLASSIFIED';
const zeroCounts = (): ClassCounts => ({ A: 0, B: 0, C: 0, D: 0, UNCLASSIFIED: 0 });

export class DrawError extends Error {
  constructor(
    readonly reason: 'NOT_ENOUGH_INSPECTORS',
    message: string,
  ) {
    super(message);
  }
}

/** The pool as the draw sees it: one entry per code, sorted by code. */
export function normalisePool(pool: readonly Candidate[]): Candidate[] {
  const byCode = new Map<string, Candidate>();
  for (const candidate of pool) if (!byCode.has(candidate.uscc)) byCode.set(candidate.uscc, candidate);
  return [...byCode.values()].sort((a, b) => (a.uscc < b.uscc ? -1 : a.uscc > b.uscc ? 1 : 0));
}

export function poolDigestOf(sorted: readonly Candidate[]): string {
  const hash = createHash('sha256');
  for (const c of sorted) hash.update(`${c.uscc},${c.riskClass ?? '-'},${c.keySupervision ? 1 : 0}\n`);
  return hash.digest('hex');
}

type Rng = ReturnType<typeof xoroshiro128plus>;

/**
 * `k` distinct inspectors from `eligible`, one place at a time, each at random from those with the
 * lowest current load (ties kept in id order, so the seed alone decides); the loads are updated as
 * places are filled, so the next enterprise sees them.
 */
function pickLeastLoaded(rng: Rng, eligible: readonly DrawInspector[], k: number, load: Map<number, number>): DrawInspector[] {
  const remaining = eligible.slice();
  const picked: DrawInspector[] = [];
  while (picked.length < k && remaining.length > 0) {
    let lowest = Number.POSITIVE_INFINITY;
    for (const inspector of remaining) lowest = Math.min(lowest, load.get(inspector.id) ?? 0);
    const tier = remaining.filter((inspector) => (load.get(inspector.id) ?? 0) === lowest);
    const chosen = tier[uniformInt(rng, 0, tier.length - 1)] as DrawInspector;
    picked.push(chosen);
    load.set(chosen.id, lowest + 1);
    remaining.splice(remaining.indexOf(chosen), 1);
  }
  return picked;
}

/** The first `k` of a partial Fisher–Yates shuffle of `items` (a copy; `items` is left as it is). */
function sample<T>(rng: Rng, items: readonly T[], k: number): T[] {
  const copy = items.slice();
  const take = Math.min(k, copy.length);
  for (let i = 0; i < take; i++) {
    const j = uniformInt(rng, i, copy.length - 1);
    const swap = copy[i] as T;
    copy[i] = copy[j] as T;
    copy[j] = swap;
  }
  return copy.slice(0, take);
}

export function drawEnterprises(options: {
  pool: readonly Candidate[];
  ratios: ClassRatios;
  inspectors: readonly DrawInspector[];
  perEnterprise: number;
  seed: number;
  /** Assignments each inspector already holds in the plan year; absent = 0. */
  loads?: InspectorLoads;
}): DrawOutcome {
  const sorted = normalisePool(options.pool);
  const rng = xoroshiro128plus(options.seed | 0);
  const poolCounts = zeroCounts();
  const drawnCounts = zeroCounts();
  const members = new Map<ClassKey, Candidate[]>(CLASS_KEYS.map((key) => [key, []]));
  const chosen: { candidate: Candidate; selection: Selection }[] = [];
  for (const candidate of sorted) {
    poolCounts[classKey(candidate)]++;
    if (candidate.keySupervision) chosen.push({ candidate, selection: 'KEY_SUPERVISION' });
    else members.get(classKey(candidate))?.push(candidate);
  }
  for (const key of CLASS_KEYS) {
    const group = members.get(key) ?? [];
    for (const candidate of sample(rng, group, countForClass(group.length, options.ratios[key]))) {
      chosen.push({ candidate, selection: 'SAMPLED' });
    }
  }
  chosen.sort((a, b) => (a.candidate.uscc < b.candidate.uscc ? -1 : 1));
  const active = [...options.inspectors].sort((a, b) => a.id - b.id);
  if (chosen.length > 0 && active.length < options.perEnterprise) {
    throw new DrawError(
      'NOT_ENOUGH_INSPECTORS',
      `each enterprise needs ${options.perEnterprise} inspectors; the department has ${active.length} active in the region`,
    );
  }
  const load = new Map<number, number>(active.map((inspector) => [inspector.id, options.loads?.[inspector.id] ?? 0]));
  const byCounty = new Map<string, DrawInspector[]>();
  const othersOf = new Map<string, DrawInspector[]>();
  for (const inspector of active) byCounty.set(inspector.regionCode, [...(byCounty.get(inspector.regionCode) ?? []), inspector]);
  const entries = chosen.map(({ candidate, selection }) => {
    drawnCounts[classKey(candidate)]++;
    let others = othersOf.get(candidate.regionCode);
    if (!others) {
      others = active.filter((inspector) => inspector.regionCode !== candidate.regionCode);
      othersOf.set(candidate.regionCode, others);
    }
    const picked = pickLeastLoaded(rng, others, options.perEnterprise, load);
    if (picked.length < options.perEnterprise) {
      picked.push(...pickLeastLoaded(rng, byCounty.get(candidate.regionCode) ?? [], options.perEnterprise - picked.length, load));
    }
    return {
      uscc: candidate.uscc,
      regionCode: candidate.regionCode,
      riskClass: candidate.riskClass,
      selection,
      onSite: selection === 'KEY_SUPERVISION' || candidate.riskClass !== 'A',
      inspectorIds: picked.map((inspector) => inspector.id).sort((a, b) => a - b),
    };
  });
  return {
    entries,
    poolSize: sorted.length,
    poolDigest: poolDigestOf(sorted),
    poolCounts,
    drawnCounts,
    keySupervisionCount: chosen.filter((entry) => entry.selection === 'KEY_SUPERVISION').length,
  };
}

/** Licence kinds whose holders are key supervision (重点监管): producers and inspection bodies. */
export const KEY_SUPERVISION_LICENSE_KINDS: ReadonlySet<string> = new Set(['SPECIAL_EQUIPMENT_PRODUCTION', 'SPECIAL_EQUIPMENT_INSPECTION']);
