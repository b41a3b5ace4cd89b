//! The council: its membership follows the heads; what it enacts with root authority.

use crate::*;
use clearance_primitives::{Action, Authority, Subject};
use sp_runtime::traits::Hash;

impl<T: Config> Pallet<T> {
	/// The department heads, sorted: the council's membership.
	pub fn sorted_heads() -> Vec<T::AccountId> {
		// Bounded: the registry never holds more than `MaxDepartments` departments.
		let mut heads: Vec<_> = Departments::<T>::iter_values().map(|d| d.head).collect();
		heads.sort();
		heads
	}

	/// Hand the council its new membership after a change of heads.
	pub(crate) fn update_council(incoming: &[T::AccountId], outgoing: &[T::AccountId]) {
		let new = Self::sorted_heads();
		T::Council::change_members_sorted(incoming, outgoing, &new);
	}

	/// See [`Pallet::enact`]. Returns the weight actually used.
	pub(crate) fn do_enact(
		call: <T as Config>::RuntimeCall,
		(ayes, seats): MotionVotes,
	) -> DispatchResultWithPostInfo {
		ensure!(T::EnactableCalls::contains(&call), Error::<T>::NotEnactable);
		let call_hash = T::Hashing::hash_of(&call);
		T::Trail::record_details(
			Subject::Council,
			None,
			Authority::Council,
			Action::Enacted,
			(call_hash, ayes, seats),
		)?;
		let info = call.get_dispatch_info();
		let outcome = call.dispatch(frame_system::RawOrigin::Root.into());
		let used = match &outcome {
			Ok(post) => post.actual_weight,
			Err(e) => e.post_info.actual_weight,
		}
		.unwrap_or(info.call_weight);
		Self::deposit_event(Event::Enacted {
			call_hash,
			ayes,
			seats,
			result: outcome.map(|_| ()).map_err(|e| e.error),
		});
		Ok(PostDispatchInfo {
			actual_weight: Some(T::WeightInfo::enact().saturating_add(used)),
			pays_fee: Pays::No,
		})
	}
}
