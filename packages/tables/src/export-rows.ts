import { type DateStyle, formatDate, maskIdNumber, yuanToWanyuan } from './format.ts';

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

/**
 * The 13 party columns, in the standard's order; organisations carry the USCC, natural persons a
 * masked ID number. Rows are plain arrays in column order: an export builds millions of them.
 */
function partyValues(party: {
  name: string;
  category: PartyCategory;
  uscc: string | null;
  legal: string | null;
  idNumber?: string | null;
}): string[] {
  const person = party.category === '自然人';
  return [
    party.name,
    party.category,
    person ? '' : text(party.uscc),
    '',
    !person && party.uscc?.length === 18 ? party.uscc.slice(8, 17) : '',
    '',
    '',
    '',
    person ? '' : text(party.legal),
    '',
    '',
    person && party.idNumber ? '身份证' : '',
    person ? maskIdNumber(party.idNumber) : '',
  ];
}

export function licenseRow(record: LicenseExportRecord, style: DateStyle): string[] {
  return [
    ...partyValues({
      name: record.holderName,
      category: record.partyCategory,
      uscc: record.holderUscc,
      legal: record.legalRepresentative,
    }),
    record.decisionDocument,
    record.decisionReference,
    record.licenseCategory,
    record.certificateName,
    record.number,
    record.content,
    formatDate(record.issuedOn, style),
    formatDate(record.validFrom, style),
    formatDate(record.validTo, style, { longTerm: true }),
    record.authorityName,
    text(record.authorityCode),
    record.valid ? '1' : '2',
    record.sourceName,
    text(record.sourceCode),
    text(record.note),
  ];
}

export function penaltyRow(record: PenaltyExportRecord, style: DateStyle): string[] {
  return [
    ...partyValues({
      name: record.partyName,
      category: record.partyCategory,
      uscc: record.uscc,
      legal: record.legalRepresentative,
      idNumber: record.partyIdNumber,
    }),
    record.decisionNumber,
    record.violationType,
    record.facts,
    record.legalBasis,
    record.penaltyCategories,
    record.content,
    yuanToWanyuan(record.fineYuan),
    yuanToWanyuan(record.confiscatedYuan),
    text(record.suspendedLicences),
    formatDate(record.decidedOn, style),
    formatDate(record.effectiveUntil, style, { longTerm: true }),
    formatDate(record.publicUntil, style),
    record.authority,
    text(record.authorityCode),
    record.sourceName,
    text(record.sourceCode),
    text(record.note),
  ];
}

export function withdrawalRow(record: WithdrawalRecord, style: DateStyle): string[] {
  return [record.dataset, record.reference, text(record.uscc), record.kind, formatDate(record.on, style), text(record.note)];
}
