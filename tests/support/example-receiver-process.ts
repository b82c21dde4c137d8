import { spawn } from 'node:child_process';
import { join } from 'node:path';

/**
 * docs/examples/merchant-receiver.mjs as a merchant runs it: `node …` with the account's
 * secrets, its callback lines read back as they are printed.
 */

const SCRIPT = join(import.meta.dirname, '../../docs/examples/merchant-receiver.mjs');

/** One line the script logged for a callback: `verified`, `duplicate` or `refused`, and JSON. */
export type Entry = { result: string; fields: Record<string, unknown> };

/** Starts the script with this environment (and PATH only) and waits for its `listening` line. */
export async function startExampleReceiver(env: Record<string, string>) {
  const child = spawn(process.execPath, [SCRIPT], {
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  // `close`, not `exit`: by then everything the script wrote has been read.
  const exited = new Promise<number | null>((resolve) => child.once('close', resolve));
  const waitForOutput = (isDone: () => boolean) =>
    new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`not printed in 10 s:\n${output}`)), 10_000);
      const check = () => {
        if (!isDone()) return;
        child.stdout.off('data', check);
        clearTimeout(timer);
        resolve();
      };
      child.stdout.on('data', check);
      void exited.then((code) => reject(new Error(`script exited (${code}):\n${output}`)));
      check();
    });
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const entries = () =>
    [...output.matchAll(/^(verified|duplicate|refused)\s+(\{.*\})$/gm)].map(([, result, json]) => ({
      result: result!,
      fields: JSON.parse(json!) as Record<string, unknown>,
    }));
  await waitForOutput(() => output.includes('listening on'));
  return {
    url: (pathAndQuery: string) => `http://localhost:${env.PORT}${pathAndQuery}`,
    entries,
    /** The first entry matching, once the script has printed it. */
    waitForEntry: async (isWanted: (entry: Entry) => boolean) => {
      await waitForOutput(() => entries().some(isWanted));
      return entries().find(isWanted)!;
    },
    output: () => output,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

export type ExampleReceiver = Awaited<ReturnType<typeof startExampleReceiver>>;
