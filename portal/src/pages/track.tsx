import { useState } from "preact/hooks";
import type { PageProps } from "../app";
import { href, navigate } from "../router";
import { t, tv } from "../i18n";
import { useStore } from "../store";
import { acting } from "../chain/lazy";
import { rpc } from "../chain/connection";
import { enterpriseName } from "../chain/typed";
import { useAsync } from "../ui/async";
import { ErrorBox, Loading, PageTitle, TextField } from "../ui/components";

function ApplicationsOf({ enterprise }: { enterprise: number }) {
  const [after, setAfter] = useState<number[]>([]);
  const cursor = after[after.length - 1];
  const page = useAsync(() => rpc.applicationsOf(enterprise, { after: cursor, limit: 20 }), [enterprise, cursor]);
  const name = useAsync(() => enterpriseName(enterprise), [enterprise]);
  return (
    <section aria-labelledby="apps-title">
      <h2 id="apps-title">
        {t("track.listTitle", { id: enterprise })}
        {name.data ? ` — ${name.data}` : ""}
      </h2>
      {page.error ? (
        <ErrorBox error={page.error} retry={page.reload} />
      ) : !page.data ? (
        <Loading />
      ) : page.data.items.length === 0 ? (
        <p>{t("track.noApplications")}</p>
      ) : (
        <div class="table-wrap">
          <table>
            <caption class="sr-only">{t("track.listTitle", { id: enterprise })}</caption>
            <thead>
              <tr>
                <th scope="col">{t("common.application", { id: "" }).trim()}</th>
                <th scope="col">{t("track.project")}</th>
                <th scope="col">{t("track.status")}</th>
                <th scope="col">{t("track.openCases")}</th>
                <th scope="col">{t("track.parcels")}</th>
              </tr>
            </thead>
            <tbody>
              {page.data.items.map((a) => (
                <tr key={a.id}>
                  <td>
                    <a href={href("application", a.id)} data-testid={`app-link-${a.id}`}>
                      {t("common.application", { id: a.id })}
                    </a>
                  </td>
                  <td>
                    {a.project.name} <span class="muted">({a.project.sector})</span>
                  </td>
                  <td>{tv("status", a.status)}</td>
                  <td>
                    {a.openCases} / {a.cases.length}
                  </td>
                  <td>{a.parcels.join(", ")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <div class="pager">
        {after.length > 0 && (
          <button type="button" onClick={() => setAfter(after.slice(0, -1))}>
            {t("common.previous")}
          </button>
        )}
        {page.data?.next != null && (
          <button type="button" onClick={() => setAfter([...after, page.data!.next!])}>
            {t("common.next")}
          </button>
        )}
      </div>
    </section>
  );
}

export default function Track({ route }: PageProps) {
  const who = useStore(acting);
  const param = route.parts[1];
  const enterprise = param !== undefined && /^\d+$/.test(param) ? Number(param) : null;
  const mine = who?.roles?.enterprise?.id;
  const [ent, setEnt] = useState(enterprise !== null ? String(enterprise) : "");
  const [app, setApp] = useState("");
  return (
    <>
      <PageTitle>{t("track.title")}</PageTitle>
      <p>{t("track.intro")}</p>
      <div class="forms">
        <form
          class="inline"
          onSubmit={(e) => {
            e.preventDefault();
            if (/^\d+$/.test(ent.trim())) navigate(href("track", ent.trim()));
          }}
        >
          <TextField label={t("track.enterpriseLabel")} value={ent} onInput={setEnt} inputMode="numeric" required name="enterprise" />
          <button type="submit">{t("common.show")}</button>
        </form>
        <form
          class="inline"
          onSubmit={(e) => {
            e.preventDefault();
            if (/^\d+$/.test(app.trim())) navigate(href("application", app.trim()));
          }}
        >
          <TextField label={t("track.applicationLabel")} value={app} onInput={setApp} inputMode="numeric" required name="application" />
          <button type="submit">{t("track.open")}</button>
        </form>
      </div>
      {mine !== undefined && enterprise === null && (
        <p>
          <a href={href("track", mine)}>{t("track.mine")}</a>
        </p>
      )}
      {enterprise !== null ? <ApplicationsOf enterprise={enterprise} /> : mine !== undefined ? <ApplicationsOf enterprise={mine} /> : null}
    </>
  );
}
