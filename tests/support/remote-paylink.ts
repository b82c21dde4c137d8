import { INTEGRATION_ADMIN_TOKEN } from './server-process.ts';

/** A merchant of a running server, with every secret it was shown once. */
export type RemoteMerchant = {
  accountId: string;
  apiKey: string;
  clientId: string;
  clientSecret: string;
  webhookSecret: string;
  token: string;
};

/** One JSON call over real HTTP; throws with the answer when the status is not `expected`. */
export async function call(
  baseUrl: string,
  method: string,
  path: string,
  options: { headers?: Record<string, string>; body?: unknown; expected: number },
): Promise<any> {
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...options.headers },
    ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
  });
  const text = await response.text();
  if (response.status !== options.expected) {
    throw new Error(`${method} ${path}: ${response.status} ${text}`);
  }
  return JSON.parse(text);
}

/** Creates an account through the admin API (SPEC §9) and takes a v1.0 token (SPEC §3.1). */
export async function createRemoteMerchant(
  baseUrl: string,
  account: Record<string, unknown>,
): Promise<RemoteMerchant> {
  const { data } = await call(baseUrl, 'POST', '/api/admin/accounts', {
    headers: { authorization: `Bearer ${INTEGRATION_ADMIN_TOKEN}` },
    body: { name: 'Toko Integrasi', email: 'toko@example.com', phone: '08123993201', ...account },
    expected: 201,
  });
  const basic = Buffer.from(`${data.client_id}:${data.client_secret}`).toString('base64');
  const token = await call(baseUrl, 'POST', '/api/v1.0/access-token/b2b', {
    headers: { 'x-partner-id': data.api_key, authorization: `Basic ${basic}` },
    body: { grant_type: 'client_credentials' },
    expected: 200,
  });
  return {
    accountId: data.account.id,
    apiKey: data.api_key,
    clientId: data.client_id,
    clientSecret: data.client_secret,
    webhookSecret: data.webhook_secret,
    token: token.data.access_token,
  };
}

export const asMerchant = (merchant: RemoteMerchant) => ({
  authorization: `Bearer ${merchant.token}`,
  'x-partner-id': merchant.apiKey,
});

/** A v1 link, a VA BRI payment of it, and the sandbox bank paying it: answers the payment. */
export async function payNewLink(
  servers: { create: string; start: string; pay: string },
  merchant: RemoteMerchant,
  amount: number,
): Promise<{ linkId: number; reffNo: string }> {
  const link = (
    await call(servers.create, 'POST', `/api/v1.0/payment-link-manage/${merchant.accountId}`, {
      headers: asMerchant(merchant),
      body: { title: 'Kaos Polos', total_amount: amount },
      expected: 200,
    })
  ).data;
  const publicId = String(link.payment_url).split('/b2b/')[1];
  const payment = (
    await call(servers.start, 'POST', `/b2b/${publicId}/payments`, {
      body: { method: 'VA_BRI' },
      expected: 201,
    })
  ).data;
  await call(servers.pay, 'POST', '/sandbox/api/va-payments', {
    body: { bank: 'BRI', va_number: payment.payment_method_value, amount },
    expected: 200,
  });
  return { linkId: link.id, reffNo: payment.reff_no };
}

/** The sandbox settles a paid payment now (SPEC §8). */
export async function settleRemote(baseUrl: string, reffNo: string): Promise<void> {
  await call(baseUrl, 'POST', '/sandbox/api/settlements', {
    body: { reff_no: reffNo },
    expected: 200,
  });
}

/** GET /api/v1.0/webhook-deliveries/{account_id}: the account's callbacks, newest first. */
export async function remoteDeliveries(baseUrl: string, merchant: RemoteMerchant): Promise<any[]> {
  const answer = await call(
    baseUrl,
    'GET',
    `/api/v1.0/webhook-deliveries/${merchant.accountId}?per_page=100`,
    { headers: asMerchant(merchant), expected: 200 },
  );
  return answer.data;
}

/**
 * The account's deliveries once `count` of them are delivered: the merchant sees a callback a
 * moment before the server records its answer.
 */
export async function waitForDelivered(
  baseUrl: string,
  merchant: RemoteMerchant,
  count: number,
  timeoutMs = 10_000,
): Promise<any[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const listed = await remoteDeliveries(baseUrl, merchant);
    if (listed.filter((row) => row.delivered_at !== null).length >= count) return listed;
    if (Date.now() > deadline) {
      throw new Error(
        `${count} deliveries not delivered in ${timeoutMs} ms: ${JSON.stringify(listed)}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** POST /api/v1.0/payment-link-manage/{account_id}: a v1.0 link; answers the link object. */
export async function createRemoteLink(
  baseUrl: string,
  merchant: RemoteMerchant,
  body: object,
): Promise<any> {
  const path = `/api/v1.0/payment-link-manage/${merchant.accountId}`;
  return (await call(baseUrl, 'POST', path, { headers: asMerchant(merchant), body, expected: 200 }))
    .data;
}

/** GET /api/v1.0/payment-link-manage/{account_id}/{id}: the link as the merchant reads it. */
export async function showRemoteLink(
  baseUrl: string,
  merchant: RemoteMerchant,
  linkId: number,
): Promise<any> {
  const path = `/api/v1.0/payment-link-manage/${merchant.accountId}/${linkId}`;
  return (await call(baseUrl, 'GET', path, { headers: asMerchant(merchant), expected: 200 })).data;
}

/** The customer starts a payment as the page's script does (SPEC §7): answers the payment. */
export async function startRemotePayment(
  baseUrl: string,
  publicId: string,
  method: string,
): Promise<any> {
  const path = `/b2b/${publicId}/payments`;
  return (await call(baseUrl, 'POST', path, { body: { method }, expected: 201 })).data;
}

/** Polls until `check` holds; fails naming `what` after `timeoutMs`. */
export async function waitUntil(what: string, check: () => boolean, timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`not within ${timeoutMs} ms: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
