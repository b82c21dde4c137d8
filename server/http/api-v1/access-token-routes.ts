import { type Context, Hono } from 'hono';
import * as v from 'valibot';
import type { Account, StoredCredentials } from '../../domain/account/account.ts';
import { toWibDate } from '../../domain/shared/jakarta-time.ts';
import { type Failure, failure } from '../../domain/shared/result.ts';
import type { Deps } from '../../deps.ts';
import { ACCESS_TOKEN_TTL_SECONDS } from '../../security/access-token.ts';
import { constantTimeEqual, hmacSha512Hex, isSha256Of } from '../../security/digest.ts';
import { documented } from '../openapi/documented.ts';
import { readJsonOrForm, validate } from '../read-body.ts';
import { sendData, sendFailure } from '../respond.ts';

/** `grant_type` or `grantType` (the gateway's own pages disagree), must be client_credentials. */
export const GrantSchema = v.pipe(
  documented(
    v.looseObject({ grant_type: v.optional(v.unknown()), grantType: v.optional(v.unknown()) }),
    {
      type: 'object',
      properties: {
        grant_type: { const: 'client_credentials', description: '`grantType` is read too.' },
      },
      required: ['grant_type'],
    },
  ),
  v.transform((body) => ({ grant_type: body.grant_type ?? body.grantType })),
  v.object({
    grant_type: v.literal('client_credentials', 'Must be "client_credentials".'),
  }),
);

/** SPEC §3.1: the token, with `expires_in` as a string of seconds. */
export const AccessTokenSchema = v.pipe(
  v.strictObject({
    access_token: v.string(),
    token_type: v.literal('Bearer'),
    expires_in: v.pipe(v.string(), v.regex(/^\d+$/)),
  }),
  v.title('AccessToken'),
);

type AccessToken = v.InferOutput<typeof AccessTokenSchema>;

const WRONG_CREDENTIALS = failure('INVALID_CREDENTIALS', 'Invalid credentials.');

type AccountWithSecrets = Account & StoredCredentials;

/** SPEC §3.1: v1.0 (Basic + X-PARTNER-ID) and v1.1 (X-CLIENT-ID + X-Signature) token grants. */
export function accessTokenRoutes(deps: Deps) {
  const routes = new Hono();

  const grant = async (account: AccountWithSecrets | Failure, body: unknown) => {
    if ('ok' in account) return account;
    if (account.status !== 'active') {
      return failure('ACCOUNT_SUSPENDED', 'This account is suspended.');
    }
    const checked = validate(GrantSchema, body);
    if (!checked.ok) return checked;
    const token: AccessToken = {
      access_token: deps.tokens.issue(account.id, deps.clock()),
      token_type: 'Bearer',
      expires_in: String(ACCESS_TOKEN_TTL_SECONDS),
    };
    return token;
  };

  const answer = async (c: Context, authenticate: () => Promise<AccountWithSecrets | Failure>) => {
    const body = await readJsonOrForm(c);
    const account = await authenticate();
    if ('ok' in account) {
      deps.log.info('access token refused', { code: account.code });
      return sendFailure(c, account);
    }
    if (!body.ok) return sendFailure(c, body);
    const result = await grant(account, body.value);
    return 'ok' in result ? sendFailure(c, result) : sendData(c, result);
  };

  routes.post('/v1.0/access-token/b2b', (c) =>
    answer(c, async () => {
      const basic = parseBasic(c.req.header('authorization'));
      const partnerId = c.req.header('x-partner-id');
      if (!basic || !partnerId) return WRONG_CREDENTIALS;
      const account = await deps.accounts.findCredentialsByClientId(basic.clientId);
      if (!account) return WRONG_CREDENTIALS;
      const secretMatches = constantTimeEqual(
        basic.clientSecret,
        deps.secretBox.open(account.clientSecretSealed),
      );
      const partnerMatches = isSha256Of(partnerId, account.apiKeyHash);
      return secretMatches && partnerMatches ? account : WRONG_CREDENTIALS;
    }),
  );

  routes.post('/v1.1/access-token/b2b', (c) =>
    answer(c, async () => {
      const clientId = c.req.header('x-client-id');
      const partnerId = c.req.header('x-partner-id');
      const signature = c.req.header('x-signature')?.trim().toLowerCase();
      if (!clientId || !partnerId || !signature) return WRONG_CREDENTIALS;
      const account = await deps.accounts.findCredentialsByClientId(clientId);
      if (!account) return WRONG_CREDENTIALS;
      if (!isSha256Of(partnerId, account.apiKeyHash)) return WRONG_CREDENTIALS;
      const secret = deps.secretBox.open(account.clientSecretSealed);
      const valid = acceptedSignatureDates(deps.clock()).some((day) =>
        constantTimeEqual(signature, hmacSha512Hex(secret, `${clientId}_${secret}_${day}`)),
      );
      return valid ? account : failure('INVALID_SIGNATURE', 'Invalid signature.');
    }),
  );

  return routes;
}

/**
 * The signed date is today's in Asia/Jakarta (SPEC §3.1). Clients known to sign with the UTC
 * date are accepted too: it differs from WIB's only between 00:00 and 07:00 WIB.
 */
function acceptedSignatureDates(now: Date): string[] {
  const wib = toWibDate(now);
  const utc = now.toISOString().slice(0, 10).replaceAll('-', '');
  return wib === utc ? [wib] : [wib, utc];
}

function parseBasic(header: string | undefined): { clientId: string; clientSecret: string } | null {
  const match = /^Basic\s+([A-Za-z0-9+/=_-]+)\s*$/i.exec(header ?? '');
  if (!match?.[1]) return null;
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  // Control characters (NUL above all) are never in our credentials, and the database refuses NUL.
  if ([...decoded].some((char) => char < ' ' || char === '\u007f')) return null;
  const colon = decoded.indexOf(':');
  if (colon <= 0) return null;
  return { clientId: decoded.slice(0, colon), clientSecret: decoded.slice(colon + 1) };
}
