import type { ComponentChildren } from "preact";
import { useState } from "preact/hooks";
import { errorCode, ERROR_CODES } from "@clearance/rpc";
import { t, tv, type Key } from "../i18n";
import { dateTime, shortAddress, shortHash } from "../i18n/format";
import { sha256File, sha256Text } from "./sha256";

/** A page's main heading: focused on navigation so screen readers announce the new page. */
export function PageTitle({ children }: { children: ComponentChildren }) {
  return (
    <h1 id="page-title" tabIndex={-1}>
      {children}
    </h1>
  );
}

export function Loading({ label }: { label?: string }) {
  return (
    <p class="loading" role="status">
      {label ?? t("common.loading")}
    </p>
  );
}

function message(e: unknown): string {
  if (e instanceof Error) return e.message;
  if (e && typeof e === "object" && "message" in e) return String((e as { message: unknown }).message);
  return String(e);
}

export function ErrorBox({ error, retry }: { error: unknown; retry?: () => void }) {
  const code = errorCode(error);
  return (
    <div class="notice error" role="alert">
      <p>{code === ERROR_CODES.NOT_FOUND ? t("common.notFound") : t("common.error", { message: message(error) })}</p>
      {retry && (
        <button type="button" onClick={retry}>
          {t("common.retry")}
        </button>
      )}
    </div>
  );
}

/** A hash, shortened, with the full value for copying and for assistive technology. */
export function Hash({ value }: { value: string | null | undefined; label?: string }) {
  if (!value) return <span>{t("common.none")}</span>;
  return (
    <code class="hash" title={value} data-full={value}>
      {shortHash(value)}
    </code>
  );
}

/** An account, shortened, with the full address on hover and for assistive technology. */
export function Account({ address }: { address: string | null | undefined }) {
  if (!address) return <span>{t("common.none")}</span>;
  return (
    <code class="account" title={address} data-full={address}>
      {shortAddress(address)}
    </code>
  );
}

export function When({ ms }: { ms: number | null | undefined }) {
  if (ms === null || ms === undefined) return <span>{t("common.none")}</span>;
  return <time dateTime={new Date(ms).toISOString()}>{dateTime(ms)}</time>;
}

const FINAL = new Set(["Approved", "DeemedApproved", "Rejected", "Withdrawn", "Lapsed"]);
function stateClass(state: string): string {
  if (state === "Approved" || state === "DeemedApproved") return "ok";
  if (state === "Rejected" || state === "Lapsed") return "bad";
  if (state === "Escalated" || state === "QueryRaised") return "warn";
  if (FINAL.has(state)) return "muted";
  return "info";
}

/** A case state as a badge, with the state's meaning as its description. */
export function StateBadge({ state }: { state: string }) {
  return (
    <span class={`badge ${stateClass(state)}`} data-state={state} title={tv("stateHelp", state)}>
      {tv("state", state)}
    </span>
  );
}

export function CertBadge({ status, large }: { status: string; large?: boolean }) {
  const cls = status === "Valid" ? "ok" : status === "Suspended" ? "warn" : "bad";
  return (
    <span class={`badge ${cls}${large ? " large" : ""}`} data-status={status}>
      {tv("certStatus", status)}
    </span>
  );
}

/** A definition list from label/value pairs. */
export function Facts({ items }: { items: [string, ComponentChildren][] }) {
  return (
    <dl class="facts">
      {items.map(([k, v]) => (
        <div key={k}>
          <dt>{k}</dt>
          <dd>{v}</dd>
        </div>
      ))}
    </dl>
  );
}

let ids = 0;
/** A unique id for label/control pairs. */
export function useId(prefix = "f"): string {
  const [id] = useState(() => `${prefix}-${++ids}`);
  return id;
}

/** Check that a file or a text has the hash recorded on chain. */
export function HashCheck({ hash }: { hash: string }) {
  const [result, setResult] = useState<string | null>(null);
  const [ok, setOk] = useState(false);
  const [text, setText] = useState("");
  const fileId = useId("hc");
  const textId = useId("ht");
  return (
    <details class="hashcheck">
      <summary>{t("common.checkFile")}</summary>
      <div class="row">
        <label for={fileId}>{t("apply.file")}</label>
        <input
          id={fileId}
          type="file"
          onChange={async (e) => {
            const f = (e.currentTarget as HTMLInputElement).files?.[0];
            if (!f) return;
            const { hash: h } = await sha256File(f);
            setOk(h === hash);
            setResult(h === hash ? t("common.matches") : t("common.differs", { hash: h }));
          }}
        />
      </div>
      <div class="row">
        <label for={textId}>{t("common.hashText")}</label>
        <textarea id={textId} rows={2} value={text} onInput={(e) => setText((e.currentTarget as HTMLTextAreaElement).value)} />
        <button
          type="button"
          onClick={async () => {
            const h = await sha256Text(text);
            setOk(h === hash);
            setResult(h === hash ? t("common.textMatches") : t("common.textDiffers"));
          }}
        >
          {t("common.check")}
        </button>
      </div>
      {result && (
        <p role="status" class={ok ? "good" : "bad-text"}>
          {result}
        </p>
      )}
    </details>
  );
}

/** A labelled text input. */
export function TextField(props: {
  label: string;
  value: string;
  onInput: (v: string) => void;
  help?: string;
  required?: boolean;
  inputMode?: "numeric" | "text";
  pattern?: string;
  name?: string;
  autoComplete?: string;
  multiline?: boolean;
  /** The label already says whether it is optional. */
  noOptionalMark?: boolean;
}) {
  const id = useId("t");
  const helpId = props.help ? `${id}-help` : undefined;
  return (
    <div class="field">
      <label for={id}>
        {props.label}
        {props.required || props.noOptionalMark ? "" : ` (${t("common.optional")})`}
      </label>
      {props.multiline ? (
        <textarea
          id={id}
          name={props.name}
          rows={3}
          value={props.value}
          required={props.required}
          aria-describedby={helpId}
          onInput={(e) => props.onInput((e.currentTarget as HTMLTextAreaElement).value)}
        />
      ) : (
        <input
          id={id}
          name={props.name}
          type="text"
          value={props.value}
          required={props.required}
          inputMode={props.inputMode}
          pattern={props.pattern}
          autoComplete={props.autoComplete ?? "off"}
          aria-describedby={helpId}
          onInput={(e) => props.onInput((e.currentTarget as HTMLInputElement).value)}
        />
      )}
      {props.help && (
        <p class="help" id={helpId}>
          {props.help}
        </p>
      )}
    </div>
  );
}

/** A section with a heading, for landmarks-by-heading navigation. */
export function Section({ title, children, id }: { title: string; children: ComponentChildren; id?: string }) {
  const hid = useId("s");
  return (
    <section aria-labelledby={hid} id={id}>
      <h2 id={hid}>{title}</h2>
      {children}
    </section>
  );
}

export function tk(key: Key, params?: Record<string, string | number>): string {
  return t(key, params);
}
