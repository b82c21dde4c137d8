// Throughput pairs: Paylink against a bare Hono process serving the same bytes, A/B/A/B.
import { startBareServer } from './bare-control.mjs';
import { captureResponse } from './capture.mjs';
import { runLoad } from './load.mjs';
import { mean } from './stats.mjs';

function mergeStatuses(rounds) {
  const merged = {};
  for (const round of rounds) {
    for (const [code, n] of Object.entries(round.statuses ?? {}))
      merged[code] = (merged[code] ?? 0) + n;
  }
  return merged;
}

/** The summary of rounds: mean req/s, p50 and p99 (ms) over them. */
function summarize(rounds) {
  return {
    rps: mean(rounds.map((r) => r.rps)),
    p50: mean(rounds.map((r) => r.p50)),
    p99: mean(rounds.map((r) => r.p99)),
    non2xx: rounds.reduce((sum, r) => sum + r.non2xx + r.errors, 0),
    statuses: mergeStatuses(rounds),
  };
}

/**
 * For each pair `{ name, path, headers }`: captures Paylink's answer, has a bare server replay
 * it, then loads Paylink, bare, Paylink, bare (`seconds` each, after a warm-up of each), so
 * that drift in the shared machine's load hits both sides alike.
 */
export async function comparePairs({ paylinkBase, pairs, barePort, scratchDir, seconds, warmup }) {
  const captured = [];
  for (const pair of pairs) {
    captured.push({
      ...pair,
      answer: await captureResponse(`${paylinkBase}${pair.path}`, pair.headers),
    });
  }
  const bare = await startBareServer(
    captured.map(({ path, answer }) => ({ path, ...answer })),
    barePort,
    scratchDir,
  );
  try {
    const results = [];
    for (const pair of captured) {
      const replay = await captureResponse(`${bare.base}${pair.path}`, pair.headers);
      if (replay.status !== pair.answer.status || !replay.body.equals(pair.answer.body)) {
        throw new Error(`bare server does not replay ${pair.path} byte for byte`);
      }
      const load = (base, duration) =>
        runLoad({ url: `${base}${pair.path}`, headers: pair.headers, duration });
      await load(paylinkBase, warmup);
      await load(bare.base, warmup);
      const rounds = { paylink: [], bare: [] };
      for (let round = 0; round < 2; round++) {
        rounds.paylink.push(await load(paylinkBase, seconds));
        rounds.bare.push(await load(bare.base, seconds));
      }
      const paylink = summarize(rounds.paylink);
      const bareSummary = summarize(rounds.bare);
      results.push({
        key: pair.key,
        name: pair.name,
        path: pair.path,
        status: pair.answer.status,
        bytes: pair.answer.body.length,
        contentEncoding: pair.answer.headers['content-encoding'] ?? null,
        rounds,
        paylink,
        bare: bareSummary,
        ratio: paylink.rps / bareSummary.rps,
      });
    }
    return results;
  } finally {
    await bare.stop();
  }
}

/** Paylink alone on each `{ name, path, headers }` for `seconds`: shown for information. */
export async function measureAlone({ paylinkBase, targets, seconds }) {
  const results = [];
  for (const target of targets) {
    const run = await runLoad({
      url: `${paylinkBase}${target.path}`,
      headers: target.headers,
      duration: seconds,
    });
    results.push({ name: target.name, path: target.path, ...summarize([run]) });
  }
  return results;
}
