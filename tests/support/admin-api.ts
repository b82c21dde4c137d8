import type { ApiAnswer } from './link-api.ts';
import { TEST_ADMIN_TOKEN, type TestPaylink } from './test-paylink.ts';

export const ADMIN_HEADERS = {
  authorization: `Bearer ${TEST_ADMIN_TOKEN}`,
  'content-type': 'application/json',
};

/** One admin call (SPEC §9); a string body is sent as is. */
export async function adminCall(
  t: Pick<TestPaylink, 'app'>,
  method: 'POST' | 'PATCH',
  path: string,
  body: unknown,
  headers: Record<string, string> = ADMIN_HEADERS,
): Promise<ApiAnswer> {
  const response = await t.app.request(path, {
    method,
    headers,
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  return {
    status: response.status,
    body: text ? JSON.parse(text) : null,
    headers: response.headers,
  };
}

/** POST /api/admin/accounts. */
export const postAccount = (t: Pick<TestPaylink, 'app'>, body: unknown) =>
  adminCall(t, 'POST', '/api/admin/accounts', body);

/** PATCH /api/admin/accounts/{account_id}. */
export const patchAccount = (t: Pick<TestPaylink, 'app'>, accountId: string, body: unknown) =>
  adminCall(t, 'PATCH', `/api/admin/accounts/${accountId}`, body);
