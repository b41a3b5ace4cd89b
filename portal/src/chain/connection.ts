/**
 * The connection to one node: a polkadot-api client over WebSocket, the `clearance_*` methods
 * through its `_request` / `_subscribe`, and the best and finalized blocks as stores.
 * Loaded after the first paint (the shell does not wait for it).
 */
import { createClient, type PolkadotClient } from "polkadot-api";
import { getWsProvider } from "polkadot-api/ws";
import { clearanceRpc, type ClearanceRpc } from "@clearance/rpc";
import { store } from "../store";
import { endpoint } from "./endpoint";

export type Status = "connecting" | "connected" | "error";

export interface ChainInfo {
  name: string;
  /** `Development`, `Local`, `Live`… (system_chainType). */
  chainType: string;
  /** Well-known development accounts may be offered only on development chains. */
  isDevelopment: boolean;
  genesis: string;
  ss58Format: number;
}

export interface BlockRef {
  number: number;
  hash: string;
}

export const url = endpoint();
export const status = store<Status>("connecting");
export const best = store<BlockRef | null>(null);
export const finalized = store<BlockRef | null>(null);

export const client: PolkadotClient = createClient(
  getWsProvider(url, {
    onStatusChanged: (s) => {
      const type = String(s.type);
      status.set(type === "CONNECTED" ? "connected" : type === "CONNECTING" ? "connecting" : "error");
    },
  }),
);

export const rpc: ClearanceRpc = clearanceRpc(
  (method, params) => client._request(method, params),
  (method, unsubscribe, params, next, error) => {
    const s = client._subscribe(method, unsubscribe, params).subscribe({ next, error });
    return () => s.unsubscribe();
  },
);

client.bestBlocks$.subscribe({
  next: (blocks) => {
    const b = blocks[0];
    if (b) best.set({ number: b.number, hash: b.hash });
  },
  error: () => status.set("error"),
});
client.finalizedBlock$.subscribe({
  next: (b) => finalized.set({ number: b.number, hash: b.hash }),
  error: () => status.set("error"),
});

let infoPromise: Promise<ChainInfo> | null = null;

/** Name, type and block time of the chain. */
export function chainInfo(): Promise<ChainInfo> {
  infoPromise ??= (async () => {
    const [spec, chainType] = await Promise.all([
      client.getChainSpecData(),
      client._request<unknown>("system_chainType", []),
    ]);
    const type = typeof chainType === "string" ? chainType : Object.keys(chainType ?? {})[0] ?? "";
    const props = (spec.properties ?? {}) as { ss58Format?: number };
    return {
      name: spec.name,
      chainType: type,
      isDevelopment: type === "Development",
      genesis: spec.genesisHash,
      ss58Format: typeof props.ss58Format === "number" ? props.ss58Format : 42,
    };
  })();
  infoPromise.catch(() => (infoPromise = null));
  return infoPromise;
}

/** The best block now, waiting for the first one if needed. */
export function bestBlock(): Promise<BlockRef> {
  const b = best.get();
  if (b) return Promise.resolve(b);
  return new Promise((resolve) => {
    const stop = best.subscribe((v) => {
      if (v) {
        stop();
        resolve(v);
      }
    });
  });
}

/** The latest finalized block, waiting for the first one if needed. */
export function finalizedBlock(): Promise<BlockRef> {
  const b = finalized.get();
  if (b) return Promise.resolve(b);
  return new Promise((resolve) => {
    const stop = finalized.subscribe((v) => {
      if (v) {
        stop();
        resolve(v);
      }
    });
  });
}

/** Resolves once block `n` is finalized (or after `timeoutMs`, whichever comes first). */
export function finalizedAtLeast(n: number, timeoutMs = 30_000): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      stop();
      resolve();
    };
    const timer = setTimeout(done, timeoutMs);
    const stop = finalized.subscribe((b) => b && b.number >= n && done());
    const now = finalized.get();
    if (now && now.number >= n) done();
  });
}
