import { type ComputedDate, computedDate } from '@credit-hub/subgraph-kit';
import { workingDayDeadline } from '@credit-hub/workdays';
import { type InspectionRuleCode, inspectionRule } from './catalogue.ts';

export interface Publication {
  publishedOn: string | null;
  published: boolean;
  nationalPublicityDeadline: string;
  doublePublicityDeadline: string;
  lateForNationalPublicity: boolean;
  lateForDoublePublicity: boolean;
  nationalPublicityDeadlineExplanation: ComputedDate;
  doublePublicityDeadlineExplanation: ComputedDate;
}

function deadline(code: InspectionRuleCode, inspectedOn: string): ComputedDate {
  const rule = inspectionRule(code, inspectedOn);
  const counted = workingDayDeadline(inspectedOn, Number(rule.value));
  const note = counted.provisional
    ? `${counted.unknownYears.join('、')} 年节假日安排未载入：按周一至周五暂计 Holiday notice for ${counted.unknownYears.join(', ')} not loaded: counted Monday–Friday`
    : null;
  return computedDate(counted.date, rule, counted.provisional, note);
}

const isLate = (deadlineDate: string, publishedOn: string | null, today: string) =>
  publishedOn === null ? today > deadlineDate : publishedOn > deadlineDate;

/** Deadlines in working days of the official calendar, the inspection day being day 0. */
export function publicationOf(inspectedOn: string, publishedOn: string | null, today: string): Publication {
  const national = deadline('NATIONAL_PUBLICATION_DEADLINE', inspectedOn);
  const dual = deadline('DUAL_PUBLICATION_DEADLINE', inspectedOn);
  const nationalDate = national.date ?? inspectedOn;
  const dualDate = dual.date ?? inspectedOn;
  return {
    publishedOn,
    published: publishedOn !== null && publishedOn <= today,
    nationalPublicityDeadline: nationalDate,
    doublePublicityDeadline: dualDate,
    lateForNationalPublicity: isLate(nationalDate, publishedOn, today),
    lateForDoublePublicity: isLate(dualDate, publishedOn, today),
    nationalPublicityDeadlineExplanation: national,
    doublePublicityDeadlineExplanation: dual,
  };
}
