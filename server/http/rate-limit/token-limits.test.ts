import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { readAnswer, requestFrom } from '../../../tests/support/from-address.ts';
import { createMerchant, type Merchant } from '../../../tests/support/merchant.ts';
import { createTestPaylink, type TestPaylink } from '../../../tests/support/test-paylink.ts';

// SPEC §9: token endpoints take 10 requests a minute per X-PARTNER-ID and 30 per client
// address (the defaults: RATE_LIMITS unset), counted whatever the answer.
let t: TestPaylink;
let merchant: Merchant;
let other: Merchant;

beforeAll(async () => {
  t = await createTestPaylink({ env: { RATE_LIMITS: '' } });
  merchant = await createMerchant(t);
  other = await createMerchant(t);
});
afterAll(() => t.close());
// Each test starts in windows of its own (setting up counted a token request per merchant).
beforeEach(() => t.clock.advance(60_000));

const V10 = '/api/v1.0/access-token/b2b';
const V11 = '/api/v1.1/access-token/b2b';

function grantFor(m: Merchant, headers: Record<string, string> = {}): RequestInit {
  const basic = Buffer.from(`${m.clientId}:${m.clientSecret}`).toString('base64');
  return {
    method: 'POST',
    headers: {
      authorization: `Basic ${basic}`,
      'x-partner-id': m.apiKey,
      'content-type': 'application/json',
      ...headers,
    },
    body: JSON.stringify({ grant_type: 'client_credentials' }),
  };
}

/** A grant with credentials of no account, under a partner id of its own. */
function wrongGrant(n: number): RequestInit {
  return grantFor({ ...merchant, clientSecret: 'wrong', apiKey: `guess-${n}-${Math.random()}` });
}

async function grant(address: string, init: RequestInit, path = V10) {
  return readAnswer(await requestFrom(t, address, path, init));
}

function expectTooMany(answer: Awaited<ReturnType<typeof grant>>) {
  expect(answer.status).toBe(429);
  expect(answer.retryAfter).toMatch(/^[1-9]\d*$/);
  expect(answer.body).toEqual({
    status: 429,
    success: false,
    error: {
      code: 429,
      message: expect.stringMatching(/try again in/),
      reason: 'TOO_MANY_REQUESTS',
    },
  });
}

describe('token requests per X-PARTNER-ID', () => {
  it('the 11th in a minute is 429 with no token, even from other addresses', async () => {
    for (let i = 1; i <= 10; i++) {
      expect((await grant(`198.51.100.${i}`, grantFor(merchant))).status).toBe(200);
    }
    const refused = await grant('198.51.100.11', grantFor(merchant));
    expectTooMany(refused);
    expect(refused.retryAfter).toBe('60');
    expect(JSON.stringify(refused.body)).not.toContain('access_token');
  });

  it('counts v1.0 and v1.1 together, and another partner id not at all', async () => {
    for (let i = 1; i <= 10; i++) {
      expect((await grant(`198.51.100.${i}`, grantFor(merchant))).status).toBe(200);
    }
    // Refused before the signature is even looked at.
    const v11 = { method: 'POST', headers: { 'x-partner-id': merchant.apiKey } };
    expectTooMany(await grant('198.51.100.20', v11, V11));
    expect((await grant('198.51.100.20', grantFor(other))).status).toBe(200);
  });

  it('lets requests through again once the minute has passed', async () => {
    for (let i = 1; i <= 10; i++) await grant(`198.51.100.${i}`, grantFor(merchant));
    t.clock.advance(45_000);
    const waiting = await grant('198.51.100.30', grantFor(merchant));
    expect(waiting.status).toBe(429);
    expect(waiting.retryAfter).toBe('15');
    t.clock.advance(15_000);
    expect((await grant('198.51.100.30', grantFor(merchant))).status).toBe(200);
  });
});

describe('token requests per client address', () => {
  it('the 31st in a minute is 429, and refuses right credentials too', async () => {
    for (let i = 1; i <= 30; i++) {
      expect((await grant('203.0.113.5', wrongGrant(i))).status).toBe(401);
    }
    const refused = await grant('203.0.113.5', grantFor(merchant));
    expectTooMany(refused);
    expect(JSON.stringify(refused.body)).not.toContain('access_token');
    // Another address is not affected, nor is the partner id the refusal did not count.
    expect((await grant('203.0.113.6', grantFor(merchant))).status).toBe(200);
  });

  it('ignores X-Forwarded-For by default: one socket is one client', async () => {
    for (let i = 1; i <= 30; i++) {
      const init = wrongGrant(i);
      (init.headers as Record<string, string>)['x-forwarded-for'] = `192.0.2.${i}`;
      expect((await grant('203.0.113.7', init)).status).toBe(401);
    }
    expectTooMany(await grant('203.0.113.7', grantFor(merchant)));
  });
});

describe('TRUST_PROXY', () => {
  let proxied: TestPaylink;
  let m: Merchant;
  beforeAll(async () => {
    proxied = await createTestPaylink({ env: { RATE_LIMITS: '', TRUST_PROXY: '1' } });
    m = await createMerchant(proxied);
  });
  afterAll(() => proxied.close());

  const viaProxy = async (forwardedFor: string, n: number) => {
    const init = grantFor({ ...m, clientSecret: 'wrong', apiKey: `guess-${n}` });
    (init.headers as Record<string, string>)['x-forwarded-for'] = forwardedFor;
    return readAnswer(await requestFrom(proxied, '10.0.0.2', V10, init));
  };

  it('names the client by the proxy-appended address: its 31st is 429, others pass', async () => {
    for (let i = 1; i <= 30; i++) {
      // The client's own claim (left) is not believed; the proxy's entry (right) is.
      expect((await viaProxy(`1.1.1.${i}, 192.0.2.50`, i)).status).toBe(401);
    }
    expect((await viaProxy('192.0.2.50', 31)).status).toBe(429);
    expect((await viaProxy('192.0.2.51', 32)).status).toBe(401);
  });
});

describe('RATE_LIMITS=off', () => {
  it('answers every token request', async () => {
    const open = await createTestPaylink({ env: { RATE_LIMITS: 'off' } });
    try {
      const m = await createMerchant(open);
      for (let i = 1; i <= 40; i++) {
        const answer = await readAnswer(await requestFrom(open, '203.0.113.9', V10, grantFor(m)));
        expect(answer.status).toBe(200);
      }
    } finally {
      await open.close();
    }
  });
});
