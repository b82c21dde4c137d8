import type { Context } from 'hono';
import * as v from 'valibot';
import { type FieldErrors, failure, type Result, success } from '../domain/shared/result.ts';
import { MAX_BODY_DEPTH, memberTooDeep } from './json-depth.ts';

/** The 422 field map from valibot issues: `items.0.quantity` → messages. */
export function fieldErrors(issues: readonly v.BaseIssue<unknown>[]): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) {
    const path = v.getDotPath(issue) ?? 'body';
    (errors[path] ??= []).push(issue.message);
  }
  return errors;
}

/** Validates input against a schema; a mismatch is a 422 naming every bad field. */
export function validate<S extends v.GenericSchema>(
  schema: S,
  input: unknown,
): Result<v.InferOutput<S>> {
  const parsed = v.safeParse(schema, input);
  if (parsed.success) return success(parsed.output);
  return failure('VALIDATION_FAILED', 'The given data was invalid.', fieldErrors(parsed.issues));
}

function mediaType(c: Context): string {
  return (c.req.header('content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
}

/**
 * Reads a JSON body. No content type is read as JSON (curl without -H still works); another
 * content type is a 415; malformed JSON is a 400.
 */
export async function readJson(c: Context): Promise<Result<unknown>> {
  const type = mediaType(c);
  if (type !== '' && type !== 'application/json' && !type.endsWith('+json')) {
    return failure('UNSUPPORTED_MEDIA_TYPE', 'Send the body as application/json.');
  }
  return parseJsonText(await c.req.text());
}

/** Reads a JSON or form-encoded body (the access-token endpoints take both, SPEC §3.1). */
export async function readJsonOrForm(c: Context): Promise<Result<unknown>> {
  const type = mediaType(c);
  if (type === 'application/x-www-form-urlencoded') {
    return success(Object.fromEntries(new URLSearchParams(await c.req.text())));
  }
  return readJson(c);
}

/**
 * A JSON body's text as a value: empty is `{}`, malformed is a 400, and nesting deeper than
 * 32 levels is a 422 naming the member that holds it (SPEC §9), so that no later step (a
 * schema, a fingerprint, the store) ever walks such a value.
 */
export function parseJsonText(text: string): Result<unknown> {
  if (text.trim() === '') return success({});
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return failure('MALFORMED_BODY', 'The request body is not valid JSON.');
  }
  const tooDeep = memberTooDeep(value, MAX_BODY_DEPTH);
  if (tooDeep === null) return success(value);
  return failure('VALIDATION_FAILED', 'The given data was invalid.', {
    [tooDeep]: [`Must not nest objects and arrays deeper than ${MAX_BODY_DEPTH} levels in all.`],
  });
}
