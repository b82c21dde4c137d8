import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { startMerchantReceiver, type MerchantReceiver } from '../merchant-receiver.ts';
import { coreApiClient, type CoreApiClient } from './core-api-test-client.ts';
import {
  startMidtransEmulator,
  type MidtransEmulator,
  type MidtransEmulatorOptions,
} from './midtrans-emulator.ts';

/** The emulator a test runs against and a Core API client holding its server key. */
export type EmulatorUnderTest = {
  readonly emulator: MidtransEmulator;
  readonly api: CoreApiClient;
};

/**
 * Registers hooks that start an emulator with `options` and close it again, once for the file
 * or afresh for each test. Options given as a function are read when the hook runs, for values
 * that exist only then (a receiver's URL): register that receiver's hooks first, since vitest
 * runs before-hooks in order and after-hooks in reverse.
 */
export function useEmulator(
  options: MidtransEmulatorOptions | (() => MidtransEmulatorOptions) = {},
  lifetime: 'file' | 'test' = 'file',
): EmulatorUnderTest {
  let emulator: MidtransEmulator;
  let api: CoreApiClient;
  const [before, after] = lifetime === 'file' ? [beforeAll, afterAll] : [beforeEach, afterEach];
  before(async () => {
    emulator = await startMidtransEmulator(typeof options === 'function' ? options() : options);
    api = coreApiClient(emulator);
  });
  after(() => emulator.close());
  return {
    get emulator() {
      return emulator;
    },
    get api() {
      return api;
    },
  };
}

/**
 * As useEmulator afresh for each test, with a fresh merchant receiver that it notifies at
 * `/midtrans`: retries come 20 ms apart and a reply is awaited 150 ms, so tests stay quick.
 */
export function useNotifyingEmulator(
  now: () => number,
): EmulatorUnderTest & { readonly receiver: MerchantReceiver } {
  let receiver: MerchantReceiver;
  beforeEach(async () => {
    receiver = await startMerchantReceiver();
  });
  afterEach(() => receiver.close());
  const started = useEmulator(
    () => ({
      now,
      notificationUrl: receiver.url('/midtrans'),
      retryDelaysMs: [20, 20, 20, 20, 20],
      notificationTimeoutMs: 150,
    }),
    'test',
  );
  return {
    get emulator() {
      return started.emulator;
    },
    get api() {
      return started.api;
    },
    get receiver() {
      return receiver;
    },
  };
}
