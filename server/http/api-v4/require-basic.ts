import { createMiddleware } from 'hono/factory';
import type { Account } from '../../domain/account/account.ts';
import { failure } from '../../domain/shared/result.ts';
import type { Deps } from '../../deps.ts';
import { constantTimeEqual } from '../../security/digest.ts';
import { isStorableText } from '../api-v1/field-schemas.ts';
import { sendJsonApiFailure } from './json-api-errors.ts';

export type V4Env = { Variables: { account: Account } };

const WRONG_CREDENTIALS = failure(
  'INVALID_CREDENTIALS',
  'Send your client_id and client_secret as "Authorization: Basic base64(client_id:client_secret)".',
);

/** The longest client_id looked up: longer is no credential of ours, so no query is made. */
const MAX_CLIENT_ID_LENGTH = 200;

/**
 * RFC 7617 credentials: the scheme is case-insensitive, the user-id ends at the first colon.
 * A client_id the database could not hold as text (NUL) is no credential either.
 */
export function parseBasic(
  header: string | undefined,
): { clientId: string; clientSecret: string } | null {
  const match = /^Basic +([A-Za-z0-9+/_-]+={0,2}) *$/i.exec(header ?? '');
  if (!match?.[1]) return null;
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon <= 0 || colon > MAX_CLIENT_ID_LENGTH) return null;
  const clientId = decoded.slice(0, colon);
  return isStorableText(clientId) ? { clientId, clientSecret: decoded.slice(colon + 1) } : null;
}

/**
 * SPEC §4: HTTP Basic `client_id:client_secret`, the secret compared in constant time.
 * Missing or wrong: 401 with a Basic challenge; a suspended account: 403.
 */
export function requireBasic(deps: Deps) {
  return createMiddleware<V4Env>(async (c, next) => {
    const basic = parseBasic(c.req.header('authorization'));
    if (!basic) return sendJsonApiFailure(c, WRONG_CREDENTIALS);
    const stored = await deps.accounts.findCredentialsByClientId(basic.clientId);
    const isValid =
      stored !== null &&
      constantTimeEqual(basic.clientSecret, deps.secretBox.open(stored.clientSecretSealed));
    if (!stored || !isValid) {
      deps.log.info('v4 request refused: invalid credentials');
      return sendJsonApiFailure(c, WRONG_CREDENTIALS);
    }
    if (stored.status !== 'active') {
      return sendJsonApiFailure(c, failure('ACCOUNT_SUSPENDED', 'This account is suspended.'));
    }
    const {
      apiKeyHash: _h,
      apiKeySealed: _k,
      clientSecretSealed: _c,
      webhookSecretSealed: _w,
      ...account
    } = stored;
    c.set('account', account);
    return next();
  });
}
