/**
 * Who acts: an account of a browser wallet extension (the injected-extension interface), or, on a
 * development chain only, a well-known development account. No key leaves the browser; the portal
 * has no server holding keys.
 */
import { useEffect, useState } from "preact/hooks";
import type { AccountView } from "@clearance/rpc";
import type { InjectedPolkadotAccount } from "polkadot-api/pjs-signer";
import { acting, chain, type Acting } from "../chain/lazy";
import { useStore } from "../store";
import { t, tv } from "../i18n";
import { shortAddress } from "../i18n/format";
import { useId } from "./components";
import { remember } from "./restore-account";

/** The roles of an account in words. */
export function describeRoles(v: AccountView | null): string {
  if (!v) return "";
  const parts: string[] = [];
  if (v.headOf) parts.push(t("account.headOf", { dept: v.headOf }));
  if (v.officerOf)
    parts.push(
      t("account.officerOf", {
        roles: v.officerOf.roles.map((r) => tv("role", r)).join(", "),
        dept: v.officerOf.department,
      }),
    );
  if (v.enterprise)
    parts.push(t(v.enterprise.owner ? "account.ownerOf" : "account.agentOf", { id: v.enterprise.id }));
  if (v.validatorOf) parts.push(t("account.validatorOf", { dept: v.validatorOf }));
  return parts.length ? parts.join("; ") : t("account.noRole");
}

async function use(a: Omit<Acting, "roles">): Promise<void> {
  const c = await chain();
  const roles = await c.rpc.account(a.address).catch(() => null);
  acting.set({ ...a, roles });
  remember(a);
}

function DevAccounts({ onClose }: { onClose: () => void }) {
  const [list, setList] = useState<{ name: string; address: string; roles: AccountView | null }[] | null>(null);
  const [pick, setPick] = useState("");
  const id = useId("dev");
  useEffect(() => {
    (async () => {
      const c = await chain();
      const { DEV_NAMES, devAccount } = await import("../chain/dev-accounts");
      const info = await c.chainInfo();
      const accounts = DEV_NAMES.map((n) => devAccount(n, info.ss58Format));
      const roles = await Promise.all(accounts.map((a) => c.rpc.account(a.address).catch(() => null)));
      setList(accounts.map((a, i) => ({ name: a.name, address: a.address, roles: roles[i] ?? null })));
      setPick(accounts[0]!.name);
    })();
  }, []);
  if (!list) return <p role="status">{t("common.loading")}</p>;
  return (
    <div class="field">
      <label for={id}>{t("account.dev")}</label>
      <select id={id} value={pick} onChange={(e) => setPick((e.currentTarget as HTMLSelectElement).value)}>
        {list.map((a) => (
          <option key={a.name} value={a.name}>
            {a.name} — {describeRoles(a.roles)}
          </option>
        ))}
      </select>
      <p class="help">{t("account.devNote")}</p>
      <button
        type="button"
        class="primary"
        onClick={async () => {
          const { devAccount } = await import("../chain/dev-accounts");
          const c = await chain();
          const info = await c.chainInfo();
          const a = devAccount(pick, info.ss58Format);
          await use({ name: a.name, address: a.address, source: "dev", signer: a.signer });
          onClose();
        }}
      >
        {t("account.choose")}
      </button>
    </div>
  );
}

function Extensions({ onClose }: { onClose: () => void }) {
  const [names, setNames] = useState<string[] | null>(null);
  const [accounts, setAccounts] = useState<{ ext: string; list: InjectedPolkadotAccount[] } | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    import("polkadot-api/pjs-signer").then((m) => setNames(m.getInjectedExtensions()));
  }, []);
  if (!names) return null;
  if (names.length === 0) return <p class="help">{t("account.noExtension")}</p>;
  return (
    <div>
      <ul class="plain">
        {names.map((n) => (
          <li key={n}>
            <button
              type="button"
              onClick={async () => {
                try {
                  const m = await import("polkadot-api/pjs-signer");
                  const ext = await m.connectInjectedExtension(n, "Clearance Registry");
                  setAccounts({ ext: n, list: ext.getAccounts() });
                } catch (e) {
                  setError(e instanceof Error ? e.message : String(e));
                }
              }}
            >
              {t("account.connectExtension", { name: n })}
            </button>
          </li>
        ))}
      </ul>
      {error && <p role="alert">{error}</p>}
      {accounts && (
        <ul class="plain">
          {accounts.list.map((a) => (
            <li key={a.address}>
              <button
                type="button"
                onClick={async () => {
                  await use({
                    name: a.name ?? shortAddress(a.address),
                    address: a.address,
                    source: "extension",
                    extension: accounts.ext,
                    signer: a.polkadotSigner,
                  });
                  onClose();
                }}
              >
                {a.name ?? ""} <code>{shortAddress(a.address)}</code>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

export function AccountPanel({ onClose }: { onClose: () => void }) {
  const who = useStore(acting);
  const [dev, setDev] = useState<boolean | null>(null);
  useEffect(() => {
    chain()
      .then((c) => c.chainInfo())
      .then((i) => setDev(i.isDevelopment), () => setDev(false));
  }, []);
  return (
    <section class="panel" aria-labelledby="account-panel-title">
      <h2 id="account-panel-title">{t("account.signedOutTitle")}</h2>
      {who && (
        <div class="notice">
          <p>{t("account.current", { name: who.name })}</p>
          <p>
            {t("account.roles")}: {describeRoles(who.roles)}
          </p>
          <button
            type="button"
            onClick={() => {
              acting.set(null);
              remember(null);
              onClose();
            }}
          >
            {t("account.signOut")}
          </button>
        </div>
      )}
      <h3>{t("account.extension")}</h3>
      <Extensions onClose={onClose} />
      {dev && (
        <>
          <h3>{t("account.dev")}</h3>
          <DevAccounts onClose={onClose} />
        </>
      )}
      <p>
        <button type="button" onClick={onClose}>
          {t("common.close")}
        </button>
      </p>
    </section>
  );
}
