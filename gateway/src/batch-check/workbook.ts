import ExcelJS from 'exceljs';
import type { CheckRow } from './run-check.ts';

const COLUMNS: { header: string; key: keyof CheckRow; width: number }[] = [
  { header: '输入 Input', key: 'input', width: 24 },
  { header: '统一社会信用代码 USCC', key: 'uscc', width: 22 },
  { header: '有效 Valid', key: 'valid', width: 8 },
  { header: '原因 Reason', key: 'reason', width: 50 },
  { header: '企业名称 Name', key: 'name', width: 30 },
  { header: '登记状态 Status', key: 'status', width: 12 },
  { header: '有效许可数 Licences in force', key: 'licensesInForce', width: 12 },
  { header: '近三年行政处罚 Penalties (3 years)', key: 'penaltiesInLast3Years', width: 12 },
  { header: '经营异常名录 Abnormal list', key: 'currentlyAbnormal', width: 12 },
  { header: '严重违法失信名单 Serious list', key: 'currentlySerious', width: 12 },
  { header: '风险类别 Risk class', key: 'riskClass', width: 10 },
  { header: '风险说明 Risk note', key: 'riskNote', width: 30 },
];

const cell = (value: unknown) => (typeof value === 'boolean' ? (value ? '是' : '否') : (value ?? ''));

/** 核查结果 One sheet, one row per input in input order, Chinese headers. */
export async function writeCheckWorkbook(rows: readonly CheckRow[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'credit-hub';
  const sheet = workbook.addWorksheet('核查结果');
  sheet.columns = COLUMNS.map(({ header, key, width }) => ({ header, key, width }));
  for (const row of rows) sheet.addRow(Object.fromEntries(COLUMNS.map(({ key }) => [key, cell(row[key])])));
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
