/**
 * A live deemed approval: DEMO_QUICK_NOC (development chains only) has a one-minute limit and
 * deemed approval. The tracker says what happens when the limit runs out, then shows the runtime
 * granting the clearance by itself, without a reload.
 */
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import type { Browser } from "playwright-core";
import { actAs, launch, newPage, open, screens } from "./lib.ts";

let browser: Browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

test("the runtime deems a silent case approved, and the tracker shows it live", async () => {
  const { page } = await newPage(browser);
  await open(page, "apply");
  await actAs(page, "//Ferdie//stash");
  await page.getByTestId("acting-for").waitFor();
  await page.locator('input[name="project"]').fill("Barasat Textiles canteen");
  await page.locator('input[name="sector"]').fill("Textiles");
  await page.locator('input[name="parcels"][value="WB24BAR0000511"]').check();
  await page.locator('input[name="types"][value="DEMO_QUICK_NOC"]').check();
  await page.getByRole("button", { name: "Submit the application" }).click();
  await page.getByTestId("submitted-link").click();
  const card = page.locator('article.case[data-clearance="DEMO_QUICK_NOC"]');
  await card.waitFor({ timeout: 30_000 });
  assert.match(await card.locator(".consequence").innerText(), /If the department does not decide within (\d+ s|1 min).*deemed approved/);
  await page.evaluate(() => ((window as unknown as { marker: number }).marker = 7));
  await card.locator('[data-state="DeemedApproved"]').waitFor({ timeout: 120_000 });
  assert.match(await card.getByTestId("decision").innerText(), /Decided by the statute/);
  assert.match(await card.locator(".consequence").innerText(), /deemed approved by the statute/);
  assert.equal(await page.evaluate(() => (window as unknown as { marker?: number }).marker), 7, "no reload");
  await page.locator('[data-testid="timeline"] tr[data-action="CaseDeemedApproved"]').waitFor({ timeout: 30_000 });
  await screens(page, "tracker-deemed");
  await card.getByTestId("cert-link").click();
  await page.getByTestId("verify-result").waitFor({ timeout: 30_000 });
  assert.equal(await page.getByTestId("verify-result").getAttribute("data-status"), "Valid");
  await page.close();
});
