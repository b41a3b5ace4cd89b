/** Hash routes: `#/verify/12?asOf=31-12-2026`. Works with any static file server. */
import { store } from "./store";

export interface Route {
  /** Path segments: `["verify", "12"]`. */
  parts: string[];
  query: URLSearchParams;
}

function parse(): Route {
  const h = location.hash.replace(/^#\/?/, "");
  const [path = "", q = ""] = h.split("?");
  return {
    parts: path.split("/").filter(Boolean).map(decodeURIComponent),
    query: new URLSearchParams(q),
  };
}

export const route = store<Route>(parse());
addEventListener("hashchange", () => route.set(parse()));

/** `#/verify/12` for `href("verify", 12)`; a query object adds `?k=v`. */
export function href(...parts: (string | number | Record<string, string | undefined>)[]): string {
  const query = parts.find((p) => typeof p === "object") as Record<string, string | undefined> | undefined;
  const path = parts
    .filter((p) => typeof p !== "object")
    .map((p) => encodeURIComponent(String(p)))
    .join("/");
  const q = query
    ? new URLSearchParams(
        Object.entries(query).filter((e): e is [string, string] => e[1] !== undefined && e[1] !== ""),
      ).toString()
    : "";
  return `#/${path}${q ? `?${q}` : ""}`;
}

export function navigate(to: string): void {
  if (location.hash === to) route.set(parse());
  else location.hash = to;
}

/** An absolute link to a route of this portal (for QR codes). */
export function absolute(to: string): string {
  const u = new URL(location.href);
  u.search = "";
  u.hash = to.replace(/^#/, "");
  return u.toString();
}
