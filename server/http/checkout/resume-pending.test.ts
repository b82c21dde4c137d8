import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  PAGE_ORIGIN,
  payVa,
  publicIdOf,
  startPayment,
} from '../../../tests/support/checkout-api.ts';
import { createLinkOk } from '../../../tests/support/link-api.ts';
import { createMerchant, type Merchant } from '../../../tests/support/merchant.ts';
import { createTestPaylink, type TestPaylink } from '../../../tests/support/test-paylink.ts';
import { deliveriesOf } from '../../../tests/support/v4-api.ts';

// SPEC §7 "Reopening the link": the browser that started a payment is shown it again when it
// opens the link; no other browser is (docs/decisions/023).

let t: TestPaylink;
let merchant: Merchant;

beforeAll(async () => {
  t = await createTestPaylink();
  merchant = await createMerchant(t);
});
afterAll(() => t.close());

async function newLink(body: object = {}) {
  const link = await createLinkOk(t, merchant, { title: 'Kopi', total_amount: 20_000, ...body });
  return { id: link.id as number, publicId: publicIdOf(link) };
}

type Sent = { status: number; location: string | null; cookies: string[]; headers: Headers };

async function send(path: string, init: RequestInit = {}): Promise<Sent> {
  const response = await t.app.request(path, init);
  await response.arrayBuffer();
  return {
    status: response.status,
    location: response.headers.get('location'),
    cookies: response.headers.getSetCookie(),
    headers: response.headers,
  };
}

const formPost = (path: string, fields: Record<string, string>, cookie?: string) =>
  send(path, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      origin: PAGE_ORIGIN,
      ...(cookie ? { cookie } : {}),
    },
    body: new URLSearchParams(fields).toString(),
  });

const openLink = (publicId: string, cookie?: string) =>
  send(`/b2b/${publicId}`, cookie ? { headers: { cookie } } : {});

/** `name=value` of the Set-Cookie for `name`, as the browser sends it back. */
function cookieOf(sent: Sent, name: string): string {
  const header = sent.cookies.find((cookie) => cookie.startsWith(`${name}=`));
  if (!header) throw new Error(`no ${name} cookie in ${JSON.stringify(sent.cookies)}`);
  return header.split(';')[0] ?? '';
}

const attributesOf = (sent: Sent, name: string) =>
  (sent.cookies.find((cookie) => cookie.startsWith(`${name}=`)) ?? '')
    .split(';')
    .slice(1)
    .map((part) => part.trim());

describe('the pending-payment cookie', () => {
  it('is set by a form start: HttpOnly, SameSite=Lax, Secure (https), this link only', async () => {
    const link = await newLink();
    const started = await formPost(`/b2b/${link.publicId}/payments`, { method: 'VA_BRI' });
    expect(started.status).toBe(303);
    expect(attributesOf(started, 'pl_pending')).toEqual([
      `Path=/b2b/${link.publicId}`,
      // A VA lives 24 hours (SPEC §5), the cookie as long.
      'Max-Age=86400',
      'HttpOnly',
      'SameSite=Lax',
      'Secure',
    ]);
    // The value names the payment to this server only.
    const reffNo = started.location?.split('/').at(-1) ?? '';
    expect(cookieOf(started, 'pl_pending')).not.toContain(reffNo);
  });

  it('sends this browser back to its pending payment when it opens the link again', async () => {
    const link = await newLink();
    const started = await formPost(`/b2b/${link.publicId}/payments`, { method: 'VA_BNI' });
    const cookie = cookieOf(started, 'pl_pending');
    const reopened = await openLink(link.publicId, cookie);
    expect(reopened.status).toBe(303);
    expect(reopened.location).toBe(started.location);
    // An answer for this browser alone: no cache may keep it for another.
    expect(reopened.headers.get('cache-control')).toBe('no-store');
    expect(reopened.headers.get('vary')).toMatch(/cookie/i);
    // Another browser (no cookie) gets the link page, not the payment.
    expect((await openLink(link.publicId)).status).not.toBe(303);
  });

  it('keeps the chosen language on the way', async () => {
    const link = await newLink();
    const started = await formPost(`/b2b/${link.publicId}/payments`, { method: 'QRIS' });
    const reopened = await send(`/b2b/${link.publicId}?lang=en`, {
      headers: { cookie: cookieOf(started, 'pl_pending') },
    });
    expect(reopened.location).toBe(`${started.location}?lang=en`);
  });

  it('is set by a JSON start too (the page’s own client, or any browser script)', async () => {
    const link = await newLink();
    const started = await t.app.request(`/b2b/${link.publicId}/payments`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ method: 'QRIS' }),
    });
    const { data } = await started.json();
    const cookie = started.headers.getSetCookie()[0]?.split(';')[0] ?? '';
    expect(cookie).toMatch(/^pl_pending=/);
    const reopened = await openLink(link.publicId, cookie);
    expect(reopened.location).toBe(`/b2b/${link.publicId}/payments/${data.reff_no}`);
  });

  it('is ignored, and removed, when changed by a character or made for another link', async () => {
    const link = await newLink();
    const other = await newLink();
    const started = await formPost(`/b2b/${link.publicId}/payments`, { method: 'VA_BRI' });
    const cookie = cookieOf(started, 'pl_pending');
    const tampered = `${cookie.slice(0, -1)}${cookie.endsWith('A') ? 'B' : 'A'}`;
    const refused = await openLink(link.publicId, tampered);
    expect(refused.status).not.toBe(303);
    expect(attributesOf(refused, 'pl_pending')).toContain('Max-Age=0');
    expect(cookieOf(refused, 'pl_pending')).toBe('pl_pending=');
    // The same value at another link's page names nothing there.
    expect((await openLink(other.publicId, cookie)).status).not.toBe(303);
  });

  it('is ignored, and removed, once the payment is paid', async () => {
    const link = await newLink({ max_usage: 5 });
    const started = await formPost(`/b2b/${link.publicId}/payments`, { method: 'VA_BRI' });
    const cookie = cookieOf(started, 'pl_pending');
    expect((await openLink(link.publicId, cookie)).status).toBe(303);
    const payment = await t.deps.payments.findByReffNo(started.location?.split('/').at(-1) ?? '');
    const paid = await payVa(t, {
      bank: 'BRI',
      va_number: payment?.methodValue ?? '',
      amount: 20_000,
    });
    expect(paid.status).toBe(200);
    const after = await openLink(link.publicId, cookie);
    expect(after.status).not.toBe(303);
    expect(attributesOf(after, 'pl_pending')).toContain('Max-Age=0');
  });

  it('is removed by “choose another method”, so the link shows the methods again', async () => {
    const link = await newLink();
    const started = await formPost(`/b2b/${link.publicId}/payments`, { method: 'VA_BRI' });
    const cookie = cookieOf(started, 'pl_pending');
    const cancelled = await formPost(`${started.location}/cancel`, {}, cookie);
    expect(cancelled.status).toBe(303);
    expect(cancelled.location).toBe(`/b2b/${link.publicId}`);
    expect(attributesOf(cancelled, 'pl_pending')).toContain('Max-Age=0');
    // A browser that kept the old value still gets the methods: the payment is cancelled.
    expect((await openLink(link.publicId, cookie)).status).not.toBe(303);
  });
});

describe('a failed form post', () => {
  it('keeps its 4xx, and sends the browser on to the link page with the form in a cookie', async () => {
    const link = await newLink({ required_customer_detail: true });
    const failed = await formPost(`/b2b/${link.publicId}/payments`, {
      method: 'VA_BRI',
      customer_name: 'Budi',
      customer_email: 'budi@example.com',
      customer_phone: '',
    });
    // Without the pages (this in-process app) Hono's own 404 stands in for the 422 page.
    expect(failed.status).toBeGreaterThanOrEqual(400);
    expect(failed.headers.get('refresh')).toBe(`0; url=/b2b/${link.publicId}#errors`);
    expect(attributesOf(failed, 'pl_form')).toEqual([
      `Path=/b2b/${link.publicId}`,
      'Max-Age=600',
      'HttpOnly',
      'SameSite=Lax',
      'Secure',
    ]);
    // What was typed (an email) is sealed, not written in the cookie.
    expect(cookieOf(failed, 'pl_form')).not.toContain('budi');
    expect(cookieOf(failed, 'pl_form')).not.toContain('example.com');
  });

  it('is forgotten once a payment starts', async () => {
    const link = await newLink();
    const failed = await formPost(`/b2b/${link.publicId}/payments`, {});
    const form = cookieOf(failed, 'pl_form');
    const started = await formPost(`/b2b/${link.publicId}/payments`, { method: 'QRIS' }, form);
    expect(started.status).toBe(303);
    expect(attributesOf(started, 'pl_form')).toContain('Max-Age=0');
  });

  it('for an unknown link leaves no cookie and no refresh', async () => {
    const failed = await formPost(`/b2b/PL20260115100000${'0'.repeat(32)}/payments`, {
      method: 'QRIS',
    });
    expect(failed.cookies).toEqual([]);
    expect(failed.headers.get('refresh')).toBeNull();
  });
});

// SPEC §7: "the link mail is sent again with the VA number/QR link when a payment starts and
// the customer gave an email".
describe('the payment mail', () => {
  it('is queued with the VA number and the payment page when the customer gave an email', async () => {
    const link = await newLink({ required_customer_detail: true });
    const started = await startPayment(t, link.publicId, {
      method: 'VA_MANDIRI',
      customer: { name: 'Siti', email: 'siti@example.com', phone: '081234567890' },
    });
    expect(started.status).toBe(201);
    const { reff_no: reffNo, payment_method_value: vaNumber } = started.body.data;
    const mails = (await deliveriesOf(t, link.id)).filter((d) => d.channel === 'email');
    expect(mails.map((d) => [d.event, d.target])).toEqual([
      ['mail.payment_started', 'siti@example.com'],
    ]);
    const mail = JSON.parse(mails[0]?.payload ?? '{}');
    expect(mail.text.replace(/ /g, '')).toContain(vaNumber);
    expect(mail.text).toContain(`/b2b/${link.publicId}/payments/${reffNo}`);
  });

  it('is not sent when no email is known', async () => {
    const link = await newLink();
    expect((await startPayment(t, link.publicId, { method: 'QRIS' })).status).toBe(201);
    expect((await deliveriesOf(t, link.id)).filter((d) => d.channel === 'email')).toEqual([]);
  });
});
