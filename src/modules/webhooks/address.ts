// No server-side request forgery: an endpoint must be a public address. Refused are loopback,
// private (RFC 1918, unique-local), link-local (169.254/16 with the clouds' metadata service,
// fe80::/10), carrier-grade NAT, multicast, reserved and unspecified ranges, IPv4 hidden in IPv6
// (::ffff:10.0.0.1, NAT64), names that resolve to any of those, and credentials in the URL. The check is made when the shop saves the URL and again when a delivery
// connects (the connection goes to the address checked, so DNS cannot be changed in between), and
// redirects are never followed.
import ipaddr from 'ipaddr.js';
import { AppError } from '../../platform/errors.ts';
import type { WebhooksRuntime } from './config.ts';

export class AddressRefused extends Error {
  constructor(
    readonly address: string,
    readonly range: string,
  ) {
    super(`address ${address} (${range}) is not a public address`);
  }
}

/** Why an address may not be reached ('unicast' is the only range allowed), or null. */
export function refusedRange(address: string, cfg: Pick<WebhooksRuntime, 'allowPrivate'>): string | null {
  let ip: ipaddr.IPv4 | ipaddr.IPv6;
  try {
    // process() turns IPv4-mapped IPv6 (::ffff:a.b.c.d) into the IPv4 address it stands for.
    ip = ipaddr.process(address);
  } catch {
    return 'invalid';
  }
  if (cfg.allowPrivate.some(([range, bits]) => range.kind() === ip.kind() && ip.match(range, bits))) return null;
  const range = ip.range();
  if (range === 'unicast') return null;
  return range;
}

/** The addresses a host stands for, each of them public; else AddressRefused. */
export async function publicAddressesOf(
  hostname: string,
  cfg: Pick<WebhooksRuntime, 'allowPrivate' | 'resolve'>,
): Promise<string[]> {
  const host = hostname.replace(/^\[|\]$/g, '');
  const addresses = ipaddr.isValid(host) ? [host] : await cfg.resolve(host);
  if (!addresses.length) throw new AddressRefused(host, 'unresolved');
  for (const a of addresses) {
    const range = refusedRange(a, cfg);
    if (range) throw new AddressRefused(a, range);
  }
  return addresses;
}

const urlProblem = (reason: string) =>
  new AppError(422, 'webhook_url_refused', { reason }, [{ field: 'url', code: 'webhook_url_refused' }]);

/** A URL a shop may subscribe: http(s), no credentials, a public host. */
export async function checkEndpointUrl(
  raw: string,
  cfg: Pick<WebhooksRuntime, 'allowPrivate' | 'resolve'>,
): Promise<string> {
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    throw urlProblem('invalid');
  }
  if (u.protocol !== 'https:' && u.protocol !== 'http:') throw urlProblem('scheme');
  if (u.username || u.password) throw urlProblem('credentials');
  try {
    await publicAddressesOf(u.hostname, cfg);
  } catch (err) {
    if (err instanceof AddressRefused) throw urlProblem(err.range === 'unresolved' ? 'unresolved' : 'private');
    throw urlProblem('unresolved');
  }
  return u.toString();
}
