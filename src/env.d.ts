/// <reference types="astro/client" />

declare namespace App {
  interface Locals {
    /** Set by src/fetch.ts for every page: pages read through it, never the database. */
    checkout: import('../server/checkout/checkout-types.ts').CheckoutReader;
    /** PUBLIC_BASE_URL is https (behind a TLS proxy): cookies are `Secure` (SPEC §9). */
    isHttps: boolean;
    /** Whether the sandbox bank is on (PAYMENT_PROVIDER=sandbox): GET /sandbox exists. */
    sandbox: boolean;
    /** The OpenAPI document (GET /api/openapi.json), for the API reference page. */
    apiDocument: () => ReturnType<
      typeof import('../server/http/openapi/api-operations.ts').openApiDocument
    >;
    /**
     * A checkout form post that failed, to render again with its errors: on the post's own
     * answer, and on the link page it sends the browser on to (docs/decisions/023).
     */
    checkoutForm?: import('../server/http/checkout/checkout-routes.ts').CheckoutFormState;
    /** Logs a page's failed read safely and says what it was (src/checkout/read-for-page.ts). */
    reportProblem: (error: unknown) => import('./checkout/read-for-page.ts').PageProblem;
    /** Set for src/pages/problem.astro only: what failed, and where to try again. */
    pageProblem?: {
      problem: import('./checkout/read-for-page.ts').PageProblem;
      retryPath: string;
    };
  }
}
