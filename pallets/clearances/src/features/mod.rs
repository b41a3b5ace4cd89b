//! What each call does, by concern: one `do_*` helper per call and the steps they share. Each
//! helper checks before it writes (see the crate's Design notes).

mod appeals;
mod applications;
mod calendar;
mod catalogue;
mod certificates;
mod deadlines;
mod decisions;
mod documents;
mod freezes;
mod scrutiny;

use crate::*;

impl<T: Config> Pallet<T> {
	/// The current block.
	pub(crate) fn now() -> BlockNumberFor<T> {
		frame_system::Pallet::<T>::block_number()
	}

	/// The wall-clock time of the block, in milliseconds since the Unix epoch.
	pub(crate) fn now_ms() -> u64 {
		T::UnixTime::now().as_millis().try_into().unwrap_or(u64::MAX)
	}

	/// Append to the audit trail of `subject`.
	pub(crate) fn record(
		subject: Subject,
		who: Option<&T::AccountId>,
		authority: Authority<T::AccountId>,
		action: Action,
		details: impl Encode,
	) -> DispatchResult {
		T::Trail::record_details(subject, who.cloned(), authority, action, details)
	}

	/// The case `id`.
	pub(crate) fn case(id: CaseId) -> Result<CaseOf<T>, Error<T>> {
		Cases::<T>::get(id).ok_or(Error::<T>::UnknownCase)
	}
}
