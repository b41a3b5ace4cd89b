/**
 * Demo data for a development chain, through signed transactions with the development keys:
 * enterprises (registered by Charlie//stash, an Industries officer), land parcels (registered by
 * Eve, a Land scrutiny officer), anchored documents and applications in several states:
 * submitted, waiting, taken, queried, answered, approved with a certificate, rejected, a revoked
 * certificate, and a one-minute DEMO_QUICK_NOC that the runtime deems approved by itself.
 *
 *   npx tsx scripts/seed.ts [ws://127.0.0.1:9944]
 *
 * Idempotent: every step first looks whether its result is already on chain, so a second run
 * (or a run after a partial one) adds only what is missing. Refuses to run on a chain that does
 * not call itself a development chain.
 */
import { createHash } from "node:crypto";
import { Binary } from "polkadot-api";
import { connect, Signers } from "./node-chain.ts";

const url = process.argv[2] ?? process.env.RPC_URL ?? "ws://127.0.0.1:9944";
const { client, api, rpc, destroy } = connect(url);
const signers = new Signers(client);

const text = (s: string) => Binary.fromText(s);
const ulpin = (u: string) => Binary.toHex(Binary.fromText(u));
const sha = (s: string) => `0x${createHash("sha256").update(s).digest("hex")}` as `0x${string}`;
const log = (s: string) => console.log(`seed: ${s}`);

/** Demo documents: their "files" are these texts (the hash is what goes on chain). */
function demoFile(enterprise: string, kind: string): string {
  return `${enterprise}: ${kind.toLowerCase().replace(/_/g, " ")} (demo file for the Clearance Registry)\n`;
}

interface EnterpriseSpec {
  key: string;
  name: string;
  owner: string;
  agent?: string;
  parcels: { ulpin: string; district: string; village: string; plot: string; area: number; use: "Agricultural" | "Industrial" }[];
  documents: string[];
}

export const ENTERPRISES: EnterpriseSpec[] = [
  {
    key: "rajarhat",
    name: "Rajarhat Steel Works",
    owner: "//One",
    agent: "//Eve//stash",
    parcels: [
      { ulpin: "WB19KOL0004321", district: "North 24 Parganas", village: "Rajarhat", plot: "112/4", area: 20000, use: "Agricultural" },
      { ulpin: "WB19KOL0004322", district: "North 24 Parganas", village: "Rajarhat", plot: "112/5", area: 8000, use: "Agricultural" },
    ],
    documents: ["SALE_DEED", "SITE_PLAN", "PROJECT_REPORT", "BUILDING_DRAWINGS", "FIRE_SAFETY_PLAN"],
  },
  {
    key: "haldia",
    name: "Haldia Agro Foods",
    owner: "//Two",
    parcels: [
      { ulpin: "WB11HAL0000077", district: "Purba Medinipur", village: "Haldia", plot: "77/1", area: 12000, use: "Agricultural" },
      { ulpin: "WB11HAL0000078", district: "Purba Medinipur", village: "Haldia", plot: "78/2", area: 5000, use: "Industrial" },
    ],
    documents: ["SALE_DEED", "SITE_PLAN", "PROJECT_REPORT"],
  },
  {
    // Left without applications: the portal's end-to-end test applies for it.
    key: "barasat",
    name: "Barasat Textiles",
    owner: "//Ferdie//stash",
    parcels: [
      { ulpin: "WB24BAR0000510", district: "North 24 Parganas", village: "Barasat", plot: "510", area: 15000, use: "Agricultural" },
      { ulpin: "WB24BAR0000511", district: "North 24 Parganas", village: "Barasat", plot: "511", area: 6000, use: "Agricultural" },
    ],
    documents: [],
  },
];

const REGISTRAR = "//Charlie//stash"; // Industries: scrutiny officer and approving authority
const LAND_SCRUTINY = "//Eve";
const LAND_APPROVING = "//Alice//stash";
const ENV_SCRUTINY = "//Ferdie";

async function enterpriseOf(owner: string): Promise<number | null> {
  const a = await rpc.account(signers.account(owner).address);
  return a.enterprise?.id ?? null;
}

async function applicationNamed(enterprise: number, project: string, parcel: string) {
  const page = await rpc.applicationsOf(enterprise, { limit: 100 });
  return page.items.find((a) => a.project.name === project && a.parcels.includes(parcel)) ?? null;
}

async function caseOf(application: number, clearance: string) {
  const app = await rpc.application(application);
  const c = app.cases.find((x) => x.clearance === clearance);
  if (!c) throw new Error(`application ${application} has no ${clearance} case`);
  return c;
}

async function main() {
  const chainType = await client._request<string>("system_chainType", []);
  if (chainType !== "Development") {
    throw new Error(`the chain at ${url} is a ${chainType} chain: demo data goes on development chains only`);
  }
  log(`seeding ${url}`);

  // 1. Enterprises (Industries officer), then their agents (owner).
  const ids: Record<string, number> = {};
  await Promise.all(
    ENTERPRISES.map(async (e) => {
      let id = await enterpriseOf(e.owner);
      if (id === null) {
        await signers.must(
          REGISTRAR,
          `register ${e.name}`,
          api.tx.Enterprises.register_enterprise({
            name: text(e.name),
            identity_hash: sha(`${e.name} identity documents (demo)`),
            owner: signers.account(e.owner).address,
          }),
        );
        id = await enterpriseOf(e.owner);
        log(`enterprise ${id}: ${e.name} (owner ${e.owner})`);
      }
      ids[e.key] = id!;
    }),
  );
  await Promise.all(
    ENTERPRISES.filter((e) => e.agent).map(async (e) => {
      const a = await rpc.account(signers.account(e.agent!).address);
      if (a.enterprise) return;
      await signers.must(e.owner, `add agent of ${e.name}`, api.tx.Enterprises.add_agent({ agent: signers.account(e.agent!).address }));
      log(`${e.agent} is an agent of ${e.name}`);
    }),
  );

  // 2. Parcels (Land scrutiny officer) and documents (owners), in parallel.
  const work: Promise<unknown>[] = [];
  for (const e of ENTERPRISES) {
    for (const p of e.parcels) {
      work.push(
        (async () => {
          const have = await api.query.LandParcels.Parcels.getValue(ulpin(p.ulpin), { at: "best" });
          if (have) return;
          await signers.must(
            LAND_SCRUTINY,
            `register parcel ${p.ulpin}`,
            api.tx.LandParcels.register_parcel({
              parcel: ulpin(p.ulpin),
              district: text(p.district),
              village: text(p.village),
              plot: text(p.plot),
              area_sqm: BigInt(p.area),
              land_use: { type: p.use, value: undefined },
              holder: { type: "Enterprise", value: ids[e.key]! },
            }),
          );
          log(`parcel ${p.ulpin} (${p.village}, plot ${p.plot}) held by ${e.name}`);
        })(),
      );
    }
    for (const kind of e.documents) {
      work.push(
        (async () => {
          const body = demoFile(e.name, kind);
          const hash = sha(body);
          const have = await api.query.Clearances.Documents.getValue(ids[e.key]!, hash, { at: "best" });
          if (have) return;
          await signers.must(
            e.owner,
            `anchor ${kind} of ${e.name}`,
            api.tx.Clearances.anchor_document({ sha256: hash, kind: text(kind), size: BigInt(Buffer.byteLength(body)), uri: undefined }),
          );
          log(`${e.name} anchored ${kind} ${hash.slice(0, 12)}…`);
        })(),
      );
    }
  }
  await Promise.all(work);

  const docs = (e: EnterpriseSpec, kinds: string[]) => kinds.map((k) => sha(demoFile(e.name, k)));
  const [raj, hal] = [ENTERPRISES[0]!, ENTERPRISES[1]!];

  // 3. Applications.
  const apply = async (
    who: string,
    e: EnterpriseSpec,
    project: { name: string; sector: string; investment: "Micro" | "Small" | "Medium" | "Large" },
    parcel: string,
    types: string[],
    kinds: string[],
  ): Promise<number> => {
    const have = await applicationNamed(ids[e.key]!, project.name, parcel);
    if (have) return have.id;
    const o = await signers.must(
      who,
      `apply for ${project.name}`,
      api.tx.Clearances.submit_application({
        project: { name: text(project.name), sector: text(project.sector), investment: { type: project.investment, value: undefined } },
        parcels: [ulpin(parcel)],
        types: types.map(text),
        documents: docs(e, kinds),
      }),
    );
    const ev = o.events.find((x) => x.type === "Clearances" && x.value.type === "ApplicationSubmitted");
    const id = ev?.value.value.application as number;
    log(`application ${id}: ${project.name} on ${parcel}: ${types.join(", ")}`);
    return id;
  };
  const [a0, a1, a2, a3] = await Promise.all([
    apply(
      raj.owner,
      raj,
      { name: "Rajarhat Steel Works", sector: "Steel", investment: "Medium" },
      "WB19KOL0004321",
      ["LAND_USE_CONVERSION", "CONSENT_TO_ESTABLISH", "BUILDING_PLAN", "FIRE_NOC", "TRADE_LICENCE"],
      raj.documents,
    ),
    apply(hal.owner, hal, { name: "Haldia Agro Foods", sector: "Food processing", investment: "Small" }, "WB11HAL0000077", ["LAND_USE_CONVERSION", "TRADE_LICENCE"], ["SALE_DEED", "SITE_PLAN"]),
    apply(hal.owner, hal, { name: "Haldia Agro Foods cold store", sector: "Food processing", investment: "Micro" }, "WB11HAL0000078", ["TRADE_LICENCE"], []),
    // Filed by the agent; one minute later the runtime deems it approved.
    apply(raj.agent!, raj, { name: "Rajarhat Steel Works annexe", sector: "Steel", investment: "Small" }, "WB19KOL0004322", ["DEMO_QUICK_NOC"], []),
  ]);
  void a3;

  // 4. Scrutiny: take the cases.
  const take = async (who: string, app: number, type: string) => {
    const c = await caseOf(app, type);
    if (c.state !== "Submitted") return c.id;
    await signers.must(who, `take case ${c.id}`, api.tx.Clearances.take_case({ case: c.id }));
    log(`case ${c.id} (${type}) taken by ${who}`);
    return c.id;
  };
  const [luc0, tl0, luc1, tl1, tl2] = await Promise.all([
    take(LAND_SCRUTINY, a0, "LAND_USE_CONVERSION"),
    take(REGISTRAR, a0, "TRADE_LICENCE"),
    take(LAND_SCRUTINY, a1, "LAND_USE_CONVERSION"),
    take(REGISTRAR, a1, "TRADE_LICENCE"),
    take(REGISTRAR, a2, "TRADE_LICENCE"),
  ]);

  // 5. Queries and decisions.
  const query = async (caseId: number, text: string) => {
    const c = await rpc.case(caseId);
    if (c.query) return;
    await signers.must(LAND_SCRUTINY, `query case ${caseId}`, api.tx.Clearances.raise_query({ case: caseId, query: sha(text) }));
    log(`query raised on case ${caseId}`);
  };
  const approve = async (who: string, caseId: number, conditions: string) => {
    const c = await rpc.case(caseId);
    if (c.decision) return c.decision.certificate;
    const o = await signers.must(who, `approve case ${caseId}`, api.tx.Clearances.approve({ case: caseId, conditions: sha(conditions) }));
    const ev = o.events.find((x) => x.type === "Clearances" && x.value.type === "CaseApproved");
    log(`case ${caseId} approved: certificate ${ev?.value.value.certificate}`);
    return ev?.value.value.certificate as number;
  };
  const reject = async (who: string, caseId: number, reason: number, reasoning: string) => {
    const c = await rpc.case(caseId);
    if (c.decision) return;
    await signers.must(who, `reject case ${caseId}`, api.tx.Clearances.reject({ case: caseId, reason, reasoning: sha(reasoning) }));
    log(`case ${caseId} rejected (reason ${reason})`);
  };
  const [, , , , cert2] = await Promise.all([
    query(luc0, "Attach the mutation record of plot 112/4."),
    query(luc1, "The site plan does not show the access road; attach a revised plan."),
    approve(REGISTRAR, tl0, "Trade licence conditions: display the licence at the premises."),
    reject(REGISTRAR, tl1, 3, "The trade described does not match the zoning of the plot."),
    approve(REGISTRAR, tl2, "Trade licence conditions for the cold store."),
  ]);

  // 6. The applicant answers; a certificate is revoked.
  const luc0Now = await rpc.case(luc0);
  if (luc0Now.state === "QueryRaised") {
    await signers.must(
      raj.owner,
      `respond on case ${luc0}`,
      api.tx.Clearances.respond_to_query({ case: luc0, response: sha("Mutation record attached."), documents: [] }),
    );
    log(`case ${luc0}: query answered`);
  }
  if (cert2 !== null && cert2 !== undefined) {
    const c = await rpc.certificate(cert2);
    if (!c.revoked) {
      await signers.must(
        REGISTRAR,
        `revoke certificate ${cert2}`,
        api.tx.Clearances.revoke_certificate({ certificate: cert2, reason: 7, reasoning: sha("The cold store operated without fire safety measures.") }),
      );
      log(`certificate ${cert2} revoked`);
    }
  }

  // 7. The land-use conversion is approved: consent to establish and building plan open.
  await approve(LAND_APPROVING, luc0, "Land-use conversion of plot 112/4 to industrial use, with a 10 m green belt.");
  const cte = await caseOf(a0, "CONSENT_TO_ESTABLISH");
  if (cte.state === "Submitted") {
    await signers.must(ENV_SCRUTINY, `take case ${cte.id}`, api.tx.Clearances.take_case({ case: cte.id }));
    log(`case ${cte.id} (CONSENT_TO_ESTABLISH) taken by ${ENV_SCRUTINY}`);
  }

  const summary = await Promise.all(
    [a0, a1, a2, a3].map(async (id) => {
      const a = await rpc.application(id);
      return `  application ${id} (${a.project.name}): ${a.cases.map((c) => `${c.clearance}=${c.state}`).join(", ")}`;
    }),
  );
  log(`done; enterprises ${JSON.stringify(ids)}\n${summary.join("\n")}`);
}

main()
  .then(() => {
    destroy();
    process.exit(0);
  })
  .catch((e) => {
    console.error(`seed failed: ${e instanceof Error ? e.message : String(e)}`);
    destroy();
    process.exit(1);
  });
