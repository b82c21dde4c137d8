import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readBuildInlineHashes } from '../../server/adapter/build-csp.ts';
import {
  hashSource,
  pageContentSecurityPolicy,
} from '../../server/http/content-security-policy.ts';
import {
  asMerchant,
  call,
  createRemoteMerchant,
  type RemoteMerchant,
} from '../support/remote-paylink.ts';
import {
  killAllServers,
  SERVER_ENTRY,
  type ServerProcess,
  startServer,
  tempDataDir,
} from '../support/server-process.ts';

// docs/decisions/015: the pages' Content-Security-Policy comes from what the build knows of
// Paylink's own styles and scripts, never from the HTML a page ended up with. Merchant and
// customer text is escaped, but the policy must not depend on that.

/** Text a merchant or a customer controls, each an inline block if it were not escaped. */
const HOSTILE = {
  title: '<script>alert("title")</script>',
  description: '</style><style>body{display:none}</style><script>alert("description")</script>',
  item: '<script>alert("item")</script>',
  merchant: '<script>alert("merchant")</script>',
  customer: '<script>alert("customer")</script>',
};
const INJECTED_BLOCKS = [
  'alert("title")',
  'alert("description")',
  'alert("item")',
  'alert("merchant")',
  'alert("customer")',
  'body{display:none}',
];

let server: ServerProcess;
let merchant: RemoteMerchant;
const cleanups: Array<() => Promise<void> | void> = [];

beforeAll(async () => {
  const dir = await tempDataDir();
  cleanups.push(dir.remove);
  server = await startServer({ dataDir: dir.dir, readyTimeoutMs: 90_000 });
  merchant = await createRemoteMerchant(server.baseUrl, { name: HOSTILE.merchant });
}, 120_000);

afterAll(async () => {
  await killAllServers();
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function newLinkPath(body: object): Promise<string> {
  const link = (
    await call(server.baseUrl, 'POST', `/api/v1.0/payment-link-manage/${merchant.accountId}`, {
      headers: asMerchant(merchant),
      body: { total_amount: 50_000, max_usage: 2, ...body },
      expected: 200,
    })
  ).data;
  return new URL(String(link.payment_url)).pathname;
}

async function policyOf(path: string, init: RequestInit = {}) {
  const response = await fetch(`${server.baseUrl}${path}`, init);
  const html = await response.text();
  return { status: response.status, html, policy: response.headers.get('content-security-policy') };
}

describe('the page policy is the build’s, whatever a page holds', () => {
  it('is one constant policy, made of the build’s list, on plain and hostile pages alike', async () => {
    const plain = await newLinkPath({ title: 'Kopi Susu' });
    const hostile = await newLinkPath({
      title: HOSTILE.title,
      description: HOSTILE.description,
      items: [{ name: HOSTILE.item, quantity: 1, unit_price: 50_000 }],
      required_customer_detail: true,
    });
    const payment = (
      await call(server.baseUrl, 'POST', `${hostile}/payments`, {
        body: {
          method: 'VA_BRI',
          customer: { name: HOSTILE.customer, email: 'budi@example.com', phone: '081234567890' },
        },
        expected: 201,
      })
    ).data as { reff_no: string };
    // A failed no-JS form post shows the customer's own text again.
    const refusedForm = {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ method: 'VA_BRI', customer_name: HOSTILE.customer }).toString(),
    };
    const pages = [
      await policyOf(plain),
      await policyOf(hostile),
      await policyOf(`${hostile}/payments/${payment.reff_no}`),
      await policyOf(`${hostile}/payments`, refusedForm),
      await policyOf('/b2b/PLnosuchlink'),
    ];
    expect(pages.map((page) => page.status)).toEqual([200, 200, 200, 422, 404]);
    expect(pages.slice(1, 4).every((page) => page.html.includes('alert('))).toBe(true);

    const hashes = readBuildInlineHashes(pathToFileURL(SERVER_ENTRY).href);
    if (!hashes) throw new Error('the build has no inline-hashes.json');
    const buildPolicy = pageContentSecurityPolicy(hashes);
    for (const page of pages) expect(page.policy).toBe(buildPolicy);
    for (const block of INJECTED_BLOCKS) expect(buildPolicy).not.toContain(hashSource(block));
  });

  // Every script is a file of our origin (astro.config.mjs): no inline script may run at all.
  it('allows no inline script: script-src is our origin alone', () => {
    expect(readBuildInlineHashes(pathToFileURL(SERVER_ENTRY).href)?.scripts).toEqual([]);
  });
});

// The inline CSS is built for the phones of astro.config.mjs (Chrome 64, Safari 12): range
// media queries (`width >= 30rem`) would be ignored there, and the layout with them.
describe('the pages’ CSS, as older WebViews read it', () => {
  it('writes media queries with min-width and max-width, never in range syntax', async () => {
    const plain = await newLinkPath({ title: 'Teh Tarik' });
    const { html } = await policyOf(plain);
    const queries = [...html.matchAll(/@media([^{]*)\{/g)].map((match) => match[1] ?? '');
    expect(queries.some((query) => query.includes('min-width'))).toBe(true);
    expect(queries.filter((query) => /width\s*[<>]/.test(query))).toEqual([]);
  });
});

describe('a build that lost its list', () => {
  // Deployed without dist/server/inline-hashes.json, the server once hashed each page's own
  // HTML, so an injected block would have been allowed. Now it does not start.
  it('refuses to start instead of hashing the pages it renders', { timeout: 60_000 }, async () => {
    const serverDir = dirname(SERVER_ENTRY);
    const copy = mkdtempSync(join(dirname(serverDir), `${basename(serverDir)}-without-list-`));
    cleanups.push(() => rmSync(copy, { recursive: true, force: true }));
    cpSync(serverDir, copy, {
      recursive: true,
      filter: (source) => basename(source) !== 'inline-hashes.json',
    });
    const dir = await tempDataDir();
    cleanups.push(dir.remove);
    await expect(
      startServer({ dataDir: dir.dir, entry: join(copy, basename(SERVER_ENTRY)) }),
    ).rejects.toThrow(/inline-hashes\.json is missing/);
  });
});
