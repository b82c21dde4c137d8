import { describe, expect, it } from 'vitest';
import { mapGatewayState, wholeRupiah } from './status-mapping.ts';

const TRANSACTION_ID = 'be03df7d-2f97-4c8c-a53c-8959f1b67295';
const base = {
  status_code: '200',
  transaction_id: TRANSACTION_ID,
  order_id: 'PY0123456789ABCDEFGH',
  gross_amount: '44000.00',
  transaction_time: '2026-12-07 18:20:00',
};
const PAID_AT = new Date('2026-12-07T11:27:50Z');
const settledAt = { settlement_time: '2026-12-07 18:27:50' };

describe('mapGatewayState', () => {
  it.each([
    [
      'settlement',
      { transaction_status: 'settlement', fraud_status: 'accept', ...settledAt },
      { kind: 'paid', amount: 44_000, paidAt: PAID_AT, gatewayRef: TRANSACTION_ID },
    ],
    [
      'settlement without fraud_status (cstore)',
      { transaction_status: 'settlement', ...settledAt },
      { kind: 'paid', amount: 44_000, paidAt: PAID_AT, gatewayRef: TRANSACTION_ID },
    ],
    [
      'capture',
      { transaction_status: 'capture', fraud_status: 'accept', ...settledAt },
      { kind: 'paid', amount: 44_000, paidAt: PAID_AT, gatewayRef: TRANSACTION_ID },
    ],
    [
      'SETTLEMENT in capitals',
      { transaction_status: 'SETTLEMENT', fraud_status: 'ACCEPT', ...settledAt },
      { kind: 'paid', amount: 44_000, paidAt: PAID_AT, gatewayRef: TRANSACTION_ID },
    ],
    [
      'settlement with no settlement_time',
      { transaction_status: 'settlement' },
      {
        kind: 'paid',
        amount: 44_000,
        paidAt: new Date('2026-12-07T11:20:00Z'),
        gatewayRef: TRANSACTION_ID,
      },
    ],
    [
      'settlement under fraud challenge',
      { transaction_status: 'settlement', fraud_status: 'challenge' },
      { kind: 'pending' },
    ],
    [
      'settlement denied by fraud checks',
      { transaction_status: 'settlement', fraud_status: 'deny' },
      { kind: 'ended', as: 'cancelled' },
    ],
    ['pending', { status_code: '201', transaction_status: 'pending' }, { kind: 'pending' }],
    [
      'PENDING in capitals',
      { status_code: '201', transaction_status: 'PENDING' },
      { kind: 'pending' },
    ],
    [
      'expire (407)',
      { status_code: '407', transaction_status: 'expire' },
      { kind: 'ended', as: 'expired' },
    ],
    [
      'cancel',
      { status_code: '202', transaction_status: 'cancel' },
      { kind: 'ended', as: 'cancelled' },
    ],
    ['failure', { transaction_status: 'failure' }, { kind: 'ended', as: 'cancelled' }],
    [
      'deny before payment',
      { status_code: '202', transaction_status: 'deny' },
      { kind: 'ended', as: 'cancelled' },
    ],
    [
      'deny after settlement',
      { status_code: '202', transaction_status: 'deny', ...settledAt },
      { kind: 'reversed' },
    ],
    ['refund', { transaction_status: 'refund', ...settledAt }, { kind: 'reversed' }],
    [
      'partial_refund',
      { transaction_status: 'partial_refund', ...settledAt },
      { kind: 'reversed' },
    ],
    ['chargeback', { transaction_status: 'chargeback', ...settledAt }, { kind: 'reversed' }],
    [
      'an unknown order',
      { status_code: '404', status_message: "Transaction doesn't exist." },
      { kind: 'missing' },
    ],
  ])('maps %s', (_name, fields, state) => {
    expect(mapGatewayState({ ...base, ...fields })).toEqual(state);
  });

  it.each([
    ['no transaction_id', undefined],
    ['a transaction_id that is not text', 7],
  ])('reads a settlement with %s as paid, naming no gateway reference', (_name, id) => {
    const body = { ...base, transaction_id: id, transaction_status: 'settlement', ...settledAt };
    expect(mapGatewayState(body)).toEqual({
      kind: 'paid',
      amount: 44_000,
      paidAt: PAID_AT,
      gatewayRef: null,
    });
  });

  it('reads a documented-shape 404 answer on its own', () => {
    const body = { status_code: '404', status_message: "Transaction doesn't exist.", id: 'x' };
    expect(mapGatewayState(body)).toEqual({ kind: 'missing' });
  });

  it.each([
    ['a fractional amount', { transaction_status: 'settlement', gross_amount: '44000.50' }],
    ['no amount', { transaction_status: 'settlement', gross_amount: undefined }],
    ['no time at all', { transaction_status: 'settlement', transaction_time: 'yesterday' }],
    ['an unknown fraud status', { transaction_status: 'settlement', fraud_status: 'maybe' }],
    ['an unknown status', { transaction_status: 'authorize' }],
    ['no status', { transaction_status: undefined }],
    ['a status of the wrong type', { transaction_status: 7 }],
  ])('says nothing for %s', (_name, fields) => {
    expect(mapGatewayState({ ...base, ...fields })).toBeNull();
  });

  it('says nothing for a body that is not an object', () => {
    expect(mapGatewayState('settlement')).toBeNull();
    expect(mapGatewayState(null)).toBeNull();
  });
});

describe('wholeRupiah', () => {
  it.each([
    ['44000.00', 44_000],
    ['44000', 44_000],
    [44_000, 44_000],
    ['0.00', 0],
    ['44000.01', null],
    ['-1.00', null],
    ['4.4e4', null],
    ['', null],
    ['99999999999999999999.00', null],
  ])('reads %j as %j', (text, rupiah) => {
    expect(wholeRupiah(text)).toBe(rupiah);
  });
});
