import * as v from 'valibot';

/**
 * What one Midtrans call came to. `ok` carries the body as sent (extra fields kept);
 * `refused` is Midtrans saying no (4xx); `unavailable` is every answer that says nothing
 * about the order: no answer, a 5xx, a body that does not parse.
 */
export type MidtransAnswer =
  | { kind: 'ok'; statusCode: number; body: Readonly<Record<string, unknown>> }
  | { kind: 'refused'; statusCode: number; message: string; validationMessages: string[] }
  | { kind: 'unavailable'; reason: string };

export type AnswerRules = {
  /** Body codes ≥ 400 that are answers, not errors: 407 is an expired order (reference A.5). */
  nonErrorCodes?: readonly number[];
  /** HTTP 202 on a POST with an Idempotency-Key: the first call is still running (A.1). */
  isIdempotentPost?: boolean;
};

/** Midtrans writes `"201"`; a number is accepted too, since the docs call the body lenient. */
const StatusCodeSchema = v.union([
  v.pipe(v.string(), v.regex(/^\d{3}$/), v.transform(Number)),
  v.pipe(v.number(), v.integer(), v.minValue(100), v.maxValue(999)),
]);

const AnswerSchema = v.looseObject({
  status_code: StatusCodeSchema,
  status_message: v.optional(v.unknown()),
  validation_messages: v.optional(v.unknown()),
  // One third-party client reads this key instead; accept both (reference A.5).
  error_messages: v.optional(v.unknown()),
});

/** Gateway text goes into logs and outcomes; a bound keeps a runaway body out of them. */
const MAX_MESSAGE = 200;

function textOf(value: unknown): string {
  return typeof value === 'string' ? value.slice(0, MAX_MESSAGE) : '';
}

function textsOf(value: unknown): string[] {
  return Array.isArray(value) ? value.map(textOf).filter((text) => text !== '') : [];
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/**
 * Reads an HTTP status and body the way Midtrans means them: either may carry the error
 * (the HTTP status is sometimes 200 around a body `"404"`), so both are read (reference A.5).
 */
export function readMidtransAnswer(
  httpStatus: number,
  text: string,
  rules: AnswerRules = {},
): MidtransAnswer {
  if (httpStatus >= 500) return { kind: 'unavailable', reason: `HTTP ${httpStatus}` };
  if (httpStatus === 202 && rules.isIdempotentPost) {
    return { kind: 'unavailable', reason: 'the first call with this key is still running' };
  }
  const parsed = v.safeParse(AnswerSchema, parseJson(text));
  if (!parsed.success) {
    return { kind: 'unavailable', reason: `HTTP ${httpStatus} with an unreadable body` };
  }
  const body = parsed.output;
  const code = body.status_code;
  const message = textOf(body.status_message);
  // 503 is "bank/partner is experiencing connection issue"; 429 asks to come back later.
  if (code >= 500 || code === 429 || httpStatus === 429) {
    return { kind: 'unavailable', reason: `Midtrans ${code}: ${message}` };
  }
  const isError = (status: number) => status >= 400 && !rules.nonErrorCodes?.includes(status);
  if (isError(code) || isError(httpStatus)) {
    return {
      kind: 'refused',
      statusCode: isError(code) ? code : httpStatus,
      message,
      validationMessages: textsOf(body.validation_messages ?? body.error_messages),
    };
  }
  const answered: Record<string, unknown> = { ...body, status_code: String(code) };
  return { kind: 'ok', statusCode: code, body: answered };
}
