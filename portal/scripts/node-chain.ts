/**
 * Talking to a node from Node.js (seed script, tests): the polkadot-api client over `ws`, the typed
 * API from the generated descriptors, the `clearance_*` methods, and signed submissions with the
 * development keys (mortal, nonces tracked locally so one signer can have several in flight).
 */
import { WebSocket } from "ws";
import { createClient, type PolkadotClient, type Transaction, InvalidTxError } from "polkadot-api";
import { getWsProvider } from "polkadot-api/ws";
// The generated descriptors (see scripts/descriptors.mjs), by path: Node has no Vite alias.
import { clearance } from "../.papi/descriptors/dist/index.js";
import { clearanceRpc, type ClearanceRpc } from "@clearance/rpc";
import { devAccount, type DevAccount } from "../src/chain/dev-accounts.ts";

function typed(client: PolkadotClient) {
  return client.getTypedApi(clearance);
}

export function connect(url: string): { client: PolkadotClient; api: ReturnType<typeof typed>; rpc: ClearanceRpc; destroy: () => void } {
  const client = createClient(getWsProvider(url, { websocketClass: WebSocket as never }));
  const rpc = clearanceRpc(
    (m, p) => client._request(m, p),
    (m, u, p, next, error) => {
      const s = client._subscribe(m, u, p).subscribe({ next, error });
      return () => s.unsubscribe();
    },
  );
  return { client, api: typed(client), rpc, destroy: () => client.destroy() };
}

export interface Outcome {
  ok: boolean;
  block: number;
  /** `Pallet.Error` when the runtime refused. */
  error?: string;
  events: { type: string; value: { type: string; value: any } }[];
}

/** Signs as development accounts, each with its own nonce sequence. */
export class Signers {
  private nonces = new Map<string, Promise<number>>();
  private accounts = new Map<string, DevAccount>();
  constructor(private client: PolkadotClient) {}

  account(name: string): DevAccount {
    let a = this.accounts.get(name);
    if (!a) {
      a = devAccount(name);
      this.accounts.set(name, a);
    }
    return a;
  }

  /** The next nonce of `name`: read once from the node (pool-aware), then counted here. */
  private nonce(name: string): Promise<number> {
    const a = this.account(name);
    const prev = this.nonces.get(name);
    const next = prev ? prev.then((n) => n + 1) : this.client._request<number>("system_accountNextIndex", [a.address]);
    this.nonces.set(name, next);
    return next;
  }

  /** Sign `tx` as `name` (mortal, 64 blocks), submit, and wait for a best block including it. */
  async send(name: string, tx: Transaction<any, any>): Promise<Outcome> {
    const nonce = await this.nonce(name);
    const signed = await tx.sign(this.account(name).signer, { mortality: { mortal: true, period: 64 }, nonce });
    return new Promise((resolve, reject) => {
      const sub = this.client.submitAndWatch(signed).subscribe({
        next: (ev) => {
          if (ev.type === "txBestBlocksState" && ev.found) {
            sub.unsubscribe();
            const outcome: Outcome = { ok: ev.ok, block: ev.block.number, events: ev.events as never };
            if (!ev.ok) {
              const e = ev.dispatchError as { type: string; value: any };
              outcome.error = e.type === "Module" ? `${e.value.type}.${e.value.value?.type}` : e.type;
            }
            resolve(outcome);
          }
        },
        error: (e: unknown) => {
          this.nonces.delete(name);
          reject(e instanceof InvalidTxError ? new Error(`invalid transaction: ${JSON.stringify(e.error)}`) : e);
        },
      });
    });
  }

  /** As {@link send}, but a refusal is an error. */
  async must(name: string, what: string, tx: Transaction<any, any>): Promise<Outcome> {
    const o = await this.send(name, tx);
    if (!o.ok) throw new Error(`${what}: refused by the runtime with ${o.error}`);
    return o;
  }
}
