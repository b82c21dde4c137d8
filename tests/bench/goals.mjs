// The goals of the performance issue, each checked against one figure of this run.
import { count, kb, mb, ms, percent, ratio, seconds } from './format.mjs';

const pair = (results, key) => results.throughput?.pairs?.find((p) => p.key === key);
const largest = (results, field) => {
  const pages = results.weight?.pages;
  return pages?.length ? Math.max(...pages.map((p) => p[field])) : null;
};
// A throughput figure counts only when every answer under load was a 2xx.
const loadFailed = (results, key) =>
  pair(results, key)?.paylink.non2xx ? 'errors under load' : null;
// Flatness is judged only over the request counts asked for; a time cap that cut a step short
// leaves too few requests to tell steady use from growth.
const cappedStep = (results) => {
  const short = results.memory?.load?.steps?.find((s) => s.requests < s.target);
  return short
    ? `time cap hit at ${count(short.requests)} of ${count(short.target)} requests`
    : null;
};
const whenAvailable = (section, field) => (section?.available ? section[field] : null);

// [id, what, figure from results, format, goal text, test, reason the figure is not valid]
const definitions = [
  [
    'page-ratio',
    'link page ÷ bare (req/s)',
    (r) => pair(r, 'page')?.ratio,
    ratio,
    '≥ 0.5×',
    (v) => v >= 0.5,
    (r) => loadFailed(r, 'page'),
  ],
  [
    'api-ratio',
    'API GET link ÷ bare',
    (r) => pair(r, 'api')?.ratio,
    ratio,
    '≥ 0.3×',
    (v) => v >= 0.3,
    (r) => loadFailed(r, 'api'),
  ],
  [
    'healthz-ratio',
    '/healthz ÷ bare',
    (r) => pair(r, 'healthz')?.ratio,
    ratio,
    '≥ 0.8×',
    (v) => v >= 0.8,
    (r) => loadFailed(r, 'healthz'),
  ],
  [
    'page-p99',
    'link page p99, 10 connections',
    (r) => pair(r, 'page')?.paylink.p99,
    ms,
    '≤ 20 ms',
    (v) => v <= 20,
    (r) => loadFailed(r, 'page'),
  ],
  [
    'sse-one',
    'payment → page p95, one process',
    (r) => whenAvailable(r.sse?.oneProcess, 'p95'),
    ms,
    '≤ 300 ms',
    (v) => v <= 300,
  ],
  [
    'sse-two',
    'payment → page p95, two processes (PG)',
    (r) => whenAvailable(r.sse?.twoProcesses, 'p95'),
    ms,
    '≤ 1000 ms',
    (v) => v <= 1000,
  ],
  [
    'idle-cpu',
    'CPU with 1,000 idle open pages',
    (r) => whenAvailable(r.idle, 'cpuPercent'),
    percent,
    '< 5 %',
    (v) => v < 5,
  ],
  [
    'rss-peak',
    'peak RSS (VmHWM), largest process',
    (r) => r.memory?.peakMb,
    mb,
    '≤ 200 MB',
    (v) => v <= 200,
  ],
  [
    'rss-idle',
    'idle RSS after first start',
    (r) => r.memory?.idleFirstMb,
    mb,
    '≤ 120 MB',
    (v) => v <= 120,
  ],
  [
    'rss-flat',
    'RSS change, first to last load step',
    (r) => r.memory?.load?.changePercent,
    (v) => percent(v, true),
    '± 10 %',
    (v) => Math.abs(v) <= 10,
    (r) => cappedStep(r),
  ],
  [
    'first-start',
    'first start, fresh DATA_DIR',
    (r) => r.start?.firstMs,
    seconds,
    '≤ 5 s',
    (v) => v <= 5000,
  ],
  [
    'restart',
    'restart, same DATA_DIR',
    (r) => r.start?.restartMs,
    seconds,
    '≤ 2 s',
    (v) => v <= 2000,
  ],
  [
    'first-load-js',
    'first-load JS, heaviest page (gz)',
    (r) => largest(r, 'js'),
    kb,
    '≤ 10 KB',
    (v) => v <= 10 * 1024,
  ],
  [
    'first-load-total',
    'first load total, heaviest page (gz)',
    (r) => largest(r, 'total'),
    kb,
    '≤ 60 KB',
    (v) => v <= 60 * 1024,
  ],
];

/** Each goal with this run's figure: { id, what, value, figure, goal, verdict }. */
export function evaluateGoals(results) {
  return definitions.map(([id, what, read, format, goal, test, invalid]) => {
    const value = read(results) ?? null;
    const problem = invalid?.(results);
    const verdict = problem
      ? `INVALID: ${problem}`
      : value == null
        ? 'n/a'
        : test(value)
          ? 'met'
          : 'MISSED';
    return { id, what, value, figure: format(value), goal, verdict };
  });
}
