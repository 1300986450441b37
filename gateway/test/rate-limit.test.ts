import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { clientAddress } from '../src/client-address.ts';
import { CostRateLimiter } from '../src/rate-limit.ts';

describe('cost rate limiter', () => {
  const settings = { costPerMinute: 600, burst: 100, maxCallers: 1000 }; // 10 per second

  it('spends each request’s cost from its caller’s bucket and refills it over time', () => {
    const limiter = new CostRateLimiter(settings);
    expect(limiter.take('a', 60, 0)).toEqual({ allowed: true });
    expect(limiter.take('a', 40, 0)).toEqual({ allowed: true });
    expect(limiter.take('a', 20, 0)).toEqual({ allowed: false, retryAfterSeconds: 2 });
    expect(limiter.take('b', 100, 0)).toEqual({ allowed: true });
    expect(limiter.take('a', 20, 1999)).toEqual({ allowed: false, retryAfterSeconds: 1 });
    expect(limiter.take('a', 20, 2000)).toEqual({ allowed: true });
  });

  it('lets a request dearer than the bucket through on a full bucket', () => {
    const limiter = new CostRateLimiter(settings);
    expect(limiter.take('a', 5000, 0)).toEqual({ allowed: true });
    expect(limiter.take('a', 5000, 0)).toEqual({ allowed: false, retryAfterSeconds: 10 });
  });

  it('is off at 0 per minute', () => {
    const limiter = new CostRateLimiter({ ...settings, costPerMinute: 0 });
    for (let i = 0; i < 100; i++) expect(limiter.take('a', 1e6)).toEqual({ allowed: true });
    expect(limiter.size).toBe(0);
  });

  it('keeps at most maxCallers buckets, however many callers come', () => {
    const limiter = new CostRateLimiter({ ...settings, maxCallers: 50 });
    for (let i = 0; i < 10_000; i++) limiter.take(`address:10.0.${i >> 8}.${i & 255}`, 1, 0);
    expect(limiter.size).toBe(50);
  });

  it('refills an idle bucket up to the burst, not beyond', () => {
    const limiter = new CostRateLimiter(settings);
    expect(limiter.take('a', 100, 0)).toEqual({ allowed: true });
    expect(limiter.take('a', 100, 3_600_000)).toEqual({ allowed: true });
    expect(limiter.take('a', 1, 3_600_000)).toEqual({ allowed: false, retryAfterSeconds: 1 });
  });
});

describe('client address', () => {
  const request = (remoteAddress: string, forwardedFor?: string) =>
    ({ socket: { remoteAddress }, headers: forwardedFor ? { 'x-forwarded-for': forwardedFor } : {} }) as unknown as IncomingMessage;

  it('uses the socket address unless proxies are trusted', () => {
    expect(clientAddress(request('192.0.2.7', '198.51.100.1'), 0)).toBe('192.0.2.7');
    expect(clientAddress(request('::ffff:192.0.2.7'), 0)).toBe('192.0.2.7');
  });

  it('takes the entry the nearest untrusted hop connected from', () => {
    expect(clientAddress(request('10.0.0.1', '203.0.113.9, 198.51.100.1'), 1)).toBe('198.51.100.1');
    expect(clientAddress(request('10.0.0.1', '203.0.113.9, 198.51.100.1'), 2)).toBe('203.0.113.9');
    expect(clientAddress(request('10.0.0.1', '203.0.113.9'), 5)).toBe('203.0.113.9');
    expect(clientAddress(request('10.0.0.1'), 1)).toBe('10.0.0.1');
  });

  it('groups IPv6 callers by their /64', () => {
    expect(clientAddress(request('2001:db8:1:2:aaaa::1'), 0)).toBe('2001:db8:1:2::/64');
    expect(clientAddress(request('2001:db8:1:2:bbbb:cccc:dddd:eeee'), 0)).toBe('2001:db8:1:2::/64');
    expect(clientAddress(request('::1'), 0)).toBe('0:0:0:0::/64');
  });
});
