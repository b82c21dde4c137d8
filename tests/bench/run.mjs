// `npm run bench`: starts the built server (dist/) on a scratch data directory, measures what a
// phone downloads for each checkout view (gzip bytes of HTML, CSS and JS) and how many page
// renders per second one process serves. Bounded: a few seconds of load on 127.0.0.1 only.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { SERVER_NODE_FLAGS } from '../support/server-node-flags.ts';

const root = join(import.meta.dirname, '..', '..');
const port = 3191;
const base = `http://127.0.0.1:${port}`;
const adminToken = 'bench-admin-token-0123456789';
const dataDir = mkdtempSync(join(tmpdir(), 'paylink-bench-'));

const entry = [...SERVER_NODE_FLAGS, join(root, 'dist/server/entry.mjs')];
const server = spawn(process.execPath, entry, {
  cwd: root,
  env: {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    ADMIN_TOKEN: adminToken,
    LOG_LEVEL: 'error',
  },
  stdio: ['ignore', 'ignore', 'inherit'],
});

async function waitForHealth() {
  for (let i = 0; i < 120; i++) {
    try {
      if ((await fetch(`${base}/healthz`)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error('server did not start');
}

async function json(path, init) {
  const response = await fetch(`${base}${path}`, {
    ...init,
    headers: { 'content-type': 'application/json', ...init?.headers },
  });
  return response.json();
}

async function createLink(body) {
  const account = (
    await json('/api/admin/accounts', {
      method: 'POST',
      headers: { authorization: `Bearer ${adminToken}` },
      body: JSON.stringify({ name: 'Toko Bench' }),
    })
  ).data;
  const basic = Buffer.from(`${account.client_id}:${account.client_secret}`).toString('base64');
  const token = (
    await json('/api/v1.0/access-token/b2b', {
      method: 'POST',
      headers: { 'x-partner-id': account.api_key, authorization: `Basic ${basic}` },
      body: JSON.stringify({ grant_type: 'client_credentials' }),
    })
  ).data.access_token;
  const headers = { authorization: `Bearer ${token}`, 'x-partner-id': account.api_key };
  return (
    await json(`/api/v1.0/payment-link-manage/${account.account.id}`, {
      method: 'POST',
      headers,
      body: JSON.stringify(body),
    })
  ).data;
}

/** Gzip bytes of a page and of every script and stylesheet it references (first visit). */
async function weigh(path) {
  const response = await fetch(`${base}${path}`, {
    headers: { 'accept-encoding': 'gzip', 'accept-language': 'id' },
  });
  const html = await response.text();
  const sizes = { html: gzipSync(html).length, css: 0, js: 0 };
  const assets = new Set(
    [...html.matchAll(/(?:src|href|component-url|renderer-url)="(\/_astro\/[^"]+)"/g)].map(
      (m) => m[1],
    ),
  );
  // Island chunks import each other: follow the imports, as the browser does.
  const queue = [...assets];
  while (queue.length > 0) {
    const asset = queue.shift();
    const body = Buffer.from(await (await fetch(`${base}${asset}`)).arrayBuffer());
    if (asset.endsWith('.css')) sizes.css += gzipSync(body).length;
    if (!asset.endsWith('.js')) continue;
    sizes.js += gzipSync(body).length;
    for (const m of body.toString('utf8').matchAll(/(?:from|import)\s*"\.\/([^"]+\.js)"/g)) {
      const dep = `/_astro/${m[1]}`;
      if (!assets.has(dep)) {
        assets.add(dep);
        queue.push(dep);
      }
    }
  }
  return { ...sizes, total: sizes.html + sizes.css + sizes.js };
}

/** Page renders per second with 10 concurrent clients for `seconds`. */
async function throughput(path, seconds = 3) {
  const end = Date.now() + seconds * 1000;
  const latencies = [];
  const client = async () => {
    while (Date.now() < end) {
      const started = performance.now();
      await (
        await fetch(`${base}${path}`, { headers: { 'accept-encoding': 'gzip' } })
      ).arrayBuffer();
      latencies.push(performance.now() - started);
    }
  };
  await Promise.all(Array.from({ length: 10 }, client));
  latencies.sort((a, b) => a - b);
  return {
    rps: Math.round(latencies.length / seconds),
    p99: latencies[Math.floor(latencies.length * 0.99)]?.toFixed(1),
  };
}

try {
  await waitForHealth();
  const link = await createLink({
    title: 'Kopi susu',
    required_customer_detail: true,
    items: [{ name: 'Kopi', quantity: 2, unit_price: 25000 }],
  });
  const publicId = link.payment_url.split('/b2b/')[1];
  const pay = async (method) =>
    (
      await json(`/b2b/${publicId}/payments`, {
        method: 'POST',
        body: JSON.stringify({
          method,
          customer: { name: 'Budi', email: 'budi@example.com', phone: '081234567890' },
        }),
      })
    ).data;
  const va = await pay('VA_BRI');
  const qris = await pay('QRIS');
  const pages = {
    'link page (open, details form)': `/b2b/${publicId}`,
    'VA payment page': `/b2b/${publicId}/payments/${va.reff_no}`,
    'QRIS payment page': `/b2b/${publicId}/payments/${qris.reff_no}`,
  };
  console.log('Page weight on first load, gzip bytes (budget: JS ≤ 15 KB, total ≤ 60 KB);');
  console.log('HTML includes inline CSS and the island bootstrap script');
  for (const [name, path] of Object.entries(pages)) {
    const w = await weigh(path);
    console.log(`  ${name.padEnd(32)} html ${w.html}  css ${w.css}  js ${w.js}  total ${w.total}`);
  }
  console.log(
    'Throughput, one process, 10 concurrent clients, 3 s each (compare ratios, not absolutes)',
  );
  for (const [name, path] of Object.entries({
    'GET /healthz': '/healthz',
    'GET /b2b status JSON': `/b2b/${publicId}/status?payment=${va.reff_no}`,
    ...pages,
  })) {
    const t = await throughput(path);
    console.log(`  ${name.padEnd(32)} ${String(t.rps).padStart(6)} req/s   p99 ${t.p99} ms`);
  }
} finally {
  server.kill('SIGTERM');
  await new Promise((r) => server.once('exit', r));
  rmSync(dataDir, { recursive: true, force: true });
}
