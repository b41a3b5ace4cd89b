/**
 * Verification through the connected node: `clearance_certificate` and the certificate's trail,
 * both answered by the runtime at one block. The finalized block is asked first; a certificate
 * too new to be finalized is answered at the best block, and says so.
 */
import { errorCode, ERROR_CODES } from "@clearance/rpc";
import { bestBlock, finalizedBlock, rpc, url } from "../chain/connection";
import type { StatusVerifier, Verification } from "./index";

export function create(): StatusVerifier {
  return {
    method: "node",
    async verify(number, options = {}): Promise<Verification> {
      const fin = await finalizedBlock();
      let block = fin;
      let finalized = true;
      let certificate;
      try {
        certificate = await rpc.certificate(number, { asOf: options.asOf, at: fin.hash as `0x${string}` });
      } catch (e) {
        if (errorCode(e) !== ERROR_CODES.NOT_FOUND) throw e;
        block = await bestBlock();
        finalized = false;
        certificate = await rpc.certificate(number, { asOf: options.asOf, at: block.hash as `0x${string}` });
      }
      const history = await rpc
        .wholeTrail(`certificate:${number}`, block.hash as `0x${string}`)
        .then((t) => t.entries)
        .catch(() => []);
      return { certificate, history, method: "node", source: { endpoint: url, block, finalized } };
    },
  };
}
