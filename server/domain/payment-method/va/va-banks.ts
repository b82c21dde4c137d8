/**
 * The banks behind our virtual accounts. A VA number is the bank-assigned company prefix
 * followed by a customer number we choose (reference §3.1); the sandbox prefixes are made up.
 * `transferCode` is the bank's code for "transfer to another bank" (BI sandi bank).
 */
export type VaBank = {
  /** Catalog code, `VA_BRI`. */
  code: string;
  /** Short name on buttons (`BRI`). */
  shortName: string;
  /** Full name for screen readers and headings. */
  fullName: string;
  transferCode: string;
  prefix: string;
  /** Digits after the prefix. */
  customerDigits: number;
  /** Whether customers of other banks can pay it by interbank transfer. */
  acceptsOtherBanks: boolean;
};

export const VA_BANKS: readonly VaBank[] = [
  {
    code: 'VA_BCA',
    shortName: 'BCA',
    fullName: 'Bank Central Asia',
    transferCode: '014',
    prefix: '39512',
    customerDigits: 11,
    acceptsOtherBanks: false,
  },
  {
    code: 'VA_BNI',
    shortName: 'BNI',
    fullName: 'Bank Negara Indonesia',
    transferCode: '009',
    prefix: '9881',
    customerDigits: 12,
    acceptsOtherBanks: true,
  },
  {
    code: 'VA_BRI',
    shortName: 'BRI',
    fullName: 'Bank Rakyat Indonesia',
    transferCode: '002',
    prefix: '26215',
    customerDigits: 10,
    acceptsOtherBanks: true,
  },
  {
    code: 'VA_MANDIRI',
    shortName: 'Mandiri',
    fullName: 'Bank Mandiri',
    transferCode: '008',
    prefix: '89608',
    customerDigits: 11,
    acceptsOtherBanks: true,
  },
  {
    code: 'VA_PERMATA',
    shortName: 'Permata',
    fullName: 'Bank Permata',
    transferCode: '013',
    prefix: '8528',
    customerDigits: 12,
    acceptsOtherBanks: true,
  },
  {
    code: 'VA_CIMB',
    shortName: 'CIMB Niaga',
    fullName: 'Bank CIMB Niaga',
    transferCode: '022',
    prefix: '5919',
    customerDigits: 12,
    acceptsOtherBanks: true,
  },
  {
    code: 'VA_DANAMON',
    shortName: 'Danamon',
    fullName: 'Bank Danamon',
    transferCode: '011',
    prefix: '7915',
    customerDigits: 12,
    acceptsOtherBanks: true,
  },
  {
    code: 'VA_MAYBANK',
    shortName: 'Maybank',
    fullName: 'Maybank Indonesia',
    transferCode: '016',
    prefix: '7812',
    customerDigits: 12,
    acceptsOtherBanks: true,
  },
  {
    code: 'VA_BSI',
    shortName: 'BSI',
    fullName: 'Bank Syariah Indonesia',
    transferCode: '451',
    prefix: '9347',
    customerDigits: 12,
    acceptsOtherBanks: true,
  },
];

export function findVaBank(code: string): VaBank | undefined {
  return VA_BANKS.find((bank) => bank.code === code);
}

/** A fresh VA number: prefix + random customer digits (uniqueness is checked by the store). */
export function newVaNumber(bank: VaBank, random: (size: number) => Uint8Array): string {
  const bytes = random(bank.customerDigits);
  let digits = '';
  for (const byte of bytes) digits += String(byte % 10);
  return bank.prefix + digits;
}

/** `2621512345678901` → `2621 5123 4567 8901`: groups of four, for reading aloud. */
export function groupDigits(number: string): string {
  return number.replace(/(\d{4})(?=\d)/g, '$1 ');
}
