// Bundle sizes after `vite build`: every asset raw and gzip, and the initial JS (the entry and what
// index.html preloads) against the budget. Writes dist/size.json; exits non-zero over budget.
import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { join } from "node:path";

/** Initial JS budget, gzip: the shell, router, English catalogue and home page; the chain client loads after. */
const BUDGET_INITIAL_GZIP = 40 * 1024;

const dist = "dist";
const html = readFileSync(join(dist, "index.html"), "utf8");
const initial = new Set(
  [...html.matchAll(/<(?:script[^>]*src|link[^>]*rel="modulepreload"[^>]*href)="\.?\/?([^"]+\.js)"/g)].map((m) => m[1]),
);
const css = new Set([...html.matchAll(/<link[^>]*rel="stylesheet"[^>]*href="\.?\/?([^"]+\.css)"/g)].map((m) => m[1]));
const assets = readdirSync(join(dist, "assets"))
  .filter((f) => f.endsWith(".js") || f.endsWith(".css"))
  .map((f) => {
    const bytes = readFileSync(join(dist, "assets", f));
    const path = `assets/${f}`;
    return { file: path, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length, initial: initial.has(path) || css.has(path) };
  })
  .sort((a, b) => b.gzip - a.gzip);
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const sum = (xs, k) => xs.reduce((n, x) => n + x[k], 0);
const initJs = assets.filter((a) => a.initial && a.file.endsWith(".js"));
const report = {
  initialJs: { raw: sum(initJs, "raw"), gzip: sum(initJs, "gzip"), files: initJs.map((a) => a.file) },
  initialCss: { gzip: sum(assets.filter((a) => a.initial && a.file.endsWith(".css")), "gzip") },
  allJs: { raw: sum(assets.filter((a) => a.file.endsWith(".js")), "raw"), gzip: sum(assets.filter((a) => a.file.endsWith(".js")), "gzip") },
  budgetInitialGzip: BUDGET_INITIAL_GZIP,
  assets,
};
writeFileSync(join(dist, "size.json"), JSON.stringify(report, null, 2));
console.log("bundle (gzip):");
for (const a of assets) console.log(`  ${a.initial ? "*" : " "} ${kb(a.gzip).padStart(9)}  ${kb(a.raw).padStart(9)} raw  ${a.file}`);
console.log(`initial JS (*): ${kb(report.initialJs.gzip)} gzip (${kb(report.initialJs.raw)} raw), budget ${kb(BUDGET_INITIAL_GZIP)}; all JS ${kb(report.allJs.gzip)} gzip`);
if (report.initialJs.gzip > BUDGET_INITIAL_GZIP) {
  console.error(`the initial JS is over its budget of ${kb(BUDGET_INITIAL_GZIP)} gzip`);
  process.exit(1);
}
