import { dataEnvelope } from '../envelope-schemas.ts';
import type { Operation } from '../openapi/operation.ts';
import { NewAccountAnswerSchema, NewAccountSchema } from './account-routes.ts';

/** SPEC §9, as account-routes.ts answers it. */
export const adminOperations: readonly Operation[] = [
  {
    tag: 'Admin',
    method: 'post',
    path: '/api/admin/accounts',
    summary: 'Create a merchant account',
    description:
      'Answers the account with its api_key, client_id, client_secret and webhook_secret: ' +
      'shown this once. Without ADMIN_TOKEN on the server the path does not exist (404).',
    security: [['adminToken']],
    body: {
      media: { 'application/json': NewAccountSchema },
      example: { name: 'Toko Kopi Senja', callback_url: 'https://merchant.example/callbacks' },
    },
    replies: {
      201: {
        description: 'The account and its secrets.',
        json: dataEnvelope(NewAccountAnswerSchema, 201),
      },
    },
    failures: [
      'ADMIN_DISABLED',
      'UNAUTHENTICATED',
      'TOO_MANY_REQUESTS',
      'MALFORMED_BODY',
      'UNSUPPORTED_MEDIA_TYPE',
      'PAYLOAD_TOO_LARGE',
      'VALIDATION_FAILED',
    ],
    errorStyle: 'envelope',
  },
];
