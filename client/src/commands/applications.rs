//! Applications and their cases: `apply`, `withdraw`, `track [--follow]`, `applications`,
//! `case show | take | query | respond | approve | reject`.

use crate::{
	args, audit,
	cli::{ApplyArgs, CaseCmd},
	commands::audit as audit_cmd,
	context::Context,
	failure::{Failure, Result},
	rpc::{self, ClearanceApiClient, NodeClient, BEST},
	show,
};
use clearance_runtime::{RuntimeCall::Clearances, RuntimeEvent};
use pallet_clearances::{Call as C, Event, Project};
use serde_json::{json, Value};
use sp_core::H256;

/// `apply`: submit a common application; prints its id and cases.
pub async fn apply(cx: &Context, a: ApplyArgs) -> Result<Value> {
	let project = Project {
		name: args::bounded("project name", &a.project)?,
		sector: args::bounded("sector", &a.sector)?,
		investment: args::investment(&a.investment)?,
	};
	let parcels = a.parcels.iter().map(|p| args::ulpin(p)).collect::<Result<Vec<_>>>()?;
	let parcels = args::list("parcels", parcels)?;
	let types =
		a.types.iter().map(|t| args::bounded("type code", t)).collect::<Result<Vec<_>>>()?;
	let types = args::list("clearance types", types)?;
	let documents = args::hashes(&a.docs)?;
	let call = Clearances(C::submit_application { project, parcels, types, documents });
	let receipt = cx.submit(call).await?;
	let mut application = None;
	let mut cases = Vec::new();
	for e in &receipt.events {
		match e {
			RuntimeEvent::Clearances(Event::ApplicationSubmitted { application: id, .. }) => {
				application = Some(*id)
			},
			RuntimeEvent::Clearances(
				Event::CaseOpened { case, .. } | Event::CaseWaiting { case, .. },
			) => cases.push(*case),
			_ => {},
		}
	}
	if cx.human() {
		println!(
			"Application {} submitted (block {:?}); cases {:?}",
			application.map(|a| a.to_string()).unwrap_or_default(),
			receipt.block,
			cases
		);
		println!("Track it with: clearctl track {}", application.unwrap_or_default());
	}
	Ok(json!({ "block": receipt.block, "application": application, "cases": cases }))
}

/// `withdraw APPLICATION`.
pub async fn withdraw(cx: &Context, application: u32) -> Result<Value> {
	cx.act(Clearances(C::withdraw_application { application }), "Application withdrawn").await
}

/// `track APPLICATION [--follow | --verify]`: the application, who holds each case, the merged
/// trail.
pub async fn track(cx: &Context, application: u32, follow: bool, verify: bool) -> Result<Value> {
	if verify {
		return track_verified(cx, application).await;
	}
	let request = cx.chain.rpc().application(application, BEST);
	let v = rpc::read("clearance_application", request).await?;
	let timeline = timeline(cx, &v).await;
	if cx.human() {
		show::track(&v, &timeline);
	}
	if !follow {
		return Ok(json!({ "application": v, "timeline": timeline }));
	}
	self::follow(cx, application).await
}

/// The merged audit trail of an application and its cases, oldest first. A trail that cannot be
/// read is left out.
async fn timeline(cx: &Context, app: &Value) -> Vec<Value> {
	let mut subjects = vec![format!("application:{}", app["id"])];
	for c in app["cases"].as_array().into_iter().flatten() {
		subjects.push(format!("case:{}", c["id"]));
	}
	let mut entries = Vec::new();
	for subject in subjects {
		let page = cx.chain.rpc().trail(subject.clone(), None, None, BEST).await;
		let Ok(page) = page else { continue };
		for mut e in page["entries"].as_array().cloned().unwrap_or_default() {
			e["subject"] = json!(subject);
			if let Some(o) = e.as_object_mut() {
				o.remove("encoded");
			}
			entries.push(e);
		}
	}
	entries.sort_by_key(|e| e["seq"].as_u64());
	entries
}

/// `track --verify`: the application at the latest finalized block, with a timeline made of
/// the trails of the application and its cases, each proven against the block's state root,
/// and the block proven final from the chain spec. The timeline shows the proven entries.
async fn track_verified(cx: &Context, application: u32) -> Result<Value> {
	let trust = cx.trust("track --verify")?;
	let client = cx.chain.rpc();
	let block = rpc::read("chain_getFinalizedHead", client.finalized_head()).await?;
	let app =
		rpc::read("clearance_application", client.application(application, Some(block))).await?;
	let mut subjects = vec![format!("application:{application}")];
	for c in app["cases"].as_array().into_iter().flatten() {
		subjects.push(format!("case:{}", c["id"]));
	}
	let mut finalized = None;
	let mut timeline = Vec::new();
	for subject in subjects {
		let mut bundle = audit_cmd::fetch(cx, &subject, block).await?;
		let verified = audit::verify(&bundle)
			.map_err(|f| Failure::verify(format!("{subject}: {}", f.message)))?;
		if finalized.is_none() {
			finalized = Some(audit_cmd::prove_final(Some(&cx.chain), trust, &mut bundle).await?);
		}
		for (i, e) in verified.entries.iter().enumerate() {
			timeline.push(json!({
				"subject": subject,
				"index": i,
				"seq": e.seq,
				"block": e.block,
				"timestamp": e.timestamp,
				"signer": e.signer.as_ref().map(|s| s.to_string()),
				"authority": { "kind": format!("{:?}", e.authority) },
				"action": format!("{:?}", e.action),
			}));
		}
	}
	timeline.sort_by_key(|e| e["seq"].as_u64());
	let finalized = finalized.ok_or_else(|| Failure::verify("nothing to prove"))?;
	if cx.human() {
		show::track(&app, &timeline);
		println!(
			"Proven: {} trail entries at finalized block #{} {block:?}; finality from {} \
			 (justification of #{} by authority set {}, {} set changes followed)",
			timeline.len(),
			finalized.number,
			trust.source,
			finalized.justified.0,
			finalized.set_id,
			finalized.set_changes
		);
	}
	Ok(json!({
		"application": app,
		"timeline": timeline,
		"proof": {
			"block": block,
			"number": finalized.number,
			"finality": audit_cmd::proven(trust, &finalized),
		},
	}))
}

/// Stream the application's changes until every case is decided.
async fn follow(cx: &Context, application: u32) -> Result<Value> {
	let finalized = Some(cx.finalized);
	let mut sub =
		ClearanceApiClient::<H256>::subscribe_application(cx.chain.rpc(), application, finalized)
			.await
			.map_err(|e| Failure::chain(format!("cannot follow application {application}: {e}")))?;
	let mut updates = 0u32;
	while let Some(msg) = sub.next().await {
		let msg = msg.map_err(|e| Failure::chain(format!("the subscription failed: {e}")))?;
		updates += 1;
		let app = &msg["application"];
		if cx.json {
			println!("{msg}");
		} else {
			show::update(&msg);
		}
		if app["status"] != json!("Open") {
			if cx.human() {
				println!("Application {application} is {}.", show::text(&app["status"]));
			}
			break;
		}
	}
	Ok(json!({ "application": application, "updates": updates }))
}

/// `applications ENTERPRISE [--after N] [--limit N]`.
pub async fn list(
	cx: &Context,
	enterprise: u32,
	after: Option<u32>,
	limit: Option<u32>,
) -> Result<Value> {
	let request = cx.chain.rpc().applications_of(enterprise, after, limit, BEST);
	let v = rpc::read("clearance_applicationsOf", request).await?;
	if cx.human() {
		show::applications(&v);
	}
	Ok(v)
}

/// `case show | take | query | respond | approve | reject`.
pub async fn case(cx: &Context, cmd: CaseCmd) -> Result<Value> {
	match cmd {
		CaseCmd::Show { case } => {
			let v = rpc::read("clearance_case", cx.chain.rpc().case(case, BEST)).await?;
			if cx.human() {
				show::case(&v, None);
			}
			Ok(v)
		},
		CaseCmd::Take { case } => cx.act(Clearances(C::take_case { case }), "Case taken").await,
		CaseCmd::Query { case, query } => {
			let call = Clearances(C::raise_query { case, query: query.hash()? });
			cx.act(call, "Query raised").await
		},
		CaseCmd::Respond { case, response, docs } => {
			let documents = args::hashes(&docs)?;
			let call =
				Clearances(C::respond_to_query { case, response: response.hash()?, documents });
			cx.act(call, "Query answered").await
		},
		CaseCmd::Approve { case, conditions } => {
			let call = Clearances(C::approve { case, conditions: conditions.hash()? });
			cx.act(call, "Case approved").await
		},
		CaseCmd::Reject { case, reason, reasoning } => {
			let call = Clearances(C::reject { case, reason, reasoning: reasoning.hash()? });
			cx.act(call, "Case rejected").await
		},
	}
}
