//! Runtime-API answers as JSON: codes and names as text, accounts as SS58 addresses, hashes as
//! 0x-hex, block numbers and counters as numbers, field names in camelCase.

use clearance_primitives::{Authority, TrailEntry};
use clearance_runtime_api::{
	AccountInfo, Application, ApplicationView, CaseView, CertificateInfo, Dashboard, ParcelView,
	TrailPage,
};
use serde_json::{json, Value};
use std::fmt::{Debug, Display};

/// Bytes of a code or name as text.
pub fn text(bytes: &[u8]) -> String {
	String::from_utf8_lossy(bytes).into_owned()
}

fn name(v: &impl Debug) -> String {
	format!("{v:?}")
}

fn account(a: &impl Display) -> Value {
	Value::String(a.to_string())
}

fn number<B: Copy + Into<u64>>(b: B) -> u64 {
	b.into()
}

/// A case with its clocks.
pub fn case<A: Display, B: Copy + Into<u64>>(v: &CaseView<A, B>) -> Value {
	let c = &v.case;
	json!({
		"id": v.id,
		"application": c.application,
		"clearance": text(&c.clearance),
		"department": text(&c.department),
		"state": c.state.as_str(),
		"officer": c.officer.as_ref().map(account),
		"openedAt": c.opened_at.map(number),
		"timeLimit": number(c.time_limit),
		"departmentUsed": number(v.department_used),
		"departmentLeft": number(v.department_left),
		"responseLeft": v.response_left.map(number),
		"due": v.due.map(number),
		"query": c.query,
		"response": c.response,
		"suspended": c.suspensions > 0,
		"decision": c.decision.as_ref().map(|d| json!({
			"by": d.by.as_ref().map(account),
			"at": number(d.at),
			"document": d.document,
			"reason": d.reason,
			"certificate": d.certificate,
			"inTime": d.in_time,
		})),
	})
}

fn project_and_status<A: Display, B: Copy + Into<u64>>(id: u32, a: &Application<A, B>) -> Value {
	json!({
		"id": id,
		"enterprise": a.enterprise,
		"project": {
			"name": text(&a.project.name),
			"sector": text(&a.project.sector),
			"investment": a.project.investment.as_str(),
		},
		"parcels": a.parcels.iter().map(|p| text(p)).collect::<Vec<_>>(),
		"openCases": a.open_cases,
		"submittedBy": account(&a.submitted_by),
		"submittedAt": number(a.submitted_at),
		"status": name(&a.status),
	})
}

/// An application in a listing: without cases and documents.
pub fn application_summary<A: Display, B: Copy + Into<u64>>(
	id: u32,
	a: &Application<A, B>,
) -> Value {
	let mut v = project_and_status(id, a);
	v["cases"] = json!(a.cases.to_vec());
	v
}

/// An application with its cases and documents.
pub fn application<A: Display, B: Copy + Into<u64>>(v: &ApplicationView<A, B>) -> Value {
	let mut out = project_and_status(v.id, &v.application);
	out["cases"] = Value::Array(v.cases.iter().map(case).collect());
	out["documents"] = Value::Array(
		v.documents
			.iter()
			.map(|(hash, d)| {
				json!({
					"sha256": hash,
					"kind": text(&d.kind),
					"size": d.size,
					"uri": d.uri.as_ref().map(|u| text(u)),
					"anchoredAt": number(d.anchored_at),
				})
			})
			.collect(),
	);
	out["now"] = json!(number(v.now));
	out["dayLength"] = json!(number(v.day_length));
	out
}

fn authority<A: Display>(a: &Authority<A>) -> Value {
	match a {
		Authority::Council => json!({ "kind": "Council" }),
		Authority::Head { department } => json!({ "kind": "Head", "department": text(department) }),
		Authority::Officer { department, role } => {
			json!({ "kind": "Officer", "department": text(department), "role": name(role) })
		},
		Authority::Owner { enterprise } => json!({ "kind": "Owner", "enterprise": enterprise }),
		Authority::Agent { enterprise, agent } => {
			json!({ "kind": "Agent", "enterprise": enterprise, "agent": account(agent) })
		},
		Authority::Statute => json!({ "kind": "Statute" }),
	}
}

fn entry<A: Display + codec::Encode, B: Copy + Into<u64> + codec::Encode>(
	index: u32,
	e: &TrailEntry<A, B>,
) -> Value {
	json!({
		"index": index,
		"seq": e.seq,
		"block": number(e.block),
		"timestamp": e.timestamp,
		"signer": e.signer.as_ref().map(account),
		"authority": authority(&e.authority),
		"action": name(&e.action),
		"details": e.details,
		// The SCALE encoding: what an auditor hashes to recompute the chain.
		"encoded": format!("0x{}", hex(&codec::Encode::encode(e))),
	})
}

fn hex(bytes: &[u8]) -> String {
	bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// A page of an audit trail.
pub fn trail<A: Display + codec::Encode, B: Copy + Into<u64> + codec::Encode>(
	subject: &str,
	p: &TrailPage<A, B>,
) -> Value {
	json!({
		"subject": subject,
		"len": p.len,
		"head": p.head,
		"from": p.from,
		"entries": p.entries.iter().enumerate()
			.map(|(i, e)| entry(p.from.saturating_add(i as u32), e))
			.collect::<Vec<_>>(),
		"next": (p.from.saturating_add(p.entries.len() as u32) < p.len)
			.then(|| p.from.saturating_add(p.entries.len() as u32)),
	})
}

/// A parcel with its cases, certificates and history.
pub fn parcel<A: Display + codec::Encode, B: Copy + Into<u64> + codec::Encode>(
	ulpin: &str,
	v: &ParcelView<A, B>,
) -> Value {
	let p = &v.parcel;
	json!({
		"ulpin": ulpin,
		"district": text(&p.district),
		"village": text(&p.village),
		"plot": text(&p.plot),
		"areaSqm": p.area_sqm,
		"landUse": p.land_use.as_str(),
		"holder": name(&p.holder),
		"encumbrances": p.encumbrances.iter().map(|e| json!({
			"kind": name(&e.kind),
			"holderHash": e.holder_hash,
			"deedHash": e.deed_hash,
		})).collect::<Vec<_>>(),
		"frozen": p.frozen.as_ref().map(|f| json!({ "order": f.order_hash, "since": number(f.since) })),
		"registeredAt": number(p.registered_at),
		"liveCases": v.live_cases,
		"certificates": v.certificates,
		"history": trail(&format!("parcel:{ulpin}"), &v.history),
	})
}

/// A certificate as a verifier sees it.
pub fn certificate(info: &CertificateInfo) -> Value {
	let c = &info.view.certificate;
	json!({
		"number": info.view.number,
		"status": name(&info.view.status),
		"asOf": info.view.at,
		"clearance": text(&c.clearance),
		"department": text(&c.department),
		"enterprise": c.enterprise,
		"holder": text(&info.holder),
		"case": c.case,
		"parcels": c.parcels.iter().map(|p| text(p)).collect::<Vec<_>>(),
		"conditions": c.conditions,
		"issuedAt": c.issued_at,
		"expiresAt": c.expires_at,
		"renews": c.renews,
		"renewedBy": c.renewed_by,
		"revoked": c.revoked.map(|(at, reason, reasoning)| json!({
			"at": at, "reason": reason, "reasoning": reasoning,
		})),
		"suspended": c.suspensions > 0,
	})
}

/// A department's dashboard.
pub fn dashboard(department: &str, d: &Dashboard) -> Value {
	let s = &d.stats;
	let count = |state: clearance_runtime_api::CaseState| s.by_state[state as usize];
	use clearance_runtime_api::CaseState::*;
	json!({
		"department": department,
		"pending": {
			"Waiting": count(Waiting),
			"Submitted": count(Submitted),
			"UnderScrutiny": count(UnderScrutiny),
			"QueryRaised": count(QueryRaised),
			"Responded": count(Responded),
			"Escalated": count(Escalated),
		},
		"suspended": s.suspended,
		"decided": {
			"Approved": count(Approved),
			"Rejected": count(Rejected),
			"DeemedApproved": count(DeemedApproved),
			"Withdrawn": count(Withdrawn),
			"Lapsed": count(Lapsed),
		},
		"inTime": s.in_time,
		"late": s.late,
		"timedDecisions": d.decided,
		"medianDays": d.median_days,
	})
}

/// What an account may do.
pub fn account_info<A: Display>(who: &A, i: &AccountInfo) -> Value {
	json!({
		"account": account(who),
		"headOf": i.head_of.as_ref().map(|c| text(c)),
		"officerOf": i.officer_of.as_ref().map(|(d, roles)| json!({
			"department": text(d),
			"roles": roles.iter().map(name).collect::<Vec<_>>(),
		})),
		"enterprise": i.enterprise.map(|(e, owner)| json!({ "id": e, "owner": owner })),
		"validatorOf": i.validator_of.as_ref().map(|c| text(c)),
	})
}
