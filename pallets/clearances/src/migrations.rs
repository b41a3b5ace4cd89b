//! Storage migrations of the clearances pallet.

/// Version 1: the work queue ([`crate::WorkQueue`]) and the dashboard counters
/// ([`crate::Stats`], [`crate::DecisionDays`]) are built from the cases already on chain.
pub mod v1 {
	use crate::*;
	use frame_support::{migrations::VersionedMigration, traits::UncheckedOnRuntimeUpgrade};

	/// Build the query indexes from every case. Cases are few enough on live chains at
	/// version 0 to do in one block; the weight counts each case read and its index writes.
	pub struct BuildQueryIndexes<T>(core::marker::PhantomData<T>);

	impl<T: Config> UncheckedOnRuntimeUpgrade for BuildQueryIndexes<T> {
		fn on_runtime_upgrade() -> Weight {
			// Start from nothing, so that running it twice cannot double-count.
			let _ = WorkQueue::<T>::clear(u32::MAX, None);
			let _ = Stats::<T>::clear(u32::MAX, None);
			let _ = DecisionDays::<T>::clear(u32::MAX, None);
			let mut cases = 0u64;
			for (id, case) in Cases::<T>::iter() {
				Pallet::<T>::index_case(id, None, &case);
				cases.saturating_inc();
			}
			log::info!(target: "runtime::clearances", "v1: indexed {cases} cases");
			T::DbWeight::get().reads_writes(
				cases.saturating_mul(3).saturating_add(3),
				cases.saturating_mul(3).saturating_add(3),
			)
		}

		#[cfg(feature = "try-runtime")]
		fn post_upgrade(_state: alloc::vec::Vec<u8>) -> Result<(), sp_runtime::TryRuntimeError> {
			Pallet::<T>::do_try_state()
		}
	}

	/// [`BuildQueryIndexes`] run once, from storage version 0 to 1.
	pub type MigrateToV1<T> = VersionedMigration<
		0,
		1,
		BuildQueryIndexes<T>,
		Pallet<T>,
		<T as frame_system::Config>::DbWeight,
	>;
}
