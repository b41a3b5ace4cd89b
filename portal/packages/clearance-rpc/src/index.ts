/**
 * @clearance/rpc: the Clearance Registry's `clearance_*` JSON-RPC methods for TypeScript.
 *
 * - {@link clearanceRpc} wraps any `request(method, params)` function (polkadot-api's
 *   `client._request`, a fetch-based client, @polkadot/api's `provider.send`) in typed methods.
 * - {@link rpc} is an @polkadot/api rpc definitions object:
 *   `ApiPromise.create({ provider, rpc })` then `api.rpc.clearance.certificate(0)`.
 * - {@link ERROR_CODES} are the stable error codes of every refusal.
 */

import type {
  AccountView,
  ApplicationChanged,
  ApplicationSummary,
  ApplicationView,
  At,
  CaseView,
  CertificateView,
  ClearanceMethods,
  ClearanceMethod,
  DashboardView,
  Page,
  ParcelView,
  TrailEntry,
  TrailPage,
} from "./types.js";

export type * from "./types.js";
export { rpc } from "./definitions.js";

/** The stable error codes of the `clearance_*` methods (`docs/rpc.md`). */
export const ERROR_CODES = {
  /** Malformed input: account, code, ULPIN, subject, state, cursor, or a wrong type. */
  INVALID_PARAMS: -32602,
  /** The application, case, enterprise, department, parcel, certificate or trail does not exist. */
  NOT_FOUND: 4001,
  /** `limit` is above the largest page (100). */
  PAGE_TOO_LARGE: 4002,
  /** `at` names a block the node does not know. */
  UNKNOWN_BLOCK: 4003,
  /** The runtime could not answer. */
  RUNTIME_ERROR: 4004,
} as const;

/** The largest page a method serves. */
export const MAX_PAGE = 100;

/** The error code of a refusal, whatever client raised it (`code` on the error or its cause). */
export function errorCode(e: unknown): number | undefined {
  const pick = (x: unknown): number | undefined => {
    if (x && typeof x === "object" && "code" in x) {
      const c = (x as { code: unknown }).code;
      if (typeof c === "number") return c;
    }
    return undefined;
  };
  return pick(e) ?? pick((e as { cause?: unknown } | undefined)?.cause);
}

/** Any JSON-RPC request function: method name and positional parameters in, result out. */
export type RequestFn = (method: string, params: unknown[]) => Promise<unknown>;

/** A subscription function: subscribe method, unsubscribe method, parameters, and a callback. */
export type SubscribeFn = (
  method: string,
  unsubscribe: string,
  params: unknown[],
  onMessage: (message: unknown) => void,
  onError: (error: unknown) => void,
) => () => void;

/** Drop trailing `undefined` parameters, and turn the others into `null`. */
function positional(params: unknown[]): unknown[] {
  const out = params.map((p) => (p === undefined ? null : p));
  while (out.length > 0 && params[out.length - 1] === undefined) out.pop();
  return out;
}

export interface PageOptions {
  limit?: number;
  at?: At;
}

/** Typed `clearance_*` methods over a request function. */
export interface ClearanceRpc {
  /** Call a method by name with its positional parameters. */
  call<M extends ClearanceMethod>(
    method: M,
    ...params: ClearanceMethods[M]["params"]
  ): Promise<ClearanceMethods[M]["result"]>;
  application(id: number, at?: At): Promise<ApplicationView>;
  case(id: number, at?: At): Promise<CaseView>;
  applicationsOf(
    enterprise: number,
    options?: PageOptions & { after?: number },
  ): Promise<Page<ApplicationSummary, number>>;
  workQueue(
    department: string,
    options?: PageOptions & { state?: string; after?: string },
  ): Promise<Page<CaseView, string>>;
  overdue(options?: { department?: string; limit?: number; at?: At }): Promise<CaseView[]>;
  parcel(ulpin: string, options?: PageOptions & { from?: number }): Promise<ParcelView>;
  certificate(number: number, options?: { asOf?: number; at?: At }): Promise<CertificateView>;
  trail(subject: string, options?: PageOptions & { from?: number }): Promise<TrailPage>;
  /** Every entry of a subject's trail at one block, page by page, with the head of that block. */
  wholeTrail(subject: string, at: At): Promise<{ head: TrailPage["head"]; len: number; entries: TrailEntry[] }>;
  dashboard(department: string, at?: At): Promise<DashboardView>;
  account(account: string, at?: At): Promise<AccountView>;
  /**
   * Follow an application (needs a subscribe function). The first message is its state now;
   * then one per change, at best blocks or, with `finalized`, finalized blocks.
   */
  subscribeApplication(
    id: number,
    onChange: (message: ApplicationChanged) => void,
    options?: { finalized?: boolean; onError?: (error: unknown) => void },
  ): () => void;
}

/**
 * The typed methods over `request` (and `subscribe`, for `subscribeApplication`).
 *
 * @example
 *   const client = createClient(getWsProvider("ws://127.0.0.1:9944"))
 *   const clearance = clearanceRpc((m, p) => client._request(m, p))
 *   const cert = await clearance.certificate(0)
 */
export function clearanceRpc(request: RequestFn, subscribe?: SubscribeFn): ClearanceRpc {
  const call = <M extends ClearanceMethod>(method: M, ...params: ClearanceMethods[M]["params"]) =>
    request(method, positional(params)) as Promise<ClearanceMethods[M]["result"]>;
  const api: ClearanceRpc = {
    call,
    application: (id, at) => call("clearance_application", id, at),
    case: (id, at) => call("clearance_case", id, at),
    applicationsOf: (enterprise, o = {}) =>
      call("clearance_applicationsOf", enterprise, o.after, o.limit, o.at),
    workQueue: (department, o = {}) =>
      call("clearance_workQueue", department, o.state, o.after, o.limit, o.at),
    overdue: (o = {}) => call("clearance_overdue", o.department, o.limit, o.at),
    parcel: (ulpin, o = {}) => call("clearance_parcel", ulpin, o.from, o.limit, o.at),
    certificate: (number, o = {}) => call("clearance_certificate", number, o.asOf, o.at),
    trail: (subject, o = {}) => call("clearance_trail", subject, o.from, o.limit, o.at),
    async wholeTrail(subject, at) {
      const entries: TrailEntry[] = [];
      let from: number | null = 0;
      let page: TrailPage;
      do {
        page = await call("clearance_trail", subject, from, MAX_PAGE, at);
        entries.push(...page.entries);
        from = page.next;
      } while (from !== null);
      return { head: page.head, len: page.len, entries };
    },
    dashboard: (department, at) => call("clearance_dashboard", department, at),
    account: (account, at) => call("clearance_account", account, at),
    subscribeApplication(id, onChange, o = {}) {
      if (!subscribe) throw new Error("subscribeApplication needs a subscribe function");
      return subscribe(
        "clearance_subscribeApplication",
        "clearance_unsubscribeApplication",
        o.finalized === undefined ? [id] : [id, o.finalized],
        (m) => onChange(m as ApplicationChanged),
        o.onError ?? (() => {}),
      );
    },
  };
  return api;
}
