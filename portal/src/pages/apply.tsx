import { useEffect, useMemo, useState } from "preact/hooks";
import type { PageProps } from "../app";
import { href } from "../router";
import { t, tv } from "../i18n";
import { duration, size } from "../i18n/format";
import { useStore } from "../store";
import { acting } from "../chain/lazy";
import { rpc } from "../chain/connection";
import {
  api,
  blockMs,
  bytes,
  applicationLimits,
  catalogue,
  dayLength,
  departments,
  documentsOf,
  enterpriseMembers,
  enterpriseName,
  investmentClasses,
  parcelsHeldBy,
  ulpinHex,
  type ClearanceTypeInfo,
} from "../chain/typed";
import { eventOf } from "../chain/tx";
import { useAsync } from "../ui/async";
import { ErrorBox, Hash, Loading, PageTitle, Section, TextField, useId } from "../ui/components";
import { TxButton } from "../ui/tx";
import { sha256File } from "../ui/sha256";
import { deptName } from "./application";

const ULPIN = /^[A-Z0-9]{14}$/;
const YEAR_MS = 365 * 24 * 3600 * 1000;

function AnchorForm({ kinds, onAnchored }: { kinds: string[]; onAnchored: () => void }) {
  const [file, setFile] = useState<{ hash: `0x${string}`; size: number; name: string } | null>(null);
  const [hashing, setHashing] = useState(false);
  const [kind, setKind] = useState(kinds[0] ?? "OTHER");
  const [other, setOther] = useState("");
  const fileId = useId("af");
  const kindId = useId("ak");
  const effective = kind === "OTHER" ? other.trim().toUpperCase() : kind;
  return (
    <div class="subform">
      <div class="field">
        <label for={fileId}>{t("apply.file")}</label>
        <input
          id={fileId}
          type="file"
          name="anchor-file"
          onChange={async (e) => {
            const f = (e.currentTarget as HTMLInputElement).files?.[0];
            setFile(null);
            if (!f) return;
            setHashing(true);
            const h = await sha256File(f);
            setFile({ ...h, name: f.name });
            setHashing(false);
          }}
        />
        <div aria-live="polite">
          {hashing && <p role="status">{t("apply.hashing")}</p>}
          {file && (
            <p data-testid="file-hash" data-hash={file.hash}>
              {t("apply.hashed", { hash: file.hash, size: size(file.size) })}
            </p>
          )}
        </div>
      </div>
      <div class="field">
        <label for={kindId}>{t("apply.kind")}</label>
        <select id={kindId} name="anchor-kind" value={kind} onChange={(e) => setKind((e.currentTarget as HTMLSelectElement).value)}>
          {kinds.map((k) => (
            <option key={k} value={k}>
              {tv("docKind", k)} ({k})
            </option>
          ))}
          <option value="OTHER">{tv("docKind", "OTHER")}</option>
        </select>
      </div>
      {kind === "OTHER" && <TextField label={t("apply.kindOther")} value={other} onInput={setOther} required name="anchor-kind-other" />}
      <TxButton
        label={t("apply.anchor")}
        disabled={!file || !effective}
        build={async () =>
          file
            ? api.tx.Clearances.anchor_document({ sha256: file.hash, kind: bytes(effective), size: BigInt(file.size), uri: undefined })
            : null
        }
        success={(r) => t("apply.anchored", { n: r.block.number })}
        onDone={(r) => r.ok && onAnchored()}
      />
    </div>
  );
}

function TypeOption(props: {
  type: ClearanceTypeInfo;
  checked: boolean;
  onChange: (on: boolean) => void;
  dept: string;
  ms: number;
  day: number;
}) {
  const { type } = props;
  const id = useId("ty");
  const validity =
    type.validityMs === null
      ? t("apply.permanent")
      : t("apply.years", { n: Math.round((type.validityMs / YEAR_MS) * 10) / 10 });
  return (
    <div class="type-option">
      <input id={id} type="checkbox" name="types" value={type.code} checked={props.checked} aria-describedby={`${id}-d`} onChange={(e) => props.onChange((e.currentTarget as HTMLInputElement).checked)} />
      <label for={id}>
        <strong>{tv("clearance", type.code)}</strong> <span class="muted">({type.code})</span> · {props.dept}
      </label>
      <ul id={`${id}-d`} class="type-facts">
        <li>{t("apply.limit", { time: duration(type.timeLimit, props.day, props.ms) })}</li>
        <li>{t("apply.silence", { what: tv("onSilence", type.onSilence) })}</li>
        <li>{t("apply.validity", { what: validity })}</li>
        {type.prerequisites.length > 0 && <li>{t("apply.needsFirst", { types: type.prerequisites.map((p) => tv("clearance", p)).join(", ") })}</li>}
        {type.documents.length > 0 && <li>{t("apply.needsDocs", { kinds: type.documents.map((d) => tv("docKind", d)).join(", ") })}</li>}
        {type.prerequisites.length === 0 && type.documents.length === 0 && <li>{t("apply.noNeeds")}</li>}
      </ul>
    </div>
  );
}

/** Clearance types already approved for every one of `parcels` (certificates in force). */
async function approvedFor(parcels: string[]): Promise<Set<string>> {
  let common = null as Set<string> | null;
  for (const p of parcels) {
    const v = await rpc.parcel(p, { limit: 1 }).catch(() => null);
    const mine = new Set<string>();
    if (v) {
      const certs = await Promise.all(v.certificates.map((n) => rpc.certificate(n).catch(() => null)));
      for (const c of certs) if (c && c.status !== "Revoked") mine.add(c.clearance);
    }
    common = common === null ? mine : new Set([...common].filter((x: string) => mine.has(x)));
  }
  return common ?? new Set();
}

function ApplicationForm({
  enterprise,
  docsVersion,
  onSubmitted,
  submitted,
}: {
  enterprise: number;
  docsVersion: number;
  onSubmitted: (id: number) => void;
  submitted: number | null;
}) {
  const cat = useAsync(catalogue, []);
  const depts = useAsync(departments, []);
  const ms = useAsync(blockMs, []);
  const day = useAsync(dayLength, []);
  const limits = useAsync(applicationLimits, []);
  const classes = useAsync(investmentClasses, []);
  const held = useAsync(() => parcelsHeldBy(enterprise), [enterprise]);
  const docs = useAsync(() => documentsOf(enterprise), [enterprise, docsVersion]);
  const [name, setName] = useState("");
  const [sector, setSector] = useState("");
  const [investment, setInvestment] = useState("");
  const [parcels, setParcels] = useState<string[]>([]);
  const [other, setOther] = useState("");
  const [types, setTypes] = useState<string[]>([]);
  const [chosenDocs, setChosenDocs] = useState<string[]>([]);
  const [approved, setApproved] = useState<Set<string>>(new Set());
  const invId = useId("inv");

  const typed = other.split(/[\s,]+/).map((s) => s.trim().toUpperCase()).filter(Boolean);
  const badUlpins = typed.filter((u) => !ULPIN.test(u));
  const allParcels = useMemo(
    () => [...new Set([...parcels, ...typed.filter((u) => ULPIN.test(u))])],
    [parcels, other],
  );
  useEffect(() => {
    approvedFor(allParcels).then(setApproved, () => setApproved(new Set()));
  }, [allParcels.join(",")]);
  useEffect(() => {
    if (!investment && classes.data?.length) setInvestment(classes.data.includes("Medium") ? "Medium" : classes.data[0]!);
  }, [classes.data]);

  if (cat.error) return <ErrorBox error={cat.error} retry={cat.reload} />;
  if (!cat.data || !docs.data) return <Loading />;
  const catalogueList = cat.data;
  const attached = docs.data.filter((d) => chosenDocs.includes(d.hash));

  // What the catalogue asks for, checked before submitting.
  const checks: { text: string; level: "bad" | "info" }[] = [];
  if (!name.trim() || !sector.trim()) checks.push({ text: t("apply.checkProject"), level: "bad" });
  const l = limits.data;
  const bytesOf = (x: string) => new TextEncoder().encode(x.trim()).length;
  if (l) {
    if (allParcels.length > l.maxParcels) checks.push({ text: t("apply.checkTooManyParcels", { max: l.maxParcels, n: allParcels.length }), level: "bad" });
    if (types.length > l.maxTypes) checks.push({ text: t("apply.checkTooManyTypes", { max: l.maxTypes, n: types.length }), level: "bad" });
    if (chosenDocs.length > l.maxDocuments) checks.push({ text: t("apply.checkTooManyDocs", { max: l.maxDocuments, n: chosenDocs.length }), level: "bad" });
    if (bytesOf(name) > l.maxText || bytesOf(sector) > l.maxText) checks.push({ text: t("apply.checkTextLong", { max: l.maxText }), level: "bad" });
  }
  for (const u of badUlpins) checks.push({ text: t("apply.checkBadUlpin", { ulpin: u }), level: "bad" });
  if (allParcels.length === 0) checks.push({ text: t("apply.checkNoParcel"), level: "bad" });
  if (types.length === 0) checks.push({ text: t("apply.checkNoType"), level: "bad" });
  for (const code of types) {
    const ty = catalogueList.find((x) => x.code === code);
    if (!ty) continue;
    for (const kind of ty.documents)
      if (!attached.some((d) => d.kind === kind))
        checks.push({ text: t("apply.checkDocMissing", { type: tv("clearance", code), kind: tv("docKind", kind) }), level: "bad" });
    for (const pre of ty.prerequisites) {
      if (types.includes(pre))
        checks.push({ text: t("apply.checkPrereqWait", { type: tv("clearance", code), pre: tv("clearance", pre) }), level: "info" });
      else if (!approved.has(pre))
        checks.push({ text: t("apply.checkPrereqMissing", { type: tv("clearance", code), pre: tv("clearance", pre) }), level: "bad" });
    }
  }

  return (
    <form class="subform" onSubmit={(e) => e.preventDefault()}>
      <TextField label={t("apply.projectName")} value={name} onInput={setName} required name="project" />
      <TextField label={t("apply.sector")} value={sector} onInput={setSector} required name="sector" />
      <div class="field">
        <label for={invId}>{t("apply.investment")}</label>
        <select id={invId} name="investment" value={investment} onChange={(e) => setInvestment((e.currentTarget as HTMLSelectElement).value)}>
          {(classes.data ?? []).map((c) => (
            <option key={c} value={c}>
              {tv("investment", c)}
            </option>
          ))}
        </select>
      </div>
      <fieldset>
        <legend>{t("apply.parcels")}</legend>
        <p class="help">{t("apply.parcelsHelp")}</p>
        {(held.data ?? []).map((p) => (
          <label key={p} class="check">
            <input
              type="checkbox"
              name="parcels"
              value={p}
              checked={parcels.includes(p)}
              onChange={(e) => setParcels((e.currentTarget as HTMLInputElement).checked ? [...parcels, p] : parcels.filter((x) => x !== p))}
            />
            {p}
          </label>
        ))}
        <TextField label={t("apply.otherParcels")} value={other} onInput={setOther} multiline name="other-parcels" />
      </fieldset>
      <fieldset>
        <legend>{t("apply.types")}</legend>
        <p class="help">{t("apply.typesHelp")}</p>
        {catalogueList.map((ty) => (
          <TypeOption
            key={ty.code}
            type={ty}
            dept={deptName(ty.department, depts.data)}
            ms={ms.data ?? 3000}
            day={day.data ?? 28_800}
            checked={types.includes(ty.code)}
            onChange={(on) => setTypes(on ? [...types, ty.code] : types.filter((x) => x !== ty.code))}
          />
        ))}
      </fieldset>
      <fieldset>
        <legend>{t("apply.documents")}</legend>
        {docs.data.length === 0 && <p>{t("apply.noDocs")}</p>}
        {docs.data.map((d) => (
          <label key={d.hash} class="check">
            <input
              type="checkbox"
              name="documents"
              value={d.hash}
              checked={chosenDocs.includes(d.hash)}
              onChange={(e) => setChosenDocs((e.currentTarget as HTMLInputElement).checked ? [...chosenDocs, d.hash] : chosenDocs.filter((x) => x !== d.hash))}
            />
            {tv("docKind", d.kind)} ({d.kind}) · {size(d.size)} · <Hash value={d.hash} />
          </label>
        ))}
      </fieldset>
      <section class="checks" aria-labelledby="checks-title" data-testid="checks">
        <h3 id="checks-title">{t("apply.checksTitle")}</h3>
        <ul>
          {checks.map((c) => (
            <li key={c.text} class={c.level === "bad" ? "bad-text" : ""} data-level={c.level}>
              {c.text}
            </li>
          ))}
          {checks.every((c) => c.level !== "bad") && <li class="good">{t("apply.checkOk")}</li>}
        </ul>
        <p class="help">{t("apply.checkNote")}</p>
      </section>
      <TxButton
        label={t("apply.submit")}
        disabled={badUlpins.length > 0}
        build={async () =>
          api.tx.Clearances.submit_application({
            project: { name: bytes(name.trim()), sector: bytes(sector.trim()), investment: { type: investment as "Medium", value: undefined } },
            parcels: allParcels.map(ulpinHex),
            types: types.map((c) => bytes(c)),
            documents: chosenDocs as `0x${string}`[],
          })
        }
        success={(r) => {
          const e = eventOf<{ application: number }>(r, "Clearances", "ApplicationSubmitted");
          return t("apply.submitted", { id: e?.application ?? "?", n: r.block.number });
        }}
        onDone={(r) => {
          const e = eventOf<{ application: number }>(r, "Clearances", "ApplicationSubmitted");
          if (e) onSubmitted(e.application);
        }}
      />
      {submitted !== null && (
        <p>
          <a id="submitted-link" href={href("application", submitted)} data-testid="submitted-link">
            {t("apply.track", { id: submitted })}
          </a>
        </p>
      )}
    </form>
  );
}

/** The owner authorises and withdraws agents (consultants) who may act for the enterprise. */
function Agents({ enterprise }: { enterprise: number }) {
  const [version, setVersion] = useState(0);
  const members = useAsync(() => enterpriseMembers(enterprise), [enterprise, version]);
  const [agent, setAgent] = useState("");
  const valid = /^[1-9A-HJ-NP-Za-km-z]{46,48}$/.test(agent.trim());
  return (
    <Section title={t("apply.agentsTitle")}>
      <p>{t("apply.agentsIntro")}</p>
      {!members.data ? (
        <Loading />
      ) : members.data.agents.length === 0 ? (
        <p>{t("apply.noAgents")}</p>
      ) : (
        <ul class="docs" data-testid="agents">
          {members.data.agents.map((a) => (
            <li key={a}>
              <code>{a}</code>
              <TxButton
                kind="danger"
                label={t("apply.removeAgent")}
                build={async () => api.tx.Enterprises.remove_agent({ agent: a })}
                success={(r) => t("apply.agentRemoved", { n: r.block.number })}
                onDone={(r) => r.ok && setVersion(version + 1)}
              />
            </li>
          ))}
        </ul>
      )}
      <TextField label={t("apply.agentAddress")} value={agent} onInput={setAgent} required name="agent" />
      <TxButton
        label={t("apply.addAgent")}
        disabled={!valid}
        build={async () => api.tx.Enterprises.add_agent({ agent: agent.trim() })}
        success={(r) => t("apply.agentAdded", { n: r.block.number })}
        onDone={(r) => r.ok && (setAgent(""), setVersion(version + 1))}
      />
    </Section>
  );
}

export default function Apply(_: PageProps) {
  const who = useStore(acting);
  const [docsVersion, setDocsVersion] = useState(0);
  const [submitted, setSubmitted] = useState<number | null>(null);
  const ent = who?.roles?.enterprise ?? null;
  const name = useAsync(() => (ent ? enterpriseName(ent.id) : Promise.resolve(null)), [ent?.id]);
  const cat = useAsync(catalogue, []);
  const docs = useAsync(() => (ent ? documentsOf(ent.id) : Promise.resolve([])), [ent?.id, docsVersion]);
  const kinds = useMemo(() => [...new Set((cat.data ?? []).flatMap((c) => c.documents))].sort(), [cat.data]);

  return (
    <>
      <PageTitle>{t("apply.title")}</PageTitle>
      {!who ? (
        <p class="notice">{t("apply.needAccount")}</p>
      ) : !ent ? (
        <p class="notice">{t("apply.notApplicant", { name: who.name })}</p>
      ) : (
        <>
          <p data-testid="acting-for">
            {t("apply.actingFor", { id: ent.id, name: name.data ?? "…", capacity: ent.owner ? t("apply.owner") : t("apply.agent") })}
          </p>
          <Section title={t("apply.anchorTitle")}>
            <p>{t("apply.anchorIntro")}</p>
            {cat.data ? <AnchorForm kinds={kinds} onAnchored={() => setDocsVersion(docsVersion + 1)} /> : <Loading />}
            <h3>{t("apply.yourDocs")}</h3>
            {!docs.data ? (
              <Loading />
            ) : docs.data.length === 0 ? (
              <p>{t("apply.noDocs")}</p>
            ) : (
              <ul class="docs" data-testid="my-docs">
                {docs.data.map((d) => (
                  <li key={d.hash} data-kind={d.kind}>
                    {tv("docKind", d.kind)} ({d.kind}) · {size(d.size)} · <Hash value={d.hash} /> · {t("common.block", { n: d.anchoredAt })}
                  </li>
                ))}
              </ul>
            )}
          </Section>
          <Section title={t("apply.fileTitle")}>
            <ApplicationForm enterprise={ent.id} docsVersion={docsVersion} onSubmitted={setSubmitted} submitted={submitted} />
          </Section>
          {ent.owner && <Agents enterprise={ent.id} />}
          <p>
            <a href={href("track", ent.id)}>{t("track.mine")}</a>
          </p>
        </>
      )}
    </>
  );
}
