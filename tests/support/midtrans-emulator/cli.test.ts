import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { basicAuth, bcaCharge } from './core-api-test-client.ts';

// main.ts runs under plain Node (type stripping), not through vitest's transform: this proves
// that it and everything it imports is erasable TypeScript.
it('starts under plain Node, prints its URL and answers with the given server key', async () => {
  const child = spawn(
    process.execPath,
    [join(import.meta.dirname, 'main.ts'), '--port', '0', '--server-key', 'SB-Mid-server-cli'],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  try {
    let output = '';
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        const match = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
        if (match) resolve(match[1]!);
      });
      child.once('exit', () => reject(new Error(`exited early:\n${output}`)));
    });
    const reply = await fetch(`${url}/v2/charge`, {
      method: 'POST',
      headers: {
        authorization: basicAuth('SB-Mid-server-cli'),
        'content-type': 'application/json',
      },
      body: JSON.stringify(bcaCharge()),
    });
    expect(reply.status).toBe(200);
    expect((await reply.json()).status_code).toBe('201');
  } finally {
    child.kill('SIGTERM');
    await once(child, 'exit');
  }
});
