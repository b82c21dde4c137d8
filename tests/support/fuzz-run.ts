import fc from 'fast-check';
import { type FuzzTargets, type HostileRequest, hostileRequest } from './hostile-requests.ts';

/** Sends one request to the Paylink under test (in-process app or built server). */
export type Send = (request: HostileRequest) => Promise<Response>;

/**
 * How many requests, from which seed: `FUZZ_RUNS` (default: the suite's quick run) and
 * `FUZZ_SEED` (default: a new one, printed, so that any run can be replayed exactly).
 */
export function fuzzSettings(defaultRuns: number): { runs: number; seed: number } {
  const runs = Number(process.env.FUZZ_RUNS ?? defaultRuns);
  const seed = process.env.FUZZ_SEED
    ? Number(process.env.FUZZ_SEED)
    : Math.floor(Math.random() * 2 ** 31);
  if (!Number.isInteger(runs) || runs < 1) throw new Error('FUZZ_RUNS must be a whole number');
  if (!Number.isInteger(seed)) throw new Error('FUZZ_SEED must be a whole number');
  return { runs, seed };
}

async function json(send: Send, method: string, path: string, headers: object, body?: object) {
  const response = await send({
    method,
    path,
    headers: { 'content-type': 'application/json', ...headers },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  const text = await response.text();
  if (response.status >= 300) throw new Error(`${method} ${path}: ${response.status} ${text}`);
  return JSON.parse(text);
}

/** A merchant with a link, a pending payment and a v4 link, made through the API itself. */
export async function prepareTargets(send: Send, adminToken: string): Promise<FuzzTargets> {
  const admin = { authorization: `Bearer ${adminToken}` };
  const account = (
    await json(send, 'POST', '/api/admin/accounts', admin, {
      name: 'Toko Fuzz',
      email: 'fuzz@example.com',
      phone: '08123993201',
    })
  ).data;
  const basic = `Basic ${Buffer.from(`${account.client_id}:${account.client_secret}`).toString('base64')}`;
  const grant = { 'x-partner-id': account.api_key, authorization: basic };
  const token = (
    await json(send, 'POST', '/api/v1.0/access-token/b2b', grant, {
      grant_type: 'client_credentials',
    })
  ).data.access_token;
  const bearer = { authorization: `Bearer ${token}`, 'x-partner-id': account.api_key };
  const accountId = account.account.id;
  const link = (
    await json(send, 'POST', `/api/v1.0/payment-link-manage/${accountId}`, bearer, {
      title: 'Kaos Fuzz',
      total_amount: 50_000,
      max_usage: 1_000_000,
    })
  ).data;
  const publicId = String(link.payment_url).split('/b2b/')[1] ?? '';
  const payment = (await json(send, 'POST', `/b2b/${publicId}/payments`, {}, { method: 'QRIS' }))
    .data;
  const v4 = await json(
    send,
    'POST',
    '/api/v4/payment_links',
    { authorization: basic },
    {
      data: { attributes: { amount: 20_000, referenceId: 'FUZZ-V4' } },
    },
  );
  return {
    accountId,
    apiKey: account.api_key,
    clientId: account.client_id,
    clientSecret: account.client_secret,
    token,
    adminToken,
    publicId,
    linkId: String(link.id),
    reffNo: payment.reff_no,
    v4Id: v4.data.id,
  };
}

export type FuzzReport = { requests: number; serverErrors: number; byStatus: string };

/**
 * Sends `runs` arbitrary requests (SPEC §9: "Nothing a client sends ever causes a 500") and
 * fails on the first 5xx, shrunk by fast-check to a small request that still gets one. Prints
 * how many requests were sent, how many got a 5xx, the statuses seen, and the seed.
 */
export async function assertNoServerErrors(
  name: string,
  send: Send,
  targets: FuzzTargets,
  settings: { runs: number; seed: number },
): Promise<FuzzReport> {
  const statuses = new Map<number, number>();
  let requests = 0;
  let serverErrors = 0;
  const property = fc.asyncProperty(hostileRequest(targets), async (request) => {
    requests += 1;
    const response = await send(request);
    // An event stream stays open: the status is all this needs.
    await response.body?.cancel();
    statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
    if (response.status >= 500) serverErrors += 1;
    return response.status < 500;
  });
  const report = () => ({
    requests,
    serverErrors,
    byStatus: [...statuses.entries()]
      .sort(([a], [b]) => a - b)
      .map(([status, count]) => `${status}×${count}`)
      .join(' '),
  });
  try {
    await fc.assert(property, { numRuns: settings.runs, seed: settings.seed });
  } finally {
    const { byStatus } = report();
    console.log(
      `fuzz ${name}: ${requests} requests, ${serverErrors} answered 5xx, seed ${settings.seed}` +
        ` (replay: FUZZ_SEED=${settings.seed} FUZZ_RUNS=${settings.runs}); statuses ${byStatus}`,
    );
  }
  return report();
}
