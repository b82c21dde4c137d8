// The bench on one Paylink process with its embedded database (PGlite), section by section.
import { join } from 'node:path';
import { authorize, createLink, createMerchant, startPayment } from './fixtures.mjs';
import { measureIdleCpu } from './idle-cpu.mjs';
import { measureMemoryUnderLoad } from './memory.mjs';
import { readMemory } from './proc.mjs';
import { runSection } from './section.mjs';
import { startPaylink } from './server.mjs';
import { measurePaymentLatency } from './sse-latency.mjs';
import { comparePairs, measureAlone } from './throughput.mjs';
import { weighPage } from './weight.mjs';

// What a phone sends: the page is compressed and in Bahasa Indonesia, as on a first visit.
const browserHeaders = { 'accept-encoding': 'gzip, br', 'accept-language': 'id' };
const pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const items = [{ name: 'Kopi', quantity: 2, unit_price: 25000 }];

/** Views one page, waits 3 s, answers the server's RSS: its idle size. */
async function readIdleRss(server, path) {
  await (await fetch(`${server.base}${path}`, { headers: browserHeaders })).arrayBuffer();
  await pause(3000);
  return readMemory(server.pid)?.rssMb;
}

/** Creates the merchant and the links every section uses; answers their public ids. */
async function createFixtures(base, adminToken) {
  const merchant = await createMerchant(base, adminToken);
  const auth = await authorize(base, merchant);
  const link = (body) => createLink(base, merchant, auth, body);
  return {
    merchant,
    // Never paid: the open page with its customer-details form.
    page: await link({ title: 'Kopi susu', required_customer_detail: true, items }),
    // Carries a VA and a QRIS payment, for their pages and the status JSON.
    paid: await link({ title: 'Kopi susu', required_customer_detail: true, items }),
    // Paid again and again to time payment → page.
    multi: await link({ title: 'Kopi susu', max_usage: 100, items }),
    // Watched by 1,000 idle pages.
    crowd: await link({ title: 'Kopi susu', max_usage: 1000, items }),
  };
}

/** Adds each stopped process's VmHWM to results.memory and keeps the largest as the peak. */
export function recordPeaks(results, processes) {
  const peaks = [
    ...(results.memory?.peaks ?? []),
    ...processes.map(([name, server]) => ({ process: name, peakMb: server.peakMb })),
  ];
  results.memory = {
    ...results.memory,
    peaks,
    peakMb: Math.max(0, ...peaks.map((p) => p.peakMb)) || null,
  };
}

/** Runs every single-process section on a fresh DATA_DIR; fills context.results. */
export async function measurePaylink(context) {
  const { results, settings, ports, scratch, adminToken } = context;
  const dataDir = join(scratch, 'data');
  results.memory = {};
  const processes = [];
  const options = { port: ports.paylink, dataDir, adminToken };
  let server;
  let fixtures;
  try {
    await runSection(context, 'start', async () => {
      server = await startPaylink(options);
      processes.push(['first start', server]);
      fixtures = await createFixtures(server.base, adminToken);
      results.memory.idleFirstMb = await readIdleRss(server, `/b2b/${fixtures.page.publicId}`);
      await server.stop();
      const firstMs = server.startMs;
      server = await startPaylink(options);
      processes.push(['after restart', server]);
      results.memory.idleRestartMb = await readIdleRss(server, `/b2b/${fixtures.page.publicId}`);
      return { firstMs, restartMs: server.startMs };
    });
    if (results.start.error) return;
    const base = server.base;
    const auth = await authorize(base, fixtures.merchant);
    const va = await startPayment(base, fixtures.paid.publicId, 'VA_BRI');
    const qris = await startPayment(base, fixtures.paid.publicId, 'QRIS');
    const paths = {
      page: `/b2b/${fixtures.page.publicId}`,
      api: `/api/v1.0/payment-link-manage/${fixtures.merchant.accountId}/${fixtures.page.id}`,
      va: `/b2b/${fixtures.paid.publicId}/payments/${va.reff_no}`,
      qris: `/b2b/${fixtures.paid.publicId}/payments/${qris.reff_no}`,
      status: `/b2b/${fixtures.paid.publicId}/status?payment=${va.reff_no}`,
    };

    await runSection(context, 'weight', async () => ({
      pages: [
        { name: 'link page (open, details form)', ...(await weighPage(base, paths.page)) },
        { name: 'VA payment page', ...(await weighPage(base, paths.va)) },
        { name: 'QRIS payment page', ...(await weighPage(base, paths.qris)) },
      ],
    }));

    await runSection(context, 'throughput', async () => ({
      seconds: settings.seconds,
      warmup: settings.warmup,
      pairs: await comparePairs({
        paylinkBase: base,
        barePort: ports.bare,
        scratchDir: scratch,
        seconds: settings.seconds,
        warmup: settings.warmup,
        pairs: [
          {
            key: 'page',
            name: 'GET /b2b/{id} link page',
            path: paths.page,
            headers: browserHeaders,
          },
          {
            key: 'api',
            name: 'GET /api/v1.0/…/{account}/{id}',
            path: paths.api,
            headers: { ...auth, 'accept-encoding': 'gzip, br' },
          },
          { key: 'healthz', name: 'GET /healthz', path: '/healthz', headers: browserHeaders },
        ],
      }),
      info: await measureAlone({
        paylinkBase: base,
        seconds: settings.seconds,
        targets: [
          { name: 'VA payment page', path: paths.va, headers: browserHeaders },
          { name: 'status JSON', path: paths.status, headers: browserHeaders },
        ],
      }),
    }));

    await runSection(context, 'sse', async () => ({
      oneProcess: await measurePaymentLatency({
        watchBase: base,
        payBase: base,
        publicId: fixtures.multi.publicId,
        count: settings.payments,
        budgetMs: settings.payments * 12_000,
      }),
    }));

    await runSection(context, 'idle', () =>
      measureIdleCpu({
        base,
        pid: server.pid,
        publicId: fixtures.crowd.publicId,
        connections: 1000,
        seconds: settings.idleSeconds,
        budgetMs: 60_000,
      }),
    );

    await runSection(context, 'memory', async () => ({
      load: await measureMemoryUnderLoad({
        base,
        pid: server.pid,
        counts: settings.counts,
        maxSeconds: settings.caps,
        requests: [
          { method: 'GET', path: paths.page, headers: browserHeaders },
          { method: 'GET', path: paths.api, headers: { ...auth, 'accept-encoding': 'gzip, br' } },
          { method: 'GET', path: '/healthz', headers: browserHeaders },
          { method: 'GET', path: paths.status, headers: browserHeaders },
        ],
      }),
    }));
  } finally {
    await server?.stop();
    recordPeaks(results, processes);
  }
}
