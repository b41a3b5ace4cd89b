import { useState } from "preact/hooks";
import type { CaseView } from "@clearance/rpc";
import type { PageProps } from "../app";
import { href, navigate } from "../router";
import { t, tv } from "../i18n";
import { dateTime, duration } from "../i18n/format";
import { useStore } from "../store";
import { acting } from "../chain/lazy";
import { best as bestStore, rpc } from "../chain/connection";
import { blockMs, dayLength, departments } from "../chain/typed";
import { useAsync } from "../ui/async";
import { Account, ErrorBox, Loading, PageTitle, Section, StateBadge, TextField, useId } from "../ui/components";
import { deptName } from "./application";

export function CaseTable({ cases, caption }: { cases: CaseView[]; caption: string }) {
  const best = useStore(bestStore);
  const ms = useAsync(blockMs, []);
  const day = useAsync(dayLength, []);
  const now = best?.number ?? 0;
  const bms = ms.data ?? 3000;
  return (
    <div class="table-wrap">
      <table data-testid="case-table">
        <caption class="sr-only">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t("common.case", { id: "" }).trim()}</th>
            <th scope="col">{t("verify.clearance")}</th>
            <th scope="col">{t("case.application")}</th>
            <th scope="col">{t("common.state")}</th>
            <th scope="col">{t("case.officer")}</th>
            <th scope="col">{t("queue.due")}</th>
            <th scope="col">{t("queue.timeLeft")}</th>
          </tr>
        </thead>
        <tbody>
          {cases.map((c) => {
            const left = c.due !== null ? c.due - now : null;
            return (
              <tr key={c.id} data-case={c.id}>
                <td>
                  <a href={href("case", c.id)}>{t("queue.open", { id: c.id })}</a>
                </td>
                <td>{tv("clearance", c.clearance)}</td>
                <td>
                  <a href={href("application", c.application)}>{c.application}</a>
                </td>
                <td>
                  <StateBadge state={c.state} />
                  {c.suspended && <span class="badge warn">{tv("certStatus", "Suspended")}</span>}
                </td>
                <td>{c.officer ? <Account address={c.officer} /> : "—"}</td>
                <td>{c.due !== null ? dateTime(Date.now() + (c.due - now) * bms) : t("queue.noClock")}</td>
                <td class={left !== null && left <= 0 ? "bad-text" : ""}>
                  {left === null ? "—" : left <= 0 ? t("queue.overdueBy") : duration(left, day.data ?? 28_800, bms)}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

function Queue({ department, state }: { department: string; state: string }) {
  const [cursors, setCursors] = useState<string[]>([]);
  const after = cursors[cursors.length - 1];
  const page = useAsync(
    () => rpc.workQueue(department, { state: state || undefined, after, limit: 25 }),
    [department, state, after],
  );
  if (page.error) return <ErrorBox error={page.error} retry={page.reload} />;
  if (!page.data) return <Loading />;
  return (
    <>
      {page.data.items.length === 0 ? <p>{t("queue.empty")}</p> : <CaseTable cases={page.data.items} caption={t("queue.title")} />}
      <div class="pager">
        {cursors.length > 0 && (
          <button type="button" onClick={() => setCursors(cursors.slice(0, -1))}>
            {t("common.previous")}
          </button>
        )}
        {page.data.next && (
          <button type="button" onClick={() => setCursors([...cursors, page.data!.next!])}>
            {t("common.next")}
          </button>
        )}
      </div>
    </>
  );
}

function Overdue({ department }: { department: string }) {
  const list = useAsync(() => rpc.overdue({ department, limit: 50 }), [department]);
  if (list.error) return <ErrorBox error={list.error} retry={list.reload} />;
  if (!list.data) return <Loading />;
  return list.data.length === 0 ? <p>{t("queue.noOverdue")}</p> : <CaseTable cases={list.data} caption={t("queue.overdueTitle")} />;
}

export default function QueuePage({ route }: PageProps) {
  const who = useStore(acting);
  const depts = useAsync(departments, []);
  const mine = who?.roles?.officerOf?.department ?? who?.roles?.headOf ?? undefined;
  const department = route.parts[1] ?? mine ?? depts.data?.[0]?.code;
  const state = route.query.get("state") ?? "";
  const states = useAsync(
    () => (department ? rpc.dashboard(department).then((d) => Object.keys(d.pending)) : Promise.resolve([])),
    [department],
  );
  const deptId = useId("qd");
  const stateId = useId("qs");
  const [ulpin, setUlpin] = useState("");
  return (
    <>
      <PageTitle>{t("queue.title")}</PageTitle>
      <p>{t("queue.intro")}</p>
      <form class="inline" onSubmit={(e) => e.preventDefault()}>
        <div class="field">
          <label for={deptId}>{t("queue.department")}</label>
          <select
            id={deptId}
            name="department"
            value={department}
            onChange={(e) => navigate(href("queue", (e.currentTarget as HTMLSelectElement).value))}
          >
            {(depts.data ?? []).map((d) => (
              <option key={d.code} value={d.code}>
                {d.code} — {deptName(d.code, depts.data)}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for={stateId}>{t("queue.stateFilter")}</label>
          <select
            id={stateId}
            name="state"
            value={state}
            onChange={(e) => department && navigate(href("queue", department, { state: (e.currentTarget as HTMLSelectElement).value }))}
          >
            <option value="">{t("queue.allStates")}</option>
            {(states.data ?? []).map((s) => (
              <option key={s} value={s}>
                {tv("state", s)}
              </option>
            ))}
          </select>
        </div>
      </form>
      {department && (
        <>
          <Section title={`${t("queue.title")} · ${deptName(department, depts.data)}${state ? ` · ${tv("state", state)}` : ""}`}>
            <Queue department={department} state={state} />
          </Section>
          <Section title={t("queue.overdueTitle")}>
            <Overdue department={department} />
          </Section>
        </>
      )}
      <Section title={t("queue.parcelLookup")}>
        <form
          class="inline"
          onSubmit={(e) => {
            e.preventDefault();
            if (ulpin.trim()) navigate(href("parcel", ulpin.trim().toUpperCase()));
          }}
        >
          <TextField label={t("queue.ulpin")} value={ulpin} onInput={setUlpin} required name="ulpin" />
          <button type="submit">{t("parcel.lookup")}</button>
        </form>
      </Section>
    </>
  );
}
