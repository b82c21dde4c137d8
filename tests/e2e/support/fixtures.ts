import { type BrowserContext, type Response, test as base, expect } from '@playwright/test';
import { createMerchant, E2E_BASE_URL, type E2eMerchant } from './paylink.ts';
import { type Receiver, startReceiver } from './receiver.ts';

/**
 * What the browser did while a test ran: every request it made, the console errors (CSP
 * violations among them), uncaught page errors and failed sub-resources.
 */
export type BrowserGuard = {
  requests: string[];
  problems: string[];
  /** Another origin the test itself sends the browser to (the merchant's receiver). */
  allowOrigin: (origin: string) => void;
};

/**
 * The page listens to `/b2b/{id}/events` and polls `/status` where that stream cannot be had
 * (SPEC §7); a server without the stream answers 404, and the polling is then what runs.
 */
function isMissingEventStream(response: Response): boolean {
  return response.status() === 404 && response.request().resourceType() === 'eventsource';
}

/** Watches the browser of a test whose pages are served from `serverOrigin`. */
function watchBrowser(context: BrowserContext, serverOrigin: string): BrowserGuard {
  const allowed = new Set([serverOrigin]);
  const guard: BrowserGuard = {
    requests: [],
    problems: [],
    allowOrigin: (origin) => allowed.add(origin),
  };
  context.on('request', (request) => {
    const url = request.url();
    guard.requests.push(url);
    // data: URLs never leave the page; anything else must go to our server (SPEC §7).
    if (!url.startsWith('data:') && !allowed.has(new URL(url).origin))
      guard.problems.push(`request to another origin: ${url}`);
  });
  context.on('response', (response) => {
    // Pages answer 404/422 on purpose; every script, style, image and fetch must load.
    if (response.status() >= 400 && response.request().resourceType() !== 'document')
      if (!isMissingEventStream(response))
        guard.problems.push(`${response.status()} for ${response.url()}`);
  });
  context.on('requestfailed', (request) => {
    const error = request.failure()?.errorText ?? '';
    // Leaving a page cancels its pending status poll; that is not a failure.
    if (error !== 'net::ERR_ABORTED') guard.problems.push(`${error} for ${request.url()}`);
  });
  context.on('console', (message) => {
    const text = message.text();
    // Chromium logs a document's own 404/422 as a failed load; the tests assert those statuses.
    if (message.type() === 'error' && !/^Failed to load resource: the server responded/.test(text))
      guard.problems.push(`console error: ${text}`);
  });
  context.on('weberror', (error) => guard.problems.push(`page error: ${error.error().message}`));
  return guard;
}

type Fixtures = {
  /** Fails the test when the browser logged an error or talked to a third party. */
  browserGuard: BrowserGuard;
  /** A fresh merchant account, created through the API. */
  merchant: E2eMerchant;
  /** The merchant's own site, where the customer is sent back after paying or expiry. */
  receiver: Receiver;
};

export const test = base.extend<Fixtures>({
  browserGuard: [
    async ({ context, baseURL }, use) => {
      // Each project's own server (the sandbox one, or the one in front of Midtrans).
      const guard = watchBrowser(context, new URL(baseURL ?? E2E_BASE_URL).origin);
      await use(guard);
      expect(guard.problems, 'browser problems').toEqual([]);
    },
    { auto: true },
  ],
  merchant: async ({ request }, use) => {
    await use(await createMerchant(request));
  },
  receiver: async ({ browserGuard }, use) => {
    const receiver = await startReceiver();
    browserGuard.allowOrigin(receiver.origin);
    await use(receiver);
    await receiver.close();
  },
});

export { expect };
