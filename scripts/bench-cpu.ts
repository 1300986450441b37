/**
 * CPU time spent by processes, read from /proc (Linux): what a run cost each part of the hub,
 * whatever else the machine was doing. On a shared or loaded machine wall-clock rates move with
 * the load; CPU seconds per row barely do, and they bound the rate a quiet machine can reach
 * (cores ÷ CPU per row).
 */
import { readdirSync, readFileSync } from 'node:fs';

const TICKS_PER_SECOND = 100; // getconf CLK_TCK on Linux

/** User + system CPU seconds of one process, or 0 when it is gone (or /proc is absent). */
export function processCpuSeconds(pid: number): number {
  try {
    // Fields after the command name, which is in parentheses and may hold spaces.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
  } catch {
    return 0;
  }
}

/**
 * Minor page faults of one process so far (0 when it is gone). On this project's virtual machines
 * a fault costs ~16 µs (a native machine: well under 1 µs), so memory a process maps afresh for
 * every request (GC'd heap pages, large strings and buffers) can cost more than the work itself.
 */
export function processFaults(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[7]);
  } catch {
    return 0;
  }
}

/** Minor page faults of this process so far. */
export const thisProcessFaults = (): number => process.resourceUsage().minorPageFault;

/** User + system CPU seconds of this process. */
export function thisProcessCpuSeconds(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1e6;
}

/** CPU seconds of every PostgreSQL backend serving `database` (its process title names the database). */
export function postgresBackendsCpuSeconds(database: string): number {
  return sumOverBackends(database, processCpuSeconds);
}

/** Minor page faults of every PostgreSQL backend serving `database`. */
export const postgresBackendsFaults = (database: string): number => sumOverBackends(database, processFaults);

function sumOverBackends(database: string, read: (pid: number) => number): number {
  let total = 0;
  let entries: string[] = [];
  try {
    entries = readdirSync('/proc');
  } catch {
    return 0;
  }
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const title = readFileSync(`/proc/${entry}/cmdline`, 'utf8');
      if (title.startsWith('postgres: ') && title.split(' ').includes(database)) total += read(Number(entry));
    } catch {
      // the process ended meanwhile
    }
  }
  return total;
}

/** A snapshot of CPU seconds per named part; `since` gives the difference to an earlier one. */
export function cpuSnapshot(parts: Record<string, () => number>): Record<string, number> {
  return Object.fromEntries(Object.entries(parts).map(([name, read]) => [name, read()]));
}

/** CPU microseconds per row of each part between two snapshots, and their sum, as one printable line. */
export const cpuPerRowLine = (before: Record<string, number>, after: Record<string, number>, rows: number): string =>
  perRowLine('CPU per row', 'µs', 1e6, before, after, rows);

/** Page faults per row of each part between two fault snapshots (see processFaults). */
export const faultsPerRowLine = (before: Record<string, number>, after: Record<string, number>, rows: number): string =>
  perRowLine('page faults per row', '', 1, before, after, rows);

function perRowLine(
  label: string,
  unit: string,
  scale: number,
  before: Record<string, number>,
  after: Record<string, number>,
  rows: number,
): string {
  const parts = Object.keys(after)
    .map((name) => [name, (((after[name] ?? 0) - (before[name] ?? 0)) * scale) / rows] as const)
    .filter(([, perRow]) => perRow > 0)
    .sort((a, b) => b[1] - a[1]);
  const total = parts.reduce((sum, [, perRow]) => sum + perRow, 0);
  const round = (value: number) => (scale === 1 ? value.toFixed(1) : String(Math.round(value)));
  const spaced = unit ? ` ${unit}` : '';
  return `${label}: ${round(total)}${spaced} in all (${parts.map(([name, perRow]) => `${name} ${round(perRow)}`).join(', ')})`;
}
