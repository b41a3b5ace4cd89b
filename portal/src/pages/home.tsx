import type { PageProps } from "../app";
import { href } from "../router";
import { t } from "../i18n";
import { PageTitle } from "../ui/components";
import { useStore } from "../store";
import { connection } from "../chain/lazy";
import { useEffect, useState } from "preact/hooks";

function ChainCard() {
  const conn = useStore(connection);
  const [info, setInfo] = useState<{ name: string; chainType: string; isDevelopment: boolean } | null>(null);
  useEffect(() => {
    conn?.chainInfo().then(setInfo, () => {});
  }, [conn]);
  const status = conn ? <Status conn={conn} /> : <span>{t("conn.connecting")}</span>;
  return (
    <section class="card" aria-labelledby="chain-status">
      <h2 id="chain-status">{t("home.status")}</h2>
      <p data-testid="chain-status">{status}</p>
      {info && (
        <p>
          {t("conn.chain")}: <span data-testid="chain-name">{info.name}</span> ({info.chainType})
        </p>
      )}
      {info?.isDevelopment && <p class="help">{t("conn.devChain")}</p>}
    </section>
  );
}

function Status({ conn }: { conn: NonNullable<ReturnType<typeof connection.get>> }) {
  const s = useStore(conn.status);
  const best = useStore(conn.best);
  return (
    <span data-status={s}>
      {s === "connected" ? t("conn.connected") : s === "connecting" ? t("conn.connecting") : t("conn.error")}
      {best && ` · ${t("conn.best")} #${best.number}`}
    </span>
  );
}

export function Home(_: PageProps) {
  const cards: { title: string; text: string; links: [string, string][] }[] = [
    {
      title: t("home.industrialist"),
      text: t("home.industrialistText"),
      links: [
        [t("nav.track"), href("track")],
        [t("nav.apply"), href("apply")],
      ],
    },
    { title: t("home.public"), text: t("home.publicText"), links: [[t("nav.verify"), href("verify")], [t("nav.dashboard"), href("dashboard")]] },
    { title: t("home.officer"), text: t("home.officerText"), links: [[t("nav.queue"), href("queue")]] },
    { title: t("home.auditor"), text: t("home.auditorText"), links: [[t("nav.audit"), href("audit")]] },
  ];
  return (
    <>
      <PageTitle>{t("home.title")}</PageTitle>
      <p class="lead">{t("home.intro")}</p>
      <div class="cards">
        {cards.map((c) => (
          <section class="card" key={c.title} aria-label={c.title}>
            <h2>{c.title}</h2>
            <p>{c.text}</p>
            <ul class="links">
              {c.links.map(([label, to]) => (
                <li key={to}>
                  <a href={to}>{label}</a>
                </li>
              ))}
            </ul>
          </section>
        ))}
      </div>
      <ChainCard />
    </>
  );
}
