import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './merchant-receiver.ts';
import { SERVER_NODE_FLAGS } from './server-node-flags.ts';

/** The production server `npm run build` writes (SPEC §9: `npm start` runs it). */
export const SERVER_ENTRY = join(import.meta.dirname, '../../dist/server/entry.mjs');
export const INTEGRATION_ADMIN_TOKEN = 'integration-admin-token-0123456789';

/** Integration tests run the real build; without one they fail and say how to make it. */
export function assertServerBuilt(): void {
  if (!existsSync(SERVER_ENTRY)) {
    throw new Error(
      `${SERVER_ENTRY} is missing: run \`npm run build\` first (\`npm test\` builds before testing).`,
    );
  }
}

export type ServerProcess = {
  baseUrl: string;
  port: number;
  /** What the process wrote to stdout and stderr, for failure messages. */
  output: () => string;
  /** Sends the signal and waits for the process to end. */
  kill: (signal: 'SIGKILL' | 'SIGTERM') => Promise<void>;
};

const running = new Set<ChildProcess>();

/** A temporary DATA_DIR, removed by the returned function. */
export async function tempDataDir(): Promise<{ dir: string; remove: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'paylink-it-'));
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}

/**
 * Starts `node dist/server/entry.mjs` (with `npm start`'s flags) on 127.0.0.1 with its own environment (nothing inherited
 * but PATH and HOME, so a developer's DATABASE_URL cannot leak in) and waits for /healthz.
 */
export async function startServer(options: {
  dataDir: string;
  port?: number;
  env?: Record<string, string>;
  readyTimeoutMs?: number;
  /** Another server entry than dist/server/entry.mjs (a copy of the build, altered). */
  entry?: string;
}): Promise<ServerProcess> {
  assertServerBuilt();
  const port = options.port ?? (await freePort());
  const child = spawn(process.execPath, [...SERVER_NODE_FLAGS, options.entry ?? SERVER_ENTRY], {
    cwd: options.dataDir,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: options.dataDir,
      ADMIN_TOKEN: INTEGRATION_ADMIN_TOKEN,
      WORKER_INTERVAL_MS: '200',
      LOG_LEVEL: 'warn',
      // Test receivers listen on 127.0.0.1 (SPEC §6 refuses that unless allowed).
      CALLBACK_ALLOW_PRIVATE: 'true',
      // Every test calls from 127.0.0.1; the limits' own test turns them back on.
      RATE_LIMITS: 'off',
      ...options.env,
    },
  });
  running.add(child);
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  void exited.then(() => running.delete(child));
  const server: ServerProcess = {
    baseUrl: `http://127.0.0.1:${port}`,
    port,
    output: () => output,
    kill: async (signal) => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exited;
    },
  };
  await waitForHealth(server, child, options.readyTimeoutMs ?? 30_000);
  return server;
}

async function waitForHealth(server: ServerProcess, child: ChildProcess, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`server exited (${child.exitCode ?? child.signalCode}):\n${server.output()}`);
    }
    try {
      const response = await fetch(`${server.baseUrl}/healthz`);
      if (response.status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await server.kill('SIGKILL');
  throw new Error(`server not healthy within ${timeoutMs} ms:\n${server.output()}`);
}

/** Kills every server a test left running (afterAll/afterEach safety net). */
export async function killAllServers(): Promise<void> {
  await Promise.all(
    [...running].map(
      (child) =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null || child.signalCode !== null) return resolve();
          child.once('exit', () => resolve());
          child.kill('SIGKILL');
        }),
    ),
  );
}
