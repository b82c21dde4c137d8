import { TEST_BASE_URL, type TestPaylink } from './test-paylink.ts';

export type Answer = { status: number; body: any };

async function send(t: TestPaylink, method: string, path: string, body?: unknown): Promise<Answer> {
  const response = await t.app.request(path, {
    method,
    headers: { 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null };
}

/** Starts a payment on a link page as the browser's JSON client does (SPEC §7). */
export function startPayment(t: TestPaylink, publicId: string, body: unknown): Promise<Answer> {
  return send(t, 'POST', `/b2b/${publicId}/payments`, body);
}

/** The sandbox bank receives a VA transfer (SPEC §8). */
export function payVa(
  t: TestPaylink,
  body: { bank: string; va_number: string; amount: number },
): Promise<Answer> {
  return send(t, 'POST', '/sandbox/api/va-payments', body);
}

/** The sandbox acquirer receives a scanned QR text (SPEC §8). */
export function payQris(t: TestPaylink, qrString: string): Promise<Answer> {
  return send(t, 'POST', '/sandbox/api/qris-payments', { qr_string: qrString });
}

export function settle(t: TestPaylink, reffNo: string): Promise<Answer> {
  return send(t, 'POST', '/sandbox/api/settlements', { reff_no: reffNo });
}

export function linkStatus(
  t: TestPaylink,
  publicId: string,
  paymentReff?: string,
): Promise<Answer> {
  return send(t, 'GET', `/b2b/${publicId}/status${paymentReff ? `?payment=${paymentReff}` : ''}`);
}

/** The public id at the end of a payment_url. */
export function publicIdOf(link: { payment_url: string }): string {
  return link.payment_url.split('/b2b/')[1] ?? '';
}

/** The origin of our pages (PUBLIC_BASE_URL's): a post from our own page carries it. */
export const PAGE_ORIGIN = new URL(TEST_BASE_URL).origin;

/** A browser form post (no JavaScript path): answers status, Location and body text. */
export async function postForm(
  t: TestPaylink,
  path: string,
  fields: Record<string, string>,
  origin: string = PAGE_ORIGIN,
): Promise<{ status: number; location: string | null; text: string }> {
  const response = await t.app.request(path, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin },
    body: new URLSearchParams(fields).toString(),
  });
  return {
    status: response.status,
    location: response.headers.get('location'),
    text: await response.text(),
  };
}
