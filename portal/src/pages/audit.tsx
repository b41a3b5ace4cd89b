import { useState } from "preact/hooks";
import type { PageProps } from "../app";
import { href, navigate } from "../router";
import { t, tv, type Key } from "../i18n";
import { rpc } from "../chain/connection";
import { useAsync } from "../ui/async";
import { Account, ErrorBox, Facts, Hash, Loading, PageTitle, Section, TextField, When, useId } from "../ui/components";
import { authorityText } from "./application";
import type { AuditReport } from "../audit/verify";

const KINDS = ["application", "case", "certificate", "enterprise", "parcel", "department"] as const;
const PAGE = 20;

function failureText(r: AuditReport): string {
  const f = r.failure!;
  switch (f.kind) {
    case "noTrail":
      return t("audit.noTrail");
    case "altered":
      return t("audit.altered", { index: f.index });
    case "missing":
      return t("audit.missing", { index: f.index, served: f.served, len: f.len });
    case "added":
      return t("audit.added", { n: f.n, len: f.len });
    case "outOfOrder":
      return t("audit.outOfOrder", { index: f.index });
    case "headMismatch":
      return t("audit.headMismatch", { recomputed: f.recomputed });
    case "proof":
      return t("audit.proof", { message: f.message });
  }
}

function VerifyTrail({ subject }: { subject: string }) {
  const [busy, setBusy] = useState(false);
  const [report, setReport] = useState<AuditReport | null>(null);
  const [error, setError] = useState<unknown>(null);
  return (
    <div class="verify-trail">
      <button
        type="button"
        class="primary"
        disabled={busy}
        onClick={async () => {
          setBusy(true);
          setReport(null);
          setError(null);
          try {
            const { auditSubject } = await import("../audit/verify");
            setReport(await auditSubject(subject));
          } catch (e) {
            setError(e);
          } finally {
            setBusy(false);
          }
        }}
      >
        {t("audit.verify")}
      </button>
      <div aria-live="polite">
        {busy && <p role="status">{t("audit.verifying")}</p>}
        {error != null && <ErrorBox error={error} />}
        {report && (
          <div class={`notice ${report.failure ? "error" : "success"}`} data-testid="audit-result" data-ok={report.failure ? "false" : "true"}>
            <p>
              <strong>{report.failure ? t("audit.failed", { reason: failureText(report) }) : t("audit.ok")}</strong>
            </p>
            <ol>
              <li>
                {t("audit.stepBlock", { n: report.block.number, hash: report.block.hash, root: report.block.stateRoot })}
              </li>
              {report.len > 0 && <li>{t("audit.stepProof", { len: report.len, head: report.head })}</li>}
              {!report.failure && <li>{t("audit.stepEntries", { len: report.len })}</li>}
              {report.recomputed && <li>{t("audit.stepChain", { recomputed: report.recomputed })}</li>}
            </ol>
          </div>
        )}
      </div>
    </div>
  );
}

function Trail({ subject }: { subject: string }) {
  const [from, setFrom] = useState(0);
  const page = useAsync(() => rpc.trail(subject, { from, limit: PAGE }), [subject, from]);
  if (page.error) return <ErrorBox error={page.error} retry={page.reload} />;
  if (!page.data) return <Loading />;
  const p = page.data;
  return (
    <Section title={subject}>
      <Facts
        items={[
          [t("audit.head"), <Hash value={p.head} label={t("audit.head")} />],
          [t("audit.length"), String(p.len)],
        ]}
      />
      <VerifyTrail subject={subject} />
      <div class="table-wrap">
        <table data-testid="trail">
          <caption>{t("audit.entries", { from: p.from + 1, to: p.from + p.entries.length, len: p.len })}</caption>
          <thead>
            <tr>
              <th scope="col">{t("audit.index")}</th>
              <th scope="col">{t("audit.seq")}</th>
              <th scope="col">{t("track.when")}</th>
              <th scope="col">{t("track.action")}</th>
              <th scope="col">{t("track.who")}</th>
              <th scope="col">{t("track.authority")}</th>
              <th scope="col">{t("audit.details")}</th>
            </tr>
          </thead>
          <tbody>
            {p.entries.map((e) => (
              <tr key={e.index}>
                <td>{e.index}</td>
                <td>{e.seq}</td>
                <td>
                  <When ms={e.timestamp} />
                  <br />
                  <span class="muted">{t("common.block", { n: e.block })}</span>
                </td>
                <td>{tv("action", e.action)}</td>
                <td>{e.signer ? <Account address={e.signer} /> : t("track.runtime")}</td>
                <td>{authorityText(e.authority)}</td>
                <td>
                  <Hash value={e.details} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div class="pager">
        {from > 0 && (
          <button type="button" onClick={() => setFrom(Math.max(0, from - PAGE))}>
            {t("common.previous")}
          </button>
        )}
        {p.next !== null && (
          <button type="button" onClick={() => setFrom(p.next!)}>
            {t("common.next")}
          </button>
        )}
      </div>
    </Section>
  );
}

export default function Audit({ route }: PageProps) {
  const subject = route.parts[1];
  const [kindPart, idPart] = subject?.split(":") ?? [];
  const [kind, setKind] = useState<string>(kindPart && (KINDS as readonly string[]).includes(kindPart) ? kindPart : "application");
  const [id, setId] = useState(idPart ?? "");
  const kindId = useId("ak");
  return (
    <>
      <PageTitle>{t("audit.title")}</PageTitle>
      <p>{t("audit.intro")}</p>
      <form
        class="inline"
        onSubmit={(e) => {
          e.preventDefault();
          const v = kind === "parcel" || kind === "department" ? id.trim().toUpperCase() : id.trim();
          if (v) navigate(href("audit", `${kind}:${v}`));
        }}
      >
        <div class="field">
          <label for={kindId}>{t("audit.kind")}</label>
          <select id={kindId} name="kind" value={kind} onChange={(e) => setKind((e.currentTarget as HTMLSelectElement).value)}>
            {KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`audit.kinds.${k}` as Key)}
              </option>
            ))}
          </select>
        </div>
        <TextField label={t("audit.id")} value={id} onInput={setId} required name="subject-id" />
        <button type="submit">{t("audit.show")}</button>
      </form>
      {subject && <Trail key={subject} subject={subject} />}
    </>
  );
}
