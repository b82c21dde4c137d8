import { connect, type Socket } from 'node:net';

/** A raw TCP client, to send HTTP as slowly or as oddly as an attacker would. */
export type RawClient = {
  socket: Socket;
  /** Everything the server sent so far. */
  received: () => string;
  /** Milliseconds from connect to the server closing the connection (null: still open). */
  closedAfterMs: () => number | null;
  /** Milliseconds from connect to the close; Infinity if still open after `waitMs` more. */
  closedWithin: (waitMs: number) => Promise<number>;
  /** Writes `text` one character every `everyMs` until it is sent or the connection closes. */
  trickle: (text: string, everyMs: number) => Promise<void>;
  /** Resolves once the server's answers hold `count` status lines. */
  waitForAnswers: (count: number, timeoutMs: number) => Promise<void>;
};

export async function openRawClient(port: number): Promise<RawClient> {
  const socket = connect(port, '127.0.0.1');
  socket.setNoDelay(true);
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', resolve);
    socket.once('error', reject);
  });
  const openedAt = performance.now();
  let received = '';
  let closedAfter: number | null = null;
  socket.on('data', (chunk: Buffer) => (received += chunk.toString('latin1')));
  // A reset by the server is a close like any other here.
  socket.on('error', () => {});
  const closed = new Promise<number>((resolve) =>
    socket.once('close', () => {
      closedAfter = performance.now() - openedAt;
      resolve(closedAfter);
    }),
  );
  const isOpen = () => closedAfter === null && !socket.destroyed;
  return {
    socket,
    received: () => received,
    closedAfterMs: () => closedAfter,
    closedWithin: (waitMs) =>
      Promise.race([
        closed,
        new Promise<number>((resolve) =>
          setTimeout(() => resolve(Number.POSITIVE_INFINITY), waitMs).unref(),
        ),
      ]),
    async trickle(text, everyMs) {
      for (const char of text) {
        if (!isOpen()) return;
        socket.write(char);
        await new Promise((resolve) => setTimeout(resolve, everyMs));
      }
    },
    async waitForAnswers(count, timeoutMs) {
      const deadline = performance.now() + timeoutMs;
      while ((received.match(/HTTP\/1\.1 \d{3} /g) ?? []).length < count) {
        if (performance.now() > deadline || !isOpen()) {
          throw new Error(`${count} answers expected, got:\n${received}`);
        }
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    },
  };
}
