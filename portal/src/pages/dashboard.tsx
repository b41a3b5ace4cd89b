import type { PageProps } from "../app";
import { t, tv } from "../i18n";
import { rpc } from "../chain/connection";
import { decisionDays, departments, type DepartmentInfo } from "../chain/typed";
import { useAsync } from "../ui/async";
import { ErrorBox, Loading, PageTitle } from "../ui/components";
import { FigureTable, HBars, Histogram, type Bar } from "../ui/chart";
import { deptName } from "./application";

function tone(state: string): Bar["tone"] {
  if (state === "Approved" || state === "DeemedApproved") return "ok";
  if (state === "Rejected" || state === "Lapsed") return "bad";
  if (state === "Escalated" || state === "QueryRaised") return "warn";
  if (state === "Withdrawn") return "muted";
  return "info";
}

function DepartmentBoard({ d, all }: { d: DepartmentInfo; all: DepartmentInfo[] }) {
  const board = useAsync(() => rpc.dashboard(d.code), [d.code]);
  const days = useAsync(() => decisionDays(d.code), [d.code]);
  const name = deptName(d.code, all);
  if (board.error) return <ErrorBox error={board.error} retry={board.reload} />;
  if (!board.data) return <Loading />;
  const b = board.data;
  const pending: Bar[] = Object.entries(b.pending).map(([s, n]) => ({ label: tv("state", s), value: n, tone: tone(s) }));
  const decided: Bar[] = Object.entries(b.decided).map(([s, n]) => ({ label: tv("state", s), value: n, tone: tone(s) }));
  const timing: Bar[] = [
    { label: t("dashboard.inTime"), value: b.inTime, tone: "ok" },
    { label: t("dashboard.late"), value: b.late, tone: "bad" },
  ];
  return (
    <section class="board" aria-labelledby={`board-${d.code}`} data-department={d.code}>
      <h2 id={`board-${d.code}`}>
        {name} <span class="muted">({d.code})</span>
      </h2>
      <p class="median" data-testid={`median-${d.code}`}>
        {t("dashboard.median")}:{" "}
        <strong>{b.medianDays === null ? t("dashboard.noDecisions") : t("dashboard.medianValue", { n: b.medianDays })}</strong>
        {b.suspended > 0 && <> · {t("dashboard.suspended", { n: b.suspended })}</>}
      </p>
      <div class="charts">
        <HBars title={t("dashboard.pending")} bars={pending} />
        <HBars title={t("dashboard.decided")} bars={decided} />
        <HBars title={t("dashboard.inTimeLate")} bars={timing} />
        {days.data && (
          <Histogram
            title={t("dashboard.distribution")}
            points={days.data.map((x) => ({ x: x.day, y: x.count }))}
            xLabel={t("dashboard.daysAxis")}
            yLabel={t("dashboard.casesAxis")}
          />
        )}
      </div>
      <details>
        <summary>{t("dashboard.table")}</summary>
        <FigureTable caption={`${name}: ${t("dashboard.pending")}`} rows={pending.map((x) => [x.label, x.value])} />
        <FigureTable caption={`${name}: ${t("dashboard.decided")}`} rows={[...decided.map((x): [string, number] => [x.label, x.value]), ...timing.map((x): [string, number] => [x.label, x.value])]} />
        {days.data && (
          <FigureTable
            caption={`${name}: ${t("dashboard.distribution")}`}
            rows={days.data.map((x) => [t("dashboard.medianValue", { n: x.day }), x.count])}
          />
        )}
      </details>
    </section>
  );
}

export default function Dashboard(_: PageProps) {
  const depts = useAsync(departments, []);
  return (
    <>
      <PageTitle>{t("dashboard.title")}</PageTitle>
      <p>{t("dashboard.intro")}</p>
      {depts.error ? (
        <ErrorBox error={depts.error} retry={depts.reload} />
      ) : !depts.data ? (
        <Loading />
      ) : (
        <div class="boards">
          {depts.data.map((d) => (
            <DepartmentBoard key={d.code} d={d} all={depts.data!} />
          ))}
        </div>
      )}
    </>
  );
}
