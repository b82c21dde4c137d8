/**
 * The payment view's "how to pay" texts: VA instructions per bank and channel, QRIS, Mandiri
 * bill payment, e-wallets and convenience-store cashiers.
 */
export type { Channel, InstructionBlock, Lang } from './instruction-types.ts';
export { vaInstructions } from './va-instructions.ts';
export { qrisInstructions } from './qris.ts';
export { mandiriBillInstructions } from './mandiri-bill.ts';
export { walletInstructions, type WalletScan } from './wallet-instructions.ts';
export { groupStoreCode, storeInstructions } from './store-instructions.ts';
