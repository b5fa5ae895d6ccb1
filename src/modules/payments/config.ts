// Payment settings from environment variables (README, "Configuration"). An invalid value stops the
// start with a message naming the variable. With PAYMENTS_SANDBOX=true (the default) the gateways
// are the local sandbox, whose keys are generated at first start under DATA_DIR unless given here.
import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError, type Env, envBool, envInt } from '../../platform/config.ts';
import { newSecret } from '../../platform/ids.ts';
import { promptPayTarget, type PromptPayTarget } from './promptpay.ts';
import { newWebhookSecret } from './webhooks.ts';

export interface AlipaySettings {
  clientId: string;
  gatewayUrl: string;
  merchantPrivateKey: KeyObject;
  alipayPublicKey: KeyObject;
}
export interface CardGatewaySettings {
  gatewayUrl: string;
  apiKey: string;
  webhookSecret: string;
}

export interface PaymentsConfig {
  sandbox: boolean;
  promptpayId: PromptPayTarget;
  promptpayIdText: string;
  intentTtlMinutes: number;
  alipay: AlipaySettings;
  gateway: CardGatewaySettings;
  /** The sandbox gateway's own secrets (the other side of each protocol); null outside the sandbox. */
  sandboxKeys: SandboxKeys | null;
  /** Where gateways reach the platform from outside (notify and return URLs); empty in the sandbox. */
  publicUrl: string;
}

export interface SandboxKeys {
  alipayClientId: string;
  /** The sandbox "Alipay" signs its answers and notifications with this... */
  alipayPrivateKey: KeyObject;
  /** ...and checks the merchant's requests with this (the merchant uploads its public key to Alipay). */
  merchantPublicKey: KeyObject;
  cardApiKey: string;
  cardWebhookSecret: string;
}

/** Where sandbox requests go: the platform's own /api/sandbox-gateway routes. */
export const SANDBOX_BASE = '/api/sandbox-gateway';
/** A demo PromptPay ID for the platform (a valid juristic tax ID that belongs to no one we know). */
const DEMO_PROMPTPAY_ID = '0994000165501';

function required(env: Env, name: string): string {
  const v = env[name];
  if (!v) throw new ConfigError(name, 'is required when PAYMENTS_SANDBOX=false');
  return v;
}

function keyFile(env: Env, name: string, kind: 'private' | 'public'): KeyObject {
  const path = required(env, name);
  try {
    const pem = readFileSync(path, 'utf8');
    return kind === 'private' ? createPrivateKey(pem) : createPublicKey(pem);
  } catch (err) {
    throw new ConfigError(name, `cannot read a PEM ${kind} key from ${path}: ${(err as Error).message}`);
  }
}

interface StoredSandboxKeys {
  alipayClientId: string;
  alipayPrivateKey: string;
  alipayPublicKey: string;
  merchantPrivateKey: string;
  merchantPublicKey: string;
  cardApiKey: string;
  cardWebhookSecret: string;
}

/** The sandbox's keys: read from DATA_DIR/payments-sandbox/keys.json, or generated there at first start. */
function sandboxKeyFile(dataDir: string): StoredSandboxKeys {
  const dir = join(dataDir, 'payments-sandbox');
  const file = join(dir, 'keys.json');
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as StoredSandboxKeys;
  const pair = () =>
    generateKeyPairSync('rsa', {
      modulusLength: 2048,
      publicKeyEncoding: { type: 'spki', format: 'pem' },
      privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
    });
  const alipay = pair();
  const merchant = pair();
  const keys: StoredSandboxKeys = {
    alipayClientId: 'SANDBOX_TALAD',
    alipayPrivateKey: alipay.privateKey,
    alipayPublicKey: alipay.publicKey,
    merchantPrivateKey: merchant.privateKey,
    merchantPublicKey: merchant.publicKey,
    cardApiKey: `sk_sandbox_${newSecret(24)}`,
    cardWebhookSecret: newWebhookSecret(),
  };
  mkdirSync(dir, { recursive: true });
  // Written whole then renamed, so a second process starting at the same moment never reads half a file.
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify(keys, null, 2), { mode: 0o600 });
  renameSync(tmp, file);
  return keys;
}

export function loadPaymentsConfig(dataDir: string, env: Env): PaymentsConfig {
  const sandbox = envBool(env, 'PAYMENTS_SANDBOX', true);
  const promptpayIdText = env.PROMPTPAY_ID || DEMO_PROMPTPAY_ID;
  const promptpayId = promptPayTarget(promptpayIdText);
  if (!promptpayId)
    throw new ConfigError(
      'PROMPTPAY_ID',
      'must be a Thai mobile number, a 13-digit tax ID with a valid check digit, or a 15-digit e-wallet ID',
    );
  const common = {
    sandbox,
    promptpayId,
    promptpayIdText,
    intentTtlMinutes: envInt(env, 'PAYMENT_TTL_MINUTES', 15, 1, 24 * 60),
    publicUrl: (env.PUBLIC_URL ?? '').replace(/\/$/, ''),
  };
  if (!sandbox) {
    if (!/^https:\/\//.test(common.publicUrl))
      throw new ConfigError(
        'PUBLIC_URL',
        'must be the https:// address gateways reach the platform at when PAYMENTS_SANDBOX=false',
      );
    return {
      ...common,
      alipay: {
        clientId: required(env, 'ALIPAY_CLIENT_ID'),
        gatewayUrl: required(env, 'ALIPAY_GATEWAY_URL'),
        merchantPrivateKey: keyFile(env, 'ALIPAY_PRIVATE_KEY_FILE', 'private'),
        alipayPublicKey: keyFile(env, 'ALIPAY_PUBLIC_KEY_FILE', 'public'),
      },
      gateway: {
        gatewayUrl: required(env, 'CARD_GATEWAY_URL'),
        apiKey: required(env, 'CARD_GATEWAY_API_KEY'),
        webhookSecret: required(env, 'CARD_GATEWAY_WEBHOOK_SECRET'),
      },
      sandboxKeys: null,
    };
  }
  const k = sandboxKeyFile(dataDir);
  return {
    ...common,
    alipay: {
      clientId: k.alipayClientId,
      gatewayUrl: `${SANDBOX_BASE}/alipay`,
      merchantPrivateKey: createPrivateKey(k.merchantPrivateKey),
      alipayPublicKey: createPublicKey(k.alipayPublicKey),
    },
    gateway: { gatewayUrl: `${SANDBOX_BASE}/card`, apiKey: k.cardApiKey, webhookSecret: k.cardWebhookSecret },
    sandboxKeys: {
      alipayClientId: k.alipayClientId,
      alipayPrivateKey: createPrivateKey(k.alipayPrivateKey),
      merchantPublicKey: createPublicKey(k.merchantPublicKey),
      cardApiKey: k.cardApiKey,
      cardWebhookSecret: k.cardWebhookSecret,
    },
  };
}
