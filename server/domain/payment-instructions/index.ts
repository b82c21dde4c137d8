/** The payment view's "how to pay" texts: VA instructions per bank and channel, and QRIS. */
export type { Channel, InstructionBlock, Lang } from './instruction-types.ts';
export { vaInstructions } from './va-instructions.ts';
export { qrisInstructions } from './qris.ts';
