import { describe, expect, it } from 'vitest';
import { storeName, storeOfMethod, walletAppName } from './channel-names.ts';

describe('channel names', () => {
  it('names the wallet apps as customers spell them, else keeps the catalog’s name', () => {
    expect(walletAppName('GOPAY', 'GOPAY')).toBe('GoPay');
    expect(walletAppName('SHOPEEPAY', 'Shopee Pay')).toBe('ShopeePay');
    expect(walletAppName('DANA', 'DANA')).toBe('DANA');
  });

  it('knows which store a catalog code pays at', () => {
    expect(storeOfMethod('ALFAMART')).toBe('alfamart');
    expect(storeOfMethod('INDOMARET')).toBe('indomaret');
    expect(storeOfMethod('VA_BRI')).toBeNull();
    expect(storeName('indomaret')).toBe('Indomaret');
  });
});
