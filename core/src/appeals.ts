/**
 * The appeal procedure's shared facts (contracts/appeals/Appeals.sol): its enums in the contract's order, and the
 * EIP-712 requests a citizen signs with the key made for the appeal, so that the dApp, the CLI, the relayer and the
 * tests sign and check exactly what the contract verifies. Browser-safe.
 */

/** What an appeal contests, by `IAppeals.SubjectKind` index. */
export const APPEAL_SUBJECT_KINDS = ["document", "proposal"] as const;
/** An appeal's life cycle, by `IAppeals.State` index (index 0, "none", is no appeal). */
export const APPEAL_STATES = ["none", "filed", "forwarded", "extended", "answered", "withdrawn"] as const;
/** An answer's verdict, by `IAppeals.Outcome` index. */
export const APPEAL_OUTCOMES = ["none", "upheld", "partlyUpheld", "rejected"] as const;

/** The EIP-712 domain's name and version, as the Appeals constructor fixes them. */
export const APPEALS_DOMAIN = { name: "GovernmentDAO Appeals", version: "1" } as const;

/** The domain of the Appeals contract at `verifyingContract` on chain `chainId`. */
export const appealsDomain = (chainId: number | bigint, verifyingContract: `0x${string}`) => ({
  ...APPEALS_DOMAIN,
  chainId: BigInt(chainId),
  verifyingContract,
});

/**
 * The signed requests (EIP-712 types, as viem's `signTypedData` and ethers' `signTypedData` take them). Each carries
 * the filer's nonce (`Appeals.nonces(filer)`) and a deadline, so a request is valid once, on one chain, until then.
 */
export const APPEAL_REQUEST_TYPES = {
  FileAppeal: [
    { name: "kind", type: "uint8" },
    { name: "subject", type: "uint256" },
    { name: "bodyDigest", type: "bytes32" },
    { name: "nonce", type: "uint256" },
    { name: "deadline", type: "uint256" },
  ],
  WithdrawAppeal: [
    { name: "appealId", type: "uint256" },
    { name: "nonce", type: "uint256" },
    { name: "deadline", type: "uint256" },
  ],
  FollowUpAppeal: [
    { name: "appealId", type: "uint256" },
    { name: "bodyDigest", type: "bytes32" },
    { name: "nonce", type: "uint256" },
    { name: "deadline", type: "uint256" },
  ],
} as const;

/** Kazakhstan time minus UTC, in seconds, as `WorkingDayCalendar.LOCAL_TIME_OFFSET` counts days. */
export const CALENDAR_OFFSET_SECONDS = 5 * 3600;

/** The calendar's day number (days since 1970-01-01 in UTC+5) of an ISO date `yyyy-mm-dd`. */
export function calendarDay(isoDate: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!match) throw new Error(`"${isoDate}" is not a date as yyyy-mm-dd`);
  const ms = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  if (new Date(ms).toISOString().slice(0, 10) !== isoDate) throw new Error(`"${isoDate}" is not a calendar date`);
  return ms / 86_400_000;
}

/** The calendar's day number of a moment (Unix seconds), as `WorkingDayCalendar.dayOf` computes it. */
export const calendarDayOf = (timestamp: number): number => Math.floor((timestamp + CALENDAR_OFFSET_SECONDS) / 86_400);
