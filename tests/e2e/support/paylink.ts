import type { APIRequestContext } from '@playwright/test';

/** The built server the browser tests run against (playwright.config.ts starts it). */
export const E2E_PORT = 3107;
export const E2E_BASE_URL = `http://127.0.0.1:${E2E_PORT}`;
export const E2E_ADMIN_TOKEN = 'e2e-admin-token-0123456789abcdef';

export type E2eMerchant = { accountId: string; apiKey: string; token: string };

let counter = 0;

/** Creates an account through the admin API and takes a v1.0 access token, as a merchant would. */
export async function createMerchant(request: APIRequestContext): Promise<E2eMerchant> {
  counter += 1;
  const created = await request.post('/api/admin/accounts', {
    headers: { authorization: `Bearer ${E2E_ADMIN_TOKEN}` },
    data: { name: `Toko E2E ${counter}`, email: `e2e${counter}@example.com`, phone: '08123993201' },
  });
  if (created.status() !== 201)
    throw new Error(`account: ${created.status()} ${await created.text()}`);
  const { data } = await created.json();
  const basic = Buffer.from(`${data.client_id}:${data.client_secret}`).toString('base64');
  const tokenResponse = await request.post('/api/v1.0/access-token/b2b', {
    headers: { 'x-partner-id': data.api_key, authorization: `Basic ${basic}` },
    data: { grant_type: 'client_credentials' },
  });
  if (tokenResponse.status() !== 200) throw new Error(`token: ${tokenResponse.status()}`);
  const token: string = (await tokenResponse.json()).data.access_token;
  return { accountId: data.account.id, apiKey: data.api_key, token };
}

/** Creates a v1.0 payment link for this merchant and answers the link object. */
export async function createLink(
  request: APIRequestContext,
  merchant: E2eMerchant,
  body: Record<string, unknown>,
): Promise<{ id: number; title: string; payment_url: string }> {
  const response = await request.post(`/api/v1.0/payment-link-manage/${merchant.accountId}`, {
    headers: { authorization: `Bearer ${merchant.token}`, 'x-partner-id': merchant.apiKey },
    data: body,
  });
  if (response.status() !== 200)
    throw new Error(`link: ${response.status()} ${await response.text()}`);
  return (await response.json()).data;
}
