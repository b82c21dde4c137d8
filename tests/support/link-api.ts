import { expect } from 'vitest';
import { callApi, linksPath, type Merchant } from './merchant.ts';
import type { TestPaylink } from './test-paylink.ts';

/** Where createTestClock starts: 2026-01-15 10:00:00 WIB. */
export const START = new Date('2026-01-15T03:00:00.000Z');
export const START_MS = START.getTime();
export const HOUR_MS = 60 * 60 * 1000;
export const DAY_MS = 24 * HOUR_MS;

/** The smallest body the create endpoint accepts (SPEC §3.2). */
export const MINIMAL_LINK = { title: 'Kaos Polos', total_amount: 20_000 } as const;

export type ApiAnswer = Awaited<ReturnType<typeof callApi>>;
/** Any answer with a status and a parsed body (checkout and sandbox answers carry no headers). */
type AnyAnswer = Pick<ApiAnswer, 'status' | 'body'> & { headers?: Headers };

/** POST /api/v1.0/payment-link-manage/{account_id} as this merchant. */
export function createLink(t: TestPaylink, merchant: Merchant, body: unknown): Promise<ApiAnswer> {
  return callApi(t, merchant, 'POST', linksPath(merchant), body);
}

/** Creates a link that must succeed; answers the link object. */
export async function createLinkOk(
  t: TestPaylink,
  merchant: Merchant,
  body: object = {},
): Promise<any> {
  const answer = await createLink(t, merchant, { ...MINIMAL_LINK, ...body });
  if (answer.status !== 200)
    throw new Error(`create failed: ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.body.data;
}

/** The failure envelope of SPEC §3 with this status and reason. */
export function expectFailure(answer: AnyAnswer, status: number, reason: string): void {
  expect(answer.status).toBe(status);
  expect(answer.body).toMatchObject({
    status,
    success: false,
    error: { code: status, message: expect.any(String), reason },
  });
  expect(answer.body.error.message).not.toBe('');
  expect(answer.body).not.toHaveProperty('data');
}

/** A 422 VALIDATION_FAILED whose `errors` names exactly these field paths. */
export function expectInvalid(answer: AnyAnswer, ...fields: string[]): void {
  expectFailure(answer, 422, 'VALIDATION_FAILED');
  expect(Object.keys(answer.body.errors).sort()).toEqual([...fields].sort());
  for (const field of fields) {
    expect(answer.body.errors[field]).toEqual([
      expect.any(String),
      ...answer.body.errors[field].slice(1),
    ]);
  }
}

/**
 * Access tokens live 15 minutes on the injected clock: a test that moves the clock further
 * takes a fresh one, as a merchant would.
 */
export async function refreshToken(t: TestPaylink, merchant: Merchant): Promise<void> {
  const response = await t.app.request('/api/v1.0/access-token/b2b', {
    method: 'POST',
    headers: {
      'x-partner-id': merchant.apiKey,
      authorization: `Basic ${Buffer.from(`${merchant.clientId}:${merchant.clientSecret}`).toString('base64')}`,
      'content-type': 'application/json',
    },
    body: JSON.stringify({ grant_type: 'client_credentials' }),
  });
  if (response.status !== 200) throw new Error(`token failed: ${response.status}`);
  merchant.token = (
    (await response.json()) as { data: { access_token: string } }
  ).data.access_token;
}
