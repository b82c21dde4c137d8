// The data the bench measures against, created through Paylink's own public API: a merchant
// (admin API), an access token, links, payments, and a bank transfer through the sandbox.

async function requestJson(base, path, init = {}) {
  const response = await fetch(`${base}${path}`, {
    ...init,
    headers: { 'content-type': 'application/json', ...init.headers },
    signal: AbortSignal.timeout(15_000),
  });
  const body = await response.json().catch(() => null);
  if (!response.ok) {
    throw new Error(`${init.method ?? 'GET'} ${path}: ${response.status} ${JSON.stringify(body)}`);
  }
  return body;
}

/** Creates a merchant account with the admin token; answers its id, api key and credentials. */
export async function createMerchant(base, adminToken) {
  const { data } = await requestJson(base, '/api/admin/accounts', {
    method: 'POST',
    headers: { authorization: `Bearer ${adminToken}` },
    body: JSON.stringify({ name: 'Toko Bench' }),
  });
  return {
    accountId: data.account.id,
    apiKey: data.api_key,
    clientId: data.client_id,
    clientSecret: data.client_secret,
  };
}

/** Issues a v1.0 access token; answers the headers every merchant API call sends. */
export async function authorize(base, merchant) {
  const basic = Buffer.from(`${merchant.clientId}:${merchant.clientSecret}`).toString('base64');
  const { data } = await requestJson(base, '/api/v1.0/access-token/b2b', {
    method: 'POST',
    headers: { 'x-partner-id': merchant.apiKey, authorization: `Basic ${basic}` },
    body: JSON.stringify({ grant_type: 'client_credentials' }),
  });
  return { authorization: `Bearer ${data.access_token}`, 'x-partner-id': merchant.apiKey };
}

/** Creates a payment link; answers the link object plus its `publicId` (the /b2b/ path part). */
export async function createLink(base, merchant, headers, body) {
  const { data } = await requestJson(base, `/api/v1.0/payment-link-manage/${merchant.accountId}`, {
    method: 'POST',
    headers,
    body: JSON.stringify(body),
  });
  return { ...data, publicId: data.payment_url.split('/b2b/')[1] };
}

/** Starts a payment as the page's script does (JSON); answers reff_no, VA number and amount. */
export async function startPayment(base, publicId, method) {
  const { data } = await requestJson(base, `/b2b/${publicId}/payments`, {
    method: 'POST',
    body: JSON.stringify({
      method,
      customer: { name: 'Budi', email: 'budi@example.com', phone: '081234567890' },
    }),
  });
  return data;
}

/** Transfers the amount to a BRI virtual account through the sandbox bank. */
export async function payVirtualAccount(base, payment) {
  return requestJson(base, '/sandbox/api/va-payments', {
    method: 'POST',
    body: JSON.stringify({
      bank: 'BRI',
      va_number: payment.payment_method_value,
      amount: Math.round(Number(payment.amount)),
    }),
  });
}
