//! # clearctl
//!
//! The clearance registry from the command line, for the four kinds of user:
//!
//! - **officers** register enterprises and parcels, take cases, raise the query, approve with
//!   conditions, reject, revoke certificates and freeze parcels on a court order;
//! - **industrialists** anchor documents, apply, respond to a query, withdraw, and track an
//!   application (`--follow` streams its changes);
//! - **anyone** verifies a certificate;
//! - **auditors** verify a subject's audit trail against a storage proof at a finalized block.
//!
//! Reads use the node's `clearance_*` JSON-RPC methods; signed submissions use subxt. Human
//! output by default, `--json` for scripts. Every failure prints a clear message (a chain
//! error by name with its documentation) and exits non-zero.
//!
//! ## Terminology
//!
//! - **SURI**: a secret URI: a dev key (`//Alice`), a mnemonic, or a 0x-hex seed. It is read
//!   from `--suri` or `--key-file` (or `CLEARCTL_SURI`) and never printed.
//! - **Document hash**: the SHA-256 of a file, computed locally; only the hash goes on chain.
//!   Texts (a query, conditions, reasons) are hashed the same way.
//! - **Subject**: what an audit trail is about: `department:LAND`, `enterprise:0`,
//!   `parcel:WB19KOL0001234`, `application:0`, `case:1`, `certificate:0`.
//! - **Bundle**: audit evidence saved by `audit verify --export`, verifiable again with
//!   `audit verify --bundle`.

mod audit;
mod chain;
mod show;

use chain::{Chain, Receipt};
use clap::{Args, Parser, Subcommand};
use clearance_primitives::{LandUse, Subject};
use clearance_runtime::{AccountId, RuntimeCall};
use pallet_clearances::{InvestmentClass, Project};
use serde_json::{json, Value};
use sp_core::H256;
use sp_io::hashing::sha2_256;
use std::{path::PathBuf, process::ExitCode, str::FromStr};
use subxt::rpcs::client::RpcParams;

/// Why a command failed, and the exit code it gives.
#[derive(Debug)]
pub struct Failure {
	/// What went wrong, for people.
	pub message: String,
	/// The chain error's name (`Clearances.InvalidState`), for a dispatch error.
	pub error: Option<String>,
	/// The exit code: 2 bad input, 3 refused by the chain, 4 verification failed, 1 otherwise.
	pub code: u8,
}

impl Failure {
	/// Bad input from the user.
	pub fn input(message: impl Into<String>) -> Self {
		Self { message: message.into(), error: None, code: 2 }
	}
	/// The node could not be reached or refused the request.
	pub fn chain(message: impl Into<String>) -> Self {
		Self { message: message.into(), error: None, code: 1 }
	}
	/// The runtime refused the call.
	pub fn dispatch(name: String, docs: String) -> Self {
		let message = if docs.is_empty() { name.clone() } else { format!("{name}: {docs}") };
		Self { message, error: Some(name), code: 3 }
	}
	/// An audit verification failed.
	pub fn verify(message: impl Into<String>) -> Self {
		Self { message: message.into(), error: None, code: 4 }
	}
}

type Result<T> = std::result::Result<T, Failure>;

#[derive(Parser)]
#[command(name = "clearctl", version, about = "Client of the clearance registry")]
struct Cli {
	/// The node's WebSocket endpoint.
	#[arg(long, global = true, env = "CLEARCTL_URL", default_value = "ws://127.0.0.1:9944")]
	url: String,
	/// Secret URI of the signing key (`//Alice`, a mnemonic, a 0x-hex seed).
	#[arg(long, global = true, env = "CLEARCTL_SURI", hide_env_values = true)]
	suri: Option<String>,
	/// File holding the secret URI of the signing key.
	#[arg(long, global = true)]
	key_file: Option<PathBuf>,
	/// Print JSON instead of text.
	#[arg(long, global = true)]
	json: bool,
	/// Wait until a submission is finalized, not just included in a best block.
	#[arg(long, global = true)]
	finalized: bool,
	#[command(subcommand)]
	command: Command,
}

#[derive(Subcommand)]
enum Command {
	/// What the signing key (or ACCOUNT) may do on the chain.
	Whoami {
		/// An SS58 address instead of the signing key.
		account: Option<String>,
	},
	/// Enterprises (Industries officers register them).
	#[command(subcommand)]
	Enterprise(EnterpriseCmd),
	/// Land parcels (Land record keepers register them; approving authorities freeze them).
	#[command(subcommand)]
	Parcel(ParcelCmd),
	/// Documents: anchor a file's hash for your enterprise.
	#[command(subcommand)]
	Doc(DocCmd),
	/// Submit a common application for one or more clearance types.
	Apply(ApplyArgs),
	/// Withdraw an application (its owner or an agent).
	Withdraw { application: u32 },
	/// A readable timeline of an application: who holds each case, days left.
	Track {
		application: u32,
		/// Keep printing each change until every case is decided.
		#[arg(long)]
		follow: bool,
	},
	/// The applications of an enterprise.
	Applications {
		enterprise: u32,
		#[arg(long)]
		after: Option<u32>,
		#[arg(long)]
		limit: Option<u32>,
	},
	/// Cases (officers act; anyone reads).
	#[command(subcommand)]
	Case(CaseCmd),
	/// A department's work queue, earliest due first.
	Queue {
		department: String,
		/// Only this state (Submitted, UnderScrutiny, QueryRaised, Responded, Escalated, Waiting).
		#[arg(long)]
		state: Option<String>,
		#[arg(long)]
		after: Option<String>,
		#[arg(long)]
		limit: Option<u32>,
	},
	/// Escalated and overdue cases, of one department or all.
	Overdue { department: Option<String> },
	/// A department's dashboard.
	Dashboard { department: String },
	/// Certificates: verify (anyone), revoke and renew (approving authorities).
	#[command(subcommand)]
	Cert(CertCmd),
	/// Audit trails.
	#[command(subcommand)]
	Audit(AuditCmd),
}

#[derive(Subcommand)]
enum EnterpriseCmd {
	/// Register an enterprise (Industries scrutiny officer or admin).
	Register {
		/// Registered name.
		#[arg(long)]
		name: String,
		/// The owner's SS58 address.
		#[arg(long)]
		owner: String,
		/// The identity documents verified off chain; only their hash goes on chain.
		#[arg(long)]
		identity_file: PathBuf,
	},
}

#[derive(Subcommand)]
enum ParcelCmd {
	/// Register a parcel (Land record keeper).
	Register {
		ulpin: String,
		#[arg(long)]
		district: String,
		#[arg(long)]
		village: String,
		#[arg(long)]
		plot: String,
		/// Area in square metres.
		#[arg(long)]
		area: u64,
		/// Agricultural, Industrial, Commercial, Residential, Forest, Institutional, Other.
		#[arg(long, default_value = "Agricultural")]
		land_use: String,
		/// The holder enterprise's id; without it, a private holder.
		#[arg(long)]
		enterprise: Option<u32>,
		/// The private holder's identity record, hashed.
		#[arg(long)]
		holder_file: Option<PathBuf>,
	},
	/// A parcel with its cases, certificates and history.
	Show { ulpin: String },
	/// Freeze a parcel on a court order (approving authority, admin or head of Land).
	Freeze {
		ulpin: String,
		#[command(flatten)]
		order: Text,
	},
	/// Lift a freeze.
	Unfreeze {
		ulpin: String,
		#[command(flatten)]
		order: Text,
	},
}

#[derive(Subcommand)]
enum DocCmd {
	/// Hash FILE locally and anchor the hash for your enterprise.
	Anchor {
		file: PathBuf,
		/// Document kind, such as SALE_DEED, PROJECT_REPORT, SITE_PLAN.
		#[arg(long)]
		kind: String,
		/// Where the document can be fetched.
		#[arg(long)]
		uri: Option<String>,
	},
	/// Print a file's SHA-256 without submitting anything.
	Hash { file: PathBuf },
}

#[derive(Args)]
struct ApplyArgs {
	/// Project name.
	#[arg(long)]
	project: String,
	/// Sector.
	#[arg(long)]
	sector: String,
	/// Micro, Small, Medium or Large.
	#[arg(long, default_value = "Small")]
	investment: String,
	/// A parcel (ULPIN); repeat for more.
	#[arg(long = "parcel", required = true)]
	parcels: Vec<String>,
	/// A clearance type code; repeat for more.
	#[arg(long = "type", required = true)]
	types: Vec<String>,
	/// An anchored document's hash; repeat for more.
	#[arg(long = "doc")]
	docs: Vec<String>,
}

/// A text or a file whose SHA-256 goes on chain.
#[derive(Args)]
#[group(required = true, multiple = false)]
struct Text {
	/// The text.
	#[arg(long)]
	text: Option<String>,
	/// A file.
	#[arg(long)]
	file: Option<PathBuf>,
}

impl Text {
	fn hash(&self) -> Result<H256> {
		match (&self.text, &self.file) {
			(Some(t), _) => Ok(H256(sha2_256(t.as_bytes()))),
			(None, Some(f)) => Ok(H256(sha2_256(&read_file(f)?))),
			(None, None) => Err(Failure::input("give --text or --file")),
		}
	}
}

#[derive(Subcommand)]
enum CaseCmd {
	/// A case with its clocks.
	Show { case: u32 },
	/// Take a submitted case for scrutiny (scrutiny officer).
	Take { case: u32 },
	/// Raise the department's one query (the officer holding the case, or the head).
	Query {
		case: u32,
		#[command(flatten)]
		query: Text,
	},
	/// Respond to the query (the applicant), optionally with more anchored documents.
	Respond {
		case: u32,
		#[command(flatten)]
		response: Text,
		#[arg(long = "doc")]
		docs: Vec<String>,
	},
	/// Approve with conditions (approving authority; the head for an escalated case).
	Approve {
		case: u32,
		#[command(flatten)]
		conditions: Text,
	},
	/// Reject with a reason code and reasoning.
	Reject {
		case: u32,
		#[arg(long)]
		reason: u16,
		#[command(flatten)]
		reasoning: Text,
	},
}

#[derive(Subcommand)]
enum CertCmd {
	/// Verify a certificate: valid, suspended, revoked or expired, with dates.
	Verify {
		number: u32,
		/// The status as of this moment: milliseconds since the epoch, or `YYYY-MM-DD`.
		#[arg(long)]
		as_of: Option<String>,
	},
	/// Revoke a certificate (approving authority of its department).
	Revoke {
		number: u32,
		#[arg(long)]
		reason: u16,
		#[command(flatten)]
		reasoning: Text,
	},
	/// Renew a certificate (approving authority of its department).
	Renew {
		number: u32,
		#[command(flatten)]
		conditions: Text,
	},
}

#[derive(Subcommand)]
enum AuditCmd {
	/// Print a subject's trail.
	Trail { subject: String },
	/// Verify a subject's trail against a storage proof at the finalized block.
	Verify {
		/// The subject (`case:1`), unless `--bundle` is given.
		subject: Option<String>,
		/// Verify this block (a finalized block hash) instead of the latest finalized.
		#[arg(long)]
		at: Option<String>,
		/// Save the evidence to this file.
		#[arg(long)]
		export: Option<PathBuf>,
		/// Verify saved evidence instead of fetching it; the node is asked only whether the
		/// block is finalized in its chain.
		#[arg(long)]
		bundle: Option<PathBuf>,
	},
}

fn read_file(path: &PathBuf) -> Result<Vec<u8>> {
	std::fs::read(path).map_err(|e| Failure::input(format!("cannot read {}: {e}", path.display())))
}

fn hash_arg(text: &str) -> Result<H256> {
	H256::from_str(text)
		.map_err(|_| Failure::input(format!("{text:?} is not a 0x-hex 32-byte hash")))
}

fn account_arg(text: &str) -> Result<AccountId> {
	AccountId::from_str(text)
		.map_err(|_| Failure::input(format!("{text:?} is not an SS58 address")))
}

fn ulpin_arg(text: &str) -> Result<clearance_primitives::Ulpin> {
	text.as_bytes()
		.try_into()
		.map_err(|_| Failure::input(format!("{text:?} is not a ULPIN (14 characters)")))
}

fn bounded<N: sp_core::Get<u32>>(what: &str, text: &str) -> Result<sp_runtime::BoundedVec<u8, N>> {
	text.as_bytes()
		.to_vec()
		.try_into()
		.map_err(|_| Failure::input(format!("{what} {text:?} is longer than {} bytes", N::get())))
}

fn land_use_arg(text: &str) -> Result<LandUse> {
	use LandUse::*;
	[Agricultural, Industrial, Commercial, Residential, Forest, Institutional, Other]
		.into_iter()
		.find(|l| format!("{l:?}").eq_ignore_ascii_case(text))
		.ok_or_else(|| Failure::input(format!("{text:?} is not a land-use class")))
}

fn investment_arg(text: &str) -> Result<InvestmentClass> {
	use InvestmentClass::*;
	[Micro, Small, Medium, Large]
		.into_iter()
		.find(|l| format!("{l:?}").eq_ignore_ascii_case(text))
		.ok_or_else(|| Failure::input(format!("{text:?} is not Micro, Small, Medium or Large")))
}

/// Milliseconds since the epoch from `ms` or `YYYY-MM-DD` (midnight UTC).
fn moment_arg(text: &str) -> Result<u64> {
	if let Ok(ms) = text.parse() {
		return Ok(ms);
	}
	let bad = || Failure::input(format!("{text:?} is neither milliseconds nor YYYY-MM-DD"));
	let mut parts = text.split('-').map(|p| p.parse::<i64>().map_err(|_| bad()));
	let (y, m, d) = (
		parts.next().ok_or_else(bad)??,
		parts.next().ok_or_else(bad)??,
		parts.next().ok_or_else(bad)??,
	);
	if parts.next().is_some() || !(1..=12).contains(&m) || !(1..=31).contains(&d) {
		return Err(bad());
	}
	let days = show::days_from_civil(y, m, d);
	u64::try_from(days * 86_400_000).map_err(|_| bad())
}

fn params(values: impl IntoIterator<Item = Value>) -> RpcParams {
	let mut p = RpcParams::new();
	for v in values {
		// Serialising a JSON value cannot fail.
		let _ = p.push(v);
	}
	p
}

struct Context {
	cli_json: bool,
	finalized: bool,
	suri: Option<String>,
	chain: Chain,
}

impl Context {
	fn key(&self) -> Result<subxt_signer::sr25519::Keypair> {
		let suri = self.suri.as_deref().ok_or_else(|| {
			Failure::input(
				"this command signs a transaction: give --suri, --key-file or CLEARCTL_SURI",
			)
		})?;
		chain::keypair(suri)
	}

	async fn submit(&self, call: RuntimeCall) -> Result<Receipt> {
		let key = self.key()?;
		self.chain.submit(&key, call, self.finalized).await
	}

	/// Submit and print the events.
	async fn act(&self, call: RuntimeCall, done: &str) -> Result<Value> {
		let receipt = self.submit(call).await?;
		let ours: Vec<Value> =
			receipt.events_json.iter().filter(|e| e["pallet"] != "System").cloned().collect();
		if !self.cli_json {
			println!("{done} (block {:?})", receipt.block);
			for e in receipt
				.events
				.iter()
				.filter(|e| !matches!(e, clearance_runtime::RuntimeEvent::System(_)))
			{
				println!("  {e:?}");
			}
		}
		Ok(json!({ "block": receipt.block, "events": ours }))
	}

	async fn read(&self, method: &str, args: impl IntoIterator<Item = Value>) -> Result<Value> {
		self.chain.read(method, params(args)).await
	}
}

async fn run(cli: Cli) -> Result<Value> {
	let suri = match (&cli.suri, &cli.key_file) {
		(Some(s), _) => Some(s.clone()),
		(None, Some(f)) => Some(
			String::from_utf8(read_file(f)?)
				.map_err(|_| Failure::input("the key file is not text"))?,
		),
		(None, None) => None,
	};
	// Commands that need no node.
	if let Command::Doc(DocCmd::Hash { file }) = &cli.command {
		let bytes = read_file(file)?;
		let hash = H256(sha2_256(&bytes));
		if !cli.json {
			println!("{hash:?}");
		}
		return Ok(json!({ "sha256": hash, "size": bytes.len() }));
	}
	let chain = Chain::connect(&cli.url).await?;
	let cx = Context { cli_json: cli.json, finalized: cli.finalized, suri, chain };
	let human = !cli.json;
	use clearance_runtime::RuntimeCall::{Clearances, Enterprises, LandParcels};
	use pallet_clearances::Call as C;
	match cli.command {
		Command::Whoami { account } => {
			let who = match account {
				Some(a) => {
					account_arg(&a)?;
					a
				},
				None => chain::address(&cx.key()?),
			};
			let v = cx.read("clearance_account", [json!(who), Value::Null]).await?;
			if human {
				show::account(&v);
			}
			Ok(v)
		},
		Command::Enterprise(EnterpriseCmd::Register { name, owner, identity_file }) => {
			let call = Enterprises(pallet_enterprises::Call::register_enterprise {
				name: name.into_bytes(),
				identity_hash: H256(sha2_256(&read_file(&identity_file)?)),
				owner: account_arg(&owner)?,
			});
			cx.act(call, "Enterprise registered").await
		},
		Command::Parcel(cmd) => match cmd {
			ParcelCmd::Register {
				ulpin,
				district,
				village,
				plot,
				area,
				land_use,
				enterprise,
				holder_file,
			} => {
				let holder = match (enterprise, holder_file) {
					(Some(e), _) => pallet_land_parcels::Holder::Enterprise(e),
					(None, Some(f)) => {
						pallet_land_parcels::Holder::Private(H256(sha2_256(&read_file(&f)?)))
					},
					(None, None) => {
						return Err(Failure::input("give --enterprise or --holder-file"))
					},
				};
				let call = LandParcels(pallet_land_parcels::Call::register_parcel {
					parcel: ulpin_arg(&ulpin)?,
					district: district.into_bytes(),
					village: village.into_bytes(),
					plot: plot.into_bytes(),
					area_sqm: area,
					land_use: land_use_arg(&land_use)?,
					holder,
				});
				cx.act(call, "Parcel registered").await
			},
			ParcelCmd::Show { ulpin } => {
				ulpin_arg(&ulpin)?;
				let v = cx
					.read("clearance_parcel", [json!(ulpin), Value::Null, Value::Null, Value::Null])
					.await?;
				if human {
					show::parcel(&v);
				}
				Ok(v)
			},
			ParcelCmd::Freeze { ulpin, order } => {
				let call = LandParcels(pallet_land_parcels::Call::freeze_parcel {
					parcel: ulpin_arg(&ulpin)?,
					order_hash: order.hash()?,
				});
				cx.act(call, "Parcel frozen").await
			},
			ParcelCmd::Unfreeze { ulpin, order } => {
				let call = LandParcels(pallet_land_parcels::Call::unfreeze_parcel {
					parcel: ulpin_arg(&ulpin)?,
					order_hash: order.hash()?,
				});
				cx.act(call, "Freeze lifted").await
			},
		},
		Command::Doc(DocCmd::Anchor { file, kind, uri }) => {
			let bytes = read_file(&file)?;
			let sha256 = H256(sha2_256(&bytes));
			let call = Clearances(C::anchor_document {
				sha256,
				kind: kind.into_bytes(),
				size: bytes.len() as u64,
				uri: uri.map(String::into_bytes),
			});
			let mut v = cx.act(call, &format!("Document {sha256:?} anchored")).await?;
			v["sha256"] = json!(sha256);
			Ok(v)
		},
		Command::Doc(DocCmd::Hash { .. }) => unreachable!("answered above"),
		Command::Apply(a) => {
			let project = Project {
				name: bounded("project name", &a.project)?,
				sector: bounded("sector", &a.sector)?,
				investment: investment_arg(&a.investment)?,
			};
			let parcels = a.parcels.iter().map(|p| ulpin_arg(p)).collect::<Result<Vec<_>>>()?;
			let types =
				a.types.iter().map(|t| bounded("type code", t)).collect::<Result<Vec<_>>>()?;
			let documents = a.docs.iter().map(|d| hash_arg(d)).collect::<Result<Vec<_>>>()?;
			let call = Clearances(C::submit_application { project, parcels, types, documents });
			let receipt = cx.submit(call).await?;
			let mut application = None;
			let mut cases = Vec::new();
			for e in &receipt.events {
				if let clearance_runtime::RuntimeEvent::Clearances(e) = e {
					match e {
						pallet_clearances::Event::ApplicationSubmitted {
							application: id, ..
						} => application = Some(*id),
						pallet_clearances::Event::CaseOpened { case, .. }
						| pallet_clearances::Event::CaseWaiting { case, .. } => cases.push(*case),
						_ => {},
					}
				}
			}
			if human {
				println!(
					"Application {} submitted (block {:?}); cases {:?}",
					application.map(|a| a.to_string()).unwrap_or_default(),
					receipt.block,
					cases
				);
				println!("Track it with: clearctl track {}", application.unwrap_or_default());
			}
			Ok(json!({ "block": receipt.block, "application": application, "cases": cases }))
		},
		Command::Withdraw { application } => {
			cx.act(Clearances(C::withdraw_application { application }), "Application withdrawn")
				.await
		},
		Command::Track { application, follow } => {
			let v = cx.read("clearance_application", [json!(application), Value::Null]).await?;
			let timeline = show::timeline(&cx, &v).await?;
			if human {
				show::track(&v, &timeline);
			}
			if !follow {
				return Ok(json!({ "application": v, "timeline": timeline }));
			}
			show::follow(&cx, application).await
		},
		Command::Applications { enterprise, after, limit } => {
			let v = cx
				.read(
					"clearance_applicationsOf",
					[json!(enterprise), json!(after), json!(limit), Value::Null],
				)
				.await?;
			if human {
				show::applications(&v);
			}
			Ok(v)
		},
		Command::Case(cmd) => match cmd {
			CaseCmd::Show { case } => {
				let v = cx.read("clearance_case", [json!(case), Value::Null]).await?;
				if human {
					show::case(&v, None);
				}
				Ok(v)
			},
			CaseCmd::Take { case } => cx.act(Clearances(C::take_case { case }), "Case taken").await,
			CaseCmd::Query { case, query } => {
				cx.act(Clearances(C::raise_query { case, query: query.hash()? }), "Query raised")
					.await
			},
			CaseCmd::Respond { case, response, docs } => {
				let documents = docs.iter().map(|d| hash_arg(d)).collect::<Result<Vec<_>>>()?;
				let call =
					Clearances(C::respond_to_query { case, response: response.hash()?, documents });
				cx.act(call, "Query answered").await
			},
			CaseCmd::Approve { case, conditions } => {
				let call = Clearances(C::approve { case, conditions: conditions.hash()? });
				cx.act(call, "Case approved").await
			},
			CaseCmd::Reject { case, reason, reasoning } => {
				let call = Clearances(C::reject { case, reason, reasoning: reasoning.hash()? });
				cx.act(call, "Case rejected").await
			},
		},
		Command::Queue { department, state, after, limit } => {
			let v = cx
				.read(
					"clearance_workQueue",
					[json!(department), json!(state), json!(after), json!(limit), Value::Null],
				)
				.await?;
			if human {
				show::queue(&v);
			}
			Ok(v)
		},
		Command::Overdue { department } => {
			let v =
				cx.read("clearance_overdue", [json!(department), Value::Null, Value::Null]).await?;
			if human {
				show::queue(&json!({ "items": v, "next": null }));
			}
			Ok(v)
		},
		Command::Dashboard { department } => {
			let v = cx.read("clearance_dashboard", [json!(department), Value::Null]).await?;
			if human {
				show::dashboard(&v);
			}
			Ok(v)
		},
		Command::Cert(cmd) => match cmd {
			CertCmd::Verify { number, as_of } => {
				let as_of = as_of.as_deref().map(moment_arg).transpose()?;
				let v = cx
					.read("clearance_certificate", [json!(number), json!(as_of), Value::Null])
					.await?;
				if human {
					show::certificate(&v);
				}
				Ok(v)
			},
			CertCmd::Revoke { number, reason, reasoning } => {
				let call = Clearances(C::revoke_certificate {
					certificate: number,
					reason,
					reasoning: reasoning.hash()?,
				});
				cx.act(call, "Certificate revoked").await
			},
			CertCmd::Renew { number, conditions } => {
				let call = Clearances(C::renew_certificate {
					certificate: number,
					conditions: conditions.hash()?,
				});
				cx.act(call, "Certificate renewed").await
			},
		},
		Command::Audit(AuditCmd::Trail { subject }) => {
			Subject::parse(&subject)
				.ok_or_else(|| Failure::input(format!("{subject:?} is not a subject")))?;
			let v = cx
				.read("clearance_trail", [json!(subject), Value::Null, Value::Null, Value::Null])
				.await?;
			if human {
				show::trail(&v);
			}
			Ok(v)
		},
		Command::Audit(AuditCmd::Verify { subject, at, export, bundle }) => {
			show::audit_verify(&cx, subject, at, export, bundle).await
		},
	}
}

#[tokio::main(flavor = "current_thread")]
async fn main() -> ExitCode {
	let cli = Cli::parse();
	let json = cli.json;
	match run(cli).await {
		Ok(v) => {
			if json {
				println!("{}", serde_json::to_string_pretty(&v).unwrap_or_default());
			}
			ExitCode::SUCCESS
		},
		Err(f) => {
			if json {
				let e = json!({ "error": { "message": f.message, "name": f.error, "exitCode": f.code } });
				println!("{}", serde_json::to_string_pretty(&e).unwrap_or_default());
			}
			eprintln!("error: {}", f.message);
			ExitCode::from(f.code)
		},
	}
}
