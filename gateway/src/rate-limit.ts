import { HeaderMap } from '@apollo/server';
import { codedError } from '@credit-hub/subgraph-kit';
import { LRUCache } from 'lru-cache';

export interface RateLimitSettings {
  /** Cost refilled per minute; 0 turns the limiter off. */
  costPerMinute: number;
  /** Bucket size: the most a caller can spend at once. */
  burst: number;
  /** Buckets kept; beyond it the least recently used is dropped. */
  maxCallers: number;
}

interface Bucket {
  tokens: number;
  updatedAt: number;
}

export type RateDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/**
 * Token buckets by caller, in this process: each request spends its query cost, buckets refill at
 * `costPerMinute`. Memory is bounded: at most `maxCallers` buckets are kept, so a flood of new
 * addresses evicts the least recently seen instead of growing the map; a bucket idle until it
 * would be full again carries nothing, expires, and is the first to go. (rate-limiter-flexible's memory store keeps one timer per key
 * and has no bound on keys, hence lru-cache and these few lines.)
 */
export class CostRateLimiter {
  private readonly perMillisecond: number;
  private readonly buckets: LRUCache<string, Bucket> | undefined;

  constructor(private readonly settings: RateLimitSettings) {
    this.perMillisecond = settings.costPerMinute / 60_000;
    this.buckets =
      settings.costPerMinute > 0
        ? new LRUCache<string, Bucket>({ max: settings.maxCallers, ttl: Math.ceil(settings.burst / this.perMillisecond) })
        : undefined;
  }

  /** Spends `cost` from `key`'s bucket, or says how long until it could. */
  take(key: string, cost: number, now = Date.now()): RateDecision {
    if (!this.buckets) return { allowed: true };
    // A request dearer than the whole bucket needs a full bucket rather than never passing.
    const price = Math.min(Math.max(cost, 1), this.settings.burst);
    const bucket = this.buckets.get(key) ?? { tokens: this.settings.burst, updatedAt: now };
    const tokens = Math.min(this.settings.burst, bucket.tokens + (now - bucket.updatedAt) * this.perMillisecond);
    if (tokens < price) {
      this.buckets.set(key, { tokens, updatedAt: now });
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((price - tokens) / this.perMillisecond / 1000)) };
    }
    this.buckets.set(key, { tokens: tokens - price, updatedAt: now });
    return { allowed: true };
  }

  get size(): number {
    return this.buckets?.size ?? 0;
  }
}

export function rateLimited(retryAfterSeconds: number) {
  return codedError('RATE_LIMITED', `too many requests: retry after ${retryAfterSeconds} s (请求过于频繁)`, {
    retryAfter: retryAfterSeconds,
    http: { status: 429, headers: new HeaderMap([['retry-after', String(retryAfterSeconds)]]) },
  });
}
