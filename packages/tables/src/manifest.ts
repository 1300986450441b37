import type { WrittenFile } from './writers.ts';

/**
 * 清单 manifest.json beside the files of one export: what each file holds, its SHA-256, and the
 * feed cursor the next delta continues from (the platform stores it and asks `--since` it).
 */
export interface ExportManifest {
  standard: '行政许可、行政处罚等信用信息数据归集标准';
  kind: string;
  mode: 'snapshot' | 'delta';
  /** Cursor the delta started after; null for a snapshot. */
  since: string | null;
  /** Cursor to ask the next delta from. */
  cursor: string | null;
  generatedAt: string;
  counts: Record<string, number>;
  files: WrittenFile[];
}

export function buildManifest(input: Omit<ExportManifest, 'standard' | 'counts'>): ExportManifest {
  const counts: Record<string, number> = {};
  for (const file of input.files) counts[file.name] = file.rows;
  return { standard: '行政许可、行政处罚等信用信息数据归集标准', ...input, counts };
}
