import { createMiddleware } from 'hono/factory';
import type { Account, StoredCredentials } from '../../domain/account/account.ts';
import { failure } from '../../domain/shared/result.ts';
import type { Deps } from '../../deps.ts';
import { isSha256Of } from '../../security/digest.ts';
import { sendFailure } from '../respond.ts';

export type MerchantEnv = { Variables: { account: Account } };

/**
 * SPEC §3.1: a valid, unexpired bearer token (else 401 with WWW-Authenticate), and an
 * X-PARTNER-ID that is the token account's api_key (else 403).
 */
export function requireBearer(deps: Deps) {
  return createMiddleware<MerchantEnv>(async (c, next) => {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(c.req.header('authorization') ?? '');
    if (!match?.[1]) {
      return sendFailure(
        c,
        failure('UNAUTHENTICATED', 'Send an access token as "Authorization: Bearer <token>".'),
      );
    }
    const claims = deps.tokens.verify(match[1], deps.clock());
    if (!claims)
      return sendFailure(c, failure('INVALID_TOKEN', 'The access token is invalid or expired.'));
    const account = await deps.accounts.findCredentialsById(claims.accountId);
    if (!account)
      return sendFailure(c, failure('INVALID_TOKEN', 'The access token is invalid or expired.'));
    const partnerId = c.req.header('x-partner-id');
    if (!partnerId) {
      return sendFailure(c, failure('UNAUTHENTICATED', 'The X-PARTNER-ID header is required.'));
    }
    if (!isSha256Of(partnerId, account.apiKeyHash)) {
      return sendFailure(
        c,
        failure('PARTNER_MISMATCH', 'X-PARTNER-ID does not belong to this access token.'),
      );
    }
    if (account.status !== 'active') {
      return sendFailure(c, failure('ACCOUNT_SUSPENDED', 'This account is suspended.'));
    }
    c.set('account', withoutSecrets(account));
    return next();
  });
}

/**
 * The account the handlers see, made once per row the account cache holds (a row is replaced,
 * not changed, when the account changes): copying it on every request was a measurable share
 * of a small API call. Frozen, since requests share it.
 */
const accountsWithoutSecrets = new WeakMap<Account & StoredCredentials, Account>();

function withoutSecrets(account: Account & StoredCredentials): Account {
  const known = accountsWithoutSecrets.get(account);
  if (known) return known;
  const {
    apiKeyHash: _h,
    apiKeySealed: _k,
    clientSecretSealed: _c,
    webhookSecretSealed: _w,
    ...plain
  } = account;
  const frozen = Object.freeze(plain);
  accountsWithoutSecrets.set(account, frozen);
  return frozen;
}

/** SPEC §3.1: an `{account_id}` in the path that is not the token's account is a 403. */
export const requireOwnAccount = createMiddleware<MerchantEnv>(async (c, next) => {
  if (c.req.param('account_id') !== c.get('account').id) {
    return sendFailure(
      c,
      failure('ACCOUNT_MISMATCH', 'You are not allowed to access this account.'),
    );
  }
  return next();
});
