/**
 * The other officer actions on seeded data: reject with reasons, renew and revoke a certificate,
 * freeze a parcel by court order (its live cases are suspended) and lift the freeze.
 */
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import type { Browser, Page } from "playwright-core";
import { actAs, axe, chain, file, launch, newPage, open, screens } from "./lib.ts";
import { devAccount } from "../../src/chain/dev-accounts.ts";

let browser: Browser;
let page: Page;
const c = chain();

async function applicationOf(owner: string, project: string) {
  const who = await c.rpc.account(devAccount(owner).address);
  const apps = await c.rpc.applicationsOf(who.enterprise!.id);
  return c.rpc.application(apps.items.find((a) => a.project.name === project)!.id);
}

async function switchTo(name: string) {
  await page.locator(".actas > button").click();
  await page.locator("#account-panel select").selectOption(name);
  await page.locator("#account-panel button.primary").click();
  await page.locator(".actas > button", { hasText: name }).waitFor();
}

before(async () => {
  browser = await launch();
  page = (await newPage(browser)).page;
});
after(async () => {
  await browser?.close();
  c.destroy();
});

describe("officer actions", () => {
  test("an approving authority rejects a case with a reason code and reasoning", async () => {
    const app = await applicationOf("//One", "Rajarhat Steel Works");
    const cte = app.cases.find((x) => x.clearance === "CONSENT_TO_ESTABLISH")!;
    assert.equal(cte.state, "UnderScrutiny");
    await open(page, `case/${cte.id}`);
    await actAs(page, "//Bob//stash");
    await page.locator('input[name="reject-reason"]').fill("4");
    await page.locator('textarea[name="reject-reasoning"]').fill("The project report does not assess effluent treatment.");
    await page.getByRole("button", { name: "Reject the case" }).click();
    await page.locator('[data-tx="ok"]', { hasText: "Rejected in block" }).waitFor({ timeout: 30_000 });
    const after = await c.rpc.case(cte.id);
    assert.equal(after.state, "Rejected");
    assert.equal(after.decision?.reason, 4);
  });

  test("an approving authority renews a certificate, then revokes the renewal", async () => {
    const app = await applicationOf("//One", "Rajarhat Steel Works");
    const old = app.cases.find((x) => x.clearance === "TRADE_LICENCE")!.decision!.certificate!;
    await open(page, `verify/${old}`);
    await switchTo("//Charlie//stash");
    await page.locator('input[name="renew-file"]').setInputFiles(file("renewal.pdf", "Renewal conditions (test)."));
    await page.getByRole("button", { name: "Renew the certificate" }).click();
    await page.locator('[data-tx="ok"]', { hasText: "Certificate renewed" }).waitFor({ timeout: 30_000 });
    const renewed = (await c.rpc.certificate(old)).renewedBy!;
    assert.ok(renewed > old);
    await page.locator(`a[href="#/verify/${renewed}"]`).first().waitFor({ timeout: 30_000 });
    await open(page, `verify/${renewed}`);
    await page.getByTestId("verify-result").waitFor({ timeout: 30_000 });
    await page.locator('input[name="revoke-reason"]').fill("9");
    await page.locator('textarea[name="revoke-reasoning"]').fill("Licence obtained on a false declaration (test).");
    await page.getByRole("button", { name: "Revoke the certificate" }).click();
    await page.locator('[data-tx="ok"]', { hasText: "Certificate revoked" }).waitFor({ timeout: 30_000 });
    await page.locator('[data-testid="verify-result"][data-status="Revoked"]').waitFor({ timeout: 30_000 });
    assert.equal((await c.rpc.certificate(renewed)).status, "Revoked");
    await axe(page, "verify (officer, revoked)");
  });

  test("a Land approving authority freezes a parcel by court order; its live case is suspended; then lifts it", async () => {
    const parcel = "WB11HAL0000077";
    const app = await applicationOf("//Two", "Haldia Agro Foods");
    const luc = app.cases.find((x) => x.clearance === "LAND_USE_CONVERSION")!;
    await open(page, `parcel/${parcel}`);
    await switchTo("//Alice//stash");
    await page.locator('input[name="order-file"]').setInputFiles(file("order.pdf", "High Court order W.P. 1234/2026 (test)."));
    await page.getByRole("button", { name: "Freeze the parcel" }).click();
    await page.locator('[data-tx="ok"]', { hasText: "Parcel frozen" }).waitFor({ timeout: 30_000 });
    await page.getByTestId("frozen").filter({ hasText: "Frozen by a court order" }).waitFor({ timeout: 30_000 });
    assert.equal((await c.rpc.case(luc.id)).suspended, true);
    await screens(page, "parcel-frozen");
    // The applicant's tracker says why the clock stopped.
    const t = (await newPage(browser)).page;
    await open(t, `application/${app.id}`);
    const card = t.locator('article.case[data-clearance="LAND_USE_CONVERSION"]');
    await card.locator(".consequence", { hasText: "court freeze" }).waitFor({ timeout: 30_000 });
    assert.match(await card.getByTestId("holder").innerText(), /suspended by a court freeze/);
    // Lift the freeze.
    await page.locator('input[name="order-file"]').setInputFiles(file("order-lifted.pdf", "Order vacated (test)."));
    await page.getByRole("button", { name: "Lift the freeze" }).click();
    await page.locator('[data-tx="ok"]', { hasText: "Freeze lifted" }).waitFor({ timeout: 30_000 });
    await card.locator(".consequence", { hasText: "lapses" }).waitFor({ timeout: 30_000 });
    assert.equal((await c.rpc.case(luc.id)).suspended, false);
    await t.close();
  });
});
