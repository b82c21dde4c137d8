import { describe, expect, it } from 'vitest';
import { merchantReturnUrl } from './redirect-url.ts';

const LINK = 'PL20260115100000aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa';
const PAYMENT = 'PY0123456789ABCDEFGH';
const paid = { linkReffNo: LINK, status: 'paid', paymentReffNo: PAYMENT } as const;
const expired = { linkReffNo: LINK, status: 'expired', paymentReffNo: null } as const;
const params = (url: string) => [...new URL(url).searchParams];

// SPEC §7: reff_no (the link's), status (paid | expired), payment_id (absent on expiry).
describe('merchantReturnUrl', () => {
  it('adds reff_no, status and payment_id to a bare URL', () => {
    expect(merchantReturnUrl('https://shop.example/done', paid)).toBe(
      `https://shop.example/done?reff_no=${LINK}&status=paid&payment_id=${PAYMENT}`,
    );
  });

  it('keeps the merchant’s own parameters, in order, and its fragment', () => {
    const url = merchantReturnUrl('https://shop.example/r?order=A-17&lang=id#top', paid);
    expect(params(url)).toEqual([
      ['order', 'A-17'],
      ['lang', 'id'],
      ['reff_no', LINK],
      ['status', 'paid'],
      ['payment_id', PAYMENT],
    ]);
    expect(new URL(url).hash).toBe('#top');
  });

  it('keeps values that need encoding', () => {
    const url = merchantReturnUrl('https://shop.example/r?next=%2Fcart%3Fa%3D1&q=kopi+susu', paid);
    expect(new URL(url).searchParams.get('next')).toBe('/cart?a=1');
    expect(new URL(url).searchParams.get('q')).toBe('kopi susu');
  });

  it('on expiry: status=expired and no payment_id, even one the merchant put there', () => {
    const url = merchantReturnUrl('https://shop.example/r?payment_id=old&x=1', expired);
    expect(params(url)).toEqual([
      ['x', '1'],
      ['reff_no', LINK],
      ['status', 'expired'],
    ]);
  });

  it('replaces, not repeats, parameters of the same name', () => {
    const url = merchantReturnUrl('https://shop.example/r?status=pending&reff_no=mine', paid);
    expect(new URL(url).searchParams.getAll('status')).toEqual(['paid']);
    expect(new URL(url).searchParams.getAll('reff_no')).toEqual([LINK]);
  });

  it('from a closed link: reff_no only, no status or payment_id of ours', () => {
    const closed = { linkReffNo: LINK, status: 'closed', paymentReffNo: null } as const;
    const url = merchantReturnUrl('https://shop.example/r?x=1&status=old&payment_id=old', closed);
    expect(params(url)).toEqual([
      ['x', '1'],
      ['reff_no', LINK],
    ]);
  });

  it('keeps localhost over http (allowed for redirect_url, SPEC §3.2)', () => {
    expect(merchantReturnUrl('http://localhost:8080/back', expired)).toBe(
      `http://localhost:8080/back?reff_no=${LINK}&status=expired`,
    );
  });
});
