// The portal's test suite, end to end: starts a fresh dev node (safe RPC on loopback, CORS for the
// portal's origin only), serves the built portal with `vite preview`, seeds demo data through
// signed transactions, then runs the unit tests, the @clearance/rpc tests against the node, and
// the Playwright scenarios (distribution Chromium, headless). Stops everything it started.
//   node tests/run.mjs [--only PATTERN]
import { spawn, spawnSync } from "node:child_process";
import { createServer } from "node:net";
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const target = process.env.CARGO_TARGET_DIR ?? join(process.env.HOME ?? "", ".cache/clearance-registry/target");
const nodeBin = process.env.NODE_BIN ?? join(target, "release/clearance-node");
const only = process.argv.includes("--only") ? process.argv[process.argv.indexOf("--only") + 1] : null;
const results = "test-results";
const started = Date.now();

function freePort() {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
    s.on("error", reject);
  });
}

async function waitFor(what, f, timeoutMs) {
  const end = Date.now() + timeoutMs;
  for (;;) {
    try {
      if (await f()) return;
    } catch {
      /* not yet */
    }
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 300));
  }
}

const children = [];
function start(name, cmd, args, logFile) {
  const out = [];
  const child = spawn(cmd, args, { stdio: ["ignore", "pipe", "pipe"], detached: false });
  child.stdout.on("data", (d) => out.push(d));
  child.stderr.on("data", (d) => out.push(d));
  child.on("exit", () => writeFileSync(logFile, Buffer.concat(out)));
  children.push({ name, child, out, logFile });
  return child;
}

function stopAll() {
  for (const { child } of children.reverse()) {
    if (child.exitCode === null) child.kill("SIGINT");
  }
}
process.on("SIGINT", () => {
  stopAll();
  process.exit(130);
});

if (!existsSync(nodeBin)) {
  console.error(`no node binary at ${nodeBin}: build the workspace first`);
  process.exit(1);
}
rmSync(results, { recursive: true, force: true });
mkdirSync(join(results, "screens"), { recursive: true });

const rpcPort = await freePort();
const p2pPort = await freePort();
const portalPort = await freePort();
const portalOrigin = `http://127.0.0.1:${portalPort}`;
const rpcUrl = `ws://127.0.0.1:${rpcPort}`;

console.log(`node: ${nodeBin} --dev on ${rpcUrl}; portal: ${portalOrigin}`);
start(
  "node",
  nodeBin,
  [
    "--dev",
    "--tmp",
    "--rpc-port", String(rpcPort),
    "--port", String(p2pPort),
    "--rpc-methods", "safe",
    "--rpc-cors", portalOrigin,
    "--no-prometheus",
    "--no-telemetry",
    "--no-mdns",
  ],
  join(results, "node.log"),
);
start("preview", "node_modules/.bin/vite", ["preview", "--host", "127.0.0.1", "--port", String(portalPort), "--strictPort"], join(results, "preview.log"));

let code = 1;
const summary = [];
try {
  await waitFor(
    "the node's RPC",
    async () => {
      const r = await fetch(`http://127.0.0.1:${rpcPort}`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ id: 1, jsonrpc: "2.0", method: "chain_getHeader", params: [] }),
      });
      const j = await r.json();
      return Number.parseInt(j.result?.number ?? "0x0", 16) >= 1;
    },
    120_000,
  );
  await waitFor("the portal", async () => (await fetch(portalOrigin)).ok, 60_000);

  console.log("seeding demo data");
  const seedStart = Date.now();
  const seed = spawnSync("npx", ["tsx", "scripts/seed.ts", rpcUrl], { stdio: "inherit" });
  if (seed.status !== 0) throw new Error("seeding failed");
  console.log(`seeded in ${((Date.now() - seedStart) / 1000).toFixed(1)} s`);

  const env = { ...process.env, RPC_URL: rpcUrl, PORTAL_URL: portalOrigin, CLEARANCE_RPC_URL: rpcUrl };
  const files = [
    ...readdirSync("tests/unit").filter((f) => f.endsWith(".test.ts")).map((f) => `tests/unit/${f}`),
    ...readdirSync("tests/e2e").filter((f) => f.endsWith(".test.ts")).sort().map((f) => `tests/e2e/${f}`),
  ].filter((f) => !only || f.includes(only));

  const rpcTests = spawnSync("node", ["--test", "packages/clearance-rpc/test/"], { stdio: "inherit", env });
  summary.push(["@clearance/rpc", rpcTests.status]);
  const suite = spawnSync(
    "node",
    ["--import", "tsx", "--test", "--test-concurrency=1", "--test-timeout=600000", ...files],
    { stdio: "inherit", env },
  );
  summary.push(["portal (unit + Playwright)", suite.status]);
  code = summary.every(([, s]) => s === 0) ? 0 : 1;
} catch (e) {
  console.error(`error: ${e.message}`);
  code = 1;
} finally {
  stopAll();
  await new Promise((r) => setTimeout(r, 1500));
}
for (const [name, status] of summary) console.log(`${status === 0 ? "ok  " : "FAIL"} ${name}`);
console.log(`portal tests ${code === 0 ? "passed" : "failed"} in ${((Date.now() - started) / 1000).toFixed(0)} s; logs and screenshots in portal/${results}/`);
process.exit(code);
