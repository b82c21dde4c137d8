// The bench's printed report: one table per section, each figure beside its goal.
import { count, formatTable, kb, mb, ms, percent, ratio, seconds } from './format.mjs';

/** "401×12, 500×3": the answers under load that were not 2xx; empty when all were. */
function oddStatuses(summary) {
  const odd = Object.entries(summary.statuses ?? {}).filter(([code]) => !code.startsWith('2'));
  const text = odd.map(([code, n]) => `${code}×${count(n)}`).join(', ');
  return summary.non2xx ? `not 2xx: ${text || count(summary.non2xx)}` : '';
}

const load = (avg) => avg.map((n) => n.toFixed(2)).join(' ');

function verdictOf(goals, id) {
  const goal = goals.find((g) => g.id === id);
  return goal ? [goal.goal, goal.verdict] : ['', ''];
}

function failed(section) {
  return section?.error ? [`  failed: ${section.error}`] : null;
}

function startSection(r, goals) {
  return (
    failed(r.start) ??
    formatTable(
      ['what', 'time', 'goal', 'verdict'],
      [
        [
          'first start (spawn → /healthz 200), fresh DATA_DIR',
          seconds(r.start.firstMs),
          ...verdictOf(goals, 'first-start'),
        ],
        [
          'restart (SIGTERM, start again), same DATA_DIR',
          seconds(r.start.restartMs),
          ...verdictOf(goals, 'restart'),
        ],
      ],
      'lrll',
    )
  );
}

function throughputSection(r, goals) {
  const t = r.throughput;
  if (t?.error) return failed(t);
  const goalIds = { page: 'page-ratio', api: 'api-ratio', healthz: 'healthz-ratio' };
  const rows = t.pairs.map((p) => [
    `${p.name} (${p.status}, ${count(p.bytes)} B${p.contentEncoding ? ` ${p.contentEncoding}` : ''})`,
    count(p.paylink.rps),
    ms(p.paylink.p50),
    ms(p.paylink.p99),
    count(p.bare.rps),
    ms(p.bare.p50),
    ms(p.bare.p99),
    ratio(p.ratio),
    ...verdictOf(goals, goalIds[p.key]),
    oddStatuses(p.paylink),
  ]);
  const info = t.info.map((i) => [i.name, count(i.rps), ms(i.p50), ms(i.p99), oddStatuses(i)]);
  const [p99Goal, p99Verdict] = verdictOf(goals, 'page-p99');
  const page = t.pairs.find((p) => p.key === 'page');
  return [
    ...formatTable(
      [
        'pair',
        'Paylink req/s',
        'p50',
        'p99',
        'bare req/s',
        'p50',
        'p99',
        'ratio',
        'goal',
        'verdict',
        '',
      ],
      rows,
      'lrrrrrrrlll',
    ),
    `  link page p99 ${ms(page?.paylink.p99)} (goal ${p99Goal}): ${p99Verdict}`,
    '',
    '  For information, Paylink alone (same request headers):',
    ...formatTable(['page', 'req/s', 'p50', 'p99', ''], info, 'lrrrl'),
  ];
}

function sseRow(name, s, goals, id) {
  if (!s || s.skipped) return [name, s?.skipped ?? 'not run', '', '', '', '', ''];
  if (s.error) return [name, `failed: ${s.error}`, '', '', '', '', ''];
  if (!s.available) return [name, `n/a (${s.reason})`, '', '', '', ...verdictOf(goals, id)];
  return [
    name,
    `${s.payments - s.missed}/${s.payments}`,
    ms(s.p50),
    ms(s.p95),
    ms(s.max),
    ...verdictOf(goals, id),
  ];
}

function sseSection(r, goals) {
  return formatTable(
    ['where', 'seen', 'p50', 'p95', 'max', 'goal', 'verdict'],
    [
      sseRow('one process (PGlite)', r.sse?.oneProcess, goals, 'sse-one'),
      sseRow('two processes, PostgreSQL', r.sse?.twoProcesses, goals, 'sse-two'),
    ],
    'llrrrll',
  );
}

function idleSection(r, goals) {
  const i = r.idle;
  if (i?.error) return failed(i);
  const figure = i.available
    ? `${percent(i.cpuPercent)} of one core over ${i.seconds} s (${count(i.ready)}/${count(i.open)} streams had their first event)`
    : `n/a (${i.reason})`;
  const [goal, verdict] = verdictOf(goals, 'idle-cpu');
  return [`  ${figure}; goal ${goal}: ${verdict}`];
}

function memorySection(r, goals) {
  const m = r.memory;
  if (m?.error && m.idleFirstMb == null) return failed(m);
  const rows = [
    [
      'idle after first start (1 page view, 3 s)',
      mb(m.idleFirstMb),
      ...verdictOf(goals, 'rss-idle'),
    ],
    ['idle after restart', mb(m.idleRestartMb), '', ''],
    ...(m.load?.steps ?? []).map((s) => [
      `after ${count(s.requests)} mixed requests${s.requests < s.target ? ` (of ${count(s.target)}: time cap)` : ''}`,
      mb(s.rssMb),
      '',
      '',
    ]),
    [
      'change, first to last load step',
      percent(m.load?.changePercent, true),
      ...verdictOf(goals, 'rss-flat'),
    ],
    ['peak (VmHWM), largest Paylink process', mb(m.peakMb), ...verdictOf(goals, 'rss-peak')],
  ];
  return [
    ...formatTable(['RSS', 'MB', 'goal', 'verdict'], rows, 'lrll'),
    `  peaks per process: ${(m.peaks ?? []).map((p) => `${p.process} ${mb(p.peakMb)}`).join(', ')}`,
    ...(m.error ? [`  load step failed: ${m.error}`] : []),
  ];
}

function weightSection(r, goals) {
  const w = r.weight;
  if (w?.error) return failed(w);
  const rows = w.pages.map((p) => [p.name, kb(p.html), kb(p.css), kb(p.js), kb(p.total)]);
  const [jsGoal, jsVerdict] = verdictOf(goals, 'first-load-js');
  const [totalGoal, totalVerdict] = verdictOf(goals, 'first-load-total');
  return [
    ...formatTable(['page (gzip bytes, first visit)', 'HTML', 'CSS', 'JS', 'total'], rows),
    `  heaviest page: JS goal ${jsGoal}: ${jsVerdict}; total goal ${totalGoal}: ${totalVerdict}`,
  ];
}

/** The whole report as lines of text. */
export function formatReport(results, goals) {
  const m = results.meta;
  const t = results.throughput ?? {};
  const met = goals.filter((g) => g.verdict === 'met').length;
  const measured = goals.filter((g) => g.verdict !== 'n/a').length;
  return [
    `Paylink bench (${m.quick ? 'quick' : 'full'} run), ${m.startedAt}, node ${m.node}, ${m.cpus} CPUs`,
    `load average (1, 5, 15 min): ${load(m.loadavgStart)} at start, ${load(m.loadavgEnd)} at end; ${Math.round(m.durationMs / 1000)} s in all`,
    'Timings on a shared machine are noisy: read the ratios, measured in this one run.',
    '',
    'Start',
    ...startSection(results, goals),
    '',
    `Throughput: Paylink ÷ a bare Hono process serving the same bytes; 10 keep-alive connections, rounds A/B/A/B of ${t.seconds ?? '?'} s after a ${t.warmup ?? '?'} s warm-up of each; figures are means of the 2 rounds`,
    ...throughputSection(results, goals),
    '',
    `Payment → page (server-sent events): bank POST sent → "paid" event received`,
    ...sseSection(results, goals),
    '',
    'Idle cost of 1,000 open pages (event streams on one link), server CPU',
    ...idleSection(results, goals),
    '',
    'Memory of the server process (/proc/<pid>/status)',
    ...memorySection(results, goals),
    '',
    'Page weight',
    ...weightSection(results, goals),
    '',
    `Goals: ${met} of ${measured} measured met (${goals.length - measured} n/a)`,
    ...formatTable(
      ['goal', 'figure', 'target', 'verdict'],
      goals.map((g) => [g.what, g.figure, g.goal, g.verdict]),
      'lrll',
    ),
    ...(results.failures.length
      ? ['', 'Sections that failed:', ...results.failures.map((f) => `  ${f.section}: ${f.error}`)]
      : []),
  ];
}
