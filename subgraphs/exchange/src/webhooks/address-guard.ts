import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';
import { badUserInput } from '@credit-hub/subgraph-kit';

/** Loopback, private, link-local (cloud metadata), CGNAT, unspecified and multicast ranges. */
const blocked = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.168.0.0', 16],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const) {
  blocked.addSubnet(network, prefix, 'ipv4');
}
for (const [network, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
  ['::ffff:0:0', 96],
] as const) {
  blocked.addSubnet(network, prefix, 'ipv6');
}

const refused = (reason: string) => badUserInput(`url: ${reason} (推送地址不可用)`, { field: 'url', reason: 'WEBHOOK_URL_REFUSED' });

/**
 * SSRF guard: a webhook URL must be http(s) without credentials and, unless private addresses are
 * allowed (development, tests), resolve only to public addresses. Checked at registration and
 * again before each delivery, since a name can be re-pointed after registration.
 */
export async function assertDeliverableUrl(text: string, allowPrivate: boolean): Promise<URL> {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw refused('not a URL');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw refused('only http and https');
  if (url.username || url.password) throw refused('credentials in the URL are not allowed');
  if (allowPrivate) return url;
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const addresses = isIP(host) ? [{ address: host, family: isIP(host) }] : await lookup(host, { all: true }).catch(() => []);
  if (addresses.length === 0) throw refused('the host name does not resolve');
  for (const { address, family } of addresses) {
    if (blocked.check(address, family === 6 ? 'ipv6' : 'ipv4')) throw refused('private, loopback and link-local addresses are refused');
  }
  return url;
}
