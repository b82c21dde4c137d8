import { randomBytes } from 'node:crypto';
import { join, resolve } from 'node:path';
import { loadConfig } from './config/env.ts';
import { createDemoOnFirstStart } from './demo.ts';
import type { Deps } from './deps.ts';
import { createConnector } from './connectors/registry.ts';
import { createGatewayClosingStore } from './store/gateway-closing-store.ts';
import { createCatalog } from './domain/payment-method/catalog.ts';
import { createLogger } from './logger.ts';
import { createWorker } from './worker/worker.ts';
import { createAccessTokens } from './security/access-token.ts';
import { createCookieSeal } from './security/cookie-seal.ts';
import { createSecretBox } from './security/secret-box.ts';
import { loadSecretKey } from './security/secret-key.ts';
import { openDatabase } from './store/database.ts';
import { createDeliveryStore } from './store/delivery-store.ts';
import { createEventContextFactory } from './domain/delivery/event-context.ts';
import { createMailer } from './mail/create-mailer.ts';
import { SANDBOX_QRIS_MERCHANT } from './domain/payment-method/qris/qris-payload.ts';
import { createIdempotencyStore } from './store/idempotency-store.ts';
import { createSettingsStore } from './store/settings-store.ts';
import { sql } from 'drizzle-orm';
import { createCachedStores } from './cache/cached-stores.ts';
import { sharedForOneSecond } from './cache/shared-for-one-second.ts';
import { startChangeFeed } from './changes/start-change-feed.ts';

export type Paylink = { deps: Deps; close: () => Promise<void> };

/** Parses the environment, opens and migrates the store, builds Deps, runs first-start work. */
export async function startPaylink(env: Record<string, string | undefined>): Promise<Paylink> {
  const config = loadConfig(env);
  const log = createLogger(config.LOG_LEVEL, { format: config.LOG_FORMAT });
  const dataDir = resolve(config.DATA_DIR);
  const database = await openDatabase(
    config.DATABASE_URL ? { databaseUrl: config.DATABASE_URL } : { dataDir },
    log,
  );
  log.info('store opened', {
    store: database.kind === 'postgres' ? 'PostgreSQL (DATABASE_URL)' : `PGlite in ${dataDir}`,
  });
  const secretKey = await loadSecretKey(config.SECRET_KEY, dataDir);
  const secretBox = createSecretBox(secretKey);
  const settings = createSettingsStore(database.db);
  await checkSecretKey(settings, secretBox.fingerprint);

  const random = (size: number) => new Uint8Array(randomBytes(size));
  const connector = createConnector({ config, random, qrisMerchant: SANDBOX_QRIS_MERCHANT });
  const catalog = createCatalog(connector.catalog);
  const changes = await startChangeFeed(database, log.warn, () =>
    log.info('change listener reconnected; caches on again'),
  );
  const deps: Deps = {
    config,
    clock: () => new Date(),
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
      outboxDir: join(dataDir, 'outbox'),
      from: config.MAIL_FROM,
      logger: log,
    }),
    connector,
    secretBox,
    tokens: createAccessTokens(secretKey),
    cookieSeal: createCookieSeal(secretKey),
    pingDatabase: sharedForOneSecond(async () => {
      await database.db.execute(sql`select 1`);
    }),
    log,
  };
  await createDemoOnFirstStart(deps, settings);
  const worker = createWorker(deps, config.WORKER_INTERVAL_MS);
  worker.start();
  return {
    deps,
    close: async () => {
      await worker.stop();
      await changes.stop();
      await deps.mailer.close();
      await database.close();
    },
  };
}

/**
 * Secrets sealed under one SECRET_KEY cannot be opened under another: refuse to start rather
 * than fail every request later.
 */
async function checkSecretKey(
  settings: ReturnType<typeof createSettingsStore>,
  fingerprint: string,
) {
  if (await settings.claim('secret_key_fingerprint', fingerprint)) return;
  const stored = await settings.get('secret_key_fingerprint');
  if (stored !== fingerprint) {
    throw new Error(
      'SECRET_KEY does not match the key this database was created with; set the original SECRET_KEY (or DATA_DIR with its secret.key).',
    );
  }
}
