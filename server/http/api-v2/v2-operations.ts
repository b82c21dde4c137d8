import { dataEnvelope } from '../envelope-schemas.ts';
import { CREATE_ANSWERS, IDEMPOTENCY_PARAMETER } from '../api-v1/payment-link-operations.ts';
import { LinkObjectSchema } from '../api-v1/present-link.ts';
import { BEARER, BEARER_FAILURES, BODY_FAILURES, type Operation } from '../openapi/operation.ts';
import { CreateV2LinkBodySchema } from './v2-create-schema.ts';
import { UpdateV2LinkBodySchema } from './v2-update-schema.ts';

const BASE = '/api/v2.0/payment-link';
const common = { tag: 'v2.0 payment links', security: BEARER, errorStyle: 'envelope' } as const;
const oneLink = { 200: { description: 'The link.', json: dataEnvelope(LinkObjectSchema) } };
/** Paths without `{account_id}` cannot name another account: no 403 for that. */
const TOKEN_FAILURES = BEARER_FAILURES.filter((code) => code !== 'ACCOUNT_MISMATCH');

const CREATE_EXAMPLE = {
  reff_no: 'ORDER-0002',
  payment_link_type: 'items',
  items: [{ name: 'Kopi susu', quantity: 2, unit_price: 25_000 }],
  description: 'Kopi Senja, 2 cups',
  max_usage: 0,
  expired_at: '2030-12-31T23:59:00+07:00',
  success_redirect_url: 'https://merchant.example/thanks',
  expired_redirect_url: 'https://merchant.example/expired',
  required_customer_email: true,
};

/** SPEC §3.5, as v2-routes.ts answers them. */
export const v2Operations: readonly Operation[] = [
  {
    ...common,
    method: 'post',
    path: `${BASE}/{account_id}`,
    summary: 'Create a payment link (v2.0)',
    description:
      '`payment_link_type` `total` takes `total_amount`, `items` takes `items` (the total is ' +
      'their sum). `max_usage` 0 is unlimited; without `expired_at` the link expires in 24 ' +
      'hours. The title is `title`, else `description`, else `reff_no`. `customer_*` only on ' +
      'a single-use link. `required_customer_number` or `required_customer_email` makes the ' +
      'page ask for the customer’s details.',
    headers: [IDEMPOTENCY_PARAMETER],
    body: { media: { 'application/json': CreateV2LinkBodySchema }, example: CREATE_EXAMPLE },
    ...CREATE_ANSWERS,
  },
  {
    ...common,
    method: 'get',
    path: `${BASE}/{payment_link_id}`,
    summary: 'Show a payment link (v2.0)',
    description: 'Any link of the token’s account, whichever API created it (`source`).',
    replies: oneLink,
    failures: [...TOKEN_FAILURES, 'LINK_NOT_FOUND'],
  },
  {
    ...common,
    method: 'put',
    path: `${BASE}/update/{payment_link_id}`,
    summary: 'Change a payment link (v2.0)',
    description:
      'Any subset of the create fields; omitted fields stay. `reff_no`, `payment_link_type`, ' +
      '`total_amount` and `items` never change (422). `max_usage` may not go below ' +
      '`current_usage`.',
    body: {
      media: { 'application/json': UpdateV2LinkBodySchema },
      example: { title: 'Kopi Senja, promo', max_usage: 10, expired_redirect_url: null },
    },
    replies: oneLink,
    failures: [...TOKEN_FAILURES, ...BODY_FAILURES, 'LINK_NOT_FOUND', 'NO_METHOD_FOR_AMOUNT'],
  },
];
