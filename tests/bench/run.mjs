// `npm run bench`: starts the built server on a scratch data directory and prints, in one run,
// every figure the performance goals are measured by, each beside its goal: start and restart
// time, req/s and latency next to a bare Hono process serving the same bytes, payment → page
// latency over server-sent events, the idle cost of 1,000 open pages, memory, page weight.
// Options: --quick (CI-sized, about a minute), --postgres (adds two processes sharing a
// scratch PostgreSQL database), --out <file> (JSON results; default bench-results/latest.json).
// BENCH_PORT sets the first of the four ports it uses (default 3190). Load goes to 127.0.0.1 only;
// every loop is bounded in count and time; every child process ends with the bench.
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { killAll } from './children.mjs';
import { evaluateGoals } from './goals.mjs';
import { formatReport } from './report.mjs';
import { measurePaylink } from './measure-paylink.mjs';
import { measureTwoProcesses } from './measure-postgres.mjs';
import { root } from './server.mjs';

const { values: args } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    postgres: { type: 'boolean', default: false },
    out: { type: 'string', default: join(root, 'bench-results', 'latest.json') },
  },
});

const settings = args.quick
  ? { seconds: 2, warmup: 1, payments: 5, idleSeconds: 5, counts: [1000, 5000], caps: [5, 15] }
  : {
      seconds: 5,
      warmup: 1,
      payments: 20,
      idleSeconds: 10,
      counts: [10_000, 50_000],
      caps: [60, 240],
    };
const basePort = Number(process.env.BENCH_PORT ?? 3190);
const ports = { paylink: basePort, bare: basePort + 1, pgA: basePort + 2, pgB: basePort + 3 };

const started = performance.now();
const results = {
  meta: {
    startedAt: new Date().toISOString(),
    quick: args.quick,
    postgres: args.postgres,
    node: process.version,
    cpus: cpus().length,
    loadavgStart: loadavg(),
  },
  sse: {},
  failures: [],
};

// The whole run is bounded too: a hang anywhere ends the bench and its children.
const limitMs = (args.quick ? 6 : 20) * 60_000;
setTimeout(() => {
  console.error(`bench: still running after ${limitMs / 60_000} min; stopping`);
  killAll();
  process.exit(2);
}, limitMs).unref();
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    killAll();
    process.exit(130);
  });
}

const scratch = mkdtempSync(join(tmpdir(), 'paylink-bench-'));
const context = {
  scratch,
  ports,
  settings,
  results,
  adminToken: `bench-admin-${randomBytes(12).toString('hex')}`,
  log: (line) => console.error(`bench: ${line}`),
};
try {
  await measurePaylink(context);
  if (args.postgres) await measureTwoProcesses(context);
  else results.sse.twoProcesses = { skipped: 'not run (add --postgres)' };
} catch (error) {
  results.failures.push({ section: 'run', error: error.stack ?? String(error) });
} finally {
  killAll();
  rmSync(scratch, { recursive: true, force: true });
}

results.meta.loadavgEnd = loadavg();
results.meta.durationMs = performance.now() - started;
results.goals = evaluateGoals(results);
console.log(formatReport(results, results.goals).join('\n'));
const out = resolve(args.out);
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, `${JSON.stringify(results, null, 2)}\n`);
console.log(`\nresults: ${out}`);
process.exit(results.failures.length > 0 ? 1 : 0);
