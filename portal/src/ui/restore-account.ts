/** Remember who acts for this browser tab (never a key: a development path or an address). */
import { acting, type Acting } from "../chain/lazy";

const KEY = "clearance.acting";

interface Saved {
  source: "dev" | "extension";
  name: string;
  address: string;
  extension?: string;
}

export function remember(a: Omit<Acting, "roles" | "signer"> | null): void {
  try {
    if (!a) sessionStorage.removeItem(KEY);
    else
      sessionStorage.setItem(
        KEY,
        JSON.stringify({ source: a.source, name: a.name, address: a.address, extension: a.extension } satisfies Saved),
      );
  } catch {
    /* not remembered */
  }
}

/** Re-select the account chosen earlier in this tab. */
export async function restore(c: typeof import("../chain/connection")): Promise<void> {
  let saved: Saved | null = null;
  try {
    saved = JSON.parse(sessionStorage.getItem(KEY) ?? "null") as Saved | null;
  } catch {
    return;
  }
  if (!saved || acting.get()) return;
  try {
    if (saved.source === "dev") {
      const info = await c.chainInfo();
      if (!info.isDevelopment) return;
      const { devAccount } = await import("../chain/dev-accounts");
      const a = devAccount(saved.name, info.ss58Format);
      const roles = await c.rpc.account(a.address).catch(() => null);
      // Someone may have chosen an account meanwhile: theirs wins.
      if (acting.get()) return;
      acting.set({ name: a.name, address: a.address, source: "dev", signer: a.signer, roles });
    } else if (saved.extension) {
      const m = await import("polkadot-api/pjs-signer");
      if (!m.getInjectedExtensions().includes(saved.extension)) return;
      const ext = await m.connectInjectedExtension(saved.extension, "Clearance Registry");
      const acc = ext.getAccounts().find((x) => x.address === saved!.address);
      if (!acc) return;
      const roles = await c.rpc.account(acc.address).catch(() => null);
      if (acting.get()) return;
      acting.set({
        name: saved.name,
        address: acc.address,
        source: "extension",
        extension: saved.extension,
        signer: acc.polkadotSigner,
        roles,
      });
    }
  } catch {
    /* stay read-only */
  }
}
