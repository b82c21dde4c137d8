import { randomBytes } from 'node:crypto';
import type { APIRequestContext, APIResponse } from '@playwright/test';

/** The built server the browser tests run against (playwright.config.ts starts it). */
export const E2E_PORT = Number(process.env.E2E_PORT ?? 3107);
export const E2E_BASE_URL = `http://127.0.0.1:${E2E_PORT}`;
/** The same build with `PAYMENT_PROVIDER=midtrans`, in front of the Midtrans emulator. */
export const E2E_MIDTRANS_PORT = Number(process.env.E2E_MIDTRANS_PORT ?? 3108);
export const E2E_MIDTRANS_BASE_URL = `http://127.0.0.1:${E2E_MIDTRANS_PORT}`;
export const E2E_ADMIN_TOKEN = 'e2e-admin-token-0123456789abcdef';

export type E2eMerchant = {
  accountId: string;
  apiKey: string;
  token: string;
  name: string;
  email: string;
  phone: string;
  /** Signs the merchant's callbacks (Standard Webhooks, SPEC §6). */
  webhookSecret: string;
};

/** The link object of the v1.0 API (SPEC §3.3), as far as these tests read it. */
export type E2eLink = {
  id: number;
  reff_no: string;
  title: string;
  payment_url: string;
  status_computed: string;
};

/**
 * Creates an account through the admin API and takes a v1.0 access token, as a merchant would.
 * The name carries random letters, so a page that leaks it can be caught.
 */
export async function createMerchant(request: APIRequestContext): Promise<E2eMerchant> {
  const suffix = randomBytes(3).toString('hex');
  const name = `Toko E2E ${suffix}`;
  const email = `e2e-${suffix}@example.com`;
  const phone = '08123993201';
  const created = await request.post('/api/admin/accounts', {
    headers: { authorization: `Bearer ${E2E_ADMIN_TOKEN}` },
    data: { name, email, phone },
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
  return {
    accountId: data.account.id,
    apiKey: data.api_key,
    token,
    name,
    email,
    phone,
    webhookSecret: data.webhook_secret,
  };
}

function merchantHeaders(merchant: E2eMerchant) {
  return { authorization: `Bearer ${merchant.token}`, 'x-partner-id': merchant.apiKey };
}

/** Creates a v1.0 payment link for this merchant and answers the link object. */
export async function createLink(
  request: APIRequestContext,
  merchant: E2eMerchant,
  body: Record<string, unknown>,
): Promise<E2eLink> {
  const response = await request.post(`/api/v1.0/payment-link-manage/${merchant.accountId}`, {
    headers: merchantHeaders(merchant),
    data: body,
  });
  if (response.status() !== 200)
    throw new Error(`link: ${response.status()} ${await response.text()}`);
  return (await response.json()).data;
}

/** Changes a link as the merchant would (`PATCH`, SPEC §3.4). */
export async function patchLink(
  request: APIRequestContext,
  merchant: E2eMerchant,
  link: E2eLink,
  body: Record<string, unknown>,
): Promise<E2eLink> {
  const response = await request.patch(
    `/api/v1.0/payment-link-manage/${merchant.accountId}/${link.id}`,
    { headers: merchantHeaders(merchant), data: body },
  );
  if (response.status() !== 200)
    throw new Error(`patch: ${response.status()} ${await response.text()}`);
  return (await response.json()).data;
}

/** The payments of a link, newest first, from the histories API (SPEC §3.4). */
export async function listPayments(
  request: APIRequestContext,
  merchant: E2eMerchant,
  link: E2eLink,
): Promise<Array<Record<string, unknown>>> {
  const response = await request.get(`/api/v1.0/payment-link-histories/${merchant.accountId}`, {
    headers: merchantHeaders(merchant),
    params: { payment_link_id: link.id },
  });
  if (response.status() !== 200) throw new Error(`histories: ${response.status()}`);
  return (await response.json()).data;
}

/** The page address of a link: `/b2b/{public id}`. */
export function linkPath(link: E2eLink): string {
  return new URL(link.payment_url).pathname;
}

/** The sandbox bank receives a transfer to a VA number (SPEC §8). */
export function payVaInSandbox(
  request: APIRequestContext,
  body: { bank: string; va_number: string; amount: number },
): Promise<APIResponse> {
  return request.post('/sandbox/api/va-payments', { data: body });
}

/** The sandbox bank receives a scanned QRIS payment (SPEC §8). */
export function payQrisInSandbox(
  request: APIRequestContext,
  qrString: string,
): Promise<APIResponse> {
  return request.post('/sandbox/api/qris-payments', { data: { qr_string: qrString } });
}

/** Starts a payment as the page's JSON client would (SPEC §7); answers the payment. */
export async function startPaymentByApi(
  request: APIRequestContext,
  link: E2eLink,
  method: string,
): Promise<{ reff_no: string; payment_method_value: string; qr_string?: string }> {
  const response = await request.post(`${linkPath(link)}/payments`, { data: { method } });
  if (response.status() !== 201)
    throw new Error(`payment: ${response.status()} ${await response.text()}`);
  return (await response.json()).data;
}

/** Starts and pays a VA payment of a link through the sandbox bank. */
export async function payLinkByVa(
  request: APIRequestContext,
  link: E2eLink,
  amount: number,
): Promise<string> {
  const payment = await startPaymentByApi(request, link, 'VA_BNI');
  const paid = await payVaInSandbox(request, {
    bank: 'BNI',
    va_number: payment.payment_method_value,
    amount,
  });
  if (paid.status() !== 200) throw new Error(`sandbox: ${paid.status()} ${await paid.text()}`);
  return payment.reff_no;
}
