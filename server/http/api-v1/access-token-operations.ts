import { dataEnvelope } from '../envelope-schemas.ts';
import { BODY_FAILURES, type Operation } from '../openapi/operation.ts';
import { AccessTokenSchema, GrantSchema } from './access-token-routes.ts';

const common = {
  tag: 'v1.0 access tokens',
  method: 'post',
  errorStyle: 'envelope',
  body: {
    media: {
      'application/json': GrantSchema,
      'application/x-www-form-urlencoded': GrantSchema,
    },
    example: { grant_type: 'client_credentials' },
  },
  replies: { 200: { description: 'A bearer token.', json: dataEnvelope(AccessTokenSchema) } },
} as const;

const GRANT_FAILURES = [
  'INVALID_CREDENTIALS',
  'ACCOUNT_SUSPENDED',
  'TOO_MANY_REQUESTS',
  ...BODY_FAILURES,
] as const;

/** SPEC §3.1, as access-token-routes.ts answers them. */
export const accessTokenOperations: readonly Operation[] = [
  {
    ...common,
    path: '/api/v1.0/access-token/b2b',
    summary: 'Get an access token (v1.0)',
    description: 'HTTP Basic `client_id:client_secret`, and the api_key as `X-PARTNER-ID`.',
    security: [['clientCredentials', 'partnerId']],
    failures: GRANT_FAILURES,
  },
  {
    ...common,
    path: '/api/v1.1/access-token/b2b',
    summary: 'Get an access token (v1.1, signed)',
    description: '`X-CLIENT-ID`, `X-PARTNER-ID` and `X-Signature` instead of Basic.',
    security: [['clientId', 'signature', 'partnerId']],
    failures: [...GRANT_FAILURES, 'INVALID_SIGNATURE'],
  },
];
