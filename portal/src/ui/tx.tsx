import { useState } from "preact/hooks";
import type { Transaction } from "polkadot-api";
import { acting } from "../chain/lazy";
import { useStore } from "../store";
import { t } from "../i18n";
import type { TxResult } from "../chain/tx";

export type { TxResult };

/** An outcome kept by a parent: the result and its success message. */
export interface Outcome {
  result: TxResult;
  success: string;
}

/** A parent's copy of the last outcome (see {@link TxButton}'s `onOutcome`). */
export function LastOutcome({ value }: { value: Outcome | null }) {
  return <div aria-live="polite">{value && <TxOutcome result={value.result} success={value.success} />}</div>;
}

/** The outcome of a transaction: recorded, or the chain's refusal by name and explanation. */
export function TxOutcome({ result, success }: { result: TxResult; success: string }) {
  if (result.ok) {
    return (
      <p class="notice success" role="status" data-tx="ok">
        {success}
      </p>
    );
  }
  let reason: string;
  let name: string | null = null;
  let docs = "";
  if (result.kind === "dispatch") {
    name = result.name;
    docs = result.docs;
    reason = "";
  } else if (result.kind === "pool") {
    reason = t("tx.poolRefused", {
      reason:
        result.reason === "noRole"
          ? t("tx.noRole")
          : result.reason === "tooMany"
            ? t("tx.tooMany")
            : t("tx.invalid", { reason: result.detail }),
    });
  } else {
    reason = t("tx.signerFailed", { message: result.message });
  }
  return (
    <div class="notice error" role="alert" data-tx="refused" data-error={name ?? undefined}>
      <p>
        <strong>{t("tx.refusedTitle")}</strong>
      </p>
      {name && (
        <p>
          <code class="error-name">{name}</code>
        </p>
      )}
      {docs && (
        <p>
          {t("tx.runtimeSays")}: <q lang="en" class="error-docs">{docs}</q>
        </p>
      )}
      {reason && <p>{reason}</p>}
      <p>{t("tx.nothingRecorded")}</p>
    </div>
  );
}

/**
 * A button that signs and submits a transaction as the acting account, then shows the outcome.
 * `build` returns the transaction (the typed API loads on first use).
 */
export function TxButton(props: {
  label: string;
  build: () => Promise<Transaction<any, any> | null>;
  success: (r: TxResult & { ok: true }) => string;
  onDone?: (r: TxResult) => void;
  /**
   * Show the outcome elsewhere (a parent's {@link TxOutcome}): for actions whose button goes away
   * once they succeed (the case moves on), so the outcome must outlive the button.
   */
  onOutcome?: (o: Outcome) => void;
  disabled?: boolean;
  kind?: "primary" | "danger";
}) {
  const who = useStore(acting);
  const [phase, setPhase] = useState<"idle" | "signing" | "broadcasting">("idle");
  const [result, setResult] = useState<TxResult | null>(null);
  const busy = phase !== "idle";
  return (
    <div class="tx">
      <button
        type="button"
        class={props.kind ?? "primary"}
        disabled={props.disabled || busy || !who}
        aria-disabled={props.disabled || busy || !who}
        onClick={async () => {
          if (!who) return;
          setResult(null);
          setPhase("signing");
          try {
            const tx = await props.build();
            if (!tx) {
              setPhase("idle");
              return;
            }
            const { send } = await import("../chain/tx");
            const r = await send(tx, who.signer, setPhase);
            if (props.onOutcome) props.onOutcome({ result: r, success: r.ok ? props.success(r) : "" });
            else setResult(r);
            props.onDone?.(r);
          } catch (e) {
            const r: TxResult = { ok: false, kind: "signer", message: e instanceof Error ? e.message : String(e) };
            if (props.onOutcome) props.onOutcome({ result: r, success: "" });
            else setResult(r);
          } finally {
            setPhase("idle");
          }
        }}
      >
        {props.label}
      </button>
      {!who && <p class="help">{t("tx.needAccount")}</p>}
      <div aria-live="polite">
        {busy && (
          <p class="progress" role="status">
            {phase === "signing" ? t("tx.signing") : t("tx.broadcasting")}
          </p>
        )}
      </div>
      {result && (
        <TxOutcome result={result} success={result.ok ? props.success(result) : ""} />
      )}
    </div>
  );
}
