import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export type ReceivedMail = { envelopeTo: string[]; raw: Buffer };

export type SmtpSink = {
  url: string;
  port: number;
  received: ReceivedMail[];
  stop: () => Promise<void>;
};

/**
 * A real SMTP server on 127.0.0.1 that keeps what it is given: on `port` (a mail server that
 * comes up where the app expects it), else on a random one. With `login`, it demands AUTH with
 * exactly those credentials (over plain TCP: this is a local test).
 */
export async function startSmtpSink(
  options: {
    port?: number;
    login?: { user: string; pass: string };
    /** Reads the message and never answers it, like a mail server that hangs. */
    stallAfterData?: boolean;
  } = {},
): Promise<SmtpSink> {
  const { login } = options;
  const received: ReceivedMail[] = [];
  const server = new SMTPServer({
    secure: false,
    authOptional: login === undefined,
    allowInsecureAuth: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onAuth(auth, _session, callback) {
      const ok = auth.username === login?.user && auth.password === login?.pass;
      callback(ok ? null : new Error('Invalid username or password'), { user: auth.username });
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        if (options.stallAfterData) return;
        received.push({
          envelopeTo: session.envelope.rcptTo.map((rcpt) => rcpt.address),
          raw: Buffer.concat(chunks),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  const stop = () => new Promise<void>((resolve) => server.close(resolve));
  return { url: `smtp://127.0.0.1:${port}`, port, received, stop };
}
