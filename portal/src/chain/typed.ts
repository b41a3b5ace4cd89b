/**
 * The typed API, from descriptors generated out of the runtime's own metadata (the compiled wasm):
 * storage reads the `clearance_*` methods do not cover (the catalogue, departments, documents,
 * the distribution of days to decision) and the transactions. A runtime change that breaks any of
 * this fails the portal's type-check.
 */
import { clearance } from "@polkadot-api/descriptors";
import { Binary, type SizedHex } from "polkadot-api";
import { client } from "./connection";

export const api = client.getTypedApi(clearance);
export type Api = typeof api;

const text = (b: Uint8Array): string => Binary.toText(b);
const bytes = (s: string): Uint8Array => Binary.fromText(s);
/** A ULPIN as the runtime takes it: 14 bytes, as hex. */
export const ulpinHex = (ulpin: string): SizedHex<14> => Binary.toHex(Binary.fromText(ulpin)) as SizedHex<14>;
export const ulpinText = (hex: string): string => Binary.toText(Binary.fromHex(hex as `0x${string}`));
export { text, bytes };

export interface ClearanceTypeInfo {
  code: string;
  department: string;
  /** Blocks. */
  timeLimit: number;
  responseLimit: number;
  onSilence: string;
  validityMs: number | null;
  prerequisites: string[];
  documents: string[];
  convertsTo: string | null;
}

export interface DepartmentInfo {
  code: string;
  name: string;
  kind: string;
  head: string;
}

let cataloguePromise: Promise<ClearanceTypeInfo[]> | null = null;
let departmentsPromise: Promise<DepartmentInfo[]> | null = null;

/** The catalogue of clearance types, in an order where prerequisites come first. */
export function catalogue(): Promise<ClearanceTypeInfo[]> {
  cataloguePromise ??= api.query.Clearances.ClearanceTypes.getEntries({ at: "best" }).then((entries) => {
    const list: ClearanceTypeInfo[] = entries.map(({ keyArgs: [code], value: v }) => ({
      code: text(code),
      department: text(v.department),
      timeLimit: v.time_limit,
      responseLimit: v.response_limit,
      onSilence: v.on_silence.type,
      validityMs: v.validity_ms === undefined ? null : Number(v.validity_ms),
      prerequisites: v.prerequisites.map(text),
      documents: v.required_documents.map(text),
      convertsTo: v.converts_to?.type ?? null,
    }));
    // Prerequisites before the types needing them, then by code.
    const depth = (c: string, seen = new Set<string>()): number => {
      const t = list.find((x) => x.code === c);
      if (!t || seen.has(c)) return 0;
      seen.add(c);
      return 1 + Math.max(0, ...t.prerequisites.map((p) => depth(p, seen)));
    };
    return list.sort((a, b) => depth(a.code) - depth(b.code) || a.code.localeCompare(b.code));
  });
  cataloguePromise.catch(() => (cataloguePromise = null));
  return cataloguePromise;
}

/** Every department, by code. */
export function departments(): Promise<DepartmentInfo[]> {
  departmentsPromise ??= api.query.Departments.Departments.getEntries({ at: "best" }).then((entries) =>
    entries
      .map(({ keyArgs: [code], value: v }) => ({
        code: text(code),
        name: text(v.name),
        kind: v.kind.type,
        head: v.head,
      }))
      .sort((a, b) => a.code.localeCompare(b.code)),
  );
  departmentsPromise.catch(() => (departmentsPromise = null));
  return departmentsPromise;
}

/** Milliseconds per block: the timestamp pallet's minimum period, twice. */
export async function blockMs(): Promise<number> {
  const min = await api.constants.Timestamp.MinimumPeriod();
  return Number(min) * 2 || 3000;
}

/** Blocks per day, as the runtime counts days for clocks and dashboards. */
export async function dayLength(): Promise<number> {
  return Number(await api.constants.Clearances.DayLength());
}

export interface ApplicationLimits {
  maxParcels: number;
  maxTypes: number;
  maxDocuments: number;
  /** Bytes of a project name or sector. */
  maxText: number;
}

/** What one application may hold, from the runtime's constants. */
export async function applicationLimits(): Promise<ApplicationLimits> {
  const c = api.constants.Clearances;
  const [maxParcels, maxTypes, maxDocuments, maxText] = await Promise.all([c.MaxParcels(), c.MaxTypes(), c.MaxDocuments(), c.MaxText()]);
  return { maxParcels, maxTypes, maxDocuments, maxText };
}

/** An enterprise's owner and agents. */
export async function enterpriseMembers(id: number): Promise<{ owner: string; agents: string[] } | null> {
  const e = await api.query.Enterprises.Enterprises.getValue(id, { at: "best" });
  return e ? { owner: e.owner, agents: [...e.agents] } : null;
}

/** An enterprise's registered name. */
export async function enterpriseName(id: number): Promise<string | null> {
  const e = await api.query.Enterprises.Enterprises.getValue(id, { at: "best" });
  return e ? text(e.name) : null;
}

export interface AnchoredDocument {
  hash: `0x${string}`;
  kind: string;
  size: number;
  anchoredAt: number;
}

/** The documents an enterprise anchored (its own namespace of `Clearances.Documents`). */
export async function documentsOf(enterprise: number): Promise<AnchoredDocument[]> {
  const entries = await api.query.Clearances.Documents.getEntries(enterprise, { at: "best" });
  return entries
    .map(({ keyArgs: [, hash], value: v }) => ({
      hash: hash as `0x${string}`,
      kind: text(v.kind),
      size: Number(v.size),
      anchoredAt: v.anchored_at,
    }))
    .sort((a, b) => a.anchoredAt - b.anchoredAt);
}

/** The parcels an enterprise holds (read from the land records). */
export async function parcelsHeldBy(enterprise: number): Promise<string[]> {
  const entries = await api.query.LandParcels.Parcels.getEntries({ at: "best" });
  return entries
    .filter((e) => e.value.holder.type === "Enterprise" && e.value.holder.value === enterprise)
    .map((e) => ulpinText(e.keyArgs[0]))
    .sort();
}

/** A department's decisions by whole days from opening to decision. */
export async function decisionDays(department: string): Promise<{ day: number; count: number }[]> {
  const entries = await api.query.Clearances.DecisionDays.getEntries(bytes(department), { at: "best" });
  return entries.map((e) => ({ day: e.keyArgs[1], count: e.value })).sort((a, b) => a.day - b.day);
}

/** The investment classes the runtime knows, from the metadata. */
export async function investmentClasses(): Promise<string[]> {
  const { enumVariants } = await import("./metadata");
  return (await enumVariants("types::InvestmentClass")).map((v) => v.name);
}
