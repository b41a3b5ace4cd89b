/**
 * Answers of the `clearance_*` JSON-RPC methods, as documented in `docs/rpc.md` and produced by
 * `api/rpc/src/json.rs`. Codes and ULPINs are text, accounts SS58 addresses, hashes 0x-hex,
 * `at`/`due`/`openedAt` and clock values block numbers (or counts of blocks), timestamps
 * milliseconds since the Unix epoch.
 */

/** 0x-prefixed hex. */
export type Hex = `0x${string}`;
/** A block hash, or `null` for the best block. */
export type At = Hex | null;
/** An SS58 address. */
export type Address = string;

/**
 * Case states by name. The runtime owns the list; these are the ones known when this package was
 * written, and the type stays open so a new state does not break a client.
 */
export type KnownCaseState =
  | "Waiting"
  | "Submitted"
  | "UnderScrutiny"
  | "QueryRaised"
  | "Responded"
  | "Escalated"
  | "Approved"
  | "Rejected"
  | "Withdrawn"
  | "DeemedApproved"
  | "Lapsed";
export type CaseState = KnownCaseState | (string & {});

export type ApplicationStatus = "Open" | "Decided" | "Withdrawn" | (string & {});
export type CertificateStatus =
  | "Valid"
  | "Suspended"
  | "Revoked"
  | "Expired"
  | "NotYetIssued"
  | (string & {});

/** The department's decision on a case. `by` is null when the runtime decided by itself. */
export interface Decision {
  by: Address | null;
  at: number;
  /** Hash of the conditions (approval) or of the reasoning (rejection). */
  document: Hex;
  reason: number | null;
  certificate: number | null;
  inTime: boolean;
}

/** One case with its clocks (`clearance_case`, items of work queues, cases of an application). */
export interface CaseView {
  id: number;
  application: number;
  clearance: string;
  department: string;
  state: CaseState;
  officer: Address | null;
  openedAt: number | null;
  timeLimit: number;
  departmentUsed: number;
  departmentLeft: number;
  responseLeft: number | null;
  /** Block at which the running clock runs out; null while no clock runs. */
  due: number | null;
  query: Hex | null;
  response: Hex | null;
  suspended: boolean;
  decision: Decision | null;
}

export interface Project {
  name: string;
  sector: string;
  investment: string;
}

export interface DocumentView {
  sha256: Hex;
  kind: string;
  size: number;
  uri: string | null;
  anchoredAt: number;
}

interface ApplicationBase {
  id: number;
  enterprise: number;
  status: ApplicationStatus;
  openCases: number;
  project: Project;
  parcels: string[];
  submittedBy: Address;
  submittedAt: number;
}

/** `clearance_application`: the tracker's view. */
export interface ApplicationView extends ApplicationBase {
  cases: CaseView[];
  documents: DocumentView[];
  /** The block of the answer. */
  now: number;
  /** Blocks per day. */
  dayLength: number;
}

/** An item of `clearance_applicationsOf`: `cases` holds case ids. */
export interface ApplicationSummary extends ApplicationBase {
  cases: number[];
}

export interface Page<T, C> {
  items: T[];
  next: C | null;
}

export type Authority =
  | { kind: "Council" }
  | { kind: "Head"; department: string }
  | { kind: "Officer"; department: string; role: string }
  | { kind: "Owner"; enterprise: number }
  | { kind: "Agent"; enterprise: number; agent: Address }
  | { kind: "Statute" };

export interface TrailEntry {
  index: number;
  seq: number;
  block: number;
  timestamp: number;
  signer: Address | null;
  authority: Authority;
  action: string;
  details: Hex;
  /** The entry's SCALE encoding: what an auditor hashes. */
  encoded: Hex;
}

/** `clearance_trail`: a page of a subject's audit trail. */
export interface TrailPage {
  subject: string;
  len: number;
  /** The on-chain head: the last link of the whole trail. */
  head: Hex;
  from: number;
  next: number | null;
  entries: TrailEntry[];
}

export interface ParcelView {
  ulpin: string;
  district: string;
  village: string;
  plot: string;
  areaSqm: number;
  landUse: string;
  holder: string;
  encumbrances: { kind: string; holderHash: Hex; deedHash: Hex }[];
  frozen: { order: Hex; since: number } | null;
  registeredAt: number;
  liveCases: number[];
  certificates: number[];
  history: TrailPage;
}

/** `clearance_certificate`: a certificate as a verifier sees it. */
export interface CertificateView {
  number: number;
  status: CertificateStatus;
  asOf: number;
  clearance: string;
  department: string;
  enterprise: number;
  holder: string;
  case: number;
  parcels: string[];
  conditions: Hex;
  issuedAt: number;
  expiresAt: number | null;
  renews: number | null;
  renewedBy: number | null;
  revoked: { at: number; reason: number; reasoning: Hex } | null;
  suspended: boolean;
}

/** `clearance_dashboard`. `pending` holds the live states, `decided` the final ones. */
export interface DashboardView {
  department: string;
  pending: Record<string, number>;
  decided: Record<string, number>;
  suspended: number;
  inTime: number;
  late: number;
  timedDecisions: number;
  medianDays: number | null;
}

/** `clearance_account`: what an account may do. */
export interface AccountView {
  account: Address;
  headOf: string | null;
  validatorOf: string | null;
  officerOf: { department: string; roles: string[] } | null;
  enterprise: { id: number; owner: boolean } | null;
}

/** A notification of `clearance_subscribeApplication`. */
export interface ApplicationChanged {
  block: Hex;
  number: number;
  application: ApplicationView;
}

/** Every method: its positional parameters and its answer. */
export interface ClearanceMethods {
  clearance_application: { params: [id: number, at?: At]; result: ApplicationView };
  clearance_case: { params: [id: number, at?: At]; result: CaseView };
  clearance_applicationsOf: {
    params: [enterprise: number, after?: number | null, limit?: number | null, at?: At];
    result: Page<ApplicationSummary, number>;
  };
  clearance_workQueue: {
    params: [
      department: string,
      state?: string | null,
      after?: string | null,
      limit?: number | null,
      at?: At,
    ];
    result: Page<CaseView, string>;
  };
  clearance_overdue: {
    params: [department?: string | null, limit?: number | null, at?: At];
    result: CaseView[];
  };
  clearance_parcel: {
    params: [ulpin: string, from?: number | null, limit?: number | null, at?: At];
    result: ParcelView;
  };
  clearance_certificate: {
    params: [number: number, asOf?: number | null, at?: At];
    result: CertificateView;
  };
  clearance_trail: {
    params: [subject: string, from?: number | null, limit?: number | null, at?: At];
    result: TrailPage;
  };
  clearance_dashboard: { params: [department: string, at?: At]; result: DashboardView };
  clearance_account: { params: [account: string, at?: At]; result: AccountView };
}

export type ClearanceMethod = keyof ClearanceMethods;
