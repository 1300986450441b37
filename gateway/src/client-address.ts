import type { IncomingMessage } from 'node:http';
import { isIPv6 } from 'node:net';

/**
 * The address an anonymous caller is rate limited by. X-Forwarded-For is anyone's to write, so it
 * is read only for the `trustedProxies` hops in front of the gateway (TRUST_PROXY): the entry that
 * the nearest untrusted hop connected from. IPv6 callers are grouped by their /64, which one
 * subscriber usually holds whole.
 */
export function clientAddress(request: IncomingMessage, trustedProxies: number): string {
  const socket = request.socket.remoteAddress ?? 'unknown';
  let address = socket;
  if (trustedProxies > 0) {
    const header = request.headers['x-forwarded-for'];
    const forwarded = (Array.isArray(header) ? header.join(',') : (header ?? ''))
      .split(',')
      .map((entry) => entry.trim())
      .filter(Boolean);
    const chain = [...forwarded, socket];
    address = chain[Math.max(0, chain.length - 1 - trustedProxies)] ?? socket;
  }
  return normalizeAddress(address);
}

function normalizeAddress(address: string): string {
  const mapped = address.match(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/i);
  if (mapped?.[1]) return mapped[1];
  if (!isIPv6(address)) return address;
  return `${expandIPv6(address).slice(0, 4).join(':')}::/64`;
}

function expandIPv6(address: string): string[] {
  const [head = '', tail] = address.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const zeros = Array.from({ length: Math.max(0, 8 - left.length - right.length) }, () => '0');
  return [...left, ...(tail === undefined ? [] : zeros), ...right].map((group) => group.toLowerCase().replace(/^0+(?=.)/, ''));
}
