/**
 * How a certificate's status is verified: ONE interface, {@link StatusVerifier}, behind which
 * each way of verifying lives in its own module, loaded only when asked for. Today there is one
 * way, `node`: the chain's own answer (the `ClearanceApi` runtime API through the
 * `clearance_certificate` method) from the connected node. A light client (smoldot) is one more
 * entry in {@link METHODS} and one more module; no page changes.
 */
import type { CertificateView, TrailEntry } from "@clearance/rpc";

/** The ways a status can be verified. */
export type VerificationMethod = "node";

export interface Verification {
  certificate: CertificateView;
  /** The certificate's audit trail (issue, suspensions, renewal, revocation), oldest first. */
  history: TrailEntry[];
  method: VerificationMethod;
  /** Where the answer came from. */
  source: {
    /** The node's address. */
    endpoint: string;
    /** The block the answer is at. */
    block: { number: number; hash: string };
    /** Whether that block is finalized (the answer cannot be reverted). */
    finalized: boolean;
  };
}

export interface StatusVerifier {
  readonly method: VerificationMethod;
  /**
   * The certificate with its status now, or as of `asOf` (milliseconds since the epoch).
   * Rejects with an error whose `code` is 4001 when no certificate has this number.
   */
  verify(number: number, options?: { asOf?: number }): Promise<Verification>;
}

const METHODS: Record<VerificationMethod, () => Promise<StatusVerifier>> = {
  node: () => import("./node").then((m) => m.create()),
};

const made = new Map<VerificationMethod, Promise<StatusVerifier>>();

/** The verifier of `method`, loading its code the first time. */
export function getVerifier(method: VerificationMethod = "node"): Promise<StatusVerifier> {
  let v = made.get(method);
  if (!v) {
    v = METHODS[method]();
    made.set(method, v);
  }
  return v;
}
