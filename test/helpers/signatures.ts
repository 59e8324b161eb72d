/**
 * EIP-712 signatures the tests and the bench need: ERC-2612 permits and Governor ballots (castVoteBySig).
 * The domain is read from the contract itself (name, version, chain id, address), so a test signs exactly what
 * the contract will verify.
 */
import { type AddressLike, type Signer, Signature, resolveAddress } from "ethers";

import { BALLOT_TYPES } from "@government-dao/core/governor-ballots";

/** What an EIP-712 contract with per-account nonces exposes. */
interface Eip712Contract {
  getAddress(): Promise<string>;
  name(): Promise<string>;
  nonces(owner: AddressLike): Promise<bigint>;
}

async function domainOf(contract: Eip712Contract, signer: Signer, version: string) {
  const network = await signer.provider?.getNetwork();
  if (!network) throw new Error("the signer has no provider");
  return { name: await contract.name(), version, chainId: network.chainId, verifyingContract: await contract.getAddress() };
}

const PERMIT_TYPES = {
  Permit: [
    { name: "owner", type: "address" },
    { name: "spender", type: "address" },
    { name: "value", type: "uint256" },
    { name: "nonce", type: "uint256" },
    { name: "deadline", type: "uint256" },
  ],
};

/**
 * Signs an ERC-2612 permit of `owner` allowing `spender` to move `value` until `deadline`. `signer` defaults to
 * the owner; another signer produces a forged permit (for the negative tests).
 */
export async function signPermit(
  token: Eip712Contract,
  owner: Signer,
  spender: AddressLike,
  value: bigint,
  deadline: bigint,
  signer: Signer = owner,
): Promise<Signature> {
  const ownerAddress = await owner.getAddress();
  const message = {
    owner: ownerAddress,
    spender: await resolveAddress(spender),
    value,
    nonce: await token.nonces(ownerAddress),
    deadline,
  };
  return Signature.from(await signer.signTypedData(await domainOf(token, signer, "1"), PERMIT_TYPES, message));
}

/** Signs `voter`'s ballot on `proposalId` (support 0 against, 1 for, 2 abstain) for castVoteBySig. */
export async function signBallot(
  governor: Eip712Contract & { version(): Promise<string> },
  voter: Signer,
  proposalId: bigint,
  support: number,
): Promise<string> {
  const address = await voter.getAddress();
  const ballot = { proposalId, support, voter: address, nonce: await governor.nonces(address) };
  return voter.signTypedData(await domainOf(governor, voter, await governor.version()), { Ballot: [...BALLOT_TYPES.Ballot] }, ballot);
}
