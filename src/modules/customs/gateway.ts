// The seam towards China's customs single window: sign, then transport. Real messages are signed
// with a customs-issued key (an IC card / certificate Talad does not hold here) and sent over the
// DXP; this code keeps both behind interfaces. The sandbox signer and transport stand in for them:
// an HMAC "signature" the local customs sandbox checks, and the sandbox's inbox.
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { Executor } from '../../platform/db.ts';
import { encryptPersonal } from '../../platform/personal-data.ts';
import { customsSandboxInbox } from './schema.ts';

export interface OutgoingDoc {
  guid: string;
  type: string;
  orderNo: string;
  xml: string;
}

/** Signs a message's XML (enveloped signature before the root's closing tag). */
export interface CebSigner {
  readonly keyName: string;
  sign(xml: string): string;
}

/** Delivers a signed message; idempotent by guid (a retry of the same message is harmless). */
export interface CustomsTransport {
  send(tx: Executor, doc: OutgoingDoc): Promise<void>;
}

export interface CustomsGateway {
  submit(tx: Executor, doc: OutgoingDoc): Promise<void>;
  /** Signs a message kept without sending it yet (a return application: no transport for it here). */
  sign(xml: string): string;
}

export const customsGateway = (signer: CebSigner, transport: CustomsTransport): CustomsGateway => ({
  submit: (tx, doc) => transport.send(tx, { ...doc, xml: signer.sign(doc.xml) }),
  sign: (xml) => signer.sign(xml),
});

const SIG_RE =
  /<ds:Signature xmlns:ds="http:\/\/www\.w3\.org\/2000\/09\/xmldsig#"><ds:KeyName>([^<]*)<\/ds:KeyName><ds:SignatureValue>([^<]*)<\/ds:SignatureValue><\/ds:Signature>/;

const sandboxKey = (personalDataKey: Buffer) =>
  createHash('sha256').update('talad customs sandbox signing key').update(personalDataKey).digest();

/** The sandbox's stand-in for the customs-issued key: HMAC-SHA256 over the unsigned message. Labelled SANDBOX. */
export function sandboxSigner(personalDataKey: Buffer): CebSigner {
  const key = sandboxKey(personalDataKey);
  return {
    keyName: 'SANDBOX-NOT-A-CUSTOMS-KEY',
    sign(xml) {
      const value = createHmac('sha256', key).update(xml).digest('base64');
      const sig = `<ds:Signature xmlns:ds="http://www.w3.org/2000/09/xmldsig#"><ds:KeyName>SANDBOX-NOT-A-CUSTOMS-KEY</ds:KeyName><ds:SignatureValue>${value}</ds:SignatureValue></ds:Signature>`;
      const close = xml.lastIndexOf('</ceb:');
      return xml.slice(0, close) + sig + xml.slice(close);
    },
  };
}

/** The sandbox side: the unsigned XML if the signature checks out, else null. */
export function verifySandboxSignature(personalDataKey: Buffer, signed: string): string | null {
  const m = SIG_RE.exec(signed);
  if (!m) return null;
  const unsigned = signed.replace(m[0], '');
  const expected = createHmac('sha256', sandboxKey(personalDataKey)).update(unsigned).digest();
  const got = Buffer.from(m[2], 'base64');
  return got.length === expected.length && timingSafeEqual(got, expected) ? unsigned : null;
}

/** Into the local customs sandbox's inbox (sealed at rest: the XML names the buyer's ID number). */
export function sandboxTransport(personalDataKey: Buffer): CustomsTransport {
  return {
    async send(tx, doc) {
      await tx
        .insert(customsSandboxInbox)
        .values({
          guid: doc.guid,
          type: doc.type,
          orderNo: doc.orderNo,
          xmlSealed: encryptPersonal(personalDataKey, doc.xml),
        })
        .onConflictDoNothing();
    },
  };
}
