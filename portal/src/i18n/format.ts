/** Dates in DD-MM-YYYY, times in IST (Asia/Kolkata), durations from block counts. */
import { t } from ".";

const IST = "Asia/Kolkata";
const parts = new Intl.DateTimeFormat("en-GB", {
  timeZone: IST,
  day: "2-digit",
  month: "2-digit",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});

function pieces(ms: number): Record<string, string> {
  const out: Record<string, string> = {};
  for (const p of parts.formatToParts(new Date(ms))) out[p.type] = p.value;
  return out;
}

/** `31-12-2026` (IST). */
export function date(ms: number): string {
  const p = pieces(ms);
  return `${p.day}-${p.month}-${p.year}`;
}

/** `31-12-2026 18:05 IST`. */
export function dateTime(ms: number): string {
  const p = pieces(ms);
  return `${p.day}-${p.month}-${p.year} ${p.hour}:${p.minute} ${t("time.ist")}`;
}

/** Milliseconds of the end (23:59:59.999 IST) of a day given as `DD-MM-YYYY`, or null. */
export function parseDate(text: string): number | null {
  const m = /^\s*(\d{1,2})-(\d{1,2})-(\d{4})\s*$/.exec(text);
  if (!m) return null;
  const [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1 || d > 31) return null;
  // IST is UTC+05:30 all year.
  const utc = Date.UTC(y, mo - 1, d, 23, 59, 59, 999) - (5 * 60 + 30) * 60_000;
  const check = pieces(utc);
  if (Number(check.day) !== d || Number(check.month) !== mo) return null;
  return utc;
}

/**
 * A count of blocks as time: days with one decimal when a day or more, else hours and minutes.
 */
export function duration(blocks: number, dayLength: number, blockMs: number): string {
  const b = Math.max(0, blocks);
  if (dayLength > 0 && b >= dayLength) {
    const days = b / dayLength;
    return t("time.days", { n: days >= 10 ? Math.round(days) : Math.round(days * 10) / 10 });
  }
  const seconds = Math.round((b * blockMs) / 1000);
  const minutes = Math.round(seconds / 60);
  if (seconds >= 3600) return t("time.hoursMinutes", { h: Math.floor(minutes / 60), m: minutes % 60 });
  if (seconds >= 60) return t("time.minutes", { n: minutes });
  return t("time.seconds", { n: seconds });
}

/** Whole days, for "days left" wording. */
export function days(blocks: number, dayLength: number): number {
  return dayLength > 0 ? Math.floor(Math.max(0, blocks) / dayLength) : 0;
}

/** A short account: `5Grwva…utQY`. */
export function shortAddress(a: string): string {
  return a.length > 14 ? `${a.slice(0, 6)}…${a.slice(-4)}` : a;
}

/** A short hash: `0x1234ab…cdef`. */
export function shortHash(h: string): string {
  return h.length > 16 ? `${h.slice(0, 8)}…${h.slice(-6)}` : h;
}

/** Bytes as `12.3 KB`. */
export function size(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
