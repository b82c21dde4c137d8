/**
 * Plain data shared by the instruction catalog: what the checkout page shows under
 * "how to pay", per channel and language.
 */
export type Lang = 'id' | 'en';

/**
 * VA channels; the two ways to pay a QRIS code or an e-wallet: on this phone, or scanning from
 * another; and a convenience store's cashier.
 */
export type Channel =
  'atm' | 'mobile' | 'internet' | 'other_bank' | 'this_phone' | 'other_phone' | 'cashier';

/** One channel's instructions, ready to render: placeholders already filled. */
export type InstructionBlock = { channel: Channel; title: string; steps: string[] };

/**
 * A block before filling: `{va}`, `{amount}`, `{company}`, `{customer}`, `{bank}` and
 * `{bankCode}` are replaced by `fillTemplate` (see va-instructions.ts for what each holds).
 */
export type BlockTemplate = { title: string; steps: readonly string[] };

/** The channels every bank has; `other_bank` is shared and added by va-instructions.ts. */
export type OwnChannel = 'atm' | 'mobile' | 'internet';

/** One bank's texts: the catalog code from va-banks.ts and a template per channel and language. */
export type BankInstructions = {
  code: string;
} & Record<Lang, Record<OwnChannel, BlockTemplate>>;
