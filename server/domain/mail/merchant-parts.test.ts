import { describe, expect, it } from 'vitest';
import { composeLinkMail, type LinkMailInput } from './link-mail.ts';
import { mailContact, mailItems } from './merchant-parts.ts';
import { composeReceiptMail } from './receipt-mail.ts';

const LINK: LinkMailInput = {
  merchantName: 'Kopi Senja',
  title: 'Pesanan #0142',
  amount: 45_000,
  expiresAt: null,
  payUrl: 'https://pay.example.id/b2b/PL1',
  customerName: 'Budi',
  to: 'budi@example.com',
  items: [
    { name: 'Kopi susu', quantity: 2, unitPrice: 18_000 },
    { name: 'Roti bakar', quantity: 1, unitPrice: 14_000 },
    { name: 'Diskon member', quantity: 1, unitPrice: -5_000 },
  ],
  contact: { email: 'bantuan@kopisenja.example', phone: '+62215551234' },
};

describe('mailItems', () => {
  it('gives each line its count, price and sum, a discount negative', () => {
    expect(mailItems(LINK.items, 'id')).toEqual({
      heading: 'Rincian pesanan',
      rows: [
        { name: 'Kopi susu', detail: '2 × Rp 18.000', amount: 'Rp 36.000' },
        { name: 'Roti bakar', detail: '1 × Rp 14.000', amount: 'Rp 14.000' },
        { name: 'Diskon member', detail: '1 × -Rp 5.000', amount: '-Rp 5.000' },
      ],
    });
  });

  it('is absent for a link without lines', () => {
    expect(mailItems(null, 'en')).toBeNull();
    expect(mailItems([], 'en')).toBeNull();
  });
});

describe('mailContact', () => {
  it('names the merchant and gives what it has', () => {
    expect(mailContact({ email: null, phone: '0812' }, 'Kopi Senja', 'en')).toEqual({
      heading: 'Questions? Contact Kopi Senja:',
      email: null,
      phone: { label: 'Phone', number: '0812' },
    });
    expect(mailContact({ email: null, phone: null }, 'Kopi Senja', 'id')).toBeNull();
  });
});

describe('the link mail with items and contact', () => {
  it('writes them in the text part of both languages', () => {
    const { text } = composeLinkMail(LINK);
    expect(text).toContain(
      'Rincian pesanan:\n- Kopi susu (2 × Rp 18.000): Rp 36.000\n' +
        '- Roti bakar (1 × Rp 14.000): Rp 14.000\n- Diskon member (1 × -Rp 5.000): -Rp 5.000',
    );
    expect(text).toContain(
      'Ada pertanyaan? Hubungi Kopi Senja:\nEmail: bantuan@kopisenja.example\nTelepon: +62215551234',
    );
    expect(text).toContain('Order details:\n- Kopi susu (2 × Rp 18.000): Rp 36.000');
    expect(text).toContain('Questions? Contact Kopi Senja:\nEmail: bantuan@kopisenja.example');
  });

  it('is from the merchant’s name and replies to its contact email', () => {
    const mail = composeLinkMail(LINK);
    expect(mail.fromName).toBe('Kopi Senja');
    expect(mail.replyTo).toBe('bantuan@kopisenja.example');
    expect(composeLinkMail({ ...LINK, contact: { email: null, phone: null } }).replyTo).toBeNull();
  });
});

describe.each([
  ['link mail', () => composeLinkMail(LINK).html],
  [
    'receipt mail',
    () =>
      composeReceiptMail({
        ...LINK,
        paidAt: new Date('2026-11-21T06:59:40Z'),
        methodName: 'VA BRI',
        paymentReffNo: 'PAY20261121135940a1b2c3d4e5f6',
      }).html,
  ],
])('%s HTML for a 360 px phone', (_name, html) => {
  it('sets no fixed width over 320 px (max-width is a cap, not a width)', () => {
    const widths = [...html().matchAll(/(?<![-\w])width:\s*(\d+)px/g)].map((m) => Number(m[1]));
    expect(widths.filter((width) => width > 320)).toEqual([]);
    expect(html()).not.toMatch(/\bwidth="\d+"/);
  });

  it('gives every table the card’s width', () => {
    const tables = html().match(/<table\b[^>]*>/g) ?? [];
    expect(tables.length).toBeGreaterThan(0);
    for (const table of tables) expect(table).toContain('width:100%');
  });

  it('lets values and the contact break anywhere', () => {
    expect(html()).toMatch(/<td style="[^"]*overflow-wrap:anywhere[^"]*">/);
  });
});
