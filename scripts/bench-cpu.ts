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

/** User + system CPU seconds of this process. */
export function thisProcessCpuSeconds(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1e6;
}

/** CPU seconds of every PostgreSQL backend serving `database` (its process title names the database). */
export function postgresBackendsCpuSeconds(database: string): number {
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
      if (title.startsWith('postgres: ') && title.split(' ').includes(database)) total += processCpuSeconds(Number(entry));
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
export function cpuPerRowLine(before: Record<string, number>, after: Record<string, number>, rows: number): string {
  const parts = Object.keys(after)
    .map((name) => [name, (((after[name] ?? 0) - (before[name] ?? 0)) * 1e6) / rows] as const)
    .filter(([, perRow]) => perRow > 0)
    .sort((a, b) => b[1] - a[1]);
  const total = parts.reduce((sum, [, perRow]) => sum + perRow, 0);
  return `CPU per row: ${Math.round(total)} µs in all (${parts.map(([name, perRow]) => `${name} ${Math.round(perRow)}`).join(', ')})`;
}
