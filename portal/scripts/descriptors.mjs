// Generate polkadot-api descriptors from the runtime's own metadata, read out of the compiled
// wasm: `papi add clearance --wasm <wasm>`. The descriptors land in .papi/descriptors (not a
// package dependency: tsconfig paths and a Vite alias point @polkadot-api/descriptors at them), so
// `npm ci` never depends on generated files. A runtime change the portal does not match then
// fails `tsc --noEmit` in the build.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const wasm =
  process.argv[2] ??
  process.env.RUNTIME_WASM ??
  join(
    process.env.CARGO_TARGET_DIR ?? join(process.env.HOME ?? "", ".cache/clearance-registry/target"),
    "release/wbuild/clearance-runtime/clearance_runtime.compact.compressed.wasm",
  );
if (!existsSync(wasm)) {
  console.error(`no runtime wasm at ${wasm}: build the workspace first (cargo build --release)`);
  process.exit(1);
}

const stampFile = ".papi/descriptors/.wasm-stamp";
const stamp = `${wasm} ${statSync(wasm).size} ${statSync(wasm).mtimeMs}`;
if (existsSync(stampFile) && readFileSync(stampFile, "utf8") === stamp && existsSync(".papi/descriptors/dist/index.js")) {
  console.log("descriptors are up to date with", wasm);
  process.exit(0);
}

mkdirSync(".papi", { recursive: true });
const config = {
  version: 0,
  descriptorPath: ".papi/descriptors",
  entries: {},
  // No "file:" dependency in package.json and no npm install from the CLI.
  options: { noDescriptorsPackage: true },
};
writeFileSync(".papi/polkadot-api.json", JSON.stringify(config, null, 2) + "\n");

const r = spawnSync("npx", ["--no-install", "papi", "add", "clearance", "--wasm", wasm], {
  stdio: "inherit",
});
if (r.status !== 0 || !existsSync(".papi/descriptors/dist/index.js")) {
  console.error("papi add failed");
  process.exit(1);
}
writeFileSync(stampFile, stamp);
console.log("descriptors generated from", wasm);
