import type { TxState } from "@/hooks/useTransaction";

/**
 * Whether a transaction waits for the wallet or for its block: its form stays disabled meanwhile. A module of its own
 * (a type-only import of the hook): the forms that only read it load without the wallet stack.
 */
export const isTxBusy = (state: TxState): boolean => state.status === "wallet" || state.status === "pending";
