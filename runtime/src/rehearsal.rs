//! The live-upgrade rehearsal: the same runtime built with the `upgrade-rehearsal` feature is
//! one `spec_version` later and runs one more migration, [`RehearsalMigration`], which counts
//! its runs and checks every pallet's invariants (their `try_state`) on the upgraded chain. The
//! end-to-end test upgrades a live four-validator network to it through a council motion and
//! reads the [`RehearsalRecord`] under [`REHEARSAL_KEY`] on every node.
//!
//! The crate `clearance-runtime-rehearsal` builds that wasm; production builds never enable
//! the feature, and nothing here is compiled into them but the key and the record's type.

use codec::{Decode, Encode};

/// Where the rehearsal migration keeps its [`RehearsalRecord`] (unhashed storage).
pub const REHEARSAL_KEY: &[u8] = b":clearance:upgrade_rehearsal";

/// What the rehearsal migration found.
#[derive(Clone, Copy, Debug, Default, Decode, Encode, Eq, PartialEq)]
pub struct RehearsalRecord {
	/// How many times the migration ran (exactly once per upgrade).
	pub runs: u32,
	/// The `spec_version` it ran under.
	pub spec_version: u32,
	/// The block it ran in.
	pub block: u32,
	/// How many pallets' invariants did not hold after the upgrade's migrations.
	pub broken_invariants: u32,
}

#[cfg(feature = "upgrade-rehearsal")]
pub use migration::RehearsalMigration;

#[cfg(feature = "upgrade-rehearsal")]
mod migration {
	use super::*;
	use crate::{configs::RuntimeBlockWeights, Runtime, VERSION};
	use frame_support::{storage::unhashed, traits::OnRuntimeUpgrade, weights::Weight};

	/// Counts its runs and checks the invariants of every pallet of ours after the migrations
	/// before it. It reads all of their storage, so it claims a whole block: acceptable for a
	/// test chain only, which is why only the rehearsal build has it.
	pub struct RehearsalMigration;

	impl OnRuntimeUpgrade for RehearsalMigration {
		fn on_runtime_upgrade() -> Weight {
			let checks: [(&str, fn() -> Result<(), sp_runtime::TryRuntimeError>); 5] = [
				("Departments", pallet_departments::Pallet::<Runtime>::do_try_state),
				("Enterprises", pallet_enterprises::Pallet::<Runtime>::do_try_state),
				("LandParcels", pallet_land_parcels::Pallet::<Runtime>::do_try_state),
				("Clearances", pallet_clearances::Pallet::<Runtime>::do_try_state),
				("Audit", pallet_audit::Pallet::<Runtime>::do_try_state),
			];
			let mut broken = 0u32;
			for (pallet, check) in checks {
				if let Err(e) = check() {
					log::error!(target: "runtime::rehearsal", "{pallet} invariants broken: {e:?}");
					broken.saturating_inc();
				}
			}
			let mut record: RehearsalRecord = unhashed::get(REHEARSAL_KEY).unwrap_or_default();
			record.runs.saturating_inc();
			record.spec_version = VERSION.spec_version;
			record.block = frame_system::Pallet::<Runtime>::block_number();
			record.broken_invariants = broken;
			unhashed::put(REHEARSAL_KEY, &record);
			log::info!(target: "runtime::rehearsal", "upgrade rehearsal: {record:?}");
			RuntimeBlockWeights::get().max_block
		}
	}

	use sp_runtime::Saturating;
}
