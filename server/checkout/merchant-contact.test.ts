import { describe, expect, it } from 'vitest';
import { merchantContact } from './merchant-contact.ts';

const noSupport = { supportEmail: null, supportPhone: null };

describe('merchantContact', () => {
  it('is the account’s email and phone, the phone dialable in E.164', () => {
    expect(
      merchantContact({ ...noSupport, email: 'halo@kopi.example', phone: '0812-3456-7890' }),
    ).toEqual({
      email: 'halo@kopi.example',
      phone: '0812-3456-7890',
      phoneHref: 'tel:+6281234567890',
    });
  });

  it('prefers the support email and phone, each falling back on its own', () => {
    const account = { email: 'owner@kopi.example', phone: '0812-3456-7890' };
    expect(
      merchantContact({ ...account, supportEmail: 'bantuan@kopi.example', supportPhone: null }),
    ).toEqual({
      email: 'bantuan@kopi.example',
      phone: '0812-3456-7890',
      phoneHref: 'tel:+6281234567890',
    });
    expect(
      merchantContact({ ...account, supportEmail: null, supportPhone: '(021) 555 0101' }),
    ).toMatchObject({ email: 'owner@kopi.example', phone: '(021) 555 0101' });
  });

  it('dials a landline as its digits, and leaves out what is missing', () => {
    expect(merchantContact({ ...noSupport, email: null, phone: '(021) 555 0101' })).toEqual({
      email: null,
      phone: '(021) 555 0101',
      phoneHref: 'tel:0215550101',
    });
    expect(merchantContact({ ...noSupport, email: ' ', phone: null })).toBeNull();
  });
});
