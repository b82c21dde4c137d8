import { RETRY_AFTER_SECONDS } from '../../server/http/error-table.ts';

/** Why a page could not be served: the database is out of reach (503), or a failure (500). */
export type PageProblem = 'database_unavailable' | 'failure';

type PageContext = {
  locals: { reportProblem: (error: unknown) => PageProblem };
  response: { status?: number; headers: Headers };
};

/**
 * Runs what a page reads. An outage or a failure of ours becomes the page's own answer (503
 * with `Retry-After`, or 500) and is logged safely by the server (SPEC §9 "Outages", "Logs"):
 * a read that threw into Astro would be printed whole, its query's parameters with it, and
 * answered with a bare 500.
 */
export async function readForPage<T>(
  page: PageContext,
  read: () => Promise<T>,
): Promise<{ view: T; problem?: never } | { problem: PageProblem; view?: never }> {
  try {
    return { view: await read() };
  } catch (error) {
    const problem = page.locals.reportProblem(error);
    page.response.status = problem === 'database_unavailable' ? 503 : 500;
    if (problem === 'database_unavailable') {
      page.response.headers.set('retry-after', String(RETRY_AFTER_SECONDS));
    }
    return { problem };
  }
}
