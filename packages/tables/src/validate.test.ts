import { normalizeDecisionNumber } from '@credit-hub/decision-number';
import { describe, expect, it } from 'vitest';
import { mapHeader } from './aliases.ts';
import { penaltyTable } from './sample-tables.ts';
import { RowValidator } from './validate.ts';

describe('normalizeDecisionNumber', () => {
  it('returns a number already in the stored spelling as it is, and respells every other', () => {
    expect(normalizeDecisionNumber('运市监处罚〔2024〕12号')).toBe('运市监处罚〔2024〕12号');
    expect(normalizeDecisionNumber('运市监处罚[2024]12号')).toBe('运市监处罚〔2024〕12号');
    expect(normalizeDecisionNumber('运市监处罚【2024】12号')).toBe('运市监处罚〔2024〕12号');
    expect(normalizeDecisionNumber('运市监处罚（2024）12号')).toBe('运市监处罚〔2024〕12号');
    expect(normalizeDecisionNumber(' 运市监处罚 〔2024〕 12号 ')).toBe('运市监处罚〔2024〕12号');
    expect(normalizeDecisionNumber('运市监(食)罚〔2024〕12号')).toBe('运市监（食）罚〔2024〕12号');
    expect(normalizeDecisionNumber('运市监罚〔24〕12号')).toBe('运市监罚〔24〕12号');
    // Brackets around a prefix take the subgraph's spelling too, so a file's duplicate check finds the pair.
    expect(normalizeDecisionNumber('【食药】运市监处罚〔2024〕3号')).toBe(normalizeDecisionNumber('[食药]运市监处罚[2024]3号'));
  });
});

describe('RowValidator', () => {
  const table = penaltyTable(4);
  const validator = () => new RowValidator(mapHeader('penalties', table.headers), { today: '2026-12-01' });
  const row = (rowNumber: number, change: (cells: string[]) => void) => {
    const cells = [...(table.rows[0] as string[])];
    cells[4] = `运市监处罚〔2024〕${rowNumber}号`;
    change(cells);
    return { rowNumber, cells };
  };

  it('judges a text seen before as it did the first time (codes, dates and words repeat row after row)', () => {
    const rows = validator();
    for (const rowNumber of [2, 3, 4]) {
      const outcome = rows.validate(
        row(rowNumber, (cells) => {
          cells[2] = '91140800MA0LBXQD2X';
          cells[13] = '2024/02/30';
          cells[1] = '其他人';
        }),
      );
      expect(outcome.ok).toBe(false);
      expect(outcome.ok ? [] : outcome.row.problems.map((problem) => problem.rule)).toEqual([
        'USCC_ORGANIZATION_CODE_CHECK',
        'DATE_FORMAT',
        'UNKNOWN_VALUE',
      ]);
    }
  });

  it("keeps each row's problems to that row", () => {
    const rows = validator();
    const bad = rows.validate(
      row(2, (cells) => {
        cells[13] = '2027/01/01';
      }),
    );
    const good = rows.validate(row(3, () => {}));
    expect(bad.ok ? [] : bad.row.problems).toEqual([
      { field: '处罚决定日期', rule: 'FUTURE_DATE', message: '处罚决定日期 cannot be in the future' },
      { field: '行政处罚决定书文号', rule: 'DECISION_NUMBER_YEAR', message: 'the year in 〔〕 must be the year of the decision' },
    ]);
    expect(good.ok).toBe(true);
    if (good.ok) expect(good.row.input).toMatchObject({ decisionNumber: '运市监处罚〔2024〕3号', partyType: 'ORGANISATION' });
  });
});
