//! Departments, their heads and validators: what the council decides.

use crate::*;
use clearance_primitives::{keep_account, Action, Authority, DepartmentWork};

impl<T: Config> Pallet<T> {
	/// Validate a department code.
	pub fn parse_code(code: &[u8]) -> Result<DepartmentCode, Error<T>> {
		ensure!(clearance_primitives::is_code(code), Error::<T>::BadCode);
		code.to_vec().try_into().map_err(|_| Error::<T>::BadCode)
	}

	/// Validate a department name (its length is bounded by its type).
	pub(crate) fn ensure_name(name: &[u8]) -> Result<(), Error<T>> {
		ensure!(!name.is_empty(), Error::<T>::EmptyName);
		Ok(())
	}

	pub(crate) fn ensure_can_add(code: &DepartmentCode, head: &T::AccountId) -> DispatchResult {
		ensure!(!Departments::<T>::contains_key(code), Error::<T>::AlreadyExists);
		ensure!(!RetiredCodes::<T>::contains_key(code), Error::<T>::CodeRetired);
		ensure!(
			Departments::<T>::count() < T::MaxDepartments::get(),
			Error::<T>::TooManyDepartments
		);
		Self::ensure_unassigned(head)
	}

	/// Record a department; [`Self::ensure_can_add`] must have passed.
	pub(crate) fn insert_department(
		code: &DepartmentCode,
		name: BoundedVec<u8, T::MaxNameLen>,
		kind: DepartmentKind,
		head: T::AccountId,
		now: BlockNumberFor<T>,
	) {
		keep_account::<T>(&head);
		HeadOf::<T>::insert(&head, code);
		Departments::<T>::insert(
			code,
			Department {
				name,
				kind,
				head,
				head_since: now,
				validator: None,
				officers: 0,
				registered_at: now,
			},
		);
	}

	/// See [`Pallet::add_department`].
	pub(crate) fn do_add_department(
		code: DepartmentCode,
		name: BoundedVec<u8, T::MaxNameLen>,
		kind: DepartmentKind,
		head: T::AccountId,
	) -> DispatchResult {
		let code = Self::parse_code(&code)?;
		Self::ensure_name(&name)?;
		Self::ensure_can_add(&code, &head)?;

		let now = frame_system::Pallet::<T>::block_number();
		Self::insert_department(&code, name, kind, head.clone(), now);
		Self::update_council(core::slice::from_ref(&head), &[]);
		Self::record(&code, None, Authority::Council, Action::DepartmentAdded, (kind, &head))?;
		Self::deposit_event(Event::DepartmentAdded { department: code, kind, head });
		Ok(())
	}

	/// See [`Pallet::remove_department`]. The old head's account stays (with its nonce).
	pub(crate) fn do_remove_department(code: DepartmentCode) -> DispatchResult {
		let d = Departments::<T>::get(&code).ok_or(Error::<T>::NotFound)?;
		ensure!(Departments::<T>::count() > 1, Error::<T>::LastDepartment);
		ensure!(d.officers == 0, Error::<T>::HasOfficers);
		ensure!(d.validator.is_none(), Error::<T>::HasValidator);
		ensure!(!T::Work::has_live_work(&code), Error::<T>::HasLiveWork);

		Departments::<T>::remove(&code);
		RetiredCodes::<T>::insert(&code, frame_system::Pallet::<T>::block_number());
		HeadOf::<T>::remove(&d.head);
		Nodes::<T>::remove(&code);
		Self::update_council(&[], core::slice::from_ref(&d.head));
		Self::record(&code, None, Authority::Council, Action::DepartmentRemoved, &d.head)?;
		Self::deposit_event(Event::DepartmentRemoved { department: code, head: d.head });
		Ok(())
	}

	/// See [`Pallet::change_head`]. The old head's account stays (with its nonce).
	pub(crate) fn do_change_head(code: DepartmentCode, new_head: T::AccountId) -> DispatchResult {
		let mut d = Departments::<T>::get(&code).ok_or(Error::<T>::NotFound)?;
		ensure!(d.head != new_head, Error::<T>::SameHead);
		Self::ensure_unassigned(&new_head)?;

		let old_head = core::mem::replace(&mut d.head, new_head.clone());
		d.head_since = frame_system::Pallet::<T>::block_number();
		Departments::<T>::insert(&code, d);
		HeadOf::<T>::remove(&old_head);
		HeadOf::<T>::insert(&new_head, &code);
		keep_account::<T>(&new_head);
		Self::update_council(core::slice::from_ref(&new_head), core::slice::from_ref(&old_head));
		Self::record(&code, None, Authority::Council, Action::HeadChanged, (&old_head, &new_head))?;
		Self::deposit_event(Event::HeadChanged { department: code, old_head, new_head });
		Ok(())
	}

	/// See [`Pallet::set_validator`].
	pub(crate) fn do_set_validator(
		code: DepartmentCode,
		validator: T::AccountId,
		keys: KeysOf<T>,
	) -> DispatchResult {
		let mut d = Departments::<T>::get(&code).ok_or(Error::<T>::NotFound)?;
		if let Some(serving) = ValidatorOf::<T>::get(&validator) {
			ensure!(serving == code, Error::<T>::ValidatorInUse);
		}

		// The session pallet refuses keys already owned by another validator before it writes
		// anything, and the call is transactional, so a refusal changes nothing.
		T::ValidatorKeys::set_keys(&validator, keys)?;
		if let Some(old) = d.validator.replace(validator.clone()) {
			if old != validator {
				T::ValidatorKeys::purge_keys(&old)?;
				ValidatorOf::<T>::remove(&old);
			}
		}
		ValidatorOf::<T>::insert(&validator, &code);
		Departments::<T>::insert(&code, d);
		ValidatorsChanged::<T>::put(true);
		Self::record(&code, None, Authority::Council, Action::ValidatorSet, &validator)?;
		Self::deposit_event(Event::ValidatorSet { department: code, validator });
		Ok(())
	}

	/// See [`Pallet::remove_validator`].
	pub(crate) fn do_remove_validator(code: DepartmentCode) -> DispatchResult {
		let mut d = Departments::<T>::get(&code).ok_or(Error::<T>::NotFound)?;
		let validator = d.validator.take().ok_or(Error::<T>::NoValidator)?;
		ensure!(Self::validators().len() > 1, Error::<T>::LastValidator);

		T::ValidatorKeys::purge_keys(&validator)?;
		ValidatorOf::<T>::remove(&validator);
		Departments::<T>::insert(&code, d);
		ValidatorsChanged::<T>::put(true);
		Self::record(&code, None, Authority::Council, Action::ValidatorRemoved, &validator)?;
		Self::deposit_event(Event::ValidatorRemoved { department: code, validator });
		Ok(())
	}
}
