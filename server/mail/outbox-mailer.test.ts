import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { simpleParser, type AddressObject } from 'mailparser';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { composeReceiptMail } from '../domain/mail/index.ts';
import { createLogger } from '../logger.ts';
import { createMailer } from './create-mailer.ts';

const mail = composeReceiptMail({
  merchantName: 'Toko Maju',
  title: 'Kaos Polos',
  amount: 20_000,
  paidAt: new Date('2026-11-21T06:59:40Z'),
  methodName: 'VA BRI',
  paymentReffNo: 'PAY20261121135940a1b2',
  customerName: 'Siti',
  to: 'siti@example.com',
  contact: { email: 'bantuan@tokomaju.example', phone: null },
});
const NOW = new Date('2026-11-21T07:00:00.000Z');

let root: string;
let outboxDir: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'paylink-outbox-'));
  outboxDir = join(root, 'data', 'outbox'); // does not exist yet
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

function outboxMailer(logged: string[] = []) {
  const logger = createLogger('info', { write: (line) => logged.push(line) });
  return createMailer({
    outboxDir,
    from: 'Paylink <no-reply@paylink.example>',
    now: () => NOW,
    logger,
  });
}

describe('createMailer without SMTP_URL (SPEC §9: .eml files under DATA_DIR/outbox)', () => {
  it('writes one RFC 5322 file that a mail parser reads back', async () => {
    const logged: string[] = [];
    const { messageId } = await outboxMailer(logged).send(mail);

    const files = await readdir(outboxDir);
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(/^20261121T070000\.000Z-[A-Za-z0-9._-]+\.eml$/);
    const raw = await readFile(join(outboxDir, files[0]!));
    expect(raw.toString('latin1')).toMatch(/^[\x21-\x7e]+: .*\r\n/);

    const parsed = await simpleParser(raw);
    expect(parsed.messageId).toBe(messageId);
    expect(parsed.date).toEqual(NOW);
    expect(parsed.subject).toBe('Pembayaran diterima / Payment received — Kaos Polos');
    expect((parsed.to as AddressObject).value[0]?.address).toBe('siti@example.com');
    // Our address under the merchant's name; replies go to the merchant.
    expect(parsed.from?.value[0]).toEqual({
      name: 'Toko Maju',
      address: 'no-reply@paylink.example',
    });
    expect((parsed.replyTo as AddressObject).value[0]?.address).toBe('bantuan@tokomaju.example');
    expect(parsed.text).toContain('Rp 20.000');
    expect(parsed.text).toContain('Waktu pembayaran: 21 November 2026, 13.59 WIB');
    expect(parsed.text).toContain('Paid at: 21 November 2026, 13:59 WIB');
    expect(parsed.html).toContain('<div lang="en"');
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatch(new RegExp(` info mail written to outbox file=${files[0]}$`));
    expect(logged.join('\n')).not.toContain('siti@example.com');
  });

  it('keeps the file private to the server user and leaves no partial file', async () => {
    const mailer = outboxMailer();
    await mailer.send(mail);
    await mailer.send(mail);

    const files = await readdir(outboxDir);
    expect(files).toHaveLength(2);
    expect(files.every((file) => file.endsWith('.eml'))).toBe(true);
    const { mode } = await stat(join(outboxDir, files[0]!));
    expect(mode & 0o077).toBe(0);
  });

  it('keeps a caller-chosen Message-ID inside the outbox, whatever it holds', async () => {
    const { messageId } = await outboxMailer().send({
      ...mail,
      messageId: '../../../escaped@paylink.example',
    });

    expect(messageId).toBe('<../../../escaped@paylink.example>');
    expect(await readdir(root)).toEqual(['data']);
    const files = await readdir(outboxDir);
    expect(files).toEqual(['20261121T070000.000Z-escaped_paylink.example.eml']);
    const parsed = await simpleParser(await readFile(join(outboxDir, files[0]!)));
    expect(parsed.messageId).toBe(messageId);
  });

  it('keeps a sender name on one line: no header gets in through it', async () => {
    await outboxMailer().send({
      ...mail,
      fromName: 'Toko\r\nBcc: victim@example.com\r\nX-Evil: 1',
      replyTo: 'bantuan@tokomaju.example\r\nBcc: victim@example.com',
    });
    const [file] = await readdir(outboxDir);
    const parsed = await simpleParser(await readFile(join(outboxDir, file ?? '')));
    expect(parsed.from?.value).toHaveLength(1);
    expect(parsed.from?.value[0]?.address).toBe('no-reply@paylink.example');
    expect(parsed.bcc).toBeUndefined();
    expect(parsed.headers.has('x-evil')).toBe(false);
  });

  it('treats an empty SMTP_URL as unset', async () => {
    const mailer = createMailer({ smtpUrl: '', outboxDir, from: 'no-reply@paylink.example' });
    await mailer.send(mail);
    expect(await readdir(outboxDir)).toHaveLength(1);
  });

  it('rejects when the outbox cannot be written, rather than losing the mail', async () => {
    await writeFile(join(root, 'data'), 'a file where the data folder should be');
    await expect(outboxMailer().send(mail)).rejects.toThrow(/ENOTDIR|EEXIST/);
  });
});
