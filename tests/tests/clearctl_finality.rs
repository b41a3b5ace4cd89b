//! Finality proven from the chain spec alone (`clearctl --chain-spec`): on a dev node, a
//! certificate is issued, then `audit verify`, `cert verify --proof` and `track --verify` prove
//! the block they read final with GRANDPA justifications verified against the genesis
//! authorities of the raw chain spec; saved evidence verifies again with no node at all. They
//! refuse another chain's spec (other genesis authorities), a plain spec, finality evidence of
//! another block, a storage proof of another block, a truncated trail and a forged header.
//!
//! The dev chain never changes its authority set; following set changes (and refusing a
//! skipped one) is unit-tested in `client/src/finality_tests.rs` with justifications signed by
//! `sp-keyring` keys.

use clearance_e2e::{chain_spec_file, clearctl, clearctl_binary, clearctl_ok, skip_live, Node};
use serde_json::{json, Value};
use std::{
	path::{Path, PathBuf},
	time::{Duration, Instant},
};

const IND_OFFICER: &str = "//Charlie//stash";
const LAND_CLERK: &str = "//Eve";
const LAND_APPROVER: &str = "//Alice//stash";
const OWNER: &str = "//Rajarhat Steel";
const ULPIN: &str = "WB19KOL0007777";

fn write(dir: &Path, name: &str, text: &str) -> String {
	let path = dir.join(name);
	std::fs::write(&path, text).expect("temp file");
	path.display().to_string()
}

/// `clearctl --json` with no node to talk to (an address nothing listens on).
async fn offline(args: &[&str]) -> (i32, Value, String) {
	let out = tokio::process::Command::new(clearctl_binary())
		.args(["--json", "--url", "ws://127.0.0.1:9"])
		.args(args)
		.output()
		.await
		.expect("clearctl runs");
	(
		out.status.code().unwrap_or(-1),
		serde_json::from_slice(&out.stdout).unwrap_or(Value::Null),
		String::from_utf8_lossy(&out.stderr).into_owned(),
	)
}

fn refused(code: i32, stderr: &str, words: &str) {
	assert_eq!(code, 4, "refused with exit code 4: {stderr}");
	assert!(stderr.contains(words), "{stderr:?} lacks {words:?}");
}

#[tokio::test]
async fn finality_is_proven_from_the_chain_spec() {
	if skip_live("finality_is_proven_from_the_chain_spec") {
		return;
	}
	let node = Node::start_dev().await;
	node.wait_finalized(1, Duration::from_secs(60)).await;
	let dir: PathBuf = node.base_path.with_extension("finality");
	std::fs::create_dir_all(&dir).unwrap();
	let dev = chain_spec_file(&dir, "dev", true, "dev-raw.json").await;
	let local = chain_spec_file(&dir, "local", true, "local-raw.json").await;
	let plain = chain_spec_file(&dir, "dev", false, "dev-plain.json").await;

	// A certificate: enterprise, parcel, documents, application, approval.
	let owner =
		clearctl_ok(&node, Some(OWNER), &["whoami"]).await["account"].as_str().unwrap().to_string();
	let identity = write(&dir, "identity.pdf", "PAN AAACR1234Z");
	clearctl_ok(
		&node,
		Some(IND_OFFICER),
		&[
			"enterprise",
			"register",
			"--name",
			"Rajarhat Steel",
			"--owner",
			&owner,
			"--identity-file",
			&identity,
		],
	)
	.await;
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
			"7",
			"--area",
			"5000",
			"--enterprise",
			"0",
		],
	)
	.await;
	let deed = write(&dir, "deed.pdf", "Sale deed of plot 7");
	let plan = write(&dir, "plan.pdf", "Site plan of plot 7");
	let mut docs = Vec::new();
	for (file, kind) in [(&deed, "SALE_DEED"), (&plan, "SITE_PLAN")] {
		let v = clearctl_ok(&node, Some(OWNER), &["doc", "anchor", file, "--kind", kind]).await;
		docs.push(v["sha256"].as_str().unwrap().to_string());
	}
	let applied = clearctl_ok(
		&node,
		Some(OWNER),
		&[
			"apply",
			"--project",
			"Rolling mill",
			"--sector",
			"Steel",
			"--parcel",
			ULPIN,
			"--type",
			"LAND_USE_CONVERSION",
			"--doc",
			&docs[0],
			"--doc",
			&docs[1],
		],
	)
	.await;
	let app = applied["application"].as_u64().expect("an application").to_string();
	let case = applied["cases"][0].as_u64().expect("a case").to_string();
	clearctl_ok(&node, Some(LAND_CLERK), &["case", "take", &case]).await;
	clearctl_ok(
		&node,
		Some(LAND_APPROVER),
		&["--finalized", "case", "approve", &case, "--text", "Conditions"],
	)
	.await;
	let cert = clearctl_ok(&node, None, &["case", "show", &case]).await["decision"]["certificate"]
		.as_u64()
		.expect("a certificate")
		.to_string();
	let now = node.finalized_number().await;
	node.wait_finalized(now + 2, Duration::from_secs(60)).await;

	// The auditor proves the case's trail and its block's finality from the dev spec.
	let subject = format!("case:{case}");
	let first = dir.join("first.json").display().to_string();
	let started = Instant::now();
	let ok = clearctl_ok(
		&node,
		None,
		&["--chain-spec", &dev, "audit", "verify", &subject, "--export", &first],
	)
	.await;
	let took = started.elapsed();
	assert_eq!(ok["ok"], true);
	assert_eq!(ok["finality"]["setId"], 0, "{ok}");
	assert_eq!(ok["finality"]["setChanges"], 0, "{ok}");
	assert!(ok["finality"]["justified"]["number"].as_u64() >= ok["number"].as_u64(), "{ok}");
	let bundle: Value = serde_json::from_slice(&std::fs::read(&first).unwrap()).unwrap();
	let warp_bytes: usize = bundle["finality"]["warp"]
		.as_array()
		.unwrap()
		.iter()
		.map(|w| w.as_str().unwrap().len() / 2 - 1)
		.sum();
	let proof_bytes = bundle["finality"]["proof"].as_str().unwrap().len() / 2 - 1;
	let storage_bytes: usize =
		bundle["proof"].as_array().unwrap().iter().map(|n| n.as_str().unwrap().len() / 2 - 1).sum();
	println!(
		"audit verify from genesis: {took:?} at block #{}, {} set changes; warp proof {warp_bytes} \
		 bytes, finality proof {proof_bytes} bytes, storage proof {storage_bytes} bytes",
		ok["number"], ok["finality"]["setChanges"]
	);

	// The saved evidence verifies again with no node at all.
	let (code, v, stderr) =
		offline(&["--chain-spec", &dev, "audit", "verify", "--bundle", &first]).await;
	assert_eq!(code, 0, "{stderr}");
	assert_eq!(v["finality"]["setId"], 0);

	// Anyone proves a certificate, and an application's timeline.
	let v =
		clearctl_ok(&node, None, &["--chain-spec", &dev, "cert", "verify", &cert, "--proof"]).await;
	assert_eq!(v["status"], "Valid");
	assert!(v["proof"]["trailEntries"].as_u64().unwrap() >= 1, "{v}");
	assert_eq!(v["proof"]["finality"]["setId"], 0);
	let t = clearctl_ok(&node, None, &["--chain-spec", &dev, "track", &app, "--verify"]).await;
	assert!(t["timeline"].as_array().unwrap().len() >= 3, "{t}");
	assert!(
		t["timeline"]
			.as_array()
			.unwrap()
			.iter()
			.any(|e| e["action"] == "CertificateIssued" || e["action"] == "CaseApproved"),
		"{t}"
	);

	// A checkpoint, then a proof from it.
	let checkpoint = dir.join("checkpoint.json").display().to_string();
	let c = clearctl_ok(
		&node,
		None,
		&["--chain-spec", &dev, "finality", "checkpoint", "--out", &checkpoint],
	)
	.await;
	assert_eq!(c["setId"], 0);
	let now = node.finalized_number().await;
	node.wait_finalized(now + 1, Duration::from_secs(60)).await;
	clearctl_ok(&node, None, &["--checkpoint", &checkpoint, "audit", "verify", &subject]).await;

	// Another chain's spec: its genesis authorities did not sign this chain's justifications.
	let r = clearctl(&node, None, &["--chain-spec", &local, "audit", "verify", &subject]).await;
	refused(r.code, &r.stderr, "not signed by authority set 0");
	let r =
		clearctl(&node, None, &["--chain-spec", &local, "cert", "verify", &cert, "--proof"]).await;
	refused(r.code, &r.stderr, "not signed by authority set 0");
	let (code, _, stderr) =
		offline(&["--chain-spec", &local, "audit", "verify", "--bundle", &first]).await;
	refused(code, &stderr, "not signed by authority set 0");
	// A plain spec is refused with the way to get a raw one.
	let r = clearctl(&node, None, &["--chain-spec", &plain, "audit", "verify", &subject]).await;
	assert_eq!(r.code, 2, "{}", r.stderr);
	assert!(
		r.stderr.contains("not a raw chain spec") && r.stderr.contains("--raw"),
		"{}",
		r.stderr
	);
	// Proving needs a trust.
	let r = clearctl(&node, None, &["cert", "verify", &cert, "--proof"]).await;
	assert_eq!(r.code, 2, "{}", r.stderr);
	assert!(r.stderr.contains("--chain-spec"), "{}", r.stderr);

	// Tampered evidence, verified offline from the dev spec.
	let now = node.finalized_number().await;
	node.wait_finalized(now + 2, Duration::from_secs(60)).await;
	let second = dir.join("second.json").display().to_string();
	clearctl_ok(
		&node,
		None,
		&["--chain-spec", &dev, "audit", "verify", &subject, "--export", &second],
	)
	.await;
	let other: Value = serde_json::from_slice(&std::fs::read(&second).unwrap()).unwrap();
	assert_ne!(other["block"], bundle["block"]);
	let tampered = |mutate: &dyn Fn(&mut Value), name: &str| {
		let mut b = bundle.clone();
		mutate(&mut b);
		let path = dir.join(name);
		std::fs::write(&path, serde_json::to_vec(&b).unwrap()).unwrap();
		path.display().to_string()
	};
	let check = |path: String, words: &'static str| {
		let dev = dev.clone();
		async move {
			let (code, _, stderr) =
				offline(&["--chain-spec", &dev, "audit", "verify", "--bundle", &path]).await;
			refused(code, &stderr, words);
		}
	};
	// Finality evidence of another block: it does not reach this one.
	let f = other["finality"]["proof"].clone();
	check(tampered(&|b| b["finality"]["proof"] = f.clone(), "finality-swapped.json"), "block #")
		.await;
	// A storage proof from another block.
	let p = other["proof"].clone();
	check(
		tampered(&|b| b["proof"] = p.clone(), "proof-swapped.json"),
		"does not match the state root",
	)
	.await;
	// A truncated trail.
	check(
		tampered(
			&|b| {
				b["entries"].as_array_mut().unwrap().pop();
			},
			"truncated.json",
		),
		"is missing",
	)
	.await;
	// A forged header.
	check(
		tampered(
			&|b| b["header"]["stateRoot"] = json!(format!("0x{}", "11".repeat(32))),
			"forged.json",
		),
		"does not hash to block",
	)
	.await;

	let _ = std::fs::remove_dir_all(&dir);
	node.stop().await;
}
