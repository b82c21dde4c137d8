/**
 * Runs the Midtrans Core API emulator for local development:
 *
 *   node tests/support/midtrans-emulator/main.ts [--port 3900] [--server-key KEY] [--notification-url URL]
 *
 * Plain Node runs this file by stripping its types, so everything it imports is erasable
 * TypeScript with `.ts` import paths.
 */
import { parseArgs } from 'node:util';
import { startMidtransEmulator } from './midtrans-emulator.ts';
import { DEFAULT_SERVER_KEY } from './options.ts';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '3900' },
    'server-key': { type: 'string', default: DEFAULT_SERVER_KEY },
    'notification-url': { type: 'string' },
  },
});

const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`--port must be a port number, got "${values.port}"`);
  process.exit(2);
}

const emulator = await startMidtransEmulator({
  port,
  serverKey: values['server-key'],
  ...(values['notification-url'] === undefined
    ? {}
    : { notificationUrl: values['notification-url'] }),
});
console.log(`Midtrans emulator listening on ${emulator.url}`);
console.log(`Server key ${emulator.serverKey}; orders and Pay buttons at ${emulator.url}/`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void emulator.close().then(() => process.exit(0));
  });
}
