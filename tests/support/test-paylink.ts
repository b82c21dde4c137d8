import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { loadConfig } from '../../server/config/env.ts';
import type { Deps } from '../../server/deps.ts';
import { createConnector } from '../../server/connectors/registry.ts';
import { createGatewayClosingStore } from '../../server/store/gateway-closing-store.ts';
import { createCatalog } from '../../server/domain/payment-method/catalog.ts';
import { createApp } from '../../server/http/app.ts';
import { createLogger } from '../../server/logger.ts';
import { createAccessTokens } from '../../server/security/access-token.ts';
import { createCookieSeal } from '../../server/security/cookie-seal.ts';
import { createSecretBox } from '../../server/security/secret-box.ts';
import { createAccountStore } from '../../server/store/account-store.ts';
import { type Db, openDatabase } from '../../server/store/database.ts';
import { createDeliveryStore } from '../../server/store/delivery-store.ts';
import { createEventContextFactory } from '../../server/domain/delivery/event-context.ts';
import { createMailer } from '../../server/mail/create-mailer.ts';
import { createPaymentStore } from '../../server/store/payment-store.ts';
import { SANDBOX_QRIS_MERCHANT } from '../../server/domain/payment-method/qris/qris-payload.ts';
import { createPaymentLinkStore } from '../../server/store/payment-link-store.ts';
import { createIdempotencyStore } from '../../server/store/idempotency-store.ts';
import { sql } from 'drizzle-orm';
import { createCachedStores } from '../../server/cache/cached-stores.ts';
import { startChangeFeed } from '../../server/changes/start-change-feed.ts';
import { watchAnswers } from './openapi-conformance.ts';
import { type Backend, openTestDatabase } from './test-database.ts';

export const TEST_ADMIN_TOKEN = 'test-admin-token-0123456789';
export const TEST_BASE_URL = 'https://pay.example.test';

/** A clock the test moves by hand: nothing sleeps to wait for expiry. */
export type TestClock = {
  now: () => Date;
  set: (instant: Date) => void;
  advance: (ms: number) => void;
};

export function createTestClock(start = new Date('2026-01-15T03:00:00.000Z')): TestClock {
  let current = start.getTime();
  return {
    now: () => new Date(current),
    set: (instant) => {
      current = instant.getTime();
    },
    advance: (ms) => {
      current += ms;
    },
  };
}

export type TestPaylink = {
  deps: Deps;
  app: ReturnType<typeof createApp>;
  clock: TestClock;
  /** The app's own database, for tests that check what was stored. */
  db: Db;
  close: () => Promise<void>;
};

/**
 * The real app over a real database, in-process, with a hand-moved clock. `databaseUrl` picks
 * a PostgreSQL database of the test's own (tests/support/scratch-database.ts) over `backend`.
 */
export async function createTestPaylink(
  options: { backend?: Backend; env?: Record<string, string>; databaseUrl?: string } = {},
): Promise<TestPaylink> {
  const database = options.databaseUrl
    ? await openDatabase({ databaseUrl: options.databaseUrl })
    : await openTestDatabase(options.backend);
  const clock = createTestClock();
  const secretKey = randomBytes(32);
  const config = loadConfig({
    ADMIN_TOKEN: TEST_ADMIN_TOKEN,
    PUBLIC_BASE_URL: TEST_BASE_URL,
    LOG_LEVEL: 'silent',
    // Test receivers listen on 127.0.0.1; tests of the refusal itself set it back to false.
    CALLBACK_ALLOW_PRIVATE: 'true',
    // Every test calls from one address; the limits' own tests turn them back on.
    RATE_LIMITS: 'off',
    ...options.env,
  });
  const random = (size: number) => new Uint8Array(randomBytes(size));
  const connector = createConnector({ config, random, qrisMerchant: SANDBOX_QRIS_MERCHANT });
  const catalog = createCatalog(connector.catalog);
  // The stores as the server wires them: cached reads, kept true by the change feed.
  const changes = await startChangeFeed(database, () => {});
  const deps: Deps = {
    config,
    clock: clock.now,
    random,
    catalog,
    ...createCachedStores(database.db, changes.feed),
    changes: changes.feed,
    deliveries: createDeliveryStore(database.db),
    gatewayClosings: createGatewayClosingStore(database.db),
    idempotency: createIdempotencyStore(database.db),
    eventContext: createEventContextFactory({ baseUrl: config.PUBLIC_BASE_URL, random, catalog }),
    mailer: createMailer({
      smtpUrl: config.SMTP_URL,
      outboxDir: join(tmpdir(), `paylink-test-outbox-${randomBytes(6).toString('hex')}`),
      from: config.MAIL_FROM,
    }),
    connector,
    secretBox: createSecretBox(secretKey),
    tokens: createAccessTokens(secretKey),
    cookieSeal: createCookieSeal(secretKey),
    pingDatabase: async () => {
      await database.db.execute(sql`select 1`);
    },
    log: createLogger('silent'),
  };
  const app = createApp(deps);
  watchAnswers(app);
  return {
    deps,
    app,
    clock,
    db: database.db,
    close: async () => {
      await changes.stop();
      await database.close();
    },
  };
}

/**
 * The same Deps with every store on another connection to the same database: what a second
 * server process sharing one PostgreSQL sees (same clock, keys and configuration).
 */
export function depsOnConnection(deps: Deps, db: Db): Deps {
  return {
    ...deps,
    accounts: createAccountStore(db),
    links: createPaymentLinkStore(db),
    payments: createPaymentStore(db),
    deliveries: createDeliveryStore(db),
    gatewayClosings: createGatewayClosingStore(db),
    idempotency: createIdempotencyStore(db),
  };
}
