//! Runtime-API answers as JSON: codes and names as text, accounts as SS58 addresses, hashes as
//! 0x-hex, block numbers and counters as numbers, field names in camelCase.

use clearance_primitives::{Authority, TrailEntry};
use clearance_runtime_api::{
	AccountInfo, AppealOutcome, AppealView, Application, ApplicationView, CaseView,
	CertificateInfo, Dashboard, ParcelView, TrailPage,
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

fn outcome<B: Copy + Into<u64>>(o: &AppealOutcome<B>) -> Value {
	match o {
		AppealOutcome::Upheld => json!({ "kind": "Upheld" }),
		AppealOutcome::DecisionOrdered { within } => {
			json!({ "kind": "DecisionOrdered", "within": number(*within) })
		},
		AppealOutcome::SetAside => json!({ "kind": "SetAside" }),
	}
}

/// An appeal with its appellate authority's clock, decision and penalty.
pub fn appeal<A: Display, B: Copy + Into<u64>>(v: &AppealView<A, B>) -> Value {
	let a = &v.appeal;
	json!({
		"id": v.id,
		"case": a.case,
		"level": a.level.as_str(),
		"state": a.status.as_str(),
		"filedBy": account(&a.filed_by),
		"filedAt": number(a.filed_at),
		"grounds": a.grounds,
		"left": number(v.left),
		"due": v.due.map(number),
		"closedAt": a.closed_at.map(number),
		"decision": a.decision.as_ref().map(|d| json!({
			"by": account(&d.by),
			"outcome": outcome(&d.outcome),
			"document": d.document,
			"inTime": d.in_time,
		})),
		"penalty": a.penalty.as_ref().map(|p| json!({
			"officer": account(&p.officer),
			"amount": p.amount,
			"by": account(&p.by),
		})),
	})
}

/// An application with its cases, documents and the appeals of its cases (`None` for a runtime
/// before version 3 of the API, which cannot tell: shown as `null`).
pub fn application_with_appeals<A: Display, B: Copy + Into<u64>>(
	v: &ApplicationView<A, B>,
	appeals: Option<&[AppealView<A, B>]>,
) -> Value {
	let mut out = application(v);
	out["appeals"] = appeals.map_or(Value::Null, |a| Value::Array(a.iter().map(appeal).collect()));
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

#[cfg(test)]
mod tests {
	use super::*;
	use clearance_runtime_api::{Appeal, AppealDecision, AppealLevel, AppealStatus};
	use pallet_clearances::{Clock, Penalty};
	use sp_core::H256;

	fn view(decided: bool) -> AppealView<u64, u32> {
		AppealView {
			id: 3,
			appeal: Appeal {
				case: 7,
				level: AppealLevel::Second,
				filed_by: 1,
				filed_at: 60,
				grounds: H256::repeat_byte(9),
				clock: Clock { remaining: 30, running_since: (!decided).then_some(60) },
				status: if decided { AppealStatus::Decided } else { AppealStatus::Pending },
				closed_at: decided.then_some(66),
				decision: decided.then_some(AppealDecision {
					by: 2,
					outcome: AppealOutcome::DecisionOrdered { within: 12 },
					document: H256::zero(),
					in_time: true,
				}),
				penalty: decided.then_some(Penalty { officer: 5, amount: 500, by: 2 }),
			},
			left: if decided { 0 } else { 24 },
			due: (!decided).then_some(90),
		}
	}

	#[test]
	fn an_appeal_shows_its_level_state_clock_decision_and_penalty_in_text_forms() {
		let pending = appeal(&view(false));
		assert_eq!(pending["level"], "Second");
		assert_eq!(pending["state"], "Pending");
		assert_eq!((pending["left"].as_u64(), pending["due"].as_u64()), (Some(24), Some(90)));
		assert_eq!(
			(pending["decision"].clone(), pending["penalty"].clone()),
			(Value::Null, Value::Null)
		);
		let decided = appeal(&view(true));
		assert_eq!(decided["state"], "Decided");
		assert_eq!(decided["due"], Value::Null);
		assert_eq!(decided["closedAt"], 66);
		assert_eq!(
			decided["decision"]["outcome"],
			json!({ "kind": "DecisionOrdered", "within": 12 })
		);
		assert_eq!(decided["penalty"], json!({ "officer": "5", "amount": 500, "by": "2" }));
		assert_eq!(decided["grounds"], format!("0x{}", "09".repeat(32)));
	}
}
