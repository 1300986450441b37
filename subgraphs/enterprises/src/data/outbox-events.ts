import { appendEvents } from '@credit-hub/subgraph-kit';
import type { EnterpriseRow } from '../db/schema.ts';

/** Event kinds of the enterprises outbox: master data is public (企业信息公示暂行条例 第六条). */
export const ENTERPRISE_EVENT_KINDS = ['enterprise.registered', 'enterprise.updated'] as const;

/** An enterprise as the public sees it: no contact details, internal notes or audit columns. */
export const publicEnterprise = (row: EnterpriseRow) => ({
  uscc: row.uscc,
  registrationNumber: row.registrationNumber,
  name: row.name,
  enterpriseType: row.enterpriseType,
  legalRepresentative: row.legalRepresentative,
  registeredCapital: row.registeredCapital,
  capitalCurrency: row.capitalCurrency,
  establishedOn: row.establishedOn,
  businessTermFrom: row.businessTermFrom,
  businessTermTo: row.businessTermTo,
  registrationAuthority: row.registrationAuthority,
  approvedOn: row.approvedOn,
  status: row.status,
  regionCode: row.regionCode,
  address: row.address,
  businessScope: row.businessScope,
  industryCode: row.industryCode,
  industryName: row.industryName,
});

// biome-ignore lint/suspicious/noExplicitAny: the enterprises database or one of its transactions
export const appendEnterpriseEvent = (tx: any, kind: (typeof ENTERPRISE_EVENT_KINDS)[number], row: EnterpriseRow) =>
  appendEvents(tx, [
    {
      kind,
      uscc: row.uscc,
      region: row.regionCode,
      audience: 'public',
      effectiveOn: row.approvedOn ?? null,
      payload: publicEnterprise(row),
    },
  ]);
