import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import generatePayload from 'promptpay-qr';
import jsQRModule from 'jsqr';
import sharp from 'sharp';
import { crc16CcittFalse, promptPayPayload, promptPayTarget, qrAmount, scanPromptPay } from './promptpay.ts';
import { qrPng, qrSvg } from './qr-image.ts';

// jsqr is CommonJS typed as an ES default export: under NodeNext the default import is the module.
const jsQR = ((jsQRModule as any).default ?? jsQRModule) as typeof jsQRModule.default;

describe('PromptPay QR payload', () => {
  it('computes CRC-16/CCITT-FALSE with its published check value', () => {
    expect(crc16CcittFalse('123456789')).toBe(0x29b1);
  });

  it('reproduces the published static payload for mobile 0801234567', () => {
    const target = promptPayTarget('0801234567')!;
    expect(promptPayPayload({ target })).toBe(
      '00020101021129370016A000000677010111011300668012345675802TH530376463046197',
    );
  });

  it('reads a mobile number however people type it, and a tax ID only with a valid check digit', () => {
    expect(promptPayTarget('+66 81 234 5678')).toEqual({ kind: 'mobile', value: '0066812345678' });
    expect(promptPayTarget('081-234-5678')).toEqual({ kind: 'mobile', value: '0066812345678' });
    expect(promptPayTarget('0105561234567')).toBeNull(); // wrong check digit
    expect(promptPayTarget('0994000165501')?.kind).toBe('tax_id');
    expect(promptPayTarget('123456789012345')?.kind).toBe('ewallet');
    expect(promptPayTarget('12345')).toBeNull();
  });

  it('writes amounts with two decimals without floating point', () => {
    expect(qrAmount(422)).toBe('4.22');
    expect(qrAmount(134000)).toBe('1340.00');
    expect(qrAmount(5)).toBe('0.05');
    expect(() => qrAmount(0)).toThrow();
    expect(() => qrAmount(1.5)).toThrow();
  });

  it('agrees byte for byte with the independent promptpay-qr package for any target and amount', () => {
    const mobile = fc.stringMatching(/^0[689]\d{8}$/);
    const ewallet = fc.stringMatching(/^\d{15}$/);
    fc.assert(
      fc.property(fc.oneof(mobile, ewallet), fc.integer({ min: 1, max: 99_999_999 }), (id, satang) => {
        const ours = promptPayPayload({ target: promptPayTarget(id)!, amountSatang: satang });
        // promptpay-qr takes baht as a number; satang/100 prints back to the same two decimals.
        expect(ours).toBe(generatePayload(id, { amount: satang / 100 }));
      }),
      { numRuns: 300 },
    );
    expect(promptPayPayload({ target: promptPayTarget('0994000165501')!, amountSatang: 134000 })).toBe(
      generatePayload('0994000165501', { amount: 1340 }),
    );
  });

  it('is a dynamic QR (01 = 12) with tag 54 when it carries an amount, and reads back what it wrote', () => {
    const payload = promptPayPayload({
      target: promptPayTarget('0994000165501')!,
      amountSatang: 134050,
      reference: 'TLDP7X2K9Q',
    });
    expect(payload.slice(0, 12)).toBe('000201010212');
    expect(payload).toContain('29370016A000000677010111021309940001655015802TH5303764540713' + '40.50');
    expect(scanPromptPay(payload)).toEqual({
      target: { kind: 'tax_id', value: '0994000165501' },
      amountSatang: 134050,
      reference: 'TLDP7X2K9Q',
      currency: '764',
    });
  });

  it('refuses a payload whose checksum does not match, as a banking app would', () => {
    const payload = promptPayPayload({ target: promptPayTarget('0812345678')!, amountSatang: 10000 });
    const tampered = payload.replace('5406100.00', '54061000.0');
    expect(() => scanPromptPay(tampered)).toThrow(/checksum/);
    expect(() => scanPromptPay(payload.slice(0, -1) + (payload.endsWith('0') ? '1' : '0'))).toThrow(/checksum/);
  });
});

describe('PromptPay QR image', () => {
  const payload = promptPayPayload({
    target: promptPayTarget('0812345678')!,
    amountSatang: 134000,
    reference: 'TLD-TEST-1',
  });

  it('renders an SVG and a PNG that decode back to the payload', async () => {
    const svg = await qrSvg(payload);
    expect(svg.startsWith('<svg')).toBe(true);
    const png = await qrPng(payload);
    expect(png.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
    const { data, info } = await sharp(png).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
    expect(jsQR(new Uint8ClampedArray(data), info.width, info.height)?.data).toBe(payload);
  });
});
