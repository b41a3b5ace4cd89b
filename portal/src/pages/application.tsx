import { useEffect, useState } from "preact/hooks";
import type { ApplicationView, CaseView, TrailEntry, Authority } from "@clearance/rpc";
import type { PageProps } from "../app";
import { href } from "../router";
import { t, tv } from "../i18n";
import { dateTime, duration, shortAddress, size } from "../i18n/format";
import { useStore } from "../store";
import { acting } from "../chain/lazy";
import { best as bestStore, rpc } from "../chain/connection";
import { api, blockMs, catalogue, departments, type ClearanceTypeInfo, type DepartmentInfo, type AnchoredDocument, documentsOf } from "../chain/typed";
import { useAsync } from "../ui/async";
import { Account, ErrorBox, Facts, Hash, HashCheck, Loading, PageTitle, Section, StateBadge, TextField, When, useId } from "../ui/components";
import { LastOutcome, TxButton, type Outcome } from "../ui/tx";
import { sha256Text } from "../ui/sha256";

const DEPT_CLOCK = new Set(["Submitted", "UnderScrutiny", "Responded"]);
const FINAL = new Set(["Approved", "Rejected", "Withdrawn", "DeemedApproved", "Lapsed"]);

export function deptName(code: string, depts: DepartmentInfo[] | undefined): string {
  const key = `dept.${code}`;
  const translated = t(key as never);
  if (translated !== key) return translated;
  return depts?.find((d) => d.code === code)?.name ?? code;
}

/** The authority of a trail entry in words. */
export function authorityText(a: Authority): string {
  switch (a.kind) {
    case "Head":
      return tv("authority", "Head").replace("{dept}", a.department);
    case "Officer":
      return tv("authority", "Officer").replace("{role}", tv("role", a.role)).replace("{dept}", a.department);
    case "Owner":
      return tv("authority", "Owner").replace("{id}", String(a.enterprise));
    case "Agent":
      return tv("authority", "Agent").replace("{id}", String(a.enterprise));
    default:
      return tv("authority", a.kind);
  }
}

function holder(c: CaseView, depts: DepartmentInfo[] | undefined): string {
  const dept = deptName(c.department, depts);
  if (c.suspended && !FINAL.has(c.state)) return t("track.holderSuspended", { dept });
  switch (c.state) {
    case "Waiting":
      return t("track.holderWaiting");
    case "Submitted":
      return t("track.holderSubmitted", { dept });
    case "UnderScrutiny":
    case "Responded":
      return t("track.holderOfficer", { dept, officer: c.officer ? shortAddress(c.officer) : "?" });
    case "QueryRaised":
      return t("track.holderApplicant");
    case "Escalated":
      return t("track.holderHead", { dept });
    default:
      return t("track.holderDecided");
  }
}

interface Clock {
  now: number;
  bestNumber: number;
  dayLength: number;
  blockMs: number;
}

/** Blocks left on a clock that runs until `due`, seen from the best block. */
function leftUntil(due: number, clock: Clock): number {
  return Math.max(0, due - clock.bestNumber);
}

function estimate(block: number, clock: Clock): number {
  return Date.now() + (block - clock.bestNumber) * clock.blockMs;
}

function CaseCard(props: {
  c: CaseView;
  app: ApplicationView;
  clock: Clock;
  type: ClearanceTypeInfo | undefined;
  depts: DepartmentInfo[] | undefined;
  member: boolean;
  docs: AnchoredDocument[] | undefined;
  onChanged: () => void;
}) {
  const { c, clock, type, depts } = props;
  const [last, setLast] = useState<Outcome | null>(null);
  const dept = deptName(c.department, depts);
  const dur = (b: number) => duration(b, clock.dayLength, clock.blockMs);
  const deptRunning = DEPT_CLOCK.has(c.state) && !c.suspended && c.due !== null;
  const deptLeft = deptRunning ? leftUntil(c.due!, clock) : c.departmentLeft;
  const respLeft = c.state === "QueryRaised" && c.due !== null && !c.suspended ? leftUntil(c.due, clock) : c.responseLeft;

  let consequence: string | null = null;
  if (c.suspended && !FINAL.has(c.state)) consequence = t("track.suspended");
  else if (deptRunning && type) {
    // What silence means comes from the catalogue: nothing is said until it is known.
    const p = { time: dur(deptLeft), date: dateTime(estimate(c.due!, clock)), dept };
    consequence = type.onSilence === "DeemedApproval" ? t("track.deemedIn", p) : t("track.escalateIn", p);
  } else if (c.state === "QueryRaised" && c.due !== null) {
    consequence = t("track.lapseIn", { time: dur(respLeft ?? 0), date: dateTime(estimate(c.due, clock)) });
  } else if (c.state === "DeemedApproved") consequence = t("track.deemedDone");
  else if (c.state === "Escalated") consequence = t("track.escalatedDone");
  else if (c.state === "Lapsed") consequence = t("track.lapsedDone");
  else if (c.state === "Waiting" && type)
    consequence = t("track.waitingFor", { types: type.prerequisites.map((p) => tv("clearance", p)).join(", ") });

  const facts: [string, preact.ComponentChildren][] = [
    [t("track.holder"), <span data-testid="holder">{holder(c, depts)}</span>],
  ];
  if (!FINAL.has(c.state) && c.state !== "Waiting") {
    facts.push([
      t("track.deptTime"),
      <span data-testid="dept-left">
        {dur(deptLeft)} <span class="muted">({t("time.blocks", { n: deptLeft })})</span>
      </span>,
    ]);
  }
  if (c.state === "QueryRaised" && respLeft !== null) {
    facts.push([
      t("track.applicantTime"),
      <span data-testid="resp-left">
        {dur(respLeft)} <span class="muted">({t("time.blocks", { n: respLeft })})</span>
      </span>,
    ]);
  }
  if (c.due !== null) facts.push([t("track.due"), <span>{t("time.about", { time: dateTime(estimate(c.due, clock)) })} · {t("common.block", { n: c.due })}</span>]);
  if (c.query) facts.push([t("track.query"), <div><Hash value={c.query} label={t("track.query")} /><HashCheck hash={c.query} /></div>]);
  if (c.response) facts.push([t("track.response"), <div><Hash value={c.response} label={t("track.response")} /><HashCheck hash={c.response} /></div>]);
  if (c.decision) {
    const d = c.decision;
    facts.push([
      t("track.decision"),
      <span data-testid="decision">
        {d.by ? t("track.decidedBy", { who: shortAddress(d.by), n: d.at }) : t("track.decidedByStatute", { n: d.at })}
        {", "}
        {d.inTime ? t("track.inTime") : t("track.late")}
        {d.reason !== null && ` · ${t("track.reason", { code: d.reason })}`}
      </span>,
    ]);
    if (d.certificate !== null) {
      facts.push([
        t("track.conditions"),
        <div>
          <Hash value={d.document} label={t("track.conditions")} />
          <HashCheck hash={d.document} />
        </div>,
      ]);
      facts.push([
        t("verify.result", { n: "" }).trim(),
        <a href={href("verify", d.certificate)} data-testid="cert-link">
          {t("track.certificateLink", { n: d.certificate })}
        </a>,
      ]);
    }
  }

  return (
    <article class="case" aria-labelledby={`case-${c.id}-title`} data-case={c.id} data-clearance={c.clearance}>
      <header>
        <h3 id={`case-${c.id}-title`}>
          {tv("clearance", c.clearance)} <span class="muted">· {t("common.case", { id: c.id })}</span>
        </h3>
        <p>
          {dept} · <StateBadge state={c.state} />
        </p>
      </header>
      {consequence && <p class={`consequence${c.state === "Escalated" || c.state === "Lapsed" ? " warn-text" : ""}`}>{consequence}</p>}
      <Facts items={facts} />
      <LastOutcome value={last} />
      {c.state === "QueryRaised" && props.member && (
        <RespondForm caseId={c.id} docs={props.docs} onDone={props.onChanged} onOutcome={setLast} />
      )}
    </article>
  );
}

function RespondForm({
  caseId,
  docs,
  onDone,
  onOutcome,
}: {
  caseId: number;
  docs: AnchoredDocument[] | undefined;
  onDone: () => void;
  onOutcome: (o: Outcome) => void;
}) {
  const [text, setText] = useState("");
  const [attach, setAttach] = useState<string[]>([]);
  const gid = useId("rd");
  return (
    <section class="subform" aria-label={t("track.respondTitle", { id: caseId })}>
      <h4>{t("track.respondTitle", { id: caseId })}</h4>
      <TextField label={t("track.respondText")} value={text} onInput={setText} multiline required help={t("track.respondHelp")} name={`respond-${caseId}`} />
      {docs && docs.length > 0 && (
        <fieldset>
          <legend id={gid}>{t("track.respondDocs")}</legend>
          {docs.map((d) => (
            <label key={d.hash} class="check">
              <input
                type="checkbox"
                checked={attach.includes(d.hash)}
                onChange={(e) =>
                  setAttach((e.currentTarget as HTMLInputElement).checked ? [...attach, d.hash] : attach.filter((x) => x !== d.hash))
                }
              />
              {tv("docKind", d.kind)} <Hash value={d.hash} />
            </label>
          ))}
        </fieldset>
      )}
      <TxButton
        label={t("track.respond")}
        disabled={!text.trim()}
        build={async () =>
          api.tx.Clearances.respond_to_query({
            case: caseId,
            response: await sha256Text(text),
            documents: attach as `0x${string}`[],
          })
        }
        success={(r) => t("track.responded", { n: r.block.number })}
        onDone={(r) => r.ok && onDone()}
        onOutcome={onOutcome}
      />
    </section>
  );
}

function Timeline({ entries, depts }: { entries: (TrailEntry & { subject: string })[]; depts: DepartmentInfo[] | undefined }) {
  void depts;
  return (
    <div class="table-wrap">
      <table class="timeline" data-testid="timeline">
        <caption class="sr-only">{t("track.timeline")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("track.when")}</th>
            <th scope="col">{t("track.subject")}</th>
            <th scope="col">{t("track.action")}</th>
            <th scope="col">{t("track.who")}</th>
            <th scope="col">{t("track.authority")}</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((e) => (
            <tr key={`${e.subject}-${e.index}`} data-action={e.action}>
              <td>
                <When ms={e.timestamp} />
                <br />
                <span class="muted">{t("common.block", { n: e.block })}</span>
              </td>
              <td>
                <a href={href("audit", e.subject)}>{e.subject}</a>
              </td>
              <td>{tv("action", e.action)}</td>
              <td>{e.signer ? <Account address={e.signer} /> : t("track.runtime")}</td>
              <td>{authorityText(e.authority)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

async function loadTimeline(app: ApplicationView): Promise<(TrailEntry & { subject: string })[]> {
  const subjects = [`application:${app.id}`, ...app.cases.map((c) => `case:${c.id}`)];
  for (const c of app.cases) if (c.decision?.certificate != null) subjects.push(`certificate:${c.decision.certificate}`);
  const pages = await Promise.all(
    subjects.map((s) =>
      rpc
        .wholeTrail(s, null)
        .then((p) => p.entries.map((e) => ({ ...e, subject: s })))
        .catch(() => []),
    ),
  );
  return pages.flat().sort((a, b) => a.seq - b.seq);
}

export default function ApplicationPage({ route }: PageProps) {
  const id = Number(route.parts[1]);
  const who = useStore(acting);
  const best = useStore(bestStore);
  const [app, setApp] = useState<ApplicationView | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [lastChange, setLastChange] = useState<string>("");
  const [timeline, setTimeline] = useState<(TrailEntry & { subject: string })[] | null>(null);
  const [tick, setTick] = useState(0);
  const [withdrawn, setWithdrawn] = useState<Outcome | null>(null);
  const cat = useAsync(catalogue, []);
  const depts = useAsync(departments, []);
  const ms = useAsync(blockMs, []);
  const member = !!who?.roles?.enterprise && app !== null && who.roles.enterprise.id === app.enterprise;
  const docs = useAsync(() => (member && app ? documentsOf(app.enterprise) : Promise.resolve(undefined)), [member, app?.enterprise, tick]);

  // Live: the subscription's first message is the state now; then one per change.
  useEffect(() => {
    if (!Number.isSafeInteger(id)) return;
    setApp(null);
    setError(null);
    let first = true;
    const stop = rpc.subscribeApplication(
      id,
      (m) => {
        setApp(m.application);
        if (!first) setLastChange(t("track.changed", { id, n: m.number }));
        first = false;
      },
      { onError: (e) => setError(e) },
    );
    return stop;
  }, [id]);

  useEffect(() => {
    if (app) loadTimeline(app).then(setTimeline, () => setTimeline([]));
  }, [app]);

  if (!Number.isSafeInteger(id)) return <ErrorBox error={new Error("bad application number")} />;
  if (error) return <ErrorBox error={error} />;
  if (!app) return <Loading />;

  const clock: Clock = {
    now: app.now,
    bestNumber: Math.max(best?.number ?? app.now, app.now),
    dayLength: app.dayLength,
    blockMs: ms.data ?? 3000,
  };

  return (
    <>
      <PageTitle>{t("track.appTitle", { id: app.id, name: app.project.name })}</PageTitle>
      <p class="live" data-testid="live">
        <span class="dot" aria-hidden="true" /> {t("track.liveOn")}
      </p>
      <div aria-live="polite" role="status" class="sr-announce" data-testid="announce">
        {lastChange}
      </div>
      <Facts
        items={[
          [t("track.status"), <span data-testid="app-status">{tv("status", app.status)}</span>],
          [t("common.enterprise", { id: "" }).trim(), <a href={href("track", app.enterprise)}>{t("common.enterprise", { id: app.enterprise })}</a>],
          [t("track.sector"), app.project.sector],
          [t("track.investment"), tv("investment", app.project.investment)],
          [t("track.parcels"), <span>{app.parcels.map((p, i) => <span key={p}>{i > 0 && ", "}<a href={href("parcel", p)}>{p}</a></span>)}</span>],
          [t("track.submitted"), <span>{t("common.block", { n: app.submittedAt })}</span>],
          [t("track.submittedBy"), <Account address={app.submittedBy} />],
          [t("track.openCases"), `${app.openCases} / ${app.cases.length}`],
        ]}
      />
      <Section title={t("track.casesTitle")}>
        <div class="cases">
          {app.cases.map((c) => (
            <CaseCard
              key={c.id}
              c={c}
              app={app}
              clock={clock}
              type={cat.data?.find((x) => x.code === c.clearance)}
              depts={depts.data}
              member={member}
              docs={docs.data}
              onChanged={() => setTick(tick + 1)}
            />
          ))}
        </div>
      </Section>
      <Section title={t("track.documents")}>
        {app.documents.length === 0 ? (
          <p>{t("common.none")}</p>
        ) : (
          <ul class="docs">
            {app.documents.map((d) => (
              <li key={d.sha256}>
                {tv("docKind", d.kind)} · {size(d.size)} · <Hash value={d.sha256} /> · {t("common.block", { n: d.anchoredAt })}
                <HashCheck hash={d.sha256} />
              </li>
            ))}
          </ul>
        )}
      </Section>
      <LastOutcome value={withdrawn} />
      {member && app.status === "Open" && <WithdrawForm id={app.id} onOutcome={setWithdrawn} />}
      <Section title={t("track.timeline")}>
        <p>{t("track.timelineIntro")}</p>
        {timeline ? <Timeline entries={timeline} depts={depts.data} /> : <Loading />}
      </Section>
    </>
  );
}

function WithdrawForm({ id, onOutcome }: { id: number; onOutcome: (o: Outcome) => void }) {
  const [sure, setSure] = useState(false);
  return (
    <Section title={t("track.withdrawTitle")}>
      <p>{t("track.withdrawHelp")}</p>
      <label class="check">
        <input type="checkbox" checked={sure} onChange={(e) => setSure((e.currentTarget as HTMLInputElement).checked)} />
        {t("track.withdrawConfirm", { id })}
      </label>
      <TxButton
        kind="danger"
        label={t("track.withdraw")}
        disabled={!sure}
        build={async () => api.tx.Clearances.withdraw_application({ application: id })}
        success={(r) => t("track.withdrawn", { n: r.block.number })}
        onOutcome={onOutcome}
      />
    </Section>
  );
}
