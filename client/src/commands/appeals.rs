//! Appeals under the Right to Public Services acts: `appeal file | second | decide | penalty |
//! list`. The applicant (owner or agent) files; the department's Appellate Officer decides first
//! appeals and its Reviewing Officer second appeals, and may fine the officer who held the case.

use crate::{
	args,
	cli::Text,
	context::Context,
	failure::{Failure, Result},
	rpc::{self, ClearanceApiClient, BEST},
	show,
};
use clap::Subcommand;
use clearance_runtime::{BlockNumber, RuntimeCall, RuntimeCall::Clearances, RuntimeEvent};
use pallet_clearances::{AppealOutcome, Call as C, Event};
use serde_json::{json, Value};

/// `clearctl appeal …`.
#[derive(Subcommand)]
pub enum AppealCmd {
	/// File a first appeal against a case's rejection, escalation, lapse or delay (the
	/// applicant's owner or agent), with its grounds.
	File {
		case: u32,
		#[command(flatten)]
		grounds: Text,
	},
	/// File a second appeal, after the first was upheld or timed out (the applicant).
	Second {
		case: u32,
		#[command(flatten)]
		grounds: Text,
	},
	/// Decide an appeal with a reasoned order (Appellate Officer for a first appeal, Reviewing
	/// Officer for a second; not an officer who held the case).
	Decide {
		appeal: u32,
		/// Upheld, SetAside or DecisionOrdered (any case; `set-aside` and `ordered` too).
		#[arg(long)]
		outcome: String,
		/// With DecisionOrdered: the department's new limit, in working blocks.
		#[arg(long)]
		within: Option<BlockNumber>,
		#[command(flatten)]
		order: Text,
	},
	/// Record a penalty on a second appeal against the officer who held the case (Reviewing
	/// Officer), in rupees within the council's range.
	Penalty {
		appeal: u32,
		/// The officer penalised (SS58 address).
		#[arg(long)]
		officer: String,
		/// The amount, in rupees.
		#[arg(long)]
		amount: u32,
	},
	/// The appeals of an application's cases, with decisions and penalties.
	List { application: u32 },
}

/// Run an `appeal` subcommand.
pub async fn run(cx: &Context, cmd: AppealCmd) -> Result<Value> {
	match cmd {
		AppealCmd::File { case, grounds } => {
			let call = Clearances(C::file_appeal { case, grounds: grounds.hash()? });
			file(cx, call, "First").await
		},
		AppealCmd::Second { case, grounds } => {
			let call = Clearances(C::file_second_appeal { case, grounds: grounds.hash()? });
			file(cx, call, "Second").await
		},
		AppealCmd::Decide { appeal, outcome: text, within, order } => {
			let outcome = outcome(&text, within)?;
			let call = Clearances(C::decide_appeal { appeal, outcome, document: order.hash()? });
			cx.act(call, "Appeal decided").await
		},
		AppealCmd::Penalty { appeal, officer, amount } => {
			if amount == 0 {
				return Err(Failure::input("a penalty of 0 rupees is no penalty: give --amount"));
			}
			let officer = args::account(&officer)?;
			let call = Clearances(C::record_penalty { appeal, officer, amount });
			cx.act(call, "Penalty recorded").await
		},
		AppealCmd::List { application } => {
			let v =
				rpc::read("clearance_application", cx.chain.rpc().application(application, BEST))
					.await?;
			let appeals = v["appeals"].clone();
			if cx.human() {
				list(&appeals);
			}
			Ok(json!({ "application": application, "appeals": appeals }))
		},
	}
}

/// Submit a filing; answer (and print) the new appeal's id and due block.
async fn file(cx: &Context, call: RuntimeCall, level: &str) -> Result<Value> {
	let receipt = cx.submit(call).await?;
	let filed = receipt.events.iter().find_map(|e| match e {
		RuntimeEvent::Clearances(Event::AppealFiled { appeal, due, .. }) => Some((*appeal, *due)),
		_ => None,
	});
	let (appeal, due) = filed.ok_or_else(|| Failure::chain("the filing emitted no AppealFiled"))?;
	if cx.human() {
		println!("{level} appeal {appeal} filed (block {:?}); due at block {due}", receipt.block);
	}
	Ok(json!({ "block": receipt.block, "appeal": appeal, "due": due }))
}

/// An outcome by name, in any case; `DecisionOrdered` needs `within`, the others refuse it.
fn outcome(text: &str, within: Option<BlockNumber>) -> Result<AppealOutcome<BlockNumber>> {
	let name = text.to_ascii_lowercase().replace(['-', '_'], "");
	let outcome = match name.as_str() {
		"upheld" | "uphold" => AppealOutcome::Upheld,
		"setaside" => AppealOutcome::SetAside,
		"decisionordered" | "ordered" => match within {
			Some(0) => return Err(Failure::input("--within must be at least 1 working block")),
			Some(within) => return Ok(AppealOutcome::DecisionOrdered { within }),
			None => {
				return Err(Failure::input(
					"DecisionOrdered needs --within BLOCKS: the department's new limit",
				))
			},
		},
		_ => {
			return Err(Failure::input(format!(
				"{text:?} is not an appeal outcome; one of Upheld, SetAside, DecisionOrdered"
			)))
		},
	};
	if within.is_some() {
		return Err(Failure::input("--within goes only with DecisionOrdered"));
	}
	Ok(outcome)
}

/// The appeals of an application as text.
fn list(appeals: &Value) {
	let Some(items) = appeals.as_array() else {
		println!("This node's runtime does not report appeals (runtime API before version 3).");
		return;
	};
	if items.is_empty() {
		println!("No appeals.");
	}
	for a in items {
		println!(
			"Appeal {} on case {}: {} appeal, {} (filed at block {} by {})",
			a["id"],
			a["case"],
			show::text(&a["level"]),
			show::text(&a["state"]),
			a["filedAt"],
			show::text(&a["filedBy"]),
		);
		if !a["due"].is_null() {
			println!("  due at block {} ({} working blocks left)", a["due"], a["left"]);
		}
		let d = &a["decision"];
		if !d.is_null() {
			let within = &d["outcome"]["within"];
			println!(
				"  decided: {}{} by {} at block {}{}",
				show::text(&d["outcome"]["kind"]),
				if within.is_null() { String::new() } else { format!(" within {within}") },
				show::text(&d["by"]),
				a["closedAt"],
				if d["inTime"] == json!(true) { "" } else { " (late)" },
			);
		}
		let p = &a["penalty"];
		if !p.is_null() {
			println!(
				"  penalty: Rs {} on officer {} by {}",
				p["amount"],
				show::text(&p["officer"]),
				show::text(&p["by"]),
			);
		}
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn outcomes_are_read_in_any_case() {
		assert_eq!(outcome("upheld", None).unwrap(), AppealOutcome::Upheld);
		assert_eq!(outcome("Set-Aside", None).unwrap(), AppealOutcome::SetAside);
		assert_eq!(
			outcome("DecisionOrdered", Some(5)).unwrap(),
			AppealOutcome::DecisionOrdered { within: 5 }
		);
		assert_eq!(outcome("ordered", None).unwrap_err().code, 2);
		assert_eq!(outcome("ordered", Some(0)).unwrap_err().code, 2);
		assert_eq!(outcome("upheld", Some(3)).unwrap_err().code, 2);
		assert_eq!(outcome("quashed", None).unwrap_err().code, 2);
	}
}
