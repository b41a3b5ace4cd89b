// The three catalogues: the same keys, the same placeholders, no empty or untranslated text.
import { test } from "node:test";
import assert from "node:assert/strict";
import en from "../../src/i18n/en.ts";
import bn from "../../src/i18n/bn.ts";
import hi from "../../src/i18n/hi.ts";

type Tree = { [k: string]: string | Tree };
function flat(t: Tree, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(t)) {
    if (typeof v === "string") out.set(prefix + k, v);
    else for (const [kk, vv] of flat(v, `${prefix}${k}.`)) out.set(kk, vv);
  }
  return out;
}
const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort().join(",");
const E = flat(en as unknown as Tree);

for (const [name, cat] of [["bn", bn], ["hi", hi]] as const) {
  test(`${name}: same keys and placeholders as English`, () => {
    const C = flat(cat as unknown as Tree);
    assert.deepEqual([...C.keys()].sort(), [...E.keys()].sort());
    for (const [k, v] of E) {
      const t = C.get(k)!;
      assert.ok(t.trim().length > 0, `${name}.${k} is empty`);
      assert.equal(placeholders(t), placeholders(v), `${name}.${k}: placeholders`);
    }
  });

  test(`${name}: written in its own script`, () => {
    const C = flat(cat as unknown as Tree);
    const script = name === "bn" ? /[\u0980-\u09FF]/ : /[\u0900-\u097F]/;
    // Codes, formats and pure placeholders may stay Latin; everything else is translated.
    const latinOnly = [...C].filter(([, v]) => !script.test(v) && /[a-z]{3,}/.test(v.replace(/\{\w+\}/g, "")));
    assert.deepEqual(latinOnly, []);
    const same = [...C].filter(([k, v]) => v === E.get(k) && /[a-z]{4,}/.test(v.replace(/\{\w+\}/g, "")));
    assert.deepEqual(same, [], "untranslated English");
  });
}
