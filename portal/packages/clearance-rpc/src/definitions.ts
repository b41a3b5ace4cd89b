/**
 * The `clearance_*` methods as @polkadot/api rpc definitions:
 *
 *   import { ApiPromise, WsProvider } from "@polkadot/api"
 *   import { rpc } from "@clearance/rpc"
 *   const api = await ApiPromise.create({ provider: new WsProvider(url), rpc })
 *   const cert = (await api.rpc.clearance.certificate(0)).toJSON()
 *
 * Answers are JSON (`Json`); their shapes are the types of this package. Parameters in the middle
 * of a list are `Option<..>` so that they can be skipped with `null`; trailing ones are optional.
 */

interface Param {
  name: string;
  type: string;
  isOptional?: true;
}

interface Method {
  description: string;
  params: Param[];
  type: string;
}

interface PubSub extends Method {
  pubsub: [notification: string, subscribe: string, unsubscribe: string];
}

const at: Param = { name: "at", type: "BlockHash", isOptional: true };
const opt = (name: string, type: string): Param => ({ name, type: `Option<${type}>`, isOptional: true });

/** Shaped like @polkadot/api's `Record<string, Record<string, DefinitionRpc | DefinitionRpcSub>>`. */
export const rpc: { clearance: Record<string, Method | PubSub> } = {
  clearance: {
    application: {
      description: "An application with its cases, their clocks, and its documents",
      params: [{ name: "id", type: "u32" }, at],
      type: "Json",
    },
    case: {
      description: "One case with its clocks",
      params: [{ name: "id", type: "u32" }, at],
      type: "Json",
    },
    applicationsOf: {
      description: "A page of an enterprise's applications",
      params: [{ name: "enterprise", type: "u32" }, opt("after", "u32"), opt("limit", "u32"), at],
      type: "Json",
    },
    workQueue: {
      description: "A page of a department's live cases, earliest due first",
      params: [
        { name: "department", type: "Text" },
        opt("state", "Text"),
        opt("after", "Text"),
        opt("limit", "u32"),
        at,
      ],
      type: "Json",
    },
    overdue: {
      description: "Escalated cases and live cases past their due block",
      params: [opt("department", "Text"), opt("limit", "u32"), at],
      type: "Json",
    },
    parcel: {
      description: "A land record with its live cases, certificates and a page of its history",
      params: [{ name: "ulpin", type: "Text" }, opt("from", "u32"), opt("limit", "u32"), at],
      type: "Json",
    },
    certificate: {
      description: "Verify a certificate, now or as of a time (milliseconds since the epoch)",
      params: [{ name: "number", type: "u32" }, opt("asOf", "u64"), at],
      type: "Json",
    },
    trail: {
      description: "A page of a subject's audit trail with its on-chain head",
      params: [{ name: "subject", type: "Text" }, opt("from", "u32"), opt("limit", "u32"), at],
      type: "Json",
    },
    dashboard: {
      description: "A department's dashboard",
      params: [{ name: "department", type: "Text" }, at],
      type: "Json",
    },
    account: {
      description: "What an account may do",
      params: [{ name: "account", type: "Text" }, at],
      type: "Json",
    },
    subscribeApplication: {
      description: "Follow an application: its state now, then each change",
      params: [{ name: "id", type: "u32" }, { name: "finalized", type: "bool", isOptional: true }],
      pubsub: ["applicationChanged", "subscribeApplication", "unsubscribeApplication"],
      type: "Json",
    },
  },
};
