import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runExport } from './export-pipeline.ts';
import { licenseRow } from './export-rows.ts';
import type { FeedEvent } from './feed-fold.ts';
import { foldLicenseEvents, licenseExportRecord, type PublicLicense } from './license-export.ts';
import { LICENSE_COLUMNS, rowObject } from './national-columns.ts';
import { nationalRowProblems } from './quality.ts';

const licence: PublicLicense = {
  number: 'TS2210123-2027',
  kind: 'SPECIAL_EQUIPMENT_PRODUCTION',
  holderUscc: '91350100M000100Y43',
  items: [{ activity: 'MANUFACTURE', category: '压力容器制造', categoryCode: '2100', parameters: 'A2级' }],
  issuedOn: '2023-03-05',
  validFrom: '2023-03-05',
  validTo: '2027-03-04',
  authorityName: '山西省市场监督管理局',
  authorityCode: '11140000MB1957483K',
  status: 'VALID',
  statusChangedOn: '2023-03-05',
  publishedOn: '2023-03-06',
  decisionReference: '晋市监特许〔2023〕15号',
};
const source = { sourceName: '山西省市场监督管理局', sourceCode: '11140000MB1957483K' };
const party = { name: '运城市华信压力容器有限公司', legalRepresentative: '王五' };

const event = (kind: string, payload: PublicLicense, position: number): FeedEvent => ({
  id: `e${position}`,
  kind,
  uscc: payload.holderUscc,
  occurredAt: `2026-11-0${position}T00:00:00Z`,
  effectiveOn: payload.statusChangedOn,
  payload: payload as unknown as Record<string, unknown>,
  cursor: `c${position}`,
});

describe('licence export from the licences subgraph’s public view', () => {
  it('maps a licence to the 28 national columns, valid for the platform’s validator', () => {
    const row = rowObject(LICENSE_COLUMNS, licenseRow(licenseExportRecord(licence, party, source, '2026-12-01'), 'table'));
    expect(nationalRowProblems(row, LICENSE_COLUMNS)).toEqual({ missing: [], invalid: [] });
    expect(row).toMatchObject({
      XK_XDR_MC: '运城市华信压力容器有限公司',
      XK_XKWS: '特种设备生产许可决定书',
      XK_WSH: '晋市监特许〔2023〕15号',
      XK_XKZS: '中华人民共和国特种设备生产许可证',
      XK_NR: '压力容器制造（A2级）',
      XK_YXQZI: '2027/03/04',
      XK_ZT: '1',
    });
  });

  it('is 无效 (2) once past its end or no longer VALID', () => {
    expect(licenseRow(licenseExportRecord(licence, party, source, '2027-03-05'), 'table')[24]).toBe('2');
    expect(licenseRow(licenseExportRecord({ ...licence, status: 'SUSPENDED' }, party, source, '2026-12-01'), 'table')[24]).toBe('2');
  });

  it('folds feed events: the latest version per licence; a revoked one only on the withdrawal list', async () => {
    const other = { ...licence, number: 'SC10614082100015', kind: 'FOOD_PRODUCTION' };
    const folded = foldLicenseEvents([
      event('license.granted', licence, 1),
      event('license.granted', other, 2),
      event('license.status_changed', { ...other, status: 'REVOKED', statusChangedOn: '2026-11-03' }, 3),
      event('penalty.published', licence, 4),
    ]);
    expect([...folded.published.keys()]).toEqual(['TS2210123-2027']);
    expect([...folded.withdrawn.values()]).toEqual([
      { dataset: 'XK', reference: 'SC10614082100015', uscc: licence.holderUscc, kind: '撤销', on: '2026-11-03', note: 'REVOKED' },
    ]);
    const directory = await mkdtemp(join(tmpdir(), 'licence-export-'));
    async function* records() {
      for (const item of folded.published.values()) yield licenseExportRecord(item, party, source, '2026-12-01');
    }
    async function* withdrawals() {
      yield* folded.withdrawn.values();
    }
    const manifest = await runExport({
      directory,
      kind: 'licenses',
      formats: ['csv'],
      mode: 'delta',
      since: 'c0',
      cursor: () => 'c4',
      records: records(),
      withdrawals: withdrawals(),
    });
    expect(manifest.counts).toEqual({ 'XK.csv': 1, 'XK_CXXF.csv': 1 });
    expect(await readFile(join(directory, 'XK_CXXF.csv'), 'utf8')).toContain(
      'XK,SC10614082100015,91350100M000100Y43,撤销,2026/11/03,REVOKED',
    );
  });
});
