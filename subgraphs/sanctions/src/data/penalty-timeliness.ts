import { publicationTimeliness, type TimelinessScope } from '@credit-hub/subgraph-kit';
import { and, isNull, ne, not, sql } from 'drizzle-orm';
import type { SanctionsDb } from '../db/client.ts';
import { penalties } from '../db/schema.ts';
import { publicationDeadlines } from '../rules/publication-period.ts';
import type { RuleBook } from '../rules/rule-book.ts';

/**
 * Penalties the 双公示 applies to: the SQL form of publicationDecision's NONE cases (市场监督管理
 * 行政处罚信息公示规定 第二条、第十三条) — simple procedure, warning only, withheld by approval.
 */
const subjectToDualPublication = and(
  ne(penalties.procedure, 'SIMPLE'),
  isNull(penalties.withheldReason),
  not(sql`${penalties.penaltyTypes} <@ array['WARNING']::text[]`),
);

/**
 * 双公示 timeliness of penalty decisions per producing department: `decided_on` against
 * `published_on` (the day published, when the public outbox event is appended), one statement.
 */
export const penaltyTimeliness = (db: SanctionsDb, scope: TimelinessScope, rules: RuleBook) =>
  publicationTimeliness(
    db,
    {
      table: penalties,
      decidedOn: penalties.decidedOn,
      publishedOn: penalties.publishedOn,
      department: penalties.department,
      regionCode: penalties.regionCode,
      subject: subjectToDualPublication,
    },
    scope,
    (day) => publicationDeadlines(day, rules).dualPublication,
  );
