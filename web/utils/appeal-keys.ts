/**
 * The keys citizens' appeals were filed with, kept in this browser (localStorage) so the appeal's page can offer
 * "withdraw" and "add a message" to its filer. The citizen also downloads the key: clearing the browser loses this
 * copy, not the appeal.
 */
import type { Hex } from "viem";

const storageKey = (appealId: string): string => `gdao.appeal-key.${appealId}`;

export function rememberAppealKey(appealId: string, key: Hex): void {
  try {
    window.localStorage.setItem(storageKey(appealId), key);
  } catch {
    // storage disabled: the downloaded code is the only copy
  }
}

export function appealKey(appealId: string): Hex | undefined {
  try {
    const key = window.localStorage.getItem(storageKey(appealId));
    return key && /^0x[0-9a-f]{64}$/i.test(key) ? (key as Hex) : undefined;
  } catch {
    return undefined;
  }
}
