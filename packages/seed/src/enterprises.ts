import { computeOrganizationCheckCharacter, computeUsccCheckCharacter, USCC_CHARSET } from '@credit-hub/uscc';
import { addDays, addYears, yearOf } from './dates.ts';
import { type Random, randomFor } from './random.ts';
import { seedCounties, shortPlaceName } from './regions.ts';
import type { RegistrationStatus, SeedAnnualReport, SeedCreditCommitment, SeedEnterprise, SeedOptions } from './types.ts';
import { GIVEN_NAME_CHARACTERS, INDUSTRIES, type Industry, STREETS, SURNAMES, TRADE_NAMES } from './vocabulary.ts';

export const DEFAULT_SEED = 20240601;

export function resolveSeedOptions(options: SeedOptions = {}): Required<Omit<SeedOptions, 'onProgress'>> {
  return {
    seed: options.seed ?? DEFAULT_SEED,
    referenceDate: options.referenceDate ?? new Date().toISOString().slice(0, 10),
  };
}

/**
 * Organization-code body from the index, so codes are unique by construction (31^6 indices per
 * two-character prefix) while still looking like issued codes (MA… since the 2015 reform).
 */
function organizationBody(index: number, random: Random): string {
  let serial = '';
  let rest = index;
  for (let i = 0; i < 6; i++) {
    serial = USCC_CHARSET[rest % 31] + serial;
    rest = Math.floor(rest / 31);
  }
  return `${random.chance(0.7) ? 'MA' : random.digits(2)}${serial}`;
}

export function usccFor(authorityAndType: string, regionCode: string, body: string): string {
  const organizationCode = body + computeOrganizationCheckCharacter(body);
  const first17 = `${authorityAndType}${regionCode}${organizationCode}`;
  return first17 + computeUsccCheckCharacter(first17);
}

const personName = (random: Random) =>
  random.pick(SURNAMES) + random.pick(GIVEN_NAME_CHARACTERS) + (random.chance(0.7) ? random.pick(GIVEN_NAME_CHARACTERS) : '');

const phoneNumber = (random: Random) => `1${random.pick(['3', '5', '7', '8', '9'])}${random.digits(9)}`;

const STATUS_MIX: readonly (readonly [RegistrationStatus, number])[] = [
  ['ACTIVE', 85],
  ['DEREGISTERED', 8],
  ['REVOKED', 5],
  ['MOVED_OUT', 2],
];

const COMMITMENT_MATTERS = [
  ['告知承诺制许可', '申请人承诺所填写信息真实、准确，已符合许可条件，愿意承担不实承诺的法律责任。'],
  ['信用修复承诺', '承诺已纠正失信行为、履行相关义务，今后严格遵守法律法规。'],
  ['主动型承诺', '承诺依法诚信经营，自觉接受政府、行业组织、社会公众、新闻舆论的监督。'],
  ['证明事项告知承诺', '承诺所提交的材料真实有效，如有虚假愿意接受处罚并记入信用记录。'],
] as const;

/** Enterprise `index` of the synthetic population; independent of how many are generated. */
export function enterpriseAt(index: number, options: SeedOptions = {}): SeedEnterprise {
  const { seed, referenceDate } = resolveSeedOptions(options);
  const random = randomFor(seed, 'enterprise', index);
  // The first draw (generateEnterprisesIn relies on it).
  const county = random.pick(seedCounties());
  const city = county.city ?? county.province ?? '';
  const industry: Industry = random.weighted(INDUSTRIES.map((i) => [i, i.weight] as const));
  const kind = random.weighted([
    ['ENTERPRISE', 88],
    ['INDIVIDUAL_BUSINESS', 8],
    ['FARMERS_COOPERATIVE', industry.code === 'A01' ? 30 : 0],
  ] as const);
  const trade = random.pick(TRADE_NAMES);
  const word = random.pick(industry.words);
  const legalRepresentative = personName(random);
  const place = shortPlaceName(random.chance(0.6) ? city : county.name);

  let name: string;
  let enterpriseType: string;
  let typeCode: string;
  if (kind === 'INDIVIDUAL_BUSINESS') {
    name = `${shortPlaceName(county.name)}${legalRepresentative.slice(0, 1)}记${word}${random.pick(['店', '经营部', '商行'])}`;
    enterpriseType = '个体工商户';
    typeCode = '92';
  } else if (kind === 'FARMERS_COOPERATIVE') {
    name = `${shortPlaceName(county.name)}${trade}${word}农民专业合作社`;
    enterpriseType = '农民专业合作社';
    typeCode = '93';
  } else {
    const joint = random.chance(0.08);
    name = `${place}${trade}${word}${joint ? '股份有限公司' : '有限公司'}`;
    enterpriseType = joint
      ? '股份有限公司（非上市、自然人投资或控股）'
      : random.pick(['有限责任公司（自然人投资或控股）', '有限责任公司（自然人独资）', '有限责任公司（非自然人投资或控股的法人独资）']);
    typeCode = '91';
  }
  // Index suffix keeps names unique in large sets the way real registries do (分公司, 第二…).
  if (index >= TRADE_NAMES.length * 40)
    name = name.replace(/(有限公司|股份有限公司|农民专业合作社|店|经营部|商行)$/, `${index % 97 === 0 ? '第二' : ''}$1`);

  const age = random.weighted([
    [random.int(0, 2), 20],
    [random.int(3, 10), 50],
    [random.int(11, 25), 30],
  ] as const);
  const establishedOn = addDays(addYears(referenceDate, -age), -random.int(0, 364));
  const status = random.weighted(STATUS_MIX);
  const uscc = usccFor(typeCode, county.code, organizationBody(index, random));
  const capital = kind === 'INDIVIDUAL_BUSINESS' ? null : random.pick([10, 50, 100, 200, 300, 500, 1000, 2000, 5000]);

  const renamed = kind === 'ENTERPRISE' && random.chance(0.06);
  const formerNames = renamed
    ? [{ name: `${place}${random.pick(TRADE_NAMES)}${word}有限公司`, usedUntil: addDays(establishedOn, random.int(200, 1500)) }]
    : [];

  const keyDomains = kind === 'ENTERPRISE' ? industry.keyDomains(random.next()) : [];
  const contactPhone = phoneNumber(random);
  const contactEmail = kind === 'ENTERPRISE' && random.chance(0.6) ? `contact${index}@example.cn` : null;

  return {
    index,
    uscc,
    registrationNumber: yearOf(establishedOn) < 2015 ? `${county.code}${random.digits(9)}` : null,
    name,
    formerNames: formerNames.filter((former) => former.usedUntil < referenceDate),
    enterpriseType,
    entityType: kind,
    legalRepresentative,
    registeredCapital: capital,
    establishedOn,
    businessTermTo: random.chance(0.6) ? null : addYears(establishedOn, random.pick([20, 30, 50])),
    registrationAuthority: `${county.name}市场监督管理局`,
    approvedOn: addDays(establishedOn, random.int(0, 2000)) < referenceDate ? addDays(establishedOn, random.int(0, 2000)) : establishedOn,
    status,
    regionCode: county.code,
    address: `${county.fullName}${random.pick(STREETS)}${random.int(1, 399)}号`,
    businessScope: industry.scope,
    industryCode: industry.code,
    industryName: industry.name,
    keyDomains,
    contactPhone,
    contactEmail,
    annualReports: annualReportsFor(random, { establishedOn, status, referenceDate, capital, contactPhone, contactEmail }),
    creditCommitments: random.chance(0.25) ? [commitmentFor(random, establishedOn, referenceDate, county.name)] : [],
  };
}

/**
 * Reports for the last five due years. The window for year Y closes on 30 June of Y+1; about 8 %
 * are filed late, about 5 % never (what puts enterprises on the abnormal-operations list).
 */
function annualReportsFor(
  random: Random,
  facts: {
    establishedOn: string;
    status: RegistrationStatus;
    referenceDate: string;
    capital: number | null;
    contactPhone: string;
    contactEmail: string | null;
  },
): SeedAnnualReport[] {
  const reports: SeedAnnualReport[] = [];
  const refYear = yearOf(facts.referenceDate);
  const lastDueYear = facts.referenceDate > `${refYear}-06-30` ? refYear - 1 : refYear - 2;
  const firstYear = Math.max(yearOf(facts.establishedOn), refYear - 5);
  const stopsReporting = facts.status === 'ACTIVE' ? Number.POSITIVE_INFINITY : random.int(firstYear, lastDueYear + 1);
  const habitual = random.chance(0.04);
  for (let year = firstYear; year <= lastDueYear + 1; year++) {
    if (year >= stopsReporting) break;
    const inOpenWindow = year === refYear - 1 && facts.referenceDate <= `${refYear}-06-30`;
    const roll = random.next();
    if (roll < (habitual ? 0.5 : 0.05)) continue;
    const late = roll < (habitual ? 0.8 : 0.13);
    const windowStart = `${year + 1}-01-01`;
    const submittedOn = late ? addDays(`${year + 1}-06-30`, random.int(1, 200)) : addDays(windowStart, random.int(0, 180));
    if (submittedOn > facts.referenceDate || (inOpenWindow && random.chance(0.4))) continue;
    const capital = facts.capital ?? random.int(1, 50);
    reports.push({
      year,
      submittedOn,
      contactPhone: facts.contactPhone,
      contactEmail: facts.contactEmail,
      businessStatus: '开业',
      subscribedCapital: capital,
      paidInCapital: Math.round(capital * random.pick([0, 0.2, 0.5, 1]) * 100) / 100,
      employees: random.int(1, 300),
      totalAssets: random.int(10, 50_000),
      revenue: random.int(0, 80_000),
      optionalFieldsPublished: random.chance(0.35),
    });
  }
  return reports;
}

function commitmentFor(random: Random, establishedOn: string, referenceDate: string, countyName: string): SeedCreditCommitment {
  const [matter, content] = random.pick(COMMITMENT_MATTERS);
  const committedOn = addDays(establishedOn, random.int(0, 1000));
  return {
    matter,
    content,
    committedOn: committedOn < referenceDate ? committedOn : establishedOn,
    department: random.pick(['DJZC', 'XYJG', 'TSSB', 'SPSC']),
    authority: `${countyName}市场监督管理局`,
    fulfilment: random.weighted([
      ['FULFILLED', 70],
      ['IN_PROGRESS', 25],
      ['BREACHED', 5],
    ] as const),
    published: random.chance(0.9),
  };
}

/** The first `count` enterprises of the population. */
export function* generateEnterprises(count: number, options: SeedOptions = {}): Generator<SeedEnterprise> {
  // Resolved once: "today" is read once per run, not once per enterprise (and cannot change mid-run).
  const resolved = resolveSeedOptions(options);
  for (let index = 0; index < count; index++) {
    // Every subgraph's loader walks this generator, so it is where a progress bar learns how far it got.
    if (options.onProgress && index % 5000 === 0) options.onProgress(index, count);
    yield enterpriseAt(index, resolved);
  }
  options.onProgress?.(count, count);
}

/**
 * The enterprises among the first `count` whose division code starts with `regionPrefix`: the
 * same records as filtering generateEnterprises, but the county is the first draw of an
 * enterprise's generator, so the others are skipped after one draw instead of generated in full
 * (a province's loader at 1 M enterprises: a third of the work).
 */
export function* generateEnterprisesIn(regionPrefix: string, count: number, options: SeedOptions = {}): Generator<SeedEnterprise> {
  const resolved = resolveSeedOptions(options);
  const counties = seedCounties();
  for (let index = 0; index < count; index++) {
    if (options.onProgress && index % 5000 === 0) options.onProgress(index, count);
    if (!randomFor(resolved.seed, 'enterprise', index).pick(counties).code.startsWith(regionPrefix)) continue;
    yield enterpriseAt(index, resolved);
  }
  options.onProgress?.(count, count);
}
