/**
 * Indonesian mobile numbers as customers type them (`0812-3456-7890`, `+62 812…`, `62812…`),
 * normalised to E.164 (`+6281234567890`); null when it is not one. Mobile numbers are 08
 * followed by 8 to 11 digits in national form.
 */
export function normalizeIndonesianPhone(input: string): string | null {
  const compact = input.replace(/[\s\-().]/g, '');
  const match = /^(?:\+62|62|0)(8\d{8,11})$/.exec(compact);
  return match ? `+62${match[1]}` : null;
}
