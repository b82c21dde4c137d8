import type { Operation } from '../openapi/operation.ts';
import { V4LinkDocumentSchema } from './v4-link-schema.ts';
import { CreateV4LinkBodySchema } from './v4-schemas.ts';

const common = {
  tag: 'v4 payment links',
  security: [['clientCredentials']],
  errorStyle: 'json-api',
} as const;

const AUTH_FAILURES = [
  'UNAUTHENTICATED',
  'INVALID_CREDENTIALS',
  'ACCOUNT_SUSPENDED',
  'TOO_MANY_REQUESTS',
] as const;

/** SPEC §4, as v4-routes.ts answers them. */
export const v4Operations: readonly Operation[] = [
  {
    ...common,
    method: 'post',
    path: '/api/v4/payment_links',
    summary: 'Create a payment link (v4)',
    description:
      'A single-use link for one customer, mailed to `customerEmail`. `referenceId` is the ' +
      'idempotency key: the same body again answers the same link (201); another body with ' +
      'the same referenceId is refused.',
    body: {
      media: { 'application/json': CreateV4LinkBodySchema },
      example: {
        data: {
          attributes: {
            amount: 10000,
            referenceId: 'ORDER-0001',
            description: 'Order Number 0001',
            customerEmail: 'john@example.com',
            paymentMethodOptions: { displayName: 'Toko Kopi Senja' },
          },
        },
      },
    },
    replies: { 201: { description: 'The link.', json: V4LinkDocumentSchema } },
    failures: [
      ...AUTH_FAILURES,
      'MALFORMED_BODY',
      'UNSUPPORTED_MEDIA_TYPE',
      'PAYLOAD_TOO_LARGE',
      'VALIDATION_FAILED',
      'REFF_NO_TAKEN',
      'NO_METHOD_FOR_AMOUNT',
    ],
  },
  {
    ...common,
    method: 'get',
    path: '/api/v4/payment_links/{v4_id}',
    summary: 'Show a payment link (v4)',
    replies: { 200: { description: 'The link, status as of now.', json: V4LinkDocumentSchema } },
    failures: [...AUTH_FAILURES, 'LINK_NOT_FOUND'],
  },
];
