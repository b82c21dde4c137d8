import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { createLru } from '../cache/lru.ts';
import { deriveKey } from './secret-box.ts';

/** SPEC §3.1: bearer tokens live 900 seconds. */
export const ACCESS_TOKEN_TTL_SECONDS = 900;

export type AccessTokenClaims = { accountId: string; expiresAt: Date };

export type AccessTokens = {
  issue: (accountId: string, now: Date) => string;
  /** The claims of a well-signed, unexpired token; null for anything else. */
  verify: (token: string, now: Date) => AccessTokenClaims | null;
};

/** Tokens whose signature was checked, kept so a busy client costs one HMAC per token. */
const MAX_REMEMBERED_TOKENS = 10_000;

const HEADER = Buffer.from(JSON.stringify({ alg: 'HS256', typ: 'JWT' })).toString('base64url');

/**
 * Stateless HS256 JWTs (RFC 7519), like the gateway whose API we serve: any process sharing
 * SECRET_KEY verifies them without a database round trip.
 */
export function createAccessTokens(secretKey: Buffer): AccessTokens {
  const key = deriveKey(secretKey, 'access-token');
  const sign = (input: string) => createHmac('sha256', key).update(input).digest();
  // Only a token that passed the full check is remembered, by its exact text; its expiry is
  // still checked on every use.
  const verified = createLru<string, AccessTokenClaims>({ maxEntries: MAX_REMEMBERED_TOKENS });
  const checkSignature = (token: string): AccessTokenClaims | null => {
    const known = verified.get(token);
    if (known) return known;
    const claims = readSignedClaims(token);
    if (claims) verified.set(token, claims);
    return claims;
  };
  const readSignedClaims = (token: string): AccessTokenClaims | null => {
    const [header, payload, signature] = token.split('.');
    if (header !== HEADER || !payload || !signature || token.split('.').length !== 3) return null;
    // Compare the text, not decoded bytes: Node's base64 decoder ignores stray characters
    // and unused low bits, so several strings would otherwise pass for one signature.
    const expected = Buffer.from(sign(`${header}.${payload}`).toString('base64url'));
    const given = Buffer.from(signature);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
    let claims: unknown;
    try {
      claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    } catch {
      return null;
    }
    if (typeof claims !== 'object' || claims === null) return null;
    const { sub, exp } = claims as { sub?: unknown; exp?: unknown };
    if (typeof sub !== 'string' || typeof exp !== 'number') return null;
    return { accountId: sub, expiresAt: new Date(exp * 1000) };
  };
  return {
    issue(accountId, now) {
      const iat = Math.floor(now.getTime() / 1000);
      const claims = {
        sub: accountId,
        iat,
        nbf: iat,
        // Rounded up: the token lives at least the `expires_in` the client was told.
        exp: Math.ceil(now.getTime() / 1000) + ACCESS_TOKEN_TTL_SECONDS,
        jti: randomBytes(12).toString('base64url'),
      };
      const input = `${HEADER}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}`;
      return `${input}.${sign(input).toString('base64url')}`;
    },
    verify(token, now) {
      const claims = checkSignature(token);
      return claims && claims.expiresAt.getTime() > now.getTime() ? claims : null;
    },
  };
}
