// One HTTP POST of a signed message to an endpoint: to an address checked at connection time (the
// resolver's answer is checked and then connected to), within the timeout, never following a
// redirect, reading at most 1,000 characters of the answer. The outcome, never a throw.
import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import ipaddr from 'ipaddr.js';
import { AddressRefused, publicAddressesOf, refusedRange } from './address.ts';
import type { WebhooksRuntime } from './config.ts';

export interface SendOutcome {
  ok: boolean;
  statusCode: number | null;
  /** null when a 2xx came back. */
  error: 'http_status' | 'timeout' | 'connection_failed' | 'address_refused' | 'redirect_refused' | null;
  durationMs: number;
  responseBody: string | null;
}

const MAX_BODY = 1000;

export async function sendSigned(
  cfg: WebhooksRuntime,
  url: string,
  headers: Record<string, string>,
  body: string,
): Promise<SendOutcome> {
  const started = performance.now();
  const done = (o: Omit<SendOutcome, 'durationMs'>): SendOutcome => ({
    ...o,
    durationMs: Math.round(performance.now() - started),
  });
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    return done({ ok: false, statusCode: null, error: 'address_refused', responseBody: null });
  }
  // An address literal never goes through the lookup below: checked here.
  const literal = target.hostname.replace(/^\[|\]$/g, '');
  if (ipaddr.isValid(literal) && refusedRange(literal, cfg))
    return done({ ok: false, statusCode: null, error: 'address_refused', responseBody: null });
  // The connection goes to the address this lookup checked: a name re-pointed at a private address
  // after the URL was saved (DNS rebinding) is refused here.
  const lookup: LookupFunction = (hostname, options, callback) => {
    publicAddressesOf(hostname, cfg).then(
      (addresses) => {
        const family = addresses[0].includes(':') ? 6 : 4;
        if ((options as { all?: boolean }).all)
          (callback as unknown as (e: null, a: { address: string; family: number }[]) => void)(
            null,
            addresses.map((a) => ({ address: a, family: a.includes(':') ? 6 : 4 })),
          );
        else callback(null, addresses[0], family);
      },
      (err) => callback(err as NodeJS.ErrnoException, '', 4),
    );
  };
  const client = target.protocol === 'https:' ? https : http;
  return new Promise<SendOutcome>((resolve) => {
    let refused = false;
    const req = client.request(
      target,
      {
        method: 'POST',
        headers: {
          ...headers,
          'content-type': 'application/json',
          'content-length': String(Buffer.byteLength(body)),
          'user-agent': 'Talad-Webhooks/1',
        },
        lookup,
        timeout: cfg.timeoutMs,
        agent: false,
      },
      (res) => {
        const status = res.statusCode ?? 0;
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          if (text.length < MAX_BODY) text += chunk;
        });
        res.on('end', () => {
          const responseBody = text.slice(0, MAX_BODY) || null;
          if (status >= 200 && status < 300) resolve(done({ ok: true, statusCode: status, error: null, responseBody }));
          else
            resolve(
              done({
                ok: false,
                statusCode: status,
                // Standard Webhooks: a redirect is a failure; following it could reach a private address.
                error: status >= 300 && status < 400 ? 'redirect_refused' : 'http_status',
                responseBody,
              }),
            );
        });
        res.on('error', () =>
          resolve(done({ ok: false, statusCode: status, error: 'connection_failed', responseBody: null })),
        );
      },
    );
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', (err) => {
      if (err instanceof AddressRefused) refused = true;
      const timeout = err.message === 'timeout';
      resolve(
        done({
          ok: false,
          statusCode: null,
          error: refused ? 'address_refused' : timeout ? 'timeout' : 'connection_failed',
          responseBody: null,
        }),
      );
    });
    req.end(body);
  });
}
