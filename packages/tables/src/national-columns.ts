/**
 * The national 双公示 column sets (行政许可、行政处罚等信用信息数据归集标准, see DOMAIN.md): 28
 * licence columns and 30 penalty columns, in the standard's order, with the Chinese name the
 * platform's templates print as a second header line and whether the platform counts the column
 * as required (完整率). Column codes are fixed by the standard: never rename one.
 */
export interface NationalColumn {
  code: string;
  name: string;
  /** Counted by the platform's completeness score (完整率) and refused empty by its validator. */
  required: boolean;
  kind: 'text' | 'date' | 'amount' | 'code';
}

const column = (code: string, name: string, required = false, kind: NationalColumn['kind'] = 'text'): NationalColumn => ({
  code,
  name,
  required,
  kind,
});

/** The 13 party (行政相对人) columns both sets share, under their prefix. */
function partyColumns(prefix: 'XK' | 'CF'): NationalColumn[] {
  return [
    column(`${prefix}_XDR_MC`, '行政相对人名称', true),
    column(`${prefix}_XDR_LB`, '行政相对人类别', true),
    column(`${prefix}_XDR_SHXYM`, '统一社会信用代码', false, 'code'),
    column(`${prefix}_XDR_GSZC`, '工商注册号', false, 'code'),
    column(`${prefix}_XDR_ZZJG`, '组织机构代码', false, 'code'),
    column(`${prefix}_XDR_SWDJ`, '税务登记号', false, 'code'),
    column(`${prefix}_XDR_SYDW`, '事业单位证书号', false, 'code'),
    column(`${prefix}_XDR_SHZZ`, '社会组织登记证号', false, 'code'),
    column(`${prefix}_FRDB`, '法定代表人'),
    column(`${prefix}_FR_ZJLX`, '法定代表人证件类型'),
    column(`${prefix}_FR_ZJHM`, '法定代表人证件号码', false, 'code'),
    column(`${prefix}_XDR_ZJLX`, '证件类型'),
    column(`${prefix}_XDR_ZJHM`, '证件号码', false, 'code'),
  ];
}

export const LICENSE_COLUMNS: readonly NationalColumn[] = [
  ...partyColumns('XK'),
  column('XK_XKWS', '行政许可决定文书名称', true),
  column('XK_WSH', '行政许可决定文书号', true, 'code'),
  column('XK_XKLB', '许可类别', true),
  column('XK_XKZS', '许可证书名称'),
  column('XK_XKBH', '许可编号', false, 'code'),
  column('XK_NR', '许可内容', true),
  column('XK_JDRQ', '许可决定日期', true, 'date'),
  column('XK_YXQZ', '有效期自', true, 'date'),
  column('XK_YXQZI', '有效期至', true, 'date'),
  column('XK_XKJG', '许可机关', true),
  column('XK_XKJGDM', '许可机关统一社会信用代码', true, 'code'),
  column('XK_ZT', '当前状态', true),
  column('XK_LYDW', '数据来源单位', true),
  column('XK_LYDWDM', '数据来源单位统一社会信用代码', true, 'code'),
  column('BZ', '备注'),
];

export const PENALTY_COLUMNS: readonly NationalColumn[] = [
  ...partyColumns('CF'),
  column('CF_WSH', '行政处罚决定书文号', true, 'code'),
  column('CF_WFXW', '违法行为类型', true),
  column('CF_SY', '违法事实', true),
  column('CF_YJ', '处罚依据', true),
  column('CF_CFLB', '处罚类别', true),
  column('CF_NR', '处罚内容', true),
  column('CF_NR_FK', '罚款金额（万元）', false, 'amount'),
  column('CF_NR_WFFF', '没收违法所得、没收非法财物的金额（万元）', false, 'amount'),
  column('CF_NR_ZKDX', '暂扣或吊销证照名称及编号'),
  column('CF_JDRQ', '处罚决定日期', true, 'date'),
  column('CF_YXQ', '处罚有效期', true, 'date'),
  column('CF_GSJZQ', '公示截止期', false, 'date'),
  column('CF_CFJG', '处罚机关', true),
  column('CF_CFJGDM', '处罚机关统一社会信用代码', true, 'code'),
  column('CF_SJLY', '数据来源单位', true),
  column('CF_SJLYDM', '数据来源单位统一社会信用代码', true, 'code'),
  column('BZ', '备注'),
];

/**
 * 撤销/修复清单: records that stopped being public since the last delivery. The platform must
 * learn this from a list of its own, never from a row that silently disappears.
 */
export const WITHDRAWAL_COLUMNS: readonly NationalColumn[] = [
  column('SJLB', '数据类别（XK 行政许可 / CF 行政处罚）', true),
  column('WSH', '决定文书号或许可编号', true, 'code'),
  column('XDR_SHXYM', '统一社会信用代码', false, 'code'),
  column('CXLX', '撤销类型（撤销 / 修复 / 变更 / 公示期满）', true),
  column('CXRQ', '撤销日期', true, 'date'),
  column('SM', '说明'),
];

export type NationalRow = Record<string, string>;

/** Values in column order → `{ code: value }`, for checks that read columns by code. */
export function rowObject(columns: readonly NationalColumn[], values: readonly string[]): NationalRow {
  const row: NationalRow = {};
  columns.forEach((column, index) => {
    row[column.code] = values[index] ?? '';
  });
  return row;
}
