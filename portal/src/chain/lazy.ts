/**
 * The shell's handle on the chain modules, which load after the first paint: the connection
 * (polkadot-api client), and the acting account.
 */
import type { PolkadotSigner } from "polkadot-api";
import type { AccountView } from "@clearance/rpc";
import { store } from "../store";

type Connection = typeof import("./connection");

export const connection = store<Connection | null>(null);
let loading: Promise<Connection> | null = null;

/** The connection module, loading it the first time. */
export function chain(): Promise<Connection> {
  loading ??= import("./connection").then((m) => {
    connection.set(m);
    return m;
  });
  return loading;
}

/** Who signs: a development account or an account of a browser wallet extension. */
export interface Acting {
  /** `//Alice` for development accounts, the wallet's name for the account otherwise. */
  name: string;
  address: string;
  source: "dev" | "extension";
  /** The extension's name, for extension accounts. */
  extension?: string;
  signer: PolkadotSigner;
  /** The account's roles on chain (`clearance_account`), once read. */
  roles: AccountView | null;
}

export const acting = store<Acting | null>(null);
