/**
 * One-click audit of a subject's trail, in the browser, as `clearctl audit verify` does:
 *  1. take the latest finalized block and its header (state root);
 *  2. read the trail's head (`Audit.Heads`) with a storage read proof and check the proof against
 *     that state root;
 *  3. fetch the whole trail from the node (`clearance_trail` at that block) and check that every
 *     entry served equals the value proven in storage (`Audit.Trails`), none missing or added;
 *  4. recompute the hash chain and compare its last link with the proven head.
 */
import { blockHeader, Blake2256 } from "@polkadot-api/substrate-bindings";
import { client, finalizedBlock, rpc } from "../chain/connection";
import { api, bytes, ulpinHex } from "../chain/typed";
import { decodeTrailHead, verifyChain } from "./chain";
import { equal, fromHex, toHex } from "./hex";
import { IncompleteProof, ProofDb } from "./trie";

export type AuditFailure =
  | { kind: "noTrail" }
  | { kind: "altered"; index: number }
  | { kind: "missing"; index: number; served: number; len: number }
  | { kind: "added"; n: number; len: number }
  | { kind: "outOfOrder"; index: number }
  | { kind: "headMismatch"; recomputed: string }
  | { kind: "proof"; message: string };

export interface AuditReport {
  subject: string;
  block: { number: number; hash: string; stateRoot: string };
  len: number;
  head: string;
  recomputed?: string;
  failure?: AuditFailure;
}

type SubjectValue = Parameters<typeof api.query.Audit.Heads.getValue>[0];

/** The typed subject of a text subject (`case:7`, `parcel:WB19…`), or null. */
export function parseSubject(label: string): SubjectValue | null {
  const m = /^(department|enterprise|parcel|application|case|certificate):(.+)$/.exec(label);
  if (!m) return null;
  const [, kind, id] = m as unknown as [string, string, string];
  const n = /^\d+$/.test(id) ? Number(id) : NaN;
  switch (kind) {
    case "department":
      return /^[A-Z][A-Z0-9_]{1,11}$/.test(id) ? { type: "Department", value: bytes(id) } : null;
    case "parcel":
      return /^[A-Z0-9]{14}$/.test(id) ? { type: "Parcel", value: ulpinHex(id) } : null;
    case "enterprise":
      return Number.isSafeInteger(n) ? { type: "Enterprise", value: n } : null;
    case "application":
      return Number.isSafeInteger(n) ? { type: "Application", value: n } : null;
    case "case":
      return Number.isSafeInteger(n) ? { type: "Case", value: n } : null;
    case "certificate":
      return Number.isSafeInteger(n) ? { type: "Certificate", value: n } : null;
  }
  return null;
}

async function readProof(keys: string[], at: string): Promise<string[]> {
  const r = await client._request<{ at: string; proof: string[] }>("state_getReadProof", [keys, at]);
  return r.proof;
}

export async function auditSubject(label: string): Promise<AuditReport> {
  const subject = parseSubject(label);
  if (!subject) throw new Error(`${label} is not a subject`);
  const fin = await finalizedBlock();
  const header = await client.getBlockHeader(fin.hash);
  const stateRoot = header.stateRoot;
  const report: AuditReport = { subject: label, block: { ...fin, stateRoot }, len: 0, head: "" };

  // The header must be the finalized block's: its hash is the block hash.
  const headerHash = toHex(Blake2256(blockHeader.enc(header)));
  if (headerHash !== fin.hash) {
    report.failure = { kind: "proof", message: `the header hashes to ${headerHash}, not to block ${fin.hash}` };
    return report;
  }

  const headKey = await api.query.Audit.Heads.getKey(subject);
  const db = new ProofDb(await readProof([headKey], fin.hash));
  let headBytes: Uint8Array | null;
  try {
    headBytes = db.get(stateRoot, headKey);
  } catch (e) {
    report.failure = { kind: "proof", message: e instanceof Error ? e.message : String(e) };
    return report;
  }
  if (!headBytes) {
    report.failure = { kind: "noTrail" };
    return report;
  }
  const head = decodeTrailHead(headBytes);
  report.len = head.len;
  report.head = head.head;

  const served = await rpc.wholeTrail(label, fin.hash as `0x${string}`);
  const keys: string[] = [];
  for (let i = 0; i < head.len; i++) keys.push(await api.query.Audit.Trails.getKey(subject, i));
  for (let i = 0; i < keys.length; i += 100) db.add(await readProof(keys.slice(i, i + 100), fin.hash));

  const proven: Uint8Array[] = [];
  try {
    for (let i = 0; i < keys.length; i++) {
      const onChain = db.get(stateRoot, keys[i]!);
      if (!onChain) {
        report.failure = { kind: "proof", message: `entry ${i} of ${head.len} is not in storage` };
        return report;
      }
      const s = served.entries[i];
      if (!s) {
        report.failure = { kind: "missing", index: i, served: served.entries.length, len: head.len };
        return report;
      }
      const servedBytes = fromHex(s.encoded);
      if (!equal(servedBytes, onChain)) {
        const next = keys[i + 1] ? db.get(stateRoot, keys[i + 1]!) : null;
        if (served.entries.length < head.len && next && equal(next, servedBytes)) {
          report.failure = { kind: "missing", index: i, served: served.entries.length, len: head.len };
        } else {
          report.failure = { kind: "altered", index: i };
        }
        return report;
      }
      proven.push(onChain);
    }
  } catch (e) {
    if (e instanceof IncompleteProof) {
      report.failure = { kind: "proof", message: e.message };
      return report;
    }
    throw e;
  }
  if (served.entries.length > head.len) {
    report.failure = { kind: "added", n: served.entries.length - head.len, len: head.len };
    return report;
  }
  const chain = verifyChain(proven, head.head);
  if (!chain.ok) {
    report.failure =
      chain.kind === "outOfOrder"
        ? { kind: "outOfOrder", index: chain.index }
        : { kind: "headMismatch", recomputed: chain.recomputed };
    return report;
  }
  report.recomputed = chain.recomputed;
  return report;
}
