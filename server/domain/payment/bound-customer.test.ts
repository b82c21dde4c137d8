import { describe, expect, it } from 'vitest';
import { aLink } from '../callback/callback-fixtures.test-support.ts';
import type { Customer } from '../payment-link/payment-link.ts';
import { askedCustomerFields, CUSTOMER_FIELDS, customerOfPayment } from './bound-customer.ts';

const BUDI: Customer = { name: 'Budi Santoso', email: 'budi@example.com', phone: '081234567890' };
const none: Customer = { name: null, email: null, phone: null };
const bound = (customer: Customer | null, requiredCustomerDetail = false) =>
  aLink({ customer, requiredCustomerDetail });

// docs/decisions/016: a link's customer, as the merchant gave it, is the payment's.
describe('customerOfPayment', () => {
  it('a bound link pays as its customer when the payer sends nothing', () => {
    expect(customerOfPayment(bound(BUDI), null)).toEqual({ ok: true, value: BUDI });
  });

  it('accepts the bound details sent back in another spelling, and keeps the merchant’s', () => {
    const echoed = {
      name: ' budi  SANTOSO ',
      email: 'Budi@Example.com ',
      phone: '+62 812-3456-7890',
    };
    expect(customerOfPayment(bound(BUDI), echoed)).toEqual({ ok: true, value: BUDI });
  });

  it.each(CUSTOMER_FIELDS)('refuses another %s, naming the field', (field) => {
    const other = { name: 'Mallory', email: 'mallory@evil.example', phone: '089999999999' };
    const answer = customerOfPayment(bound(BUDI), { ...none, [field]: other[field] });
    expect(answer).toMatchObject({ ok: false, code: 'CUSTOMER_BOUND' });
    expect(answer.ok ? null : Object.keys(answer.errors ?? {})).toEqual([`customer.${field}`]);
  });

  it('lets the payer give what the merchant did not, and no more', () => {
    const emailOnly = bound({ name: null, email: 'budi@example.com', phone: null });
    const given = { name: 'Budi', email: null, phone: '081234567890' };
    expect(customerOfPayment(emailOnly, given)).toEqual({
      ok: true,
      value: { name: 'Budi', email: 'budi@example.com', phone: '081234567890' },
    });
    const refused = customerOfPayment(emailOnly, { ...given, email: 'mallory@evil.example' });
    expect(refused.ok ? null : Object.keys(refused.errors ?? {})).toEqual(['customer.email']);
  });

  it('an unbound link takes the payer’s details, or none', () => {
    expect(customerOfPayment(bound(null), BUDI)).toEqual({ ok: true, value: BUDI });
    expect(customerOfPayment(bound(null), null)).toEqual({ ok: true, value: null });
    expect(customerOfPayment(bound(none), none)).toEqual({ ok: true, value: null });
  });
});

describe('askedCustomerFields', () => {
  it('asks for the required details the merchant did not give', () => {
    expect(askedCustomerFields(bound(null, true))).toEqual(['name', 'email', 'phone']);
    expect(askedCustomerFields(bound({ ...none, email: 'budi@example.com' }, true))).toEqual([
      'name',
      'phone',
    ]);
    expect(askedCustomerFields(bound(BUDI, true))).toEqual([]);
    expect(askedCustomerFields(bound(null, false))).toEqual([]);
  });
});
