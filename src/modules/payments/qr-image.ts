// A payload as a scannable picture: SVG for the page (crisp on any phone) and PNG for saving or
// printing. Error correction M, as Thai banking apps expect of PromptPay QR.
import QRCode from 'qrcode';

const options = { errorCorrectionLevel: 'M' as const, margin: 2 };

export const qrSvg = (payload: string): Promise<string> => QRCode.toString(payload, { ...options, type: 'svg' });

export const qrPng = (payload: string): Promise<Buffer> =>
  QRCode.toBuffer(payload, { ...options, type: 'png', width: 480 });
