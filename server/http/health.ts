import type { Deps } from '../deps.ts';
import { API_CONTENT_SECURITY_POLICY } from './content-security-policy.ts';
import { RETRY_AFTER_SECONDS } from './error-table.ts';
import { securityHeaderValues } from './security-headers.ts';

/**
 * SPEC §9 `GET /healthz`: 200 while the process is up and its database answers (the ping is
 * shared for a second, see main.ts), else 503. Carries every security header itself, so the
 * server may answer it before any middleware (server/adapter/node-entry.ts).
 */
export function healthCheck(deps: Deps): () => Promise<Response> {
  const headers = {
    'content-type': 'application/json',
    'content-security-policy': API_CONTENT_SECURITY_POLICY,
    'cache-control': 'no-store',
    ...securityHeaderValues({ https: deps.config.PUBLIC_BASE_URL.startsWith('https:') }),
  };
  const ok = JSON.stringify({ status: 'ok' });
  const down = JSON.stringify({ status: 'unavailable', reason: 'database unreachable' });
  const downHeaders = { ...headers, 'retry-after': String(RETRY_AFTER_SECONDS) };
  return async () => {
    try {
      await deps.pingDatabase();
      return new Response(ok, { status: 200, headers });
    } catch {
      return new Response(down, { status: 503, headers: downHeaders });
    }
  };
}
