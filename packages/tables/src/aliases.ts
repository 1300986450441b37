/**
 * 表头别名表: provincial tables name the same column many ways (national codes, the Chinese
 * names of the standard, the provinces' own templates, older variants such as `CF_FDDB`,
 * `CF_FR_SFZH`, `XK_XDR_TYPE` or the split `CF_CFLB1`/`CF_CFLB2`). Columns are mapped by header
 * text through this table, never by position. Add a variant here and every import knows it.
 */
export const TABLE_KINDS = ['licenses', 'registrations', 'penalties', 'abnormal', 'serious'] as const;
export type TableKind = (typeof TABLE_KINDS)[number];

export const TABLE_KIND_NAMES: Record<TableKind, string> = {
  licenses: '特种设备获证单位数据归集信息表 / 行政许可',
  registrations: '特种设备使用登记数据归集信息表',
  penalties: '行政处罚',
  abnormal: '经营异常名录',
  serious: '严重违法失信名单',
};

export type FieldType = 'text' | 'uscc' | 'date' | 'yuan' | 'wanyuan' | 'region' | 'list';

export interface FieldSpec {
  field: string;
  /** How the rejects workbook and error messages name the field. */
  label: string;
  type: FieldType;
  required: boolean;
  maxLength?: number;
  /** Header texts that mean this field (normalised with `normalizeHeader`). */
  aliases: readonly string[];
}

const spec = (field: string, label: string, type: FieldType, required: boolean, aliases: string[], maxLength = 200): FieldSpec => ({
  field,
  label,
  type,
  required,
  maxLength,
  aliases: [label, ...aliases].map(normalizeHeader),
});

/** NFKC folds full-width letters and brackets; marks of required columns (*) and spaces go. */
export function normalizeHeader(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\s*＊:：]/g, '')
    .replace(/\(/g, '（')
    .replace(/\)/g, '）')
    .toLowerCase();
}

const PENALTY_FIELDS: FieldSpec[] = [
  spec('partyName', '行政相对人名称', 'text', true, ['CF_XDR_MC', '当事人名称', '单位名称', '企业名称', '被处罚单位']),
  spec('partyCategory', '行政相对人类别', 'text', false, ['CF_XDR_LB', 'CF_XDR_TYPE', '当事人类别', '相对人类别']),
  spec('uscc', '统一社会信用代码', 'uscc', true, ['CF_XDR_SHXYM', '社会信用代码', '当事人统一社会信用代码']),
  spec('legalRepresentative', '法定代表人', 'text', false, ['CF_FRDB', 'CF_FDDB', '法定代表人（负责人）', '负责人']),
  spec('partyIdNumber', '证件号码', 'text', false, ['CF_XDR_ZJHM', '身份证号码', '当事人身份证号']),
  spec('decisionNumber', '行政处罚决定书文号', 'text', true, ['CF_WSH', '决定书文号', '处罚决定书文号', '文书号']),
  spec('violationType', '违法行为类型', 'text', true, ['CF_WFXW', '违法行为']),
  spec('factsSummary', '违法事实', 'text', true, ['CF_SY', '主要违法事实'], 4000),
  spec('legalBasis', '处罚依据', 'text', true, ['CF_YJ'], 2000),
  spec('penaltyTypes', '处罚类别', 'list', true, ['CF_CFLB', 'CF_CFLB1', 'CF_CFLB2', '处罚种类', '处罚类别1', '处罚类别2']),
  spec('content', '处罚内容', 'text', false, ['CF_NR', '处罚结果'], 4000),
  spec('fineAmount', '罚款金额（万元）', 'wanyuan', false, ['CF_NR_FK']),
  spec('fineAmountYuan', '罚款金额（元）', 'yuan', false, ['罚款金额', '罚没金额（元）']),
  spec('confiscationAmount', '没收违法所得、没收非法财物的金额（万元）', 'wanyuan', false, ['CF_NR_WFFF', '没收金额（万元）']),
  spec('decidedOn', '处罚决定日期', 'date', true, ['CF_JDRQ', '决定日期', '处罚日期']),
  spec('authority', '处罚机关', 'text', true, ['CF_CFJG', '处罚决定机关', '作出处罚决定机关']),
  spec('authorityCode', '处罚机关统一社会信用代码', 'uscc', false, ['CF_CFJGDM', '处罚机关代码']),
  spec('caseDomain', '案件领域', 'text', false, ['领域', '所属领域']),
];

const LICENSE_FIELDS: FieldSpec[] = [
  spec('holderName', '单位名称', 'text', true, ['XK_XDR_MC', '行政相对人名称', '获证单位名称', '企业名称']),
  spec('holderUscc', '统一社会信用代码', 'uscc', true, ['XK_XDR_SHXYM', '社会信用代码']),
  spec('address', '单位地址', 'text', false, ['住所', '地址']),
  spec('regionCode', '区划代码', 'region', false, ['所在地区代码', '行政区划代码']),
  spec('number', '许可证编号', 'text', true, ['XK_XKBH', '许可编号', '证书编号'], 40),
  spec('category', '许可类别', 'text', true, ['XK_XKLB', '许可种类', '项目类别']),
  spec('items', '许可项目及参数', 'text', true, ['XK_NR', '许可内容', '许可项目', '许可范围'], 2000),
  spec('decisionReference', '行政许可决定文书号', 'text', false, ['XK_WSH', '决定文书号']),
  spec('issuedOn', '发证日期', 'date', true, ['XK_JDRQ', '许可决定日期', '批准日期']),
  spec('validFrom', '有效期自', 'date', false, ['XK_YXQZ', '有效期起']),
  spec('validTo', '有效期至', 'date', true, ['XK_YXQZI', '有效期止', '截止日期']),
  spec('authority', '发证机关', 'text', true, ['XK_XKJG', '许可机关']),
  spec('authorityCode', '许可机关统一社会信用代码', 'uscc', false, ['XK_XKJGDM', '许可机关代码']),
  spec('status', '状态', 'text', false, ['XK_ZT', '当前状态', '证书状态']),
];

const REGISTRATION_FIELDS: FieldSpec[] = [
  spec('registrationCode', '注册代码', 'text', true, ['设备注册代码'], 32),
  spec('certificateNumber', '使用登记证编号', 'text', true, ['登记证编号', '使用登记证号'], 40),
  spec('equipmentCode', '设备代码', 'text', true, [], 40),
  spec('equipmentCategory', '设备类别', 'text', true, []),
  spec('equipmentKind', '设备种类', 'text', true, []),
  spec('equipmentVariety', '设备品种', 'text', true, []),
  spec('model', '型号', 'text', true, ['设备型号', '规格型号']),
  spec('productNumber', '产品编号', 'text', true, ['出厂编号']),
  spec('manufacturedOn', '制造日期', 'date', true, ['出厂日期']),
  spec('userName', '使用单位名称', 'text', false, ['使用单位']),
  spec('userUscc', '使用单位统一社会信用代码', 'uscc', true, ['统一社会信用代码', '使用单位信用代码']),
  spec('installationSite', '设备使用地点', 'text', true, ['使用地点', '安装地点']),
  spec('maintenanceUnit', '维护保养单位', 'text', false, ['维保单位']),
  spec('firstUsedOn', '投入使用日期', 'date', true, ['投用日期']),
  spec('registeredOn', '登记日期', 'date', false, ['发证日期']),
  spec('registrationAuthority', '登记机关', 'text', true, ['发证机关']),
];

const ABNORMAL_FIELDS: FieldSpec[] = [
  spec('name', '企业名称', 'text', false, ['单位名称', '市场主体名称']),
  spec('uscc', '统一社会信用代码', 'uscc', true, ['社会信用代码']),
  spec('reason', '列入经营异常名录原因', 'text', true, ['列入原因', '列入事由']),
  spec('listedOn', '列入日期', 'date', true, ['列入时间']),
  spec('authority', '作出决定机关', 'text', true, ['列入决定机关', '决定机关']),
  spec('decisionReference', '列入决定书文号', 'text', false, ['决定书文号', '文号']),
];

const SERIOUS_FIELDS: FieldSpec[] = [
  spec('name', '单位名称', 'text', false, ['企业名称', '市场主体名称']),
  spec('uscc', '统一社会信用代码', 'uscc', true, ['社会信用代码']),
  spec('legalRepresentative', '法定代表人', 'text', false, ['法定代表人（负责人）']),
  spec('reason', '列入严重违法失信名单事由', 'text', true, ['列入事由', '列入原因', '列入严重违法失信名单原因'], 2000),
  spec('decisionReference', '决定书文号', 'text', true, ['列入决定书文号', '文号']),
  // 总局令第44号 第十六条: a listing rests on a penalty decision; the hub resolves it by its number.
  spec('penaltyDecisionNumber', '据以列入的行政处罚决定书文号', 'text', false, ['行政处罚决定书文号', '处罚决定书文号', '处罚文号']),
  spec('authority', '作出决定机关', 'text', true, ['列入决定机关', '决定机关']),
  spec('listedOn', '列入日期', 'date', true, ['列入时间']),
  spec('domain', '领域', 'text', false, ['所属领域']),
];

export const FIELD_SPECS: Record<TableKind, readonly FieldSpec[]> = {
  licenses: LICENSE_FIELDS,
  registrations: REGISTRATION_FIELDS,
  penalties: PENALTY_FIELDS,
  abnormal: ABNORMAL_FIELDS,
  serious: SERIOUS_FIELDS,
};

export interface HeaderMapping {
  kind: TableKind;
  /** Column index → field; a field may come from several columns (split CF_CFLB1/CF_CFLB2). */
  columns: Map<number, FieldSpec>;
  /** Headers no alias knows: kept in the raw rows, reported, not imported. */
  ignored: string[];
  /** Required fields no header maps to: the file cannot be imported at all. */
  missing: FieldSpec[];
}

export function mapHeader(kind: TableKind, headers: readonly string[]): HeaderMapping {
  const byAlias = new Map<string, FieldSpec>();
  for (const field of FIELD_SPECS[kind]) for (const alias of field.aliases) if (!byAlias.has(alias)) byAlias.set(alias, field);
  const columns = new Map<number, FieldSpec>();
  const ignored: string[] = [];
  headers.forEach((header, index) => {
    const field = byAlias.get(normalizeHeader(header));
    if (field) columns.set(index, field);
    else if (header.trim()) ignored.push(header);
  });
  const mapped = new Set([...columns.values()].map((field) => field.field));
  const missing = FIELD_SPECS[kind].filter((field) => field.required && !mapped.has(field.field));
  return { kind, columns, ignored, missing };
}

/**
 * Provinces put a title line (and sometimes a notes line) above the header: the header is the
 * first of the leading rows that maps the most known fields.
 */
export function scoreHeader(kind: TableKind, cells: readonly string[]): number {
  return mapHeader(kind, cells).columns.size;
}

/** Which kind a header row belongs to, when the uploader did not say: the kind whose required fields it covers best. */
export function guessKind(headers: readonly string[]): TableKind | null {
  let best: { kind: TableKind; score: number } | null = null;
  for (const kind of TABLE_KINDS) {
    const mapping = mapHeader(kind, headers);
    if (mapping.missing.length > 0) continue;
    const score = mapping.columns.size;
    if (!best || score > best.score) best = { kind, score };
  }
  return best?.kind ?? null;
}
