//! The catalogue of clearance types, governed by the council.

use crate::*;
use clearance_primitives::is_code;

impl<T: Config> Pallet<T> {
	/// See [`Pallet::set_clearance_type`]; the origin is checked by the call.
	pub(crate) fn do_set_type(code: TypeCode, clearance: ClearanceTypeOf<T>) -> DispatchResult {
		ensure!(is_code(&code), Error::<T>::BadCode);
		ensure!(T::Departments::exists(&clearance.department), Error::<T>::UnknownDepartment);
		ensure!(!clearance.time_limit.is_zero(), Error::<T>::ZeroTimeLimit);
		for p in clearance.prerequisites.iter() {
			ensure!(p != &code, Error::<T>::SelfPrerequisite);
			ensure!(ClearanceTypes::<T>::contains_key(p), Error::<T>::UnknownPrerequisite);
		}
		for d in clearance.required_documents.iter() {
			ensure!(is_code(d), Error::<T>::BadCode);
		}
		// Cases of this type waiting now wait for the new prerequisites instead of the old.
		let waiting = TypeUsage::<T>::get(&code).map(|u| u.waiting).unwrap_or_default();
		if waiting > 0 {
			if let Some(old) = ClearanceTypes::<T>::get(&code) {
				for p in old.prerequisites.iter() {
					Self::mutate_type_use(p, |u| u.waited_on.saturating_reduce(waiting));
				}
			}
			for p in clearance.prerequisites.iter() {
				Self::mutate_type_use(p, |u| u.waited_on.saturating_accrue(waiting));
			}
		}
		ClearanceTypes::<T>::insert(&code, clearance);
		Self::deposit_event(Event::ClearanceTypeSet { clearance: code });
		Ok(())
	}

	/// See [`Pallet::remove_clearance_type`]; the origin is checked by the call.
	pub(crate) fn do_remove_type(code: TypeCode) -> DispatchResult {
		ensure!(ClearanceTypes::<T>::contains_key(&code), Error::<T>::UnknownType);
		// Undecided cases of the type (waiting ones included) are `live`; cases waiting for it
		// are `waited_on`. Either would be stranded without the type.
		let in_use = TypeUsage::<T>::get(&code).is_some_and(|u| u.live > 0 || u.waited_on > 0);
		ensure!(!in_use, Error::<T>::TypeInUse);
		ClearanceTypes::<T>::remove(&code);
		// Its appeal terms go with it (no event: the type's removal says it).
		AppealTermsOfType::<T>::remove(&code);
		Self::deposit_event(Event::ClearanceTypeRemoved { clearance: code });
		Ok(())
	}
}
