import type { ChangeFeed } from './changes/change-feed.ts';
import type { Config } from './config/env.ts';
import type { PaymentConnector } from './domain/connector/connector.ts';
import type { GatewayClosingStore } from './domain/connector/gateway-closing.ts';
import type { AccountStore } from './domain/account/account.ts';
import type { IdempotencyStore } from './domain/idempotency/idempotency.ts';
import type { PaymentStore } from './domain/payment/payment-store.ts';
import type { PaymentLinkStore } from './domain/payment-link/payment-link-store.ts';
import type { Catalog } from './domain/payment-method/catalog.ts';
import type { Clock, RandomBytes } from './domain/shared/clock.ts';
import type { DeliveryStore } from './domain/delivery/delivery.ts';
import type { EventContext } from './domain/delivery/payment-events.ts';
import type { Logger } from './logger.ts';
import type { Mailer } from './mail/create-mailer.ts';
import type { AccessTokens } from './security/access-token.ts';
import type { CookieSeal } from './security/cookie-seal.ts';
import type { SecretBox } from './security/secret-box.ts';

/** Everything the use cases and handlers need, built once in server/main.ts (or a test). */
export type Deps = {
  config: Config;
  clock: Clock;
  random: RandomBytes;
  catalog: Catalog;
  accounts: AccountStore;
  links: PaymentLinkStore;
  payments: PaymentStore;
  deliveries: DeliveryStore;
  /** Orders to end at the gateway (SPEC §10), closed by the worker. */
  gatewayClosings: GatewayClosingStore;
  /** Idempotency-Key of v1.0 create (SPEC §3.2). */
  idempotency: IdempotencyStore;
  /** Committed changes of links, payments and accounts (caches and live pages listen). */
  changes: ChangeFeed;
  /** What state changes need to write their callbacks and mails (base URL, ids, names). */
  eventContext: (now: Date) => EventContext;
  mailer: Mailer;
  /** Where payment instruments come from (SPEC §10, server/connectors/registry.ts). */
  connector: PaymentConnector;
  secretBox: SecretBox;
  tokens: AccessTokens;
  /** Seals the checkout's own cookies (the pending payment, a failed form): docs/decisions/023. */
  cookieSeal: CookieSeal;
  /** Resolves when the database answers; rejects when it does not (GET /healthz). */
  pingDatabase: () => Promise<void>;
  log: Logger;
};
