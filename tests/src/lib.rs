//! Helpers for end-to-end tests: find the `clearance-node` the scripts built, start it on
//! loopback ports with its output in a log file, talk to it over JSON-RPC, sign mortal
//! transactions the way a wallet does, and stop it cleanly.
//!
//! A node that exits on its own is reported at once, with its exit status and the end of its
//! log; so is a node whose RPC does not come up, and every node of a test that fails.
//!
//! Tests that start a node are *live*: with `CLEARANCE_SKIP_LIVE=1` (the quick tier of
//! `./scripts/test.sh`) they return at once after printing that they were skipped
//! ([`skip_live`]).

mod node;

pub use node::{free_port, node_binary, node_candidates, tail, Node, LOG_TAIL};

use clearance_runtime::{
	signing::{self, Anchor},
	Header, Nonce, RuntimeCall, UncheckedExtrinsic,
};
use codec::Encode;
use jsonrpsee::{
	core::client::{ClientT, Error as RpcError},
	rpc_params,
};
use sp_core::H256;
use sp_io::hashing::twox_128;
use sp_keyring::Sr25519Keyring;
use std::path::PathBuf;
use tokio::process::Command;

/// Whether live-node tests are skipped: `CLEARANCE_SKIP_LIVE` set to anything but `0` or
/// nothing. Prints that `test` was skipped. Call it first in every test that starts a node:
/// `if skip_live("name") { return; }`.
pub fn skip_live(test: &str) -> bool {
	let skip = std::env::var("CLEARANCE_SKIP_LIVE").is_ok_and(|v| !v.is_empty() && v != "0");
	if skip {
		println!("skipped: {test} needs a live node (CLEARANCE_SKIP_LIVE is set)");
	}
	skip
}

/// Storage key of a plain value or the prefix of a map: `twox128(pallet) ++ twox128(item)`.
pub fn storage_prefix(pallet: &str, item: &str) -> Vec<u8> {
	[twox_128(pallet.as_bytes()), twox_128(item.as_bytes())].concat()
}

/// Hex with `0x`, as JSON-RPC wants it.
pub fn hex(bytes: &[u8]) -> String {
	format!("0x{}", bytes.iter().map(|b| format!("{b:02x}")).collect::<String>())
}

/// Bytes from `0x` hex.
pub fn unhex(s: &str) -> Vec<u8> {
	let s = s.trim_start_matches("0x");
	(0..s.len()).step_by(2).map(|i| u8::from_str_radix(&s[i..i + 2], 16).expect("hex")).collect()
}

/// The genesis hash and the anchor ([`Anchor::choose`]) of a transaction signed now, asked of
/// the node behind `client`.
pub async fn signing_anchor(client: &impl ClientT) -> (H256, Anchor) {
	let genesis: H256 =
		client.request("chain_getBlockHash", rpc_params![0u32]).await.expect("genesis hash");
	let best: Header = client.request("chain_getHeader", rpc_params![]).await.expect("best header");
	let finalized: H256 =
		client.request("chain_getFinalizedHead", rpc_params![]).await.expect("finalized head");
	let header: Header =
		client.request("chain_getHeader", rpc_params![finalized]).await.expect("header");
	(genesis, Anchor::choose((best.number, best.hash()), (header.number, finalized)))
}

/// A Land record keeper's registration of a small, privately held parcel, the `n`th of a test
/// (ULPIN `E2E` and `n` in 11 digits): a cheap transaction an officer may send (the pool refuses
/// `System.remark` from everyone).
pub fn parcel_registration(n: u32) -> RuntimeCall {
	let ulpin: [u8; 14] = format!("E2E{n:011}").into_bytes().try_into().expect("14 bytes");
	RuntimeCall::LandParcels(pallet_land_parcels::Call::register_parcel {
		parcel: ulpin,
		district: b"Test".to_vec().try_into().expect("short"),
		village: b"Loopback".to_vec().try_into().expect("short"),
		plot: format!("{n}").into_bytes().try_into().expect("short"),
		area_sqm: 100,
		land_use: clearance_primitives::LandUse::Agricultural,
		holder: pallet_land_parcels::Holder::Private(H256::repeat_byte(1)),
	})
}

/// A transaction signed by `signer` with `nonce`, mortal from `anchor`, on the chain of
/// `genesis`, as a wallet builds it ([`signing::signed_extrinsic`]).
pub fn signed(
	signer: Sr25519Keyring,
	nonce: Nonce,
	call: RuntimeCall,
	genesis: H256,
	anchor: Anchor,
) -> UncheckedExtrinsic {
	signing::signed_extrinsic(&signer.pair(), call, nonce, genesis, anchor)
}

/// Sign `call` by `signer` with `nonce`, mortal from the node's current anchor, for the spec
/// version the node runs, and submit it
/// with `author_submitExtrinsic`: its hash, or the node's refusal.
pub async fn submit_signed(
	client: &impl ClientT,
	signer: Sr25519Keyring,
	nonce: Nonce,
	call: RuntimeCall,
) -> Result<H256, RpcError> {
	let (genesis, anchor) = signing_anchor(client).await;
	let spec_version = spec_version(client).await;
	let tx =
		signing::signed_extrinsic_for(spec_version, &signer.pair(), call, nonce, genesis, anchor);
	client.request("author_submitExtrinsic", rpc_params![hex(&tx.encode())]).await
}

/// The `spec_version` the chain behind `client` runs at its best block (a wallet signs for it,
/// so signing goes on across a runtime upgrade).
pub async fn spec_version(client: &impl ClientT) -> u32 {
	let version: serde_json::Value =
		client.request("state_getRuntimeVersion", rpc_params![]).await.expect("runtime version");
	version["specVersion"]
		.as_u64()
		.and_then(|v| u32::try_from(v).ok())
		.expect("specVersion is a u32")
}

/// The pool's refusal code of a submission the node refused with `1010: Invalid Transaction`
/// and data `Custom error: N`, read exactly; `None` for any other error. Describe it with
/// `clearance_runtime::extensions::codes::describe`.
pub fn refusal_code(error: &RpcError) -> Option<u8> {
	match error {
		RpcError::Call(e) if e.code() == 1010 => {
			let data: String = serde_json::from_str(e.data()?.get()).ok()?;
			signing::refusal_code(&data)
		},
		_ => None,
	}
}

/// `clearance-node build-spec --chain <chain> [--raw]` written to `dir/<name>`: the chain spec
/// `clearctl --chain-spec` trusts. Returns its path.
pub async fn chain_spec_file(dir: &std::path::Path, chain: &str, raw: bool, name: &str) -> String {
	let mut args = vec!["build-spec", "--chain", chain];
	if raw {
		args.push("--raw");
	}
	let out = Command::new(node_binary())
		.args(&args)
		.stderr(std::process::Stdio::null())
		.output()
		.await
		.expect("build-spec runs");
	assert!(out.status.success(), "build-spec --chain {chain} failed");
	let path = dir.join(name);
	std::fs::write(&path, &out.stdout).expect("spec written");
	path.display().to_string()
}

/// The `clearctl` binary: `$CLEARCTL_BIN`, or the one next to the node binary.
pub fn clearctl_binary() -> PathBuf {
	if let Some(path) = std::env::var_os("CLEARCTL_BIN") {
		return PathBuf::from(path);
	}
	let bin = node_binary().with_file_name("clearctl");
	assert!(bin.exists(), "{} does not exist: build the workspace first", bin.display());
	bin
}

/// What a `clearctl --json` run printed, and its exit code.
#[derive(Debug)]
pub struct Run {
	/// Exit code.
	pub code: i32,
	/// Standard output parsed as JSON (`Null` if it is not JSON).
	pub json: serde_json::Value,
	/// Standard error.
	pub stderr: String,
}

/// Run `clearctl --json --url <node> [--suri <suri>] args…`.
pub async fn clearctl(node: &Node, suri: Option<&str>, args: &[&str]) -> Run {
	let mut cmd = Command::new(clearctl_binary());
	cmd.args(["--json", "--url", &node.ws_url()]);
	if let Some(s) = suri {
		cmd.args(["--suri", s]);
	}
	let out = cmd.args(args).output().await.expect("clearctl runs");
	Run {
		code: out.status.code().unwrap_or(-1),
		json: serde_json::from_slice(&out.stdout).unwrap_or(serde_json::Value::Null),
		stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
	}
}

/// Like [`clearctl`], asserting success.
pub async fn clearctl_ok(node: &Node, suri: Option<&str>, args: &[&str]) -> serde_json::Value {
	let run = clearctl(node, suri, args).await;
	if run.code != 0 {
		node.assert_running();
	}
	assert_eq!(run.code, 0, "clearctl {args:?} failed: {}", run.stderr);
	run.json
}
