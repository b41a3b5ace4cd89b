//! Starts the built `clearance-node --dev` on loopback ports and checks it end to end: blocks
//! are finalized, the department registry reads back over JSON-RPC (HTTP and WebSocket on one
//! port), the pool refuses a signer without a role and includes an officer's transaction,
//! Prometheus serves every metric `monitoring/` reads, and the node stops cleanly.

use clearance_e2e::{
	hex, parcel_registration, refusal_code, skip_live, storage_prefix, submit_signed, unhex, Node,
};
use clearance_runtime::{extensions::codes, Runtime};
use codec::Decode;
use jsonrpsee::{
	core::client::{ClientT, Error as RpcError},
	rpc_params,
	ws_client::WsClientBuilder,
};
use pallet_departments::{DepartmentKind, DepartmentOf};
use sp_core::H256;
use sp_keyring::Sr25519Keyring;
use std::time::Duration;
use tokio::io::{AsyncReadExt, AsyncWriteExt};

#[tokio::test(flavor = "multi_thread")]
async fn dev_node_finalizes_serves_the_registry_and_guards_the_pool() {
	if skip_live("dev_node_finalizes_serves_the_registry_and_guards_the_pool") {
		return;
	}
	let node = Node::start_dev().await;
	let http = node.http();

	// Blocks are produced and finalized.
	let waited = node.wait_finalized(2, Duration::from_secs(120)).await;
	println!("block 2 finalized {waited:?} after RPC came up");

	// The standard RPC, including the new chainHead_v1 spec, is there.
	let methods: serde_json::Value = http.request("rpc_methods", rpc_params![]).await.unwrap();
	let methods: Vec<&str> =
		methods["methods"].as_array().unwrap().iter().filter_map(|m| m.as_str()).collect();
	for m in
		["chainHead_v1_follow", "state_call", "author_submitExtrinsic", "system_accountNextIndex"]
	{
		assert!(methods.contains(&m), "{m} is served");
	}
	let version: serde_json::Value =
		http.request("state_getRuntimeVersion", rpc_params![]).await.unwrap();
	assert_eq!(version["specName"], "clearance-runtime");

	// The department registry, read from storage at the finalized head.
	let finalized: H256 = http.request("chain_getFinalizedHead", rpc_params![]).await.unwrap();
	let prefix = storage_prefix("Departments", "Departments");
	let keys: Vec<String> = http
		.request("state_getKeysPaged", rpc_params![hex(&prefix), 100, None::<String>, finalized])
		.await
		.unwrap();
	assert_eq!(keys.len(), 4, "four departments on the dev chain");
	let mut found = Vec::new();
	for key in &keys {
		let value: Option<String> =
			http.request("state_getStorage", rpc_params![key, finalized]).await.unwrap();
		let dept = DepartmentOf::<Runtime>::decode(&mut &unhex(&value.unwrap())[..]).unwrap();
		// The key ends with blake2_128 ++ SCALE(code).
		let code_bytes = &unhex(key)[prefix.len() + 16..];
		let code = Vec::<u8>::decode(&mut &code_bytes[..]).unwrap();
		found.push((String::from_utf8(code).unwrap(), dept));
	}
	found.sort_by(|a, b| a.0.cmp(&b.0));
	let codes: Vec<&str> = found.iter().map(|(c, _)| c.as_str()).collect();
	assert_eq!(codes, ["ENV", "FIRE", "IND", "LAND"]);
	let land = &found[3].1;
	assert_eq!(land.kind, DepartmentKind::Land);
	assert_eq!(land.head, Sr25519Keyring::Alice.to_account_id());
	assert_eq!(land.validator, Some(Sr25519Keyring::Alice.to_account_id()));
	assert_eq!(land.officers, 2);

	// The same over WebSocket, on the same port.
	let ws = WsClientBuilder::default().build(node.ws_url()).await.unwrap();
	let count: Option<String> = ws
		.request(
			"state_getStorage",
			rpc_params![hex(&storage_prefix("Departments", "CounterForDepartments"))],
		)
		.await
		.unwrap();
	assert_eq!(u32::decode(&mut &unhex(&count.unwrap())[..]).unwrap(), 4);

	// The pool refuses a signer without a role, with the documented code (transactions are
	// mortal, anchored at the finalized block)...
	let err = submit_signed(&http, Sr25519Keyring::One, 0, parcel_registration(0))
		.await
		.expect_err("an unregistered signer is refused");
	match &err {
		RpcError::Call(e) => {
			assert_eq!(e.code(), 1010, "invalid transaction: {e:?}");
			assert_eq!(
				refusal_code(&err),
				Some(codes::NOT_REGISTERED),
				"code 1 (not registered): {e:?}"
			);
		},
		other => panic!("unexpected error {other:?}"),
	}
	// ...and includes an officer's (Eve, Land scrutiny officer, holds no balance).
	let _hash: H256 = submit_signed(&http, Sr25519Keyring::Eve, 0, parcel_registration(1))
		.await
		.expect("an officer's transaction is accepted");
	let eve = Sr25519Keyring::Eve.to_account_id().to_string();
	let start = std::time::Instant::now();
	loop {
		let nonce: u32 = http.request("system_accountNextIndex", rpc_params![&eve]).await.unwrap();
		let pending: Vec<String> =
			http.request("author_pendingExtrinsics", rpc_params![]).await.unwrap();
		if nonce == 1 && pending.is_empty() {
			break;
		}
		assert!(start.elapsed() < Duration::from_secs(60), "officer's transaction not included");
		tokio::time::sleep(Duration::from_millis(250)).await;
	}

	// Prometheus metrics are served.
	let mut stream =
		tokio::net::TcpStream::connect(("127.0.0.1", node.prometheus_port)).await.unwrap();
	stream.write_all(b"GET /metrics HTTP/1.0\r\nHost: localhost\r\n\r\n").await.unwrap();
	let mut body = String::new();
	stream.read_to_string(&mut body).await.unwrap();
	assert!(body.contains("substrate_block_height"), "block height metric is exported");
	// Every metric the alert rules and the dashboard read is one the node exports (the dev
	// node is a validator, so its authoring metrics are there too).
	let exported: std::collections::BTreeSet<&str> = body
		.lines()
		.filter(|l| !l.starts_with('#'))
		.filter_map(|l| l.split(['{', ' ']).next())
		.collect();
	let monitoring = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../monitoring");
	for file in ["alerts.yml", "dashboard.json"] {
		let text = std::fs::read_to_string(monitoring.join(file)).expect("monitoring file");
		let used = metric_names(&text);
		assert!(!used.is_empty(), "{file} reads metrics");
		for metric in used {
			assert!(exported.contains(metric.as_str()), "{file} reads {metric}, not exported");
		}
	}

	let status = node.stop().await;
	assert!(status.success(), "clean shutdown on SIGINT: {status:?}");
}

/// The node metrics (`substrate_…`) an alert rule or dashboard file names.
fn metric_names(text: &str) -> std::collections::BTreeSet<String> {
	text.match_indices("substrate_")
		.map(|(i, _)| {
			text[i..].chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '_').collect()
		})
		.collect()
}
