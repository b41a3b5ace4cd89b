/**
 * The whole workflow through the portal, as people would do it:
 *  - an industrialist (Barasat Textiles, owner //Ferdie//stash) anchors documents, applies for
 *    three clearance types and tracks them;
 *  - an officer takes a case, raises a query; the industrialist responds; the officer approves;
 *  - the industrialist's tracker, left open, follows every step without reloading;
 *  - the certificate is verified by number, and by decoding its QR code from a screenshot and
 *    opening the link;
 *  - refused actions (an unknown parcel, a missing document) show the runtime's error by name and
 *    explanation, and nothing is recorded.
 */
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { PNG } from "pngjs";
import jsQR from "jsqr";
import type { Browser, Page } from "playwright-core";
import { actAs, axe, chain, file, go, launch, newPage, open, screens } from "./lib.ts";

const OWNER = "//Ferdie//stash"; // Barasat Textiles (seeded without applications)
const PARCEL = "WB24BAR0000510";
const OTHER_PARCEL = "WB24BAR0000511";

let browser: Browser;
let applicant: Page;
let officer: Page;
let tracker: Page;
const c = chain();
let enterprise: number;
let application: number;
let certificate: number;

async function applicationsCount(): Promise<number> {
  return (await c.rpc.applicationsOf(enterprise)).items.length;
}

async function caseCard(page: Page, clearance: string) {
  return page.locator(`article.case[data-clearance="${clearance}"]`);
}

async function waitState(page: Page, clearance: string, state: string, timeout = 30_000) {
  await page.locator(`article.case[data-clearance="${clearance}"] [data-state="${state}"]`).waitFor({ timeout });
}

before(async () => {
  browser = await launch();
  applicant = (await newPage(browser)).page;
  officer = (await newPage(browser)).page;
  tracker = (await newPage(browser)).page;
  const who = await c.rpc.account((await import("../../src/chain/dev-accounts.ts")).devAccount(OWNER).address);
  assert.ok(who.enterprise, "the seed registers Barasat Textiles");
  enterprise = who.enterprise.id;
});

after(async () => {
  await browser?.close();
  c.destroy();
});

describe("industrialist and officer", () => {
  test("the industrialist anchors documents (hashed in the browser, never uploaded)", async () => {
    await open(applicant, "apply");
    await actAs(applicant, OWNER);
    await applicant.getByTestId("acting-for").waitFor();
    const uploads: string[] = [];
    applicant.on("request", (r) => {
      if (r.method() !== "GET") uploads.push(r.url());
    });
    for (const [kind, body] of [
      ["SALE_DEED", "Barasat Textiles sale deed, plot 510 (test)"],
      ["SITE_PLAN", "Barasat Textiles site plan, plot 510 (test)"],
      ["BUILDING_DRAWINGS", "Barasat Textiles building drawings (test)"],
    ] as const) {
      await applicant.locator('input[name="anchor-file"]').setInputFiles(file(`${kind}.pdf`, body));
      await applicant.getByTestId("file-hash").waitFor();
      const expected = `0x${(await import("node:crypto")).createHash("sha256").update(body).digest("hex")}`;
      assert.equal(await applicant.getByTestId("file-hash").getAttribute("data-hash"), expected);
      await applicant.locator('select[name="anchor-kind"]').selectOption(kind);
      await applicant.getByRole("button", { name: "Anchor the document" }).click();
      await applicant.locator('[data-tx="ok"]', { hasText: "Document anchored" }).first().waitFor({ timeout: 30_000 });
      await applicant.locator(`[data-testid="my-docs"] li[data-kind="${kind}"]`).waitFor();
      // The next anchor's outcome must be its own.
      await applicant.reload();
      await applicant.getByTestId("acting-for").waitFor();
    }
    assert.deepEqual(uploads, [], "no file left the browser over HTTP");
    await axe(applicant, "apply (with documents)");
  });

  test("a refused action shows the runtime's error by name and explanation; nothing is recorded", async () => {
    const before = await applicationsCount();
    // Unknown parcel.
    await applicant.locator('input[name="project"]').fill("Barasat Textiles dyeing unit");
    await applicant.locator('input[name="sector"]').fill("Textiles");
    await applicant.locator('textarea[name="other-parcels"]').fill("WB99ZZZ9999999");
    await applicant.locator('input[name="types"][value="TRADE_LICENCE"]').check();
    await applicant.getByRole("button", { name: "Submit the application" }).click();
    const refused = applicant.locator('[data-tx="refused"]');
    await refused.waitFor({ timeout: 30_000 });
    assert.equal(await refused.getAttribute("data-error"), "Clearances.UnknownParcel");
    assert.match(await refused.locator(".error-docs").innerText(), /parcel is not in the land records/i);
    assert.match(await refused.innerText(), /Nothing was recorded on the chain/);
    assert.equal(await applicationsCount(), before, "no application recorded");
    await screens(applicant, "refused-unknown-parcel");

    // A document the catalogue requires is missing: the portal warns, the runtime refuses.
    await applicant.reload();
    await applicant.getByTestId("acting-for").waitFor();
    await applicant.locator('input[name="project"]').fill("Barasat Textiles warehouse");
    await applicant.locator('input[name="sector"]').fill("Textiles");
    await applicant.locator(`input[name="parcels"][value="${OTHER_PARCEL}"]`).check();
    await applicant.locator('input[name="types"][value="LAND_USE_CONVERSION"]').check();
    const warning = applicant.getByTestId("checks").locator('li[data-level="bad"]');
    await warning.first().waitFor();
    assert.match(await warning.allInnerTexts().then((x) => x.join("\n")), /Sale deed/);
    await applicant.getByRole("button", { name: "Submit the application" }).click();
    await refused.waitFor({ timeout: 30_000 });
    assert.equal(await refused.getAttribute("data-error"), "Clearances.MissingDocument");
    assert.match(await refused.locator(".error-docs").innerText(), /document kind .* is missing/i);
    assert.equal(await applicationsCount(), before, "no application recorded");
    await axe(applicant, "apply (refused)");
  });

  test("the industrialist applies for three clearance types", async () => {
    await applicant.reload();
    await applicant.getByTestId("acting-for").waitFor();
    await applicant.locator('input[name="project"]').fill("Barasat Textiles spinning mill");
    await applicant.locator('input[name="sector"]').fill("Textiles");
    await applicant.locator('select[name="investment"]').selectOption("Small");
    await applicant.locator(`input[name="parcels"][value="${PARCEL}"]`).check();
    for (const t of ["LAND_USE_CONVERSION", "BUILDING_PLAN", "TRADE_LICENCE"]) {
      await applicant.locator(`input[name="types"][value="${t}"]`).check();
    }
    // The catalogue explains what each type needs before anything is sent.
    const checks = applicant.getByTestId("checks");
    assert.match(await checks.innerText(), /Sale deed/);
    for (const box of await applicant.locator('input[name="documents"]').all()) await box.check();
    await applicant.locator('li.good', { hasText: "Everything the catalogue asks for is there" }).waitFor();
    assert.match(await checks.innerText(), /will wait until Land-use conversion is approved/);
    await screens(applicant, "apply-ready");
    await applicant.getByRole("button", { name: "Submit the application" }).click();
    const link = applicant.getByTestId("submitted-link");
    await link.waitFor({ timeout: 30_000 });
    application = Number((await link.getAttribute("href"))!.split("/").pop());
    const app = await c.rpc.application(application);
    assert.deepEqual(app.cases.map((x) => [x.clearance, x.state]), [
      ["LAND_USE_CONVERSION", "Submitted"],
      ["BUILDING_PLAN", "Waiting"],
      ["TRADE_LICENCE", "Submitted"],
    ]);
  });

  test("the industrialist tracks the application: who holds each case, time left, timeline", async () => {
    await open(tracker, `application/${application}`);
    await tracker.locator("article.case").nth(2).waitFor();
    const luc = await caseCard(tracker, "LAND_USE_CONVERSION");
    assert.match(await luc.getByTestId("holder").innerText(), /Land & Land Reforms, not yet taken/);
    assert.match(await luc.getByTestId("dept-left").innerText(), /days/);
    assert.match(await luc.locator(".consequence").innerText(), /goes to the head of Land & Land Reforms/);
    const bp = await caseCard(tracker, "BUILDING_PLAN");
    assert.match(await bp.getByTestId("holder").innerText(), /waiting for prerequisite/);
    const tl = await caseCard(tracker, "TRADE_LICENCE");
    assert.match(await tl.locator(".consequence").innerText(), /deemed approved/);
    await tracker.locator('[data-testid="timeline"] tr[data-action="ApplicationSubmitted"]').waitFor();
    assert.equal(await tracker.locator('[data-testid="timeline"] tr[data-action="CaseOpened"]').count(), 2);
    await axe(tracker, "tracker");
    await screens(tracker, "tracker-submitted");
  });

  test("officer takes the case and raises a query; the tracker follows without reloading", async () => {
    const luc = (await c.rpc.application(application)).cases.find((x) => x.clearance === "LAND_USE_CONVERSION")!;
    await tracker.evaluate(() => ((window as unknown as { marker: number }).marker = 42));
    await open(officer, "queue/LAND");
    await actAs(officer, "//Eve");
    await officer.locator(`tr[data-case="${luc.id}"] a`).first().click();
    await officer.getByRole("button", { name: "Take the case for scrutiny" }).click();
    await officer.locator('[data-tx="ok"]').waitFor({ timeout: 30_000 });
    await waitState(tracker, "LAND_USE_CONVERSION", "UnderScrutiny");
    assert.match(await tracker.getByTestId("announce").innerText(), new RegExp(`Application ${application} changed at block`));
    await officer.locator('textarea[name="query"]').waitFor();
    await officer.locator('textarea[name="query"]').fill("Attach the mutation record of plot 510.");
    await officer.getByRole("button", { name: "Raise the query" }).click();
    await officer.locator('[data-tx="ok"]', { hasText: "Query raised" }).waitFor({ timeout: 30_000 });
    await waitState(tracker, "LAND_USE_CONVERSION", "QueryRaised");
    const card = await caseCard(tracker, "LAND_USE_CONVERSION");
    assert.match(await card.getByTestId("holder").innerText(), /The applicant/);
    assert.match(await card.getByTestId("resp-left").innerText(), /days/);
    assert.match(await card.locator(".consequence").innerText(), /lapses/);
    assert.equal(await tracker.evaluate(() => (window as unknown as { marker?: number }).marker), 42, "the tracker did not reload");
    await axe(officer, "case (officer)");
    await screens(officer, "case-officer");
  });

  test("the industrialist responds to the query from the tracker", async () => {
    await open(applicant, `application/${application}`);
    await applicant.locator('textarea[name^="respond-"]').waitFor();
    await applicant.locator('textarea[name^="respond-"]').fill("The mutation record is attached.");
    await applicant.getByRole("button", { name: "Send the response" }).click();
    await applicant.locator('[data-tx="ok"]', { hasText: "Response recorded" }).waitFor({ timeout: 30_000 });
    await waitState(tracker, "LAND_USE_CONVERSION", "Responded");
    // The response's hash can be checked against its text.
    const card = await caseCard(tracker, "LAND_USE_CONVERSION");
    await card.locator("details.hashcheck").nth(1).locator("summary").click();
    await card.locator("details.hashcheck").nth(1).locator("textarea").fill("The mutation record is attached.");
    await card.locator("details.hashcheck").nth(1).getByRole("button", { name: "Check" }).click();
    await card.locator(".good", { hasText: "The text matches" }).waitFor();
  });

  test("the approving authority approves with a conditions file; the tracker shows the certificate", async () => {
    const luc = (await c.rpc.application(application)).cases.find((x) => x.clearance === "LAND_USE_CONVERSION")!;
    await open(officer, `case/${luc.id}`);
    await officer.locator(".actas > button").click();
    await officer.locator("#account-panel select").selectOption("//Alice//stash");
    await officer.locator("#account-panel button.primary").click();
    await officer.locator(".actas > button", { hasText: "//Alice//stash" }).waitFor();
    await officer.locator('input[name="conditions-file"]').setInputFiles(file("conditions.pdf", "Conversion to industrial use; 10 m green belt (test)."));
    await officer.getByTestId("conditions-hash").waitFor();
    await officer.getByRole("button", { name: "Approve and issue the certificate" }).click();
    const ok = officer.locator('[data-tx="ok"]', { hasText: "Approved in block" });
    await ok.waitFor({ timeout: 30_000 });
    certificate = Number(/certificate (\d+)/.exec(await ok.innerText())![1]);
    await waitState(tracker, "LAND_USE_CONVERSION", "Approved");
    // The building plan was waiting for the conversion: it opens at its department.
    await waitState(tracker, "BUILDING_PLAN", "Submitted");
    const card = await caseCard(tracker, "LAND_USE_CONVERSION");
    assert.equal(await card.getByTestId("cert-link").innerText(), `Certificate ${certificate}`);
    assert.equal(await tracker.evaluate(() => (window as unknown as { marker?: number }).marker), 42, "still no reload");
    await tracker.locator('[data-testid="timeline"] tr[data-action="CertificateIssued"]').waitFor();
    for (const action of ["CaseTaken", "QueryRaised", "QueryResponded", "CaseApproved"]) {
      assert.equal(await tracker.locator(`[data-testid="timeline"] tr[data-action="${action}"]`).count(), 1, action);
    }
    await screens(tracker, "tracker-approved");
  });

  test("the certificate is verified by number", async () => {
    const p = (await newPage(browser)).page;
    await open(p, "verify");
    await p.locator('input[name="certificate"]').fill(String(certificate));
    await p.getByRole("button", { name: "Verify", exact: true }).click();
    const r = p.getByTestId("verify-result");
    await r.waitFor({ timeout: 30_000 });
    assert.equal(await r.getAttribute("data-status"), "Valid");
    assert.match(await p.getByTestId("how").innerText(), /Through the connected node/);
    assert.match(await r.innerText(), /Land & Land Reforms/);
    assert.match(await r.innerText(), /Barasat Textiles/);
    await axe(p, "verify (valid)");
    await screens(p, "verify-valid");
    await p.close();
  });

  test("the certificate is verified by decoding its QR code from a screenshot", async () => {
    const p = (await newPage(browser)).page;
    await open(p, `verify/${certificate}`);
    const qr = p.locator("svg.qr");
    await qr.waitFor({ timeout: 30_000 });
    const png = PNG.sync.read(await qr.screenshot());
    const decoded = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
    assert.ok(decoded, "the QR code decodes");
    assert.match(decoded.data, new RegExp(`#/verify/${certificate}$`));
    // Open the link the QR code carries (in a new tab of the same browser, which knows its node).
    const q = await p.context().newPage();
    await q.goto(decoded.data);
    await q.getByTestId("verify-result").waitFor({ timeout: 30_000 });
    assert.equal(await q.getByTestId("verify-result").getAttribute("data-status"), "Valid");
    assert.match(await q.locator("h2#result-title").innerText(), new RegExp(`Certificate ${certificate}`));
    await p.close();
    await q.close();
  });

  test("the tracker keeps working after a navigation away and back", async () => {
    await go(tracker, "dashboard");
    await go(tracker, `application/${application}`);
    await waitState(tracker, "LAND_USE_CONVERSION", "Approved");
  });
});
