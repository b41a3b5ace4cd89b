import { useState } from "preact/hooks";
import type { PageProps } from "../app";
import { absolute, href, navigate } from "../router";
import { t, tv } from "../i18n";
import { dateTime, parseDate } from "../i18n/format";
import { useStore } from "../store";
import { acting } from "../chain/lazy";
import { getVerifier, type Verification } from "../verify";
import { api, departments } from "../chain/typed";
import { useAsync } from "../ui/async";
import { Account, CertBadge, ErrorBox, Facts, Hash, HashCheck, Loading, PageTitle, Section, TextField, When, useId } from "../ui/components";
import { QrCode } from "../ui/qr";
import { LastOutcome, TxButton, type Outcome } from "../ui/tx";
import { sha256File, sha256Text } from "../ui/sha256";
import { authorityText, deptName } from "./application";

function Result({ v, onChanged }: { v: Verification; onChanged: (block: number) => void }) {
  const c = v.certificate;
  const depts = useAsync(departments, []);
  const who = useStore(acting);
  const link = absolute(href("verify", c.number));
  const mayAct =
    !!who?.roles &&
    (who.roles.headOf === c.department ||
      (who.roles.officerOf?.department === c.department && who.roles.officerOf.roles.includes("ApprovingAuthority")));
  return (
    <section aria-labelledby="result-title" class="result" data-testid="verify-result" data-status={c.status}>
      <h2 id="result-title">{t("verify.result", { n: c.number })}</h2>
      <p class="status-line">
        {t("verify.statusAsOf", { date: dateTime(c.asOf) })}: <CertBadge status={c.status} large />
      </p>
      <div class="result-grid">
        <Facts
          items={[
            [t("verify.clearance"), `${tv("clearance", c.clearance)} (${c.clearance})`],
            [t("verify.department"), deptName(c.department, depts.data)],
            [t("verify.holder"), `${c.holder} · ${t("common.enterprise", { id: c.enterprise })}`],
            [t("verify.case"), <a href={href("case", c.case)}>{t("common.case", { id: c.case })}</a>],
            [t("verify.parcels"), c.parcels.join(", ")],
            [t("verify.conditions"), <div><Hash value={c.conditions} label={t("verify.conditions")} /><HashCheck hash={c.conditions} /></div>],
            [t("verify.issued"), <When ms={c.issuedAt} />],
            [t("verify.expires"), c.expiresAt === null ? t("verify.noExpiry") : <When ms={c.expiresAt} />],
            ...(c.renews !== null ? [[t("verify.renews"), <a href={href("verify", c.renews)}>{c.renews}</a>] as [string, preact.ComponentChildren]] : []),
            ...(c.renewedBy !== null ? [[t("verify.renewedBy"), <a href={href("verify", c.renewedBy)}>{c.renewedBy}</a>] as [string, preact.ComponentChildren]] : []),
            ...(c.revoked
              ? [
                  [t("vocab.certStatus.Revoked"), <span data-testid="revoked">{t("verify.revoked", { date: dateTime(c.revoked.at), reason: c.revoked.reason })}</span>] as [string, preact.ComponentChildren],
                  [t("verify.reasoning"), <Hash value={c.revoked.reasoning} />] as [string, preact.ComponentChildren],
                ]
              : []),
          ]}
        />
        <figure class="qr-box">
          <QrCode text={link} label={t("verify.qr")} />
          <figcaption>{t("verify.qrHelp", { url: link })}</figcaption>
        </figure>
      </div>
      <section aria-labelledby="how-title" class="how">
        <h3 id="how-title">{t("verify.how")}</h3>
        <p data-testid="how">
          {t("verify.howNode", { url: v.source.endpoint, n: v.source.block.number, hash: v.source.block.hash })}{" "}
          {v.source.finalized ? t("verify.howFinal") : t("verify.howNotFinal")}
        </p>
      </section>
      <section aria-labelledby="hist-title">
        <h3 id="hist-title">{t("verify.history")}</h3>
        <ol class="history">
          {v.history.map((e) => (
            <li key={e.index}>
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
      </section>
      {mayAct && <OfficerActions number={c.number} revoked={!!c.revoked} permanent={c.expiresAt === null} onChanged={onChanged} />}
    </section>
  );
}

function OfficerActions({
  number,
  revoked,
  permanent,
  onChanged,
}: {
  number: number;
  revoked: boolean;
  permanent: boolean;
  onChanged: (block: number) => void;
}) {
  const [reason, setReason] = useState("1");
  const [reasoning, setReasoning] = useState("");
  const [conditions, setConditions] = useState<`0x${string}` | null>(null);
  const [last, setLast] = useState<Outcome | null>(null);
  const fileId = useId("rn");
  return (
    <Section title={t("verify.officerTitle")}>
      <LastOutcome value={last} />
      {!revoked && (
        <div class="subform">
          <h3>{t("verify.revokeTitle")}</h3>
          <TextField label={t("verify.reasonCode")} value={reason} onInput={setReason} inputMode="numeric" required name="revoke-reason" />
          <TextField label={t("verify.reasoningText")} value={reasoning} onInput={setReasoning} multiline required help={t("verify.reasoningHelp")} name="revoke-reasoning" />
          <TxButton
            kind="danger"
            label={t("verify.revoke")}
            disabled={!/^\d+$/.test(reason) || Number(reason) > 65535 || !reasoning.trim()}
            build={async () =>
              api.tx.Clearances.revoke_certificate({ certificate: number, reason: Number(reason), reasoning: await sha256Text(reasoning) })
            }
            success={(r) => t("verify.revokedDone", { n: r.block.number })}
            onDone={(r) => r.ok && onChanged(r.block.number)}
            onOutcome={setLast}
          />
        </div>
      )}
      {!revoked && !permanent && (
        <div class="subform">
          <h3>{t("verify.renewTitle")}</h3>
          <div class="field">
            <label for={fileId}>{t("verify.renewFile")}</label>
            <input
              id={fileId}
              type="file"
              name="renew-file"
              onChange={async (e) => {
                const f = (e.currentTarget as HTMLInputElement).files?.[0];
                setConditions(f ? (await sha256File(f)).hash : null);
              }}
            />
            {conditions && <Hash value={conditions} />}
          </div>
          <TxButton
            label={t("verify.renew")}
            disabled={!conditions}
            build={async () => (conditions ? api.tx.Clearances.renew_certificate({ certificate: number, conditions }) : null)}
            success={(r) => t("verify.renewedDone", { n: r.block.number })}
            onDone={(r) => r.ok && onChanged(r.block.number)}
            onOutcome={setLast}
          />
        </div>
      )}
    </Section>
  );
}

export default function Verify({ route }: PageProps) {
  const param = route.parts[1];
  const number = param !== undefined && /^\d+$/.test(param) ? Number(param) : null;
  const asOfText = route.query.get("asOf") ?? "";
  const asOf = asOfText ? parseDate(asOfText) : null;
  const [n, setN] = useState(number !== null ? String(number) : "");
  const [date, setDate] = useState(asOfText);
  const [bad, setBad] = useState(false);
  const [version, setVersion] = useState(0);
  const result = useAsync(
    () =>
      number === null
        ? Promise.resolve(null)
        : getVerifier("node").then((v) => v.verify(number, { asOf: asOf ?? undefined })),
    [number, asOf, version],
  );
  return (
    <>
      <PageTitle>{t("verify.title")}</PageTitle>
      <p>{t("verify.intro")}</p>
      <form
        class="inline"
        onSubmit={(e) => {
          e.preventDefault();
          if (date.trim() && parseDate(date) === null) {
            setBad(true);
            return;
          }
          setBad(false);
          if (/^\d+$/.test(n.trim())) navigate(href("verify", n.trim(), { asOf: date.trim() || undefined }));
        }}
      >
        <TextField label={t("verify.number")} value={n} onInput={setN} inputMode="numeric" required name="certificate" />
        <TextField
          label={t("verify.asOf", { format: t("time.dateFormat") })}
          value={date}
          onInput={setDate}
          help={t("verify.asOfHelp")}
          name="asof"
          noOptionalMark
        />
        <button type="submit" class="primary">
          {t("verify.check")}
        </button>
      </form>
      {bad && (
        <p class="notice error" role="alert">
          {t("verify.badDate")}
        </p>
      )}
      {number !== null &&
        (result.error ? (
          <ErrorBox error={result.error} retry={result.reload} />
        ) : !result.data ? (
          <Loading />
        ) : (
          <Result
            v={result.data}
            onChanged={async (block) => {
              // The verifier answers at finalized blocks: show the change once it is final.
              const { finalizedAtLeast } = await import("../chain/connection");
              await finalizedAtLeast(block);
              setVersion((x) => x + 1);
            }}
          />
        ))}
    </>
  );
}
