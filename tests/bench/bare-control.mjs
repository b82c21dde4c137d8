// Starts bare-server.mjs with the responses captured from Paylink.
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stopChild, track } from './children.mjs';

/**
 * Serves each `{ path, status, headers, body }` from a bare Hono process on `port`; resolves
 * once it listens, with { base, pid, stop }.
 */
export async function startBareServer(routes, port, scratchDir) {
  const file = join(scratchDir, 'bare-routes.json');
  writeFileSync(
    file,
    JSON.stringify(routes.map((route) => ({ ...route, body: route.body.toString('base64') }))),
  );
  const child = track(
    spawn(process.execPath, [join(import.meta.dirname, 'bare-server.mjs'), file, String(port)], {
      stdio: ['ignore', 'pipe', 'inherit'],
    }),
  );
  await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('bare server did not start')), 15_000);
    child.once('exit', (code) => reject(new Error(`bare server exited (${code})`)));
    child.stdout.on('data', (chunk) => {
      if (String(chunk).includes('listening')) {
        clearTimeout(timer);
        resolve();
      }
    });
  });
  return { base: `http://127.0.0.1:${port}`, pid: child.pid, stop: () => stopChild(child) };
}
