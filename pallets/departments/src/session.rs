//! The registry decides the validator set.

use crate::*;

impl<T: Config> Pallet<T> {
	/// The validators of all departments, in department-code order.
	pub fn validators() -> Vec<T::AccountId> {
		// Bounded: the registry never holds more than `MaxDepartments` departments.
		let mut v: Vec<_> = Departments::<T>::iter()
			.filter_map(|(code, d)| d.validator.map(|v| (code, v)))
			.collect();
		v.sort_by(|a, b| a.0.cmp(&b.0));
		v.into_iter().map(|(_, v)| v).collect()
	}
}

/// The validators of all departments, applied at the next session after a change.
impl<T: Config> pallet_session::SessionManager<T::AccountId> for Pallet<T> {
	fn new_session(_new_index: sp_staking::SessionIndex) -> Option<Vec<T::AccountId>> {
		if !ValidatorsChanged::<T>::take() {
			return None;
		}
		let validators = Self::validators();
		(!validators.is_empty()).then_some(validators)
	}

	fn new_session_genesis(_new_index: sp_staking::SessionIndex) -> Option<Vec<T::AccountId>> {
		let validators = Self::validators();
		(!validators.is_empty()).then_some(validators)
	}

	fn end_session(_end_index: sp_staking::SessionIndex) {}

	fn start_session(_start_index: sp_staking::SessionIndex) {}
}
