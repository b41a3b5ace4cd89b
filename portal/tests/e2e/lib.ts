/** Helpers of the Playwright scenarios: the browser, pages, accounts, axe-core, screenshots. */
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { AxeBuilder } from "@axe-core/playwright";
import { mkdirSync } from "node:fs";
import assert from "node:assert/strict";
import { connect } from "../../scripts/node-chain.ts";

export const PORTAL = process.env.PORTAL_URL ?? "http://127.0.0.1:4173";
export const RPC = process.env.RPC_URL ?? "ws://127.0.0.1:9944";
export const SCREENS = "test-results/screens";
mkdirSync(SCREENS, { recursive: true });

/** The distribution's Chromium, headless; nothing downloads a browser. */
export function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

export async function newPage(browser: Browser, width = 1280): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width, height: 900 }, locale: "en-IN", timezoneId: "Asia/Kolkata" });
  const page = await context.newPage();
  page.on("pageerror", (e) => console.error(`page error: ${e.message}`));
  return { context, page };
}

/** Open a route (`verify/3`) with the test node as the portal's node. */
export async function open(page: Page, route = "", lang?: string): Promise<void> {
  const q = new URLSearchParams({ rpc: RPC });
  if (lang) q.set("lang", lang);
  const url = `${PORTAL}/?${q}#/${route}`;
  // The same address again would only be a same-document navigation: load it afresh.
  if (page.url() === url) await page.reload();
  else await page.goto(url);
  await page.locator("#page-title").first().waitFor();
}

/** Go to a route inside the already open portal (no reload). */
export async function go(page: Page, route: string): Promise<void> {
  await page.evaluate((r) => (location.hash = `#/${r}`), route);
  await page.locator("#page-title").first().waitFor();
}

/** Act as a development account through the account panel. */
export async function actAs(page: Page, name: string): Promise<void> {
  await page.locator(".actas > button").click();
  const select = page.locator("#account-panel select");
  await select.waitFor();
  await select.selectOption(name);
  await page.locator("#account-panel button.primary").click();
  await page.locator(".actas > button", { hasText: name }).waitFor();
}

/** axe-core on the page as it is now: WCAG 2.0/2.1 A and AA; no violation allowed. */
export async function axe(page: Page, label: string): Promise<number> {
  const r = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const v = r.violations;
  if (v.length) {
    const lines = v.map((x) => `${x.id} (${x.impact}): ${x.help}\n    ${x.nodes.slice(0, 3).map((n) => n.target.join(" ") + " " + (n.failureSummary ?? "").replace(/\n/g, " ")).join("\n    ")}`);
    assert.fail(`axe-core found ${v.length} violations on ${label}:\n  ${lines.join("\n  ")}`);
  }
  return r.passes.length;
}

/** Full-page screenshots at 360 and 1280 px wide, and a check that nothing overflows at 360 px. */
export async function screens(page: Page, name: string): Promise<void> {
  const size = page.viewportSize() ?? { width: 1280, height: 900 };
  for (const width of [360, 1280]) {
    await page.setViewportSize({ width, height: 800 });
    await page.waitForTimeout(150);
    if (width === 360) {
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.ok(overflow <= 1, `${name}: the page is ${overflow} px wider than a 360 px screen`);
    }
    await page.screenshot({ path: `${SCREENS}/${name}-${width}.png`, fullPage: true });
  }
  await page.setViewportSize(size);
}

/** The chain, for checks the portal should not be trusted with. */
export function chain() {
  return connect(RPC);
}

/** A file for `setInputFiles`. */
export function file(name: string, body: string) {
  return { name, mimeType: "application/pdf", buffer: Buffer.from(body) };
}
