import { dataEnvelope } from '../envelope-schemas.ts';
import type { Operation } from '../openapi/operation.ts';
import {
  CheckoutStatusSchema,
  StartedPaymentSchema,
  StatusQuerySchema,
} from './checkout-answers.ts';
import { PaymentFormSchema, PaymentRequestSchema } from './payment-request.ts';

const common = { tag: 'Checkout', errorStyle: 'envelope' } as const;
const PAYMENT_PAGE = '`/b2b/{public_id}/payments/{reff_no}`, the payment page';

/** SPEC §7, as checkout-routes.ts answers them. The page itself is `GET /b2b/{public_id}`. */
export const checkoutOperations: readonly Operation[] = [
  {
    ...common,
    method: 'post',
    path: '/b2b/{public_id}/payments',
    summary: 'Start a payment with a method',
    description:
      'JSON answers 201 with the VA number or QR text; a form post is sent on to the payment ' +
      'page (303), and a refused form post gets the link page again with its errors.',
    body: {
      media: {
        'application/json': PaymentRequestSchema,
        'application/x-www-form-urlencoded': PaymentFormSchema,
      },
      example: { method: 'QRIS', customer: { name: 'Budi', email: 'budi@example.com' } },
    },
    replies: {
      201: {
        description: 'The payment (JSON clients).',
        json: dataEnvelope(StartedPaymentSchema, 201),
      },
      303: {
        description: 'Form posts: on to the payment page.',
        headers: { Location: PAYMENT_PAGE },
      },
    },
    failures: [
      'FORBIDDEN_ORIGIN',
      'MALFORMED_BODY',
      'UNSUPPORTED_MEDIA_TYPE',
      'PAYLOAD_TOO_LARGE',
      'VALIDATION_FAILED',
      'LINK_NOT_FOUND',
      'LINK_NOT_OPEN',
      'METHOD_NOT_OFFERED',
      'CUSTOMER_DETAILS_REQUIRED',
      'CUSTOMER_BOUND',
      'NO_METHOD_FOR_AMOUNT',
      'TOO_MANY_REQUESTS',
    ],
  },
  {
    ...common,
    method: 'post',
    path: '/b2b/{public_id}/payments/{reff_no}/cancel',
    summary: 'Cancel a pending payment to choose another method',
    replies: {
      303: { description: 'Back to the link page.', headers: { Location: 'The link page.' } },
    },
    failures: ['FORBIDDEN_ORIGIN', 'PAYMENT_NOT_FOUND', 'TOO_MANY_REQUESTS'],
  },
  {
    ...common,
    method: 'get',
    path: '/b2b/{public_id}/status',
    summary: 'The link’s status, and a payment’s',
    description: 'What the page polls; `payment` is the reff_no of the payment it shows.',
    query: StatusQuerySchema,
    replies: { 200: { description: 'The statuses now.', json: CheckoutStatusSchema } },
    failures: ['LINK_NOT_FOUND'],
  },
  {
    ...common,
    method: 'get',
    path: '/b2b/{public_id}/events',
    summary: 'Live status as server-sent events',
    description:
      'An `event: status` whose `data` is the JSON of `/status`, at once and on every change; ' +
      'its `id` names that status (send it back as `Last-Event-ID`). A comment line at least ' +
      'every 20 s; the stream ends when the link takes no more payments, and a reconnect that ' +
      'already knows the final status gets 204.',
    query: StatusQuerySchema,
    replies: {
      200: { description: 'The event stream.', media: 'text/event-stream' },
      204: { description: 'Nothing more will change: stop listening.' },
    },
    failures: ['LINK_NOT_FOUND'],
  },
  {
    ...common,
    method: 'get',
    path: '/b2b/{public_id}/payments/{reff_no}/qr.png',
    summary: 'Download the QRIS code as a PNG',
    replies: { 200: { description: 'The QR image, as an attachment.', media: 'image/png' } },
    failures: ['PAYMENT_NOT_FOUND'],
  },
];
