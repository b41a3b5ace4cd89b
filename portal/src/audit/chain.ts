/**
 * The audit trail's hash chain, recomputed in the browser exactly as the runtime and clearctl do
 * (`clearance_primitives::verify_trail`, `client/src/audit.rs`): link(i) = BLAKE2-256(link(i-1) ‖
 * SCALE(entry i)), link(-1) = 0, and the last link must equal the head stored on chain. Sequence
 * numbers (the entry's first field, compact u64) must increase.
 */
import { Blake2256 } from "@polkadot-api/substrate-bindings";
import { concat, equal, fromHex, toHex } from "./hex";

/** The chain-wide sequence number an encoded entry starts with (SCALE compact). */
export function seqOf(encoded: Uint8Array): bigint {
  const b0 = encoded[0];
  if (b0 === undefined) throw new Error("empty entry");
  const mode = b0 & 3;
  if (mode === 0) return BigInt(b0 >> 2);
  if (mode === 1) return BigInt((b0 | (encoded[1]! << 8)) >> 2);
  if (mode === 2)
    return BigInt((b0 | (encoded[1]! << 8) | (encoded[2]! << 16) | (encoded[3]! << 24)) >>> 2);
  const n = (b0 >> 2) + 4;
  let v = 0n;
  for (let i = n; i >= 1; i--) v = (v << 8n) | BigInt(encoded[i]!);
  return v;
}

/** The link after each entry. */
export function links(entries: Uint8Array[]): Uint8Array[] {
  let prev: Uint8Array = new Uint8Array(32);
  return entries.map((e) => (prev = Blake2256(concat(prev, e))));
}

export type ChainFailure =
  | { kind: "outOfOrder"; index: number }
  | { kind: "headMismatch"; recomputed: string };

/** Check that whole-trail `entries` (oldest first) chain up to `head`. */
export function verifyChain(
  entries: Uint8Array[],
  head: string,
): { ok: true; recomputed: string } | ({ ok: false } & ChainFailure) {
  for (let i = 1; i < entries.length; i++) {
    if (seqOf(entries[i]!) <= seqOf(entries[i - 1]!)) return { ok: false, kind: "outOfOrder", index: i };
  }
  const all = links(entries);
  const last = all.length ? all[all.length - 1]! : new Uint8Array(32);
  const recomputed = toHex(last);
  if (!equal(last, fromHex(head))) return { ok: false, kind: "headMismatch", recomputed };
  return { ok: true, recomputed };
}

/** The on-chain `TrailHead { len: u32, head: H256 }`. */
export function decodeTrailHead(bytes: Uint8Array): { len: number; head: `0x${string}` } {
  if (bytes.length !== 36) throw new Error("a trail head is 36 bytes");
  const len = (bytes[0]! | (bytes[1]! << 8) | (bytes[2]! << 16) | (bytes[3]! << 24)) >>> 0;
  return { len, head: toHex(bytes.slice(4)) };
}
