import { describe, expect, it } from 'vitest';
import { MAX_SUBJECT_LENGTH } from './header.ts';
import { composeLinkMail } from './link-mail.ts';
import { composeReceiptMail } from './receipt-mail.ts';

// Merchants choose the title and their name; customers choose theirs. None of it is trusted.
const HOSTILE = `<script>alert("x")</script><img src=x onerror='alert(1)'> & "quoted"`;
const ESCAPED =
  '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&lt;img src=x onerror=&#39;alert(1)&#39;&gt;' +
  ' &amp; &quot;quoted&quot;';

const link = {
  merchantName: HOSTILE,
  title: HOSTILE,
  amount: 20_000,
  expiresAt: null,
  payUrl: 'https://pay.example.id/b2b/PL1',
  customerName: HOSTILE,
  to: 'budi@example.com',
  items: [{ name: HOSTILE, quantity: 1, unitPrice: 20_000 }],
  contact: { email: 'a@b.example', phone: HOSTILE },
};
const receipt = {
  ...link,
  paidAt: new Date('2026-11-21T06:59:40Z'),
  methodName: HOSTILE,
  paymentReffNo: HOSTILE,
};

describe.each([
  ['link mail', () => composeLinkMail(link)],
  ['receipt mail', () => composeReceiptMail(receipt)],
])('%s with hostile input', (_name, compose) => {
  it('escapes it in the HTML, so no markup gets in', () => {
    const { html } = compose();
    expect(html).not.toContain('<script');
    expect(html).not.toContain('<img');
    expect(html).not.toContain(`'alert(1)'`);
    expect(html).toContain(ESCAPED);
  });

  it('keeps it verbatim in the text part, where markup is inert', () => {
    expect(compose().text).toContain(HOSTILE);
  });
});

describe('header injection', () => {
  const crlf = 'Kaos\r\nBcc: victim@example.com\r\n\r\n<b>body</b>';

  it.each([
    ['link mail', () => composeLinkMail({ ...link, title: crlf, merchantName: 'Toko\nX' })],
    ['receipt mail', () => composeReceiptMail({ ...receipt, title: crlf })],
  ])('%s: the subject and recipient stay on one line', (_name, compose) => {
    const mail = compose();
    expect(mail.subject).not.toMatch(/[\r\n]/);
    expect(mail.subject).toContain('Kaos Bcc: victim@example.com <b>body</b>');
    expect(mail.text).not.toContain('\nBcc:');
  });

  it('strips CR/LF from the recipient', () => {
    const mail = composeLinkMail({ ...link, to: 'budi@example.com\r\nBcc: victim@example.com' });
    expect(mail.to).toBe('budi@example.com Bcc: victim@example.com');
  });

  it('cannot break out of the href with a quote in the URL', () => {
    const { html } = composeLinkMail({
      ...link,
      payUrl: `https://pay.example.id/b2b/PL1"onmouseover='alert(1)'`,
    });
    expect(html).not.toContain('"onmouseover');
    expect(html).not.toContain(`'alert(1)'`);
  });
});

describe('long titles', () => {
  it.each([
    ['link mail', () => composeLinkMail({ ...link, merchantName: 'Toko', title: 'é'.repeat(300) })],
    ['receipt mail', () => composeReceiptMail({ ...receipt, title: 'é'.repeat(300) })],
  ])('%s: the subject is cut with …', (_name, compose) => {
    const { subject, text } = compose();
    expect(Array.from(subject).length).toBeLessThanOrEqual(MAX_SUBJECT_LENGTH);
    expect(subject).toContain('é…');
    expect(text).toContain('é'.repeat(300));
  });

  it('keeps the merchant and the English half of the link subject', () => {
    const { subject } = composeLinkMail({ ...link, merchantName: 'Toko', title: 'x'.repeat(300) });
    expect(subject).toMatch(/^Tagihan dari Toko: x+… \/ Payment request from Toko$/);
  });
});
