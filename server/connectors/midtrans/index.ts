import type { PaymentConnector } from '../../domain/connector/connector.ts';

export function createMidtransConnector(_options: {
  serverKey: string;
  baseUrl: string;
  notificationUrl: string | null;
  timeoutMs?: number;
}): PaymentConnector {
  throw new Error('the Midtrans connector is not built yet');
}
