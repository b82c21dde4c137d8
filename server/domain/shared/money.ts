/** Money is whole rupiah inside; these are the edge formats (SPEC §1). */

/** A fraction of a rupiah here is a bug upstream: refuse it rather than print `"1.5.00"`. */
function assertWholeRupiah(rupiah: number): void {
  if (!Number.isSafeInteger(rupiah)) throw new RangeError(`Not a whole rupiah amount: ${rupiah}`);
}

/** `20000` → `"20000.00"` (the v1.0 dialect). */
export function toDecimalString(rupiah: number): string {
  assertWholeRupiah(rupiah);
  return `${rupiah}.00`;
}

/** `20000` → `"Rp 20.000"` (the page), with a plain space and dots between thousands. */
export function toRupiahLabel(rupiah: number): string {
  assertWholeRupiah(rupiah);
  const sign = rupiah < 0 ? '-' : '';
  const digits = String(Math.abs(rupiah)).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return `${sign}Rp ${digits}`;
}
