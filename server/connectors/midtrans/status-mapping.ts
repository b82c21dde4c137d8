import * as v from 'valibot';
import type { GatewayState } from '../../domain/connector/connector.ts';
import { parseWibTime } from './wib-time.ts';

/** The fields of a status answer or notification that decide the state (reference A.3–A.5). */
const StatusSchema = v.looseObject({
  status_code: v.optional(v.union([v.string(), v.number()])),
  // Only named in logs (a refund names it): an odd one is dropped, not a reason to refuse.
  transaction_id: v.optional(v.unknown()),
  transaction_status: v.optional(v.string()),
  fraud_status: v.optional(v.nullable(v.string())),
  gross_amount: v.optional(v.union([v.string(), v.number()])),
  settlement_time: v.optional(v.string()),
  transaction_time: v.optional(v.string()),
});
type StatusAnswer = v.InferOutput<typeof StatusSchema>;

/** `"44000.00"` → 44000; null for anything that is not whole rupiah (IDR has no cents, A.6). */
export function wholeRupiah(amount: string | number | undefined): number | null {
  const text = typeof amount === 'number' ? String(amount) : (amount ?? '');
  const match = /^(\d+)(?:\.0+)?$/.exec(text.trim());
  const rupiah = match ? Number(match[1]) : NaN;
  return Number.isSafeInteger(rupiah) ? rupiah : null;
}

function paid(answer: StatusAnswer): GatewayState | null {
  const amount = wholeRupiah(answer.gross_amount);
  const paidAt =
    parseWibTime(answer.settlement_time ?? '') ?? parseWibTime(answer.transaction_time ?? '');
  if (amount === null || paidAt === null) return null;
  const id = typeof answer.transaction_id === 'string' ? answer.transaction_id.trim() : '';
  return { kind: 'paid', amount, paidAt, gatewayRef: id || null };
}

/** "Paid" needs `fraud_status` absent or `accept` (A.3); `challenge` still awaits a review. */
function settled(answer: StatusAnswer): GatewayState | null {
  const fraud = answer.fraud_status?.toLowerCase() ?? 'accept';
  if (fraud === 'accept') return paid(answer);
  if (fraud === 'challenge') return { kind: 'pending' };
  if (fraud === 'deny') return { kind: 'ended', as: 'cancelled' };
  return null;
}

/**
 * The gateway state in a status answer or notification body; null when the body says
 * nothing Paylink can act on (the caller treats that as the gateway being unavailable).
 * Statuses are compared case-insensitively: one documented sample writes `PENDING` (A.2).
 */
export function mapGatewayState(body: unknown): GatewayState | null {
  const parsed = v.safeParse(StatusSchema, body);
  if (!parsed.success) return null;
  const answer = parsed.output;
  if (String(answer.status_code) === '404') return { kind: 'missing' };
  switch (answer.transaction_status?.toLowerCase()) {
    case 'settlement':
    case 'capture':
      return settled(answer);
    case 'pending':
      return { kind: 'pending' };
    case 'expire':
      return { kind: 'ended', as: 'expired' };
    case 'cancel':
    case 'failure':
      return { kind: 'ended', as: 'cancelled' };
    case 'deny':
      // Indomaret and Mandiri bill can go settlement → deny when the provider reverses (A.2).
      return answer.settlement_time ? { kind: 'reversed' } : { kind: 'ended', as: 'cancelled' };
    case 'refund':
    case 'partial_refund':
    case 'chargeback':
    case 'partial_chargeback':
      return { kind: 'reversed' };
    default:
      return null;
  }
}
