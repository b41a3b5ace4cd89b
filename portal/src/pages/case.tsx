import { useEffect, useState } from "preact/hooks";
import type { AccountView, CaseView } from "@clearance/rpc";
import type { PageProps } from "../app";
import { href } from "../router";
import { t, tv } from "../i18n";
import { dateTime, duration, size } from "../i18n/format";
import { useStore } from "../store";
import { acting } from "../chain/lazy";
import { best as bestStore, rpc } from "../chain/connection";
import { api, blockMs, departments } from "../chain/typed";
import { eventOf } from "../chain/tx";
import { useAsync } from "../ui/async";
import { Account, ErrorBox, Facts, Hash, HashCheck, Loading, PageTitle, Section, StateBadge, TextField, When, useId } from "../ui/components";
import { LastOutcome, TxButton, type Outcome } from "../ui/tx";
import { sha256File, sha256Text } from "../ui/sha256";
import { authorityText, deptName } from "./application";

function roleIn(roles: AccountView | null | undefined, dept: string) {
  const head = roles?.headOf === dept;
  const r = roles?.officerOf?.department === dept ? roles.officerOf.roles : [];
  return {
    head,
    scrutiny: head || r.includes("ScrutinyOfficer"),
    approving: head || r.includes("ApprovingAuthority"),
    any: head || r.length > 0,
  };
}

function ConditionsInput({ onHash }: { onHash: (h: `0x${string}` | null) => void }) {
  const [text, setText] = useState("");
  const [fileHash, setFileHash] = useState<{ hash: `0x${string}`; size: number } | null>(null);
  const id = useId("cf");
  return (
    <>
      <div class="field">
        <label for={id}>{t("case.conditionsFile")}</label>
        <input
          id={id}
          type="file"
          name="conditions-file"
          onChange={async (e) => {
            const f = (e.currentTarget as HTMLInputElement).files?.[0];
            const h = f ? await sha256File(f) : null;
            setFileHash(h);
            onHash(h?.hash ?? (text.trim() ? await sha256Text(text) : null));
          }}
        />
        {fileHash && (
          <p data-testid="conditions-hash">
            <Hash value={fileHash.hash} /> ({size(fileHash.size)})
          </p>
        )}
      </div>
      <TextField
        label={t("case.conditionsText")}
        value={text}
        multiline
        name="conditions-text"
        onInput={async (v) => {
          setText(v);
          if (!fileHash) onHash(v.trim() ? await sha256Text(v) : null);
        }}
      />
    </>
  );
}

function Actions({ c, onChanged }: { c: CaseView; onChanged: () => void }) {
  const who = useStore(acting);
  const r = roleIn(who?.roles, c.department);
  const [query, setQuery] = useState("");
  const [conditions, setConditions] = useState<`0x${string}` | null>(null);
  const [reason, setReason] = useState("2");
  const [reasoning, setReasoning] = useState("");
  const [last, setLast] = useState<Outcome | null>(null);
  if (!who) return <p class="notice">{t("common.readOnly")}</p>;
  const blocks = [];
  const live = ["UnderScrutiny", "Responded"].includes(c.state);
  if (c.state === "Submitted" && r.scrutiny && !c.suspended) {
    blocks.push(
      <TxButton
        key="take"
        label={t("case.take")}
        build={async () => api.tx.Clearances.take_case({ case: c.id })}
        success={(x) => t("case.taken", { n: x.block.number })}
        onDone={(x) => x.ok && onChanged()}
        onOutcome={setLast}
      />,
    );
  }
  if (live && !c.query && r.scrutiny) {
    blocks.push(
      <div class="subform" key="query">
        <h3>{t("case.queryTitle")}</h3>
        <TextField label={t("case.queryText")} value={query} onInput={setQuery} multiline required help={t("case.queryHelp")} name="query" />
        <TxButton
          label={t("case.raise")}
          disabled={!query.trim()}
          build={async () => api.tx.Clearances.raise_query({ case: c.id, query: await sha256Text(query) })}
          success={(x) => t("case.raised", { n: x.block.number })}
          onDone={(x) => x.ok && onChanged()}
          onOutcome={setLast}
        />
      </div>,
    );
  }
  if ((live && r.approving) || (c.state === "Escalated" && r.head)) {
    blocks.push(
      <div class="subform" key="approve">
        <h3>{t("case.approveTitle")}</h3>
        <ConditionsInput onHash={setConditions} />
        {!conditions && <p class="help">{t("case.needConditions")}</p>}
        <TxButton
          label={t("case.approve")}
          disabled={!conditions}
          build={async () => (conditions ? api.tx.Clearances.approve({ case: c.id, conditions }) : null)}
          success={(x) => t("case.approved", { n: x.block.number, cert: eventOf<{ certificate: number }>(x, "Clearances", "CaseApproved")?.certificate ?? "?" })}
          onDone={(x) => x.ok && onChanged()}
          onOutcome={setLast}
        />
      </div>,
      <div class="subform" key="reject">
        <h3>{t("case.rejectTitle")}</h3>
        <TextField label={t("verify.reasonCode")} value={reason} onInput={setReason} inputMode="numeric" required name="reject-reason" />
        <TextField label={t("verify.reasoningText")} value={reasoning} onInput={setReasoning} multiline required help={t("verify.reasoningHelp")} name="reject-reasoning" />
        <TxButton
          kind="danger"
          label={t("case.reject")}
          disabled={!/^\d+$/.test(reason) || Number(reason) > 65535 || !reasoning.trim()}
          build={async () => api.tx.Clearances.reject({ case: c.id, reason: Number(reason), reasoning: await sha256Text(reasoning) })}
          success={(x) => t("case.rejected", { n: x.block.number })}
          onDone={(x) => x.ok && onChanged()}
          onOutcome={setLast}
        />
      </div>,
    );
  }
  return (
    <>
      <LastOutcome value={last} />
      {blocks.length ? blocks : <p>{t("case.noActions")}</p>}
    </>
  );
}

export default function CasePage({ route }: PageProps) {
  const id = Number(route.parts[1]);
  const [version, setVersion] = useState(0);
  const best = useStore(bestStore);
  const c = useAsync(() => rpc.case(id), [id, version]);
  const app = useAsync(() => (c.data ? rpc.application(c.data.application) : Promise.resolve(null)), [c.data?.application, version]);
  const trail = useAsync(() => rpc.wholeTrail(`case:${id}`, null).then((x) => x.entries), [id, version]);
  const depts = useAsync(departments, []);
  const ms = useAsync(blockMs, []);
  // Live: a response, a deemed approval or a freeze shows up without a reload.
  const appId = c.data?.application;
  useEffect(() => {
    if (appId === undefined) return;
    let first = true;
    return rpc.subscribeApplication(appId, () => {
      if (!first) setVersion((v) => v + 1);
      first = false;
    });
  }, [appId]);
  if (c.error) return <ErrorBox error={c.error} retry={c.reload} />;
  if (!c.data) return <Loading />;
  const k = c.data;
  const dl = app.data?.dayLength ?? 28_800;
  const bms = ms.data ?? 3000;
  const now = best?.number ?? 0;
  const facts: [string, preact.ComponentChildren][] = [
    [t("common.state"), <StateBadge state={k.state} />],
    [t("common.department"), deptName(k.department, depts.data)],
    [t("case.application"), <a href={href("application", k.application)}>{t("common.application", { id: k.application })}</a>],
    [t("case.officer"), <Account address={k.officer} />],
    [t("case.openedAt"), k.openedAt !== null ? t("common.block", { n: k.openedAt }) : "—"],
    [t("case.timeLimit"), duration(k.timeLimit, dl, bms)],
    [t("case.used"), duration(k.departmentUsed, dl, bms)],
    [t("track.deptTime"), duration(k.departmentLeft, dl, bms)],
  ];
  if (k.due !== null) facts.push([t("track.due"), `${dateTime(Date.now() + (k.due - now) * bms)} · ${t("common.block", { n: k.due })}`]);
  if (k.query) facts.push([t("track.query"), <div><Hash value={k.query} /><HashCheck hash={k.query} /></div>]);
  if (k.response) facts.push([t("track.response"), <div><Hash value={k.response} /><HashCheck hash={k.response} /></div>]);
  if (k.decision?.certificate != null)
    facts.push([t("track.certificateLink", { n: "" }).trim(), <a href={href("verify", k.decision.certificate)}>{t("track.certificateLink", { n: k.decision.certificate })}</a>]);
  return (
    <>
      <PageTitle>{t("case.title", { id: k.id, type: tv("clearance", k.clearance) })}</PageTitle>
      <Facts items={facts} />
      {app.data && (
        <Section title={t("common.application", { id: app.data.id })}>
          <Facts
            items={[
              [t("track.project"), `${app.data.project.name} (${app.data.project.sector})`],
              [t("common.enterprise", { id: "" }).trim(), String(app.data.enterprise)],
              [t("track.parcels"), <span>{app.data.parcels.map((p, i) => <span key={p}>{i > 0 && ", "}<a href={href("parcel", p)}>{p}</a></span>)}</span>],
              [
                t("track.documents"),
                <ul class="docs">
                  {app.data.documents.map((d) => (
                    <li key={d.sha256}>
                      {tv("docKind", d.kind)} · {size(d.size)} · <Hash value={d.sha256} />
                      <HashCheck hash={d.sha256} />
                    </li>
                  ))}
                </ul>,
              ],
            ]}
          />
        </Section>
      )}
      <Section title={t("case.actions")}>
        <Actions c={k} onChanged={() => setVersion(version + 1)} />
      </Section>
      <Section title={t("case.trail")}>
        {trail.data ? (
          <ol class="history">
            {trail.data.map((e) => (
              <li key={e.index} data-action={e.action}>
                <When ms={e.timestamp} /> · {tv("action", e.action)} · {authorityText(e.authority)}
                {e.signer && (
                  <>
                    {" · "}
                    <Account address={e.signer} />
                  </>
                )}
              </li>
            ))}
          </ol>
        ) : (
          <Loading />
        )}
      </Section>
    </>
  );
}
