import { type LookupAddress, type LookupAllOptions, lookup } from 'node:dns';
import { BlockList, isIP } from 'node:net';
import { Problem } from '../problems.ts';

// Calls from Meridian to URLs that users chose (webhooks, push services, later the scheduler's
// webhook actions). A user-chosen URL must not become a way into the operator's network, so
// private, loopback and link-local targets are refused unless the operator allows them; the
// check runs on every address a name resolves to, at connect time, so a name that resolves
// differently later (DNS rebinding) is still refused.

/** The target is not one Meridian may call (scheme, or a private address). */
export class OutboundRefused extends Error {
  override readonly name = 'OutboundRefused';
}

const privateRanges = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10], // carrier-grade NAT
  ['127.0.0.0', 8],
  ['169.254.0.0', 16], // link-local, cloud metadata
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15], // benchmarking
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, broadcast
] as const) {
  privateRanges.addSubnet(network, prefix, 'ipv4');
}
for (const [network, prefix] of [
  ['::', 127], // unspecified and loopback
  ['64:ff9b::', 96], // NAT64 of any IPv4 address
  ['fc00::', 7], // unique local
  ['fe80::', 10], // link-local
  ['ff00::', 8], // multicast
] as const) {
  privateRanges.addSubnet(network, prefix, 'ipv6');
}

/**
 * True for loopback, private, link-local, reserved and multicast addresses. `BlockList` matches
 * an IPv4-mapped IPv6 address (`::ffff:127.0.0.1`) against the IPv4 ranges.
 */
export function isPrivateAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 0) return true;
  return privateRanges.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

/** `dns.lookup` for sockets: fails when any address of the name is private. */
export function guardedLookup(
  hostname: string,
  options: LookupAllOptions | { all?: false },
  callback: (error: Error | null, address: string | LookupAddress[], family?: number) => void,
): void {
  lookup(hostname, { ...options, all: true }, (error, addresses) => {
    if (error) return callback(error, []);
    const refused = addresses.find((entry) => isPrivateAddress(entry.address));
    if (refused) {
      return callback(
        new OutboundRefused(`${hostname} is a private address (${refused.address})`),
        [],
      );
    }
    if (options.all) return callback(null, addresses);
    const [first] = addresses;
    callback(null, first?.address ?? '', first?.family);
  });
}

/** Scheme, and the host when it is an address literal (sockets skip the lookup for those). */
export function checkUrl(url: string, allowPrivate: boolean): URL {
  if (!URL.canParse(url)) throw new OutboundRefused(`${url} is not a URL`);
  const parsed = new URL(url);
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
    throw new OutboundRefused(`${parsed.protocol} URLs are not allowed, only http and https`);
  }
  if (parsed.username || parsed.password) {
    throw new OutboundRefused('URLs with credentials are not allowed');
  }
  const host = parsed.hostname.replace(/^\[|\]$/g, '');
  if (!allowPrivate && isIP(host) && isPrivateAddress(host)) {
    throw new OutboundRefused(`${host} is a private address`);
  }
  return parsed;
}

/**
 * Throws `OutboundRefused` for a URL that `Outbound.post` would refuse: not http(s), credentials
 * in it, or (unless `allowPrivate`) a private address or a name that resolves to one. For checking
 * a URL when a user registers it, so that the mistake is told at once.
 */
export async function checkOutboundTarget(url: string, allowPrivate: boolean): Promise<void> {
  const target = checkUrl(url, allowPrivate);
  const host = target.hostname.replace(/^\[|\]$/g, '');
  if (allowPrivate || isIP(host)) return;
  await new Promise<void>((resolve, reject) =>
    guardedLookup(host, { all: true }, (error) => (error ? reject(error) : resolve())),
  ).catch((error: Error) => {
    throw error instanceof OutboundRefused
      ? error
      : new OutboundRefused(`${host} does not resolve (${error.message})`);
  });
}

/** For request handlers: a URL that Meridian may not call is the user's mistake, a 422 saying why. */
export async function requireCallableTarget(url: string, allowPrivate: boolean): Promise<void> {
  try {
    await checkOutboundTarget(url, allowPrivate);
  } catch (error) {
    if (error instanceof OutboundRefused) throw new Problem('target-refused', error.message);
    throw error;
  }
}
