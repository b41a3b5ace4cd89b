/**
 * The well-known development accounts (sr25519 from the public development phrase), for
 * development chains only: their keys are public. Shared by the portal (loaded only when a
 * development chain is connected and the account panel opens) and by scripts/seed.ts.
 */
import { sr25519CreateDerive } from "@polkadot-labs/hdkd";
import { DEV_MINI_SECRET } from "@polkadot-labs/hdkd-helpers";
import { getPolkadotSigner } from "polkadot-api/signer";
import { AccountId, type PolkadotSigner } from "polkadot-api";

/** The names of the well-known development accounts, in the order the portal lists them. */
export const DEV_NAMES = [
  "//Alice",
  "//Bob",
  "//Charlie",
  "//Dave",
  "//Eve",
  "//Ferdie",
  "//Alice//stash",
  "//Bob//stash",
  "//Charlie//stash",
  "//Dave//stash",
  "//Eve//stash",
  "//Ferdie//stash",
  "//One",
  "//Two",
] as const;

export interface DevAccount {
  name: string;
  address: string;
  publicKey: Uint8Array;
  signer: PolkadotSigner;
}

let derive: ((path: string) => { publicKey: Uint8Array; sign: (m: Uint8Array) => Uint8Array }) | null = null;

/** The development account at derivation path `name` (`//Alice`, `//Alice//stash`, `//One`…). */
export function devAccount(name: string, ss58Format = 42): DevAccount {
  derive ??= sr25519CreateDerive(DEV_MINI_SECRET);
  const kp = derive(name);
  return {
    name,
    address: AccountId(ss58Format).dec(kp.publicKey),
    publicKey: kp.publicKey,
    signer: getPolkadotSigner(kp.publicKey, "Sr25519", kp.sign),
  };
}
