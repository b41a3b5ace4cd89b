//! Roles: what heads grant and revoke in their department.

use crate::*;
use clearance_primitives::{keep_account, Action, Authority};
use sp_runtime::Saturating;

impl<T: Config> Pallet<T> {
	pub(crate) fn ensure_can_grant(
		code: &DepartmentCode,
		officer: &T::AccountId,
		role: Role,
	) -> DispatchResult {
		ensure!(!HeadOf::<T>::contains_key(officer), Error::<T>::AlreadyAssigned);
		ensure!(!T::Applicants::contains(officer), Error::<T>::IsApplicant);
		match Officers::<T>::get(officer) {
			Some(o) => {
				ensure!(&o.department == code, Error::<T>::AlreadyAssigned);
				ensure!(o.grant(role).is_none(), Error::<T>::RoleAlreadyHeld);
			},
			None => {
				let d = Departments::<T>::get(code).ok_or(Error::<T>::NotFound)?;
				ensure!(
					d.officers < T::MaxOfficersPerDepartment::get(),
					Error::<T>::TooManyOfficers
				);
			},
		}
		Ok(())
	}

	/// Record a grant; [`Self::ensure_can_grant`] must have passed.
	pub(crate) fn insert_grant(
		code: &DepartmentCode,
		officer: &T::AccountId,
		role: Role,
		granted_by: T::AccountId,
		now: BlockNumberFor<T>,
	) {
		let grant = RoleGrant { role, granted_by, granted_at: now };
		Officers::<T>::mutate(officer, |entry| match entry {
			Some(o) => {
				// Cannot fail: `ensure_can_grant` checked the role is not held, and there is one
				// slot per role.
				let _ = o.grants.try_push(grant);
			},
			None => {
				keep_account::<T>(officer);
				DepartmentOfficers::<T>::insert(code, officer, ());
				Departments::<T>::mutate(code, |d| {
					if let Some(d) = d {
						d.officers.saturating_inc();
					}
				});
				*entry = Some(Officer {
					department: code.clone(),
					grants: BoundedVec::truncate_from(alloc::vec![grant]),
				});
			},
		});
	}

	/// See [`Pallet::grant_role`].
	pub(crate) fn do_grant_role(
		head: T::AccountId,
		officer: T::AccountId,
		role: Role,
	) -> DispatchResult {
		let code = HeadOf::<T>::get(&head).ok_or(Error::<T>::NotHead)?;
		Self::ensure_can_grant(&code, &officer, role)?;

		let now = frame_system::Pallet::<T>::block_number();
		Self::insert_grant(&code, &officer, role, head.clone(), now);
		let authority = Authority::Head { department: code.clone() };
		Self::record(&code, Some(head.clone()), authority, Action::RoleGranted, (&officer, role))?;
		Self::deposit_event(Event::RoleGranted {
			department: code,
			officer,
			role,
			granted_by: head,
		});
		Ok(())
	}

	/// See [`Pallet::revoke_role`]. An officer left without roles stops being one; the account
	/// stays (with its nonce).
	pub(crate) fn do_revoke_role(
		head: T::AccountId,
		officer: T::AccountId,
		role: Role,
	) -> DispatchResult {
		let code = HeadOf::<T>::get(&head).ok_or(Error::<T>::NotHead)?;
		let mut o = Officers::<T>::get(&officer)
			.filter(|o| o.department == code)
			.ok_or(Error::<T>::NotOfficer)?;
		ensure!(o.grant(role).is_some(), Error::<T>::RoleNotHeld);

		o.grants.retain(|g| g.role != role);
		if o.grants.is_empty() {
			Officers::<T>::remove(&officer);
			DepartmentOfficers::<T>::remove(&code, &officer);
			Departments::<T>::mutate(&code, |d| {
				if let Some(d) = d {
					d.officers.saturating_dec();
				}
			});
		} else {
			Officers::<T>::insert(&officer, o);
		}
		let authority = Authority::Head { department: code.clone() };
		Self::record(&code, Some(head.clone()), authority, Action::RoleRevoked, (&officer, role))?;
		Self::deposit_event(Event::RoleRevoked {
			department: code,
			officer,
			role,
			revoked_by: head,
		});
		Ok(())
	}
}
