import { describe, expect, it } from 'vitest';
import { groupDigits, VA_BANKS, type VaBank } from '../payment-method/va/va-banks.ts';
import type { InstructionBlock, Lang } from './instruction-types.ts';
import { BANK_INSTRUCTIONS } from './registry.ts';
import { vaInstructions } from './va-instructions.ts';

const LANGS: readonly Lang[] = ['id', 'en'];
const AMOUNT = 'Rp 50.000';
const UNFILLED = /\{[^}]*\}/;

/** Each bank's current app and internet-banking names, written here independently of the texts. */
const CHANNEL_NAMES: Record<string, { mobile: string[]; internet: string[] }> = {
  VA_BCA: { mobile: ['BCA mobile', 'myBCA'], internet: ['KlikBCA'] },
  VA_BNI: { mobile: ['wondr by BNI', 'BNI Mobile Banking'], internet: ['BNI Internet Banking'] },
  VA_BRI: { mobile: ['BRImo'], internet: ['Internet Banking BRI'] },
  VA_MANDIRI: {
    mobile: ["Livin' by Mandiri"],
    internet: ["Livin' by Mandiri (web)", 'Mandiri Internet Banking'],
  },
  VA_PERMATA: { mobile: ['PermataMobile X'], internet: ['PermataNet'] },
  VA_CIMB: { mobile: ['OCTO Mobile'], internet: ['OCTO Clicks'] },
  VA_DANAMON: { mobile: ['D-Bank PRO'], internet: ['D-Bank PRO (web)'] },
  VA_MAYBANK: { mobile: ['M2U ID App'], internet: ['M2U ID Web'] },
  VA_BSI: { mobile: ['BYOND by BSI'], internet: ['BSI Net'] },
};

function sampleVaNumber(bank: VaBank): string {
  return bank.prefix + '98765432109876543210'.slice(0, bank.customerDigits);
}

function blocksFor(bank: VaBank, lang: Lang): InstructionBlock[] {
  return vaInstructions(bank.code, lang, { vaNumber: sampleVaNumber(bank), amountLabel: AMOUNT });
}

const block = (blocks: InstructionBlock[], channel: string) => {
  const found = blocks.find((b) => b.channel === channel);
  if (!found) throw new Error(`no ${channel} block`);
  return found;
};

const cases = VA_BANKS.flatMap((bank) => LANGS.map((lang) => [bank.code, lang, bank] as const));

describe('vaInstructions: every bank × language', () => {
  it.each(cases)(
    '%s (%s): atm, mobile, internet, and other_bank only when other banks may pay',
    (_code, lang, bank) => {
      const expected = bank.acceptsOtherBanks
        ? ['atm', 'mobile', 'internet', 'other_bank']
        : ['atm', 'mobile', 'internet'];
      expect(blocksFor(bank, lang).map((b) => b.channel)).toEqual(expected);
    },
  );

  it.each(cases)('%s (%s): 3–8 short, filled steps per block', (_code, lang, bank) => {
    for (const b of blocksFor(bank, lang)) {
      expect(b.title.trim()).not.toBe('');
      expect(b.title).not.toMatch(UNFILLED);
      expect(b.steps.length).toBeGreaterThanOrEqual(3);
      expect(b.steps.length).toBeLessThanOrEqual(8);
      for (const step of b.steps) {
        expect(step.trim()).not.toBe('');
        expect(step).not.toMatch(UNFILLED);
        expect(step.length).toBeLessThanOrEqual(130);
      }
    }
  });

  it.each(cases)(
    '%s (%s): every block shows the grouped VA number and the amount',
    (_code, lang, bank) => {
      const grouped = groupDigits(sampleVaNumber(bank));
      for (const b of blocksFor(bank, lang)) {
        expect(
          b.steps.some((step) => step.includes(grouped)),
          `${b.channel} names ${grouped}`,
        ).toBe(true);
        expect(
          b.steps.some((step) => step.includes(AMOUNT)),
          `${b.channel} names ${AMOUNT}`,
        ).toBe(true);
      }
    },
  );

  it.each(cases)(
    '%s (%s): the last step says to keep the receipt or that the page updates',
    (_code, lang, bank) => {
      const closing = lang === 'id' ? /struk|bukti|halaman ini/i : /receipt|this page/i;
      for (const b of blocksFor(bank, lang)) expect(b.steps.at(-1)).toMatch(closing);
    },
  );

  it.each(VA_BANKS.map((bank) => [bank.code, bank] as const))(
    '%s: no block is left untranslated',
    (_code, bank) => {
      const id = blocksFor(bank, 'id');
      const en = blocksFor(bank, 'en');
      expect(id.map((b) => b.channel)).toEqual(en.map((b) => b.channel));
      id.forEach((idBlock, i) => {
        const enSteps = new Set(en[i]?.steps);
        for (const step of idBlock.steps) expect(enSteps.has(step), step).toBe(false);
      });
    },
  );

  it.each(cases)(
    '%s (%s): mobile and internet blocks name the bank’s current apps',
    (code, lang, bank) => {
      const names = CHANNEL_NAMES[code];
      if (!names) throw new Error(`add ${code} to CHANNEL_NAMES`);
      const blocks = blocksFor(bank, lang);
      const text = (channel: string) =>
        [block(blocks, channel).title, ...block(blocks, channel).steps].join('\n');
      for (const name of names.mobile) expect(text('mobile')).toContain(name);
      expect(names.internet.some((name) => text('internet').includes(name))).toBe(true);
    },
  );
});

describe('vaInstructions: per-bank details', () => {
  it('has texts for exactly the banks in VA_BANKS', () => {
    expect(BANK_INSTRUCTIONS.map((b) => b.code).sort()).toEqual(VA_BANKS.map((b) => b.code).sort());
    expect(Object.keys(CHANNEL_NAMES).sort()).toEqual(VA_BANKS.map((b) => b.code).sort());
  });

  it.each([
    ['8960812345678901', '89608'],
    ['8860863623046', '88608'],
  ])(
    'Mandiri ATM uses "Multi Payment" with the first five digits of %s as company code',
    (vaNumber, company) => {
      for (const lang of LANGS) {
        const atm = block(
          vaInstructions('VA_MANDIRI', lang, { vaNumber, amountLabel: AMOUNT }),
          'atm',
        );
        expect(atm.steps.join('\n')).toContain('"Multi Payment"');
        const companyStep = atm.steps.findIndex(
          (step) => step.includes(company) && !step.includes(groupDigits(vaNumber)),
        );
        const vaStep = atm.steps.findIndex((step) => step.includes(groupDigits(vaNumber)));
        expect(companyStep).toBeGreaterThanOrEqual(0);
        expect(companyStep).toBeLessThan(vaStep);
      }
    },
  );

  it('a Mandiri bill from a gateway asks for its biller code, at Mandiri channels only', () => {
    for (const lang of LANGS) {
      const blocks = vaInstructions('VA_MANDIRI', lang, {
        vaNumber: '700000000003',
        amountLabel: AMOUNT,
        billerCode: '70012',
      });
      expect(blocks.map((b) => b.channel)).toEqual(['atm', 'mobile', 'internet']);
      for (const b of blocks) {
        const text = b.steps.join('\n');
        expect(text).toContain('70012');
        expect(text).not.toMatch(/\b70000\b/);
      }
    }
  });

  it('BSI app asks for the institution code, then the rest of the number', () => {
    const mobile = block(
      vaInstructions('VA_BSI', 'en', { vaNumber: '9347123456789012', amountLabel: AMOUNT }),
      'mobile',
    );
    const text = mobile.steps.join('\n');
    expect(text).toContain('code 9347');
    expect(text).toContain('1234 5678 9012: the number 9347 1234 5678 9012');
  });

  it.each(
    VA_BANKS.filter((bank) => bank.acceptsOtherBanks).map((bank) => [bank.code, bank] as const),
  )('%s other_bank: bank name, transfer code, and no BI-FAST/SKN/RTGS', (_code, bank) => {
    for (const lang of LANGS) {
      const text = block(blocksFor(bank, lang), 'other_bank').steps.join('\n');
      expect(text).toContain(bank.shortName);
      expect(text).toContain(bank.transferCode);
      expect(text).toMatch(/BI-FAST, SKN,? (atau|or) RTGS/);
    }
  });

  it('accepts a VA number that is already grouped', () => {
    const blocks = vaInstructions('VA_BRI', 'id', {
      vaNumber: '2621 5123 4567 8901',
      amountLabel: AMOUNT,
    });
    expect(block(blocks, 'mobile').steps.join('\n')).toContain('2621 5123 4567 8901');
  });

  it.each(['VA_XYZ', 'QRIS', 'va_bri', ''])(
    'throws for method code %j (asking is a bug)',
    (code) => {
      expect(() =>
        vaInstructions(code, 'id', { vaNumber: '2621512345678901', amountLabel: AMOUNT }),
      ).toThrow(/No VA instructions/);
    },
  );

  it('throws for a VA number that is not digits', () => {
    expect(() =>
      vaInstructions('VA_BRI', 'en', { vaNumber: '2621-5123', amountLabel: AMOUNT }),
    ).toThrow(/digits/);
  });
});
