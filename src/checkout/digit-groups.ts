/**
 * `2621512345678901` → `['2621', '5123', '4567', '8901']`: a VA number in groups of four, as
 * banks print them, for the page to space (the spaces are drawn, not typed, so a copied
 * number stays digits only). Anything that is not a digit is dropped.
 */
export function digitGroups(number: string): string[] {
  return number.replace(/\D/g, '').match(/\d{1,4}/g) ?? [];
}
