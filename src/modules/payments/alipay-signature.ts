// Alipay global online payments signing (../shared/REFERENCE.md): SHA256withRSA over
// "POST <path>\n<client-id>.<request-time>.<body>". Requests carry it in a `signature` header as
// "algorithm=RSA256,keyVersion=1,signature=<url-encoded base64>"; the other side verifies it with
// the signer's public key. Both directions use these functions: the adapter signs requests and
// verifies notifications, the sandbox gateway does the reverse with its own keys.
import { createSign, createVerify, type KeyObject } from 'node:crypto';

export const signedContent = (method: string, path: string, clientId: string, requestTime: string, body: string) =>
  `${method} ${path}\n${clientId}.${requestTime}.${body}`;

export interface SignedRequest {
  method: string;
  path: string;
  clientId: string;
  requestTime: string;
  body: string;
}

export function signAlipay(privateKey: KeyObject, r: SignedRequest, keyVersion = 1): string {
  const signature = createSign('RSA-SHA256')
    .update(signedContent(r.method, r.path, r.clientId, r.requestTime, r.body))
    .sign(privateKey, 'base64');
  return `algorithm=RSA256,keyVersion=${keyVersion},signature=${encodeURIComponent(signature)}`;
}

/** True when the `signature` header is a valid SHA256withRSA signature of the request by the key's owner. */
export function verifyAlipay(publicKey: KeyObject, r: SignedRequest, header: string | undefined): boolean {
  if (!header) return false;
  const parts = new Map(
    header.split(',').map((p) => {
      const i = p.indexOf('=');
      return [p.slice(0, i).trim(), p.slice(i + 1).trim()] as [string, string];
    }),
  );
  if (parts.get('algorithm') !== 'RSA256' || !parts.get('signature')) return false;
  let signature: string;
  try {
    signature = decodeURIComponent(parts.get('signature')!);
  } catch {
    return false;
  }
  try {
    return createVerify('RSA-SHA256')
      .update(signedContent(r.method, r.path, r.clientId, r.requestTime, r.body))
      .verify(publicKey, signature, 'base64');
  } catch {
    return false;
  }
}

/** Alipay writes request-time as ISO 8601 with an offset; Bangkok time here. */
export function alipayRequestTime(now = new Date()): string {
  const local = new Date(now.getTime() + 7 * 3600_000).toISOString().replace(/\.\d{3}Z$/, '');
  return `${local}+07:00`;
}
