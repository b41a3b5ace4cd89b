// The audit verification's pure parts: the hash chain (as the runtime computes it) and its
// failures, the trail head, and reading values out of a storage proof.
import { test } from "node:test";
import assert from "node:assert/strict";
import { Blake2256 } from "@polkadot-api/substrate-bindings";
import { decodeTrailHead, links, seqOf, verifyChain } from "../../src/audit/chain.ts";
import { concat, toHex, fromHex } from "../../src/audit/hex.ts";
import { ProofDb, decodeNode } from "../../src/audit/trie.ts";

// Entries only need a compact seq first for these checks; the rest is opaque bytes.
const entry = (seq: number, body: string) => concat(new Uint8Array([seq << 2]), new TextEncoder().encode(body));
const entries = [entry(1, "opened"), entry(5, "taken"), entry(9, "approved")];
const head = toHex(links(entries).at(-1)!);

test("link(i) = BLAKE2-256(link(i-1) ‖ entry i), from zero", () => {
  const l0 = Blake2256(concat(new Uint8Array(32), entries[0]!));
  assert.equal(toHex(links(entries)[0]!), toHex(l0));
  assert.deepEqual(verifyChain(entries, head), { ok: true, recomputed: head });
});

test("an altered, missing, added or reordered entry breaks the chain", () => {
  const altered = [entries[0]!, entry(5, "takeN"), entries[2]!];
  assert.equal(verifyChain(altered, head).ok, false);
  assert.equal(verifyChain(entries.slice(0, 2), head).ok, false);
  assert.equal(verifyChain([...entries, entry(11, "extra")], head).ok, false);
  const r = verifyChain([entries[1]!, entries[0]!, entries[2]!], head);
  assert.deepEqual(r.ok ? null : r.kind, "outOfOrder");
});

test("compact sequence numbers of every width", () => {
  assert.equal(seqOf(new Uint8Array([0x04])), 1n);
  assert.equal(seqOf(new Uint8Array([0x15, 0x01])), 69n);
  assert.equal(seqOf(new Uint8Array([0x02, 0x00, 0x01, 0x00])), 16384n);
  assert.equal(seqOf(new Uint8Array([0x03, 0x00, 0x00, 0x00, 0x40])), 1073741824n);
});

test("the trail head decodes as { len: u32, head: H256 }", () => {
  const bytes = concat(new Uint8Array([3, 0, 0, 0]), fromHex(head));
  assert.deepEqual(decodeTrailHead(bytes), { len: 3, head });
});

test("values are read out of a proof only through the root they hang from", () => {
  // A two-level trie by hand: a branch (no value) with two leaves under nibbles 1 and 2.
  // Leaf header 0b01 + partial nibble count; partial key nibbles, then compact(len) ‖ value.
  const leafA = new Uint8Array([0x41, 0x03, 0x0c, 0xaa, 0xbb, 0xcc]); // nibbles "3", value aabbcc
  const leafB = new Uint8Array([0x41, 0x04, 0x04, 0xdd]); // nibbles "4", value dd
  // Children shorter than 32 bytes are inlined in the branch; force hashing with a 32+ byte value.
  const bigValue = new Uint8Array(40).fill(7);
  const leafC = concat(new Uint8Array([0x41, 0x05, 40 << 2]), bigValue);
  const hashC = Blake2256(leafC);
  // Branch header 0b10, partial "a" (1 nibble); bitmap children 1, 2, 3.
  const bitmap = (1 << 1) | (1 << 2) | (1 << 3);
  const branch = concat(
    new Uint8Array([0x81, 0x0a, bitmap & 0xff, bitmap >> 8]),
    new Uint8Array([leafA.length << 2]), leafA,
    new Uint8Array([leafB.length << 2]), leafB,
    new Uint8Array([32 << 2]), hashC,
  );
  const root = toHex(Blake2256(branch));
  const db = new ProofDb([branch, leafC]);
  assert.equal(toHex(db.get(root, "0xa13")!), "0xaabbcc");
  assert.equal(toHex(db.get(root, "0xa24")!), "0xdd");
  assert.equal(toHex(db.get(root, "0xa35")!), toHex(bigValue));
  assert.equal(db.get(root, "0xa14"), null, "proven absent");
  assert.throws(() => new ProofDb([branch]).get(root, "0xa35"), /lacks node/);
  assert.throws(() => db.get(toHex(new Uint8Array(32)), "0xa13"), /lacks node/);
  assert.equal(decodeNode(leafB).kind, "leaf");
});
