import { simpleParser, type AddressObject, type ParsedMail } from 'mailparser';
import { afterEach, describe, expect, it } from 'vitest';
import { payVa, publicIdOf, startPayment } from '../../tests/support/checkout-api.ts';
import { createLinkOk } from '../../tests/support/link-api.ts';
import { createMerchant, type Merchant } from '../../tests/support/merchant.ts';
import { freePort } from '../../tests/support/merchant-receiver.ts';
import { type SmtpSink, startSmtpSink } from '../../tests/support/smtp-sink.ts';
import { createTestPaylink, type TestPaylink } from '../../tests/support/test-paylink.ts';
import { AMOUNT, deliveryOf } from '../../tests/support/worker-fixture.ts';
import { createWorker } from './worker.ts';

// SPEC §3.2 and §9: mail leaves through SMTP_URL from the same durable outbox as callbacks,
// so a request never waits for the mail server and a mail server that is down delays mail
// without losing it. A real SMTP server receives; mailparser reads what it got.

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function setUp(smtpPort: number): Promise<{ t: TestPaylink; merchant: Merchant }> {
  const t = await createTestPaylink({ env: { SMTP_URL: `smtp://127.0.0.1:${smtpPort}` } });
  cleanups.push(() => t.close());
  t.clock.set(new Date());
  return { t, merchant: await createMerchant(t, { name: 'Toko Maju' }) };
}

async function sink(port?: number): Promise<SmtpSink> {
  const smtp = await startSmtpSink(port === undefined ? {} : { port });
  cleanups.push(smtp.stop);
  return smtp;
}

const parse = (smtp: SmtpSink, index: number): Promise<ParsedMail> =>
  simpleParser(smtp.received[index]!.raw);

const LINK = { title: 'Kaos Polos', total_amount: AMOUNT };

describe('worker: mail over SMTP', () => {
  it('mails a link created with customer.email: both languages, amount and URL', async () => {
    const smtp = await sink();
    const { t, merchant } = await setUp(smtp.port);
    const link = await createLinkOk(t, merchant, {
      ...LINK,
      customer: { name: 'Budi', email: 'budi@example.com' },
    });
    expect(smtp.received).toHaveLength(0);

    expect(await createWorker(t.deps, 1000).runOnce()).toMatchObject({ attempted: 1 });
    expect(smtp.received).toHaveLength(1);
    expect(smtp.received[0]!.envelopeTo).toEqual(['budi@example.com']);
    const mail = await parse(smtp, 0);
    expect(mail.subject).toBe(
      'Tagihan dari Toko Maju: Kaos Polos / Payment request from Toko Maju',
    );
    expect((mail.to as AddressObject).value[0]?.address).toBe('budi@example.com');
    expect(mail.text).toContain('Halo Budi');
    expect(mail.text).toContain('Hello Budi');
    expect(mail.text).toContain('Rp 50.000');
    expect(mail.text).toContain(link.payment_url);
    expect(mail.html).toContain(`href="${link.payment_url}"`);
    const row = await deliveryOf(t, merchant, 'mail.payment_link');
    expect(row).toMatchObject({ channel: 'email', target: 'budi@example.com', attempts: 1 });
    expect(row.delivered_at).not.toBeNull();
    expect(mail.messageId).toBe(`<${row.webhook_id}@paylink>`);
  });

  it('mails the VA number when a payment starts, and a receipt when it is paid', async () => {
    const smtp = await sink();
    const { t, merchant } = await setUp(smtp.port);
    const link = await createLinkOk(t, merchant, LINK);
    const started = await startPayment(t, publicIdOf(link), {
      method: 'VA_BRI',
      customer: { name: 'Siti', email: 'siti@example.com', phone: '081234567890' },
    });
    expect(started.status).toBe(201);
    const payment = started.body.data;
    const paid = await payVa(t, {
      bank: 'BRI',
      va_number: payment.payment_method_value,
      amount: AMOUNT,
    });
    expect(paid.status).toBe(200);

    await createWorker(t.deps, 1000).runOnce();
    // The mail with the VA number when the payment started (SPEC §7), then the receipt.
    expect(smtp.received.map((m) => m.envelopeTo)).toEqual([
      ['siti@example.com'],
      ['siti@example.com'],
    ]);
    const mails = [await parse(smtp, 0), await parse(smtp, 1)];
    const vaMail = mails.find((m) => m.subject?.startsWith('Menunggu pembayaran'));
    expect(vaMail?.text?.replace(/ /g, '')).toContain(payment.payment_method_value);
    const mail = mails.find((m) => m.subject?.startsWith('Pembayaran diterima'));
    if (!mail) throw new Error('no receipt mail');
    expect(mail.subject).toBe('Pembayaran diterima / Payment received — Kaos Polos');
    for (const text of [
      'Pembayaran diterima',
      'Payment received',
      'Rp 50.000',
      'VA BRI',
      payment.reff_no,
    ]) {
      expect(mail.text).toContain(text);
    }
    expect((await deliveryOf(t, merchant, 'mail.receipt')).delivered_at).not.toBeNull();
  });

  it('queues mail while SMTP is down, answers at once, and delivers once it is up', async () => {
    const port = await freePort(); // nothing listens here yet
    const { t, merchant } = await setUp(port);
    const link = await createLinkOk(t, merchant, {
      ...LINK,
      customer: { email: 'budi@example.com' },
    });
    // The request only queued the mail: nothing tried the mail server yet.
    expect(await deliveryOf(t, merchant, 'mail.payment_link')).toMatchObject({
      attempts: 0,
      last_error: null,
    });

    const worker = createWorker(t.deps, 1000);
    expect(await worker.runOnce()).toMatchObject({ attempted: 1 });
    const queued = await deliveryOf(t, merchant, 'mail.payment_link');
    expect(queued).toMatchObject({ attempts: 1, delivered_at: null, failed_at: null });
    expect(queued.last_error).toMatch(/ECONNREFUSED/);
    expect(queued.next_attempt_at).not.toBeNull();

    const smtp = await sink(port);
    t.clock.advance(4_000);
    expect(await worker.runOnce()).toMatchObject({ attempted: 0 });
    t.clock.advance(2_000);
    expect(await worker.runOnce()).toMatchObject({ attempted: 1 });
    expect(smtp.received).toHaveLength(1);
    expect((await parse(smtp, 0)).text).toContain(link.payment_url);
    expect(await deliveryOf(t, merchant, 'mail.payment_link')).toMatchObject({
      attempts: 2,
      last_error: null,
    });
  });
});
