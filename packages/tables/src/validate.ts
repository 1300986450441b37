import { normalizeDecisionNumber, parseDecisionNumber } from '@credit-hub/decision-number';
import { checkUscc, type UsccAllowList } from '@credit-hub/uscc';
import { type FieldSpec, type HeaderMapping, normalizeHeader, type TableKind } from './aliases.ts';
import { LONG_TERM_DATE, parseTableDate, parseYuan, wanyuanToYuan } from './format.ts';
import type { RawRow } from './readers.ts';
import {
  ABNORMAL_REASONS,
  LICENSE_VALID_STATUS,
  LICENSED_ACTIVITIES,
  licenseKindOf,
  PARTY_CATEGORIES,
  PENALTY_TYPES,
  SANCTION_DOMAINS,
} from './vocabulary.ts';

/** Why a row was refused: the field (as the table calls it), the rule, and a sentence. */
export interface RowProblem {
  field: string;
  rule: string;
  message: string;
}

export interface AcceptedRow {
  rowNumber: number;
  /** Natural key: licence number, registration code, decision number… (idempotency). */
  key: string;
  /** The owning subgraph's mutation input, as its GraphQL schema spells it. */
  input: Record<string, unknown>;
}

export interface RejectedRow {
  rowNumber: number;
  cells: string[];
  problems: RowProblem[];
}

export type RowOutcome = { ok: true; row: AcceptedRow } | { ok: false; row: RejectedRow };

export interface ValidationOptions {
  /** Today in the enterprise's time zone: no date may lie after it. */
  today: string;
  allowList?: UsccAllowList;
  /** 领域 when the table has no such column (a 特种设备领域 list is all special equipment). */
  defaultDomain?: string;
}

/**
 * Row validation before anything is written: the table's own rules (required, formats, dates,
 * amounts, known words, one row per natural key). The owning subgraph applies its rules and the
 * access policy again on write, and a refusal there is reported per row the same way.
 */
export class RowValidator {
  readonly #seen = new Map<string, number>();
  /** Field name → its spec and its place in `#values` (a field may come from several columns). */
  readonly #fields = new Map<string, { spec: FieldSpec; slot: number }>();
  /** Parallel lists: a mapped column's index in the row, and the slot of its field. */
  readonly #columnIndexes: number[] = [];
  readonly #columnSlots: number[] = [];
  /**
   * The row being validated: its text per field slot and its problems so far. The builders' tools
   * read these, so they are made once per table rather than once per row (a closure per tool and
   * row was a fifth of the validation's time).
   */
  readonly #values: string[];
  #problems: RowProblem[] = [];
  readonly #tools: BuildTools;
  /** Same text, same answer: a table repeats its dates, codes and words row after row. */
  readonly #usccOf = new BoundedMemo<string, UsccReading>();
  readonly #dateOf = new BoundedMemo<string, string | null>();
  readonly #usccOptions: { allowList?: UsccAllowList };

  constructor(
    readonly mapping: HeaderMapping,
    readonly options: ValidationOptions,
  ) {
    for (const [index, spec] of mapping.columns) {
      let field = this.#fields.get(spec.field);
      if (!field) {
        field = { spec, slot: this.#fields.size };
        this.#fields.set(spec.field, field);
      }
      this.#columnIndexes.push(index);
      this.#columnSlots.push(field.slot);
    }
    this.#values = new Array<string>(this.#fields.size).fill('');
    this.#usccOptions = options.allowList ? { allowList: options.allowList } : {};
    const field = (name: string) => this.#fields.get(name)?.spec;
    const fail = (spec: FieldSpec | string, rule: string, message: string) => {
      const label = typeof spec === 'string' ? spec : spec.label;
      this.#problems.push({ field: label, rule, message });
      return null;
    };
    const read = (name: string): string | null => {
      const known = this.#fields.get(name);
      if (!known) return null;
      const spec = known.spec;
      const value = this.#values[known.slot] ?? '';
      if (!value) return spec.required ? fail(spec, 'REQUIRED', `${spec.label} is required (必填)`) : null;
      if (spec.maxLength && value.length > spec.maxLength)
        return fail(spec, 'TOO_LONG', `${spec.label} exceeds ${spec.maxLength} characters`);
      switch (spec.type) {
        case 'uscc': {
          const check = this.#usccOf.get(value, this.#checkUscc);
          return check.valid ? check.normalized : fail(spec, `USCC_${check.rule}`, `${spec.label}: ${check.message}`);
        }
        case 'date': {
          const date = this.#dateOf.get(value, parseTableDate);
          if (!date) return fail(spec, 'DATE_FORMAT', `${spec.label} "${value}" is not a date (YYYY/MM/DD)`);
          return date;
        }
        case 'yuan': {
          const yuan = parseYuan(value);
          return yuan ?? fail(spec, 'AMOUNT_FORMAT', `${spec.label} "${value}" is not an amount in yuan with at most 2 decimals`);
        }
        case 'wanyuan': {
          const yuan = wanyuanToYuan(value);
          return yuan ?? fail(spec, 'AMOUNT_FORMAT', `${spec.label} "${value}" is not an amount in 万元 with at most 6 decimals`);
        }
        case 'region':
          return /^\d{6}$/.test(value) ? value : fail(spec, 'REGION_FORMAT', `${spec.label} must be a 6-digit division code`);
        default:
          return value;
      }
    };
    const notFuture = (name: string, date: string | null) => {
      if (date && date !== LONG_TERM_DATE && date > this.options.today)
        fail(field(name) ?? name, 'FUTURE_DATE', `${field(name)?.label ?? name} cannot be in the future`);
      return date;
    };
    this.#tools = { read, fail, notFuture, field, options };
  }

  validate(raw: RawRow): RowOutcome {
    this.#collect(raw.cells);
    const problems: RowProblem[] = [];
    this.#problems = problems;
    const { fail, field } = this.#tools;
    const built = BUILDERS[this.mapping.kind](this.#tools);
    if (problems.length === 0 && built) {
      const first = this.#seen.get(built.key);
      if (first !== undefined) {
        const keyField = field(KEY_FIELDS[this.mapping.kind]);
        fail(keyField ?? KEY_FIELDS[this.mapping.kind], 'DUPLICATE_IN_FILE', `the same record is already in row ${first} (重复)`);
      } else this.#seen.set(built.key, raw.rowNumber);
    }
    if (problems.length > 0 || !built) return { ok: false, row: { rowNumber: raw.rowNumber, cells: raw.cells, problems } };
    return { ok: true, row: { rowNumber: raw.rowNumber, key: built.key, input: built.input } };
  }

  /** The code as checkUscc judges it: its normalised spelling, or the first error's rule and message. */
  readonly #checkUscc = (value: string): UsccReading => {
    const check = checkUscc(value, this.#usccOptions);
    if (check.valid) return { valid: true, normalized: check.normalized };
    const problem = check.problems.find((item) => item.severity === 'error');
    return { valid: false, rule: problem?.rule ?? 'INVALID', message: problem?.message ?? 'not a valid code' };
  };

  /** Field slot → text; split columns (CF_CFLB1/CF_CFLB2) are joined with ';'. */
  #collect(cells: readonly string[]): void {
    const values = this.#values;
    values.fill('');
    for (let column = 0; column < this.#columnIndexes.length; column += 1) {
      const value = (cells[this.#columnIndexes[column] as number] ?? '').trim();
      if (!value) continue;
      const slot = this.#columnSlots[column] as number;
      const previous = values[slot];
      values[slot] = previous ? `${previous};${value}` : value;
    }
  }
}

type UsccReading = { valid: true; normalized: string } | { valid: false; rule: string; message: string };

/**
 * A pure function's answers for the texts seen last, at most `limit` of them: forgotten all at
 * once when full, so memory stays bounded whatever the table's size.
 */
class BoundedMemo<K, V> {
  readonly #answers = new Map<K, V>();
  constructor(readonly limit = 4096) {}

  get(key: K, compute: (key: K) => V): V {
    const known = this.#answers.get(key);
    if (known !== undefined || this.#answers.has(key)) return known as V;
    const answer = compute(key);
    if (this.#answers.size >= this.limit) this.#answers.clear();
    this.#answers.set(key, answer);
    return answer;
  }
}

interface BuildTools {
  read(name: string): string | null;
  fail(spec: FieldSpec | string, rule: string, message: string): null;
  notFuture(name: string, date: string | null): string | null;
  field(name: string): FieldSpec | undefined;
  options: ValidationOptions;
}

type Built = { key: string; input: Record<string, unknown> } | null;

const KEY_FIELDS: Record<TableKind, string> = {
  licenses: 'number',
  registrations: 'registrationCode',
  penalties: 'decisionNumber',
  abnormal: 'listedOn',
  serious: 'decisionReference',
};

/** Words in a list cell: 罚款;没收违法所得 / 罚款、没收违法所得 / 罚款,… */
const splitWords = (text: string) =>
  text
    .split(/[;；,，、/\s]+/)
    .map((word) => word.trim())
    .filter(Boolean);

/** Words are few and repeat on every row: each is normalised (NFKC and three replacements) once. */
const normalizedWords = new BoundedMemo<string, string>();

const word = (dictionary: Record<string, string>, text: string | null) =>
  text ? (dictionary[normalizedWords.get(text, normalizeHeader)] ?? dictionary[text]) : undefined;

const BUILDERS: Record<TableKind, (tools: BuildTools) => Built> = {
  penalties({ read, fail, notFuture, field, options }) {
    const uscc = read('uscc');
    const decidedOn = notFuture('decidedOn', read('decidedOn'));
    const rawNumber = read('decisionNumber');
    const decisionNumber = rawNumber ? normalizeDecisionNumber(rawNumber) : null;
    if (decisionNumber) {
      const parsed = parseDecisionNumber(decisionNumber);
      if (!parsed)
        fail(
          field('decisionNumber') ?? 'decisionNumber',
          'DECISION_NUMBER_FORMAT',
          'expected a year in 〔〕 and a number before 号, e.g. 晋市监处罚〔2024〕12号',
        );
      else if (decidedOn && String(parsed.year) !== decidedOn.slice(0, 4))
        fail(field('decisionNumber') ?? 'decisionNumber', 'DECISION_NUMBER_YEAR', 'the year in 〔〕 must be the year of the decision');
    }
    const typesText = read('penaltyTypes');
    const penaltyTypes: string[] = [];
    for (const name of splitWords(typesText ?? '')) {
      const value = PENALTY_TYPES[name];
      if (value) penaltyTypes.includes(value) || penaltyTypes.push(value);
      else fail(field('penaltyTypes') ?? 'penaltyTypes', 'UNKNOWN_VALUE', `处罚类别 "${name}" is not a penalty type of 行政处罚法 第九条`);
    }
    const fineWan = read('fineAmount');
    const fineYuan = read('fineAmountYuan');
    const fineAmount = fineWan ?? fineYuan;
    if (penaltyTypes.includes('FINE') && !(fineAmount && Number(fineAmount) > 0))
      fail(
        field('fineAmount') ?? field('fineAmountYuan') ?? '罚款金额（万元）',
        'FINE_WITHOUT_AMOUNT',
        'a fine needs a positive amount (罚款金额)',
      );
    const confiscationAmount = read('confiscationAmount');
    const categoryText = read('partyCategory');
    const partyType = categoryText ? word(PARTY_CATEGORIES, categoryText) : 'ORGANISATION';
    if (!partyType)
      fail(
        field('partyCategory') ?? 'partyCategory',
        'UNKNOWN_VALUE',
        `行政相对人类别 "${categoryText}" is not 法人及非法人组织, 自然人 or 个体工商户`,
      );
    const domainText = read('caseDomain');
    const caseDomain = domainText ? word(SANCTION_DOMAINS, domainText) : (options.defaultDomain ?? 'OTHER');
    if (!caseDomain) fail(field('caseDomain') ?? 'caseDomain', 'UNKNOWN_VALUE', `领域 "${domainText}" is not known`);
    const partyIdNumber = partyType === 'NATURAL_PERSON' ? read('partyIdNumber') : null;
    const input = {
      uscc,
      decisionNumber,
      decidedOn,
      authority: read('authority'),
      violationType: read('violationType'),
      factsSummary: read('factsSummary'),
      legalBasis: read('legalBasis'),
      penaltyTypes,
      fineAmount: penaltyTypes.includes('FINE') ? fineAmount : null,
      confiscationAmount: confiscationAmount,
      caseDomain,
      partyType,
      partyIdNumber,
    };
    read('partyName');
    return decisionNumber ? { key: decisionNumber, input } : null;
  },

  licenses({ read, fail, notFuture, field }) {
    read('holderName');
    const holderUscc = read('holderUscc');
    const number = read('number')?.toUpperCase().replace(/\s+/g, '') ?? null;
    const category = read('category');
    const activities = [...new Set(LICENSED_ACTIVITIES.filter(([text]) => category?.includes(text)).map(([, value]) => value))];
    if (category && activities.length === 0)
      fail(
        field('category') ?? 'category',
        'UNKNOWN_VALUE',
        `许可类别 "${category}" names none of 设计/制造/安装/改造/修理/充装/检验检测/食品生产`,
      );
    const itemsText = read('items');
    const issuedOn = notFuture('issuedOn', read('issuedOn'));
    const validFrom = read('validFrom') ?? issuedOn;
    const validTo = read('validTo');
    if (validFrom && validTo && validTo < validFrom) fail(field('validTo') ?? 'validTo', 'DATE_ORDER', '有效期至 is before 有效期自');
    const status = read('status') ?? '';
    if (!LICENSE_VALID_STATUS.has(status))
      fail(
        field('status') ?? 'status',
        'NOT_IMPORTABLE',
        `状态 "${status}": only valid licences are imported; record a revocation or cancellation as a status change`,
      );
    const parameters = /[（(]([^）)]+)[）)]\s*$/.exec(itemsText ?? '')?.[1] ?? null;
    const items = activities.map((activity) => ({ activity, category: (itemsText ?? '').slice(0, 100), parameters }));
    const input = {
      number,
      kind: licenseKindOf(activities),
      holderUscc,
      regionCode: read('regionCode'),
      items,
      issuedOn,
      validFrom,
      validTo: validTo === LONG_TERM_DATE ? null : validTo,
      authority: { name: read('authority'), code: read('authorityCode') },
      decisionReference: read('decisionReference') ?? number,
    };
    return number ? { key: number, input } : null;
  },

  registrations({ read, fail, notFuture, field }) {
    const registrationCode = read('registrationCode')?.replace(/\s+/g, '') ?? null;
    const manufacturedOn = notFuture('manufacturedOn', read('manufacturedOn'));
    const firstUsedOn = notFuture('firstUsedOn', read('firstUsedOn'));
    const registeredOn = notFuture('registeredOn', read('registeredOn'));
    if (manufacturedOn && firstUsedOn && firstUsedOn < manufacturedOn)
      fail(field('firstUsedOn') ?? 'firstUsedOn', 'DATE_ORDER', '投入使用日期 is before 制造日期');
    read('userName');
    const input = {
      registrationCode,
      certificateNumber: read('certificateNumber'),
      equipmentCode: read('equipmentCode'),
      equipmentCategory: read('equipmentCategory'),
      equipmentKind: read('equipmentKind'),
      equipmentVariety: read('equipmentVariety'),
      model: read('model'),
      productNumber: read('productNumber'),
      manufacturedOn,
      userUscc: read('userUscc'),
      installationSite: read('installationSite'),
      maintenanceUnit: read('maintenanceUnit'),
      firstUsedOn,
      registeredOn,
      registrationAuthority: read('registrationAuthority'),
    };
    return registrationCode ? { key: registrationCode, input } : null;
  },

  abnormal({ read, fail, notFuture, field }) {
    read('name');
    const uscc = read('uscc');
    const reasonText = read('reason');
    const reason = reasonText ? ABNORMAL_REASONS.find(([pattern]) => pattern.test(reasonText))?.[1] : undefined;
    if (reasonText && !reason)
      fail(
        field('reason') ?? 'reason',
        'UNKNOWN_VALUE',
        `列入原因 "${reasonText}" matches none of the grounds of 企业经营异常名录管理暂行办法 第四条`,
      );
    const listedOn = notFuture('listedOn', read('listedOn'));
    const input = {
      uscc,
      reason,
      reasonDetail: reasonText,
      listedOn,
      authority: read('authority'),
      decisionReference: read('decisionReference'),
    };
    // One listing per enterprise, day and ground: what a repeated upload must find again.
    return uscc && listedOn && reason ? { key: `${uscc}|${listedOn}|${reason}`, input } : null;
  },

  serious({ read, fail, notFuture, field, options }) {
    read('name');
    read('legalRepresentative');
    const uscc = read('uscc');
    const domainText = read('domain');
    const domain = domainText ? word(SANCTION_DOMAINS, domainText) : (options.defaultDomain ?? null);
    if (!domain)
      fail(
        field('domain') ?? '领域',
        domainText ? 'UNKNOWN_VALUE' : 'REQUIRED',
        domainText ? `领域 "${domainText}" is not known` : '领域 is required (or give the table a default domain)',
      );
    const decisionReference = read('decisionReference');
    const penaltyDecisionNumber = read('penaltyDecisionNumber');
    const input = {
      uscc,
      domain,
      reason: read('reason'),
      listedOn: notFuture('listedOn', read('listedOn')),
      authority: read('authority'),
      decisionReference: decisionReference ? normalizeDecisionNumber(decisionReference) : null,
      triggeringPenaltyDecisionNumber: penaltyDecisionNumber ? normalizeDecisionNumber(penaltyDecisionNumber) : null,
    };
    // 总局令第44号 第十六条: one enterprise is listed at most once for the same decision.
    return uscc && input.decisionReference ? { key: `${uscc}|${input.decisionReference}`, input } : null;
  },
};
