//! # Clearance runtime
//!
//! The state machine of the Clearance Registry: a permissioned chain run by the state's
//! departments, without a token.
//!
//! ## Terminology
//!
//! - **Department / head / officer / role**: see `pallet-departments`.
//! - **Council**: the department heads as a `pallet-collective` instance ([`Council`]); its
//!   2/3 motions govern the registry.
//! - **Session**: a period of [`configs::SESSION_PERIOD`] blocks; changes of validators apply at
//!   the next one. Aura authors blocks, GRANDPA finalizes them.
//! - **Allowed signer**: an account holding a role (department head or officer) or acting for a
//!   registered enterprise (owner or agent); only they may sign transactions, which
//!   [`extensions::CheckSigner`] enforces at the transaction pool and again at inclusion.

#![cfg_attr(not(feature = "std"), no_std)]
// Tests may unwrap, index and count freely; runtime code may not (workspace lints).
#![cfg_attr(
	test,
	allow(
		clippy::unwrap_used,
		clippy::expect_used,
		clippy::indexing_slicing,
		clippy::arithmetic_side_effects
	)
)]
// `construct_runtime`-generated code trips this lint.
#![recursion_limit = "256"]

#[cfg(feature = "std")]
include!(concat!(env!("OUT_DIR"), "/wasm_binary.rs"));

extern crate alloc;

use alloc::vec::Vec;

pub mod apis;
#[cfg(feature = "runtime-benchmarks")]
pub mod benchmarks;
pub mod configs;
pub mod extensions;
pub mod genesis_config_presets;
pub mod rehearsal;
#[cfg(feature = "std")]
pub mod signing;
pub mod weights;

#[cfg(test)]
mod tests;

use sp_core::H256;
use sp_runtime::{
	generic, impl_opaque_keys,
	traits::{BlakeTwo256, IdentifyAccount, Verify},
	MultiAddress, MultiSignature,
};
use sp_version::{runtime_version, RuntimeVersion};

pub use frame_system::Call as SystemCall;
pub use pallet_departments::Call as DepartmentsCall;
#[cfg(any(feature = "std", test))]
pub use sp_runtime::BuildStorage;

/// Block number.
pub type BlockNumber = u32;
/// Transaction signature: sr25519, ed25519 or ecdsa.
pub type Signature = MultiSignature;
/// Account identifier: the public key of the signing scheme.
pub type AccountId = <<Signature as Verify>::Signer as IdentifyAccount>::AccountId;
/// Transaction counter of an account.
pub type Nonce = u32;
/// Hash of blocks and tries.
pub type Hash = H256;

/// Types the node needs without knowing the runtime's details.
pub mod opaque {
	use super::*;
	pub use sp_runtime::OpaqueExtrinsic as UncheckedExtrinsic;

	/// Opaque block header.
	pub type Header = generic::Header<BlockNumber, BlakeTwo256>;
	/// Opaque block.
	pub type Block = generic::Block<Header, UncheckedExtrinsic>;
}

impl_opaque_keys! {
	/// The session keys of a validator: one for block authoring, one for finality.
	pub struct SessionKeys {
		pub aura: Aura,
		pub grandpa: Grandpa,
	}
}

/// The runtime's version, with `spec_version` given. Bump `spec_version` with every change of
/// behaviour (and the rehearsal's with it, one above).
macro_rules! runtime_version_with_spec {
	($spec_version:tt) => {
		/// The runtime's version.
		#[runtime_version]
		pub const VERSION: RuntimeVersion = RuntimeVersion {
			spec_name: alloc::borrow::Cow::Borrowed("clearance-runtime"),
			impl_name: alloc::borrow::Cow::Borrowed("clearance-runtime"),
			authoring_version: 1,
			spec_version: $spec_version,
			impl_version: 1,
			apis: apis::RUNTIME_API_VERSIONS,
			transaction_version: 2,
			system_version: 1,
		};
	};
}
#[cfg(not(feature = "upgrade-rehearsal"))]
runtime_version_with_spec!(104);
// The same runtime one version later, for the live-upgrade rehearsal ([`rehearsal`]).
#[cfg(feature = "upgrade-rehearsal")]
runtime_version_with_spec!(105);

/// Target block time.
pub const MILLISECS_PER_BLOCK: u64 = 3000;
/// Aura slot duration. It cannot change once the chain runs.
pub const SLOT_DURATION: u64 = MILLISECS_PER_BLOCK;
/// Blocks per minute.
pub const MINUTES: BlockNumber = 60_000 / (MILLISECS_PER_BLOCK as BlockNumber);
/// Blocks per hour.
pub const HOURS: BlockNumber = MINUTES * 60;
/// Blocks per day.
pub const DAYS: BlockNumber = HOURS * 24;

#[frame_support::runtime]
mod runtime {
	#[runtime::runtime]
	#[runtime::derive(
		RuntimeCall,
		RuntimeEvent,
		RuntimeError,
		RuntimeOrigin,
		RuntimeFreezeReason,
		RuntimeHoldReason,
		RuntimeSlashReason,
		RuntimeLockId,
		RuntimeTask,
		RuntimeViewFunction
	)]
	pub struct Runtime;

	#[runtime::pallet_index(0)]
	pub type System = frame_system;

	#[runtime::pallet_index(1)]
	pub type Timestamp = pallet_timestamp;

	#[runtime::pallet_index(2)]
	pub type Aura = pallet_aura;

	#[runtime::pallet_index(3)]
	pub type Grandpa = pallet_grandpa;

	#[runtime::pallet_index(4)]
	pub type Session = pallet_session;

	#[runtime::pallet_index(5)]
	pub type Historical = pallet_session::historical;

	#[runtime::pallet_index(6)]
	pub type Council = pallet_collective<Instance1>;

	#[runtime::pallet_index(10)]
	pub type Departments = pallet_departments;

	#[runtime::pallet_index(11)]
	pub type Audit = pallet_audit;

	#[runtime::pallet_index(12)]
	pub type Enterprises = pallet_enterprises;

	#[runtime::pallet_index(13)]
	pub type LandParcels = pallet_land_parcels;

	#[runtime::pallet_index(14)]
	pub type Clearances = pallet_clearances;
}

/// The address format: an account id or an index.
pub type Address = MultiAddress<AccountId, ()>;
/// Block header.
pub type Header = generic::Header<BlockNumber, BlakeTwo256>;
/// Block.
pub type Block = generic::Block<Header, UncheckedExtrinsic>;

/// The transaction extensions, checked at the pool and again at inclusion. There are no fees;
/// [`extensions::CheckMortalEra`] admits only mortal transactions and
/// [`extensions::CheckSigner`] admits only accounts holding a role, for calls their role can
/// make, and bounds how many transactions each may have pending.
pub type TxExtension = (
	frame_system::CheckNonZeroSender<Runtime>,
	frame_system::CheckSpecVersion<Runtime>,
	frame_system::CheckTxVersion<Runtime>,
	frame_system::CheckGenesis<Runtime>,
	extensions::CheckMortalEra,
	extensions::CheckSigner,
	frame_system::CheckWeight<Runtime>,
);

/// Unchecked extrinsic.
pub type UncheckedExtrinsic =
	generic::UncheckedExtrinsic<Address, RuntimeCall, Signature, TxExtension>;
/// The payload signed by transactions.
pub type SignedPayload = generic::SignedPayload<RuntimeCall, TxExtension>;

/// Migrations to run at the next runtime upgrade, beyond the pallets' own.
#[allow(unused_parens)]
#[cfg(not(feature = "upgrade-rehearsal"))]
type Migrations = (
	pallet_clearances::migrations::v1::MigrateToV1<Runtime>,
	pallet_clearances::migrations::v2::MigrateToV2<Runtime>,
);
/// The rehearsal runs the same migrations, then its own marker (see [`rehearsal`]).
#[cfg(feature = "upgrade-rehearsal")]
type Migrations = (
	pallet_clearances::migrations::v1::MigrateToV1<Runtime>,
	pallet_clearances::migrations::v2::MigrateToV2<Runtime>,
	rehearsal::RehearsalMigration,
);

/// Dispatches blocks and transactions to the pallets.
pub type Executive = frame_executive::Executive<
	Runtime,
	Block,
	frame_system::ChainContext<Runtime>,
	Runtime,
	AllPalletsWithSystem,
	Migrations,
>;
