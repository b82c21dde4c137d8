// The few modules of @mdn/mdn-http-observatory (plain JavaScript) that observatory.ts uses.
declare module '@mdn/mdn-http-observatory/src/retriever/retriever.js' {
  export type Retrieval = { responses: { auto: { status: number } | null } };
  export function retrieve(
    hostname: string,
    options: { httpPort?: number; httpsPort?: number; path?: string },
  ): Promise<Retrieval>;
}

declare module '@mdn/mdn-http-observatory/src/constants.js' {
  import type { Retrieval } from '@mdn/mdn-http-observatory/src/retriever/retriever.js';
  export type TestOutput = {
    constructor: { name: string };
    pass: boolean | null;
    result: string | null;
  };
  export const ALL_TESTS: ReadonlyArray<(retrieval: Retrieval) => TestOutput>;
}

declare module '@mdn/mdn-http-observatory/src/grader/grader.js' {
  export function getGradeForScore(score: number): { score: number; grade: string };
  export function getScoreModifier(expectation: string): number;
}

declare module '@mdn/mdn-http-observatory/src/grader/charts.js' {
  export const MINIMUM_SCORE_FOR_EXTRA_CREDIT: number;
}

declare module '@mdn/mdn-http-observatory/src/analyzer/tests/csp.js' {
  /** The Observatory's CSP test over one recorded response. */
  export function contentSecurityPolicyTest(requests: {
    responses: { auto: { headers: Record<string, string>; httpEquiv: Map<string, string[]> } };
    session: { url: URL };
  }): { pass: boolean; result: string | null };
}
