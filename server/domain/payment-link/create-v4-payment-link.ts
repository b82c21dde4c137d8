import { failure, type Result, success } from '../shared/result.ts';
import { type CreateLinkInput, createPaymentLink, type LinkDeps } from './create-payment-link.ts';
import type { PaymentLink } from './payment-link.ts';

/** A v4 create: the reference is the idempotency key, so it and the fingerprint are set. */
export type V4CreateLinkInput = CreateLinkInput & { reffNo: string; requestFingerprint: string };

export type V4CreateOutcome = {
  link: PaymentLink;
  /** True when the link already existed and this request repeated the one that made it. */
  isRepeat: boolean;
};

/**
 * SPEC §4: `referenceId` is unique per account and is the idempotency key. A repeat of the
 * request that created the link (same fingerprint) answers that link, and creates and mails
 * nothing; any other request with a reference in use, a v1.0 link's included, is a 409.
 */
export async function createV4PaymentLink(
  deps: LinkDeps,
  accountId: string,
  input: V4CreateLinkInput,
): Promise<Result<V4CreateOutcome>> {
  const existing = await deps.links.findByReffNo(accountId, input.reffNo);
  if (existing) return repeatOf(existing, input);

  const created = await createPaymentLink(deps, accountId, input);
  if (created.ok) return success({ link: created.value, isRepeat: false });
  if (created.code !== 'REFF_NO_TAKEN') return created;
  // A concurrent request with this reference was stored first: answer as if it came before.
  const winner = await deps.links.findByReffNo(accountId, input.reffNo);
  return winner ? repeatOf(winner, input) : created;
}

function repeatOf(link: PaymentLink, input: V4CreateLinkInput): Result<V4CreateOutcome> {
  if (link.requestFingerprint === input.requestFingerprint) {
    return success({ link, isRepeat: true });
  }
  return failure(
    'REFF_NO_TAKEN',
    `referenceId "${input.reffNo}" is already used by a payment link created with other attributes.`,
    { reff_no: ['This referenceId is already used by another payment link.'] },
  );
}
