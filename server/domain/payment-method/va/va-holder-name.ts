/**
 * The account holder name a bank shows when the customer enters the VA number (the name they
 * are told to check). Banks show it in capitals, in Latin letters, cut to a bank-set length:
 * Permata shows 20 characters (Midtrans `permata.recipient_name`), and 30 is the common limit
 * elsewhere (BCA's VA customer name, reference gateway-connectors.md A.6). A connector that
 * creates real VAs must send this same name, so the page and the bank agree.
 */
const HOLDER_NAME_LENGTH: Readonly<Record<string, number>> = { VA_PERMATA: 20 };
const DEFAULT_LENGTH = 30;

/** Capitals, digits and the punctuation banks print; anything else becomes a space. */
function toBankText(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toUpperCase()
    .replace(/[^A-Z0-9&.,'()\-/ ]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The holder name of `methodCode`'s VAs for a merchant called `names` (first usable wins). */
export function vaHolderName(methodCode: string, names: readonly string[]): string {
  const max = HOLDER_NAME_LENGTH[methodCode] ?? DEFAULT_LENGTH;
  const usable = names.map(toBankText).find((name) => name !== '') ?? 'MERCHANT';
  return usable.slice(0, max).trimEnd();
}
