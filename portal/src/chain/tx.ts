/**
 * Signing and submitting: every transaction is mortal (64 blocks), takes its nonce from the node's
 * pool-aware `system_accountNextIndex`, and is followed until a best block includes it. A refusal
 * comes back as the runtime's error by name (`Pallet.Error`) with its documentation from the
 * metadata, or as the pool's reason.
 */
import { AccountId, InvalidTxError, type PolkadotSigner, type Transaction } from "polkadot-api";
import { client } from "./connection";
import { errorDoc } from "./metadata";

/** Mortality of every transaction the portal signs: valid for 64 blocks (about 3 minutes). */
export const MORTALITY = { mortal: true, period: 64 } as const;

export type TxPhase = "signing" | "broadcasting";

export type TxResult =
  | { ok: true; block: { hash: string; number: number }; events: { type: string; value: { type: string; value: unknown } }[] }
  | {
      ok: false;
      kind: "dispatch";
      /** `Clearances.UnknownParcel`, or the dispatch error's kind (`BadOrigin`…). */
      name: string;
      docs: string;
      block: { hash: string; number: number };
    }
  | { ok: false; kind: "pool"; reason: "noRole" | "tooMany" | "invalid"; detail: string }
  | { ok: false; kind: "signer"; message: string };

type AnyTx = Transaction<any, any>;

/** Name and docs of a dispatch error as PAPI decodes it. */
export async function describeDispatchError(e: { type: string; value: unknown }): Promise<{ name: string; docs: string }> {
  if (e.type === "Module") {
    const m = e.value as { type: string; value: { type: string } | undefined };
    const pallet = m.type;
    const error = m.value?.type ?? "?";
    const doc = await errorDoc(pallet, error).catch(() => null);
    return { name: `${pallet}.${error}`, docs: doc?.docs ?? "" };
  }
  const inner = e.value && typeof e.value === "object" && "type" in e.value ? `.${(e.value as { type: string }).type}` : "";
  return { name: `${e.type}${inner}`, docs: "" };
}

function poolReason(err: unknown): TxResult {
  // TransactionValidityError: { type: "Invalid" | "Unknown", value: { type, value } }
  const v = err as { type?: string; value?: { type?: string; value?: unknown } };
  const inner = v?.value;
  if (v?.type === "Invalid" && inner?.type === "Custom") {
    if (inner.value === 1) return { ok: false, kind: "pool", reason: "noRole", detail: "Custom(1)" };
    if (inner.value === 2) return { ok: false, kind: "pool", reason: "tooMany", detail: "Custom(2)" };
  }
  const detail = [v?.type, inner?.type, inner?.value].filter((x) => x !== undefined).join(".");
  return { ok: false, kind: "pool", reason: "invalid", detail: detail || String(err) };
}

/** Sign `tx` with `signer`, submit it, and wait until a best block includes it. */
export async function send(
  tx: AnyTx,
  signer: PolkadotSigner,
  onPhase: (p: TxPhase) => void = () => {},
): Promise<TxResult> {
  onPhase("signing");
  let nonce: number;
  try {
    nonce = await client._request<number>("system_accountNextIndex", [
      AccountId().dec(signer.publicKey),
    ]);
  } catch (e) {
    return { ok: false, kind: "pool", reason: "invalid", detail: String(e) };
  }
  let signed: Uint8Array;
  try {
    signed = await tx.sign(signer, { mortality: MORTALITY, nonce });
  } catch (e) {
    return { ok: false, kind: "signer", message: e instanceof Error ? e.message : String(e) };
  }
  onPhase("broadcasting");
  return new Promise<TxResult>((resolve) => {
    const sub = client.submitAndWatch(signed).subscribe({
      next: async (ev) => {
        if (ev.type === "txBestBlocksState" && ev.found) {
          sub.unsubscribe();
          if (ev.ok) {
            resolve({ ok: true, block: ev.block, events: ev.events as never });
          } else {
            const d = await describeDispatchError(ev.dispatchError);
            resolve({ ok: false, kind: "dispatch", ...d, block: ev.block });
          }
        } else if (ev.type === "txBestBlocksState" && !ev.found && !ev.isValid) {
          sub.unsubscribe();
          resolve({ ok: false, kind: "pool", reason: "invalid", detail: "no longer valid" });
        }
      },
      error: (e: unknown) => {
        if (e instanceof InvalidTxError) resolve(poolReason(e.error));
        else resolve({ ok: false, kind: "pool", reason: "invalid", detail: e instanceof Error ? e.message : String(e) });
      },
    });
  });
}

/** The payload of the first event `Pallet.Event` of a successful result. */
export function eventOf<T = Record<string, unknown>>(r: TxResult, pallet: string, event: string): T | undefined {
  if (!r.ok) return undefined;
  const e = r.events.find((x) => x.type === pallet && x.value.type === event);
  return e?.value.value as T | undefined;
}
