import { adminOperations } from '../admin/admin-operations.ts';
import { accessTokenOperations } from '../api-v1/access-token-operations.ts';
import { historyOperations } from '../api-v1/history-operations.ts';
import { paymentLinkOperations } from '../api-v1/payment-link-operations.ts';
import { v2Operations } from '../api-v2/v2-operations.ts';
import { v4Operations } from '../api-v4/v4-operations.ts';
import { brandAssetOperations } from '../checkout/brand-asset-operations.ts';
import { checkoutOperations } from '../checkout/checkout-operations.ts';
import { providerOperations } from '../providers/notification-operations.ts';
import { sandboxOperations } from '../sandbox/sandbox-operations.ts';
import { buildOpenApi } from './build-openapi.ts';
import type { Operation } from './operation.ts';
import { serviceOperations } from './service-operations.ts';

/** Every operation the app answers, in the order the reference shows them. */
export const API_OPERATIONS: readonly Operation[] = [
  ...accessTokenOperations,
  ...paymentLinkOperations,
  ...historyOperations,
  ...v2Operations,
  ...v4Operations,
  ...checkoutOperations,
  ...brandAssetOperations,
  ...sandboxOperations,
  ...providerOperations,
  ...adminOperations,
  ...serviceOperations,
];

const documents = new Map<string, ReturnType<typeof buildOpenApi>>();

/** The document for this server's public address, built once. */
export function openApiDocument(baseUrl: string) {
  let document = documents.get(baseUrl);
  if (!document) {
    document = buildOpenApi(API_OPERATIONS, baseUrl);
    documents.set(baseUrl, document);
  }
  return document;
}
