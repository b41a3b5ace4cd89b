//! The command line: every command, subcommand and option of `clearctl`.

use clap::{Args, Parser, Subcommand};
use std::path::PathBuf;

#[derive(Parser)]
#[command(name = "clearctl", version, about = "Client of the clearance registry")]
pub struct Cli {
	/// The node's WebSocket endpoint.
	#[arg(long, global = true, env = "CLEARCTL_URL", default_value = "ws://127.0.0.1:9944")]
	pub url: String,
	/// Secret URI of the signing key (`//Alice`, a mnemonic, a 0x-hex seed).
	#[arg(long, global = true, env = "CLEARCTL_SURI", hide_env_values = true)]
	pub suri: Option<String>,
	/// File holding the secret URI of the signing key.
	#[arg(long, global = true)]
	pub key_file: Option<PathBuf>,
	/// Print JSON instead of text.
	#[arg(long, global = true)]
	pub json: bool,
	/// Wait until a submission is finalized, not just included in a best block.
	#[arg(long, global = true)]
	pub finalized: bool,
	/// The chain's raw chain spec, trusted for its genesis GRANDPA authorities: `audit verify`,
	/// `cert verify --proof` and `track --verify` then prove finality from it, not from the node.
	#[arg(long, global = true, env = "CLEARCTL_CHAIN_SPEC")]
	pub chain_spec: Option<PathBuf>,
	/// A finality checkpoint (`clearctl finality checkpoint`), trusted instead of the chain spec.
	#[arg(long, global = true, env = "CLEARCTL_CHECKPOINT")]
	pub checkpoint: Option<PathBuf>,
	#[command(subcommand)]
	pub command: Command,
}

#[derive(Subcommand)]
pub enum Command {
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
		/// Read at the latest finalized block and prove the application's and its cases' trails
		/// there, with the block's finality (needs `--chain-spec` or `--checkpoint`).
		#[arg(long, conflicts_with = "follow")]
		verify: bool,
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
	/// Appeals: file (the applicant), decide and fine (appellate officers), list (anyone).
	#[command(subcommand)]
	Appeal(crate::commands::appeals::AppealCmd),
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
	/// Finality proofs.
	#[command(subcommand)]
	Finality(FinalityCmd),
}

#[derive(Subcommand)]
pub enum FinalityCmd {
	/// Prove the latest finalized block from the chain spec (or a checkpoint) and save the
	/// authority set there as a checkpoint, so that later proofs start from it.
	Checkpoint {
		/// Where to write the checkpoint.
		#[arg(long)]
		out: PathBuf,
	},
}

#[derive(Subcommand)]
pub enum EnterpriseCmd {
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
pub enum ParcelCmd {
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
pub enum DocCmd {
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
pub struct ApplyArgs {
	/// Project name.
	#[arg(long)]
	pub project: String,
	/// Sector.
	#[arg(long)]
	pub sector: String,
	/// Micro, Small, Medium or Large.
	#[arg(long, default_value = "Small")]
	pub investment: String,
	/// A parcel (ULPIN); repeat for more.
	#[arg(long = "parcel", required = true)]
	pub parcels: Vec<String>,
	/// A clearance type code; repeat for more.
	#[arg(long = "type", required = true)]
	pub types: Vec<String>,
	/// An anchored document's hash; repeat for more.
	#[arg(long = "doc")]
	pub docs: Vec<String>,
}

/// A text or a file whose SHA-256 goes on chain.
#[derive(Args)]
#[group(required = true, multiple = false)]
pub struct Text {
	/// The text.
	#[arg(long)]
	pub text: Option<String>,
	/// A file.
	#[arg(long)]
	pub file: Option<PathBuf>,
}

#[derive(Subcommand)]
pub enum CaseCmd {
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
pub enum CertCmd {
	/// Verify a certificate: valid, suspended, revoked or expired, with dates.
	Verify {
		number: u32,
		/// The status as of this moment: milliseconds since the epoch, or `YYYY-MM-DD`.
		#[arg(long)]
		as_of: Option<String>,
		/// Read at the latest finalized block and prove the certificate's trail there, with the
		/// block's finality (needs `--chain-spec` or `--checkpoint`).
		#[arg(long)]
		proof: bool,
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
pub enum AuditCmd {
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
		/// Verify saved evidence instead of fetching it. With `--chain-spec` (or
		/// `--checkpoint`) no node is needed when the evidence holds its finality proof;
		/// without, the node is asked whether the block is finalized in its chain.
		#[arg(long)]
		bundle: Option<PathBuf>,
	},
}
