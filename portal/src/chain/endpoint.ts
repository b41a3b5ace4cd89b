/**
 * Which node the portal talks to: `?rpc=ws://…` on the address (remembered), else the last one
 * used, else the build's default (`VITE_RPC_URL`, or ws://127.0.0.1:9944).
 */
const KEY = "clearance.rpc";
const DEFAULT: string = import.meta.env.VITE_RPC_URL ?? "ws://127.0.0.1:9944";

function valid(url: string | null): url is string {
  return !!url && /^wss?:\/\/[^\s]+$/.test(url);
}

export function endpoint(): string {
  const fromUrl = new URLSearchParams(location.search).get("rpc");
  if (valid(fromUrl)) {
    try {
      localStorage.setItem(KEY, fromUrl);
    } catch {
      /* not remembered */
    }
    return fromUrl;
  }
  try {
    const stored = localStorage.getItem(KEY);
    if (valid(stored)) return stored;
  } catch {
    /* no storage */
  }
  return DEFAULT;
}

/** Use another node: remembered, then the page reloads. */
export function switchEndpoint(url: string): boolean {
  if (!valid(url)) return false;
  try {
    localStorage.setItem(KEY, url);
  } catch {
    return false;
  }
  const u = new URL(location.href);
  u.searchParams.delete("rpc");
  location.replace(u.toString());
  return true;
}
