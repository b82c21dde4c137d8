/** SPEC §7: after success or expiry, a visible 5-second countdown back to the merchant. */
export const RETURN_TO_MERCHANT_SECONDS = 5;

/** Without JavaScript, a waiting page refreshes itself this often to show a new status. */
export const NO_SCRIPT_REFRESH_SECONDS = 15;
