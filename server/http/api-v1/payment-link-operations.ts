import * as v from 'valibot';
import { dataEnvelope, listEnvelope } from '../envelope-schemas.ts';
import { BEARER, BEARER_FAILURES, BODY_FAILURES, type Operation } from '../openapi/operation.ts';
import { IDEMPOTENCY_HEADER } from './idempotency-key.ts';
import { CreateLinkBodySchema, ListLinksQuerySchema } from './link-schemas.ts';
import { PatchLinkBodySchema, PutLinkBodySchema } from './link-update-schemas.ts';
import { LINK_DELETED } from './payment-link-routes.ts';
import { LinkObjectSchema } from './present-link.ts';
import { PaymentMethodListSchema } from './present-payment-methods.ts';

const BASE = '/api/v1.0/payment-link-manage';
const LINK = `${BASE}/{account_id}/{payment_link_id}`;
const TAG = 'v1.0 payment links';
const common = { tag: TAG, security: BEARER, errorStyle: 'envelope' } as const;
const oneLink = { 200: { description: 'The link.', json: dataEnvelope(LinkObjectSchema) } };

/** The create header and answers, the same in v1.0 and v2.0 (one use case, one envelope). */
export const IDEMPOTENCY_PARAMETER = {
  name: IDEMPOTENCY_HEADER,
  required: false,
  description: 'Makes a retry safe: 1–255 characters, per account, kept 24 hours.',
};
export const CREATE_ANSWERS = {
  replies: {
    200: {
      description: 'The new link (or, for a repeated Idempotency-Key, the first answer).',
      json: dataEnvelope(LinkObjectSchema),
      headers: { 'Idempotent-Replayed': '`true` when this is the first answer again.' },
    },
  },
  failures: [
    ...BEARER_FAILURES,
    ...BODY_FAILURES,
    'REFF_NO_TAKEN',
    'NO_METHOD_FOR_AMOUNT',
    'IDEMPOTENCY_KEY_REUSED',
    'IDEMPOTENCY_KEY_IN_USE',
  ],
} as const satisfies Pick<Operation, 'replies' | 'failures'>;

const CREATE_EXAMPLE = {
  reff_no: 'ORDER-0001',
  title: 'Kopi Senja, 2 cups',
  items: [{ name: 'Kopi susu', quantity: 2, unit_price: 25_000 }],
  max_usage: 1,
  expired_at: '2030-12-31T23:59:00+07:00',
  // Catalog codes, as GET …/payment-methods lists them (SPEC §5): `VA_BRI`, not `BRI`.
  whitelisted_payment_method: ['QRIS', 'VA_BRI', 'VA_BNI'],
  redirect_url: 'https://merchant.example/thanks',
  customer: { name: 'Budi', email: 'budi@example.com', phone: '081234567890' },
};

/** SPEC §3.2–§3.4, as payment-link-routes.ts answers them. */
export const paymentLinkOperations: readonly Operation[] = [
  {
    ...common,
    method: 'get',
    path: `${BASE}/payment-methods`,
    summary: 'List the payment methods',
    description: 'Every method with its amount limits; `available_codes` are those enabled.',
    replies: { 200: { description: 'The methods.', json: dataEnvelope(PaymentMethodListSchema) } },
    failures: BEARER_FAILURES.filter((code) => code !== 'ACCOUNT_MISMATCH'),
  },
  {
    ...common,
    method: 'post',
    path: `${BASE}/{account_id}`,
    summary: 'Create a payment link',
    description:
      'The amount is `total_amount`, or the sum of `items` (which then must match it). With an ' +
      '`Idempotency-Key`, the same key and body answer the first response again (24 h).',
    headers: [IDEMPOTENCY_PARAMETER],
    body: { media: { 'application/json': CreateLinkBodySchema }, example: CREATE_EXAMPLE },
    ...CREATE_ANSWERS,
  },
  {
    ...common,
    method: 'get',
    path: `${BASE}/{account_id}`,
    summary: 'List payment links',
    description: 'Newest first; `search` looks in the title and reff_no.',
    query: ListLinksQuerySchema,
    replies: { 200: { description: 'A page of links.', json: listEnvelope(LinkObjectSchema) } },
    failures: [...BEARER_FAILURES, 'VALIDATION_FAILED'],
  },
  {
    ...common,
    method: 'get',
    path: LINK,
    summary: 'Show a payment link',
    replies: oneLink,
    failures: [...BEARER_FAILURES, 'LINK_NOT_FOUND'],
  },
  {
    ...common,
    method: 'put',
    path: LINK,
    summary: 'Change a payment link (status required)',
    description:
      'Amount and items cannot change. `max_usage` may not go below `current_usage`; closing ' +
      'a link cancels its pending payments.',
    body: { media: { 'application/json': PutLinkBodySchema }, example: { status: 'closed' } },
    replies: oneLink,
    failures: [...BEARER_FAILURES, ...BODY_FAILURES, 'LINK_NOT_FOUND', 'NO_METHOD_FOR_AMOUNT'],
  },
  {
    ...common,
    method: 'patch',
    path: LINK,
    summary: 'Change some fields of a payment link',
    description: 'As PUT, with any subset of the fields.',
    body: { media: { 'application/json': PatchLinkBodySchema }, example: { max_usage: 10 } },
    replies: oneLink,
    failures: [...BEARER_FAILURES, ...BODY_FAILURES, 'LINK_NOT_FOUND', 'NO_METHOD_FOR_AMOUNT'],
  },
  {
    ...common,
    method: 'delete',
    path: LINK,
    summary: 'Delete a payment link without payments',
    replies: {
      200: {
        description: 'Deleted.',
        json: dataEnvelope(v.strictObject({ message: v.literal(LINK_DELETED) })),
      },
    },
    failures: [...BEARER_FAILURES, 'LINK_NOT_FOUND', 'LINK_HAS_PAYMENTS'],
  },
];
