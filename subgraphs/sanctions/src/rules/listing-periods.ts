import { type ComputedDate, computedDate } from '@credit-hub/subgraph-kit';
import { dayAfterPeriod, periodEnd } from '@credit-hub/workdays';
import type { HiddenReason, Publication } from './publication-period.ts';
import type { RuleBook } from './rule-book.ts';

/**
 * A listing is on the list from `listedOn` up to, not including, the day it is removed: a removal
 * decided on day X takes effect that day. Revoked listings (撤销列入) were never validly listed.
 */
export interface ListingFacts {
  listedOn: string;
  removedOn: string | null;
  revokedOn: string | null;
  repairedOn: string | null;
}

/** 严重违法失信名单: removed automatically the day after the 3-year period ends (期满移出). */
export const seriousScheduledRemoval = (listedOn: string, rules: RuleBook) =>
  dayAfterPeriod(listedOn, rules.value('SERIOUS_LISTING_PERIOD', listedOn));

/** Last day a serious listing is published (the listing period itself). */
export const seriousPublicUntil = (listedOn: string, rules: RuleBook) =>
  periodEnd(listedOn, rules.value('SERIOUS_LISTING_PERIOD', listedOn));

/** First day early removal (提前移出) through repair may be granted: after 1 full year on the list. */
export const seriousEarlyRemovalFrom = (listedOn: string, rules: RuleBook) =>
  dayAfterPeriod(listedOn, rules.value('SERIOUS_EARLY_REMOVAL', listedOn));

/** First day a still-listed abnormal operation becomes a serious-list candidate (3 full years). */
export const abnormalEscalationDueOn = (listedOn: string, rules: RuleBook) =>
  dayAfterPeriod(listedOn, rules.value('ABNORMAL_ESCALATION', listedOn));

/** The listing dates with the rule, article and effective date that produced them. */
export const seriousDatesExplained = (listedOn: string, rules: RuleBook) => ({
  publicUntil: computedDate(seriousPublicUntil(listedOn, rules), rules.get('SERIOUS_LISTING_PERIOD', listedOn)),
  scheduledRemoval: computedDate(seriousScheduledRemoval(listedOn, rules), rules.get('SERIOUS_LISTING_PERIOD', listedOn)),
  earlyRemovalFrom: computedDate(seriousEarlyRemovalFrom(listedOn, rules), rules.get('SERIOUS_EARLY_REMOVAL', listedOn)),
});

export const abnormalEscalationExplained = (listedOn: string, rules: RuleBook): ComputedDate =>
  computedDate(abnormalEscalationDueOn(listedOn, rules), rules.get('ABNORMAL_ESCALATION', listedOn));

function listedOnDay(listing: ListingFacts, day: string, scheduledRemoval: string | null): boolean {
  if (listing.revokedOn || listing.listedOn > day) return false;
  const removal = [listing.removedOn, scheduledRemoval].filter((date): date is string => date !== null).sort()[0];
  return removal === undefined || day < removal;
}

export const abnormalListedOn = (listing: ListingFacts, day: string) => listedOnDay(listing, day, null);

export const seriousListedOn = (listing: ListingFacts, day: string, rules: RuleBook) =>
  listedOnDay(listing, day, seriousScheduledRemoval(listing.listedOn, rules));

export function isDueForEscalation(listing: ListingFacts, today: string, rules: RuleBook): boolean {
  return abnormalListedOn(listing, today) && today >= abnormalEscalationDueOn(listing.listedOn, rules);
}

function hiddenReason(listing: ListingFacts, today: string, publicUntil: string | null): HiddenReason | null {
  if (listing.revokedOn && listing.revokedOn <= today) return 'WITHDRAWN';
  if (listing.repairedOn && listing.repairedOn <= today) return 'REPAIRED';
  if (listing.listedOn > today) return 'NOT_YET_PUBLISHED';
  if (publicUntil !== null && today > publicUntil) return 'PERIOD_ENDED';
  return null;
}

/**
 * 经营异常名录 entries stay public with their removal (列入 and 移出 both show), until a repair
 * stops publication of both.
 */
export function abnormalPublication(listing: ListingFacts, today: string): Publication {
  const reasonHidden = hiddenReason(listing, today, null);
  return { publishedOn: listing.listedOn, publicUntil: null, visibleToPublic: reasonHidden === null, reasonHidden };
}

/** 严重违法失信名单 entries are public for the 3-year listing period, removal shown within it. */
export function seriousPublication(listing: ListingFacts, today: string, rules: RuleBook): Publication {
  const publicUntil = seriousPublicUntil(listing.listedOn, rules);
  const reasonHidden = hiddenReason(listing, today, publicUntil);
  return { publishedOn: listing.listedOn, publicUntil, visibleToPublic: reasonHidden === null, reasonHidden };
}

/** What the public could see for `day`: listed and published that day, not repaired by `today`. */
export function abnormalPublicOn(listing: ListingFacts, day: string, today: string): boolean {
  return abnormalListedOn(listing, day) && day <= today && !(listing.repairedOn && listing.repairedOn <= today);
}

export function seriousPublicOn(listing: ListingFacts, day: string, today: string, rules: RuleBook): boolean {
  return seriousListedOn(listing, day, rules) && day <= today && !(listing.repairedOn && listing.repairedOn <= today);
}
