import { describe, expect, it } from 'vitest';
import { merchantContact } from './merchant-contact.ts';

describe('merchantContact', () => {
  it('is the account’s email and phone, the phone dialable in E.164', () => {
    expect(merchantContact({ email: 'halo@kopi.example', phone: '0812-3456-7890' })).toEqual({
      email: 'halo@kopi.example',
      phone: '0812-3456-7890',
      phoneHref: 'tel:+6281234567890',
    });
  });

  it('dials a landline as its digits, and leaves out what is missing', () => {
    expect(merchantContact({ email: null, phone: '(021) 555 0101' })).toEqual({
      email: null,
      phone: '(021) 555 0101',
      phoneHref: 'tel:0215550101',
    });
    expect(merchantContact({ email: ' ', phone: null })).toBeNull();
  });
});
