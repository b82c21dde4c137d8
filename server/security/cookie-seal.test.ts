import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createCookieSeal } from './cookie-seal.ts';

const seal = createCookieSeal(randomBytes(32));

describe('createCookieSeal', () => {
  it('opens what it sealed, for the same context only', () => {
    const value = seal.seal('resume:7', 'PAY123');
    expect(value).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(value).not.toContain('PAY123');
    expect(seal.open('resume:7', value)).toBe('PAY123');
    expect(seal.open('resume:8', value)).toBeNull();
    expect(seal.open('form:7', value)).toBeNull();
  });

  it('refuses a value changed by one character, cut short, or made under another key', () => {
    const value = seal.seal('resume:7', 'PAY123');
    const last = value.at(-1) === 'A' ? 'B' : 'A';
    expect(seal.open('resume:7', `${value.slice(0, -1)}${last}`)).toBeNull();
    expect(seal.open('resume:7', value.slice(0, 20))).toBeNull();
    expect(seal.open('resume:7', `${value}=`)).toBeNull();
    expect(seal.open('resume:7', '')).toBeNull();
    expect(createCookieSeal(randomBytes(32)).open('resume:7', value)).toBeNull();
  });

  it('gives a different value each time (a random IV)', () => {
    expect(seal.seal('resume:7', 'PAY123')).not.toBe(seal.seal('resume:7', 'PAY123'));
  });
});
