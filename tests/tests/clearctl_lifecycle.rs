//! One application for three clearance types walked through its whole life on a dev node using
//! only `clearctl`: registration, documents, submission, a query and its response, an approval,
//! a rejection, a deemed approval by the runtime's clock, certificate verification before and
//! after revocation, the tracker (`--follow`), and an auditor's independent verification of a
//! trail, including tampered evidence. A second test drives the `clearance_*` methods with bad
//! input.

use clearance_e2e::{chain_spec_file, clearctl, clearctl_binary, clearctl_ok, skip_live, Node};
use jsonrpsee::{core::client::ClientT, rpc_params};
use serde_json::{json, Value};
use std::{path::Path, time::Duration};

const IND_OFFICER: &str = "//Charlie//stash";
const LAND_CLERK: &str = "//Eve";
const LAND_APPROVER: &str = "//Alice//stash";
const OWNER: &str = "//Rajarhat Steel";
const ULPIN: &str = "WB19KOL0004321";

fn write(dir: &Path, name: &str, text: &str) -> String {
	let path = dir.join(name);
	std::fs::write(&path, text).expect("temp file");
	path.display().to_string()
}

fn events(v: &Value) -> Vec<String> {
	v["events"]
		.as_array()
		.into_iter()
		.flatten()
		.map(|e| format!("{}.{}", e["pallet"].as_str().unwrap(), e["event"].as_str().unwrap()))
		.collect()
}

fn case_of(app: &Value, clearance: &str) -> u64 {
	app["cases"]
		.as_array()
		.unwrap()
		.iter()
		.find(|c| c["clearance"] == clearance)
		.unwrap_or_else(|| panic!("a {clearance} case"))["id"]
		.as_u64()
		.unwrap()
}

#[tokio::test]
async fn an_application_lives_its_whole_life_through_clearctl() {
	if skip_live("an_application_lives_its_whole_life_through_clearctl") {
		return;
	}
	let node = Node::start_dev().await;
	node.wait_finalized(1, Duration::from_secs(60)).await;
	let dir = node.base_path.with_extension("files");
	std::fs::create_dir_all(&dir).unwrap();

	// Who is who.
	let who = clearctl_ok(&node, Some(IND_OFFICER), &["whoami"]).await;
	assert_eq!(who["officerOf"]["department"], "IND");
	let owner = clearctl_ok(&node, Some(OWNER), &["whoami"]).await;
	let owner_address = owner["account"].as_str().unwrap().to_string();
	assert!(owner["enterprise"].is_null());

	// A signer without a role is refused by the node, with a readable message.
	let refused = clearctl(&node, Some(OWNER), &["case", "take", "0"]).await;
	assert_ne!(refused.code, 0);
	assert!(refused.stderr.contains("holds no role"), "{}", refused.stderr);

	// The Industries officer registers the enterprise; the Land clerk its parcel.
	let identity = write(&dir, "identity.pdf", "PAN AAACR1234Z; CIN U27100WB2026PTC000001");
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
	let r = clearctl_ok(
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
	assert!(events(&r).contains(&"LandParcels.ParcelRegistered".to_string()), "{r}");

	// The owner anchors two documents (hashed locally) and applies for three clearances.
	let deed = write(&dir, "sale-deed.pdf", "Sale deed of plot 112/4, Rajarhat");
	let plan = write(&dir, "site-plan.pdf", "Site plan, 2 hectares");
	let deed_hash =
		clearctl_ok(&node, Some(OWNER), &["doc", "anchor", &deed, "--kind", "SALE_DEED"]).await
			["sha256"]
			.as_str()
			.unwrap()
			.to_string();
	let local = clearctl_ok(&node, None, &["doc", "hash", &deed]).await;
	assert_eq!(local["sha256"], deed_hash.as_str());
	let plan_hash =
		clearctl_ok(&node, Some(OWNER), &["doc", "anchor", &plan, "--kind", "SITE_PLAN"]).await
			["sha256"]
			.as_str()
			.unwrap()
			.to_string();
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
			"LAND_USE_CONVERSION",
			"--type",
			"TRADE_LICENCE",
			"--type",
			"DEMO_QUICK_NOC",
			"--doc",
			&deed_hash,
			"--doc",
			&plan_hash,
		],
	)
	.await;
	let app = applied["application"].as_u64().expect("an application id");
	assert_eq!(applied["cases"].as_array().unwrap().len(), 3);
	let app_s = app.to_string();

	// The tracker follows every change until the application is decided.
	let follower = tokio::process::Command::new(clearctl_binary())
		.args(["--json", "--url", &node.ws_url(), "track", &app_s, "--follow"])
		.stdout(std::process::Stdio::piped())
		.kill_on_drop(true)
		.spawn()
		.expect("clearctl track --follow starts");

	let tracked = clearctl_ok(&node, None, &["track", &app_s]).await;
	let view = &tracked["application"];
	assert_eq!(view["status"], "Open");
	let luc = case_of(view, "LAND_USE_CONVERSION").to_string();
	let trade = case_of(view, "TRADE_LICENCE").to_string();
	let quick = case_of(view, "DEMO_QUICK_NOC");
	assert!(tracked["timeline"].as_array().unwrap().len() >= 4);

	// The Land clerk takes the conversion case and raises the query; the owner responds.
	clearctl_ok(&node, Some(LAND_CLERK), &["case", "take", &luc]).await;
	let taken_again = clearctl(&node, Some(LAND_CLERK), &["case", "take", &luc]).await;
	assert_eq!(taken_again.code, 3, "a dispatch error exits with 3: {}", taken_again.stderr);
	assert_eq!(taken_again.json["error"]["name"], "Clearances.InvalidState");
	assert!(taken_again.stderr.contains("not in a state that allows this"));
	clearctl_ok(
		&node,
		Some(LAND_CLERK),
		&["case", "query", &luc, "--text", "Attach the mutation record"],
	)
	.await;
	let c = clearctl_ok(&node, None, &["case", "show", &luc]).await;
	assert_eq!(c["state"], "QueryRaised");
	assert!(c["responseLeft"].as_u64().unwrap() > 0);
	let queue = clearctl_ok(&node, None, &["queue", "LAND", "--state", "QueryRaised"]).await;
	assert_eq!(queue["items"][0]["id"].as_u64().unwrap().to_string(), luc);
	clearctl_ok(
		&node,
		Some(OWNER),
		&["case", "respond", &luc, "--text", "Mutation record attached"],
	)
	.await;

	// The approving authority approves with conditions: a certificate is issued.
	let approved = clearctl_ok(
		&node,
		Some(LAND_APPROVER),
		&["case", "approve", &luc, "--text", "Green belt of 10 m on the eastern boundary"],
	)
	.await;
	assert!(events(&approved).contains(&"Clearances.CertificateIssued".to_string()));
	let cert = clearctl_ok(&node, None, &["case", "show", &luc]).await["decision"]["certificate"]
		.as_u64()
		.expect("a certificate")
		.to_string();
	let parcel = clearctl_ok(&node, None, &["parcel", "show", ULPIN]).await;
	assert_eq!(parcel["landUse"], "Industrial");

	// Industries rejects the trade licence.
	clearctl_ok(&node, Some(IND_OFFICER), &["case", "take", &trade]).await;
	clearctl_ok(
		&node,
		Some(IND_OFFICER),
		&["case", "reject", &trade, "--reason", "4", "--text", "Zoning"],
	)
	.await;

	// Nobody acts on the quick NOC: the runtime deems it approved after its one-minute limit.
	let mut deemed = false;
	for _ in 0..60 {
		let c = clearctl_ok(&node, None, &["case", "show", &quick.to_string()]).await;
		if c["state"] == "DeemedApproved" {
			assert_eq!(c["decision"]["by"], Value::Null);
			deemed = true;
			break;
		}
		tokio::time::sleep(Duration::from_secs(2)).await;
	}
	assert!(deemed, "the quick NOC was deemed approved");

	// The follower saw the application decided and stopped by itself.
	let out = tokio::time::timeout(Duration::from_secs(30), follower.wait_with_output())
		.await
		.expect("track --follow ends once decided")
		.unwrap();
	let updates: Vec<Value> = String::from_utf8_lossy(&out.stdout)
		.lines()
		.filter_map(|l| serde_json::from_str(l).ok())
		.filter(|v: &Value| v.get("application").is_some_and(|a| a.get("status").is_some()))
		.collect();
	assert!(updates.len() >= 4, "several changes were pushed: {}", updates.len());
	assert_eq!(updates.last().unwrap()["application"]["status"], "Decided");

	// Anyone verifies the certificate; revoked, it verifies as revoked.
	let v = clearctl_ok(&node, None, &["cert", "verify", &cert]).await;
	assert_eq!(
		(v["status"].as_str(), v["holder"].as_str()),
		(Some("Valid"), Some("Rajarhat Steel Works"))
	);
	let before =
		clearctl_ok(&node, None, &["cert", "verify", &cert, "--as-of", "2020-01-01"]).await;
	assert_eq!(before["status"], "NotYetIssued");
	clearctl_ok(
		&node,
		Some(LAND_APPROVER),
		&["cert", "revoke", &cert, "--reason", "9", "--text", "Fraud"],
	)
	.await;
	let v = clearctl_ok(&node, None, &["cert", "verify", &cert]).await;
	assert_eq!(v["status"], "Revoked");
	let unknown = clearctl(&node, None, &["cert", "verify", "999"]).await;
	assert_eq!(unknown.code, 1);
	assert!(unknown.stderr.contains("certificate 999 not found"), "{}", unknown.stderr);

	let dashboard = clearctl_ok(&node, None, &["dashboard", "LAND"]).await;
	assert_eq!(dashboard["decided"]["Approved"], 1);
	assert_eq!(dashboard["inTime"], 1);

	// The auditor verifies the conversion case's trail against a finalized block.
	let subject = format!("case:{luc}");
	let finalized_now = node.finalized_number().await;
	node.wait_finalized(finalized_now + 1, Duration::from_secs(60)).await;
	// The auditor trusts the chain spec alone (raw), never the node, for finality.
	let dev = chain_spec_file(&dir, "dev", true, "dev-raw.json").await;
	let first = dir.join("first.json").display().to_string();
	let ok = clearctl_ok(
		&node,
		None,
		&["--chain-spec", &dev, "audit", "verify", &subject, "--export", &first],
	)
	.await;
	assert_eq!(ok["ok"], true);
	assert!(ok["entries"].as_u64().unwrap() >= 5, "{ok}");
	// Evidence saved earlier verifies again.
	clearctl_ok(&node, None, &["--chain-spec", &dev, "audit", "verify", "--bundle", &first]).await;
	let bundle: Value = serde_json::from_slice(&std::fs::read(&first).unwrap()).unwrap();

	let check = |mutate: &dyn Fn(&mut Value), name: &str| {
		let mut b = bundle.clone();
		mutate(&mut b);
		let path = dir.join(name);
		std::fs::write(&path, serde_json::to_vec(&b).unwrap()).unwrap();
		path.display().to_string()
	};
	// One byte changed in entry 2.
	let altered = check(
		&|b| {
			let e = b["entries"][2].as_str().unwrap().to_string();
			let i = e.len() - 4;
			let flipped = if &e[i..i + 1] == "0" { "1" } else { "0" };
			b["entries"][2] = json!(format!("{}{}{}", &e[..i], flipped, &e[i + 1..]));
		},
		"altered.json",
	);
	let r = clearctl(&node, None, &["--chain-spec", &dev, "audit", "verify", "--bundle", &altered])
		.await;
	assert_eq!(r.code, 4, "{}", r.stderr);
	assert!(r.stderr.contains("entry 2 was altered"), "{}", r.stderr);
	// An entry left out.
	let missing = check(
		&|b| {
			b["entries"].as_array_mut().unwrap().remove(3);
		},
		"missing.json",
	);
	let r = clearctl(&node, None, &["--chain-spec", &dev, "audit", "verify", "--bundle", &missing])
		.await;
	assert_eq!(r.code, 4, "{}", r.stderr);
	assert!(r.stderr.contains("entry 3 is missing"), "{}", r.stderr);
	// A proof from another block.
	let later_now = node.finalized_number().await;
	node.wait_finalized(later_now + 2, Duration::from_secs(60)).await;
	let second = dir.join("second.json").display().to_string();
	clearctl_ok(
		&node,
		None,
		&["--chain-spec", &dev, "audit", "verify", &subject, "--export", &second],
	)
	.await;
	let other: Value = serde_json::from_slice(&std::fs::read(&second).unwrap()).unwrap();
	assert_ne!(other["block"], bundle["block"]);
	let swapped = check(&|b| b["proof"] = other["proof"].clone(), "swapped.json");
	let r = clearctl(&node, None, &["--chain-spec", &dev, "audit", "verify", "--bundle", &swapped])
		.await;
	assert_eq!(r.code, 4, "{}", r.stderr);
	assert!(r.stderr.contains("does not match the state root"), "{}", r.stderr);

	let _ = std::fs::remove_dir_all(&dir);
	node.stop().await;
}

/// `clearance_*` methods refuse bad input with a stable code and a clear message.
#[tokio::test]
async fn clearance_methods_refuse_bad_input() {
	if skip_live("clearance_methods_refuse_bad_input") {
		return;
	}
	let node = Node::start_dev().await;
	let http = node.http();
	let unknown_block = "0x0000000000000000000000000000000000000000000000000000000000000001";
	let cases: Vec<(&str, Value, i32, &str)> = vec![
		("clearance_application", json!([4242, null]), 4001, "application 4242 not found"),
		("clearance_case", json!([4242]), 4001, "case 4242 not found"),
		("clearance_certificate", json!([4242, null, null]), 4001, "certificate 4242 not found"),
		(
			"clearance_applicationsOf",
			json!([77, null, null, null]),
			4001,
			"enterprise 77 not found",
		),
		(
			"clearance_workQueue",
			json!(["NOPE", null, null, null, null]),
			4001,
			"department NOPE not found",
		),
		(
			"clearance_workQueue",
			json!(["land", null, null, null, null]),
			-32602,
			"not a department code",
		),
		(
			"clearance_workQueue",
			json!(["LAND", "Sleeping", null, null, null]),
			-32602,
			"not a case state",
		),
		(
			"clearance_workQueue",
			json!(["LAND", null, "soon", null, null]),
			-32602,
			"not a work-queue cursor",
		),
		(
			"clearance_workQueue",
			json!(["LAND", null, null, 1000, null]),
			4002,
			"above the largest page",
		),
		("clearance_workQueue", json!(["LAND", null, null, 0, null]), -32602, "at least 1"),
		("clearance_parcel", json!(["SHORT", null, null, null]), -32602, "not a ULPIN"),
		("clearance_parcel", json!(["WB19KOL9999999", null, null, null]), 4001, "not found"),
		("clearance_trail", json!(["ledger:1", null, null, null]), -32602, "not a subject"),
		("clearance_trail", json!(["case:4242", null, null, null]), 4001, "not found"),
		("clearance_account", json!(["not-an-address", null]), -32602, "not an account"),
		("clearance_dashboard", json!(["LAND", unknown_block]), 4003, "not known to this node"),
		("clearance_application", json!(["seven", null]), -32602, "Invalid params"),
	];
	for (method, params, code, message) in cases {
		let mut array = jsonrpsee::core::params::ArrayParams::new();
		for p in params.as_array().unwrap() {
			array.insert(p).unwrap();
		}
		let params = array;
		let r: Result<Value, _> = http.request(method, params).await;
		match r {
			Err(jsonrpsee::core::ClientError::Call(e)) => {
				assert_eq!(e.code(), code, "{method}: {}", e.message());
				assert!(
					e.message().contains(message),
					"{method}: {:?} lacks {message:?}",
					e.message()
				);
			},
			other => panic!("{method} should fail with {code}, got {other:?}"),
		}
	}
	// The node still answers.
	let d: Value = http.request("clearance_dashboard", rpc_params!["LAND"]).await.unwrap();
	assert_eq!(d["department"], "LAND");
	// A subscription to an unknown application is refused.
	let ws = jsonrpsee::ws_client::WsClientBuilder::default().build(node.ws_url()).await.unwrap();
	use jsonrpsee::core::client::SubscriptionClientT;
	let sub = ws
		.subscribe::<Value, _>(
			"clearance_subscribeApplication",
			rpc_params![4242],
			"clearance_unsubscribeApplication",
		)
		.await;
	assert!(sub.is_err(), "unknown application cannot be followed");
	node.stop().await;
}
