// Runs every test: builds the server (the integration tests and Playwright run the build),
// then vitest (unit, HTTP, store, integration), then Playwright (browser). Ends with one line,
// `tests: N passed, N failed[, N skipped]`, counting both, and fails when either runner or the
// build failed.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const reports = mkdtempSync(join(tmpdir(), 'paylink-tests-'));

/** Runs a package's CLI under this same Node; answers its exit code. */
function run(bin, args, env = {}) {
  const result = spawnSync(process.execPath, [join(root, 'node_modules/.bin', bin), ...args], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, ...env },
  });
  return result.status ?? 1;
}

function readJson(file) {
  return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : null;
}

/** A runner that failed without a failed test (a crash, a server that never started) counts one. */
function counts(name, code, passed, failed, skipped) {
  if (code !== 0 && failed === 0) {
    console.error(`${name} exited with code ${code} before reporting a failed test`);
    failed = 1;
  }
  return { passed, failed, skipped };
}

function vitest() {
  const file = join(reports, 'vitest.json');
  const code = run('vitest', [
    'run',
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${file}`,
  ]);
  const report = readJson(file);
  return counts(
    'vitest',
    code,
    report?.numPassedTests ?? 0,
    report?.numFailedTests ?? 0,
    (report?.numPendingTests ?? 0) + (report?.numTodoTests ?? 0),
  );
}

function playwright() {
  const file = join(reports, 'playwright.json');
  const code = run('playwright', ['test', '--reporter=list,json'], {
    PLAYWRIGHT_JSON_OUTPUT_FILE: file,
  });
  const stats = readJson(file)?.stats;
  return counts(
    'playwright',
    code,
    (stats?.expected ?? 0) + (stats?.flaky ?? 0),
    stats?.unexpected ?? 0,
    stats?.skipped ?? 0,
  );
}

/** `npm run build`: a failed build counts one failure; the runners still report their own. */
function build() {
  const result = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
  return counts('npm run build', result.status ?? 1, 0, 0, 0);
}

const results = [build(), vitest(), playwright()];
rmSync(reports, { recursive: true, force: true });

const total = (key) => results.reduce((sum, result) => sum + result[key], 0);
const skipped = total('skipped');
console.log(
  `tests: ${total('passed')} passed, ${total('failed')} failed${skipped ? `, ${skipped} skipped` : ''}`,
);
process.exitCode = total('failed') > 0 ? 1 : 0;
