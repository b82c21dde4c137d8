import { describe, expect, it } from 'vitest';
import { safeDeeplink } from './deeplink.ts';

describe('safeDeeplink', () => {
  it.each([
    'gojek://gopay/merchanttransfer?tref=A1&amount=10000&activity=GP:RR',
    'https://wsa.uat.wallet.airpay.co.id/universal-link/wallet/pay?deep_and_deferred=1&token=x',
    'https://simulator.sandbox.midtrans.com/gopay/ui/checkout?referenceid=r1',
    'http://127.0.0.1:4010/deeplink/order-1',
    'intent://pay#Intent;scheme=shopeeid;end',
  ])('keeps %s', (url) => {
    expect(safeDeeplink(url)).toBe(url);
  });

  it.each([
    'javascript:alert(1)',
    'JavaScript:alert(1)',
    ' javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox',
    'file:///etc/passwd',
    '/relative/path',
    'gojek://pay\nx',
    '',
  ])('refuses %j', (url) => {
    expect(safeDeeplink(url)).toBeNull();
  });
});
