// Memory and start-time probe for the built server (dist/): first start on a fresh DATA_DIR,
// RSS idle, RSS after ~10k and ~50k GET requests (link page + /healthz), peak RSS (VmHWM), and
// restart time on the same DATA_DIR. Bounded: a fixed number of requests on 127.0.0.1 only.
//
//   node tests/bench/memory-probe.mjs [--port 3191] [--requests 10000,50000] [--page-share 0.2]
//                                     [--node-flag=--foo ...] [--entry dist/server/entry.mjs]
//                                     [--json out.json]
//
// Extra `--node-flag=` arguments go to the server's node command line, to compare V8 flags.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { SERVER_NODE_FLAGS } from '../support/server-node-flags.ts';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '3191' },
    requests: { type: 'string', default: '10000,50000' },
    'page-share': { type: 'string', default: '0.2' },
    // Replaces `npm start`'s flags (package.json) when given; `--node-flag=` alone runs none.
    'node-flag': { type: 'string', multiple: true },
    entry: { type: 'string', default: 'dist/server/entry.mjs' },
    json: { type: 'string' },
    label: { type: 'string', default: '' },
  },
});
const root = join(import.meta.dirname, '..', '..');
const port = Number(values.port);
const base = `http://127.0.0.1:${port}`;
const adminToken = 'probe-admin-token-0123456789';
const checkpoints = values.requests.split(',').map(Number);
const pageShare = Number(values['page-share']);
const flags = (values['node-flag'] ?? SERVER_NODE_FLAGS).filter(Boolean);
const dataDir = mkdtempSync(join(tmpdir(), 'paylink-probe-'));

/** VmRSS and VmHWM of a process in MB, from /proc. */
function memoryOf(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (key) => Number(status.match(new RegExp(`${key}:\\s+(\\d+)`))?.[1] ?? 0);
  return { rss: Math.round(kb('VmRSS') / 1024), hwm: Math.round(kb('VmHWM') / 1024) };
}

async function start() {
  const started = performance.now();
  const child = spawn(process.execPath, [...flags, values.entry], {
    cwd: root,
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      ADMIN_TOKEN: adminToken,
      LOG_LEVEL: 'error',
      RATE_LIMITS: 'off',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  // Generous: a first start under PGlite's own initdb can take 20 s on a busy machine.
  while (performance.now() - started < 120_000) {
    if (child.exitCode !== null) throw new Error(`server exited ${child.exitCode}`);
    try {
      if ((await fetch(`${base}/healthz`)).ok) {
        return { child, exited, seconds: (performance.now() - started) / 1000 };
      }
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 25));
  }
  child.kill('SIGKILL');
  throw new Error('server did not start within 120 s');
}

async function json(path, init) {
  const response = await fetch(`${base}${path}`, {
    ...init,
    headers: { 'content-type': 'application/json', ...init?.headers },
  });
  return response.json();
}

async function createLink() {
  const account = (
    await json('/api/admin/accounts', {
      method: 'POST',
      headers: { authorization: `Bearer ${adminToken}` },
      body: JSON.stringify({ name: 'Toko Probe' }),
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
  const link = (
    await json(`/api/v1.0/payment-link-manage/${account.account.id}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'x-partner-id': account.api_key },
      body: JSON.stringify({
        title: 'Kopi susu',
        required_customer_detail: true,
        items: [{ name: 'Kopi', quantity: 2, unit_price: 25000 }],
      }),
    })
  ).data;
  return link.payment_url.split('/b2b/')[1];
}

/** Requests per second on one path with 10 concurrent clients for `seconds`. */
async function throughput(path, seconds) {
  const end = Date.now() + seconds * 1000;
  let count = 0;
  const client = async () => {
    while (Date.now() < end) {
      await (
        await fetch(`${base}${path}`, { headers: { 'accept-encoding': 'gzip' } })
      ).arrayBuffer();
      count++;
    }
  };
  await Promise.all(Array.from({ length: 10 }, client));
  return Math.round(count / seconds);
}

/** Sends `count` GETs with 10 concurrent clients; every 1/pageShare-th one is the link page. */
async function load(count, paths, pid, peak) {
  let sent = 0;
  const every = Math.max(1, Math.round(1 / pageShare));
  const client = async () => {
    while (sent < count) {
      const n = sent++;
      const response = await fetch(`${base}${n % every === 0 ? paths.page : '/healthz'}`, {
        headers: { 'accept-encoding': 'gzip' },
      });
      await response.arrayBuffer();
      if (!response.ok) throw new Error(`${response.status} on request ${n}`);
      if (n % 500 === 0) peak.rss = Math.max(peak.rss, memoryOf(pid).rss);
    }
  };
  await Promise.all(Array.from({ length: 10 }, client));
}

const result = { label: values.label, flags };
let server;
try {
  server = await start();
  result.firstStartS = Number(server.seconds.toFixed(2));
  result.bootHwmMb = memoryOf(server.child.pid).hwm;
  const publicId = await createLink();
  await new Promise((r) => setTimeout(r, 2000));
  result.idleMb = memoryOf(server.child.pid).rss;
  const peak = { rss: result.idleMb };
  let done = 0;
  const loadStarted = performance.now();
  for (const checkpoint of checkpoints) {
    await load(checkpoint - done, { page: `/b2b/${publicId}` }, server.child.pid, peak);
    done = checkpoint;
    result[`after${checkpoint / 1000}kMb`] = memoryOf(server.child.pid).rss;
  }
  result.loadS = Number(((performance.now() - loadStarted) / 1000).toFixed(1));
  result.loadPeakRssMb = Math.max(peak.rss, memoryOf(server.child.pid).rss);
  result.hwmMb = memoryOf(server.child.pid).hwm;
  // Throughput after the load, when the hot code is as compiled as it gets.
  result.pageRps = await throughput(`/b2b/${publicId}`, 4);
  result.healthzRps = await throughput('/healthz', 4);
  result.afterThroughputMb = memoryOf(server.child.pid).rss;
  server.child.kill('SIGTERM');
  await server.exited;
  server = await start();
  result.restartS = Number(server.seconds.toFixed(2));
  await new Promise((r) => setTimeout(r, 1000));
  result.restartIdleMb = memoryOf(server.child.pid).rss;
  result.restartHwmMb = memoryOf(server.child.pid).hwm;
} finally {
  if (server) {
    server.child.kill('SIGTERM');
    await server.exited;
  }
  rmSync(dataDir, { recursive: true, force: true });
}
console.log(JSON.stringify(result));
if (values.json) writeFileSync(values.json, JSON.stringify(result, null, 2));
