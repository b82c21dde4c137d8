import { simpleParser, type AddressObject, type ParsedMail } from 'mailparser';
import { afterEach, describe, expect, it } from 'vitest';
import { createLinkOk } from '../../tests/support/link-api.ts';
import { createMerchant } from '../../tests/support/merchant.ts';
import { type SmtpSink, startSmtpSink } from '../../tests/support/smtp-sink.ts';
import { createTestPaylink, type TestPaylink } from '../../tests/support/test-paylink.ts';
import { paidVaPayment } from '../../tests/support/worker-fixture.ts';
import { deliveries } from '../store/schema.ts';
import { createWorker } from './worker.ts';

// Issue 12, problem 9: mails that looked like phishing. They now come from Paylink's own
// address (never `localhost` once PUBLIC_BASE_URL has a domain) under the merchant's name,
// replies go to the merchant, and the link mail carries the order and the merchant's contact.
// A real SMTP server receives; mailparser reads the headers and parts as a mail client would.

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function setUp(
  env: Record<string, string> = {},
): Promise<{ t: TestPaylink; smtp: SmtpSink }> {
  const smtp = await startSmtpSink();
  cleanups.push(smtp.stop);
  const t = await createTestPaylink({ env: { SMTP_URL: smtp.url, ...env } });
  cleanups.push(() => t.close());
  t.clock.set(new Date());
  return { t, smtp };
}

async function sendAll(t: TestPaylink, smtp: SmtpSink): Promise<ParsedMail[]> {
  await createWorker(t.deps, 1000).runOnce();
  return Promise.all(smtp.received.map((mail) => simpleParser(mail.raw)));
}

const replyToOf = (mail: ParsedMail) =>
  (mail.replyTo as AddressObject | undefined)?.value.map((box) => box.address) ?? [];

const BRANDED = {
  name: 'PT Kopi Senja Nusantara',
  email: 'owner@kopisenja.example',
  phone: '08123993201',
  display_name: 'Kopi Senja',
  support_email: 'bantuan@kopisenja.example',
  support_phone: '(021) 555-1234',
};

const ITEMS = [
  { name: 'Kopi susu gula aren', quantity: 2, unit_price: 18_000 },
  { name: 'Roti bakar', quantity: 1, unit_price: 14_000 },
];

describe('the link mail', () => {
  it('comes from our domain under the merchant’s name, replies to its support address', async () => {
    const { t, smtp } = await setUp();
    const merchant = await createMerchant(t, BRANDED);
    await createLinkOk(t, merchant, {
      title: 'Pesanan #0142',
      total_amount: undefined,
      items: ITEMS,
      customer: { name: 'Budi', email: 'budi@example.com' },
    });
    const [mail] = await sendAll(t, smtp);
    if (!mail) throw new Error('no mail');
    // TEST_BASE_URL is https://pay.example.test and MAIL_FROM is unset.
    expect(mail.from?.value).toEqual([
      { name: 'Kopi Senja', address: 'no-reply@pay.example.test' },
    ]);
    expect(replyToOf(mail)).toEqual(['bantuan@kopisenja.example']);
    expect(mail.text).not.toContain('localhost');
  });

  it('lists the items and the merchant’s contact, in both languages', async () => {
    const { t, smtp } = await setUp();
    const merchant = await createMerchant(t, BRANDED);
    await createLinkOk(t, merchant, {
      title: 'Pesanan #0142',
      total_amount: undefined,
      items: ITEMS,
      customer: { email: 'budi@example.com' },
    });
    const [mail] = await sendAll(t, smtp);
    for (const line of [
      'Rincian pesanan:',
      'Order details:',
      '- Kopi susu gula aren (2 × Rp 18.000): Rp 36.000',
      '- Roti bakar (1 × Rp 14.000): Rp 14.000',
      'Ada pertanyaan? Hubungi Kopi Senja:',
      'Questions? Contact Kopi Senja:',
      'Email: bantuan@kopisenja.example',
      'Telepon: +62215551234',
      'Phone: +62215551234',
    ]) {
      expect(mail?.text).toContain(line);
    }
    expect(mail?.html).toContain('href="mailto:bantuan@kopisenja.example"');
    expect(mail?.html).toContain('href="tel:+62215551234"');
    expect(mail?.html).toMatch(/Kopi susu gula aren<br><span[^>]*>2 × Rp 18\.000<\/span>/);
  });

  it('falls back to the account’s own email and phone when there is no support contact', async () => {
    const { t, smtp } = await setUp();
    const merchant = await createMerchant(t, {
      name: 'Warung Bu Tini',
      email: 'tini@warung.example',
      phone: '081234567890',
    });
    await createLinkOk(t, merchant, { customer: { email: 'budi@example.com' } });
    const [mail] = await sendAll(t, smtp);
    expect(mail?.from?.value).toEqual([
      { name: 'Warung Bu Tini', address: 'no-reply@pay.example.test' },
    ]);
    expect(replyToOf(mail as ParsedMail)).toEqual(['tini@warung.example']);
    expect(mail?.text).toContain('Email: tini@warung.example');
    expect(mail?.text).toContain('Phone: 081234567890');
    // A link of one total amount has no order lines.
    expect(mail?.text).not.toContain('Order details');
  });

  it('has no Reply-To and no contact block when the merchant gave neither', async () => {
    const { t, smtp } = await setUp();
    const merchant = await createMerchant(t, { name: 'Toko Sepi', email: null, phone: null });
    await createLinkOk(t, merchant, { customer: { email: 'budi@example.com' } });
    const [mail] = await sendAll(t, smtp);
    expect(mail?.replyTo).toBeUndefined();
    expect(mail?.text).not.toContain('Questions?');
  });

  it('a configured MAIL_FROM keeps its address under the merchant’s name', async () => {
    const { t, smtp } = await setUp({ MAIL_FROM: 'Kasir Paylink <kasir@mail.example.com>' });
    const merchant = await createMerchant(t, BRANDED);
    await createLinkOk(t, merchant, { customer: { email: 'budi@example.com' } });
    const [mail] = await sendAll(t, smtp);
    expect(mail?.from?.value).toEqual([{ name: 'Kopi Senja', address: 'kasir@mail.example.com' }]);
  });

  it('a merchant name that looks like addresses stays a name', async () => {
    const { t, smtp } = await setUp();
    const merchant = await createMerchant(t, {
      name: 'Toko',
      display_name: 'Bank "Resmi" <security@bank.example>, x@evil.example',
    });
    await createLinkOk(t, merchant, { customer: { email: 'budi@example.com' } });
    const [mail] = await sendAll(t, smtp);
    expect(mail?.from?.value).toHaveLength(1);
    expect(mail?.from?.value[0]?.address).toBe('no-reply@pay.example.test');
    expect(mail?.bcc).toBeUndefined();
    expect(smtp.received[0]?.envelopeTo).toEqual(['budi@example.com']);
  });
});

describe('the receipt mail', () => {
  it('comes from the merchant’s name, replies to the merchant, and gives its contact', async () => {
    const { t, smtp } = await setUp();
    const merchant = await createMerchant(t, BRANDED);
    await paidVaPayment(
      t,
      merchant,
      {},
      { name: 'Siti', email: 'siti@example.com', phone: '081234567890' },
    );
    const mails = await sendAll(t, smtp);
    const receipt = mails.find((mail) => mail.subject?.startsWith('Pembayaran diterima'));
    expect(receipt?.from?.value).toEqual([
      { name: 'Kopi Senja', address: 'no-reply@pay.example.test' },
    ]);
    expect(replyToOf(receipt as ParsedMail)).toEqual(['bantuan@kopisenja.example']);
    expect(receipt?.text).toContain('Questions? Contact Kopi Senja:');
    expect(receipt?.text).toContain('Email: bantuan@kopisenja.example');
  });
});

describe('a mail queued before mails had a sender name', () => {
  it('still goes out, from MAIL_FROM as it is', async () => {
    const { t, smtp } = await setUp();
    const merchant = await createMerchant(t, BRANDED);
    const now = t.clock.now();
    await t.db.insert(deliveries).values({
      accountId: merchant.accountId,
      channel: 'email',
      event: 'mail.payment_link',
      target: 'budi@example.com',
      messageId: 'msg_before_branding_0001',
      payload: JSON.stringify({
        to: 'budi@example.com',
        subject: 'Tagihan',
        text: 'Halo',
        html: '<p>Halo</p>',
      }),
      nextAttemptAt: now,
      createdAt: now,
      updatedAt: now,
    });
    const [mail] = await sendAll(t, smtp);
    expect(mail?.from?.value).toEqual([{ name: 'Paylink', address: 'no-reply@pay.example.test' }]);
    expect(mail?.replyTo).toBeUndefined();
  });
});
