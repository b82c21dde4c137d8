import { FetchState, astro as renderWithAstro } from 'astro/fetch';
import type { Context } from 'hono';
import type { PageProblem } from './checkout/read-for-page.ts';
import { createThrownReporter, routeOf } from '../server/http/thrown-errors.ts';
import type { Logger } from '../server/logger.ts';

/** The page a browser gets when its request failed outside a page (src/pages/problem.astro). */
const PROBLEM_PAGE = '/problem';

/**
 * SPEC §9 "Outages" for what a browser asks outside the pages (a pay or cancel form post):
 * the same friendly page as a page's own (src/components/ProblemView.astro), rendered from
 * src/pages/problem.astro in the request's language. `finish` adds the headers every page
 * carries.
 */
export function createProblemPages(
  deps: { log: Logger },
  finish: (response: Response) => Promise<Response>,
) {
  const reportThrown = createThrownReporter(deps);

  /** What a page's read that threw was, logged safely (src/checkout/read-for-page.ts). */
  const reporterFor =
    (c: Context) =>
    (error: unknown): PageProblem => {
      const kind = reportThrown(error, { method: c.req.method, route: routeOf(c) });
      return kind === 'database_unavailable' ? kind : 'failure';
    };

  const render = async (c: Context, problem: PageProblem): Promise<Response> => {
    const url = new URL(c.req.url);
    const state = new FetchState(
      new Request(new URL(`${PROBLEM_PAGE}${url.search}`, url), { headers: c.req.raw.headers }),
    );
    // A customer on a link's page tries that page again; anyone else starts over.
    const retryPath = /^\/b2b\/[^/]+/.exec(url.pathname)?.[0] ?? '/';
    Object.assign(state.locals, { pageProblem: { problem, retryPath } });
    return finish(await renderWithAstro(state));
  };

  return { reporterFor, render };
}
