import type { Config } from '../config/env.ts';
import { type FieldErrors, type Failure, failure } from '../domain/shared/result.ts';
import { isRefusedCallbackUrl } from '../security/check-callback-url.ts';

export const NOT_PUBLIC_MESSAGE =
  'Must lead to a public internet address: loopback, private, link-local, multicast and ' +
  'reserved addresses, and names that resolve to them, are refused.';

/**
 * SPEC §6 "Destinations": a 422 naming each callback URL field whose host is, or resolves
 * to, an address that is not public; null when none is, or when CALLBACK_ALLOW_PRIVATE is on.
 * The URLs have passed their schema (absolute http(s)) already.
 */
export async function refuseNonPublicCallbackUrls(
  config: Pick<Config, 'CALLBACK_ALLOW_PRIVATE'>,
  urls: Record<string, string | null | undefined>,
): Promise<Failure | null> {
  if (config.CALLBACK_ALLOW_PRIVATE) return null;
  const checked = await Promise.all(
    Object.entries(urls).map(async ([field, url]) => ({
      field,
      isRefused: url ? await isRefusedCallbackUrl(url) : false,
    })),
  );
  const errors: FieldErrors = {};
  for (const { field, isRefused } of checked) if (isRefused) errors[field] = [NOT_PUBLIC_MESSAGE];
  if (Object.keys(errors).length === 0) return null;
  return failure('VALIDATION_FAILED', 'The given data was invalid.', errors);
}
