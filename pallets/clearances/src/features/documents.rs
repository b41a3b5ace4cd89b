//! Documents anchored by their hash, each enterprise in its own namespace, and the check that
//! an application's documents are the applicant's own.

use crate::*;

impl<T: Config> Pallet<T> {
	/// See [`Pallet::anchor_document`].
	pub(crate) fn do_anchor(
		who: T::AccountId,
		sha256: H256,
		kind: DocKind,
		size: u64,
		uri: Option<BoundedVec<u8, MaxUri>>,
	) -> DispatchResult {
		let (enterprise, authority) = Self::applicant(&who)?;
		ensure!(clearance_primitives::is_code(&kind), Error::<T>::BadCode);
		ensure!(!Documents::<T>::contains_key(enterprise, sha256), Error::<T>::AlreadyAnchored);
		let details = (sha256, &kind, size);
		Self::record(
			Subject::Enterprise(enterprise),
			Some(&who),
			authority,
			Action::DocumentAnchored,
			details,
		)?;
		Documents::<T>::insert(
			enterprise,
			sha256,
			Document { enterprise, kind, size, uri, anchored_at: Self::now() },
		);
		Self::deposit_event(Event::DocumentAnchored { document: sha256, enterprise });
		Ok(())
	}

	/// The documents `documents`, as anchored by `enterprise`: another enterprise's anchor of
	/// the same hash is not one of them.
	pub(crate) fn check_documents(
		enterprise: EnterpriseId,
		documents: &[H256],
	) -> Result<Vec<DocumentOf<T>>, Error<T>> {
		documents
			.iter()
			.map(|h| Documents::<T>::get(enterprise, h).ok_or(Error::<T>::UnknownDocument))
			.collect()
	}
}
