import type { Config } from '../config/env.ts';
import type { PaymentConnector } from '../domain/connector/connector.ts';
import type { QrisMerchant } from '../domain/payment-method/qris/qris-payload.ts';
import type { RandomBytes } from '../domain/shared/clock.ts';
import { createMidtransConnector } from './midtrans/index.ts';
import { createSandboxConnector } from './sandbox/sandbox-connector.ts';

export type ConnectorContext = { config: Config; random: RandomBytes; qrisMerchant: QrisMerchant };

/**
 * SPEC §10: PAYMENT_PROVIDER names the connector. Adding a gateway is its folder here and
 * one line below (and its variables in server/config/env.ts).
 */
const CONNECTORS: Record<
  Config['PAYMENT_PROVIDER'],
  (context: ConnectorContext) => PaymentConnector
> = {
  sandbox: ({ random, qrisMerchant }) => createSandboxConnector({ random, qrisMerchant }),
  // Instruments as the sandbox makes them, with nothing to pay them: paying is off.
  none: ({ random, qrisMerchant }) =>
    createSandboxConnector({ name: 'none', random, qrisMerchant }),
  midtrans: ({ config }) => createMidtransConnector(midtransOptions(config)),
};

export function createConnector(context: ConnectorContext): PaymentConnector {
  return CONNECTORS[context.config.PAYMENT_PROVIDER](context);
}

/** Where Midtrans is reached, and where it sends its notifications (our public address). */
function midtransOptions(config: Config) {
  if (!config.MIDTRANS_SERVER_KEY) throw new Error('MIDTRANS_SERVER_KEY is required');
  return {
    serverKey: config.MIDTRANS_SERVER_KEY,
    baseUrl: config.MIDTRANS_BASE_URL,
    notificationUrl: `${config.PUBLIC_BASE_URL}/providers/midtrans/notifications`,
    timeoutMs: config.MIDTRANS_TIMEOUT_MS,
  };
}
