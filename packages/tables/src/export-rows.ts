import { type DateStyle, formatDate, maskIdNumber, yuanToWanyuan } from './format.ts';
import type { NationalRow } from './national-columns.ts';

/** 行政相对人类别 as the standard spells it. */
export type PartyCategory = '法人及非法人组织' | '自然人' | '个体工商户';

/** What the licences subgraph serves per licence for the export (its bulk page). */
export interface LicenseExportRecord {
  number: string;
  holderName: string;
  holderUscc: string;
  partyCategory: PartyCategory;
  legalRepresentative: string | null;
  decisionDocument: string;
  decisionReference: string;
  /** 普通/特许/认可/核准/登记/其他 */
  licenseCategory: string;
  certificateName: string;
  content: string;
  issuedOn: string;
  validFrom: string;
  /** null: 长期 */
  validTo: string | null;
  authorityName: string;
  authorityCode: string | null;
  valid: boolean;
  sourceName: string;
  sourceCode: string | null;
  note: string | null;
}

/** What the sanctions subgraph serves per penalty for the export. */
export interface PenaltyExportRecord {
  decisionNumber: string;
  partyName: string;
  partyCategory: PartyCategory;
  uscc: string | null;
  legalRepresentative: string | null;
  /** A natural person's ID number: always masked on the way out. */
  partyIdNumber: string | null;
  violationType: string;
  facts: string;
  legalBasis: string;
  /** Chinese names of the penalty types, e.g. 罚款;没收违法所得. */
  penaltyCategories: string;
  content: string;
  /** Yuan, exact decimal strings. */
  fineYuan: string | null;
  confiscatedYuan: string | null;
  suspendedLicences: string | null;
  decidedOn: string;
  /** 处罚有效期: end of the restriction; null = 长期 per the standard's convention. */
  effectiveUntil: string | null;
  publicUntil: string | null;
  authority: string;
  authorityCode: string | null;
  sourceName: string;
  sourceCode: string | null;
  note: string | null;
}

export type WithdrawalKind = '撤销' | '修复' | '变更' | '公示期满';

export interface WithdrawalRecord {
  dataset: 'XK' | 'CF';
  reference: string;
  uscc: string | null;
  kind: WithdrawalKind;
  on: string;
  note: string | null;
}

const text = (value: string | null | undefined) => value ?? '';

/** The party columns; organisations carry the USCC, natural persons a masked ID number. */
function partyRow(
  prefix: 'XK' | 'CF',
  party: { name: string; category: PartyCategory; uscc: string | null; legal: string | null; idNumber?: string | null },
) {
  const person = party.category === '自然人';
  return {
    [`${prefix}_XDR_MC`]: party.name,
    [`${prefix}_XDR_LB`]: party.category,
    [`${prefix}_XDR_SHXYM`]: person ? '' : text(party.uscc),
    [`${prefix}_XDR_GSZC`]: '',
    [`${prefix}_XDR_ZZJG`]: !person && party.uscc?.length === 18 ? party.uscc.slice(8, 17) : '',
    [`${prefix}_XDR_SWDJ`]: '',
    [`${prefix}_XDR_SYDW`]: '',
    [`${prefix}_XDR_SHZZ`]: '',
    [`${prefix}_FRDB`]: person ? '' : text(party.legal),
    [`${prefix}_FR_ZJLX`]: '',
    [`${prefix}_FR_ZJHM`]: '',
    [`${prefix}_XDR_ZJLX`]: person && party.idNumber ? '身份证' : '',
    [`${prefix}_XDR_ZJHM`]: person ? maskIdNumber(party.idNumber) : '',
  };
}

export function licenseRow(record: LicenseExportRecord, style: DateStyle): NationalRow {
  return {
    ...partyRow('XK', {
      name: record.holderName,
      category: record.partyCategory,
      uscc: record.holderUscc,
      legal: record.legalRepresentative,
    }),
    XK_XKWS: record.decisionDocument,
    XK_WSH: record.decisionReference,
    XK_XKLB: record.licenseCategory,
    XK_XKZS: record.certificateName,
    XK_XKBH: record.number,
    XK_NR: record.content,
    XK_JDRQ: formatDate(record.issuedOn, style),
    XK_YXQZ: formatDate(record.validFrom, style),
    XK_YXQZI: formatDate(record.validTo, style, { longTerm: true }),
    XK_XKJG: record.authorityName,
    XK_XKJGDM: text(record.authorityCode),
    XK_ZT: record.valid ? '1' : '2',
    XK_LYDW: record.sourceName,
    XK_LYDWDM: text(record.sourceCode),
    BZ: text(record.note),
  };
}

export function penaltyRow(record: PenaltyExportRecord, style: DateStyle): NationalRow {
  return {
    ...partyRow('CF', {
      name: record.partyName,
      category: record.partyCategory,
      uscc: record.uscc,
      legal: record.legalRepresentative,
      idNumber: record.partyIdNumber,
    }),
    CF_WSH: record.decisionNumber,
    CF_WFXW: record.violationType,
    CF_SY: record.facts,
    CF_YJ: record.legalBasis,
    CF_CFLB: record.penaltyCategories,
    CF_NR: record.content,
    CF_NR_FK: yuanToWanyuan(record.fineYuan),
    CF_NR_WFFF: yuanToWanyuan(record.confiscatedYuan),
    CF_NR_ZKDX: text(record.suspendedLicences),
    CF_JDRQ: formatDate(record.decidedOn, style),
    CF_YXQ: formatDate(record.effectiveUntil, style, { longTerm: true }),
    CF_GSJZQ: formatDate(record.publicUntil, style),
    CF_CFJG: record.authority,
    CF_CFJGDM: text(record.authorityCode),
    CF_SJLY: record.sourceName,
    CF_SJLYDM: text(record.sourceCode),
    BZ: text(record.note),
  };
}

export function withdrawalRow(record: WithdrawalRecord, style: DateStyle): NationalRow {
  return {
    SJLB: record.dataset,
    WSH: record.reference,
    XDR_SHXYM: text(record.uscc),
    CXLX: record.kind,
    CXRQ: formatDate(record.on, style),
    SM: text(record.note),
  };
}
