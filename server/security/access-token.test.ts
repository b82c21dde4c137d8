import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ACCESS_TOKEN_TTL_SECONDS, createAccessTokens } from './access-token.ts';
import { deriveKey } from './secret-box.ts';

const KEY = Buffer.alloc(32, 1);
const ACCOUNT = '01K7P073Q8RE2A9PQT8Q7MXPN4';
const ISSUED_AT = new Date('2026-01-15T03:00:00.000Z');

const tokens = createAccessTokens(KEY);
const later = (seconds: number) => new Date(ISSUED_AT.getTime() + seconds * 1000);

const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const decode = (part: string | undefined) =>
  JSON.parse(Buffer.from(part ?? '', 'base64url').toString('utf8'));

/** Signs header.payload as the server would: only a holder of KEY can do this. */
function signWithServerKey(header: unknown, payload: unknown): string {
  const input = `${encode(header)}.${encode(payload)}`;
  const signature = createHmac('sha256', deriveKey(KEY, 'access-token'))
    .update(input)
    .digest('base64url');
  return `${input}.${signature}`;
}

describe('AccessTokens.issue', () => {
  it('issues an HS256 JWT whose claims name the account and live 900 seconds', () => {
    const token = tokens.issue(ACCOUNT, ISSUED_AT);
    const [header, payload, signature] = token.split('.');
    expect(decode(header)).toEqual({ alg: 'HS256', typ: 'JWT' });
    const claims = decode(payload);
    const iat = ISSUED_AT.getTime() / 1000;
    expect(claims).toMatchObject({ sub: ACCOUNT, iat, nbf: iat, exp: iat + 900 });
    expect(claims.jti).toEqual(expect.any(String));
    expect(signature).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(ACCESS_TOKEN_TTL_SECONDS).toBe(900);
  });

  it('issues a different token every time', () => {
    expect(tokens.issue(ACCOUNT, ISSUED_AT)).not.toBe(tokens.issue(ACCOUNT, ISSUED_AT));
  });
});

describe('AccessTokens.verify', () => {
  it('answers the account and the expiry of a fresh token', () => {
    const token = tokens.issue(ACCOUNT, ISSUED_AT);
    expect(tokens.verify(token, ISSUED_AT)).toEqual({ accountId: ACCOUNT, expiresAt: later(900) });
  });

  it('accepts a token from another instance built on the same key (another process)', () => {
    const token = tokens.issue(ACCOUNT, ISSUED_AT);
    expect(createAccessTokens(Buffer.from(KEY)).verify(token, ISSUED_AT)?.accountId).toBe(ACCOUNT);
  });

  it('accepts the token until just before 900 s and refuses it exactly at 900 s', () => {
    const token = tokens.issue(ACCOUNT, ISSUED_AT);
    expect(tokens.verify(token, later(899))).not.toBeNull();
    expect(tokens.verify(token, later(899.999))).not.toBeNull();
    expect(tokens.verify(token, later(900))).toBeNull();
    expect(tokens.verify(token, later(3600))).toBeNull();
  });

  it('lives at least 900 s when issued in the middle of a second', () => {
    const issuedAt = new Date(ISSUED_AT.getTime() + 999);
    const token = tokens.issue(ACCOUNT, issuedAt);
    expect(tokens.verify(token, new Date(issuedAt.getTime() + 899_999))).not.toBeNull();
    expect(tokens.verify(token, new Date(issuedAt.getTime() + 901_000))).toBeNull();
  });

  it('refuses a token signed under another key', () => {
    const token = createAccessTokens(Buffer.alloc(32, 2)).issue(ACCOUNT, ISSUED_AT);
    expect(tokens.verify(token, ISSUED_AT)).toBeNull();
  });

  it('remembers a verified token by its exact text only: a tampered copy is still refused', () => {
    const token = tokens.issue(ACCOUNT, ISSUED_AT);
    expect(tokens.verify(token, ISSUED_AT)?.accountId).toBe(ACCOUNT);
    const [header, payload, signature] = token.split('.');
    const forged = encode({ ...decode(payload), sub: '01K7P073Q8RE2A9PQT8Q7MXPN5' });
    expect(tokens.verify(`${header}.${forged}.${signature}`, ISSUED_AT)).toBeNull();
    expect(tokens.verify(`${token}x`, ISSUED_AT)).toBeNull();
    expect(tokens.verify(token, later(900))).toBeNull();
  });

  it('refuses a tampered payload (another account, a later expiry)', () => {
    const [header, payload, signature] = tokens.issue(ACCOUNT, ISSUED_AT).split('.');
    const claims = decode(payload);
    for (const forged of [
      { ...claims, sub: '01K7P073Q8RE2A9PQT8Q7MXPN5' },
      { ...claims, exp: claims.exp + 86_400 },
    ]) {
      expect(tokens.verify(`${header}.${encode(forged)}.${signature}`, ISSUED_AT)).toBeNull();
    }
  });

  it('refuses a tampered signature, including other encodings of the same bytes', () => {
    const token = tokens.issue(ACCOUNT, ISSUED_AT);
    const [header, payload, signature = ''] = token.split('.');
    const input = `${header}.${payload}`;
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    for (const char of alphabet) {
      if (char === signature.at(-1)) continue;
      expect(tokens.verify(`${input}.${signature.slice(0, -1)}${char}`, ISSUED_AT)).toBeNull();
    }
    const flipped = `${signature[0] === 'A' ? 'B' : 'A'}${signature.slice(1)}`;
    expect(tokens.verify(`${input}.${flipped}`, ISSUED_AT)).toBeNull();
    for (const suffix of ['=', '!', 'A', '.']) {
      expect(tokens.verify(`${token}${suffix}`, ISSUED_AT)).toBeNull();
    }
    const padded = Buffer.from(signature, 'base64url').toString('base64');
    expect(tokens.verify(`${input}.${padded}`, ISSUED_AT)).toBeNull();
  });

  it('refuses a tampered header, even when correctly signed', () => {
    const [, payload, signature] = tokens.issue(ACCOUNT, ISSUED_AT).split('.');
    const claims = decode(payload);
    expect(
      tokens.verify(`${encode({ alg: 'HS512', typ: 'JWT' })}.${payload}.${signature}`, ISSUED_AT),
    ).toBeNull();
    expect(
      tokens.verify(signWithServerKey({ alg: 'HS256', typ: 'JWT', kid: 'x' }, claims), ISSUED_AT),
    ).toBeNull();
  });

  it('refuses alg "none"', () => {
    const claims = decode(tokens.issue(ACCOUNT, ISSUED_AT).split('.')[1]);
    for (const alg of ['none', 'None', 'NONE']) {
      const unsigned = `${encode({ alg, typ: 'JWT' })}.${encode(claims)}`;
      expect(tokens.verify(`${unsigned}.`, ISSUED_AT)).toBeNull();
      expect(tokens.verify(unsigned, ISSUED_AT)).toBeNull();
    }
  });

  it('refuses well-signed tokens whose claims are unusable', () => {
    const header = { alg: 'HS256', typ: 'JWT' };
    const exp = later(900).getTime() / 1000;
    expect(
      tokens.verify(signWithServerKey(header, { sub: ACCOUNT, exp }), ISSUED_AT),
    ).not.toBeNull();
    expect(tokens.verify(signWithServerKey(header, { sub: ACCOUNT }), ISSUED_AT)).toBeNull();
    expect(
      tokens.verify(signWithServerKey(header, { sub: ACCOUNT, exp: String(exp) }), ISSUED_AT),
    ).toBeNull();
    expect(tokens.verify(signWithServerKey(header, { sub: 42, exp }), ISSUED_AT)).toBeNull();
    expect(tokens.verify(signWithServerKey(header, null), ISSUED_AT)).toBeNull();
  });

  it.each(['', 'garbage', 'a.b', 'a.b.c', 'a.b.c.d', '...', 'Bearer x.y.z'])(
    'refuses %j',
    (token) => {
      expect(tokens.verify(token, ISSUED_AT)).toBeNull();
    },
  );
});
