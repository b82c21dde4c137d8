import { describe, expect, it } from 'vitest';
import { digitGroups } from './digit-groups.ts';

describe('digitGroups', () => {
  it.each([
    ['2621512345678901', ['2621', '5123', '4567', '8901']],
    ['3951 2419 0444 3800', ['3951', '2419', '0444', '3800']],
    ['123456789012345678', ['1234', '5678', '9012', '3456', '78']],
    ['', []],
  ])('%j → %j', (number, groups) => {
    expect(digitGroups(number)).toEqual(groups);
  });
});
