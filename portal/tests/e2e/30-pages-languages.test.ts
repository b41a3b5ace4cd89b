/**
 * Every page in English, Bengali and Hindi: axe-core (WCAG 2.1 A and AA) with zero violations,
 * `<html lang>` switched, the page's texts from that language's catalogue, nothing wider than a
 * 360 px screen, and screenshots at 360 and 1280 px. Also: the language switch is visible and
 * works from the keyboard, and the skip link reaches the main content.
 */
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import type { Browser, Page } from "playwright-core";
import { actAs, axe, chain, launch, newPage, open, screens } from "./lib.ts";
import en from "../../src/i18n/en.ts";
import bn from "../../src/i18n/bn.ts";
import hi from "../../src/i18n/hi.ts";

const LANGS = { en, bn, hi } as const;
let browser: Browser;
const c = chain();
const counts: Record<string, number> = {};

/** Pages, each with what shows it is loaded, and the account it needs (if any). */
function pages(m: typeof en): { name: string; route: string; ready: string; title: string; as?: string }[] {
  return [
    { name: "home", route: "", ready: '[data-testid="chain-status"] [data-status="connected"]', title: m.home.title },
    { name: "track", route: "track/0", ready: '[data-testid^="app-link-"]', title: m.track.title },
    { name: "application", route: "application/0", ready: '[data-testid="timeline"]', title: m.track.appTitle.replace("{id}", "0").replace(" {name}", "") },
    { name: "apply", route: "apply", ready: '[data-testid="checks"]', title: m.apply.title, as: "//One" },
    { name: "verify", route: "verify/0", ready: '[data-testid="verify-result"]', title: m.verify.title },
    { name: "queue", route: "queue/LAND", ready: '[data-testid="case-table"]', title: m.queue.title },
    { name: "case", route: "case/0", ready: "ol.history li", title: m.case.title.replace(": {type}", "").replace("{id}", "0") },
    { name: "parcel", route: "parcel/WB19KOL0004321", ready: "ol.history li", title: m.parcel.title.replace("{ulpin}", "WB19KOL0004321") },
    { name: "dashboard", route: "dashboard", ready: 'section.board[data-department="LAND"] svg', title: m.dashboard.title },
    { name: "audit", route: "audit/case:0", ready: '[data-testid="trail"]', title: m.audit.title },
  ];
}

before(async () => {
  browser = await launch();
});
after(async () => {
  writeFileSync("test-results/axe.json", JSON.stringify(counts, null, 2));
  await browser?.close();
  c.destroy();
});

describe("every page in every language", () => {
  for (const [lang, m] of Object.entries(LANGS)) {
    test(`${lang}: axe-core, lang attribute, catalogue texts, 360 px`, async () => {
      const { page } = await newPage(browser);
      await open(page, "", lang);
      for (const p of pages(m as typeof en)) {
        if (p.as) await actAs(page, p.as);
        await page.evaluate((r) => (location.hash = `#/${r}`), p.route);
        await page.locator(p.ready).first().waitFor({ timeout: 30_000 });
        await page.waitForTimeout(200);
        assert.equal(await page.getAttribute("html", "lang"), lang, `${p.name}: <html lang>`);
        const h1 = await page.locator("#page-title").innerText();
        assert.ok(h1.includes(p.title), `${p.name} (${lang}): heading "${h1}" should contain "${p.title}"`);
        assert.ok((await page.locator("nav").innerText()).includes((m as typeof en).nav.verify), `${p.name}: menu in ${lang}`);
        counts[`${p.name}/${lang}`] = await axe(page, `${p.name} (${lang})`);
        await screens(page, `${p.name}-${lang}`);
      }
      await page.close();
    });
  }

  test("the language switch is visible, keyboard-operable, and switches lang", async () => {
    const { page } = await newPage(browser);
    await open(page, "verify/0", "en");
    const bnButton = page.getByRole("button", { name: "বাংলা" });
    assert.ok(await bnButton.isVisible());
    await bnButton.focus();
    await page.keyboard.press("Enter");
    await page.locator("#page-title", { hasText: bn.verify.title }).waitFor();
    assert.equal(await page.getAttribute("html", "lang"), "bn");
    assert.equal(await bnButton.getAttribute("aria-pressed"), "true");
    // Remembered across a reload.
    await page.reload();
    await page.locator("#page-title", { hasText: bn.verify.title }).waitFor();
    await page.getByRole("button", { name: "हिन्दी" }).click();
    await page.locator("#page-title", { hasText: hi.verify.title }).waitFor();
    assert.equal(await page.getAttribute("html", "lang"), "hi");
    await page.getByRole("button", { name: "English" }).click();
    await page.close();
  });

  test("skip link, landmarks, and read-only use without any wallet", async () => {
    const { page } = await newPage(browser);
    await open(page, "", "en");
    await page.keyboard.press("Tab");
    const skip = page.locator("a.skip");
    assert.equal(await skip.evaluate((e) => e === document.activeElement), true, "the skip link comes first");
    await page.keyboard.press("Enter");
    assert.equal(await page.evaluate(() => document.activeElement?.id), "main");
    for (const role of ["banner", "navigation", "main", "contentinfo"]) {
      assert.equal(await page.getByRole(role as "main").count(), 1, `one ${role} landmark`);
    }
    // No wallet, no account: reading works everywhere (the queue lists cases).
    await page.evaluate(() => (location.hash = "#/queue/LAND"));
    await page.getByTestId("case-table").waitFor({ timeout: 30_000 });
    await page.close();
  });

  test("dates are DD-MM-YYYY in IST", async () => {
    const { page } = await newPage(browser);
    await open(page, "application/0", "en");
    await page.getByTestId("timeline").waitFor({ timeout: 30_000 });
    const times = await page.locator('[data-testid="timeline"] time').allInnerTexts();
    assert.ok(times.length > 0);
    for (const t of times) assert.match(t, /^\d\d-\d\d-\d{4} \d\d:\d\d IST$/);
    await page.close();
  });
});

export type { Page };
