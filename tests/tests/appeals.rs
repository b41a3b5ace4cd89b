//! A rejected case taken through both appeals to a penalty on a dev node, using `clearctl` for
//! every step an applicant or appellate officer takes: the Industries head grants the appellate
//! roles; the applicant appeals the rejection; the Appellate Officer upholds it; the applicant
//! appeals again; the Reviewing Officer fines the officer who held the case and decides. The
//! application view (RPC and `clearctl`) shows both appeals and the penalty, and the case's
//! trail holds them.

use clearance_e2e::{
	clearctl, clearctl_ok, hex, skip_live, storage_prefix, submit_signed, unhex, Node,
};
use clearance_runtime::RuntimeCall;
use codec::{Decode, Encode};
use jsonrpsee::{core::client::ClientT, http_client::HttpClient, rpc_params};
use pallet_departments::Role;
use serde_json::Value;
use sp_keyring::Sr25519Keyring::{self, *};
use std::time::{Duration, Instant};

const IND_OFFICER: &str = "//Charlie//stash";
const LAND_CLERK: &str = "//Eve";
const OWNER: &str = "//Rajarhat Steel";
const APPELLATE: &str = "//One";
const REVIEWING: &str = "//Two";
const ULPIN: &str = "WB19KOL0004321";

fn events(v: &Value) -> Vec<String> {
	v["events"]
		.as_array()
		.into_iter()
		.flatten()
		.map(|e| format!("{}.{}", e["pallet"].as_str().unwrap(), e["event"].as_str().unwrap()))
		.collect()
}

/// `who`'s nonce in the state of the best block.
async fn nonce(http: &HttpClient, who: Sr25519Keyring) -> u32 {
	let account = who.to_account_id().encode();
	let key = [
		storage_prefix("System", "Account"),
		sp_io::hashing::blake2_128(&account).to_vec(),
		account,
	]
	.concat();
	let value: Option<String> =
		http.request("state_getStorage", rpc_params![hex(&key)]).await.unwrap();
	value.map(|v| u32::decode(&mut &unhex(&v)[..]).expect("nonce")).unwrap_or(0)
}

/// The Industries head (Charlie) grants `role` to `to`, and waits for its inclusion.
async fn grant(http: &HttpClient, to: Sr25519Keyring, role: Role) {
	let n = nonce(http, Charlie).await;
	let call = RuntimeCall::Departments(pallet_departments::Call::grant_role {
		officer: to.to_account_id(),
		role,
	});
	submit_signed(http, Charlie, n, call)
		.await
		.unwrap_or_else(|e| panic!("the head's grant of {role:?} is accepted: {e:?}"));
	let start = Instant::now();
	while nonce(http, Charlie).await <= n {
		assert!(start.elapsed() < Duration::from_secs(60), "the grant of {role:?} not included");
		tokio::time::sleep(Duration::from_millis(500)).await;
	}
}

#[tokio::test]
async fn a_rejected_case_goes_through_two_appeals_to_a_penalty_through_clearctl() {
	if skip_live("a_rejected_case_goes_through_two_appeals_to_a_penalty_through_clearctl") {
		return;
	}
	let node = Node::start_dev().await;
	node.wait_finalized(1, Duration::from_secs(60)).await;
	let http = node.http();

	// The head of Industries names an Appellate Officer and a Reviewing Officer.
	grant(&http, One, Role::AppellateOfficer).await;
	grant(&http, Two, Role::ReviewingOfficer).await;
	let appellate = clearctl_ok(&node, Some(APPELLATE), &["whoami"]).await;
	assert_eq!(appellate["officerOf"]["department"], "IND", "{appellate}");

	// An enterprise, its parcel, and an application for a trade licence.
	let dir = node.base_path.with_extension("files");
	std::fs::create_dir_all(&dir).unwrap();
	let identity = dir.join("identity.pdf");
	std::fs::write(&identity, "PAN AAACR1234Z").unwrap();
	let identity = identity.display().to_string();
	let owner = clearctl_ok(&node, Some(OWNER), &["whoami"]).await;
	let owner_address = owner["account"].as_str().unwrap().to_string();
	let r = clearctl_ok(
		&node,
		Some(IND_OFFICER),
		&[
			"enterprise",
			"register",
			"--name",
			"Rajarhat Steel Works",
			"--owner",
			&owner_address,
			"--identity-file",
			&identity,
		],
	)
	.await;
	assert!(events(&r).contains(&"Enterprises.EnterpriseRegistered".to_string()), "{r}");
	clearctl_ok(
		&node,
		Some(LAND_CLERK),
		&[
			"parcel",
			"register",
			ULPIN,
			"--district",
			"North 24 Parganas",
			"--village",
			"Rajarhat",
			"--plot",
			"112/4",
			"--area",
			"20000",
			"--enterprise",
			"0",
		],
	)
	.await;
	let applied = clearctl_ok(
		&node,
		Some(OWNER),
		&[
			"apply",
			"--project",
			"Rajarhat Steel Works",
			"--sector",
			"Steel",
			"--investment",
			"Medium",
			"--parcel",
			ULPIN,
			"--type",
			"TRADE_LICENCE",
		],
	)
	.await;
	let app = applied["application"].as_u64().expect("an application id").to_string();
	let case = applied["cases"][0].as_u64().expect("a case").to_string();

	// Industries' officer takes the case and rejects it.
	clearctl_ok(&node, Some(IND_OFFICER), &["case", "take", &case]).await;
	clearctl_ok(
		&node,
		Some(IND_OFFICER),
		&["case", "reject", &case, "--reason", "4", "--text", "Zoning"],
	)
	.await;
	let held_by = clearctl_ok(&node, None, &["case", "show", &case]).await["officer"]
		.as_str()
		.expect("the officer who held the case")
		.to_string();

	// Bad input is refused before anything is signed, with exit code 2.
	let bad = clearctl(
		&node,
		Some(APPELLATE),
		&["appeal", "decide", "0", "--outcome", "quashed", "--text", "x"],
	)
	.await;
	assert_eq!(bad.code, 2, "{}", bad.stderr);
	assert!(bad.stderr.contains("not an appeal outcome"), "{}", bad.stderr);
	let bad = clearctl(
		&node,
		Some(APPELLATE),
		&["appeal", "decide", "0", "--outcome", "ordered", "--text", "x"],
	)
	.await;
	assert_eq!(bad.code, 2, "{}", bad.stderr);

	// First appeal, by the applicant; the Appellate Officer upholds the rejection.
	let first = clearctl_ok(
		&node,
		Some(OWNER),
		&["appeal", "file", &case, "--text", "The zoning plan allows a steel works here"],
	)
	.await;
	let first_id = first["appeal"].as_u64().expect("the first appeal's id").to_string();
	// The officer who rejected the case may not hear its appeal: the runtime refuses (exit 3).
	let own = clearctl(
		&node,
		Some(IND_OFFICER),
		&["appeal", "decide", &first_id, "--outcome", "upheld", "--text", "x"],
	)
	.await;
	assert_ne!(own.code, 0, "the officer who held the case cannot hear its appeal");
	let upheld = clearctl_ok(
		&node,
		Some(APPELLATE),
		&["appeal", "decide", &first_id, "--outcome", "upheld", "--text", "Zoning bars it"],
	)
	.await;
	assert!(events(&upheld).contains(&"Clearances.AppealDecided".to_string()), "{upheld}");

	// Second appeal; the Reviewing Officer fines the officer who held the case and decides.
	let second = clearctl_ok(
		&node,
		Some(OWNER),
		&["appeal", "second", &case, "--text", "The rejection ignored the 2025 zoning notice"],
	)
	.await;
	let second_id = second["appeal"].as_u64().expect("the second appeal's id").to_string();
	let out_of_range = clearctl(
		&node,
		Some(REVIEWING),
		&["appeal", "penalty", &second_id, "--officer", &held_by, "--amount", "5000"],
	)
	.await;
	assert_eq!(out_of_range.code, 3, "above the council's range: {}", out_of_range.stderr);
	let fined = clearctl_ok(
		&node,
		Some(REVIEWING),
		&["appeal", "penalty", &second_id, "--officer", &held_by, "--amount", "500"],
	)
	.await;
	assert!(events(&fined).contains(&"Clearances.PenaltyRecorded".to_string()), "{fined}");
	clearctl_ok(
		&node,
		Some(REVIEWING),
		&["appeal", "decide", &second_id, "--outcome", "upheld", "--text", "Rejection stands"],
	)
	.await;

	// The application view over RPC shows both appeals and the penalty.
	let id: u32 = app.parse().unwrap();
	let view: Value = http.request("clearance_application", rpc_params![id]).await.unwrap();
	let appeals = view["appeals"].as_array().expect("appeals in the view");
	assert_eq!(appeals.len(), 2, "{view}");
	let (a1, a2) = (&appeals[0], &appeals[1]);
	assert_eq!((a1["level"].as_str(), a1["state"].as_str()), (Some("First"), Some("Decided")));
	assert_eq!(a1["decision"]["outcome"]["kind"], "Upheld");
	assert_eq!(a1["decision"]["by"], appellate["account"]);
	assert_eq!(a1["penalty"], Value::Null);
	assert_eq!((a2["level"].as_str(), a2["state"].as_str()), (Some("Second"), Some("Decided")));
	assert_eq!(a2["penalty"]["amount"], 500);
	assert_eq!(a2["penalty"]["officer"], held_by.as_str());
	assert_eq!(a2["case"].as_u64().unwrap().to_string(), case);

	// So does `clearctl appeal list`.
	let listed = clearctl_ok(&node, None, &["appeal", "list", &app]).await;
	assert_eq!(listed["appeals"], view["appeals"]);

	// The case's trail holds the filings, decisions and the penalty.
	let trail: Value =
		http.request("clearance_trail", rpc_params![format!("case:{case}"), 0, 100]).await.unwrap();
	let actions: Vec<&str> =
		trail["entries"].as_array().unwrap().iter().filter_map(|e| e["action"].as_str()).collect();
	for (action, times) in [("AppealFiled", 2), ("AppealDecided", 2), ("PenaltyRecorded", 1)] {
		assert_eq!(actions.iter().filter(|a| **a == action).count(), times, "{actions:?}");
	}

	let status = node.stop().await;
	assert!(status.success(), "clean shutdown: {status:?}");
}
