/** How webhooks are delivered; the clock is injectable so tests can move time (retries over three days). */
export interface WebhookSettings {
  allowPrivateAddresses: boolean;
  timeoutMs: number;
  pollMs: number;
  /** A claimed delivery's lease (WEBHOOK_LEASE_MS); default 2 minutes. */
  leaseMs?: number;
  now: () => Date;
}

/**
 * Waits before each retry (Standard Webhooks' suggested schedule, stretched): the last attempt
 * falls about three days after the first; after it the delivery is dead-lettered.
 */
export const RETRY_DELAYS_MS = [5_000, 300_000, 1_800_000, 7_200_000, 18_000_000, 36_000_000, 36_000_000, 72_000_000, 86_400_000] as const;
