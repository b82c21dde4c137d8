import { dataEnvelope, listEnvelope } from '../envelope-schemas.ts';
import { BEARER, BEARER_FAILURES, type Operation } from '../openapi/operation.ts';
import { HistoryQuerySchema } from './history-query.ts';
import { DeliveryQuerySchema } from './history-routes.ts';
import { DeliveryObjectSchema } from './present-delivery.ts';
import { PaymentObjectSchema } from './present-payment.ts';

const common = {
  tag: 'v1.0 payments and callbacks',
  method: 'get',
  security: BEARER,
  errorStyle: 'envelope',
} as const;

/** SPEC §3.4, as history-routes.ts answers them. */
export const historyOperations: readonly Operation[] = [
  {
    ...common,
    path: '/api/v1.0/payment-link-histories/{account_id}',
    summary: 'List payments',
    description:
      'Every payment of the account, newest first by default. Every filter given applies ' +
      '(AND); a filter of the wrong type, an unknown `status`, `sort_by` or `sort_order`, or a ' +
      'range that ends before it starts is a 422 naming the parameter. Time bounds include ' +
      'the whole span they name (`_to=2025-10-24` keeps all of that day). Unknown parameters ' +
      'are ignored; an empty one is no filter; one given twice is a 422.',
    query: HistoryQuerySchema,
    replies: {
      200: { description: 'A page of payments.', json: listEnvelope(PaymentObjectSchema) },
    },
    failures: [...BEARER_FAILURES, 'VALIDATION_FAILED'],
  },
  {
    ...common,
    path: '/api/v1.0/payment-link-histories/{account_id}/{history_id}',
    summary: 'Show a payment',
    replies: { 200: { description: 'The payment.', json: dataEnvelope(PaymentObjectSchema) } },
    failures: [...BEARER_FAILURES, 'PAYMENT_NOT_FOUND'],
  },
  {
    ...common,
    path: '/api/v1.0/webhook-deliveries/{account_id}',
    summary: 'List callbacks and mails with their attempts',
    description:
      'Each callback (and mail) with its attempts so far, the last answer and the next try.',
    query: DeliveryQuerySchema,
    replies: {
      200: { description: 'A page of deliveries.', json: listEnvelope(DeliveryObjectSchema) },
    },
    failures: [...BEARER_FAILURES, 'VALIDATION_FAILED'],
  },
];
