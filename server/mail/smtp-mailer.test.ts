import { createServer, type AddressInfo, type Socket } from 'node:net';
import { simpleParser, type AddressObject } from 'mailparser';
import { afterEach, describe, expect, it } from 'vitest';
import { startSmtpSink } from '../../tests/support/smtp-sink.ts';
import { composeLinkMail } from '../domain/mail/index.ts';
import { createLogger } from '../logger.ts';
import { createMailer, type Mailer } from './create-mailer.ts';

const PAY_URL = 'https://pay.example.id/b2b/PL20261120135940d2c1f3e4a5b6c7d8e9f0a1b2c3d4e5f6';
const mail = composeLinkMail({
  merchantName: 'Toko Maju',
  title: 'Kaos Polos',
  amount: 20_000,
  expiresAt: new Date('2026-11-21T06:59:40Z'),
  payUrl: PAY_URL,
  customerName: 'Budi',
  to: 'budi@example.com',
  items: null,
  contact: { email: null, phone: null },
});

/** A real SMTP server on a random local port that keeps what it is given. */
const startSmtpServer = (login?: { user: string; pass: string }) =>
  startSmtpSink(login ? { login } : {});

/** Accepts TCP connections and never says a word, like a hung mail server. */
async function startSilentServer(): Promise<{ port: number; stop: () => Promise<void> }> {
  const sockets = new Set<Socket>();
  const server = createServer((socket) => sockets.add(socket));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const stop = () => {
    for (const socket of sockets) socket.destroy();
    return new Promise<void>((resolve) => server.close(() => resolve()));
  };
  return { port: (server.address() as AddressInfo).port, stop };
}

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const options = { outboxDir: '/nonexistent', from: 'no-reply@paylink.example' };

function track(mailer: Mailer): Mailer {
  cleanups.push(() => mailer.close());
  return mailer;
}

describe('createMailer over SMTP', () => {
  it('delivers a mail the server parses back: subject, recipient, text and link', async () => {
    const smtp = await startSmtpServer();
    cleanups.push(smtp.stop);
    const logged: string[] = [];
    const logger = createLogger('info', { write: (line) => logged.push(line) });
    const mailer = track(
      createMailer({
        ...options,
        smtpUrl: smtp.url,
        from: 'Paylink <no-reply@paylink.example>',
        logger,
      }),
    );

    const { messageId } = await mailer.send(mail);

    expect(smtp.received).toHaveLength(1);
    const [delivery] = smtp.received;
    expect(delivery?.envelopeTo).toEqual(['budi@example.com']);
    const parsed = await simpleParser(delivery!.raw);
    expect(parsed.messageId).toBe(messageId);
    expect(parsed.subject).toBe(
      'Tagihan dari Toko Maju: Kaos Polos / Payment request from Toko Maju',
    );
    expect((parsed.to as AddressObject).value[0]?.address).toBe('budi@example.com');
    expect(parsed.from?.value[0]?.address).toBe('no-reply@paylink.example');
    expect(parsed.text).toContain(PAY_URL);
    expect(parsed.text).toContain('Rp 20.000');
    expect(parsed.text).toContain('21 November 2026, 13.59 WIB');
    expect(parsed.html).toContain(`<a href="${PAY_URL}"`);
    expect(logged.join('\n')).toContain(messageId);
    expect(logged.join('\n')).not.toContain('budi@example.com');
  });

  it('keeps a Message-ID the caller chose, so a retried mail is recognisably the same', async () => {
    const smtp = await startSmtpServer();
    cleanups.push(smtp.stop);
    const mailer = track(createMailer({ ...options, smtpUrl: smtp.url }));

    const { messageId } = await mailer.send({ ...mail, messageId: 'outbox-42@paylink.example' });

    expect(messageId).toBe('<outbox-42@paylink.example>');
    expect((await simpleParser(smtp.received[0]!.raw)).messageId).toBe(messageId);
  });

  it('logs in with the credentials in the URL, percent-decoded', async () => {
    const login = { user: 'paylink', pass: 'p@ss:w/rd' };
    const smtp = await startSmtpServer(login);
    cleanups.push(smtp.stop);
    const url = smtp.url.replace('//', `//${login.user}:${encodeURIComponent(login.pass)}@`);

    await track(createMailer({ ...options, smtpUrl: url })).send(mail);
    expect(smtp.received).toHaveLength(1);

    const wrong = smtp.url.replace('//', '//paylink:wrong@');
    await expect(track(createMailer({ ...options, smtpUrl: wrong })).send(mail)).rejects.toThrow(
      /Invalid username or password/,
    );
  });

  it('refuses a URL that is not smtp:// or smtps://', () => {
    expect(() => createMailer({ ...options, smtpUrl: 'direct://localhost' })).toThrow(RangeError);
    expect(() => createMailer({ ...options, smtpUrl: 'http://localhost:25' })).toThrow(RangeError);
  });

  it('rejects at once when nothing listens on the port', async () => {
    const { port, stop } = await startSilentServer();
    await stop(); // the port was free a moment ago and now nothing listens on it
    const mailer = track(createMailer({ ...options, smtpUrl: `smtp://127.0.0.1:${port}` }));

    const started = performance.now();
    await expect(mailer.send(mail)).rejects.toThrow(/ECONNREFUSED/);
    expect(performance.now() - started).toBeLessThan(3_000);
  });

  it('rejects after the timeout when the server takes the message and never answers', async () => {
    // The worker leases a mail for 60 s (server/worker/worker.ts): one attempt must end well
    // before that, or another worker sends the same mail while this one still waits.
    const smtp = await startSmtpSink({ stallAfterData: true });
    cleanups.push(smtp.stop);
    const mailer = track(createMailer({ ...options, smtpUrl: smtp.url, timeoutMs: 500 }));

    const started = performance.now();
    await expect(mailer.send(mail)).rejects.toThrow(/timeout/i);
    expect(performance.now() - started).toBeLessThan(2_500);
  });

  it('rejects after the timeout when the server accepts but never greets', async () => {
    const { port, stop } = await startSilentServer();
    cleanups.push(stop);
    const mailer = track(
      createMailer({ ...options, smtpUrl: `smtp://127.0.0.1:${port}`, timeoutMs: 300 }),
    );

    const started = performance.now();
    await expect(mailer.send(mail)).rejects.toThrow(/greeting/i);
    expect(performance.now() - started).toBeLessThan(3_000);
  });
});
