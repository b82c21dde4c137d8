import { findVaBank, groupDigits } from '../payment-method/va/va-banks.ts';
import { fillTemplate } from './fill-template.ts';
import type {
  BlockTemplate,
  Channel,
  InstructionBlock,
  Lang,
  OwnChannel,
} from './instruction-types.ts';
import { OTHER_BANK } from './other-bank.ts';
import { findBankInstructions } from './registry.ts';

const OWN_CHANNELS: readonly OwnChannel[] = ['atm', 'mobile', 'internet'];

export type VaFill = {
  vaNumber: string;
  amountLabel: string;
  /**
   * A Mandiri bill made by a gateway (Midtrans echannel): the company code it gave, entered
   * before the bill key. Such a bill is paid at Mandiri only (reference A.2).
   */
  billerCode?: string | undefined;
};

/**
 * Step-by-step instructions to pay this VA, per channel, in this language, with the number and
 * amount filled in. Throws for a method code without VA texts: the caller must only ask for VA
 * methods it offers, so that is a bug, not a customer error.
 */
export function vaInstructions(methodCode: string, lang: Lang, fill: VaFill): InstructionBlock[] {
  const bank = findVaBank(methodCode);
  const texts = findBankInstructions(methodCode);
  if (!bank || !texts) throw new Error(`No VA instructions for payment method "${methodCode}"`);
  const digits = fill.vaNumber.replace(/\s/g, '');
  if (!/^\d+$/.test(digits)) throw new Error(`VA number must be digits, got "${fill.vaNumber}"`);
  // The company / institution code a bank asks for (Mandiri "Multi Payment", BSI "Institusi")
  // is the bank-assigned prefix the number starts with (reference §3.1), or a gateway's biller
  // code, which a bill key does not start with.
  const companyLength = bank.prefix.length;
  const values = {
    va: groupDigits(digits),
    amount: fill.amountLabel,
    company: fill.billerCode ?? digits.slice(0, companyLength),
    customer: groupDigits(digits.slice(companyLength)),
    bank: bank.shortName,
    bankCode: bank.transferCode,
  };
  const blocks = OWN_CHANNELS.map((channel) => fillBlock(channel, texts[lang][channel], values));
  if (bank.acceptsOtherBanks && fill.billerCode === undefined)
    blocks.push(fillBlock('other_bank', OTHER_BANK[lang], values));
  return blocks;
}

function fillBlock(
  channel: Channel,
  block: BlockTemplate,
  values: Record<string, string>,
): InstructionBlock {
  return {
    channel,
    title: fillTemplate(block.title, values),
    steps: block.steps.map((step) => fillTemplate(step, values)),
  };
}
