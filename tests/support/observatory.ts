import { existsSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ALL_TESTS } from '@mdn/mdn-http-observatory/src/constants.js';
import { MINIMUM_SCORE_FOR_EXTRA_CREDIT } from '@mdn/mdn-http-observatory/src/grader/charts.js';
import { getGradeForScore, getScoreModifier } from '@mdn/mdn-http-observatory/src/grader/grader.js';
import { retrieve } from '@mdn/mdn-http-observatory/src/retriever/retriever.js';

export type ObservatoryResult = {
  score: number;
  grade: string;
  status: number;
  /** Each test's outcome by its name (`cookies`, `content-security-policy`…). */
  results: Record<string, { pass: boolean; result: string | null }>;
};

/**
 * The package's postinstall downloads Chromium's HSTS preload list, which install scripts
 * (blocked in package.json's allowScripts) never fetch here. A test host is on no such list,
 * so an empty one gives the same answers.
 */
function ensurePreloadList(): void {
  const file = fileURLToPath(
    new URL(
      '../conf/hsts-preload.json',
      import.meta.resolve('@mdn/mdn-http-observatory/src/constants.js'),
    ),
  );
  if (!existsSync(file)) writeFileSync(file, '{}\n');
}

/**
 * The MDN HTTP Observatory's score of one page, by its own retriever, tests and grader: the
 * steps of its `scan()`, which takes a bare host name only, here with ports and a path. Unlike
 * `scan()` it also grades a 404 answer (the Observatory's site refuses to), so the not-found
 * page is held to the same rules.
 */
export async function observatoryScore(where: {
  host: string;
  httpPort: number;
  httpsPort: number;
  path: string;
}): Promise<ObservatoryResult> {
  ensurePreloadList();
  const retrieval = await retrieve(where.host, where);
  const answer = retrieval.responses.auto;
  if (!answer) throw new Error(`the Observatory could not reach ${where.host}${where.path}`);
  const outputs = ALL_TESTS.map((test) => test(retrieval));
  let withExtraCredit = 100;
  let uncurved = 100;
  const results: ObservatoryResult['results'] = {};
  for (const output of outputs) {
    results[output.constructor.name] = { pass: output.pass === true, result: output.result };
    if (!output.result) continue;
    const modifier = getScoreModifier(output.result);
    withExtraCredit += modifier;
    if (modifier < 0) uncurved += modifier;
  }
  const { score, grade } = getGradeForScore(
    uncurved >= MINIMUM_SCORE_FOR_EXTRA_CREDIT ? withExtraCredit : uncurved,
  );
  return { score, grade, status: answer.status, results };
}
