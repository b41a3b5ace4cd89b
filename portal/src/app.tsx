import type { ComponentType } from "preact";
import { useEffect, useRef, useState } from "preact/hooks";
import { route, href, type Route } from "./router";
import { useStore } from "./store";
import { lang, LANGS, setLang, t, type Key } from "./i18n";
import { connection, acting } from "./chain/lazy";
import { Home } from "./pages/home";
import { Loading, ErrorBox } from "./ui/components";
import { shortAddress } from "./i18n/format";

export interface PageProps {
  route: Route;
}

type PageModule = { default: ComponentType<PageProps> };
const pages: Record<string, { load: () => Promise<PageModule>; nav?: Key; title: Key }> = {
  track: { load: () => import("./pages/track"), nav: "nav.track", title: "track.title" },
  application: { load: () => import("./pages/application"), title: "track.title" },
  apply: { load: () => import("./pages/apply"), nav: "nav.apply", title: "apply.title" },
  verify: { load: () => import("./pages/verify"), nav: "nav.verify", title: "verify.title" },
  queue: { load: () => import("./pages/queue"), nav: "nav.queue", title: "queue.title" },
  case: { load: () => import("./pages/case"), title: "queue.title" },
  parcel: { load: () => import("./pages/parcel"), title: "nav.parcel" },
  dashboard: { load: () => import("./pages/dashboard"), nav: "nav.dashboard", title: "dashboard.title" },
  audit: { load: () => import("./pages/audit"), nav: "nav.audit", title: "audit.title" },
};

function usePage(name: string): { Page: ComponentType<PageProps> | null; error: unknown } {
  const [state, setState] = useState<{ name: string; Page: ComponentType<PageProps> | null; error: unknown }>({
    name: "",
    Page: null,
    error: null,
  });
  useEffect(() => {
    const p = pages[name];
    if (!p) return;
    let live = true;
    p.load().then(
      (m) => live && setState({ name, Page: m.default, error: null }),
      (error: unknown) => live && setState({ name, Page: null, error }),
    );
    return () => {
      live = false;
    };
  }, [name]);
  return state.name === name ? state : { Page: null, error: null };
}

function LanguageSwitch() {
  const current = useStore(lang);
  return (
    <div class="langs" role="group" aria-label={t("site.language")}>
      {LANGS.map((l) => (
        <button
          key={l.code}
          type="button"
          lang={l.code}
          aria-pressed={current === l.code}
          class={current === l.code ? "active" : ""}
          onClick={() => void setLang(l.code)}
        >
          {l.name}
        </button>
      ))}
    </div>
  );
}

function ActAs() {
  const who = useStore(acting);
  const [open, setOpen] = useState(false);
  const [Panel, setPanel] = useState<ComponentType<{ onClose: () => void }> | null>(null);
  return (
    <div class="actas">
      <button
        type="button"
        aria-expanded={open}
        aria-controls="account-panel"
        onClick={async () => {
          if (!Panel) {
            const m = await import("./ui/account-panel");
            setPanel(() => m.AccountPanel);
          }
          setOpen(!open);
        }}
      >
        {t("account.actAs")}: {who ? `${who.name.startsWith("//") ? who.name : shortAddress(who.address)}` : t("account.none")}
      </button>
      <div id="account-panel" hidden={!open}>
        {open && Panel && <Panel onClose={() => setOpen(false)} />}
      </div>
    </div>
  );
}

function SwitchNode() {
  const [url, setUrl] = useState("");
  const [bad, setBad] = useState(false);
  return (
    <details class="switch-node">
      <summary>{t("conn.change")}</summary>
      <form
        class="inline"
        onSubmit={async (e) => {
          e.preventDefault();
          const { switchEndpoint } = await import("./chain/endpoint");
          setBad(!switchEndpoint(url.trim()));
        }}
      >
        <div class="field">
          <label for="node-url">{t("conn.urlLabel")}</label>
          <input id="node-url" type="text" inputMode="url" value={url} onInput={(e) => setUrl((e.currentTarget as HTMLInputElement).value)} />
        </div>
        <button type="submit">{t("conn.apply")}</button>
      </form>
      {bad && <p role="alert">{t("conn.urlLabel")}</p>}
    </details>
  );
}

function ConnectionStatus() {
  const conn = useStore(connection);
  return conn ? <StatusLine conn={conn} /> : <span>{t("conn.connecting")}</span>;
}

function StatusLine({ conn }: { conn: NonNullable<ReturnType<typeof connection.get>> }) {
  const s = useStore(conn.status);
  const best = useStore(conn.best);
  const fin = useStore(conn.finalized);
  return (
    <span class={`status ${s}`} data-status={s}>
      {s === "connected" ? t("conn.connected") : s === "connecting" ? t("conn.connecting") : t("conn.error")}
      {" · "}
      {t("conn.node")}: <code>{conn.url}</code>
      {best && (
        <>
          {" · "}
          {t("conn.best")} #{best.number}
        </>
      )}
      {fin && (
        <>
          {" · "}
          {t("conn.finalized")} #{fin.number}
        </>
      )}
    </span>
  );
}

export function App() {
  const r = useStore(route);
  useStore(lang);
  const name = r.parts[0] ?? "";
  const { Page, error } = usePage(name);
  const first = useRef(true);

  // Title and focus follow the page.
  useEffect(() => {
    const p = pages[name];
    document.title = `${p ? t(p.title) : t("nav.home")} · ${t("site.title")}`;
    if (first.current) {
      first.current = false;
      return;
    }
    const h = document.getElementById("page-title");
    if (h) h.focus();
    else document.getElementById("main")?.focus();
  }, [name, Page, lang.get()]);

  let content;
  if (!name) content = <Home route={r} />;
  else if (!pages[name]) content = <ErrorBox error={new Error(`no page ${name}`)} />;
  else if (error) content = <ErrorBox error={error} />;
  else if (!Page) content = <Loading />;
  else content = <Page route={r} />;

  const navItems: { key: Key; to: string; name: string }[] = [
    { key: "nav.home", to: href(), name: "" },
    ...Object.entries(pages)
      .filter(([, p]) => p.nav)
      .map(([n, p]) => ({ key: p.nav!, to: href(n), name: n })),
  ];

  return (
    <>
      <a class="skip" href="#main" onClick={(e) => {
        e.preventDefault();
        document.getElementById("main")?.focus();
      }}>
        {t("site.skip")}
      </a>
      <header class="site-header">
        <div class="brand">
          <a href={href()} class="brand-name">
            <span aria-hidden="true" class="emblem">◈</span> {t("site.title")}
          </a>
          <p class="tagline">{t("site.tagline")}</p>
        </div>
        <div class="tools">
          <LanguageSwitch />
          <ActAs />
        </div>
      </header>
      <nav aria-label={t("site.menu")} class="site-nav">
        <ul>
          {navItems.map((n) => (
            <li key={n.key}>
              <a href={n.to} aria-current={name === n.name ? "page" : undefined}>
                {t(n.key)}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <main id="main" tabIndex={-1}>
        {content}
      </main>
      <footer class="site-footer">
        <p>{t("site.owner")}</p>
        <p>{t("site.footerNote")}</p>
        <p class="conn">
          <ConnectionStatus />
        </p>
        <SwitchNode />
      </footer>
    </>
  );
}
