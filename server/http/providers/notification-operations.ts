import * as v from 'valibot';
import type { Operation } from '../openapi/operation.ts';
import { NotificationAnswerSchema } from './notification-routes.ts';

/** The documented part of a Midtrans notification; the gateway may add fields. */
const MidtransNotificationSchema = v.pipe(
  v.looseObject({
    order_id: v.string(),
    status_code: v.string(),
    gross_amount: v.string(),
    signature_key: v.pipe(
      v.string(),
      v.description('SHA-512 hex of order_id + status_code + gross_amount + server key.'),
    ),
    transaction_status: v.optional(v.string()),
    transaction_id: v.optional(v.string()),
  }),
  v.title('MidtransNotification'),
);

/** SPEC §10, as notification-routes.ts answers it. */
export const providerOperations: readonly Operation[] = [
  {
    method: 'post',
    path: '/providers/{provider}/notifications',
    tag: 'Gateways',
    summary: 'A payment gateway’s notification',
    description:
      'Where the gateway (`PAYMENT_PROVIDER=midtrans`) sends its HTTP notifications. The ' +
      'signature is verified, then the order’s state is read back from the gateway’s status ' +
      'API, and only that state is applied. Answers 200 once handled (also for duplicates and ' +
      'orders that are not Paylink’s), 401 for a signature that does not verify, 503 when the ' +
      'gateway could not confirm it (it sends it again).',
    body: {
      media: { 'application/json': MidtransNotificationSchema },
    },
    replies: { 200: { description: 'Handled.', json: NotificationAnswerSchema } },
    failures: [
      'NOT_FOUND',
      'TOO_MANY_REQUESTS',
      'UNSUPPORTED_MEDIA_TYPE',
      'MALFORMED_BODY',
      'PAYLOAD_TOO_LARGE',
      'VALIDATION_FAILED',
      'INVALID_SIGNATURE',
      'GATEWAY_UNAVAILABLE',
    ],
    errorStyle: 'envelope',
  },
];
