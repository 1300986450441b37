import {
  addDays,
  addMonths,
  type Random,
  randomFor,
  resolveSeedOptions,
  type SeedEnterprise,
  type SeedOptions,
  shortPlaceName,
  yearOf,
} from '@credit-hub/seed';
import { getDivision } from '@credit-hub/uscc';
import type { PartyType, PenaltyType, Procedure, SanctionDomain } from '../rules/index.ts';

/**
 * Sanction records for one synthetic enterprise: penalties, abnormal and serious listings, repairs.
 * Derived from the enterprise alone (its index, domains and annual reports), so the sanctions
 * subgraph seeds itself without reading another subgraph's tables, and the same enterprise always
 * gets the same records. Records link to each other by `key`, which the loader maps to row ids.
 */

type SeedPenaltyType = PenaltyType;
type SeedSanctionDomain = SanctionDomain;

export interface SeedPenalty {
  key: string;
  decisionNumber: string;
  violationType: string;
  factsSummary: string;
  legalBasis: string;
  penaltyTypes: SeedPenaltyType[];
  /** Yuan, exact decimal strings. */
  fineAmount: string | null;
  confiscationAmount: string | null;
  procedure: Procedure;
  partyType: PartyType;
  partyIdNumber: string | null;
  restrictionMonths: number | null;
  heavyDiscretion: boolean;
  withheldReason: string | null;
  withheldApprovedBy: string | null;
  decidedOn: string;
  authority: string;
  department: string;
  caseDomain: SeedSanctionDomain;
  /** Null for a warning-only decision (never published). */
  publishedOn: string | null;
  state: 'IN_FORCE' | 'CHANGED' | 'REVOKED' | 'REPAIRED';
  stateChangedOn: string | null;
  repairedOn: string | null;
}

export interface SeedAbnormalOperation {
  key: string;
  reason: 'MISSING_ANNUAL_REPORT' | 'UNPUBLISHED_INFORMATION' | 'FALSE_INFORMATION' | 'UNREACHABLE_ADDRESS';
  reasonDetail: string;
  listedOn: string;
  authority: string;
  department: string;
  decisionReference: string;
  removedOn: string | null;
  removalReason: 'ANNUAL_REPORT_FILED' | 'ADDRESS_REACHABLE' | null;
  removalAuthority: string | null;
  repairedOn: string | null;
}

export interface SeedSeriousViolation {
  key: string;
  domain: SeedSanctionDomain;
  reason: string;
  triggeringPenaltyKey: string | null;
  escalatedFromAbnormalKey: string | null;
  listedOn: string;
  authority: string;
  department: string;
  decisionReference: string;
  removedOn: string | null;
  removalReason: 'EARLY_REMOVAL_AFTER_REPAIR' | null;
  repairedOn: string | null;
}

export interface SeedCreditRepair {
  targetKind: 'PENALTY' | 'ABNORMAL_OPERATION' | 'SERIOUS_VIOLATION';
  targetKey: string;
  appliedOn: string;
  statement: string;
  obligationsFulfilled: boolean;
  status: 'PENDING' | 'APPROVED' | 'REJECTED';
  decidedOn: string | null;
  decisionReason: string | null;
  decisionReference: string | null;
}

export interface SeedSanctions {
  penalties: SeedPenalty[];
  abnormalOperations: SeedAbnormalOperation[];
  seriousViolations: SeedSeriousViolation[];
  creditRepairs: SeedCreditRepair[];
}

interface Violation {
  domain: SeedSanctionDomain;
  type: string;
  basis: string;
  facts: string;
}

const VIOLATIONS: readonly Violation[] = [
  {
    domain: 'FOOD',
    type: '生产经营不符合食品安全标准的食品',
    basis: '《中华人民共和国食品安全法》第一百二十四条第一款',
    facts: '经抽样检验，当事人生产的产品菌落总数项目不符合食品安全国家标准。',
  },
  {
    domain: 'FOOD',
    type: '未按规定对出厂食品进行检验',
    basis: '《中华人民共和国食品安全法》第一百二十六条第一款',
    facts: '当事人未按规定查验出厂食品检验合格证明，未建立出厂检验记录。',
  },
  {
    domain: 'FOOD',
    type: '使用超过保质期的食品原料生产食品',
    basis: '《中华人民共和国食品安全法》第一百二十四条第一款第（二）项',
    facts: '现场检查发现当事人库房存放并使用已过保质期的原料用于生产。',
  },
  {
    domain: 'SPECIAL_EQUIPMENT',
    type: '使用未经定期检验的特种设备',
    basis: '《中华人民共和国特种设备安全法》第八十四条第（一）项',
    facts: '当事人使用的一台电梯超过下次检验日期未申报定期检验，仍继续使用。',
  },
  {
    domain: 'SPECIAL_EQUIPMENT',
    type: '气瓶充装单位对不符合安全技术规范要求的气瓶进行充装',
    basis: '《中华人民共和国特种设备安全法》第八十九条',
    facts: '当事人对超过检验期限的液化石油气钢瓶进行充装。',
  },
  {
    domain: 'SPECIAL_EQUIPMENT',
    type: '未经许可从事特种设备安装改造修理',
    basis: '《中华人民共和国特种设备安全法》第七十七条',
    facts: '当事人未取得相应许可，从事起重机械安装活动。',
  },
  {
    domain: 'QUALITY_SAFETY',
    type: '生产不符合保障人体健康和人身、财产安全的国家标准的产品',
    basis: '《中华人民共和国产品质量法》第四十九条',
    facts: '经监督抽查，当事人生产的电线电缆导体电阻项目不合格。',
  },
  {
    domain: 'CONSUMER_RIGHTS',
    type: '销售失效、变质的商品',
    basis: '《中华人民共和国消费者权益保护法》第五十六条第一款第（四）项',
    facts: '当事人货架上陈列销售已超过保质期的预包装食品。',
  },
  {
    domain: 'FAIR_COMPETITION',
    type: '对商品作虚假或者引人误解的商业宣传',
    basis: '《中华人民共和国反不正当竞争法》第二十条第一款',
    facts: '当事人在网店页面宣称产品“获国家级金奖”，无法提供证明材料。',
  },
  {
    domain: 'DRUG',
    type: '经营劣药',
    basis: '《中华人民共和国药品管理法》第一百一十七条',
    facts: '经抽样检验，当事人销售的中药饮片含量测定项目不符合药品标准。',
  },
  {
    domain: 'COSMETICS',
    type: '经营标签不符合规定的化妆品',
    basis: '《化妆品监督管理条例》第六十一条第一款第（五）项',
    facts: '当事人销售的化妆品标签未标注化妆品注册人、备案人的名称、地址。',
  },
  {
    domain: 'MEDICAL_DEVICE',
    type: '经营未取得医疗器械注册证的第二类医疗器械',
    basis: '《医疗器械监督管理条例》第八十六条第（一）项',
    facts: '当事人购进并销售未取得注册证的医用口罩。',
  },
  {
    domain: 'REGISTRATION',
    type: '提交虚假材料取得市场主体登记',
    basis: '《中华人民共和国市场主体登记管理条例》第四十四条',
    facts: '当事人在变更登记时提交伪造的股东会决议。',
  },
  {
    domain: 'OTHER',
    type: '发布虚假广告',
    basis: '《中华人民共和国广告法》第五十五条第一款',
    facts: '当事人在户外广告中使用“最佳”“第一”等用语并虚构使用效果。',
  },
];

const PROVINCE_SHORT: Record<string, string> = { '14': '晋', '43': '湘', '35': '闽' };

const DEPARTMENT_BY_DOMAIN: Partial<Record<SeedSanctionDomain, string>> = { FOOD: 'SPSC', SPECIAL_EQUIPMENT: 'TSSB' };
/** Enforcement (执法稽查) records penalties unless a domain department does; credit supervision lists. */
export const SEED_SANCTION_DEPARTMENTS = { enforcement: 'ZFJC', credit: 'XYJG' } as const;

interface Authority {
  name: string;
  shortName: string;
}

function authorityFor(enterprise: SeedEnterprise, random: Random): Authority {
  const division = getDivision(enterprise.regionCode);
  const province = enterprise.regionCode.slice(0, 2);
  const provinceShort = PROVINCE_SHORT[province] ?? '省';
  const cityName = division?.city ?? division?.province ?? '';
  const countyName = division?.county ?? division?.name ?? '';
  const level = random.weighted([
    ['county', 55],
    ['city', 35],
    ['province', 10],
  ] as const);
  if (level === 'province') return { name: `${division?.province ?? ''}市场监督管理局`, shortName: provinceShort };
  const cityShort = shortPlaceName(cityName).slice(0, 1) || provinceShort;
  if (level === 'city' || !countyName) return { name: `${cityName}市场监督管理局`, shortName: cityShort };
  return { name: enterprise.registrationAuthority, shortName: `${cityShort}${shortPlaceName(countyName).slice(0, 1)}` };
}

function decisionNumber(authority: Authority, year: number, serial: number, random: Random): string {
  const prefix = random.chance(0.05) ? random.pick(['（稽）', '（食）', '（特）']) : '';
  return `${prefix}${authority.shortName}市监处罚〔${year}〕${serial}号`;
}

function domainOf(enterprise: SeedEnterprise, random: Random): SeedSanctionDomain {
  if (enterprise.keyDomains.some((d) => d === 'FOOD_PRODUCTION' || d === 'SPECIAL_FOOD') && random.chance(0.8)) return 'FOOD';
  if (enterprise.keyDomains.some((d) => d.startsWith('SPECIAL_EQUIPMENT')) && random.chance(0.8)) return 'SPECIAL_EQUIPMENT';
  return random.pick([
    'QUALITY_SAFETY',
    'CONSUMER_RIGHTS',
    'FAIR_COMPETITION',
    'REGISTRATION',
    'OTHER',
    'DRUG',
    'COSMETICS',
    'MEDICAL_DEVICE',
  ] as const);
}

const roundTo = (value: number, step: number) => String(Math.max(step, Math.round(value / step) * step));
const cents = (random: Random, low: number, high: number) => `${random.int(low, high)}.${String(random.int(0, 99)).padStart(2, '0')}`;

type Severity = 'warning' | 'simple' | 'light' | 'ordinary' | 'heavy' | 'excluded';

const NO_EXTRAS = { restrictionMonths: null, heavyDiscretion: false };

function penaltyContent(severity: Severity, random: Random) {
  switch (severity) {
    case 'warning':
      return { penaltyTypes: ['WARNING'] as SeedPenaltyType[], fineAmount: null, confiscationAmount: null, ...NO_EXTRAS };
    case 'simple':
      // 行政处罚法 第五十一条: on the spot, at most 3 000 yuan for an organisation.
      return {
        penaltyTypes: ['FINE'] as SeedPenaltyType[],
        fineAmount: roundTo(random.int(50, 3000), 50),
        confiscationAmount: null,
        ...NO_EXTRAS,
      };
    case 'light':
      return random.chance(0.15)
        ? { penaltyTypes: ['CIRCULATED_CRITICISM'] as SeedPenaltyType[], fineAmount: null, confiscationAmount: null, ...NO_EXTRAS }
        : {
            penaltyTypes: (random.chance(0.3) ? ['WARNING', 'FINE'] : ['FINE']) as SeedPenaltyType[],
            fineAmount: roundTo(random.int(500, 60_000), 500),
            confiscationAmount: null,
            ...NO_EXTRAS,
          };
    case 'ordinary':
      return {
        penaltyTypes: ['FINE', 'CONFISCATE_ILLEGAL_GAINS'] as SeedPenaltyType[],
        fineAmount: roundTo(random.int(12_000, 200_000), 1000),
        confiscationAmount: cents(random, 800, 60_000),
        ...NO_EXTRAS,
      };
    case 'heavy':
      return {
        penaltyTypes: ['FINE', 'CONFISCATE_ILLEGAL_GAINS', 'CONFISCATE_ILLEGAL_PROPERTY'] as SeedPenaltyType[],
        fineAmount: roundTo(random.int(500_000, 2_000_000), 10_000),
        confiscationAmount: cents(random, 50_000, 400_000),
        restrictionMonths: null,
        heavyDiscretion: true,
      };
    case 'excluded': {
      const type = random.pick(['SUSPEND_PRODUCTION', 'REVOKE_LICENCE', 'RESTRICT_OPERATION', 'RESTRICT_EMPLOYMENT'] as const);
      const restricts = type === 'RESTRICT_OPERATION' || type === 'RESTRICT_EMPLOYMENT';
      return {
        penaltyTypes: [type, 'FINE'] as SeedPenaltyType[],
        fineAmount: roundTo(random.int(100_000, 1_000_000), 10_000),
        confiscationAmount: null,
        restrictionMonths: restricts ? random.pick([12, 36, 60]) : null,
        heavyDiscretion: false,
      };
    }
  }
}

/** The first day `months` of publication from `start` have fully run (periods end on the corresponding day). */
const fullyRun = (start: string, months: number) => addDays(addMonths(start, months), 1);

/** A start day whose period of `months` ends exactly on `end` (the latest such day). */
export function startForPeriodEnd(end: string, months: number): string {
  let candidate = addDays(addMonths(end, -months), 3);
  for (let step = 0; step < 10; step++, candidate = addDays(candidate, -1)) if (addMonths(candidate, months) === end) return candidate;
  return addMonths(end, -months);
}

/** Boundary cases, one per selected enterprise, so the demo shows every period edge relative to the reference day. */
export const SANCTION_BOUNDARY_CASES = [
  'SHORT_PUBLICATION_ENDS_TODAY',
  'SHORT_PUBLICATION_ENDED_YESTERDAY',
  'SHORT_PUBLICATION_ENDS_TOMORROW',
  'LONG_PUBLICATION_ENDS_TODAY',
  'LONG_PUBLICATION_ENDED_YESTERDAY',
  'WARNING_ONLY',
  'FOOD_REPAIR_ELIGIBLE_FROM_TODAY',
  'REPAIR_ELIGIBLE_FROM_TOMORROW',
  'SERIOUS_LAST_LISTED_DAY_TODAY',
  'SERIOUS_EARLY_REMOVAL_FROM_TODAY',
  'ABNORMAL_ESCALATION_DUE_TODAY',
  'ABNORMAL_ESCALATION_DUE_TOMORROW',
  'REPAIRED_PENALTY',
  'REVOKED_PENALTY',
  'SIMPLE_PROCEDURE_FINE',
  'EMPLOYMENT_RESTRICTED_5_YEARS',
  'LOWER_FINE_THRESHOLD_BELOW',
  'LOWER_FINE_THRESHOLD_AT',
  'NATURAL_PERSON_PARTY',
  'WITHHELD_BY_APPROVAL',
  'COSMETICS_REPAIR_AFTER_6_MONTHS',
] as const;
export type SanctionBoundaryCase = (typeof SANCTION_BOUNDARY_CASES)[number];

/** Every 50th enterprise from index 7 carries one boundary case, in turn. */
export function boundaryCaseFor(index: number): SanctionBoundaryCase | null {
  if (index % 50 !== 7) return null;
  return SANCTION_BOUNDARY_CASES[Math.floor(index / 50) % SANCTION_BOUNDARY_CASES.length] ?? null;
}

/**
 * 列入决定书文号 of an enterprise's `ordinal`-th serious listing (0 first). The second and later
 * ones carry a suffix: two listings of one enterprise by one authority in one year would otherwise
 * share a reference, which the (enterprise, reference) natural key refuses.
 */
function seriousReference(authority: string, listedOn: string, enterpriseIndex: number, ordinal: number): string {
  return `${authority}列严〔${yearOf(listedOn)}〕${enterpriseIndex}${ordinal === 0 ? '' : `-${ordinal + 1}`}号`;
}

export function sanctionsFor(enterprise: SeedEnterprise, options: SeedOptions = {}): SeedSanctions {
  const { seed, referenceDate: today } = resolveSeedOptions(options);
  const random = randomFor(seed, 'sanctions', enterprise.index);
  const result: SeedSanctions = { penalties: [], abnormalOperations: [], seriousViolations: [], creditRepairs: [] };
  const credit = SEED_SANCTION_DEPARTMENTS.credit;

  const addPenalty = (severity: Severity, decidedOn: string, serialOffset: number, overrides: Partial<SeedPenalty> = {}): SeedPenalty => {
    const domain = overrides.caseDomain ?? domainOf(enterprise, random);
    const violation = random.pick(
      VIOLATIONS.filter((v) => v.domain === domain).length ? VIOLATIONS.filter((v) => v.domain === domain) : VIOLATIONS,
    );
    const authority = authorityFor(enterprise, random);
    const content = penaltyContent(severity, random);
    const unpublished = severity === 'warning' || severity === 'simple';
    const delay = random.chance(0.9) ? random.int(1, 9) : random.int(10, 27);
    // The slowest tail (about 2 %) was never published, and recent decisions wait for their day:
    // the 双公示 timeliness chart shows late, overdue and pending decisions as well as on-time ones.
    const published = unpublished || delay >= 24 ? null : addDays(decidedOn, delay);
    const party = partyOf(enterprise, random);
    const penalty: SeedPenalty = {
      key: `P${serialOffset}`,
      decisionNumber: decisionNumber(authority, yearOf(decidedOn), enterprise.index * 8 + serialOffset + 1, random),
      violationType: violation.type,
      factsSummary: violation.facts,
      legalBasis: violation.basis,
      ...content,
      decidedOn,
      authority: authority.name,
      department: DEPARTMENT_BY_DOMAIN[domain] ?? SEED_SANCTION_DEPARTMENTS.enforcement,
      caseDomain: domain,
      procedure: severity === 'simple' ? 'SIMPLE' : 'ORDINARY',
      ...party,
      withheldReason: null,
      withheldApprovedBy: null,
      publishedOn: published && published <= today ? published : null,
      state: 'IN_FORCE',
      stateChangedOn: null,
      repairedOn: null,
      ...overrides,
    };
    result.penalties.push(penalty);
    return penalty;
  };

  const approveRepair = (targetKind: SeedCreditRepair['targetKind'], targetKey: string, appliedOn: string, decidedOn: string) => {
    result.creditRepairs.push({
      targetKind,
      targetKey,
      appliedOn,
      statement: '已纠正违法行为，履行行政处罚决定，消除不良影响，并作出信用承诺。',
      obligationsFulfilled: true,
      status: 'APPROVED',
      decidedOn,
      decisionReason: '符合信用修复条件，准予修复。',
      decisionReference: `信用修复决定〔${yearOf(decidedOn)}〕${enterprise.index}号`,
    });
    return decidedOn;
  };

  const listSerious = (penalty: SeedPenalty, listedOn: string, overrides: Partial<SeedSeriousViolation> = {}) => {
    result.seriousViolations.push({
      key: `S${result.seriousViolations.length}`,
      domain: penalty.caseDomain,
      reason: `因${penalty.violationType}受到较重行政处罚（${penalty.decisionNumber}）`,
      triggeringPenaltyKey: penalty.key,
      escalatedFromAbnormalKey: null,
      listedOn,
      authority: penalty.authority,
      department: credit,
      decisionReference: seriousReference(penalty.authority, listedOn, enterprise.index, result.seriousViolations.length),
      removedOn: null,
      removalReason: null,
      repairedOn: null,
      ...overrides,
    });
  };

  // Ordinary history: about one enterprise in eight (one in five in focus domains) was penalised.
  const focus = enterprise.keyDomains.length > 0;
  if (random.chance(focus ? 0.2 : 0.12)) {
    const count = random.weighted([
      [1, 70],
      [2, 22],
      [3, 8],
    ] as const);
    for (let k = 0; k < count; k++) {
      const decidedOn = addDays(today, -random.int(20, 5 * 365));
      if (decidedOn < enterprise.establishedOn) continue;
      const severity = random.weighted([
        ['warning', 8],
        ['simple', 8],
        ['light', 34],
        ['ordinary', 38],
        ['heavy', 7],
        ['excluded', 5],
      ] as const);
      const penalty = addPenalty(severity, decidedOn, k);
      const roll = random.next();
      if (roll < 0.04 && penalty.publishedOn) {
        const on = addDays(penalty.publishedOn, random.int(20, 200));
        if (on <= today) Object.assign(penalty, { state: 'REVOKED', stateChangedOn: on });
      } else if (roll < 0.08) {
        const on = addDays(decidedOn, random.int(10, 90));
        if (on <= today) Object.assign(penalty, { state: 'CHANGED', stateChangedOn: on });
      }
      if (penalty.state === 'REVOKED') continue;
      if ((severity === 'heavy' || severity === 'excluded') && penalty.caseDomain !== 'REGISTRATION') {
        const listedOn = addDays(decidedOn, random.int(15, 40));
        if (listedOn <= today) listSerious(penalty, listedOn);
      }
      // Repairs need a full year of publication in any domain here, so every seeded approval is valid.
      const eligibleFrom = penalty.publishedOn ? fullyRun(penalty.publishedOn, 12) : null;
      if (severity === 'ordinary' && penalty.state === 'IN_FORCE' && eligibleFrom && eligibleFrom < addDays(today, -30)) {
        const applied = addDays(eligibleFrom, random.int(0, 200));
        const publicUntil = addMonths(penalty.publishedOn ?? today, 36);
        if (applied <= addDays(today, -25) && applied <= publicUntil && random.chance(0.35)) {
          const decided = addDays(applied, random.int(3, 20));
          Object.assign(penalty, { state: 'REPAIRED', repairedOn: approveRepair('PENALTY', penalty.key, applied, decided) });
        } else if (applied <= today && applied <= publicUntil && random.chance(0.1)) {
          result.creditRepairs.push({
            targetKind: 'PENALTY',
            targetKey: penalty.key,
            appliedOn: applied,
            statement: '已全额缴纳罚没款并完成整改，申请信用修复。',
            obligationsFulfilled: true,
            status: 'PENDING',
            decidedOn: null,
            decisionReason: null,
            decisionReference: null,
          });
        }
      }
    }
  }

  abnormalListingsFromReports(enterprise, today, random, result);
  boundaryCase(enterprise, today, { addPenalty, approveRepair, listSerious, result });
  return result;
}

/**
 * Consistent with the enterprises subgraph's annual reports: a report filed late means a listing
 * in July removed on the day it was filed; a year never filed means a listing still in force.
 * Listings older than three years are escalated to the serious list about half the time.
 */
function abnormalListingsFromReports(enterprise: SeedEnterprise, today: string, random: Random, result: SeedSanctions) {
  if (enterprise.status !== 'ACTIVE') return;
  const credit = SEED_SANCTION_DEPARTMENTS.credit;
  const refYear = yearOf(today);
  const lastDue = today > `${refYear}-06-30` ? refYear - 1 : refYear - 2;
  const filed = new Map(enterprise.annualReports.map((report) => [report.year, report.submittedOn]));
  const first = Math.max(yearOf(enterprise.establishedOn), lastDue - 4);
  let openListing = false;
  for (let year = first; year <= lastDue; year++) {
    const listedOn = addDays(`${year + 1}-07-01`, random.int(1, 25));
    if (listedOn > today || openListing) continue;
    const submittedOn = filed.get(year);
    if (submittedOn && submittedOn <= listedOn) continue;
    const key = `A${result.abnormalOperations.length}`;
    const removed = submittedOn ?? null;
    result.abnormalOperations.push({
      key,
      reason: 'MISSING_ANNUAL_REPORT',
      reasonDetail: `未按规定报送${year}年度年度报告`,
      listedOn,
      authority: enterprise.registrationAuthority,
      department: credit,
      decisionReference: `${shortPlaceName(enterprise.registrationAuthority.replace('市场监督管理局', ''))}市监异〔${year + 1}〕${enterprise.index}号`,
      removedOn: removed,
      removalReason: removed ? 'ANNUAL_REPORT_FILED' : null,
      removalAuthority: removed ? enterprise.registrationAuthority : null,
      repairedOn: null,
    });
    if (!removed) openListing = true;
    const listing = result.abnormalOperations[result.abnormalOperations.length - 1];
    if (!listing) continue;
    if (removed && random.chance(0.3)) {
      const applied = addDays(removed, random.int(5, 60));
      const decided = addDays(applied, random.int(3, 15));
      if (decided <= today) listing.repairedOn = repairRecord(result, 'ABNORMAL_OPERATION', key, applied, decided, enterprise.index);
    }
    const due = addDays(addMonths(listedOn, 36), 1);
    if (!removed && due <= today && random.chance(0.5)) {
      const seriousOn = addDays(due, random.int(10, 60));
      if (seriousOn <= today) {
        result.seriousViolations.push({
          key: `S${result.seriousViolations.length}`,
          domain: 'REGISTRATION',
          reason: '被列入经营异常名录届满3年仍未履行相关义务',
          triggeringPenaltyKey: null,
          escalatedFromAbnormalKey: key,
          listedOn: seriousOn,
          authority: enterprise.registrationAuthority,
          department: credit,
          decisionReference: seriousReference(
            enterprise.registrationAuthority,
            seriousOn,
            enterprise.index,
            result.seriousViolations.length,
          ),
          removedOn: null,
          removalReason: null,
          repairedOn: null,
        });
      }
    }
  }
}

function repairRecord(
  result: SeedSanctions,
  kind: SeedCreditRepair['targetKind'],
  key: string,
  applied: string,
  decided: string,
  index: number,
) {
  result.creditRepairs.push({
    targetKind: kind,
    targetKey: key,
    appliedOn: applied,
    statement: '已补报年度报告并公示，申请信用修复。',
    obligationsFulfilled: true,
    status: 'APPROVED',
    decidedOn: decided,
    decisionReason: '异常情形已消除，准予修复。',
    decisionReference: `信用修复决定〔${yearOf(decided)}〕${index}号`,
  });
  return decided;
}

interface CaseTools {
  addPenalty: (severity: Severity, decidedOn: string, serialOffset: number, overrides?: Partial<SeedPenalty>) => SeedPenalty;
  approveRepair: (kind: SeedCreditRepair['targetKind'], key: string, applied: string, decided: string) => string;
  listSerious: (penalty: SeedPenalty, listedOn: string, overrides?: Partial<SeedSeriousViolation>) => void;
  result: SeedSanctions;
}

/** One record exactly on a period boundary relative to `today` (see SANCTION_BOUNDARY_CASES). */
function boundaryCase(enterprise: SeedEnterprise, today: string, tools: CaseTools) {
  const which = boundaryCaseFor(enterprise.index);
  if (!which) return;
  const published = (publishedOn: string) => ({ publishedOn, decidedOn: addDays(publishedOn, -3) });
  // 通报批评 alone is published 3 months in every province (a fine's class depends on the province).
  const light = (end: string) =>
    tools.addPenalty('light', published(startForPeriodEnd(end, 3)).decidedOn, 5, {
      ...published(startForPeriodEnd(end, 3)),
      penaltyTypes: ['CIRCULATED_CRITICISM'],
      fineAmount: null,
    });
  const long = (end: string, overrides: Partial<SeedPenalty> = {}) => {
    const start = startForPeriodEnd(end, 36);
    return tools.addPenalty('ordinary', addDays(start, -3), 5, { publishedOn: start, ...overrides });
  };
  switch (which) {
    case 'SHORT_PUBLICATION_ENDS_TODAY':
      light(today);
      return;
    case 'SHORT_PUBLICATION_ENDED_YESTERDAY':
      light(addDays(today, -1));
      return;
    case 'SHORT_PUBLICATION_ENDS_TOMORROW':
      light(addDays(today, 1));
      return;
    case 'LONG_PUBLICATION_ENDS_TODAY':
      long(today);
      return;
    case 'LONG_PUBLICATION_ENDED_YESTERDAY':
      long(addDays(today, -1));
      return;
    case 'SIMPLE_PROCEDURE_FINE':
      tools.addPenalty('simple', addDays(today, -12), 5);
      return;
    case 'EMPLOYMENT_RESTRICTED_5_YEARS': {
      const publishedOn = addDays(today, -400);
      tools.addPenalty('excluded', addDays(publishedOn, -3), 5, {
        penaltyTypes: ['RESTRICT_EMPLOYMENT', 'FINE'],
        restrictionMonths: 60,
        caseDomain: 'FOOD',
        department: 'SPSC',
        publishedOn,
      });
      return;
    }
    case 'LOWER_FINE_THRESHOLD_BELOW':
    case 'LOWER_FINE_THRESHOLD_AT': {
      // Fujian's thresholds (闽市监规〔2024〕3号) by party type; elsewhere no lower-fine threshold applies.
      const natural = enterprise.uscc.startsWith('92');
      const threshold = natural ? 5000 : 50_000;
      const amount = which === 'LOWER_FINE_THRESHOLD_BELOW' ? threshold - 1 : threshold;
      const publishedOn = addDays(today, -20);
      tools.addPenalty('light', addDays(publishedOn, -3), 5, { penaltyTypes: ['FINE'], fineAmount: `${amount}.00`, publishedOn });
      return;
    }
    case 'NATURAL_PERSON_PARTY': {
      const publishedOn = addDays(today, -30);
      tools.addPenalty('ordinary', addDays(publishedOn, -3), 5, {
        partyType: 'NATURAL_PERSON',
        partyIdNumber: syntheticIdNumber(enterprise),
        publishedOn,
      });
      return;
    }
    case 'WITHHELD_BY_APPROVAL':
      tools.addPenalty('ordinary', addDays(today, -25), 5, {
        publishedOn: null,
        withheldReason: '涉及国家秘密，经批准不予公示',
        withheldApprovedBy: '局长审批',
      });
      return;
    case 'COSMETICS_REPAIR_AFTER_6_MONTHS': {
      const publishedOn = startForPeriodEnd(addDays(today, -1), 6);
      tools.addPenalty('ordinary', addDays(publishedOn, -2), 5, { publishedOn, caseDomain: 'COSMETICS' });
      return;
    }
    case 'WARNING_ONLY':
      tools.addPenalty('warning', addDays(today, -10), 5);
      return;
    case 'FOOD_REPAIR_ELIGIBLE_FROM_TODAY': {
      const publishedOn = startForPeriodEnd(addDays(today, -1), 12);
      const penalty = tools.addPenalty('ordinary', addDays(publishedOn, -2), 5, { publishedOn, caseDomain: 'FOOD', department: 'SPSC' });
      tools.result.creditRepairs.push({
        targetKind: 'PENALTY',
        targetKey: penalty.key,
        appliedOn: today,
        statement: '已完成整改并缴纳罚款，申请信用修复。',
        obligationsFulfilled: true,
        status: 'PENDING',
        decidedOn: null,
        decisionReason: null,
        decisionReference: null,
      });
      return;
    }
    case 'REPAIR_ELIGIBLE_FROM_TOMORROW': {
      const publishedOn = startForPeriodEnd(today, 6);
      tools.addPenalty('ordinary', addDays(publishedOn, -2), 5, { publishedOn, caseDomain: 'FAIR_COMPETITION' });
      return;
    }
    case 'SERIOUS_LAST_LISTED_DAY_TODAY': {
      const listedOn = startForPeriodEnd(today, 36);
      const penalty = tools.addPenalty('heavy', addDays(listedOn, -20), 5, { publishedOn: addDays(listedOn, -15) });
      tools.listSerious(penalty, listedOn);
      return;
    }
    case 'SERIOUS_EARLY_REMOVAL_FROM_TODAY': {
      const listedOn = startForPeriodEnd(addDays(today, -1), 12);
      const penalty = tools.addPenalty('heavy', addDays(listedOn, -20), 5, { publishedOn: addDays(listedOn, -15) });
      tools.listSerious(penalty, listedOn);
      return;
    }
    case 'ABNORMAL_ESCALATION_DUE_TODAY':
    case 'ABNORMAL_ESCALATION_DUE_TOMORROW': {
      const lastDayBefore = which === 'ABNORMAL_ESCALATION_DUE_TODAY' ? addDays(today, -1) : today;
      const listedOn = startForPeriodEnd(lastDayBefore, 36);
      tools.result.abnormalOperations.push({
        key: `A${tools.result.abnormalOperations.length}`,
        reason: 'UNREACHABLE_ADDRESS',
        reasonDetail: '通过登记的住所无法取得联系',
        listedOn,
        authority: enterprise.registrationAuthority,
        department: SEED_SANCTION_DEPARTMENTS.credit,
        decisionReference: `市监异〔${yearOf(listedOn)}〕${enterprise.index}号`,
        removedOn: null,
        removalReason: null,
        removalAuthority: null,
        repairedOn: null,
      });
      return;
    }
    case 'REPAIRED_PENALTY': {
      const publishedOn = addDays(today, -500);
      const penalty = tools.addPenalty('ordinary', addDays(publishedOn, -3), 5, { publishedOn });
      penalty.state = 'REPAIRED';
      penalty.repairedOn = tools.approveRepair('PENALTY', penalty.key, addDays(publishedOn, 400), addDays(publishedOn, 410));
      return;
    }
    case 'REVOKED_PENALTY': {
      const publishedOn = addDays(today, -60);
      tools.addPenalty('ordinary', addDays(publishedOn, -3), 5, { publishedOn, state: 'REVOKED', stateChangedOn: addDays(today, -2) });
      return;
    }
  }
}

/**
 * 当事人: an individual business (USCC 92…) is usually run by one person, whose ID number the
 * decision carries; everything else is a legal person or other organisation.
 */
function partyOf(enterprise: SeedEnterprise, random: Random): Pick<SeedPenalty, 'partyType' | 'partyIdNumber'> {
  if (enterprise.uscc.startsWith('92') && random.chance(0.8)) {
    return { partyType: 'INDIVIDUAL_BUSINESS_SINGLE', partyIdNumber: syntheticIdNumber(enterprise) };
  }
  return { partyType: 'ORGANISATION', partyIdNumber: null };
}

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

/** A synthetic but well-formed 居民身份证号码 (GB 11643): county code, a birth date, serial, check digit. */
function syntheticIdNumber(enterprise: SeedEnterprise): string {
  const birth = `${1960 + (enterprise.index % 40)}${String((enterprise.index % 12) + 1).padStart(2, '0')}${String((enterprise.index % 28) + 1).padStart(2, '0')}`;
  const body = `${enterprise.regionCode}${birth}${String(enterprise.index % 1000).padStart(3, '0')}`;
  const sum = [...body].reduce((total, digit, i) => total + Number(digit) * (ID_WEIGHTS[i] ?? 0), 0);
  return body + '10X98765432'[sum % 11];
}
