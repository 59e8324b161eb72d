"use client";
/**
 * The proposal builder's state: title, rationale and the encoded actions; the simulation of the actions as the
 * Timelock will run them (eth_simulateV1 through viem's simulateCalls, one block, in order, so a later action sees
 * what an earlier one changed) and of `propose` from the connected account; and the submission through
 * useTransaction. Submitting is allowed only for the exact proposal whose simulation passed.
 */
import { useFormatter } from "next-intl";
import { useCallback, useMemo, useState } from "react";
import { type Address, type Hex, formatUnits } from "viem";
import { useConnection, usePublicClient } from "wagmi";

import { useRuntime } from "@/components/Providers";
import { useRequiredContract } from "@/hooks/useContract";
import { useTransaction } from "@/hooks/useTransaction";
import { type ErrorMessage, decodeRevert, describeError, revertMessage } from "@/utils/errors";
import { type ProposalCall, proposalDescription } from "@/utils/proposal-actions";
import { isTxBusy } from "@/utils/tx-state";

/** Why a call would fail: one of the dApp's error messages (`errors.*`, a contract's custom error under `errors.revert`). */
export type FailureReason = ErrorMessage;

export type Outcome = { ok: true } | { ok: false; reason: FailureReason };

export interface Simulation {
  /** The proposal it was run for (title, rationale, calls, account): stale once any of them changes. */
  fingerprint: string;
  actions: Outcome[];
  propose: Outcome;
  passed: boolean;
}

export interface BuilderAction {
  key: number;
  call: ProposalCall;
}

/** The reason for revert `data` of one simulated call (the escrow's amounts formatted with the token's units). */
function reasonOf(data: Hex, amount: (token: Address, units: bigint) => string): FailureReason {
  const revert = data.length > 2 ? decodeRevert(data) : undefined;
  if (!revert) return { key: "unknown" };
  const message = revertMessage(revert);
  if (revert.name !== "InsufficientFunds") return message;
  const [token, available, requested] = revert.args as [Address, bigint, bigint];
  return { ...message, values: { available: amount(token, available), requested: amount(token, requested) } };
}

/** Why `propose` would fail: an unexpected state of a proposal not yet made means the same proposal exists. */
function reasonOfError(error: unknown): FailureReason {
  const described = describeError(error);
  return described.name === "GovernorUnexpectedProposalState" ? { key: "proposalExists" } : described;
}

/** What a simulation was run for: the text, the calls and the account (the description's #proposer= suffix names it). */
const fingerprintOf = (title: string, rationale: string, calls: readonly ProposalCall[], account: Address | undefined): string =>
  JSON.stringify({ title, rationale, account, calls: calls.map((c) => [c.target, c.value.toString(), c.data]) });

export function useProposalBuilder(decimalsOf: (token: Address) => number, symbolOf: (token: Address) => string) {
  const { addresses } = useRuntime();
  const governor = useRequiredContract("GovernmentGovernor");
  const client = usePublicClient();
  const { address } = useConnection();
  const tx = useTransaction();
  const format = useFormatter();
  const [title, setTitle] = useState("");
  const [rationale, setRationale] = useState("");
  const [actions, setActions] = useState<BuilderAction[]>([]);
  const [nextKey, setNextKey] = useState(1);
  const [simulation, setSimulation] = useState<Simulation>();
  const [simulating, setSimulating] = useState(false);
  const [simulationError, setSimulationError] = useState<FailureReason>();
  const [proposalId, setProposalId] = useState<bigint>();

  // The description ends with the proposing account's #proposer= suffix: it is built for the account that proposes.
  const describe = useCallback((proposer: Address) => proposalDescription(title.trim(), rationale.trim(), proposer), [title, rationale]);
  const calls = useMemo(() => actions.map((a) => a.call), [actions]);
  const fingerprint = fingerprintOf(title.trim(), rationale.trim(), calls, address);
  const current = simulation?.fingerprint === fingerprint ? simulation : undefined;

  const addAction = useCallback(
    (call: ProposalCall) => {
      setActions((list) => [...list, { key: nextKey, call }]);
      setNextKey((k) => k + 1);
    },
    [nextKey],
  );
  const removeAction = useCallback((key: number) => setActions((list) => list.filter((a) => a.key !== key)), []);

  const amount = useCallback(
    (token: Address, units: bigint) => `${format.number(Number(formatUnits(units, decimalsOf(token))), { maximumFractionDigits: decimalsOf(token) })} ${symbolOf(token)}`,
    [decimalsOf, format, symbolOf],
  );

  const simulate = useCallback(async () => {
    const timelock = addresses.TimelockController;
    if (!client || !timelock || calls.length === 0) return;
    setSimulating(true);
    setSimulationError(undefined);
    try {
      const run = await client.simulateCalls({ account: timelock, calls: calls.map((c) => ({ to: c.target, data: c.data, value: c.value })) });
      const outcomes: Outcome[] = run.results.map((r) => (r.status === "success" ? { ok: true } : { ok: false, reason: reasonOf(r.data, amount) }));
      let propose: Outcome;
      if (!address) propose = { ok: false, reason: { key: "notConnected" } };
      else {
        try {
          await client.simulateContract({
            ...governor,
            account: address,
            functionName: "propose",
            args: [calls.map((c) => c.target), calls.map((c) => c.value), calls.map((c) => c.data), describe(address)],
          });
          propose = { ok: true };
        } catch (error) {
          propose = { ok: false, reason: reasonOfError(error) };
        }
      }
      setSimulation({ fingerprint, actions: outcomes, propose, passed: outcomes.every((o) => o.ok) && propose.ok });
    } catch (error) {
      setSimulation(undefined);
      setSimulationError(reasonOfError(error));
    } finally {
      setSimulating(false);
    }
  }, [addresses.TimelockController, address, amount, calls, client, describe, fingerprint, governor]);

  const submit = useCallback(
    () =>
      tx.run(async ({ publicClient, walletClient, account }) => {
        const { request, result } = await publicClient.simulateContract({
          ...governor,
          account,
          functionName: "propose",
          args: [calls.map((c) => c.target), calls.map((c) => c.value), calls.map((c) => c.data), describe(account)],
        });
        setProposalId(result);
        return walletClient.writeContract(request);
      }),
    [calls, describe, governor, tx],
  );

  const textReady = title.trim().length > 0 && rationale.trim().length > 0;
  return {
    title,
    setTitle,
    rationale,
    setRationale,
    actions,
    addAction,
    removeAction,
    simulate,
    simulating,
    simulation: current,
    stale: simulation !== undefined && current === undefined,
    simulationError,
    canSubmit: Boolean(current?.passed) && textReady && !isTxBusy(tx.state) && tx.state.status !== "confirmed",
    submit,
    tx: tx.state,
    proposalId,
  };
}
