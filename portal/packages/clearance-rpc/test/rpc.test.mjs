// Tests of @clearance/rpc: the wrapper's parameters, and (with CLEARANCE_RPC_URL) both clients
// against a live dev node: polkadot-api's _request/_subscribe and @polkadot/api's rpc option.
import { test } from "node:test";
import assert from "node:assert/strict";
import { clearanceRpc, rpc, errorCode, ERROR_CODES } from "../dist/index.js";

function recorder(result = {}) {
  const calls = [];
  const request = async (method, params) => {
    calls.push([method, params]);
    return result;
  };
  return { calls, api: clearanceRpc(request) };
}

test("positional parameters: trailing ones dropped, skipped ones null", async () => {
  const { calls, api } = recorder();
  await api.application(3);
  await api.workQueue("LAND", { limit: 20 });
  await api.workQueue("LAND", { state: "Submitted" });
  await api.certificate(7, { asOf: 1798761600000 });
  await api.trail("case:1", { from: 5, at: "0x01" });
  await api.overdue();
  await api.applicationsOf(0, { after: 2 });
  assert.deepEqual(calls, [
    ["clearance_application", [3]],
    ["clearance_workQueue", ["LAND", null, null, 20]],
    ["clearance_workQueue", ["LAND", "Submitted"]],
    ["clearance_certificate", [7, 1798761600000]],
    ["clearance_trail", ["case:1", 5, null, "0x01"]],
    ["clearance_overdue", []],
    ["clearance_applicationsOf", [0, 2]],
  ]);
});

test("wholeTrail follows the next cursor", async () => {
  const pages = {
    0: { subject: "case:1", len: 3, head: "0xaa", from: 0, next: 2, entries: [{ index: 0 }, { index: 1 }] },
    2: { subject: "case:1", len: 3, head: "0xaa", from: 2, next: null, entries: [{ index: 2 }] },
  };
  const seen = [];
  const api = clearanceRpc(async (m, p) => {
    seen.push(p);
    return pages[p[1]];
  });
  const t = await api.wholeTrail("case:1", "0x02");
  assert.equal(t.entries.length, 3);
  assert.equal(t.head, "0xaa");
  assert.deepEqual(seen, [["case:1", 0, 100, "0x02"], ["case:1", 2, 100, "0x02"]]);
});

test("errorCode reads the code of the error or its cause", () => {
  assert.equal(errorCode({ code: 4001 }), ERROR_CODES.NOT_FOUND);
  assert.equal(errorCode(new Error("x", { cause: { code: 4003 } })), 4003);
  assert.equal(errorCode(new Error("x")), undefined);
});

test("@polkadot/api definitions name every method, with the subscription's pubsub", () => {
  const names = Object.keys(rpc.clearance).sort();
  assert.deepEqual(names, [
    "account", "application", "applicationsOf", "case", "certificate", "dashboard", "overdue",
    "parcel", "subscribeApplication", "trail", "workQueue",
  ]);
  assert.deepEqual(rpc.clearance.subscribeApplication.pubsub, [
    "applicationChanged", "subscribeApplication", "unsubscribeApplication",
  ]);
});

const url = process.env.CLEARANCE_RPC_URL;

test("live: polkadot-api client through the wrapper", { skip: !url && "CLEARANCE_RPC_URL not set" }, async () => {
  const { createClient } = await import("polkadot-api");
  const { getWsProvider } = await import("polkadot-api/ws");
  // Node 20 has no global WebSocket: the `ws` package stands in.
  const { WebSocket } = await import("ws");
  const client = createClient(getWsProvider(url, { websocketClass: WebSocket }));
  try {
    const api = clearanceRpc(
      (m, p) => client._request(m, p),
      (m, u, p, next, error) => {
        const s = client._subscribe(m, u, p).subscribe({ next, error });
        return () => s.unsubscribe();
      },
    );
    const d = await api.dashboard("LAND");
    assert.equal(d.department, "LAND");
    assert.ok("Submitted" in d.pending);
    const who = await api.account("5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY");
    assert.equal(who.headOf, "LAND");
    await assert.rejects(api.application(999999), (e) => errorCode(e) === ERROR_CODES.NOT_FOUND);
    await assert.rejects(api.workQueue("LAND", { limit: 1000 }), (e) => errorCode(e) === ERROR_CODES.PAGE_TOO_LARGE);
    // The seeded chain has application 0: the subscription's first message is its state now.
    const first = await new Promise((resolve, reject) => {
      const stop = api.subscribeApplication(0, (m) => { stop(); resolve(m); }, { onError: reject });
    });
    assert.equal(first.application.id, 0);
    assert.equal(typeof first.number, "number");
    // Let the unsubscribe request complete before the client goes.
    await new Promise((r) => setTimeout(r, 300));
  } finally {
    client.destroy();
  }
});

test("live: @polkadot/api with the rpc definitions", { skip: !url && "CLEARANCE_RPC_URL not set" }, async () => {
  const { ApiPromise, WsProvider } = await import("@polkadot/api");
  const api = await ApiPromise.create({ provider: new WsProvider(url), rpc, noInitWarn: true, throwOnConnect: true });
  try {
    const d = (await api.rpc.clearance.dashboard("ENV")).toJSON();
    assert.equal(d.department, "ENV");
    const q = (await api.rpc.clearance.workQueue("LAND", null, null, 5)).toJSON();
    assert.ok(Array.isArray(q.items));
    const cert = (await api.rpc.clearance.certificate(0)).toJSON();
    assert.equal(cert.number, 0);
    const msg = await new Promise((resolve, reject) => {
      let unsub;
      api.rpc.clearance.subscribeApplication(0, (m) => {
        resolve(m.toJSON());
        Promise.resolve(unsub).then((u) => u && u());
      }).then((u) => (unsub = u), reject);
    });
    assert.equal(msg.application.id, 0);
  } finally {
    await api.disconnect();
  }
});
