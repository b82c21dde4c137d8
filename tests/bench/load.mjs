// Runs load against one URL through load-worker.mjs (autocannon in a separate process).
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { stopChild, track } from './children.mjs';

/**
 * Loads `url` with 10 keep-alive connections for `duration` seconds, or for `amount` requests
 * (bounded by `maxSeconds`); answers { requests, seconds, rps, p50, p99, non2xx, errors }.
 */
export async function runLoad(options) {
  const limit = (options.maxSeconds ?? options.duration ?? 60) + 20;
  const child = track(
    spawn(
      process.execPath,
      [join(import.meta.dirname, 'load-worker.mjs'), JSON.stringify(options)],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    ),
  );
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => (stdout += chunk));
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const timer = setTimeout(() => stopChild(child, 1000), limit * 1000);
  const code = await new Promise((resolve) => child.once('exit', resolve));
  clearTimeout(timer);
  if (code !== 0) throw new Error(`load worker failed (${code}): ${stderr.slice(-2000)}`);
  return JSON.parse(stdout.trim().split('\n').at(-1));
}
