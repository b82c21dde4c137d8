import { count } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { readAnswer, requestFrom } from '../../../tests/support/from-address.ts';
import {
  createMerchant,
  linksPath,
  type Merchant,
  merchantHeaders,
} from '../../../tests/support/merchant.ts';
import {
  createTestPaylink,
  TEST_ADMIN_TOKEN,
  type TestPaylink,
} from '../../../tests/support/test-paylink.ts';
import { basicAuth } from '../../../tests/support/v4-api.ts';
import { accounts } from '../../store/schema.ts';

// SPEC §9: admin endpoints take 10 failed attempts a minute per client address; the v1.0
// bearer and v4 Basic doors 30 (decision 013). Only refused credentials count, and past the
// limit even right ones wait: else the answers would tell a guesser which guess was right.
let t: TestPaylink;
let merchant: Merchant;

beforeAll(async () => {
  t = await createTestPaylink({ env: { RATE_LIMITS: '' } });
  merchant = await createMerchant(t);
});
afterAll(() => t.close());
beforeEach(() => t.clock.advance(60_000));

function createAccount(address: string, token: string) {
  return requestFrom(t, address, '/api/admin/accounts', {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'Toko Tebakan' }),
  });
}

async function accountCount(): Promise<number> {
  const [row] = await t.db.select({ n: count() }).from(accounts);
  return row?.n ?? 0;
}

const tooMany = (status: number, extra = {}) => ({
  status,
  success: false,
  error: { code: 429, message: expect.stringMatching(/try again in/), reason: 'TOO_MANY_REQUESTS' },
  ...extra,
});

describe('admin token guesses per client address', () => {
  it('after 10 failures the 11th call is 429, right token or not, and creates nothing', async () => {
    for (let i = 1; i <= 10; i++) {
      expect((await createAccount('203.0.113.20', `wrong-token-${i}`)).status).toBe(401);
    }
    const before = await accountCount();
    const refused = await readAnswer(await createAccount('203.0.113.20', TEST_ADMIN_TOKEN));
    expect(refused).toEqual({ status: 429, retryAfter: '60', body: tooMany(429) });
    expect(await accountCount()).toBe(before);
    // Another address still gets in.
    expect((await createAccount('203.0.113.21', TEST_ADMIN_TOKEN)).status).toBe(201);
  });

  it('does not count successful calls', async () => {
    for (let i = 1; i <= 15; i++) {
      expect((await createAccount('203.0.113.22', TEST_ADMIN_TOKEN)).status).toBe(201);
    }
    for (let i = 1; i <= 10; i++) {
      expect((await createAccount('203.0.113.22', 'wrong-token-0123')).status).toBe(401);
    }
    expect((await createAccount('203.0.113.22', TEST_ADMIN_TOKEN)).status).toBe(429);
  });

  it('opens again when the minute of the first failure has passed', async () => {
    for (let i = 1; i <= 10; i++) await createAccount('203.0.113.23', 'wrong-token-0123');
    t.clock.advance(59_000);
    const waiting = await createAccount('203.0.113.23', TEST_ADMIN_TOKEN);
    expect(waiting.headers.get('retry-after')).toBe('1');
    t.clock.advance(1_000);
    expect((await createAccount('203.0.113.23', TEST_ADMIN_TOKEN)).status).toBe(201);
  });
});

describe('API credential failures per client address (v1.0 bearer, v4 Basic)', () => {
  const listLinks = (address: string, headers: Record<string, string>) =>
    requestFrom(t, address, linksPath(merchant), { headers });
  const v4Show = (address: string, authorization: string) =>
    requestFrom(t, address, `/api/v4/payment_links/paymentlink_${'0'.repeat(32)}`, {
      headers: { authorization },
    });
  const wrongBasic = () => basicAuth(merchant.clientId, 'wrong-secret');

  it('after 30 bad bearer tokens the 31st call is 429 in the v1.0 envelope', async () => {
    // A merchant's own calls do not count.
    for (let i = 1; i <= 40; i++) {
      expect((await listLinks('203.0.113.30', merchantHeaders(merchant))).status).toBe(200);
    }
    const bad = { ...merchantHeaders(merchant), authorization: 'Bearer not-a-token' };
    for (let i = 1; i <= 30; i++) expect((await listLinks('203.0.113.30', bad)).status).toBe(401);
    const refused = await readAnswer(await listLinks('203.0.113.30', merchantHeaders(merchant)));
    expect(refused).toEqual({ status: 429, retryAfter: '60', body: tooMany(429) });
    expect((await listLinks('203.0.113.31', merchantHeaders(merchant))).status).toBe(200);
  });

  it('counts v4 Basic failures too, and refuses in JSON:API', async () => {
    for (let i = 1; i <= 30; i++)
      expect((await v4Show('203.0.113.32', wrongBasic())).status).toBe(401);
    const right = basicAuth(merchant.clientId, merchant.clientSecret);
    const refused = await readAnswer(await v4Show('203.0.113.32', right));
    expect(refused).toEqual({
      status: 429,
      retryAfter: '60',
      body: {
        errors: [
          {
            status: '429',
            code: 'TOO_MANY_REQUESTS',
            title: 'Too Many Requests',
            detail: expect.stringMatching(/try again in/),
          },
        ],
      },
    });
    expect((await v4Show('203.0.113.33', right)).status).toBe(404);
  });

  it('lets no more than 30 of a burst of concurrent guesses be answered', async () => {
    const answers = await Promise.all(
      Array.from({ length: 50 }, () => v4Show('203.0.113.34', wrongBasic())),
    );
    const statuses = answers.map((answer) => answer.status);
    expect(statuses.filter((status) => status === 401)).toHaveLength(30);
    expect(statuses.filter((status) => status === 429)).toHaveLength(20);
  });

  it('does not count the token endpoint, which has limits of its own', async () => {
    // Each with a partner id of its own: only the address's own 30 a minute apply.
    const wrongGrant = (n: number) => ({
      method: 'POST',
      headers: { authorization: wrongBasic(), 'x-partner-id': `guess-${n}` },
    });
    const tokenPath = '/api/v1.0/access-token/b2b';
    for (let i = 1; i <= 30; i++) {
      expect((await requestFrom(t, '203.0.113.35', tokenPath, wrongGrant(i))).status).toBe(401);
    }
    expect((await listLinks('203.0.113.35', merchantHeaders(merchant))).status).toBe(200);
  });
});

describe('RATE_LIMITS=off', () => {
  it('answers every guess', async () => {
    const open = await createTestPaylink({ env: { RATE_LIMITS: 'off' } });
    try {
      for (let i = 1; i <= 40; i++) {
        const answer = await requestFrom(open, '203.0.113.40', '/api/admin/accounts', {
          method: 'POST',
          headers: { authorization: 'Bearer wrong-token-0123' },
        });
        expect(answer.status).toBe(401);
      }
    } finally {
      await open.close();
    }
  });
});
