// A merchant's callback endpoint for Paylink, with no dependencies (node:http, node:crypto).
//
// Paylink signs every callback twice: Standard Webhooks (`webhook-id`, `webhook-timestamp`,
// `webhook-signature`, keyed with the account's `whsec_…` secret) and SingaPay's `X-Signature`
// (HMAC-SHA512 keyed with the account's client_secret). This receiver answers 2xx only when
// every signature it has a secret for verifies; Paylink retries anything else, with the same
// `webhook-id`, until it gets a 2xx.
//
// Run it (Node 20 or later) beside a local Paylink (README, "Try the API with curl"), with the
// secrets shown once when the account was created:
//   export PAYLINK_WEBHOOK_SECRET=whsec_… PAYLINK_CLIENT_SECRET=cs_…
//   node docs/examples/merchant-receiver.mjs
// and give the account or a link the callback_url `http://localhost:4000/paylink` (plain http
// is accepted for localhost, 127.0.0.1 and [::1] only). Paylink sends callbacks to such a local
// address only when started with CALLBACK_ALLOW_PRIVATE=true; by default it calls public
// addresses only. PORT changes the port (default 4000).
// One secret alone works too (only its signature is checked); with neither it will not start.

import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { createServer } from 'node:http';

const TOLERANCE_S = 5 * 60; // both schemes: refuse timestamps more than 5 minutes off
const port = Number(process.env.PORT || 4000);
const webhookSecret = process.env.PAYLINK_WEBHOOK_SECRET || '';
const clientSecret = process.env.PAYLINK_CLIENT_SECRET || '';

// One check per secret given; a callback is accepted only when all of them pass.
const checks = [
  webhookSecret && { name: 'webhook-signature', isValid: isValidStandardWebhook },
  clientSecret && { name: 'X-Signature', isValid: isValidSingapaySignature },
].filter(Boolean);
if (checks.length === 0) {
  console.error('Refusing to start: set PAYLINK_WEBHOOK_SECRET and/or PAYLINK_CLIENT_SECRET.');
  process.exit(1);
}

// webhook-ids already handled. A real receiver stores the id with the order, in the same
// transaction that marks it paid, so a retry after a restart or a lost answer is known too.
const processed = new Set();

/** Constant time, so a forger learns nothing from how long a refusal takes. */
function isSameText(given, expected) {
  const [a, b] = [Buffer.from(given), Buffer.from(expected)];
  return a.length === b.length && timingSafeEqual(a, b);
}

function isFresh(timestamp) {
  const seconds = /^\d{1,12}$/.test(timestamp ?? '') ? Number(timestamp) : NaN;
  return Math.abs(Date.now() / 1000 - seconds) <= TOLERANCE_S;
}

/** Standard Webhooks v1; the header may hold several space-separated signatures. */
function isValidStandardWebhook({ headers }, text) {
  const id = headers['webhook-id'];
  const timestamp = headers['webhook-timestamp'];
  if (!id || !isFresh(timestamp)) return false;
  const key = Buffer.from(webhookSecret.slice('whsec_'.length), 'base64');
  const expected = createHmac('sha256', key).update(`${id}.${timestamp}.${text}`).digest('base64');
  return (headers['webhook-signature'] ?? '')
    .split(' ')
    .some((signature) => signature.startsWith('v1,') && isSameText(signature.slice(3), expected));
}

// Keys sorted recursively, arrays in order, compact: the body as SingaPay's PHP sample hashes it.
// Paylink's bodies hold no empty objects, floats or numeric keys, which PHP writes differently.
function normalize(value) {
  if (Array.isArray(value)) return value.map(normalize);
  if (value === null || typeof value !== 'object') return value;
  const keys = Object.keys(value).sort();
  return Object.fromEntries(keys.map((key) => [key, normalize(value[key])]));
}

/** SingaPay's X-Signature: HMAC-SHA512 of method, callback path+query, token, body hash, time. */
function isValidSingapaySignature(request, _text, body) {
  const token = /^Bearer (\S+)$/.exec(request.headers.authorization ?? '')?.[1];
  const timestamp = request.headers['x-timestamp'];
  if (!token || !isFresh(timestamp)) return false;
  const bodyHash = createHash('sha256')
    .update(JSON.stringify(normalize(body)))
    .digest('hex');
  const expected = createHmac('sha512', clientSecret)
    .update(`${request.method}:${request.url}:${token}:${bodyHash}:${timestamp}`)
    .digest('hex');
  return isSameText(request.headers['x-signature'] ?? '', expected);
}

/** What identifies the order, where the v1.0 (transaction, inquiry) and v4 bodies put it. */
function describe(body) {
  const { event, data } = body ?? {};
  const link = data?.payment?.additional_info?.payment_link;
  const history = data?.payment_link_history;
  return {
    event: event ?? data?.type ?? null, // v4 bodies have no event, only the type payment_links
    status: data?.transaction?.status ?? history?.status ?? data?.attributes?.status,
    reff_no: data?.transaction?.reff_no ?? history?.reff_no, // the payment's own reference
    payment_link_id: link?.id ?? data?.id,
    payment_link_reff_no: link?.reff_no ?? data?.attributes?.referenceId,
  };
}

/** One line per callback: JSON keeps whatever a sender put in the body on that one line. */
function log(result, fields) {
  console.log(`${result.padEnd(9)} ${JSON.stringify(fields)}`);
}

function answer(response, status, message) {
  response.writeHead(status, { 'content-type': 'application/json' });
  response.end(JSON.stringify(status < 300 ? { status: 'success' } : { status: 'error', message }));
}

async function receive(request, response) {
  if (request.method !== 'POST') return answer(response, 405, 'Only POST is accepted.');
  const chunks = [];
  for await (const chunk of request) chunks.push(chunk);
  const text = Buffer.concat(chunks).toString('utf8');
  const webhookId = request.headers['webhook-id'] ?? null;
  let body;
  try {
    body = JSON.parse(text);
  } catch {
    log('refused', { webhook_id: webhookId, reason: 'body is not JSON' });
    return answer(response, 400, 'Body is not JSON.');
  }
  const fields = { webhook_id: webhookId, ...describe(body) };
  const invalid = checks.filter((check) => !check.isValid(request, text, body));
  if (invalid.length > 0) {
    log('refused', { ...fields, reason: `invalid ${invalid.map((c) => c.name).join(' and ')}` });
    return answer(response, 401, 'Invalid signature.');
  }
  // webhook-id is signed by Standard Webhooks only: with PAYLINK_CLIENT_SECRET alone, make the
  // handling idempotent on reff_no and status as well.
  if (webhookId && processed.has(webhookId)) {
    log('duplicate', fields); // verified, already handled: acknowledge, do nothing again
    return answer(response, 200);
  }
  // Handle the callback here (mark the order paid or settled), then remember its webhook-id.
  if (webhookId) processed.add(webhookId);
  log('verified', fields);
  answer(response, 200);
}

createServer((request, response) => {
  receive(request, response).catch((error) => {
    console.error(`error     ${error}`);
    if (!response.headersSent) answer(response, 500, 'Failed to process the callback.');
  });
}).listen(port, () => {
  const names = checks.map((check) => check.name).join(' and ');
  console.log(`listening on http://localhost:${port}/, checking ${names}`);
});
