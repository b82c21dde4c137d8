import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readAnswer, requestFrom } from '../../../tests/support/from-address.ts';
import { expectFailure } from '../../../tests/support/link-api.ts';
import {
  callApi,
  createMerchant,
  type Merchant,
  merchantHeaders,
} from '../../../tests/support/merchant.ts';
import { createTestPaylink, type TestPaylink } from '../../../tests/support/test-paylink.ts';
import { createV2Ok, MINIMAL_V2_LINK, showV2 } from '../../../tests/support/v2-api.ts';

let t: TestPaylink;
let merchant: Merchant;
let other: Merchant;
let ownLinkId: number;

beforeAll(async () => {
  t = await createTestPaylink();
  merchant = await createMerchant(t);
  other = await createMerchant(t);
  ownLinkId = (await createV2Ok(t, merchant)).id;
});
afterAll(() => t.close());

type Route = [string, string, () => string, unknown];
const ROUTES: Route[] = [
  [
    'create',
    'POST',
    () => `/api/v2.0/payment-link/${merchant.accountId}`,
    { reff_no: 'SEC-1', ...MINIMAL_V2_LINK },
  ],
  ['show', 'GET', () => `/api/v2.0/payment-link/${ownLinkId}`, undefined],
  ['update', 'PUT', () => `/api/v2.0/payment-link/update/${ownLinkId}`, { title: 'x' }],
];

// SPEC §3.5: the same tokens and headers as v1.0 (SPEC §3.1).
describe.each(ROUTES)('v2.0 %s: access', (_name, method, path, body) => {
  const send = (headers: Record<string, string>) =>
    t.app.request(path(), {
      method,
      headers,
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });

  it('answers 401 with WWW-Authenticate without a token, or with a forged one', async () => {
    const { authorization: _dropped, ...rest } = merchantHeaders(merchant);
    for (const headers of [rest, { ...rest, authorization: 'Bearer forged.token.here' }]) {
      const response = await send(headers);
      expect(response.status).toBe(401);
      expect(response.headers.get('www-authenticate')).toBe('Bearer');
    }
  });

  it('answers 401 without X-PARTNER-ID and 403 with another account’s', async () => {
    const { 'x-partner-id': _dropped, ...rest } = merchantHeaders(merchant);
    expect((await send(rest)).status).toBe(401);
    const response = await send({ ...rest, 'x-partner-id': other.apiKey });
    expect(response.status).toBe(403);
  });
});

describe('v2.0 create under another account id', () => {
  it('answers 403 and creates nothing there', async () => {
    const answer = await callApi(t, merchant, 'POST', `/api/v2.0/payment-link/${other.accountId}`, {
      reff_no: 'SNEAK-1',
      ...MINIMAL_V2_LINK,
    });
    expectFailure(answer, 403, 'ACCOUNT_MISMATCH');
    const theirs = await callApi(
      t,
      other,
      'GET',
      `/api/v1.0/payment-link-manage/${other.accountId}?search=SNEAK-1`,
    );
    expect(theirs.body.pagination.total).toBe(0);
  });

  it('another account’s token cannot read the link', async () => {
    expectFailure(await showV2(t, other, ownLinkId), 404, 'LINK_NOT_FOUND');
  });
});

// SPEC §9: the v2.0 door counts bad bearer tokens with the v1.0 one (decision 013).
describe('v2.0 bearer failures per client address', () => {
  it('after 30 bad tokens the 31st call is 429, the right token included', async () => {
    const limited = await createTestPaylink({ env: { RATE_LIMITS: '' } });
    try {
      const owner = await createMerchant(limited);
      const id = (await createV2Ok(limited, owner)).id;
      const show = (address: string, headers: Record<string, string>) =>
        requestFrom(limited, address, `/api/v2.0/payment-link/${id}`, { headers });
      const bad = { ...merchantHeaders(owner), authorization: 'Bearer not-a-token' };
      for (let i = 1; i <= 30; i++) expect((await show('203.0.113.50', bad)).status).toBe(401);
      const refused = await readAnswer(await show('203.0.113.50', merchantHeaders(owner)));
      expect(refused).toMatchObject({
        status: 429,
        retryAfter: '60',
        body: { status: 429, success: false, error: { reason: 'TOO_MANY_REQUESTS' } },
      });
      expect((await show('203.0.113.51', merchantHeaders(owner))).status).toBe(200);
    } finally {
      await limited.close();
    }
  });
});
