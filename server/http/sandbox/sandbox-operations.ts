import { dataEnvelope } from '../envelope-schemas.ts';
import type { Operation } from '../openapi/operation.ts';
import {
  QrisPaymentSchema,
  SandboxPayFormSchema,
  SandboxPaymentSchema,
  SettlementSchema,
  VaPaymentSchema,
} from './sandbox-routes.ts';

const common = { tag: 'Sandbox', method: 'post', errorStyle: 'envelope' } as const;
const paid = { 200: { description: 'Paid.', json: dataEnvelope(SandboxPaymentSchema) } };
/** NOT_FOUND: the server is not in sandbox mode. */
const BODY = [
  'NOT_FOUND',
  'FORBIDDEN_ORIGIN',
  'TOO_MANY_REQUESTS',
  'UNSUPPORTED_MEDIA_TYPE',
  'PAYLOAD_TOO_LARGE',
  'VALIDATION_FAILED',
] as const;
const SEE_OTHER = (where: string) => ({
  303: { description: `Back to ${where}.`, headers: { Location: `The ${where}.` } },
});

/** SPEC §8, as sandbox-routes.ts answers them (malformed JSON is a 422 here). */
export const sandboxOperations: readonly Operation[] = [
  {
    ...common,
    path: '/sandbox/api/va-payments',
    summary: 'Pay a virtual account',
    description: 'As a bank would: the VA number of a pending payment and its exact amount.',
    body: {
      media: { 'application/json': VaPaymentSchema },
      // A BRI number is its company prefix 26215 and 10 digits (va-banks.ts).
      example: { bank: 'BRI', va_number: '262151234567890', amount: 50000 },
    },
    replies: paid,
    failures: [...BODY, 'PAYMENT_NOT_FOUND', 'NOT_PAYABLE', 'WRONG_AMOUNT'],
  },
  {
    ...common,
    path: '/sandbox/api/qris-payments',
    summary: 'Pay a QRIS code',
    description: 'As a QRIS acquirer would: the scanned text (its CRC is checked).',
    body: { media: { 'application/json': QrisPaymentSchema } },
    replies: paid,
    failures: [...BODY, 'PAYMENT_NOT_FOUND', 'NOT_PAYABLE'],
  },
  {
    ...common,
    path: '/sandbox/api/settlements',
    summary: 'Settle a paid payment now',
    description: 'Instead of waiting SETTLEMENT_DELAY: the settled callback follows.',
    body: {
      media: { 'application/json': SettlementSchema },
      example: { reff_no: 'PY7K3M9Q2W8E5R1T4Y6Z' },
    },
    replies: { 200: { description: 'Settled.', json: dataEnvelope(SandboxPaymentSchema) } },
    failures: [...BODY, 'PAYMENT_NOT_FOUND', 'NOT_SETTLEABLE'],
  },
  {
    ...common,
    path: '/sandbox/simulate/{reff_no}',
    summary: 'Pay a payment exactly (the page’s button)',
    replies: SEE_OTHER('payment page'),
    failures: ['NOT_FOUND', 'FORBIDDEN_ORIGIN', 'TOO_MANY_REQUESTS', 'PAYMENT_NOT_FOUND'],
  },
  {
    ...common,
    path: '/sandbox/pay',
    summary: 'Pay from the bank simulator’s form',
    body: { media: { 'application/x-www-form-urlencoded': SandboxPayFormSchema } },
    replies: SEE_OTHER('bank simulator page, with the outcome'),
    failures: ['NOT_FOUND', 'FORBIDDEN_ORIGIN', 'TOO_MANY_REQUESTS'],
  },
];
