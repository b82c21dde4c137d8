import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createCookieSeal } from '../../security/cookie-seal.ts';
import {
  clearedCookie,
  failedFormCookie,
  isPersonalLinkPage,
  pendingPaymentCookie,
  readFailedForm,
  readPendingPayment,
} from './checkout-cookies.ts';

const seal = createCookieSeal(randomBytes(32));
const LINK = { id: 7, publicId: `PL20260115100000${'a'.repeat(32)}` };
const NOW = new Date('2026-01-15T03:00:00Z');
const valueOf = (cookie: string) => cookie.split(';')[0]?.split('=')[1] ?? '';

describe('checkout cookies', () => {
  it('are not Secure on a plain-http site (a browser would drop them there)', () => {
    const payment = { reffNo: 'PAY1', expiresAt: new Date(NOW.getTime() + 15 * 60_000) };
    const cookie = pendingPaymentCookie(seal, LINK, payment, NOW, { secure: false });
    expect(cookie).toMatch(
      new RegExp(
        `^pl_pending=[\\w-]+; Path=/b2b/${LINK.publicId}; Max-Age=900; HttpOnly; SameSite=Lax$`,
      ),
    );
    expect(readPendingPayment(seal, LINK, valueOf(cookie))).toBe('PAY1');
    expect(readPendingPayment(seal, { ...LINK, id: 8 }, valueOf(cookie))).toBeNull();
    expect(clearedCookie('pl_pending', LINK.publicId, { secure: true })).toBe(
      `pl_pending=; Path=/b2b/${LINK.publicId}; Max-Age=0; HttpOnly; SameSite=Lax; Secure`,
    );
  });

  it('carry a failed form back as the page needs it: fields, failing paths, reason', () => {
    const cookie = failedFormCookie(
      seal,
      LINK,
      {
        code: 'VALIDATION_FAILED',
        message: 'The given data was invalid.',
        errors: { 'customer.phone': ['Must be an Indonesian mobile number.'] },
        fields: {
          method: 'VA_BRI',
          customer_phone: '123',
          csrf: 'not ours',
          customer_name: 'x'.repeat(5000),
        },
      },
      { secure: true },
    );
    expect(cookie).not.toBeNull();
    expect(cookie?.length).toBeLessThan(3800);
    expect(readFailedForm(seal, LINK, valueOf(cookie ?? ''))).toEqual({
      code: 'VALIDATION_FAILED',
      message: '',
      errors: { 'customer.phone': [] },
      fields: { method: 'VA_BRI', customer_phone: '123', customer_name: 'x'.repeat(300) },
    });
    expect(readFailedForm(seal, { ...LINK, id: 8 }, valueOf(cookie ?? ''))).toBeNull();
    expect(readFailedForm(seal, LINK, 'garbage')).toBeNull();
  });

  it('make a link page personal, never a payment page or another path', () => {
    const path = `/b2b/${LINK.publicId}`;
    expect(isPersonalLinkPage(path, 'lang=en; pl_pending=abc')).toBe(true);
    expect(isPersonalLinkPage(path, 'pl_form=abc')).toBe(true);
    expect(isPersonalLinkPage(path, 'lang=en')).toBe(false);
    expect(isPersonalLinkPage(path, 'xpl_pending=abc')).toBe(false);
    expect(isPersonalLinkPage(path, null)).toBe(false);
    expect(isPersonalLinkPage(`${path}/payments/PAY1`, 'pl_pending=abc')).toBe(false);
  });
});
