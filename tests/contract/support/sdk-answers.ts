import { expect } from 'vitest';
import { TEST_BASE_URL } from '../../support/test-paylink.ts';
import type { Reply } from './sdk-client.ts';

/**
 * What the SingaPay clients read from an answer. All of them pick the envelope by its keys:
 * a `response_code` key switches them to the v2 envelope, where anything but `SP000` is a
 * failure, so a v1 answer must never carry one; else `success` decides, `data` is the payload
 * (an array for lists), and a failure's text is `error.message`.
 */

const WIB_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+07:00$/;
const DECIMAL = /^\d+\.\d{2}$/;

/** A success as every client reads it, with the status in the body matching the HTTP one. */
export function expectSdkSuccess(reply: Reply, status = 200): any {
  expect(reply.status, JSON.stringify(reply.body)).toBe(status);
  expect(reply.headers.get('content-type')).toMatch(/^application\/json/);
  expect(reply.body).toMatchObject({ status, success: true });
  expect(reply.body).not.toHaveProperty('response_code');
  expect(reply.body).toHaveProperty('data');
  return reply.body.data;
}

/** A failure as every client reads it: `success: false` and a message to show or log. */
export function expectSdkFailure(reply: Reply, status: number): void {
  expect(reply.status, JSON.stringify(reply.body)).toBe(status);
  expect(reply.body).toMatchObject({ status, success: false, error: { code: status } });
  expect(reply.body).not.toHaveProperty('response_code');
  expect(reply.body).not.toHaveProperty('data');
  expect(typeof reply.body.error.message).toBe('string');
  expect(reply.body.error.message).not.toBe('');
}

/**
 * A 422 naming these fields where each client looks: the PHP clients under `error.errors`,
 * SingaPay's JavaScript SDK under `errors` beside `error`. Each field has messages (strings).
 */
export function expectFieldErrors(reply: Reply, ...fields: string[]): void {
  expectSdkFailure(reply, 422);
  for (const errors of [reply.body.error.errors, reply.body.errors]) {
    expect(Object.keys(errors ?? {})).toEqual(expect.arrayContaining(fields));
    for (const field of fields) expect(errors[field]).toEqual([expect.any(String)]);
  }
}

/** The link object's fields with the JSON types the clients map (SPEC §3.3). */
export function expectLinkObject(link: any): void {
  expect(link).toMatchObject({
    id: expect.any(Number),
    reff_no: expect.any(String),
    title: expect.any(String),
    status: expect.stringMatching(/^(open|closed)$/),
    status_computed: expect.stringMatching(/^(open|closed|expired)$/),
    is_expired: expect.any(Boolean),
    required_customer_detail: expect.any(Boolean),
    max_usage: expect.any(Number),
    current_usage: expect.any(Number),
    total_amount: expect.stringMatching(DECIMAL),
    created_at: expect.stringMatching(WIB_TIME),
    updated_at: expect.stringMatching(WIB_TIME),
    account: { id: expect.any(String), name: expect.any(String) },
  });
  expect(Number.isInteger(link.id)).toBe(true);
  const base = TEST_BASE_URL.replace(/[.]/g, '\\.');
  expect(link.payment_url).toMatch(new RegExp(`^${base}/b2b/PL\\d{14}[0-9a-f]{32}$`));
  for (const time of [link.expired_at, link.payment_date]) {
    if (time !== null) expect(time).toMatch(WIB_TIME);
  }
  if (link.whitelisted_payment_method !== null) {
    expect(link.whitelisted_payment_method).toEqual(expect.arrayContaining([expect.any(String)]));
  }
  for (const item of link.items ?? []) {
    expect(item).toEqual({
      name: expect.any(String),
      quantity: expect.stringMatching(/^\d+$/),
      unit_price: expect.stringMatching(/^-?\d+$/),
      subtotal: expect.any(Number),
    });
  }
}

/** A payment (history) as the clients map it (SPEC §3.4). */
export function expectHistoryObject(payment: any): void {
  expect(payment).toMatchObject({
    id: expect.any(Number),
    reff_no: expect.any(String),
    payment_link_id: expect.any(Number),
    payment_link_reff_no: expect.any(String),
    payment_method_name: expect.any(String),
    payment_method_value: expect.any(String),
    amount: expect.stringMatching(DECIMAL),
    status: expect.stringMatching(/^(pending|paid|settled|expired|cancelled)$/),
    has_settle: expect.any(Boolean),
    created_at: expect.stringMatching(WIB_TIME),
    updated_at: expect.stringMatching(WIB_TIME),
  });
}

/** SPEC §3's page block, snake_case, as the PHP SDK's docs read it (`pagination.total`…). */
export function expectPagination(reply: Reply, expected: object): void {
  expect(reply.body.pagination).toEqual({
    total: expect.any(Number),
    count: expect.any(Number),
    per_page: expect.any(Number),
    current_page: expect.any(Number),
    total_pages: expect.any(Number),
    ...expected,
  });
}
