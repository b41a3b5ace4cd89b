/**
 * The runtime's own metadata, read from the connected node: documentation of errors, and the
 * vocabularies (case states, certificate statuses, …) the portal shows, so that a runtime that
 * adds a state or an error is described by its own words.
 */
import { decAnyMetadata, unifyMetadata } from "@polkadot-api/substrate-bindings";
import { client } from "./connection";

type Unified = ReturnType<typeof unifyMetadata>;
type LookupEntry = Unified["lookup"][number];

let cached: { hash: string; meta: Promise<Unified> } | null = null;

/** The metadata at the best block (re-read when the runtime changes). */
export async function metadata(): Promise<Unified> {
  const [best] = await client.getBestBlocks();
  const hash = best!.hash;
  if (!cached) {
    cached = {
      hash,
      meta: client.getMetadata(hash).then((bytes) => unifyMetadata(decAnyMetadata(bytes))),
    };
    cached.meta.catch(() => (cached = null));
  }
  return cached.meta;
}

/** Forget the metadata (after a runtime upgrade). */
export function forgetMetadata(): void {
  cached = null;
}

export interface Variant {
  name: string;
  index: number;
  docs: string;
}

function variants(entry: LookupEntry | undefined): Variant[] {
  if (!entry || entry.def.tag !== "variant") return [];
  return entry.def.value.map((v) => ({ name: v.name, index: v.index, docs: v.docs.join(" ").trim() }));
}

/** The variants of the enum type whose path ends with `path` (e.g. `types::CaseState`). */
export async function enumVariants(path: string): Promise<Variant[]> {
  const m = await metadata();
  const entry = m.lookup.find((e) => e.path.join("::").endsWith(path));
  return variants(entry);
}

/** The error `name` of pallet `pallet`, with its documentation from the runtime. */
export async function errorDoc(pallet: string, name: string): Promise<Variant | null> {
  const m = await metadata();
  const p = m.pallets.find((x) => x.name === pallet);
  if (!p?.errors) return null;
  const entry = m.lookup[p.errors.type];
  return variants(entry).find((v) => v.name === name) ?? null;
}
