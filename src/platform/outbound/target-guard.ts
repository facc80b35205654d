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

/**
 * Private ranges an operator allows for some calls (an organisation's own networks, where its
 * nodes are): a private address in them is callable, every other one is still refused.
 */
export interface AllowedRanges {
  /** Identifies this set of ranges: calls with the same key share connections. */
  key: string;
  list: BlockList;
}

/**
 * Parses CIDR ranges (`10.0.0.0/8`, `fd00::/8`); a bare address is a range of one. Returns the
 * list, or an error per faulty entry by its index.
 *
 * @example
 * parseRanges(['10.20.0.0/16', '10.0.0.0/33']); // { errors: [{ index: 1, message: 'the prefix must be 0–32 for IPv4' }] }
 */
export function parseRanges(
  ranges: readonly string[],
): { list: BlockList } | { errors: { index: number; message: string }[] } {
  const list = new BlockList();
  const errors: { index: number; message: string }[] = [];
  for (const [index, range] of ranges.entries()) {
    const [network = '', prefixText, extra] = range.trim().split('/');
    const family = isIP(network);
    const bits = family === 6 ? 128 : 32;
    const prefix = prefixText === undefined ? bits : Number(prefixText);
    if (family === 0 || extra !== undefined) {
      errors.push({ index, message: `${JSON.stringify(range)} is not an address or a CIDR range` });
    } else if (!(prefixText === undefined || /^\d{1,3}$/.test(prefixText)) || prefix > bits) {
      errors.push({ index, message: `the prefix must be 0–${bits} for IPv${family}` });
    } else {
      list.addSubnet(network, prefix, family === 4 ? 'ipv4' : 'ipv6');
    }
  }
  return errors.length > 0 ? { errors } : { list };
}

/** Whether Meridian refuses to call `address`: a private one outside the `allowed` ranges. */
export function isRefusedAddress(address: string, allowed?: AllowedRanges): boolean {
  if (!isPrivateAddress(address)) return false;
  const family = isIP(address);
  return !(allowed && family !== 0 && allowed.list.check(address, family === 4 ? 'ipv4' : 'ipv6'));
}

function refusal(host: string, address: string, allowed?: AllowedRanges): OutboundRefused {
  const resolved = host === address ? '' : ` (${address})`;
  const outside = allowed ? ', outside the allowed ranges' : '';
  return new OutboundRefused(`${host} is a private address${resolved}${outside}`);
}

/** `dns.lookup` for sockets: fails when any address of the name is refused (`allowed` aside). */
export function guardedLookupAllowing(allowed?: AllowedRanges) {
  return (
    hostname: string,
    options: LookupAllOptions | { all?: false },
    callback: (error: Error | null, address: string | LookupAddress[], family?: number) => void,
  ): void => {
    lookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, []);
      const refused = addresses.find((entry) => isRefusedAddress(entry.address, allowed));
      if (refused) return callback(refusal(hostname, refused.address, allowed), []);
      if (options.all) return callback(null, addresses);
      const [first] = addresses;
      callback(null, first?.address ?? '', first?.family);
    });
  };
}

/** `dns.lookup` for sockets: fails when any address of the name is private. */
export const guardedLookup = guardedLookupAllowing();

/** Scheme, and the host when it is an address literal (sockets skip the lookup for those). */
export function checkUrl(url: string, allowPrivate: boolean, allowed?: AllowedRanges): URL {
  if (!URL.canParse(url)) throw new OutboundRefused(`${url} is not a URL`);
  const parsed = new URL(url);
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
    throw new OutboundRefused(`${parsed.protocol} URLs are not allowed, only http and https`);
  }
  if (parsed.username || parsed.password) {
    throw new OutboundRefused('URLs with credentials are not allowed');
  }
  const host = parsed.hostname.replace(/^\[|\]$/g, '');
  if (!allowPrivate && isIP(host) && isRefusedAddress(host, allowed)) {
    throw refusal(host, host, allowed);
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
