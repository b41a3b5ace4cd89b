import { useState } from "preact/hooks";
import type { PageProps } from "../app";
import { href } from "../router";
import { t, tv } from "../i18n";
import { useStore } from "../store";
import { acting } from "../chain/lazy";
import { rpc } from "../chain/connection";
import { api, departments, ulpinHex } from "../chain/typed";
import { useAsync } from "../ui/async";
import { Account, ErrorBox, Facts, Hash, Loading, PageTitle, Section, When, useId } from "../ui/components";
import { LastOutcome, TxButton, type Outcome } from "../ui/tx";
import { sha256File } from "../ui/sha256";
import { authorityText } from "./application";

function FreezeActions({ ulpin, frozen, onChanged }: { ulpin: string; frozen: boolean; onChanged: () => void }) {
  const [order, setOrder] = useState<`0x${string}` | null>(null);
  const [last, setLast] = useState<Outcome | null>(null);
  const id = useId("fo");
  return (
    <Section title={t("parcel.freezeTitle")}>
      <LastOutcome value={last} />
      <p>{t("parcel.freezeHelp")}</p>
      <div class="field">
        <label for={id}>{t("parcel.orderFile")}</label>
        <input
          id={id}
          type="file"
          name="order-file"
          onChange={async (e) => {
            const f = (e.currentTarget as HTMLInputElement).files?.[0];
            setOrder(f ? (await sha256File(f)).hash : null);
          }}
        />
        {order && <Hash value={order} />}
      </div>
      {frozen ? (
        <TxButton
          label={t("parcel.unfreeze")}
          disabled={!order}
          build={async () => (order ? api.tx.LandParcels.unfreeze_parcel({ parcel: ulpinHex(ulpin), order_hash: order }) : null)}
          success={(r) => t("parcel.unfrozenDone", { n: r.block.number })}
          onDone={(r) => r.ok && onChanged()}
          onOutcome={setLast}
        />
      ) : (
        <TxButton
          kind="danger"
          label={t("parcel.freeze")}
          disabled={!order}
          build={async () => (order ? api.tx.LandParcels.freeze_parcel({ parcel: ulpinHex(ulpin), order_hash: order }) : null)}
          success={(r) => t("parcel.frozenDone", { n: r.block.number })}
          onDone={(r) => r.ok && onChanged()}
          onOutcome={setLast}
        />
      )}
    </Section>
  );
}

export default function ParcelPage({ route }: PageProps) {
  const ulpin = (route.parts[1] ?? "").toUpperCase();
  const [from, setFrom] = useState(0);
  const [version, setVersion] = useState(0);
  const who = useStore(acting);
  const depts = useAsync(departments, []);
  const p = useAsync(() => rpc.parcel(ulpin, { from, limit: 20 }), [ulpin, from, version]);
  const land = depts.data?.filter((d) => d.kind === "Land").map((d) => d.code) ?? [];
  const r = who?.roles;
  const mayOrder =
    !!r &&
    ((r.headOf !== null && land.includes(r.headOf)) ||
      (r.officerOf !== null &&
        land.includes(r.officerOf.department) &&
        r.officerOf.roles.some((x) => x === "ApprovingAuthority" || x === "DepartmentAdmin")));
  if (p.error) return <ErrorBox error={p.error} retry={p.reload} />;
  if (!p.data) return <Loading />;
  const v = p.data;
  const h = v.history;
  return (
    <>
      <PageTitle>{t("parcel.title", { ulpin })}</PageTitle>
      <Facts
        items={[
          [t("parcel.district"), v.district],
          [t("parcel.village"), v.village],
          [t("parcel.plot"), v.plot],
          [t("parcel.area"), t("parcel.sqm", { n: v.areaSqm.toLocaleString("en-IN") })],
          [t("parcel.landUse"), tv("landUse", v.landUse)],
          [t("parcel.holder"), v.holder],
          [t("parcel.encumbrances"), v.encumbrances.length ? v.encumbrances.map((e) => e.kind).join(", ") : t("common.none")],
          [
            t("common.state"),
            <span data-testid="frozen">{v.frozen ? t("parcel.frozen", { n: v.frozen.since }) : t("parcel.notFrozen")}</span>,
          ],
          [t("parcel.liveCases"), v.liveCases.length ? <span>{v.liveCases.map((c, i) => <span key={c}>{i > 0 && ", "}<a href={href("case", c)}>{c}</a></span>)}</span> : t("common.none")],
          [t("parcel.certificates"), v.certificates.length ? <span>{v.certificates.map((c, i) => <span key={c}>{i > 0 && ", "}<a href={href("verify", c)}>{c}</a></span>)}</span> : t("common.none")],
        ]}
      />
      {mayOrder && <FreezeActions ulpin={ulpin} frozen={!!v.frozen} onChanged={() => setVersion(version + 1)} />}
      <Section title={t("parcel.history")}>
        <ol class="history" start={h.from + 1}>
          {h.entries.map((e) => (
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
        <div class="pager">
          {from > 0 && (
            <button type="button" onClick={() => setFrom(Math.max(0, from - 20))}>
              {t("common.previous")}
            </button>
          )}
          {h.next !== null && (
            <button type="button" onClick={() => setFrom(h.next!)}>
              {t("common.next")}
            </button>
          )}
        </div>
      </Section>
    </>
  );
}
