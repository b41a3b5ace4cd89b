//! Who holds which position: what other pallets and the transaction pool ask the registry.

use crate::*;
use clearance_primitives::{
	signers::role_index, Action, Authority, DepartmentAuthority, SignerKind, Subject,
};
use codec::Encode;

impl<T: Config> Pallet<T> {
	/// Whether `who` holds a position (head or officer) and so may transact.
	pub fn holds_position(who: &T::AccountId) -> bool {
		HeadOf::<T>::contains_key(who) || Officers::<T>::contains_key(who)
	}

	/// The position `who` holds, as the transaction pool's gate sees it.
	pub fn signer_kind(who: &T::AccountId) -> Option<SignerKind> {
		if let Some(code) = HeadOf::<T>::get(who) {
			return Some(SignerKind::Head(code));
		}
		let officer = Officers::<T>::get(who)?;
		let mut held = [false; clearance_primitives::signers::ROLES];
		for g in &officer.grants {
			if let Some(slot) = held.get_mut(role_index(g.role)) {
				*slot = true;
			}
		}
		Some(SignerKind::Officer(officer.department, held))
	}

	/// Whether `who` may act in `department` under `role`: the head holds every role of their
	/// department, an officer the roles granted to them.
	pub fn has_role(who: &T::AccountId, department: &DepartmentCode, role: Role) -> bool {
		if HeadOf::<T>::get(who).as_ref() == Some(department) {
			return true;
		}
		Officers::<T>::get(who)
			.is_some_and(|o| &o.department == department && o.grant(role).is_some())
	}

	/// Refuse an account that holds a position or acts for an enterprise.
	pub(crate) fn ensure_unassigned(who: &T::AccountId) -> DispatchResult {
		ensure!(!Self::holds_position(who), Error::<T>::AlreadyAssigned);
		ensure!(!T::Applicants::contains(who), Error::<T>::IsApplicant);
		Ok(())
	}

	/// Append to the department's audit trail: `details` is hashed.
	pub(crate) fn record(
		code: &DepartmentCode,
		signer: Option<T::AccountId>,
		authority: Authority<T::AccountId>,
		action: Action,
		details: impl Encode,
	) -> DispatchResult {
		T::Trail::record_details(
			Subject::Department(code.clone()),
			signer,
			authority,
			action,
			details,
		)
	}
}

impl<T: Config> DepartmentAuthority<T::AccountId> for Pallet<T> {
	fn authority_in(
		who: &T::AccountId,
		department: &DepartmentCode,
		roles: &[Role],
	) -> Option<Authority<T::AccountId>> {
		if HeadOf::<T>::get(who).as_ref() == Some(department) {
			return Some(Authority::Head { department: department.clone() });
		}
		let officer = Officers::<T>::get(who).filter(|o| &o.department == department)?;
		let role = roles.iter().find(|r| officer.grant(**r).is_some())?;
		Some(Authority::Officer { department: department.clone(), role: *role })
	}

	fn authority_of_kind(
		who: &T::AccountId,
		kind: DepartmentKind,
		roles: &[Role],
	) -> Option<Authority<T::AccountId>> {
		let department =
			HeadOf::<T>::get(who).or_else(|| Officers::<T>::get(who).map(|o| o.department))?;
		Departments::<T>::get(&department).filter(|d| d.kind == kind)?;
		Self::authority_in(who, &department, roles)
	}

	fn is_official(who: &T::AccountId) -> bool {
		Self::holds_position(who)
	}

	fn head_of(department: &DepartmentCode) -> Option<T::AccountId> {
		Departments::<T>::get(department).map(|d| d.head)
	}

	fn kind_of(department: &DepartmentCode) -> Option<DepartmentKind> {
		Departments::<T>::get(department).map(|d| d.kind)
	}
}

/// The accounts that hold a position in the registry (heads and officers): the runtime lets
/// them sign transactions.
pub struct RoleHolders<T>(core::marker::PhantomData<T>);

impl<T: Config> Contains<T::AccountId> for RoleHolders<T> {
	fn contains(who: &T::AccountId) -> bool {
		Pallet::<T>::holds_position(who)
	}
}
