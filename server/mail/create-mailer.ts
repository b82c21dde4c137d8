import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createTransport } from 'nodemailer';
import { toSingleLine } from '../domain/mail/header.ts';
import type { Logger } from '../logger.ts';
import { type Mailbox, parseMailbox } from './mailbox.ts';
import { toOutboxFileName } from './outbox-file-name.ts';

/** What the transport sends: a composed mail, optionally with a fixed Message-ID. */
export type OutgoingMail = {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** Set by a caller that retries, so a mail sent twice carries the same Message-ID. */
  messageId?: string | undefined;
  /** The From display name (the merchant's); MAIL_FROM's own name when absent. */
  fromName?: string | undefined;
  /** Where replies go (the merchant); none when absent or null. */
  replyTo?: string | null | undefined;
};

export type Mailer = {
  /** Resolves once the SMTP server accepted the mail or the .eml file is written; else rejects. */
  send: (mail: OutgoingMail) => Promise<{ messageId: string }>;
  close: () => Promise<void>;
};

export type MailerOptions = {
  /**
   * `smtp://user:pass@host:587` (STARTTLS when offered) or `smtps://…:465` (SPEC §9).
   * Unset or empty: mail goes to `outboxDir`.
   */
  smtpUrl?: string | undefined;
  /** Where mail goes without `smtpUrl`: `DATA_DIR/outbox` (SPEC §9). */
  outboxDir: string;
  /**
   * The From header, e.g. `Paylink <no-reply@paylink.example>`. A mail with its own
   * `fromName` keeps this address under that name: the address stays ours (SPF, DKIM and
   * DMARC hold), the name is the merchant's (docs/decisions/021).
   */
  from: string;
  /**
   * The longest wait for the server to connect and to greet; an answer may take twice this. A
   * server that hangs fails the attempt well inside the worker's 60 s delivery lease
   * (server/worker/worker.ts), so no other worker sends the same mail meanwhile.
   */
  timeoutMs?: number;
  now?: () => Date;
  logger?: Logger;
};

/** The nodemailer message both transports are given. */
type Message = {
  from: Mailbox;
  replyTo?: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  date: Date;
  messageId?: string;
};

const DEFAULT_TIMEOUT_MS = 10_000;

/**
 * Sends through SMTP when `smtpUrl` is set, else writes one RFC 5322 `.eml` file per mail into
 * `outboxDir`. It never retries or swallows a failure: the durable outbox that calls it does
 * the retrying. It logs Message-IDs and file names only, never an address.
 */
export function createMailer(options: MailerOptions): Mailer {
  const now = options.now ?? (() => new Date());
  const from = parseMailbox(toSingleLine(options.from));
  // Header values are made one-line again here: a caller other than domain/mail may send.
  // nodemailer quotes and encodes the display name (RFC 5322 §3.2.4, RFC 2047).
  const toMessage = (mail: OutgoingMail): Message => ({
    from: { name: mail.fromName ? toSingleLine(mail.fromName) : from.name, address: from.address },
    ...(mail.replyTo ? { replyTo: toSingleLine(mail.replyTo) } : {}),
    to: toSingleLine(mail.to),
    subject: toSingleLine(mail.subject),
    text: mail.text,
    html: mail.html,
    date: now(),
    ...(mail.messageId === undefined ? {} : { messageId: toMessageId(mail.messageId) }),
  });
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  // An empty SMTP_URL= reads as unset, as environment variables usually do.
  return options.smtpUrl === undefined || options.smtpUrl === ''
    ? createOutboxMailer(options.outboxDir, toMessage, options.logger)
    : createSmtpMailer(options.smtpUrl, timeoutMs, toMessage, options.logger);
}

/** RFC 5322 §3.6.4: `<id-left@id-right>`. */
function toMessageId(id: string): string {
  const bare = toSingleLine(id).replace(/^<|>$/g, '');
  return `<${bare}>`;
}

function createSmtpMailer(
  url: string,
  timeoutMs: number,
  toMessage: (mail: OutgoingMail) => Message,
  logger: Logger | undefined,
): Mailer {
  // nodemailer also reads `direct:` (deliver straight to each recipient's MX); not ours.
  const { protocol } = new URL(url);
  if (protocol !== 'smtp:' && protocol !== 'smtps:') {
    throw new RangeError(`SMTP_URL must start with smtp:// or smtps://, not ${protocol}//`);
  }
  // Query parameters in the URL (`?connectionTimeout=…`, `?tls.servername=…`) override these.
  const transport = createTransport({
    url,
    connectionTimeout: timeoutMs,
    greetingTimeout: timeoutMs,
    // Idle time on the socket: a server that took the message and went silent. Our mails are
    // a few kilobytes, so no answer legitimately takes long. Twice the greeting wait, so a
    // server that never greets reports that (the clearer error) rather than a bare timeout.
    socketTimeout: timeoutMs * 2,
  });
  return {
    async send(mail) {
      const info = await transport.sendMail(toMessage(mail));
      logger?.info('mail sent over smtp', { message_id: info.messageId });
      return { messageId: info.messageId };
    },
    async close() {
      transport.close();
    },
  };
}

function createOutboxMailer(
  dir: string,
  toMessage: (mail: OutgoingMail) => Message,
  logger: Logger | undefined,
): Mailer {
  // RFC 5322 §2.1 lines end in CRLF; nodemailer builds the MIME tree and encodes the headers.
  const transport = createTransport({ streamTransport: true, buffer: true, newline: 'windows' });
  return {
    async send(mail) {
      const message = toMessage(mail);
      const info = await transport.sendMail(message);
      const name = toOutboxFileName(message.date, info.messageId);
      await mkdir(dir, { recursive: true });
      // Written aside, then renamed: whoever reads the outbox never sees half a mail. The
      // mail holds a customer's address, so only the server's user may read it.
      const partial = join(dir, `.${name}.partial`);
      try {
        await writeFile(partial, info.message as Buffer, { flag: 'wx', mode: 0o600 });
        await rename(partial, join(dir, name));
      } catch (error) {
        await rm(partial, { force: true });
        throw error;
      }
      logger?.info('mail written to outbox', { file: name });
      return { messageId: info.messageId };
    },
    async close() {
      transport.close();
    },
  };
}
