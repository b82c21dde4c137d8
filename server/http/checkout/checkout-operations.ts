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

const PENDING_COOKIE_NOTE =
  '`pl_pending` (HttpOnly, SameSite=Lax, Path=/b2b/{public_id}): this browser’s pending ' +
  'payment, shown first when the link page is opened again.';

/** SPEC §7, as checkout-routes.ts answers them. */
export const checkoutOperations: readonly Operation[] = [
  {
    ...common,
    method: 'get',
    path: '/b2b/{public_id}',
    summary: 'The link page',
    description:
      'The hosted page (HTML) in every state; an unknown link gets a not-found page (404). ' +
      'A browser whose `pl_pending` cookie names a payment of this link that is still pending ' +
      'is sent on to that payment’s page instead (SPEC §7 “Reopening the link”).',
    replies: {
      200: { description: 'The page.', media: 'text/html' },
      303: {
        description: 'This browser’s pending payment.',
        headers: { Location: PAYMENT_PAGE },
      },
    },
    failures: [],
  },
  {
    ...common,
    method: 'post',
    path: '/b2b/{public_id}/payments',
    summary: 'Start a payment with a method',
    description:
      'JSON answers 201 with the VA number or QR text; a form post is sent on to the payment ' +
      'page (303). A refused form post gets the link page with its errors, with its 4xx status ' +
      'and `Refresh: 0; url=/b2b/{public_id}#errors`: the browser goes on to the link page, ' +
      'which shows the same errors (from a `pl_form` cookie) and can be reloaded safely.',
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
        headers: { 'Set-Cookie': PENDING_COOKIE_NOTE },
      },
      303: {
        description: 'Form posts: on to the payment page.',
        headers: { Location: PAYMENT_PAGE, 'Set-Cookie': PENDING_COOKIE_NOTE },
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
      // SPEC §10: a gateway that failed (try again) or refused the method (choose another).
      'GATEWAY_UNAVAILABLE',
      'METHOD_UNAVAILABLE',
      'TOO_MANY_REQUESTS',
    ],
  },
  {
    ...common,
    method: 'post',
    path: '/b2b/{public_id}/payments/{reff_no}/cancel',
    summary: 'Cancel a pending payment to choose another method',
    replies: {
      303: {
        description: 'Back to the link page.',
        headers: { Location: 'The link page.', 'Set-Cookie': '`pl_pending` removed.' },
      },
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
    summary: 'Download the QR code as an image',
    description:
      'The payment’s QR code (QRIS, or an e-wallet’s), drawn as a PNG from its text; when a ' +
      'gateway gave only an image of it, that image (PNG or JPEG), fetched by the server so the ' +
      'browser never calls the gateway. A gateway that fails or is slow answers 503 with ' +
      '`Retry-After`.',
    replies: {
      200: { description: 'The QR image, as an attachment.', media: ['image/png', 'image/jpeg'] },
    },
    failures: ['PAYMENT_NOT_FOUND', 'GATEWAY_UNAVAILABLE'],
  },
];
