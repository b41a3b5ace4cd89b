/**
 * Verification by anyone, without a wallet: a revoked certificate shows revoked, a status as of a
 * past date, and an audit trail verified in the browser against the on-chain head. Also the
 * first-screen time and the lazy loading of verification code.
 */
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import type { Browser } from "playwright-core";
import { axe, chain, launch, newPage, open, PORTAL, RPC, screens } from "./lib.ts";
import { devAccount } from "../../src/chain/dev-accounts.ts";

let browser: Browser;
const c = chain();

async function seededCertificate(project: string, clearance: string): Promise<number> {
  const who = await c.rpc.account(devAccount("//Two").address);
  const apps = await c.rpc.applicationsOf(who.enterprise!.id);
  const a = apps.items.find((x) => x.project.name === project)!;
  const app = await c.rpc.application(a.id);
  return app.cases.find((x) => x.clearance === clearance)!.decision!.certificate!;
}

before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
  c.destroy();
});

describe("verification and audit", () => {
  // The first-screen time is a figure to read (printed and written to test-results), never an
  // assertion: a test must not fail because the machine is busy.
  test("the first screen is measured; verification code loads only when asked for", async () => {
    const { page } = await newPage(browser);
    const scripts: string[] = [];
    page.on("request", (r) => {
      if (r.resourceType() === "script") scripts.push(r.url());
    });
    const t0 = Date.now();
    await page.goto(`${PORTAL}/?rpc=${encodeURIComponent(RPC)}#/`);
    await page.locator("#page-title").waitFor();
    const firstScreen = Date.now() - t0;
    await page.locator('[data-testid="chain-status"] [data-status="connected"]').waitFor({ timeout: 15_000 });
    const connected = Date.now() - t0;
    const nav = await page.evaluate(() => {
      const n = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming;
      const paint = performance.getEntriesByName("first-contentful-paint")[0];
      return { domContentLoaded: Math.round(n.domContentLoadedEventEnd), fcp: paint ? Math.round(paint.startTime) : null };
    });
    writeFileSync("test-results/first-screen.json", JSON.stringify({ firstScreenMs: firstScreen, connectedMs: connected, ...nav }, null, 2));
    console.log(`first screen ${firstScreen} ms (FCP ${nav.fcp} ms, DOMContentLoaded ${nav.domContentLoaded} ms); connected with a best block ${connected} ms`);
    assert.ok(!scripts.some((s) => /node-|verify/.test(s.split("/").pop() ?? "")), "no verification code on the home page");
    await page.close();
  });

  test("a revoked certificate shows revoked, with the revocation in its history", async () => {
    const n = await seededCertificate("Haldia Agro Foods cold store", "TRADE_LICENCE");
    const { page } = await newPage(browser);
    await open(page, `verify/${n}`);
    const r = page.getByTestId("verify-result");
    await r.waitFor({ timeout: 30_000 });
    assert.equal(await r.getAttribute("data-status"), "Revoked");
    assert.match(await page.getByTestId("revoked").innerText(), /Revoked on \d\d-\d\d-\d{4} \d\d:\d\d IST, reason code 7/);
    assert.match(await r.locator("ol.history").innerText(), /Certificate revoked/);
    assert.match(await page.getByTestId("how").innerText(), /finalized/);
    await axe(page, "verify (revoked)");
    await screens(page, "verify-revoked");
    await page.close();
  });

  test("a status as of a date before the certificate was issued is 'not yet issued'", async () => {
    const n = await seededCertificate("Haldia Agro Foods cold store", "TRADE_LICENCE");
    const { page } = await newPage(browser);
    await open(page, "verify");
    await page.locator('input[name="certificate"]').fill(String(n));
    await page.locator('input[name="asof"]').fill("01-01-2020");
    await page.getByRole("button", { name: "Verify", exact: true }).click();
    const r = page.getByTestId("verify-result");
    await r.waitFor({ timeout: 30_000 });
    assert.equal(await r.getAttribute("data-status"), "NotYetIssued");
    assert.match(await r.innerText(), /Status as of 01-01-2020 23:59 IST/);
    // A malformed date is refused in the page.
    await page.locator('input[name="asof"]').fill("2020-01-01");
    await page.getByRole("button", { name: "Verify", exact: true }).click();
    await page.getByText("Write the date as DD-MM-YYYY.").waitFor();
    await page.close();
  });

  test("an unknown certificate number says so", async () => {
    const { page } = await newPage(browser);
    await open(page, "verify/99999");
    await page.getByText("Not found on the chain.").waitFor({ timeout: 30_000 });
    await page.close();
  });

  test("an auditor verifies an audit trail in the browser against the on-chain head", async () => {
    const { page } = await newPage(browser);
    await open(page, "audit/application:0");
    await page.getByTestId("trail").waitFor({ timeout: 30_000 });
    await page.getByRole("button", { name: "Verify the whole trail" }).click();
    const res = page.getByTestId("audit-result");
    await res.waitFor({ timeout: 60_000 });
    assert.equal(await res.getAttribute("data-ok"), "true", await res.innerText());
    assert.match(await res.innerText(), /read proof, checked in this browser against that state root/);
    assert.match(await res.innerText(), /equal to the head on chain/);
    await axe(page, "audit (verified)");
    await screens(page, "audit-verified");
    // A longer trail, paged: the enterprise's.
    await open(page, "audit/case:0");
    await page.getByRole("button", { name: "Verify the whole trail" }).click();
    await page.getByTestId("audit-result").waitFor({ timeout: 60_000 });
    assert.equal(await page.getByTestId("audit-result").getAttribute("data-ok"), "true");
    await page.close();
  });
});
