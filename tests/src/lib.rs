//! Helpers for end-to-end tests: start a built `clearance-node` on loopback ports, talk to it
//! over JSON-RPC, build signed transactions the way a wallet does, and stop it cleanly.

use clearance_runtime::{
	extensions, Address, Nonce, RuntimeCall, Signature, SignedPayload, UncheckedExtrinsic, VERSION,
};
use codec::Encode;
use jsonrpsee::{
	core::client::ClientT,
	http_client::{HttpClient, HttpClientBuilder},
	rpc_params,
};
use sp_core::H256;
use sp_io::hashing::twox_128;
use sp_keyring::Sr25519Keyring;
use std::{
	net::TcpListener,
	path::PathBuf,
	process::Stdio,
	time::{Duration, Instant},
};
use tokio::process::{Child, Command};

/// The `clearance-node` binary: `$CLEARANCE_NODE_BIN`, or the one built next to this test.
pub fn node_binary() -> PathBuf {
	if let Ok(path) = std::env::var("CLEARANCE_NODE_BIN") {
		return PathBuf::from(path);
	}
	// target/<profile>/deps/<test-binary> -> target/<profile>/clearance-node
	// or target/<profile>/<binary> -> target/<profile>/clearance-node
	let exe = std::env::current_exe().expect("test binary path");
	let dir = exe.parent().expect("target/<profile>[/deps]");
	let sibling = dir.join("clearance-node");
	let bin = if sibling.exists() {
		sibling
	} else {
		dir.parent().expect("target/<profile>").join("clearance-node")
	};
	assert!(
		bin.exists(),
		"{} does not exist: build the node first (`cargo build --release --workspace`)",
		bin.display()
	);
	bin
}

/// A free TCP port on loopback.
pub fn free_port() -> u16 {
	TcpListener::bind("127.0.0.1:0").and_then(|l| l.local_addr()).expect("a free port").port()
}

/// A running node, killed when dropped if not stopped before.
pub struct Node {
	child: Child,
	/// JSON-RPC port (HTTP and WebSocket).
	pub rpc_port: u16,
	/// Prometheus port.
	pub prometheus_port: u16,
	/// The node's base path, removed on drop.
	pub base_path: PathBuf,
	args: Vec<String>,
}

impl Node {
	/// Start `clearance-node --dev` with its own base path and loopback ports.
	pub async fn start_dev() -> Node {
		Self::start(&["--dev"], free_port()).await
	}

	/// Start `clearance-node <args>` on loopback: P2P on `p2p_port`, RPC and Prometheus on free
	/// ports, its own base path.
	pub async fn start(args: &[&str], p2p_port: u16) -> Node {
		let rpc_port = free_port();
		let prometheus_port = free_port();
		let base_path =
			std::env::temp_dir().join(format!("clearance-e2e-{}-{}", std::process::id(), rpc_port));
		let mut all: Vec<String> = args.iter().map(|a| a.to_string()).collect();
		all.extend(
			[
				"--no-telemetry",
				"--no-mdns",
				"--listen-addr",
				&format!("/ip4/127.0.0.1/tcp/{p2p_port}"),
				"--base-path",
				&base_path.display().to_string(),
				"--rpc-port",
				&rpc_port.to_string(),
				"--prometheus-port",
				&prometheus_port.to_string(),
			]
			.map(String::from),
		);
		let child = Self::spawn(&all);
		let node = Node { child, rpc_port, prometheus_port, base_path, args: all };
		node.wait_for_rpc(Duration::from_secs(60)).await;
		node
	}

	fn spawn(args: &[String]) -> Child {
		Command::new(node_binary())
			.args(args)
			.stdout(Stdio::null())
			.stderr(Stdio::null())
			.kill_on_drop(true)
			.spawn()
			.expect("clearance-node starts")
	}

	/// Stop the node with SIGINT, keeping its database for [`Node::resume`].
	pub async fn halt(&mut self) {
		if let Some(pid) = self.child.id() {
			let _ = std::process::Command::new("kill").args(["-INT", &pid.to_string()]).status();
		}
		let _ = tokio::time::timeout(Duration::from_secs(30), self.child.wait()).await;
	}

	/// Kill the node with SIGKILL, as a power cut would.
	pub async fn kill9(&mut self) {
		let _ = self.child.start_kill();
		let _ = self.child.wait().await;
	}

	/// Start the node again with the same arguments and database.
	pub async fn resume(&mut self) {
		self.child = Self::spawn(&self.args);
		self.wait_for_rpc(Duration::from_secs(60)).await;
	}

	/// Number of the best block.
	pub async fn best_number(&self) -> u64 {
		let header: serde_json::Value =
			self.http().request("chain_getHeader", rpc_params![]).await.expect("header");
		let number = header["number"].as_str().expect("hex number");
		u64::from_str_radix(number.trim_start_matches("0x"), 16).expect("hex number")
	}

	/// Number of connected peers.
	pub async fn peers(&self) -> u64 {
		let health: serde_json::Value =
			self.http().request("system_health", rpc_params![]).await.expect("health");
		health["peers"].as_u64().unwrap_or(0)
	}

	/// The node's process id.
	pub fn pid(&self) -> u32 {
		self.child.id().unwrap_or(0)
	}

	/// HTTP URL of the RPC server.
	pub fn http_url(&self) -> String {
		format!("http://127.0.0.1:{}", self.rpc_port)
	}

	/// WebSocket URL of the RPC server (same port as HTTP).
	pub fn ws_url(&self) -> String {
		format!("ws://127.0.0.1:{}", self.rpc_port)
	}

	/// An HTTP JSON-RPC client.
	pub fn http(&self) -> HttpClient {
		HttpClientBuilder::default().build(self.http_url()).expect("valid URL")
	}

	async fn wait_for_rpc(&self, timeout: Duration) {
		let client = self.http();
		let start = Instant::now();
		loop {
			let health: Result<serde_json::Value, _> =
				client.request("system_health", rpc_params![]).await;
			if health.is_ok() {
				return;
			}
			assert!(start.elapsed() < timeout, "RPC did not come up within {timeout:?}");
			tokio::time::sleep(Duration::from_millis(250)).await;
		}
	}

	/// Number of the latest finalized block.
	pub async fn finalized_number(&self) -> u64 {
		let client = self.http();
		let hash: H256 =
			client.request("chain_getFinalizedHead", rpc_params![]).await.expect("finalized head");
		let header: serde_json::Value =
			client.request("chain_getHeader", rpc_params![hash]).await.expect("header");
		let number = header["number"].as_str().expect("hex number");
		u64::from_str_radix(number.trim_start_matches("0x"), 16).expect("hex number")
	}

	/// Wait until a block at or above `n` is finalized; returns how long it took.
	pub async fn wait_finalized(&self, n: u64, timeout: Duration) -> Duration {
		let start = Instant::now();
		while self.finalized_number().await < n {
			assert!(start.elapsed() < timeout, "block {n} not finalized within {timeout:?}");
			tokio::time::sleep(Duration::from_millis(250)).await;
		}
		start.elapsed()
	}

	/// Stop the node with SIGINT and wait for a clean exit.
	pub async fn stop(mut self) -> std::process::ExitStatus {
		self.interrupt().await
	}

	/// SIGINT, then wait for a clean exit.
	async fn interrupt(&mut self) -> std::process::ExitStatus {
		if let Some(pid) = self.child.id() {
			let _ = std::process::Command::new("kill").args(["-INT", &pid.to_string()]).status();
		}
		let status = tokio::time::timeout(Duration::from_secs(30), self.child.wait())
			.await
			.expect("node exits within 30 s of SIGINT")
			.expect("exit status");
		status
	}

	/// Stop the node with SIGINT and move its base path (database and keys) to `to`, for
	/// later use, e.g. `clearance-node benchmark storage --base-path <to>`.
	pub async fn stop_and_keep(mut self, to: &std::path::Path) -> std::io::Result<()> {
		self.interrupt().await;
		if std::fs::rename(&self.base_path, to).is_ok() {
			return Ok(());
		}
		// Another file system: copy (the original is removed on drop).
		let status = Command::new("cp").arg("-a").arg(&self.base_path).arg(to).status().await?;
		if status.success() {
			Ok(())
		} else {
			Err(std::io::Error::other(format!("cp -a to {} failed", to.display())))
		}
	}
}

impl Drop for Node {
	fn drop(&mut self) {
		let _ = self.child.start_kill();
		let _ = std::fs::remove_dir_all(&self.base_path);
	}
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

/// A transaction signed by `signer`, immortal, as a wallet builds it for this chain.
pub fn signed(
	signer: Sr25519Keyring,
	nonce: Nonce,
	call: RuntimeCall,
	genesis: H256,
) -> UncheckedExtrinsic {
	let extension = extensions::immortal(nonce);
	let implicit =
		((), VERSION.spec_version, VERSION.transaction_version, genesis, genesis, (), ());
	let payload = SignedPayload::from_raw(call.clone(), extension.clone(), implicit);
	let signature = payload.using_encoded(|bytes| signer.sign(bytes));
	UncheckedExtrinsic::new_signed(
		call,
		Address::Id(signer.to_account_id()),
		Signature::Sr25519(signature),
		extension,
	)
}

/// The `clearctl` binary built next to this test (or `$CLEARCTL_BIN`).
pub fn clearctl_binary() -> PathBuf {
	if let Ok(path) = std::env::var("CLEARCTL_BIN") {
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
	assert_eq!(run.code, 0, "clearctl {args:?} failed: {}", run.stderr);
	run.json
}
