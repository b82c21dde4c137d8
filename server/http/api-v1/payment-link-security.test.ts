import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLinkOk, expectFailure, MINIMAL_LINK } from '../../../tests/support/link-api.ts';
import {
  callApi,
  createMerchant,
  linksPath,
  type Merchant,
  merchantHeaders,
} from '../../../tests/support/merchant.ts';
import { createTestPaylink, type TestPaylink } from '../../../tests/support/test-paylink.ts';

let t: TestPaylink;
let merchant: Merchant;
let other: Merchant;
let theirLinkId: number;

beforeAll(async () => {
  t = await createTestPaylink();
  merchant = await createMerchant(t);
  other = await createMerchant(t);
  theirLinkId = (await createLinkOk(t, other)).id;
});
afterAll(() => t.close());

type Route = [string, string, (m: Merchant) => string, unknown];
const ROUTES: Route[] = [
  ['create', 'POST', (m) => linksPath(m), MINIMAL_LINK],
  ['list', 'GET', (m) => linksPath(m), undefined],
  ['show', 'GET', (m) => `${linksPath(m)}/${theirLinkId}`, undefined],
  ['update (PUT)', 'PUT', (m) => `${linksPath(m)}/${theirLinkId}`, { status: 'closed' }],
  ['update (PATCH)', 'PATCH', (m) => `${linksPath(m)}/${theirLinkId}`, { status: 'closed' }],
  ['delete', 'DELETE', (m) => `${linksPath(m)}/${theirLinkId}`, undefined],
];

describe.each(ROUTES)('payment links, %s: access (SPEC §3.1)', (_name, method, path, body) => {
  const send = (headers: Record<string, string>, target = path(other)) =>
    t.app.request(target, {
      method,
      headers,
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });

  it('answers 401 with WWW-Authenticate without a token', async () => {
    const { authorization: _dropped, ...rest } = merchantHeaders(other);
    const response = await send(rest);
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toBe('Bearer');
  });

  it('answers 401 for a token that has expired on the clock', async () => {
    const late = await createMerchant(t);
    t.clock.advance(16 * 60 * 1000);
    try {
      const response = await send(merchantHeaders(late), path(late));
      expect(response.status).toBe(401);
    } finally {
      t.clock.advance(-16 * 60 * 1000);
    }
  });

  it("answers 403 for another account's id, and reveals nothing of it", async () => {
    const answer = await callApi(t, merchant, method, path(other), body);
    expectFailure(answer, 403, 'ACCOUNT_MISMATCH');
    expect(JSON.stringify(answer.body)).not.toContain(other.accountId);
  });
});

describe('payment links: a refused create creates nothing', () => {
  it("leaves the other account's list as it was", async () => {
    const before = (await callApi(t, other, 'GET', linksPath(other))).body.pagination.total;
    await callApi(t, merchant, 'POST', linksPath(other), { ...MINIMAL_LINK, title: 'Sneaked in' });
    const after = await callApi(t, other, 'GET', linksPath(other));
    expect(after.body.pagination.total).toBe(before);
    expect(JSON.stringify(after.body)).not.toContain('Sneaked in');
  });
});

// SPEC §3.1: a link of another account is a 404 under one's own account id, and stays as it was.
describe.each([
  ['show', 'GET', undefined],
  ['update (PUT)', 'PUT', { status: 'closed', max_usage: 9 }],
  ['update (PATCH)', 'PATCH', { status: 'closed' }],
  ['delete', 'DELETE', undefined],
])("payment links, %s of another account's link", (_name, method, body) => {
  it('answers 404 LINK_NOT_FOUND and changes nothing', async () => {
    const before = (await callApi(t, other, 'GET', `${linksPath(other)}/${theirLinkId}`)).body;
    const answer = await callApi(
      t,
      merchant,
      method,
      `${linksPath(merchant)}/${theirLinkId}`,
      body,
    );
    expectFailure(answer, 404, 'LINK_NOT_FOUND');
    const after = (await callApi(t, other, 'GET', `${linksPath(other)}/${theirLinkId}`)).body;
    expect(after).toEqual(before);
    expect(after.data.status).toBe('open');
  });
});

describe("payment links: refused writes under another account's id change nothing", () => {
  it("leaves the other account's link open after every refused PUT, PATCH and DELETE", async () => {
    for (const method of ['PUT', 'PATCH', 'DELETE']) {
      await callApi(t, merchant, method, `${linksPath(other)}/${theirLinkId}`, {
        status: 'closed',
      });
    }
    const shown = await callApi(t, other, 'GET', `${linksPath(other)}/${theirLinkId}`);
    expect(shown.status).toBe(200);
    expect(shown.body.data.status).toBe('open');
  });
});
