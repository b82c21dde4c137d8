import { eq } from 'drizzle-orm';
import { expect } from 'vitest';
import type { Merchant } from './merchant.ts';
import type { TestPaylink } from './test-paylink.ts';
import { deliveries, paymentLinks } from '../../server/store/schema.ts';

/** The attributes of SPEC §4's example request. */
export const EXAMPLE_ATTRIBUTES = {
  amount: 10000,
  referenceId: 'Payment_link_reference_id',
  description: 'Order Number 0001',
  customerName: 'John Doe',
  customerEmail: 'john@example.com',
  customerPhoneNumber: '080000000000',
  expiredAt: '2026-01-16 16:00:00 +0700',
  paymentMethodOptions: { displayName: 'Nama Tampilan' },
};

export type V4Answer = { status: number; body: any; headers: Headers };

export function basicAuth(clientId: string, clientSecret: string): string {
  return `Basic ${Buffer.from(`${clientId}:${clientSecret}`).toString('base64')}`;
}

/** Calls the v4 API with these headers; `body` is sent as is when it is a string. */
export async function callV4(
  t: TestPaylink,
  method: string,
  path: string,
  options: { headers?: Record<string, string>; body?: unknown } = {},
): Promise<V4Answer> {
  const { body } = options;
  const response = await t.app.request(`/api/v4${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...options.headers },
    ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
  });
  const text = await response.text();
  return {
    status: response.status,
    body: text ? JSON.parse(text) : null,
    headers: response.headers,
  };
}

/** As this merchant, with its client_id and client_secret. */
export function asMerchant(t: TestPaylink, merchant: Merchant) {
  const authorization = basicAuth(merchant.clientId, merchant.clientSecret);
  return {
    create: (attributes: unknown) =>
      callV4(t, 'POST', '/payment_links', {
        headers: { authorization },
        body: { data: { attributes } },
      }),
    show: (id: string) => callV4(t, 'GET', `/payment_links/${id}`, { headers: { authorization } }),
    call: (method: string, path: string, body?: unknown) =>
      callV4(t, method, path, { headers: { authorization }, body }),
  };
}

/** A JSON:API error document with exactly these (status, pointer) errors, in this order. */
export function expectErrors(
  answer: V4Answer,
  status: number,
  pointers: (string | null)[] = [null],
): void {
  expect(answer.status).toBe(status);
  expect(Object.keys(answer.body)).toEqual(['errors']);
  const errors = answer.body.errors as any[];
  expect(errors.map((error) => error.source?.pointer ?? null)).toEqual(pointers);
  for (const error of errors) {
    expect(error).toMatchObject({
      status: String(status),
      title: expect.any(String),
      detail: expect.any(String),
    });
    expect(error.detail).not.toBe('');
  }
}

/** The stored row of a link, by its v4 reference. */
export async function linkRowByReference(t: TestPaylink, referenceId: string) {
  const rows = await t.db.select().from(paymentLinks).where(eq(paymentLinks.reffNo, referenceId));
  return rows;
}

/** Every delivery (callback or mail) queued for a link, oldest first. */
export async function deliveriesOf(t: TestPaylink, linkId: number) {
  return t.db.select().from(deliveries).where(eq(deliveries.linkId, linkId)).orderBy(deliveries.id);
}

/** The public id at the end of a paymentLinkUrl. */
export function publicIdOfUrl(url: string): string {
  return url.split('/b2b/')[1] ?? '';
}
