// Types for an untyped package the tests use as an independent implementation.
declare module 'promptpay-qr' {
  export default function generatePayload(target: string, options: { amount?: number }): string;
}
