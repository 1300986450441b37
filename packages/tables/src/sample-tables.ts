import { generateUscc } from '@credit-hub/uscc';

/**
 * Provincial tables as departments keep them (title line, Chinese headers, their own column
 * order), with a few bad rows at fixed places: the committed samples, the tests and the
 * benchmarks are all made from here, so they are reproducible from a seed.
 */
export interface SampleTable {
  file: string;
  title: string | null;
  headers: string[];
  rows: string[][];
  /** Row number in the file (header row counted) → the rules that must reject it. */
  expectedRejects: Record<number, string[]>;
}

export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const REGIONS = ['140802', '140821', '140100', '350100'];
const NAMES = ['运城市盐湖区华信压力容器', '太原市晋阳锅炉制造', '福州市闽江气体充装', '永济市安达电梯安装', '临猗县天成特种设备检验'];
const pad = (value: number, width: number) => String(value).padStart(width, '0');
const day = (random: () => number, year: number) =>
  `${year}/${pad(1 + Math.floor(random() * 12), 2)}/${pad(1 + Math.floor(random() * 28), 2)}`;

/** Breaks the check character of a valid code (the most common typing error). */
const breakCheck = (uscc: string) => `${uscc.slice(0, 17)}${uscc[17] === '0' ? '1' : '0'}`;

function company(random: () => number, index: number) {
  const regionCode = REGIONS[index % REGIONS.length] as string;
  return { uscc: generateUscc(random, { regionCode }), name: `${NAMES[index % NAMES.length]}有限公司${index}` };
}

export function licenseTable(count: number, seed = 1): SampleTable {
  const random = seededRandom(seed);
  const categories = ['制造', '安装改造修理', '充装', '检验检测', '设计'];
  const rows: string[][] = [];
  const expectedRejects: Record<number, string[]> = {};
  for (let index = 0; index < count; index += 1) {
    const { uscc, name } = company(random, index);
    const issued = day(random, 2020 + (index % 5));
    const year = Number(issued.slice(0, 4)) + 4;
    rows.push([
      String(index + 1),
      name,
      uscc,
      '山西省运城市盐湖区解放路1号',
      `TS${pad(2210000 + index, 7)}-${year}`,
      categories[index % categories.length] as string,
      '压力容器制造（A2级）',
      issued,
      `${year}${issued.slice(4)}`,
      '山西省市场监督管理局',
      '有效',
    ]);
  }
  const bad = (offset: number, rules: string[], change: (row: string[]) => void) => {
    const row = rows[offset];
    if (!row) return;
    change(row);
    expectedRejects[offset + 3] = rules;
  };
  bad(2, ['USCC_CHECK_CHARACTER'], (row) => (row[2] = breakCheck(row[2] as string)));
  bad(5, ['DATE_FORMAT'], (row) => (row[7] = '2024/02/30'));
  bad(9, ['NOT_IMPORTABLE'], (row) => (row[10] = '注销'));
  return {
    file: 'licenses.xlsx',
    title: '特种设备获证单位数据归集信息表（运城市 第48周）',
    headers: [
      '序号',
      '单位名称',
      '统一社会信用代码',
      '单位地址',
      '许可证编号',
      '许可类别',
      '许可项目及参数',
      '发证日期',
      '有效期至',
      '发证机关',
      '状态',
    ],
    rows,
    expectedRejects,
  };
}

export function registrationTable(count: number, seed = 2): SampleTable {
  const random = seededRandom(seed);
  const rows: string[][] = [];
  const expectedRejects: Record<number, string[]> = {};
  for (let index = 0; index < count; index += 1) {
    const { uscc, name } = company(random, index);
    const made = day(random, 2019);
    rows.push([
      `3110140802${pad(2020 + (index % 5), 4)}${pad(index + 1, 6)}`,
      `容17晋M${pad(index + 1, 5)}(24)`,
      `2110${pad(index + 1, 6)}`,
      '压力容器',
      '固定式压力容器',
      '储存容器',
      'CG-10/1.6',
      `R${pad(index, 6)}`,
      made,
      name,
      uscc,
      '运城市盐湖区工业园区',
      '运城市安达维保有限公司',
      `2021${made.slice(4)}`,
      `2021/12/${pad(1 + (index % 28), 2)}`,
      '运城市市场监督管理局',
    ]);
  }
  if (rows[1]) rows[1][0] = '';
  expectedRejects[3] = ['REQUIRED'];
  if (rows[6]) rows[6][13] = '2018/01/01';
  expectedRejects[8] = ['DATE_ORDER'];
  return {
    file: 'registrations.csv',
    title: null,
    headers: [
      '注册代码',
      '使用登记证编号',
      '设备代码',
      '设备类别',
      '设备种类',
      '设备品种',
      '设备型号',
      '产品编号',
      '制造日期',
      '使用单位名称',
      '使用单位统一社会信用代码',
      '设备使用地点',
      '维保单位',
      '投入使用日期',
      '登记日期',
      '登记机关',
    ],
    rows,
    expectedRejects,
  };
}

/** Penalties in the national CF_ columns, with older variants (CF_FDDB, split CF_CFLB1/CF_CFLB2). */
export function penaltyTable(count: number, seed = 3): SampleTable {
  const random = seededRandom(seed);
  const rows: string[][] = [];
  const expectedRejects: Record<number, string[]> = {};
  for (let index = 0; index < count; index += 1) {
    const { uscc, name } = company(random, index);
    const decided = day(random, 2024);
    const fined = index % 3 !== 2;
    rows.push([
      name,
      '法人及非法人组织',
      uscc,
      '张三',
      `运市监处罚〔2024〕${index + 1}号`,
      '生产经营不符合食品安全标准的食品',
      '经查，当事人生产的产品经抽检不合格。',
      '《中华人民共和国食品安全法》第一百二十四条',
      fined ? '罚款' : '没收违法所得',
      // Every third row is also a heavier penalty (较重行政处罚): the grounds of the serious sample.
      fined ? '' : '罚款、责令停产停业',
      '罚款并没收违法所得',
      `${(1 + (index % 9)) / 2}`,
      fined ? '' : '0.125',
      decided,
      '运城市市场监督管理局',
      '11140800MB1957483K',
      '食品',
    ]);
  }
  if (rows[1]) rows[1][4] = '运市监处罚〔2023〕2号';
  expectedRejects[3] = ['DECISION_NUMBER_YEAR'];
  if (rows[4]) rows[4][11] = '';
  expectedRejects[6] = ['FINE_WITHOUT_AMOUNT'];
  if (rows[7]) rows[7][8] = '罚金';
  expectedRejects[9] = ['UNKNOWN_VALUE'];
  if (rows[10] && rows[0]) rows[10][4] = rows[0][4] as string;
  expectedRejects[12] = ['DUPLICATE_IN_FILE'];
  return {
    file: 'penalties-gbk.csv',
    title: null,
    headers: [
      'CF_XDR_MC',
      'CF_XDR_LB',
      'CF_XDR_SHXYM',
      'CF_FDDB',
      'CF_WSH',
      'CF_WFXW',
      'CF_SY',
      'CF_YJ',
      'CF_CFLB1',
      'CF_CFLB2',
      'CF_NR',
      'CF_NR_FK',
      'CF_NR_WFFF',
      'CF_JDRQ',
      'CF_CFJG',
      'CF_CFJGDM',
      '案件领域',
    ],
    rows,
    expectedRejects,
  };
}

export function abnormalTable(count: number, seed = 4): SampleTable {
  const random = seededRandom(seed);
  const reasons = [
    '未按规定报送2023年度年度报告',
    '通过登记的住所或者经营场所无法联系',
    '未按规定公示即时信息',
    '公示企业信息隐瞒真实情况、弄虚作假',
  ];
  const rows: string[][] = [];
  for (let index = 0; index < count; index += 1) {
    const { uscc, name } = company(random, index);
    rows.push([
      name,
      uscc,
      reasons[index % reasons.length] as string,
      day(random, 2024),
      '运城市盐湖区市场监督管理局',
      `盐市监异〔2024〕${index + 1}号`,
    ]);
  }
  if (rows[3]) rows[3][3] = '2099/01/01';
  if (rows[5]) rows[5][2] = '其他原因';
  return {
    file: 'abnormal.csv',
    title: null,
    headers: ['企业名称', '统一社会信用代码', '列入经营异常名录原因', '列入日期', '作出决定机关', '列入决定书文号'],
    rows,
    expectedRejects: { 5: ['FUTURE_DATE'], 7: ['UNKNOWN_VALUE'] },
  };
}

/**
 * Serious listings resting on the penalty sample's heavier penalties (every third row of
 * `penaltyTable(15)` adds 责令停产停业), named by decision number in 据以列入的行政处罚决定书文号,
 * so importing penalties-gbk.csv and then serious.xlsx lists them. Bad rows: a missing listing
 * reference and a cut code (the file's rules), and two the hub refuses (`hubRejects`): a decision
 * number no penalty carries and a penalty that is only a fine (not a heavier penalty).
 */
export function seriousTable(count: number): SampleTable & { hubRejects: Record<number, string[]> } {
  const penalties = penaltyTable(15);
  const heavier = [2, 5, 8, 11, 14];
  const rows: string[][] = [];
  for (let index = 0; index < count; index += 1) {
    const penalty = penalties.rows[heavier[index % heavier.length] as number] as string[];
    rows.push([
      String(index + 1),
      penalty[0] as string,
      penalty[2] as string,
      '李四',
      '生产经营不符合食品安全标准的食品，被处以责令停产停业的较重行政处罚',
      `晋市监严〔2024〕${index + 1}号`,
      penalty[4] as string,
      '山西省市场监督管理局',
      // After every penalty of the sample (decided in 2024), and in force on the tests' today.
      `2024/12/${pad(10 + index, 2)}`,
      '食品',
    ]);
  }
  if (rows[2]) rows[2][5] = '';
  if (rows[4]) rows[4][2] = (rows[4][2] as string).slice(0, 15);
  if (rows[5]) rows[5][6] = '运市监处罚〔2024〕999号';
  const onlyFined = penalties.rows[0] as string[];
  if (rows[6]) [rows[6][1], rows[6][2], rows[6][6]] = [onlyFined[0] as string, onlyFined[2] as string, onlyFined[4] as string];
  return {
    file: 'serious.xlsx',
    title: '特种设备领域严重违法失信名单',
    headers: [
      '序号',
      '单位名称',
      '统一社会信用代码',
      '法定代表人',
      '列入严重违法失信名单事由',
      '决定书文号',
      '据以列入的行政处罚决定书文号',
      '作出决定机关',
      '列入日期',
      '领域',
    ],
    rows,
    expectedRejects: { 5: ['REQUIRED'], 7: ['USCC_LENGTH'] },
    hubRejects: { 8: ['UNKNOWN_PENALTY'], 9: ['NOT_HEAVIER_PENALTY'] },
  };
}

export const SAMPLE_TABLES = () => [licenseTable(20), registrationTable(12), penaltyTable(15), abnormalTable(10), seriousTable(8)];
