import * as v from 'valibot';
import type { ErrorCode } from '../domain/shared/result.ts';

/**
 * The shapes every v1.0 answer takes (SPEC §3), as valibot schemas: the OpenAPI document is
 * generated from them, the conformance tests check real answers against it, and respond.ts
 * is typed by them.
 */

export const WholeNumber = v.pipe(v.number(), v.integer());

/** Text, or `null` when there is none. */
export const NullableText = v.nullable(v.string());

/** `2026-01-15T10:00:00+07:00`: every v1.0 time, in WIB (SPEC §3). */
export const WibTime = v.pipe(v.string(), v.regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+07:00$/));

/** Integer rupiah written with two decimals, `"20000.00"` (SPEC §3.3). */
export const DecimalAmount = v.pipe(v.string(), v.regex(/^-?\d+\.\d{2}$/));

export const PaginationSchema = v.pipe(
  v.strictObject({
    total: WholeNumber,
    count: WholeNumber,
    per_page: WholeNumber,
    current_page: WholeNumber,
    total_pages: WholeNumber,
  }),
  v.title('Pagination'),
);

export type Pagination = v.InferOutput<typeof PaginationSchema>;

/** `{"status", "success": true, "data"}`. */
export function dataEnvelope<const S extends v.GenericSchema>(data: S, status = 200) {
  return v.strictObject({ status: v.literal(status), success: v.literal(true), data });
}

/** A page of a list: `data` and `pagination`. */
export function listEnvelope<const S extends v.GenericSchema>(item: S) {
  return v.strictObject({
    status: v.literal(200),
    success: v.literal(true),
    data: v.array(item),
    pagination: PaginationSchema,
  });
}

/** `items.0.quantity` → its messages (SPEC §3, 422). */
export const FieldErrorsSchema = v.pipe(
  v.record(v.string(), v.array(v.string())),
  v.title('FieldErrors'),
);

/**
 * `{"status", "success": false, "error": {"code", "message", "reason"}}` with the reasons this
 * status may carry; a failure about fields (a 422, a taken reff_no) also has the field map,
 * beside `error` and inside it.
 */
export function failureEnvelope(status: number, reasons: readonly ErrorCode[]) {
  return v.strictObject({
    status: v.literal(status),
    success: v.literal(false),
    error: v.strictObject({
      code: v.literal(status),
      message: v.string(),
      reason: v.picklist(reasons),
      errors: v.optional(FieldErrorsSchema),
    }),
    errors: v.optional(FieldErrorsSchema),
  });
}
