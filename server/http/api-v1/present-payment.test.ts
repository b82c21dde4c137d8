import { describe, expect, it } from 'vitest';
import { createCatalog } from '../../domain/payment-method/catalog.ts';
import { aLink, aPayment, NOW } from '../../../tests/support/payment-fixtures.ts';
import { presentPayment } from './present-payment.ts';

const catalog = createCatalog();
const at = (minutes: number) => new Date(NOW.getTime() + minutes * 60_000);

// SPEC §3.4: the histories fields, names and JSON types.
describe('presentPayment', () => {
  it('a pending payment', () => {
    expect(presentPayment(aPayment(), aLink(), catalog, NOW)).toEqual({
      id: 11,
      reff_no: 'PY0123456789ABCDEFGH',
      payment_link_id: 7,
      payment_link_reff_no: aLink().reffNo,
      payment_method: 'VA_BRI',
      payment_method_name: 'VA BRI',
      payment_method_value: '262151234567890',
      expired_at: '2026-01-15T10:30:00+07:00',
      amount: '20000.00',
      payment_date: null,
      status: 'pending',
      customer_name: null,
      customer_email: null,
      customer_phone: null,
      has_settle: false,
      settle_at: null,
      created_at: '2026-01-15T09:59:00+07:00',
      updated_at: '2026-01-15T09:59:00+07:00',
    });
  });

  it('a settled payment: payment_date, has_settle and settle_at', () => {
    const payment = aPayment({
      status: 'settled',
      paidAt: at(5),
      settledAt: at(24 * 60),
      updatedAt: at(24 * 60),
      customer: { name: 'Siti', email: null, phone: '+6281234567890' },
    });
    expect(presentPayment(payment, aLink(), catalog, at(25 * 60))).toMatchObject({
      status: 'settled',
      payment_date: '2026-01-15T10:05:00+07:00',
      has_settle: true,
      settle_at: '2026-01-16T10:00:00+07:00',
      updated_at: '2026-01-16T10:00:00+07:00',
      customer_name: 'Siti',
      customer_email: null,
      customer_phone: '+6281234567890',
    });
  });

  it('a paid payment is not settled yet', () => {
    const payment = aPayment({ status: 'paid', paidAt: at(5) });
    expect(presentPayment(payment, aLink(), catalog, at(60))).toMatchObject({
      status: 'paid',
      has_settle: false,
      settle_at: null,
    });
  });

  it('a pending payment past its deadline reads expired', () => {
    expect(presentPayment(aPayment(), aLink(), catalog, at(29)).status).toBe('pending');
    expect(presentPayment(aPayment(), aLink(), catalog, at(30)).status).toBe('expired');
  });

  it('amounts as strings with two decimals; QRIS named QRIS', () => {
    const payment = aPayment({ methodCode: 'QRIS', amount: 1_250_000 });
    expect(presentPayment(payment, aLink(), catalog, NOW)).toMatchObject({
      amount: '1250000.00',
      payment_method_name: 'QRIS',
    });
  });
});
