/**
 * Reading values out of a Substrate storage read proof (`state_getReadProof`), checked against a
 * state root: the proof's nodes are kept by their BLAKE2-256 hash, and a key is looked up by
 * walking from the root, so every value found is one the state root commits to. Substrate's
 * trie codec (LayoutV0 and V1: inline and hashed values).
 */
import { Blake2256 } from "@polkadot-api/substrate-bindings";
import { fromHex, toHex } from "./hex";

type Node =
  | { kind: "empty" }
  | { kind: "leaf"; partial: string; value: Uint8Array; hashed: boolean }
  | {
      kind: "branch";
      partial: string;
      value: Uint8Array | null;
      hashed: boolean;
      children: (Uint8Array | null)[];
    };

function compact(bytes: Uint8Array, at: number): [number, number] {
  const b0 = bytes[at];
  if (b0 === undefined) throw new Error("truncated node");
  const mode = b0 & 3;
  if (mode === 0) return [b0 >> 2, at + 1];
  if (mode === 1) return [((bytes[at + 1]! << 8) | b0) >> 2, at + 2];
  if (mode === 2) {
    const v = (bytes[at]! | (bytes[at + 1]! << 8) | (bytes[at + 2]! << 16) | (bytes[at + 3]! << 24)) >>> 2;
    return [v, at + 4];
  }
  throw new Error("length too large for a trie node");
}

function nibblesOf(bytes: Uint8Array, count: number, at: number): [string, number] {
  const len = Math.ceil(count / 2);
  let hex = "";
  for (let i = 0; i < len; i++) hex += bytes[at + i]!.toString(16).padStart(2, "0");
  return [count % 2 ? hex.slice(1) : hex, at + len];
}

/** Decode one trie node (sp-trie's NodeCodec). */
export function decodeNode(bytes: Uint8Array): Node {
  const first = bytes[0];
  if (first === undefined) throw new Error("empty node");
  if (first === 0) return { kind: "empty" };
  let kind: "leaf" | "branch";
  let hashed = false;
  let withValue = false;
  let bits: number;
  const top2 = first >> 6;
  if (top2 === 1) {
    kind = "leaf";
    bits = 6;
  } else if (top2 === 2) {
    kind = "branch";
    bits = 6;
  } else if (top2 === 3) {
    kind = "branch";
    withValue = true;
    bits = 6;
  } else if (first >> 5 === 1) {
    kind = "leaf";
    hashed = true;
    bits = 5;
  } else if (first >> 4 === 1) {
    kind = "branch";
    withValue = true;
    hashed = true;
    bits = 4;
  } else {
    throw new Error("reserved node header");
  }
  const mask = (1 << bits) - 1;
  let count = first & mask;
  let at = 1;
  if (count === mask) {
    let more: number;
    do {
      more = bytes[at++]!;
      count += more;
    } while (more === 255);
  }
  let partial: string;
  [partial, at] = nibblesOf(bytes, count, at);
  const readValue = (): Uint8Array => {
    if (hashed) {
      const v = bytes.slice(at, at + 32);
      at += 32;
      return v;
    }
    let len: number;
    [len, at] = compact(bytes, at);
    const v = bytes.slice(at, at + len);
    at += len;
    return v;
  };
  if (kind === "leaf") return { kind, partial, value: readValue(), hashed };
  const bitmap = bytes[at]! | (bytes[at + 1]! << 8);
  at += 2;
  const value = withValue ? readValue() : null;
  const children: (Uint8Array | null)[] = [];
  for (let i = 0; i < 16; i++) {
    if ((bitmap >> i) & 1) {
      let len: number;
      [len, at] = compact(bytes, at);
      children.push(bytes.slice(at, at + len));
      at += len;
    } else {
      children.push(null);
    }
  }
  return { kind, partial, value, hashed, children };
}

export class IncompleteProof extends Error {}

/** A read proof's nodes by hash, to look keys up under one state root. */
export class ProofDb {
  private nodes = new Map<string, Uint8Array>();

  constructor(proof: (string | Uint8Array)[]) {
    for (const n of proof) {
      const bytes = typeof n === "string" ? fromHex(n) : n;
      this.nodes.set(toHex(Blake2256(bytes)), bytes);
    }
  }

  add(proof: (string | Uint8Array)[]): void {
    for (const n of proof) {
      const bytes = typeof n === "string" ? fromHex(n) : n;
      this.nodes.set(toHex(Blake2256(bytes)), bytes);
    }
  }

  private node(ref: Uint8Array): Uint8Array {
    if (ref.length < 32) return ref; // an inline node
    const n = this.nodes.get(toHex(ref));
    if (!n) throw new IncompleteProof(`the proof lacks node ${toHex(ref)}`);
    return n;
  }

  /**
   * The value stored under `key` in the trie with root `root`: its bytes, or null when the proof
   * shows there is none. Throws {@link IncompleteProof} when the proof does not cover the key.
   */
  get(root: string, key: string): Uint8Array | null {
    let nibbles = key.replace(/^0x/, "").toLowerCase();
    let bytes = this.node(fromHex(root));
    for (;;) {
      const node = decodeNode(bytes);
      if (node.kind === "empty") return null;
      if (!nibbles.startsWith(node.partial)) return null;
      nibbles = nibbles.slice(node.partial.length);
      if (nibbles.length === 0) {
        if (node.value === null) return null;
        return node.hashed ? this.value(node.value) : node.value;
      }
      if (node.kind === "leaf") return null;
      const child = node.children[parseInt(nibbles[0]!, 16)];
      if (!child) return null;
      nibbles = nibbles.slice(1);
      bytes = this.node(child);
    }
  }

  private value(hash: Uint8Array): Uint8Array {
    const v = this.nodes.get(toHex(hash));
    if (!v) throw new IncompleteProof(`the proof lacks the value ${toHex(hash)}`);
    return v;
  }
}
