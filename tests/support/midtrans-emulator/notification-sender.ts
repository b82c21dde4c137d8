import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { postNotification } from './notification-post.ts';
import { retriesAfter, retryDelay } from './retry-policy.ts';
import type { Fields } from './transaction-fields.ts';

/** One POST the emulator made (or, when `dropped`, chose not to make) to a notification URL. */
export type NotificationAttempt = {
  /** Shared by one body's attempts to one URL: the first try and its retries. */
  deliveryId: string;
  orderId: string;
  url: string;
  body: Fields;
  /** 1 for the first try, 2… for retries; 0 for a dropped notification that was never sent. */
  attempt: number;
  /** The receiver's HTTP status; null when it did not answer in time or could not be reached. */
  replyStatus: number | null;
  error: string | null;
  dropped: boolean;
  /** Wall-clock epoch ms when the attempt ended. */
  at: number;
};

export type NotificationSenderOptions = { retryDelaysMs: readonly number[]; timeoutMs: number };

export type NotificationSender = {
  /** Sends `body` to every URL after `delayMs`; resolves once each URL got its first try. */
  deliver: (orderId: string, urls: string[], body: Fields, delayMs: number) => Promise<void>;
  /** Records a notification that is lost on purpose. */
  drop: (orderId: string, urls: string[], body: Fields) => void;
  attempts: () => NotificationAttempt[];
  waitFor: (
    predicate: (attempts: NotificationAttempt[]) => boolean,
    timeoutMs: number,
  ) => Promise<NotificationAttempt[]>;
  /** Forgets the record; deliveries already under way carry on. */
  clear: () => void;
  /** Stops every delivery and retry. */
  close: () => void;
};

/** The notification sender: POSTs, follows 307/308, and retries per A.4 on a scaled schedule. */
export function createNotificationSender(options: NotificationSenderOptions): NotificationSender {
  const log: NotificationAttempt[] = [];
  const listeners = new Set<() => void>();
  const stop = new AbortController();
  /** Waits, or stops waiting at close. */
  const pause = (ms: number) =>
    sleep(ms, undefined, { signal: stop.signal }).catch(() => undefined);

  function record(attempt: NotificationAttempt) {
    log.push(attempt);
    for (const listener of [...listeners]) listener();
  }

  async function deliverTo(orderId: string, url: string, body: Fields, first: () => void) {
    const payload = JSON.stringify(body);
    const deliveryId = randomUUID();
    for (let attempt = 1; !stop.signal.aborted; attempt++) {
      const reply = await postNotification(url, payload, options.timeoutMs, stop.signal);
      if (stop.signal.aborted) break;
      record({
        deliveryId,
        orderId,
        url,
        body,
        attempt,
        replyStatus: reply.status,
        error: reply.error,
        dropped: false,
        at: Date.now(),
      });
      if (attempt === 1) first();
      if (attempt > retriesAfter(reply.status)) break;
      await pause(retryDelay(options.retryDelaysMs, attempt));
    }
    first();
  }

  return {
    deliver: async (orderId, urls, body, delayMs) => {
      if (delayMs > 0) await pause(delayMs);
      await Promise.all(
        urls.map(
          (url) =>
            new Promise<void>((firstDone) => {
              void deliverTo(orderId, url, body, firstDone);
            }),
        ),
      );
    },
    drop: (orderId, urls, body) => {
      for (const url of urls) {
        record({
          deliveryId: randomUUID(),
          orderId,
          url,
          body,
          attempt: 0,
          replyStatus: null,
          error: null,
          dropped: true,
          at: Date.now(),
        });
      }
    },
    attempts: () => [...log],
    waitFor: (predicate, timeoutMs) =>
      new Promise((resolve, reject) => {
        const check = () => {
          if (!predicate([...log])) return;
          listeners.delete(check);
          clearTimeout(timer);
          resolve([...log]);
        };
        const timer = setTimeout(() => {
          listeners.delete(check);
          reject(
            new Error(
              `notifications did not match within ${timeoutMs} ms (${log.length} recorded)`,
            ),
          );
        }, timeoutMs);
        listeners.add(check);
        check();
      }),
    clear: () => {
      log.length = 0;
    },
    close: () => stop.abort(),
  };
}
