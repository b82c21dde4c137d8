import type { Hono } from 'hono';
import { sendJsonApiFailure } from '../api-v4/json-api-errors.ts';
import { sendFailure } from '../respond.ts';
import type { RateLimits } from './rate-limits.ts';

/** The token grants (SPEC §3.1): limited on their own terms rather than as failed logins. */
const TOKEN_PATHS = ['/api/v1.0/access-token/b2b', '/api/v1.1/access-token/b2b'];

/**
 * SPEC §9: puts each door's limit in front of its routes, answering in the door's dialect.
 * The checkout's payment starts are limited in their route (checkout-routes.ts), whose
 * refused form post gets the page again. What is left unlimited, and why: decision 013.
 */
export function limitEveryDoor(app: Hono, limits: RateLimits): void {
  app.use('*', limits.identifyClient);
  app.on('POST', TOKEN_PATHS, limits.tokenGrants(sendFailure));
  const bearerFailures = limits.apiFailures(sendFailure);
  app.use('/api/v1.0/*', (c, next) =>
    TOKEN_PATHS.includes(c.req.path) ? next() : bearerFailures(c, next),
  );
  app.use('/api/v2.0/*', bearerFailures);
  app.use('/api/v4/*', limits.apiFailures(sendJsonApiFailure));
  app.use('/api/admin/*', limits.adminFailures(sendFailure));
  // Mounted only in sandbox mode; without it these paths are 404s that change nothing.
  app.use('/sandbox/*', limits.sandboxWrites(sendFailure));
  app.use('/providers/*', limits.notificationFailures(sendFailure));
}
