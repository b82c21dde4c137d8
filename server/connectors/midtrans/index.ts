/** The Midtrans Core API connector (SPEC §10) and what it offers. */
export { createMidtransConnector, type MidtransConnectorOptions } from './midtrans-connector.ts';
export { MIDTRANS_CATALOG } from './midtrans-catalog.ts';
export { MIDTRANS_BASE_URLS } from './midtrans-http.ts';
