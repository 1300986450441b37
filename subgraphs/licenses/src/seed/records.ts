import {
  addDays,
  addYears,
  type Random,
  randomFor,
  resolveSeedOptions,
  type SeedEnterprise,
  type SeedOptions,
  usccFor,
  yearOf,
} from '@credit-hub/seed';
import { getDivision } from '@credit-hub/uscc';
import {
  FOOD_PRODUCTION_DEPARTMENT,
  type LicenseAction,
  type LicensedActivity,
  type LicenseKind,
  type LicenseStatus,
  type SeedEquipmentRegistration,
  type SeedLicense,
  type SeedLicensedItem,
  type SeedLicenseEvent,
  SPECIAL_EQUIPMENT_DEPARTMENT,
} from '../rules/license-kinds.ts';

const PROVINCE_ABBREVIATIONS: Record<string, string> = { '14': '晋', '43': '湘', '35': '闽' };
const provinceAbbreviation = (regionCode: string) => PROVINCE_ABBREVIATIONS[regionCode.slice(0, 2)] ?? '市';

/** An issuing authority with its own (valid, 11-prefixed organ) unified social credit code. */
function authorityAt(regionCode: string): { name: string; code: string; region: string } {
  const division = getDivision(regionCode);
  const place = division?.level === 'province' ? division.province : (division?.name ?? division?.fullName ?? regionCode);
  return { name: `${place}市场监督管理局`, code: usccFor('11', regionCode, `MB${regionCode}`), region: regionCode };
}

const cityOf = (regionCode: string) => (getDivision(`${regionCode.slice(0, 4)}00`) ? `${regionCode.slice(0, 4)}00` : regionCode);
const provinceOf = (regionCode: string) => `${regionCode.slice(0, 2)}0000`;

interface EquipmentLine {
  category: string;
  categoryDigit: string;
  parameters: readonly string[];
}

const PRODUCTION_LINES: readonly EquipmentLine[] = [
  { category: '锅炉', categoryDigit: '1', parameters: ['A级', 'B级', 'C级'] },
  {
    category: '压力容器',
    categoryDigit: '2',
    parameters: ['固定式压力容器规则设计（A1）', '第三类压力容器（A2）', 'D级（第一、二类压力容器）'],
  },
  { category: '电梯', categoryDigit: '3', parameters: ['曳引驱动乘客电梯（A1）', '自动扶梯与自动人行道（B）', '杂物电梯（C）'] },
  { category: '起重机械', categoryDigit: '4', parameters: ['桥式、门式起重机（A）', '流动式起重机（B）', '门座式起重机（C）'] },
  { category: '压力管道元件', categoryDigit: '7', parameters: ['压力管道阀门（A1）', '无缝钢管（B）', '管件（B2）'] },
  { category: '大型游乐设施', categoryDigit: '6', parameters: ['观览车类（A）', '滑行车类（B）'] },
];

const FILLING_LINES: readonly EquipmentLine[] = [
  { category: '气瓶', categoryDigit: '9', parameters: ['液化石油气瓶', '工业气瓶（氧、氮、氩）', '车用压缩天然气瓶'] },
  { category: '移动式压力容器', categoryDigit: '8', parameters: ['液化石油气汽车罐车', '低温液体汽车罐车'] },
];

const FOOD_CATEGORIES: readonly (readonly [string, string])[] = [
  ['101', '粮食加工品'],
  ['102', '食用油、油脂及其制品'],
  ['103', '调味品'],
  ['104', '肉制品'],
  ['105', '乳制品'],
  ['106', '饮料'],
  ['107', '方便食品'],
  ['111', '速冻食品'],
  ['115', '酒类'],
  ['116', '蔬菜制品'],
  ['124', '糕点'],
  ['125', '豆制品'],
];
const SPECIAL_FOOD_CATEGORIES: readonly (readonly [string, string])[] = [
  ['127', '保健食品'],
  ['128', '特殊医学用途配方食品'],
  ['129', '婴幼儿配方食品'],
];

const SUSPEND_REASONS = ['生产条件发生变化，不再符合许可条件', '监督检查发现重大质量安全隐患，责令停产整改'];
const REVOKE_REASONS = ['违法生产经营，情节严重', '生产销售不符合安全技术规范要求的产品，情节严重'];
const CANCEL_REASONS = ['许可有效期届满未延续', '申请人申请注销', '营业执照被吊销或注销'];
const WITHDRAW_REASONS = ['以欺骗、贿赂等不正当手段取得许可', '告知承诺核查发现承诺内容与实际不符'];

/** ISO dates order as strings (Math.min would coerce them to NaN). */
const earlierOf = (a: string, b: string) => (a.localeCompare(b) <= 0 ? a : b);

interface Context {
  random: Random;
  enterprise: SeedEnterprise;
  referenceDate: string;
}

function decisionReference(random: Random, regionCode: string, kind: 'grant' | 'penalty', date: string): string {
  const abbreviation = provinceAbbreviation(regionCode);
  return kind === 'grant'
    ? `${abbreviation}市监许〔${yearOf(date)}〕${random.int(1, 2999)}号`
    : `${abbreviation}市监处罚〔${yearOf(date)}〕${random.int(1, 999)}号`;
}

/**
 * Publication a few calendar days after the decision: most within the 7-working-day 双公示 window,
 * some late, a few never published (overdue), and decisions from the last days not yet published.
 */
function publicationDate(random: Random, decidedOn: string, referenceDate: string): string | null {
  const delay = random.weighted([
    [random.int(0, 8), 80],
    [random.int(10, 27), 12],
    [random.int(30, 60), 8],
  ] as const);
  // The slowest tail (about 3 %) was never published: the 双公示 timeliness chart needs overdue ones.
  if (delay >= 50) return null;
  const publishedOn = addDays(decidedOn, delay);
  return publishedOn <= referenceDate ? publishedOn : null;
}

/** Grant date of the current cycle: never before the enterprise existed, sometimes old enough to have lapsed. */
function grantDate(context: Context, validityYears: number): string {
  const { random, enterprise, referenceDate } = context;
  const earliest = addDays(enterprise.establishedOn, 60);
  const recent = random.chance(0.04);
  const issuedOn = recent ? addDays(referenceDate, -random.int(0, 12)) : addDays(referenceDate, -random.int(0, validityYears * 365 + 420));
  return issuedOn < earliest ? earlierOf(earliest, referenceDate) : issuedOn;
}

function specialEquipmentNumber(categoryDigit: string, activityDigit: string, regionCode: string, index: number, validTo: string): string {
  // TS + category + activity + province + serial + - + expiry year (DOMAIN.md: TS2210123-2027).
  return `TS${categoryDigit}${activityDigit}${regionCode.slice(0, 2)}${String(index % 1000).padStart(3, '0')}-${yearOf(validTo)}`;
}

function foodNumber(categoryCode: string, regionCode: string, index: number): string {
  // The check-digit algorithm is not public: the last digit is synthetic, chosen so numbers stay unique.
  return `SC${categoryCode}${regionCode}${String(Math.floor(index / 10) % 10_000).padStart(4, '0')}${index % 10}`;
}

/** Status history after the grant: a realistic mix of suspensions, revocations, withdrawals and cancellations. */
function laterEvents(
  context: Context,
  license: Pick<SeedLicense, 'issuedOn' | 'validTo' | 'regionCode' | 'grantedByCommitment'>,
): SeedLicenseEvent[] {
  const { random, enterprise, referenceDate } = context;
  const expired = license.validTo < referenceDate;
  const lastDay = expired ? license.validTo : referenceDate;
  const span = Math.max(1, Math.round((Date.parse(lastDay) - Date.parse(license.issuedOn)) / 86_400_000));
  const on = (fraction: number) => addDays(license.issuedOn, Math.max(1, Math.floor(span * fraction)));
  const event = (action: LicenseAction, fromStatus: LicenseStatus, toStatus: LicenseStatus, decidedOn: string, reasons: string[]) => ({
    action,
    fromStatus,
    toStatus,
    decidedOn,
    reason: random.pick(reasons),
    decisionReference: decisionReference(random, license.regionCode, action === 'CANCELLED' ? 'grant' : 'penalty', decidedOn),
  });
  if (enterprise.status !== 'ACTIVE') {
    return random.chance(0.8) ? [event('CANCELLED', 'VALID', 'CANCELLED', on(0.9), ['营业执照被吊销或注销'])] : [];
  }
  if (expired) {
    return random.chance(0.4)
      ? [event('CANCELLED', 'VALID', 'CANCELLED', addDays(license.validTo, random.int(5, 60)), CANCEL_REASONS)]
      : [];
  }
  const roll = random.next();
  if (license.grantedByCommitment && roll < 0.04) return [event('WITHDRAWN', 'VALID', 'WITHDRAWN', on(0.2), WITHDRAW_REASONS)];
  if (roll < 0.05) {
    const suspended = event('SUSPENDED', 'VALID', 'SUSPENDED', on(0.5), SUSPEND_REASONS);
    return random.chance(0.5)
      ? [suspended, event('REINSTATED', 'SUSPENDED', 'VALID', on(0.8), ['整改完成，经核查符合许可条件'])]
      : [suspended];
  }
  if (roll < 0.07) return [event('REVOKED', 'VALID', 'REVOKED', on(0.6), REVOKE_REASONS)];
  if (roll < 0.08) return [event('WITHDRAWN', 'VALID', 'WITHDRAWN', on(0.3), WITHDRAW_REASONS)];
  if (roll < 0.1) return [event('CANCELLED', 'VALID', 'CANCELLED', on(0.7), CANCEL_REASONS)];
  return [];
}

function assemble(
  context: Context,
  fields: Omit<
    SeedLicense,
    'status' | 'statusChangedOn' | 'history' | 'publishedOn' | 'commitmentVerification' | 'renews' | 'renewedBy' | 'grantedByCommitment'
  >,
): SeedLicense {
  const { random, referenceDate } = context;
  const grantedByCommitment = fields.kind === 'FOOD_PRODUCTION' ? random.chance(0.3) : random.chance(0.1);
  const granted: SeedLicenseEvent = {
    action: 'GRANTED',
    fromStatus: null,
    toStatus: 'VALID',
    decidedOn: fields.issuedOn,
    reason: grantedByCommitment ? '告知承诺审批，准予许可' : '经审查符合许可条件，准予许可',
    decisionReference: decisionReference(random, fields.regionCode, 'grant', fields.issuedOn),
  };
  const later = laterEvents(context, { ...fields, grantedByCommitment });
  const last = later[later.length - 1];
  const withdrawnForCommitment = last?.action === 'WITHDRAWN' && grantedByCommitment;
  const verificationAge = Math.round((Date.parse(referenceDate) - Date.parse(fields.issuedOn)) / 86_400_000);
  return {
    ...fields,
    grantedByCommitment,
    commitmentVerification: !grantedByCommitment
      ? null
      : withdrawnForCommitment
        ? 'NOT_MET'
        : verificationAge < 60 && random.chance(0.7)
          ? 'PENDING'
          : 'CONFIRMED',
    status: (last?.toStatus ?? 'VALID') as SeedLicense['status'],
    statusChangedOn: last?.decidedOn ?? fields.issuedOn,
    publishedOn: publicationDate(random, fields.issuedOn, referenceDate),
    renews: null,
    renewedBy: null,
    history: [granted, ...later.filter((e) => e.decidedOn <= referenceDate)],
  };
}

function specialEquipmentLicense(context: Context, kind: LicenseKind, validityYears: number): SeedLicense[] {
  const { random, enterprise } = context;
  const filling = kind === 'SPECIAL_EQUIPMENT_FILLING';
  const inspection = kind === 'SPECIAL_EQUIPMENT_INSPECTION';
  const line = random.pick(filling ? FILLING_LINES : PRODUCTION_LINES);
  const activities: LicensedActivity[] = filling
    ? ['FILLING']
    : inspection
      ? ['INSPECTION']
      : [
          random.pick(['MANUFACTURE', 'INSTALLATION', 'DESIGN'] as const),
          ...(random.chance(0.5) ? (['ALTERATION', 'REPAIR'] as const) : []),
        ];
  const items: SeedLicensedItem[] = inspection
    ? [
        {
          activity: 'INSPECTION',
          category: random.pick(['综合检验机构', '型式试验机构', '无损检测机构']),
          categoryCode: null,
          parameters: random.pick(['甲类', '乙类', '丙类']),
        },
      ]
    : activities.map((activity) => ({
        activity,
        category: line.category,
        categoryCode: line.categoryDigit,
        parameters: random.pick(line.parameters),
      }));
  const authority = authorityAt(provinceOf(enterprise.regionCode));
  const activityDigit = filling ? '4' : inspection ? '7' : String(activities.length);
  const issuedOn = grantDate(context, validityYears);
  const validTo = addDays(addYears(issuedOn, validityYears), -1);
  const base = {
    kind,
    holderUscc: enterprise.uscc,
    regionCode: enterprise.regionCode,
    items,
    authorityName: authority.name,
    authorityCode: authority.code,
    authorityRegion: authority.region,
    department: SPECIAL_EQUIPMENT_DEPARTMENT,
  };
  const categoryDigit = inspection ? '0' : line.categoryDigit;
  const current = assemble(context, {
    ...base,
    number: specialEquipmentNumber(categoryDigit, activityDigit, enterprise.regionCode, enterprise.index, validTo),
    issuedOn,
    validFrom: issuedOn,
    validTo,
  });
  const renewable = current.status === 'VALID' && addYears(issuedOn, -validityYears) > enterprise.establishedOn;
  if (!renewable || !random.chance(0.35)) return [current];
  // The previous cycle, renewed by the current licence: its number carries its own expiry year.
  const previousFrom = addYears(issuedOn, -validityYears);
  const previousTo = addDays(issuedOn, -1);
  const previous = assemble(context, {
    ...base,
    number: specialEquipmentNumber(categoryDigit, activityDigit, enterprise.regionCode, enterprise.index, previousTo),
    issuedOn: previousFrom,
    validFrom: previousFrom,
    validTo: previousTo,
  });
  previous.history = previous.history.filter((event) => event.action === 'GRANTED');
  previous.status = 'VALID';
  previous.statusChangedOn = previous.issuedOn;
  previous.renewedBy = current.number;
  previous.publishedOn ??= addDays(previousFrom, 3);
  return [previous, { ...current, renews: previous.number }];
}

function foodLicense(context: Context, validityYears: number): SeedLicense {
  const { random, enterprise, referenceDate } = context;
  const special = enterprise.keyDomains.includes('SPECIAL_FOOD') && random.chance(0.6);
  const [categoryCode, category] = random.pick(special ? SPECIAL_FOOD_CATEGORIES : FOOD_CATEGORIES);
  const items: SeedLicensedItem[] = [{ activity: 'FOOD_PRODUCTION', category, categoryCode, parameters: null }];
  if (!special && random.chance(0.3)) {
    const [extraCode, extra] = random.pick(FOOD_CATEGORIES);
    if (extraCode !== categoryCode) items.push({ activity: 'FOOD_PRODUCTION', category: extra, categoryCode: extraCode, parameters: null });
  }
  // Special foods are licensed by the province, ordinary food by the city.
  const authority = authorityAt(special ? provinceOf(enterprise.regionCode) : cityOf(enterprise.regionCode));
  const issuedOn = grantDate(context, validityYears);
  const validTo = addDays(addYears(issuedOn, validityYears), -1);
  const license = assemble(context, {
    number: foodNumber(categoryCode, enterprise.regionCode, enterprise.index),
    kind: 'FOOD_PRODUCTION',
    holderUscc: enterprise.uscc,
    regionCode: enterprise.regionCode,
    items,
    issuedOn,
    validFrom: issuedOn,
    validTo,
    authorityName: authority.name,
    authorityCode: authority.code,
    authorityRegion: authority.region,
    department: FOOD_PRODUCTION_DEPARTMENT,
  });
  const renewedInPlace = license.status === 'VALID' && addYears(issuedOn, -validityYears) > enterprise.establishedOn && random.chance(0.4);
  if (!renewedInPlace) return license;
  // A food production licence keeps its number on renewal (延续): the history shows the earlier cycle.
  const firstIssuedOn = addYears(issuedOn, -validityYears);
  const [granted, ...rest] = license.history;
  if (!granted) return license;
  const renewed: SeedLicenseEvent = { ...granted, action: 'RENEWED', fromStatus: 'VALID', reason: '准予延续' };
  const original: SeedLicenseEvent = {
    ...granted,
    decidedOn: firstIssuedOn,
    decisionReference: decisionReference(random, license.regionCode, 'grant', firstIssuedOn),
  };
  return { ...license, history: [original, renewed, ...rest].filter((e) => e.decidedOn <= referenceDate) };
}

export interface LicenseSeedOptions extends SeedOptions {
  /** 特种设备 licence validity in years (DOMAIN.md: 4, to verify). */
  specialEquipmentValidityYears?: number;
  /** 食品生产许可证 validity in years (5). */
  foodValidityYears?: number;
}

/**
 * Licences enterprise `enterprise.index` holds in the focus domains: deterministic per index, so
 * the licences subgraph derives them without reading the enterprises subgraph. Numbers follow the
 * real formats (TS…-YYYY, SC + 14 digits); a few are renewed, suspended, revoked, withdrawn or
 * cancelled; some publications are late and the newest grants are not yet published.
 */
export function licensesFor(enterprise: SeedEnterprise, options: LicenseSeedOptions = {}): SeedLicense[] {
  const { seed, referenceDate } = resolveSeedOptions(options);
  if (enterprise.establishedOn > referenceDate) return [];
  const context: Context = { random: randomFor(seed, 'licenses', enterprise.index), enterprise, referenceDate };
  const equipmentYears = options.specialEquipmentValidityYears ?? 4;
  const licenses: SeedLicense[] = [];
  for (const domain of enterprise.keyDomains) {
    if (domain === 'FOOD_PRODUCTION') licenses.push(foodLicense(context, options.foodValidityYears ?? 5));
    if (domain === 'SPECIAL_EQUIPMENT_PRODUCTION' || domain === 'SPECIAL_EQUIPMENT_FILLING' || domain === 'SPECIAL_EQUIPMENT_INSPECTION') {
      licenses.push(...specialEquipmentLicense(context, domain, equipmentYears));
    }
  }
  return licenses;
}

interface EquipmentModel {
  category: string;
  kind: string;
  variety: string;
  code: string;
  certificatePrefix: string;
  models: readonly string[];
}

const BOILER: EquipmentModel = {
  category: '锅炉',
  kind: '承压蒸汽锅炉',
  variety: '工业锅炉',
  code: '1100',
  certificatePrefix: '锅11',
  models: ['WNS2-1.25-Q', 'WNS4-1.25-Y', 'LHS0.5-0.7-Y'],
};
const VESSEL: EquipmentModel = {
  category: '压力容器',
  kind: '固定式压力容器',
  variety: '储存容器',
  code: '2100',
  certificatePrefix: '容17',
  models: ['CFW-50/1.77', 'CFL-30/0.8', 'SG-1200'],
};
const STERILIZER: EquipmentModel = {
  category: '压力容器',
  kind: '固定式压力容器',
  variety: '反应容器（灭菌锅）',
  code: '2100',
  certificatePrefix: '容15',
  models: ['SMJ-1200', 'GT7C-1000'],
};
const TANKER: EquipmentModel = {
  category: '压力容器',
  kind: '移动式压力容器',
  variety: '汽车罐车',
  code: '2200',
  certificatePrefix: '容3C',
  models: ['HGJ9400GYQ', 'CLW5250GYQ'],
};
const CRANE: EquipmentModel = {
  category: '起重机械',
  kind: '桥式起重机',
  variety: '通用桥式起重机',
  code: '4110',
  certificatePrefix: '起11',
  models: ['QD10t-22.5m', 'LD5t-16.5m', 'QD20/5t-28.5m'],
};
const FORKLIFT: EquipmentModel = {
  category: '场（厂）内专用机动车辆',
  kind: '机动工业车辆',
  variety: '叉车',
  code: '5110',
  certificatePrefix: '车11',
  models: ['CPCD30', 'CPD20'],
};

const MAINTENANCE_UNITS = ['特种设备安装维修有限公司', '机电设备工程有限公司', '锅炉压力容器检修有限公司'];

function equipmentFor(enterprise: SeedEnterprise, random: Random): EquipmentModel[] {
  const domains = new Set(enterprise.keyDomains);
  if (domains.has('SPECIAL_EQUIPMENT_FILLING'))
    return Array.from({ length: random.int(1, 4) }, () => random.pick([VESSEL, VESSEL, TANKER]));
  if (domains.has('FOOD_PRODUCTION') && random.chance(0.6))
    return Array.from({ length: random.int(1, 2) }, () => random.pick([BOILER, STERILIZER]));
  if (domains.has('SPECIAL_EQUIPMENT_PRODUCTION') && random.chance(0.5))
    return Array.from({ length: random.int(1, 2) }, () => random.pick([CRANE, FORKLIFT]));
  return [];
}

/**
 * 使用登记 Use registrations of the special equipment a focus-domain enterprise operates (boilers
 * and sterilisers in food plants, storage tanks at filling stations, cranes in workshops). About
 * one in ten was registered later than 30 days after first use.
 */
export function equipmentRegistrationsFor(enterprise: SeedEnterprise, options: SeedOptions = {}): SeedEquipmentRegistration[] {
  const { seed, referenceDate } = resolveSeedOptions(options);
  const random = randomFor(seed, 'equipment-registrations', enterprise.index);
  if (enterprise.establishedOn > referenceDate) return [];
  const city = cityOf(enterprise.regionCode);
  const cityLetter = String.fromCharCode(65 + (Number(city.slice(2, 4)) % 26));
  const authority = authorityAt(city);
  return equipmentFor(enterprise, random).map((equipment, k) => {
    const manufacturedOn = addDays(enterprise.establishedOn, -random.int(30, 400));
    const firstUsedOn = addDays(enterprise.establishedOn, random.int(30, 1500));
    const usedOn = firstUsedOn < referenceDate ? firstUsedOn : addDays(referenceDate, -random.int(1, 30));
    const registeredOn = addDays(usedOn, random.chance(0.1) ? random.int(31, 120) : random.int(0, 30));
    const registered = earlierOf(registeredOn, referenceDate);
    const serial = String((enterprise.index * 8 + k) % 1_000_000).padStart(6, '0');
    const cancelled = enterprise.status !== 'ACTIVE' || random.chance(0.05);
    const cancelledOn = cancelled ? addDays(registered, random.int(30, 900)) : null;
    const keepCancelled = cancelledOn !== null && cancelledOn <= referenceDate;
    return {
      registrationCode: `${equipment.code}${enterprise.regionCode}${yearOf(registered)}${serial}`,
      certificateNumber: `${equipment.certificatePrefix}${provinceAbbreviation(enterprise.regionCode)}${cityLetter}${serial.slice(1)}(${String(yearOf(registered)).slice(2)})`,
      equipmentCode: `${equipment.code}${random.digits(5)}${yearOf(manufacturedOn)}${random.digits(4)}`,
      equipmentCategory: equipment.category,
      equipmentKind: equipment.kind,
      equipmentVariety: equipment.variety,
      model: random.pick(equipment.models),
      productNumber: `${yearOf(manufacturedOn)}-${random.digits(4)}`,
      manufacturedOn,
      userUscc: enterprise.uscc,
      regionCode: enterprise.regionCode,
      installationSite: `${enterprise.address}${random.pick(['锅炉房', '生产车间', '储罐区', '装卸区'])}`,
      maintenanceUnit: random.chance(0.7) ? `${random.pick(['晋通', '湘安', '闽兴', '华安'])}${random.pick(MAINTENANCE_UNITS)}` : null,
      firstUsedOn: usedOn,
      registeredOn: registered,
      registrationAuthority: authority.name,
      department: SPECIAL_EQUIPMENT_DEPARTMENT,
      status: keepCancelled ? 'CANCELLED' : random.chance(0.04) ? 'SUSPENDED' : 'IN_USE',
      cancelledOn: keepCancelled ? cancelledOn : null,
      cancellationReason: keepCancelled ? random.pick(['设备报废', '设备迁出本辖区', '使用单位注销']) : null,
      publishedOn: publicationDate(random, registered, referenceDate),
    };
  });
}
