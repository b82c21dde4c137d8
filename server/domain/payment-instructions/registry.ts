import { BCA } from './banks/bca.ts';
import { BNI } from './banks/bni.ts';
import { BRI } from './banks/bri.ts';
import { BSI } from './banks/bsi.ts';
import { CIMB } from './banks/cimb.ts';
import { DANAMON } from './banks/danamon.ts';
import { MANDIRI } from './banks/mandiri.ts';
import { MAYBANK } from './banks/maybank.ts';
import { PERMATA } from './banks/permata.ts';
import type { BankInstructions } from './instruction-types.ts';

/** Every bank's instruction texts: a new bank is one file in banks/ and one entry here. */
export const BANK_INSTRUCTIONS: readonly BankInstructions[] = [
  BCA,
  BNI,
  BRI,
  MANDIRI,
  PERMATA,
  CIMB,
  DANAMON,
  MAYBANK,
  BSI,
];

/** The texts for this catalog code (`VA_BRI`), or undefined when no bank file has it. */
export function findBankInstructions(code: string): BankInstructions | undefined {
  return BANK_INSTRUCTIONS.find((bank) => bank.code === code);
}
