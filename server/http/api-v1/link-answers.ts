import type { Account } from '../../domain/account/account.ts';
import {
  type ComputedLinkStatus,
  computeLinkStatus,
  type PaymentLink,
} from '../../domain/payment-link/payment-link.ts';
import { createLru } from '../../cache/lru.ts';
import { presentLink } from './present-link.ts';

/** At most this many answers (and bytes of them) are kept: the links clients read most. */
const MAX_ANSWERS = 1_000;
const MAX_ANSWER_BYTES = 2 * 1024 * 1024;

type Answer = { link: PaymentLink; account: Account; computed: ComputedLinkStatus; text: string };

/**
 * The JSON text of the answer to `GET …/payment-link-manage/{account}/{id}` (SPEC §3.3, the
 * envelope of sendData), made once per link row, account row and computed status rather than
 * on every read. The rows come from the read-through cache, which hands out one frozen object
 * until its row changes and then a new one, so an answer is reused only for the very objects
 * it was made from. The one part that moves with time, the computed status (expiry), is
 * compared too. Rows read while the cache is off are new objects: their answers are made anew.
 */
export function createLinkAnswers(
  baseUrl: string,
): (link: PaymentLink, account: Account, now: Date) => string {
  const answers = createLru<number, Answer>({
    maxEntries: MAX_ANSWERS,
    maxBytes: MAX_ANSWER_BYTES,
    sizeOf: (answer) => answer.text.length,
  });
  return (link, account, now) => {
    const computed = computeLinkStatus(link, now);
    const known = answers.get(link.id);
    if (known && known.link === link && known.account === account && known.computed === computed)
      return known.text;
    const data = presentLink(link, account, baseUrl, now);
    const text = JSON.stringify({ status: 200, success: true, data });
    answers.set(link.id, { link, account, computed, text });
    return text;
  };
}
