// `npm run screenshots`: starts the built server on a scratch data directory, creates a link in
// every state through the public API, and writes what a customer sees on a 360 px phone to
// docs/screenshots/<state>.png (Indonesian; `<state>.en.png` for a few English ones), at most
// two screens high, so a reviewer sees the page without running it.
// Options: --out <dir> (default docs/screenshots), --width <px> (default 360). SCREENSHOT_PORT sets the port (default 3196).
/* global document -- read inside page.evaluate, which runs in the browser */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from '@playwright/test';
import {
  authorize,
  createLink,
  createMerchant,
  payVirtualAccount,
  startPayment,
} from '../bench/fixtures.mjs';
import { root, startPaylink } from '../bench/server.mjs';

const { values: args } = parseArgs({
  options: {
    out: { type: 'string', default: join(root, 'docs', 'screenshots') },
    width: { type: 'string', default: '360' },
  },
});
const out = resolve(args.out);
const port = Number(process.env.SCREENSHOT_PORT ?? 3196);
const PHONE = { width: Number(args.width), height: 740 };
const DAY_MS = 24 * 60 * 60 * 1000;

async function send(base, path, method, body, headers = {}) {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  if (!response.ok)
    throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
  return response.json();
}

/** The addresses of every state, each created as a merchant and a customer would. */
async function createStates(base, adminToken) {
  const merchant = await createMerchant(base, adminToken);
  const headers = await authorize(base, merchant);
  const link = (body) => createLink(base, merchant, headers, body);
  const page = (created) => `/b2b/${created.publicId}`;
  const payment = async (created, method) =>
    `${page(created)}/payments/${(await startPayment(base, created.publicId, method)).reff_no}`;

  const order = await link({
    title: 'Pesanan #INV-2026-0142',
    description:
      'Kue untuk acara Sabtu, diantar jam 10 pagi ke alamat yang sudah dikirim lewat chat.',
    items: [
      { name: 'Kue lapis legit (loyang 20 cm)', quantity: 2, unit_price: 85_000 },
      { name: 'Nastar keju (toples 500 g)', quantity: 1, unit_price: 17_300 },
      { name: 'Diskon pelanggan', quantity: 1, unit_price: -10_000 },
    ],
    required_customer_detail: true,
    expired_at: Date.now() + 3 * DAY_MS,
  });
  const simple = await link({ title: 'Es teh manis', total_amount: 177_300, max_usage: 100 });
  const paid = await link({ title: 'Jaket hujan', total_amount: 250_000 });
  const paidPayment = await startPayment(base, paid.publicId, 'VA_BRI');
  await payVirtualAccount(base, paidPayment);
  const closed = await link({ title: 'Tiket workshop', total_amount: 75_000 });
  await send(
    base,
    `/api/v1.0/payment-link-manage/${merchant.accountId}/${closed.id}`,
    'PATCH',
    { status: 'closed' },
    headers,
  );
  const expired = await link({
    title: 'Promo kilat',
    total_amount: 30_000,
    expired_at: Date.now() + 1_500,
  });
  await new Promise((done) => setTimeout(done, 2_500));

  return {
    link: page(order),
    'link-simple': page(simple),
    // Every bank's VA number has 16 digits; BCA's is the one that once overflowed.
    va: await payment(simple, 'VA_BCA'),
    qris: await payment(simple, 'QRIS'),
    receipt: `${page(paid)}/payments/${paidPayment.reff_no}`,
    expired: page(expired),
    closed: page(closed),
    'not-found': `/b2b/PL20260101000000${'0'.repeat(32)}`,
    sandbox: '/sandbox',
    'docs-api': '/docs/api',
  };
}

const ENGLISH = new Set(['link', 'va', 'qris']);
/** Two screens show a state's layout; the dense API reference needs only one to judge its fit. */
const SCREENS = { 'docs-api': 1 };

async function shoot(browser, base, states) {
  mkdirSync(out, { recursive: true });
  const context = await browser.newContext({
    viewport: PHONE,
    screen: PHONE,
    deviceScaleFactor: 1,
    isMobile: true,
    hasTouch: true,
    locale: 'id-ID',
    timezoneId: 'Asia/Jakarta',
  });
  const page = await context.newPage();
  for (const [state, path] of Object.entries(states)) {
    for (const lang of ENGLISH.has(state) ? ['id', 'en'] : ['id']) {
      await page.goto(`${base}${path}${path.includes('?') ? '&' : '?'}lang=${lang}`);
      const { height, width } = await page.evaluate(() => ({
        height: document.documentElement.scrollHeight,
        width: document.documentElement.scrollWidth,
      }));
      const file = join(out, lang === 'id' ? `${state}.png` : `${state}.${lang}.png`);
      await page.screenshot({
        path: file,
        fullPage: true,
        animations: 'disabled',
        caret: 'hide',
        clip: {
          x: 0,
          y: 0,
          width: PHONE.width,
          height: Math.min(height, PHONE.height * (SCREENS[state] ?? 2)),
        },
      });
      // Wider than the screen means the customer has to scroll sideways (SPEC §7).
      const overflow = width > PHONE.width ? ` (${width - PHONE.width} px too wide!)` : '';
      console.log(`screenshots: ${file}${overflow}`);
    }
  }
  await context.close();
}

const scratch = mkdtempSync(join(tmpdir(), 'paylink-screenshots-'));
const adminToken = `shots-${randomBytes(12).toString('hex')}`;
const server = await startPaylink({ port, dataDir: join(scratch, 'data'), adminToken });
const systemChromium = '/usr/bin/chromium';
const browser = await chromium.launch(
  existsSync(systemChromium)
    ? { executablePath: systemChromium, args: ['--no-sandbox', '--disable-gpu'] }
    : {},
);
try {
  await shoot(browser, server.base, await createStates(server.base, adminToken));
} finally {
  await browser.close();
  await server.stop();
  rmSync(scratch, { recursive: true, force: true });
}
