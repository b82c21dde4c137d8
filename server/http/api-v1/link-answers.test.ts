import { describe, expect, it, vi } from 'vitest';
import type { Account } from '../../domain/account/account.ts';
import { aLink, NOW } from '../../../tests/support/payment-fixtures.ts';
import { createLinkAnswers } from './link-answers.ts';
import { presentLink } from './present-link.ts';

const BASE_URL = 'https://pay.example.test';
const MINUTE = 60_000;

const anAccount = (over: Partial<Account> = {}): Account => ({
  id: '01K7P073Q8RE2A9PQT8Q7MXPN4',
  name: 'Toko Kopi',
  clientId: 'c',
  email: null,
  phone: null,
  status: 'active',
  callbackUrl: null,
  inquiryCallbackUrl: null,
  displayName: null,
  logo: null,
  brandColor: null,
  supportEmail: null,
  supportPhone: null,
  createdAt: NOW,
  updatedAt: NOW,
  ...over,
});

/** What sendData would send for the link at `now`. */
const envelopeOf = (link: ReturnType<typeof aLink>, account: Account, now: Date) =>
  JSON.stringify({ status: 200, success: true, data: presentLink(link, account, BASE_URL, now) });

describe('createLinkAnswers', () => {
  it("is sendData's JSON text of the link object", () => {
    const answer = createLinkAnswers(BASE_URL);
    const link = aLink({ items: [{ name: 'Kopi', quantity: 2, unitPrice: 10_000 }] });
    const account = anAccount();
    expect(answer(link, account, NOW)).toBe(envelopeOf(link, account, NOW));
  });

  it('is made once for the same link row, account row and computed status', () => {
    const answer = createLinkAnswers(BASE_URL);
    const link = aLink();
    const account = anAccount();
    const first = answer(link, account, NOW);
    const stringify = vi.spyOn(JSON, 'stringify');
    try {
      expect(answer(link, account, new Date(NOW.getTime() + MINUTE))).toBe(first);
      expect(stringify).not.toHaveBeenCalled();
    } finally {
      stringify.mockRestore();
    }
  });

  it('changes when the link expires between two reads', () => {
    const answer = createLinkAnswers(BASE_URL);
    const link = aLink({ expiredAt: new Date(NOW.getTime() + MINUTE) });
    const account = anAccount();
    const later = new Date(NOW.getTime() + 2 * MINUTE);
    expect(JSON.parse(answer(link, account, NOW)).data.status_computed).toBe('open');
    expect(answer(link, account, later)).toBe(envelopeOf(link, account, later));
    expect(JSON.parse(answer(link, account, later)).data.is_expired).toBe(true);
  });

  it('is made anew for a new link row or a new account row, even with the same ids', () => {
    const answer = createLinkAnswers(BASE_URL);
    const account = anAccount();
    answer(aLink(), account, NOW);
    const paid = aLink({ currentUsage: 3 });
    expect(answer(paid, account, NOW)).toBe(envelopeOf(paid, account, NOW));
    const renamed = anAccount({ name: 'Toko Teh' });
    expect(answer(paid, renamed, NOW)).toBe(envelopeOf(paid, renamed, NOW));
    expect(JSON.parse(answer(paid, renamed, NOW)).data.account.name).toBe('Toko Teh');
  });
});
