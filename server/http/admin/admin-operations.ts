import { dataEnvelope } from '../envelope-schemas.ts';
import type { Operation } from '../openapi/operation.ts';
import { LOGO_FIXTURE_PNG } from './admin-examples.ts';
import {
  AccountAnswerSchema,
  AccountPatchSchema,
  NewAccountAnswerSchema,
  NewAccountSchema,
} from './account-schemas.ts';

const ADMIN_FAILURES = [
  'ADMIN_DISABLED',
  'UNAUTHENTICATED',
  'TOO_MANY_REQUESTS',
  'MALFORMED_BODY',
  'UNSUPPORTED_MEDIA_TYPE',
  'PAYLOAD_TOO_LARGE',
  'VALIDATION_FAILED',
] as const;

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
    failures: ADMIN_FAILURES,
    errorStyle: 'envelope',
  },
  {
    tag: 'Admin',
    method: 'patch',
    path: '/api/admin/accounts/{account_id}',
    summary: 'Change a merchant account: details and branding',
    description:
      'Changes the fields given and leaves the others; `null` clears a field. The next page ' +
      'of the account’s links shows the change (pages and cached rows are dropped at once, on ' +
      'every process). Callback URLs are checked as on create. Secrets are never answered.',
    security: [['adminToken']],
    body: {
      media: { 'application/json': AccountPatchSchema },
      example: {
        display_name: 'Kopi Senja',
        logo: LOGO_FIXTURE_PNG,
        brand_color: '#7a3e12',
        support_email: 'bantuan@kopisenja.example',
        support_phone: '0812-3456-7890',
      },
    },
    replies: {
      200: { description: 'The account as it now is.', json: dataEnvelope(AccountAnswerSchema) },
    },
    failures: [...ADMIN_FAILURES, 'ACCOUNT_NOT_FOUND'],
    errorStyle: 'envelope',
  },
];
