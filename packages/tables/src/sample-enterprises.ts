import { isValidUscc, resolveDivision } from '@credit-hub/uscc';
import { guessKind, mapHeader } from './aliases.ts';
import { SAMPLE_TABLES, type SampleTable } from './sample-tables.ts';

/** An enterprise a sample table names: what the demo hub registers so the walkthrough's rows find it. */
export interface SampleEnterprise {
  uscc: string;
  name: string;
  /** 登记机关: the market-regulation bureau of the code's division (positions 3–8). */
  registrationAuthority: string;
  /** 住所: the division's full name, as far as the code tells. */
  address: string;
}

/** The fields of each table kind that hold the enterprise's code and its name. */
const USCC_FIELDS = new Set(['uscc', 'holderUscc', 'userUscc']);
const NAME_FIELDS = new Set(['partyName', 'holderName', 'userName', 'name']);

/**
 * Every enterprise the committed sample tables name with a valid code (rows with a broken code
 * are the tables' own rejects), once each, in table order. `npm start` registers them with the
 * demo data: without them every row of the README's walkthrough would be refused as an unknown
 * enterprise instead of showing the rules the samples are made to show.
 */
export function sampleEnterprises(tables: readonly SampleTable[] = SAMPLE_TABLES()): SampleEnterprise[] {
  const found = new Map<string, SampleEnterprise>();
  for (const table of tables) {
    const kind = guessKind(table.headers);
    if (!kind) continue;
    const columns = [...mapHeader(kind, table.headers).columns];
    const usccColumn = columns.find(([, field]) => USCC_FIELDS.has(field.field))?.[0];
    const nameColumn = columns.find(([, field]) => NAME_FIELDS.has(field.field))?.[0];
    if (usccColumn === undefined || nameColumn === undefined) continue;
    for (const row of table.rows) {
      const uscc = row[usccColumn]?.trim() ?? '';
      const name = row[nameColumn]?.trim() ?? '';
      if (!name || found.has(uscc) || !isValidUscc(uscc)) continue;
      const division = resolveDivision(uscc.slice(2, 8));
      found.set(uscc, {
        uscc,
        name,
        registrationAuthority: `${division?.city ?? division?.province ?? ''}市场监督管理局`,
        address: division?.fullName ?? '',
      });
    }
  }
  return [...found.values()];
}
