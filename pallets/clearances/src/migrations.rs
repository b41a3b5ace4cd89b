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

/// Version 2: documents are keyed by their anchoring enterprise; [`crate::CaseOfParcel`] holds
/// live cases only, the clearances held being in the new [`crate::CertificateOfParcel`]; the
/// new [`crate::TypeUsage`] and [`crate::DepartmentCertificates`] are built.
///
/// **Size limit.** It runs in one block, reading every document, case and certificate once
/// and collecting the documents in memory before re-keying them (an old key and a new key share
/// the item's prefix, so the old ones are gathered first). Chains at version 1 are small: the
/// weight is about one read and two writes per document, one read and up to six writes per
/// case and per certificate. At the reference database weights a 2 s block holds some 10,000
/// documents plus 10,000 cases and certificates; a larger chain needs a multi-block
/// migration instead. `pre_upgrade` (try-runtime) refuses a chain beyond that.
pub mod v2 {
	use crate::*;
	use codec::Decode;
	use frame_support::{
		migrations::VersionedMigration, storage::unhashed, traits::UncheckedOnRuntimeUpgrade,
		StoragePrefixedMap,
	};

	/// Most documents plus cases plus certificates the migration is written for.
	pub const MAX_ITEMS: u64 = 20_000;

	/// Re-key documents under their enterprise and rebuild the per-parcel and per-type indexes.
	/// Running it twice changes nothing more: old-format document keys are recognised by
	/// their length, and the derived items are cleared before they are rebuilt.
	pub struct KeyDocumentsByEnterprise<T>(core::marker::PhantomData<T>);

	/// The version-1 document keys (the item's prefix, then the 32-byte hash) with the hash and
	/// the stored document.
	fn old_documents<T: Config>() -> Vec<(Vec<u8>, H256, DocumentOf<T>)> {
		let prefix = Documents::<T>::final_prefix();
		// Every key under the item's prefix, undecoded (the key without the prefix, the value).
		let raw = frame_support::storage::PrefixIterator::<(Vec<u8>, Vec<u8>)>::new(
			prefix.to_vec(),
			prefix.to_vec(),
			|key, value| Ok((key.to_vec(), value.to_vec())),
		);
		raw.filter_map(|(key, value)| {
			// Version 1: `Identity` on the hash, 32 bytes. Version 2 keys are longer (the
			// enterprise and the hash, each after its hash prefix).
			let hash = <[u8; 32]>::try_from(key.as_slice()).ok()?;
			let doc = DocumentOf::<T>::decode(&mut value.as_slice()).ok()?;
			Some(([prefix.as_slice(), key.as_slice()].concat(), H256(hash), doc))
		})
		.collect()
	}

	impl<T: Config> UncheckedOnRuntimeUpgrade for KeyDocumentsByEnterprise<T> {
		fn on_runtime_upgrade() -> Weight {
			let documents = old_documents::<T>();
			let moved = documents.len() as u64;
			for (old_key, hash, doc) in documents {
				unhashed::kill(&old_key);
				Documents::<T>::insert(doc.enterprise, hash, doc);
			}

			// Derived items: start from nothing.
			let _ = CertificateOfParcel::<T>::clear(u32::MAX, None);
			let _ = TypeUsage::<T>::clear(u32::MAX, None);
			let _ = DepartmentCertificates::<T>::clear(u32::MAX, None);
			let mut cases = 0u64;
			for (id, case) in Cases::<T>::iter() {
				cases.saturating_inc();
				Pallet::<T>::index_type_use(None, &case);
				if case.state.is_final() {
					// Version 1 kept approved cases here; the certificate holds them now.
					let parcels = Applications::<T>::get(case.application)
						.map(|a| a.parcels)
						.unwrap_or_default();
					Pallet::<T>::close_case(id, &case, &parcels);
				}
			}
			let mut certificates = 0u64;
			for (number, cert) in Certificates::<T>::iter() {
				certificates.saturating_inc();
				if cert.revoked.is_some() || cert.renewed_by.is_some() {
					continue;
				}
				// Certificates come in no particular order: a later one of the same type on the
				// same parcel (after an expiry) holds the clearance.
				for p in cert.parcels.iter() {
					let holder = CertificateOfParcel::<T>::get(p, &cert.clearance);
					if holder.is_none_or(|h| h < number) {
						CertificateOfParcel::<T>::insert(p, &cert.clearance, number);
					}
				}
				DepartmentCertificates::<T>::mutate(&cert.department, |h| match cert.expires_at {
					None => h.permanent.saturating_inc(),
					Some(e) => h.latest_expiry = h.latest_expiry.max(e),
				});
			}
			log::info!(
				target: "runtime::clearances",
				"v2: re-keyed {moved} documents, indexed {cases} cases and {certificates} certificates",
			);
			let items = cases.saturating_add(certificates);
			T::DbWeight::get().reads_writes(
				moved.saturating_add(items.saturating_mul(2)).saturating_add(3),
				moved.saturating_mul(2).saturating_add(items.saturating_mul(6)).saturating_add(3),
			)
		}

		#[cfg(feature = "try-runtime")]
		fn pre_upgrade() -> Result<Vec<u8>, sp_runtime::TryRuntimeError> {
			let documents = old_documents::<T>().len() as u64;
			let items = documents
				.saturating_add(Cases::<T>::iter_keys().count() as u64)
				.saturating_add(Certificates::<T>::iter_keys().count() as u64);
			ensure!(items <= MAX_ITEMS, "v2: chain too large for a single-block migration");
			Ok(documents.encode())
		}

		#[cfg(feature = "try-runtime")]
		fn post_upgrade(state: Vec<u8>) -> Result<(), sp_runtime::TryRuntimeError> {
			let before =
				u64::decode(&mut state.as_slice()).map_err(|_| "v2: bad pre-upgrade state")?;
			let after = Documents::<T>::iter_keys().count() as u64;
			ensure!(after >= before, "v2: documents lost");
			ensure!(old_documents::<T>().is_empty(), "v2: old document keys left");
			Pallet::<T>::do_try_state()
		}
	}

	/// [`KeyDocumentsByEnterprise`] run once, from storage version 1 to 2.
	pub type MigrateToV2<T> = VersionedMigration<
		1,
		2,
		KeyDocumentsByEnterprise<T>,
		Pallet<T>,
		<T as frame_system::Config>::DbWeight,
	>;
}
