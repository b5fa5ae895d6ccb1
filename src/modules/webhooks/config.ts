// The webhooks' settings. WEBHOOKS_ALLOW_PRIVATE lists the private addresses (CIDR) that endpoints
// may nevertheless reach: empty in every deployment; only tests, whose receivers listen on
// 127.0.0.1, set it. The clock and the resolver are here so that tests can move time and answer DNS.
import { lookup as dnsLookup } from 'node:dns/promises';
import ipaddr from 'ipaddr.js';
import { ConfigError, type Env, envInt } from '../../platform/config.ts';

export type Resolve = (hostname: string) => Promise<string[]>;

export interface WebhooksRuntime {
  allowPrivate: [ipaddr.IPv4 | ipaddr.IPv6, number][];
  timeoutMs: number;
  pollSeconds: number;
  /** Resolves a host name to all its addresses (the system's resolver). */
  resolve: Resolve;
  now: () => Date;
}

const systemResolve: Resolve = async (hostname) =>
  (await dnsLookup(hostname, { all: true, verbatim: true })).map((a) => a.address);

export function loadWebhooksConfig(env: Env): WebhooksRuntime {
  const raw = env.WEBHOOKS_ALLOW_PRIVATE?.trim() ?? '';
  const allowPrivate = raw
    ? raw.split(',').map((cidr) => {
        const c = cidr.trim();
        try {
          return ipaddr.parseCIDR(c.includes('/') ? c : `${c}/${c.includes(':') ? 128 : 32}`);
        } catch {
          throw new ConfigError('WEBHOOKS_ALLOW_PRIVATE', `"${cidr}" is not an address range (CIDR)`);
        }
      })
    : [];
  return {
    allowPrivate,
    timeoutMs: envInt(env, 'WEBHOOKS_TIMEOUT_SECONDS', 10, 1, 60) * 1000,
    pollSeconds: envInt(env, 'WEBHOOKS_POLL_SECONDS', 5, 1, 3600),
    resolve: systemResolve,
    now: () => new Date(),
  };
}
