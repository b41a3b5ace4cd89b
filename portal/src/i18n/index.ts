/**
 * Messages: one catalogue per language (en.ts, bn.ts, hi.ts), each with exactly the keys of the
 * English one (checked by TypeScript). English is bundled; Bengali and Hindi load when chosen.
 */
import en from "./en";
import { store } from "../store";

export type Lang = "en" | "bn" | "hi";
export const LANGS: { code: Lang; name: string }[] = [
  { code: "en", name: "English" },
  { code: "bn", name: "বাংলা" },
  { code: "hi", name: "हिन्दी" },
];

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };
/** The shape every catalogue has. */
export type Messages = Widen<typeof en>;
type Paths<T, P extends string = ""> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Paths<T[K], `${P}${K}.`>;
}[keyof T & string];
/** A message key, such as `nav.track`. */
export type Key = Paths<Messages>;

const catalogues: Partial<Record<Lang, Messages>> = { en };
const STORAGE_KEY = "clearance.lang";

function initial(): Lang {
  const fromUrl = new URLSearchParams(location.search).get("lang");
  const stored = (() => {
    try {
      return localStorage.getItem(STORAGE_KEY);
    } catch {
      return null;
    }
  })();
  const pick = fromUrl ?? stored;
  return pick === "bn" || pick === "hi" ? pick : "en";
}

/** The language shown. */
export const lang = store<Lang>("en");

async function load(l: Lang): Promise<Messages> {
  const have = catalogues[l];
  if (have) return have;
  const m = l === "bn" ? (await import("./bn")).default : (await import("./hi")).default;
  catalogues[l] = m;
  return m;
}

/** Switch the language: loads its catalogue, sets `<html lang>`, remembers the choice. */
export async function setLang(l: Lang): Promise<void> {
  await load(l);
  document.documentElement.lang = l;
  // A `?lang=` on the address was only the first choice: the switch wins from now on.
  const u = new URL(location.href);
  if (u.searchParams.get("lang") && u.searchParams.get("lang") !== l) {
    u.searchParams.delete("lang");
    history.replaceState(history.state, "", u.toString());
  }
  try {
    localStorage.setItem(STORAGE_KEY, l);
  } catch {
    /* private mode: not remembered */
  }
  lang.set(l);
}

/** Load the remembered language before the first render. */
export async function initLang(): Promise<void> {
  const l = initial();
  if (l !== "en") await setLang(l);
  else document.documentElement.lang = "en";
}

function lookup(m: Messages | undefined, key: string): string | undefined {
  let v: unknown = m;
  for (const part of key.split(".")) {
    if (v && typeof v === "object") v = (v as Record<string, unknown>)[part];
    else return undefined;
  }
  return typeof v === "string" ? v : undefined;
}

function fill(text: string, params?: Record<string, string | number>): string {
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (all, name: string) =>
    name in params ? String(params[name]) : all,
  );
}

/** The message `key` in the current language, with `{name}` placeholders filled. */
export function t(key: Key, params?: Record<string, string | number>): string {
  const text = lookup(catalogues[lang.get()], key) ?? lookup(en, key) ?? key;
  return fill(text, params);
}

/** Whether the catalogue has a message for a key built at run time. */
export function has(key: string): boolean {
  return lookup(en, key) !== undefined;
}

/** `FIRE_NOC` → `Fire noc`: the last resort for a code no catalogue knows. */
export function prettify(code: string): string {
  const words = code
    .replace(/([a-z])([A-Z])/g, "$1 $2")
    .replace(/_/g, " ")
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export type Vocabulary =
  | "state"
  | "stateHelp"
  | "action"
  | "status"
  | "certStatus"
  | "clearance"
  | "docKind"
  | "role"
  | "landUse"
  | "investment"
  | "onSilence"
  | "deptKind"
  | "authority";

/**
 * A word of the chain's vocabulary (a case state, an action, a clearance code) in the current
 * language; a name the catalogue does not know yet (a new runtime) is shown as it is, prettified.
 */
export function tv(group: Vocabulary, name: string): string {
  const key = `vocab.${group}.${name}`;
  const text = lookup(catalogues[lang.get()], key) ?? lookup(en, key);
  return text ?? prettify(name);
}

/** Whether the catalogue knows a word of the vocabulary. */
export function knows(group: Vocabulary, name: string): boolean {
  return lookup(en, `vocab.${group}.${name}`) !== undefined;
}
