/** More item lines than this fold the order into a summary ("3 item") the customer can open. */
export const UNFOLDED_ITEMS_MAX = 2;
/** A description longer than this folds too: the amount due must stay on the first screen. */
export const UNFOLDED_DESCRIPTION_MAX = 120;

/**
 * Whether the order's description and items fold into a closed <details> under the amount due
 * (issue 12: at 360 × 740 the total and the start of the method choice are on the first
 * screen, and the Pay button far less than three screens down).
 */
export function isOrderFolded(
  items: readonly unknown[] | null,
  description: string | null,
): boolean {
  return (
    (items?.length ?? 0) > UNFOLDED_ITEMS_MAX ||
    [...(description ?? '')].length > UNFOLDED_DESCRIPTION_MAX
  );
}
