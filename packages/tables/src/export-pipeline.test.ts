import { existsSync } from 'node:fs';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { runExport } from './export-pipeline.ts';
import type { LicenseExportRecord, PenaltyExportRecord, WithdrawalRecord } from './export-rows.ts';
import { LICENSE_COLUMNS, PENALTY_COLUMNS } from './national-columns.ts';
import { computeQuality, nationalRowProblems } from './quality.ts';
import { openTable } from './readers.ts';

const golden = join(import.meta.dirname, '..', 'golden');

const licence: LicenseExportRecord = {
  number: 'TS2210123-2027',
  holderName: '运城市华信压力容器有限公司',
  holderUscc: '91350100M000100Y43',
  partyCategory: '法人及非法人组织',
  legalRepresentative: '王五',
  decisionDocument: '特种设备生产许可决定书',
  decisionReference: '晋市监特许〔2023〕15号',
  licenseCategory: '普通',
  certificateName: '中华人民共和国特种设备生产许可证',
  content: '压力容器制造（A2级）',
  issuedOn: '2023-03-05',
  validFrom: '2023-03-05',
  validTo: '2027-03-04',
  authorityName: '山西省市场监督管理局',
  authorityCode: '11140000MB1957483K',
  valid: true,
  sourceName: '山西省市场监督管理局',
  sourceCode: '11140000MB1957483K',
  note: null,
};
const longTerm: LicenseExportRecord = {
  ...licence,
  number: 'SC10614082100015',
  content: '食品生产（糕点）',
  validTo: null,
  note: '有效期长期',
};

const penalty: PenaltyExportRecord = {
  decisionNumber: '运市监处罚〔2024〕12号',
  partyName: '运城市华信压力容器有限公司',
  partyCategory: '法人及非法人组织',
  uscc: '91350100M000100Y43',
  legalRepresentative: '王五',
  partyIdNumber: null,
  violationType: '未经许可从事特种设备生产',
  facts: '经查，当事人未取得许可从事压力容器制造。',
  legalBasis: '《中华人民共和国特种设备安全法》第七十四条',
  penaltyCategories: '罚款;没收违法所得',
  content: '罚款人民币45000元，没收违法所得1234.56元',
  fineYuan: '45000.00',
  confiscatedYuan: '1234.56',
  suspendedLicences: null,
  decidedOn: '2024-06-03',
  effectiveUntil: null,
  publicUntil: '2027-06-03',
  authority: '运城市市场监督管理局',
  authorityCode: '11140800MB1957483K',
  sourceName: '运城市市场监督管理局',
  sourceCode: '11140800MB1957483K',
  note: null,
};
const person: PenaltyExportRecord = {
  ...penalty,
  decisionNumber: '运市监处罚〔2024〕13号',
  partyName: '赵六',
  partyCategory: '自然人',
  uscc: null,
  partyIdNumber: '14270219800101123X',
  penaltyCategories: '罚款',
  fineYuan: '4999.5',
  confiscatedYuan: null,
  content: '罚款人民币4999.50元',
};
const withdrawal: WithdrawalRecord = {
  dataset: 'CF',
  reference: '运市监处罚〔2023〕7号',
  uscc: '91350100M000100Y43',
  kind: '修复',
  on: '2024-07-01',
  note: '信用修复',
};

async function* items<T>(values: T[]) {
  yield* values;
}

async function exportOf(kind: 'licenses' | 'penalties', records: unknown[]) {
  const directory = await mkdtemp(join(tmpdir(), 'export-'));
  const manifest = await runExport({
    directory,
    kind,
    formats: ['csv', 'csv-gbk', 'xlsx', 'ndjson'],
    mode: 'delta',
    since: 'c1',
    cursor: () => 'c2',
    records: items(records as never[]),
    withdrawals: items(kind === 'penalties' ? [withdrawal] : []),
    now: new Date('2026-12-01T00:00:00Z'),
  });
  return { directory, manifest };
}

/** Golden files: rerun with UPDATE_GOLDEN=1 after a deliberate format change, and review the diff. */
async function matchGolden(name: string, actual: string) {
  const path = join(golden, name);
  if (process.env.UPDATE_GOLDEN || !existsSync(path)) await writeFile(path, actual);
  expect(actual).toBe(await readFile(path, 'utf8'));
}

describe('双公示 export', () => {
  it('licences: 28 columns, YYYY/MM/DD, 2099/12/31 for 长期 (golden CSV and NDJSON)', async () => {
    const { directory, manifest } = await exportOf('licenses', [licence, longTerm]);
    const csv = await readFile(join(directory, 'XK.csv'));
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    await matchGolden('XK.csv', csv.toString('utf8'));
    await matchGolden('XK.ndjson', await readFile(join(directory, 'XK.ndjson'), 'utf8'));
    const header = csv.toString('utf8').slice(1).split('\r\n')[0]?.split(',');
    expect(header).toHaveLength(28);
    expect(manifest.counts).toMatchObject({ 'XK.csv': 2, 'XK.xlsx': 2, 'XK.ndjson': 2, 'XK-gbk.csv': 2, 'XK_CXXF.csv': 0 });
  });

  it('penalties: 30 columns, 万元 with six decimals, ID numbers masked, withdrawal list (golden)', async () => {
    const { directory, manifest } = await exportOf('penalties', [penalty, person]);
    const csv = (await readFile(join(directory, 'CF.csv'), 'utf8')).slice(1);
    await matchGolden('CF.csv', csv);
    await matchGolden('CF_CXXF.csv', (await readFile(join(directory, 'CF_CXXF.csv'), 'utf8')).slice(1));
    await matchGolden('CF.ndjson', await readFile(join(directory, 'CF.ndjson'), 'utf8'));
    expect(csv).toContain('4.500000,0.123456');
    expect(csv).toContain('142702********123X');
    expect(csv).not.toContain('14270219800101123X');
    const gbk = iconv.decode(await readFile(join(directory, 'CF-gbk.csv')), 'gbk');
    expect(gbk).toBe(csv);
    expect(manifest.files.map((file) => file.sha256)).toHaveLength(8);
    expect(manifest.cursor).toBe('c2');
  });

  it('XLSX holds the same rows, and every row passes the national column checks', async () => {
    const { directory } = await exportOf('penalties', [penalty, person]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(join(directory, 'CF.xlsx'));
    const sheet = workbook.worksheets[0];
    expect(sheet?.getRow(1).values).toEqual([undefined, ...PENALTY_COLUMNS.map((column) => column.code)]);
    const opened = await openTable(join(directory, 'CF.csv'));
    const rows = [];
    for await (const row of opened.rows) rows.push(row.cells);
    const [codes, ...data] = rows;
    for (const cells of data) {
      const row = Object.fromEntries((codes ?? []).map((code, index) => [code, cells[index] ?? '']));
      expect(nationalRowProblems(row, PENALTY_COLUMNS)).toEqual({ missing: [], invalid: [] });
    }
  });

  it('quality report: completeness, accuracy and timeliness per department', () => {
    const good = { XK_XDR_MC: 'a' } as Record<string, string>;
    for (const column of LICENSE_COLUMNS) good[column.code] ||= column.kind === 'date' ? '2024/06/03' : 'x';
    good.XK_XDR_SHXYM = '91350100M000100Y43';
    const scores = computeQuality(
      [
        { department: 'TSSB', row: good, decidedOn: '2024-06-03', sharedOn: '2024-06-12' },
        // 2024-06-10 is 端午节: 7 working days from 06-03 end on 06-13.
        { department: 'TSSB', row: good, decidedOn: '2024-06-03', sharedOn: '2024-06-13' },
        { department: 'TSSB', row: { ...good, XK_XKJG: '' }, decidedOn: '2024-06-03', sharedOn: '2024-06-14' },
        { department: 'SPSC', row: { ...good, XK_XDR_SHXYM: '91350100M000100Y44' }, decidedOn: '2024-06-03', sharedOn: null },
      ],
      LICENSE_COLUMNS,
    );
    expect(
      scores.map(({ department, completeness, accuracy, timeliness, meetsTarget }) => ({
        department,
        completeness,
        accuracy,
        timeliness,
        meetsTarget,
      })),
    ).toEqual([
      { department: 'SPSC', completeness: 1, accuracy: 0, timeliness: 0, meetsTarget: false },
      { department: 'TSSB', completeness: 0.6667, accuracy: 0.6667, timeliness: 0.6667, meetsTarget: false },
    ]);
  });
});
