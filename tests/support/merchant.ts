import { TEST_ADMIN_TOKEN, type TestPaylink } from './test-paylink.ts';

export type Merchant = {
  accountId: string;
  apiKey: string;
  clientId: string;
  clientSecret: string;
  webhookSecret: string;
  token: string;
};

let counter = 0;

/** Creates an account through the admin API and takes a v1.0 access token, as a merchant would. */
export async function createMerchant(
  t: TestPaylink,
  overrides: Record<string, unknown> = {},
): Promise<Merchant> {
  counter += 1;
  const created = await t.app.request('/api/admin/accounts', {
    method: 'POST',
    headers: { authorization: `Bearer ${TEST_ADMIN_TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      name: `Toko Uji ${counter}`,
      email: `toko${counter}@example.com`,
      phone: '08123993201',
      ...overrides,
    }),
  });
  if (created.status !== 201)
    throw new Error(`account creation failed: ${created.status} ${await created.text()}`);
  const { data } = (await created.json()) as {
    data: {
      account: { id: string };
      api_key: string;
      client_id: string;
      client_secret: string;
      webhook_secret: string;
    };
  };
  const tokenResponse = await t.app.request('/api/v1.0/access-token/b2b', {
    method: 'POST',
    headers: {
      'x-partner-id': data.api_key,
      authorization: `Basic ${Buffer.from(`${data.client_id}:${data.client_secret}`).toString('base64')}`,
      'content-type': 'application/json',
    },
    body: JSON.stringify({ grant_type: 'client_credentials' }),
  });
  if (tokenResponse.status !== 200) throw new Error(`token failed: ${tokenResponse.status}`);
  const token = ((await tokenResponse.json()) as { data: { access_token: string } }).data
    .access_token;
  return {
    accountId: data.account.id,
    apiKey: data.api_key,
    clientId: data.client_id,
    clientSecret: data.client_secret,
    webhookSecret: data.webhook_secret,
    token,
  };
}

/** Headers of an authenticated v1.0 call. */
export function merchantHeaders(merchant: Merchant): Record<string, string> {
  return {
    authorization: `Bearer ${merchant.token}`,
    'x-partner-id': merchant.apiKey,
    'content-type': 'application/json',
  };
}

/** Calls the merchant API as this merchant; answers status and parsed JSON. */
export async function callApi(
  t: TestPaylink,
  merchant: Merchant,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; body: any; headers: Headers }> {
  const response = await t.app.request(path, {
    method,
    headers: merchantHeaders(merchant),
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: response.status, body: await response.json(), headers: response.headers };
}

/** The create path of this merchant. */
export function linksPath(merchant: Merchant): string {
  return `/api/v1.0/payment-link-manage/${merchant.accountId}`;
}
