import type { LicenseExportRecord, PartyCategory, WithdrawalRecord } from './export-rows.ts';
import type { ExportSource, FeedEvent } from './feed-fold.ts';
import { withdrawalRecord } from './feed-fold.ts';

/** A licence as the licences subgraph publishes it (feed payload; the bulk page adds the decision reference). */
export interface PublicLicense {
  number: string;
  kind: string;
  holderUscc: string;
  items: { activity: string | null; category: string; categoryCode: string | null; parameters: string | null }[];
  issuedOn: string;
  validFrom: string;
  validTo: string | null;
  authorityName: string;
  authorityCode: string | null;
  status: string;
  statusChangedOn: string;
  publishedOn: string | null;
  /** 行政许可决定文书号 of the latest grant or renewal (bulk pages only). */
  decisionReference?: string | null;
}

/**
 * 行政许可决定文书名称, 许可类别 and 许可证书名称 per licence kind: the documents TSG 07-2019
 * (特种设备生产和充装单位许可规则), TSG Z7001 (检验检测机构核准规则) and 食品生产许可管理办法 name.
 */
const KIND_DOCUMENTS: Record<string, { decision: string; category: string; certificate: string }> = {
  SPECIAL_EQUIPMENT_PRODUCTION: { decision: '特种设备生产许可决定书', category: '普通', certificate: '中华人民共和国特种设备生产许可证' },
  SPECIAL_EQUIPMENT_FILLING: { decision: '特种设备充装许可决定书', category: '普通', certificate: '中华人民共和国特种设备生产许可证' },
  SPECIAL_EQUIPMENT_INSPECTION: { decision: '特种设备检验检测机构核准决定书', category: '核准', certificate: '特种设备检验检测机构核准证' },
  FOOD_PRODUCTION: { decision: '食品生产许可决定书', category: '普通', certificate: '食品生产许可证' },
};
const OTHER_DOCUMENTS = { decision: '行政许可决定书', category: '其他', certificate: '' };

/** GB 32100: registration authority 9, category 2 = 个体工商户. */
const partyCategoryOf = (uscc: string): PartyCategory => (uscc.startsWith('92') ? '个体工商户' : '法人及非法人组织');

/** A published licence in the export's shape; 当前状态 valid (1) only while VALID and not past its end. */
export function licenseExportRecord(
  licence: PublicLicense,
  party: { name: string; legalRepresentative: string | null } | null,
  source: ExportSource,
  today: string,
): LicenseExportRecord {
  const documents = KIND_DOCUMENTS[licence.kind] ?? OTHER_DOCUMENTS;
  return {
    number: licence.number,
    holderName: party?.name ?? '',
    holderUscc: licence.holderUscc,
    partyCategory: partyCategoryOf(licence.holderUscc),
    legalRepresentative: party?.legalRepresentative ?? null,
    decisionDocument: documents.decision,
    decisionReference: licence.decisionReference ?? licence.number,
    licenseCategory: documents.category,
    certificateName: documents.certificate,
    content: licence.items.map((item) => (item.parameters ? `${item.category}（${item.parameters}）` : item.category)).join('；'),
    issuedOn: licence.issuedOn,
    validFrom: licence.validFrom,
    validTo: licence.validTo,
    authorityName: licence.authorityName,
    authorityCode: licence.authorityCode,
    valid: licence.status === 'VALID' && (licence.validTo === null || licence.validTo >= today),
    sourceName: source.sourceName,
    sourceCode: source.sourceCode,
    note: null,
  };
}

/**
 * Folds the feed's public licence events into the data rows and the withdrawal list: the latest
 * version per licence number; a revoked licence (撤销) is on the withdrawal list only.
 */
export function foldLicenseEvents(events: Iterable<FeedEvent>) {
  const published = new Map<string, PublicLicense>();
  const withdrawn = new Map<string, WithdrawalRecord>();
  for (const event of events) {
    if (event.kind !== 'license.granted' && event.kind !== 'license.status_changed') continue;
    const licence = event.payload as unknown as PublicLicense;
    if (licence.status === 'REVOKED') {
      published.delete(licence.number);
      withdrawn.set(
        licence.number,
        withdrawalRecord('XK', { reference: licence.number, uscc: licence.holderUscc, reason: 'REVOKED', on: licence.statusChangedOn }),
      );
    } else {
      withdrawn.delete(licence.number);
      published.set(licence.number, licence);
    }
  }
  return { published, withdrawn };
}
