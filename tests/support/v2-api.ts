import { callApi, type Merchant } from './merchant.ts';
import type { ApiAnswer } from './link-api.ts';
import type { TestPaylink } from './test-paylink.ts';

/** The smallest v2.0 create body (SPEC §3.5); tests give each link its own reff_no. */
export const MINIMAL_V2_LINK = { payment_link_type: 'total', total_amount: 20_000 } as const;

let counter = 0;

/** A reff_no no other test link of the run has. */
export function nextReffNo(): string {
  counter += 1;
  return `V2-${counter}`;
}

/** POST /api/v2.0/payment-link/{account_id} as this merchant, the body as given. */
export function createV2(t: TestPaylink, merchant: Merchant, body: unknown): Promise<ApiAnswer> {
  return callApi(t, merchant, 'POST', `/api/v2.0/payment-link/${merchant.accountId}`, body);
}

/** A v2.0 create on top of the minimal body, with a fresh reff_no unless one is given. */
export function createV2With(t: TestPaylink, merchant: Merchant, body: object = {}) {
  return createV2(t, merchant, { reff_no: nextReffNo(), ...MINIMAL_V2_LINK, ...body });
}

/** A v2.0 create that must succeed; answers the link object. */
export async function createV2Ok(t: TestPaylink, merchant: Merchant, body: object = {}) {
  const answer = await createV2With(t, merchant, body);
  if (answer.status !== 200)
    throw new Error(`v2 create failed: ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.body.data;
}

/** GET /api/v2.0/payment-link/{payment_link_id}. */
export function showV2(t: TestPaylink, merchant: Merchant, id: number | string) {
  return callApi(t, merchant, 'GET', `/api/v2.0/payment-link/${id}`);
}

/** PUT /api/v2.0/payment-link/update/{payment_link_id}. */
export function updateV2(t: TestPaylink, merchant: Merchant, id: number | string, body: unknown) {
  return callApi(t, merchant, 'PUT', `/api/v2.0/payment-link/update/${id}`, body);
}
