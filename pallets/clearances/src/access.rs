//! Who may act: the applicant, the officers of a case's department, who may decide a case now,
//! and who may renew or revoke a certificate. Each returns the authority recorded on the trail.

use crate::*;

impl<T: Config> Pallet<T> {
	/// The enterprise `who` acts for, with the authority.
	pub(crate) fn applicant(
		who: &T::AccountId,
	) -> Result<(EnterpriseId, Authority<T::AccountId>), Error<T>> {
		T::Enterprises::acting_for(who).ok_or(Error::<T>::NotAuthorized)
	}

	/// The authority under which `who` acts in `case`'s department with one of `roles`.
	pub(crate) fn officer(
		who: &T::AccountId,
		case: &CaseOf<T>,
		roles: &[Role],
	) -> Result<Authority<T::AccountId>, Error<T>> {
		T::Departments::authority_in(who, &case.department, roles).ok_or(Error::<T>::NotAuthorized)
	}

	/// The authority under which `who` may decide `case` now: an approving authority of its
	/// department, or its head, while the case is with the department; only the head once it
	/// is escalated.
	pub(crate) fn decider(
		who: &T::AccountId,
		case: &CaseOf<T>,
	) -> Result<Authority<T::AccountId>, DispatchError> {
		let authority = Self::officer(who, case, &[Role::ApprovingAuthority])?;
		match case.state {
			CaseState::UnderScrutiny | CaseState::Responded => {},
			CaseState::Escalated => {
				ensure!(matches!(authority, Authority::Head { .. }), Error::<T>::NotAuthorized)
			},
			_ => return Err(Error::<T>::InvalidState.into()),
		}
		ensure!(case.suspensions == 0, Error::<T>::Suspended);
		Ok(authority)
	}

	/// The authority under which `who` may renew or revoke `cert`: an approving authority of
	/// the issuing department, or its head.
	pub(crate) fn certificate_officer(
		who: &T::AccountId,
		cert: &Certificate,
	) -> Result<Authority<T::AccountId>, Error<T>> {
		T::Departments::authority_in(who, &cert.department, &[Role::ApprovingAuthority])
			.ok_or(Error::<T>::NotAuthorized)
	}

	/// The authority under which `who` hears appeals on `case` with `role` (Appellate or
	/// Reviewing Officer): an officer of its department holding the role. The head, who decides
	/// escalated cases, does not hear appeals against them.
	pub(crate) fn appellate(
		who: &T::AccountId,
		case: &CaseOf<T>,
		role: Role,
	) -> Result<Authority<T::AccountId>, Error<T>> {
		let authority = Self::officer(who, case, &[role])?;
		ensure!(matches!(authority, Authority::Officer { .. }), Error::<T>::NotAuthorized);
		Ok(authority)
	}
}
