// Starts and stops the built Paylink server (dist/server/entry.mjs) as a child process and
// times how long it takes until `/healthz` answers 200.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { stopChild, track } from './children.mjs';
import { readMemory } from './proc.mjs';
import { SERVER_NODE_FLAGS } from '../support/server-node-flags.ts';

export const root = join(import.meta.dirname, '..', '..');

/**
 * Spawns the server and resolves when `/healthz` answers 200, with `startMs` measured from the
 * spawn. Rejects (and kills it) when it exits first or is not up within `timeoutMs`.
 */
export async function startPaylink({ port, dataDir, adminToken, env = {}, timeoutMs = 90_000 }) {
  const base = `http://127.0.0.1:${port}`;
  const started = performance.now();
  const child = track(
    spawn(process.execPath, [...SERVER_NODE_FLAGS, join(root, 'dist/server/entry.mjs')], {
      cwd: root,
      env: {
        ...process.env,
        PORT: String(port),
        HOST: '127.0.0.1',
        DATA_DIR: dataDir,
        ADMIN_TOKEN: adminToken,
        LOG_LEVEL: 'error',
        // Switches rate limiting off where a build has it: the bench is one client address.
        RATE_LIMITS: 'off',
        ...env,
      },
      // stdout carries the first start's demo secrets: not for the bench's output.
      stdio: ['ignore', 'ignore', 'pipe'],
    }),
  );
  let stderr = '';
  child.stderr.on('data', (chunk) => {
    stderr = (stderr + chunk).slice(-4000);
  });
  const server = { child, pid: child.pid, base, peakMb: 0 };
  server.stop = async () => {
    // VmHWM dies with the process: keep the last reading for the run's peak.
    server.peakMb = Math.max(server.peakMb, readMemory(child.pid)?.peakMb ?? 0);
    await stopChild(child);
  };
  try {
    await waitForHealth(base, child, timeoutMs);
  } catch (error) {
    await stopChild(child, 1000);
    throw new Error(`${error.message}; server stderr:\n${stderr}`, { cause: error });
  }
  server.startMs = performance.now() - started;
  return server;
}

async function waitForHealth(base, child, timeoutMs) {
  const deadline = performance.now() + timeoutMs;
  while (performance.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with code ${child.exitCode}`);
    try {
      const response = await fetch(`${base}/healthz`, { signal: AbortSignal.timeout(2000) });
      await response.arrayBuffer();
      if (response.status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`server did not answer /healthz within ${timeoutMs} ms`);
}
