//! A built `clearance-node` on loopback: found where the scripts build it, started with its
//! output in a log file, watched (an exit on its own is reported at once, with its status and the
//! end of its log), stopped, killed and resumed.

use jsonrpsee::{
	core::client::ClientT,
	http_client::{HttpClient, HttpClientBuilder},
	rpc_params,
};
use sp_core::H256;
use std::{
	net::TcpListener,
	os::unix::process::ExitStatusExt,
	path::{Path, PathBuf},
	process::{ExitStatus, Stdio},
	sync::{
		atomic::{AtomicBool, Ordering},
		Arc,
	},
	time::{Duration, Instant},
};
use tokio::{
	process::Command,
	sync::{mpsc, watch},
};

/// How many lines of a node's log are printed when something goes wrong.
pub const LOG_TAIL: usize = 60;

/// Where the `clearance-node` binary may be, in order: `$CLEARANCE_NODE` if set (then only
/// there); else `${CARGO_TARGET_DIR:-$HOME/.cache/clearance-registry/target}/release`, where the
/// scripts build it; else next to this executable (`target/<profile>[/deps]/..`).
pub fn node_candidates() -> Vec<PathBuf> {
	if let Some(path) = std::env::var_os("CLEARANCE_NODE") {
		return vec![PathBuf::from(path)];
	}
	let mut paths = Vec::new();
	let target = std::env::var_os("CARGO_TARGET_DIR").map(PathBuf::from).or_else(|| {
		std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cache/clearance-registry/target"))
	});
	if let Some(target) = target {
		paths.push(target.join("release").join("clearance-node"));
	}
	// target/<profile>/deps/<test binary>, or target/<profile>/<binary>.
	if let Some(dir) = std::env::current_exe().ok().and_then(|e| e.parent().map(Path::to_owned)) {
		paths.push(dir.join("clearance-node"));
		if let Some(up) = dir.parent() {
			paths.push(up.join("clearance-node"));
		}
	}
	paths
}

/// The `clearance-node` binary: the first of [`node_candidates`] that exists. Panics, listing
/// every path looked at, if none does.
pub fn node_binary() -> PathBuf {
	let candidates = node_candidates();
	if let Some(found) = candidates.iter().find(|p| p.is_file()) {
		return found.clone();
	}
	let looked: Vec<String> = candidates.iter().map(|p| format!("  {}", p.display())).collect();
	panic!(
		"no clearance-node binary; looked at:\n{}\nbuild it (`./scripts/test.sh`, or `cargo build \
		 --release -p clearance-node`) or set CLEARANCE_NODE to its path",
		looked.join("\n")
	)
}

/// A free TCP port on loopback.
pub fn free_port() -> u16 {
	TcpListener::bind("127.0.0.1:0").and_then(|l| l.local_addr()).expect("a free port").port()
}

/// The last `lines` lines of the file at `path` (empty if it cannot be read).
pub fn tail(path: &Path, lines: usize) -> String {
	let text = std::fs::read(path).map(|b| String::from_utf8_lossy(&b).into_owned());
	let text = text.unwrap_or_default();
	let all: Vec<&str> = text.lines().collect();
	all[all.len().saturating_sub(lines)..].join("\n")
}

/// One run of the node process, watched by a task that reports its exit.
struct Process {
	pid: u32,
	/// Its exit status, once it has exited.
	exited: watch::Receiver<Option<ExitStatus>>,
	/// Asks the watcher to kill it (SIGKILL).
	kill: mpsc::UnboundedSender<()>,
	/// Set before we stop or kill it: an exit is then no surprise.
	expected: Arc<AtomicBool>,
}

/// A running node, killed when dropped if not stopped before.
pub struct Node {
	process: Process,
	/// JSON-RPC port (HTTP and WebSocket).
	pub rpc_port: u16,
	/// Prometheus port.
	pub prometheus_port: u16,
	/// The node's base path, removed on drop.
	pub base_path: PathBuf,
	/// The node's standard output and error (all its runs), next to the base path; removed on
	/// drop unless the test failed.
	pub log_path: PathBuf,
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
		let log_path = base_path.with_extension("log");
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
		let process = Self::spawn(&all, &log_path, rpc_port);
		let node = Node { process, rpc_port, prometheus_port, base_path, log_path, args: all };
		node.wait_for_rpc(Duration::from_secs(60)).await;
		node
	}

	/// Start the process with its output appended to `log`, and a task that reports its exit.
	fn spawn(args: &[String], log: &Path, rpc_port: u16) -> Process {
		let binary = node_binary();
		let file = std::fs::OpenOptions::new()
			.create(true)
			.append(true)
			.open(log)
			.unwrap_or_else(|e| panic!("cannot open the node log {}: {e}", log.display()));
		let stderr = file.try_clone().expect("a second handle on the log");
		let mut child = Command::new(&binary)
			.args(args)
			.stdin(Stdio::null())
			.stdout(Stdio::from(file))
			.stderr(Stdio::from(stderr))
			.kill_on_drop(true)
			.spawn()
			.unwrap_or_else(|e| panic!("{} does not start: {e}", binary.display()));
		let pid = child.id().expect("a running child has a pid");
		let (status_tx, exited) = watch::channel(None);
		let (kill, mut kill_rx) = mpsc::unbounded_channel::<()>();
		let expected = Arc::new(AtomicBool::new(false));
		let surprise = expected.clone();
		let log = log.to_owned();
		tokio::spawn(async move {
			let status = tokio::select! {
				status = child.wait() => status,
				_ = kill_rx.recv() => {
					let _ = child.start_kill();
					child.wait().await
				},
			};
			// An error waiting (never seen) is reported as exit code 1.
			let status = status.unwrap_or_else(|_| ExitStatus::from_raw(1 << 8));
			if !surprise.load(Ordering::SeqCst) {
				eprintln!(
					"clearance-node (pid {pid}, RPC port {rpc_port}) exited on its own: {status}; \
					 log {}",
					log.display()
				);
			}
			let _ = status_tx.send(Some(status));
		});
		Process { pid, exited, kill, expected }
	}

	/// The exit status of a node that has exited.
	pub fn exit_status(&self) -> Option<ExitStatus> {
		*self.process.exited.borrow()
	}

	/// Panic if the node has exited, with its status (the end of its log is printed when the
	/// failing test drops the node).
	pub fn assert_running(&self) {
		if let Some(status) = self.exit_status() {
			panic!(
				"clearance-node (RPC port {}) is not running: it exited with {status}",
				self.rpc_port
			);
		}
	}

	/// The last [`LOG_TAIL`] lines of the node's log.
	pub fn log_tail(&self) -> String {
		tail(&self.log_path, LOG_TAIL)
	}

	/// Send `signal` to the node process and wait (at most 30 s) for it to exit.
	async fn signal_and_wait(&mut self, signal: &str) -> Option<ExitStatus> {
		self.process.expected.store(true, Ordering::SeqCst);
		if self.exit_status().is_none() {
			let pid = self.process.pid.to_string();
			let _ = std::process::Command::new("kill").args([signal, &pid]).status();
		}
		let mut exited = self.process.exited.clone();
		let done = async move { exited.wait_for(Option::is_some).await.ok().and_then(|s| *s) };
		tokio::time::timeout(Duration::from_secs(30), done).await.ok().flatten()
	}

	/// Stop the node with SIGINT, keeping its database for [`Node::resume`].
	pub async fn halt(&mut self) {
		self.signal_and_wait("-INT").await;
	}

	/// Kill the node with SIGKILL, as a power cut would.
	pub async fn kill9(&mut self) {
		self.process.expected.store(true, Ordering::SeqCst);
		let _ = self.process.kill.send(());
		let _ = self.process.exited.wait_for(Option::is_some).await;
	}

	/// Start the node again with the same arguments and database.
	pub async fn resume(&mut self) {
		self.process = Self::spawn(&self.args, &self.log_path, self.rpc_port);
		self.wait_for_rpc(Duration::from_secs(60)).await;
	}

	/// Number of the best block.
	pub async fn best_number(&self) -> u64 {
		let header: serde_json::Value = self.request("chain_getHeader", rpc_params![]).await;
		let number = header["number"].as_str().expect("hex number");
		u64::from_str_radix(number.trim_start_matches("0x"), 16).expect("hex number")
	}

	/// Number of connected peers.
	pub async fn peers(&self) -> u64 {
		let health: serde_json::Value = self.request("system_health", rpc_params![]).await;
		health["peers"].as_u64().unwrap_or(0)
	}

	/// The node's process id.
	pub fn pid(&self) -> u32 {
		self.process.pid
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

	/// Call `method`; on an error, panics saying whether the node is still running.
	async fn request<T: jsonrpsee::core::DeserializeOwned>(
		&self,
		method: &str,
		params: jsonrpsee::core::params::ArrayParams,
	) -> T {
		match self.http().request(method, params).await {
			Ok(v) => v,
			Err(e) => {
				self.assert_running();
				panic!("{method} on the node at RPC port {}: {e}", self.rpc_port)
			},
		}
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
			// Panicking drops the node, which prints the end of its log.
			if let Some(status) = self.exit_status() {
				panic!("clearance-node exited before its RPC came up: {status}");
			}
			if start.elapsed() >= timeout {
				panic!(
					"the RPC of clearance-node (port {}) did not come up within {timeout:?}",
					self.rpc_port
				);
			}
			tokio::time::sleep(Duration::from_millis(250)).await;
		}
	}

	/// Number of the latest finalized block.
	pub async fn finalized_number(&self) -> u64 {
		let hash: H256 = self.request("chain_getFinalizedHead", rpc_params![]).await;
		let header: serde_json::Value = self.request("chain_getHeader", rpc_params![hash]).await;
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
	pub async fn stop(mut self) -> ExitStatus {
		self.interrupt().await
	}

	/// SIGINT, then wait for a clean exit.
	async fn interrupt(&mut self) -> ExitStatus {
		match self.signal_and_wait("-INT").await {
			Some(status) => status,
			None => panic!("clearance-node did not exit within 30 s of SIGINT"),
		}
	}

	/// Stop the node with SIGINT and move its base path (database and keys) to `to`, for
	/// later use, e.g. `clearance-node benchmark storage --base-path <to>`.
	pub async fn stop_and_keep(mut self, to: &Path) -> std::io::Result<()> {
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
		self.process.expected.store(true, Ordering::SeqCst);
		let _ = self.process.kill.send(());
		if self.exit_status().is_none() {
			// The watcher may not run again (the runtime is ending): kill directly too.
			let pid = self.process.pid.to_string();
			let _ = std::process::Command::new("kill").args(["-KILL", &pid]).status();
		}
		let _ = std::fs::remove_dir_all(&self.base_path);
		if std::thread::panicking() {
			eprintln!(
				"---- clearance-node (RPC port {}{}): last {LOG_TAIL} lines of {} (kept) ----\n{}\n----",
				self.rpc_port,
				self.exit_status().map(|s| format!(", exited: {s}")).unwrap_or_default(),
				self.log_path.display(),
				self.log_tail()
			);
		} else {
			let _ = std::fs::remove_file(&self.log_path);
		}
	}
}
