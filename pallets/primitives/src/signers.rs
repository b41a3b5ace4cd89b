//! Who may sign what: the vocabulary the transaction pool uses to refuse, before a transaction
//! enters it, what its signer could never dispatch.
//!
//! Each pallet says, next to its calls, which kind of signer may ever dispatch each of them
//! ([`CallSigner`]); the runtime's pool gate compares that with what the signer is
//! ([`SignerKind`]). The dispatch itself still makes the precise check (the right department,
//! the right case): the gate only keeps out what can never succeed.

use crate::{DepartmentCode, EnterpriseId, Role};

/// Which signers may ever dispatch a call.
#[derive(Clone, Copy, Eq, PartialEq, Debug)]
pub enum CallSigner {
	/// No signed transaction: council motions (dispatched by the council's origin), inherents,
	/// and calls no role of this chain needs.
	Nobody,
	/// A council member, that is a department head, for council business (propose, vote,
	/// close).
	CouncilMember,
	/// A department head.
	Head,
	/// A department official: a head (who holds every role of their department) or an officer
	/// holding at least one of these roles.
	Official(&'static [Role]),
	/// Someone acting for a registered enterprise: its owner or an agent.
	Applicant,
	/// The owner of a registered enterprise.
	Owner,
	/// The owner of a registered enterprise, or a department official holding one of these
	/// roles (for acts either side may do, such as withdrawing a holder's consent).
	OwnerOrOfficial(&'static [Role]),
}

/// What a signer is, as far as the pool gate is concerned.
#[derive(Clone, Eq, PartialEq, Debug)]
pub enum SignerKind {
	/// The head of a department (and so a council member).
	Head(DepartmentCode),
	/// An officer of a department, with the roles granted.
	Officer(DepartmentCode, [bool; ROLES]),
	/// The owner (`true`) or an agent (`false`) of an enterprise.
	Applicant { enterprise: EnterpriseId, owner: bool },
}

/// Number of [`Role`]s: the size of [`SignerKind::Officer`]'s role set.
pub const ROLES: usize = 5;

/// The index of a role in [`SignerKind::Officer`]'s role set.
pub const fn role_index(role: Role) -> usize {
	match role {
		Role::ScrutinyOfficer => 0,
		Role::ApprovingAuthority => 1,
		Role::DepartmentAdmin => 2,
		Role::AppellateOfficer => 3,
		Role::ReviewingOfficer => 4,
	}
}

impl SignerKind {
	/// Whether this signer could ever dispatch a call that needs `needed`.
	pub fn may_sign(&self, needed: CallSigner) -> bool {
		match (needed, self) {
			(CallSigner::Nobody, _) => false,
			(CallSigner::CouncilMember | CallSigner::Head, Self::Head(_)) => true,
			(CallSigner::Official(_) | CallSigner::OwnerOrOfficial(_), Self::Head(_)) => true,
			(
				CallSigner::Official(roles) | CallSigner::OwnerOrOfficial(roles),
				Self::Officer(_, held),
			) => roles.iter().any(|r| held.get(role_index(*r)).copied().unwrap_or(false)),
			(CallSigner::OwnerOrOfficial(_), Self::Applicant { owner, .. }) => *owner,
			(CallSigner::Applicant, Self::Applicant { .. }) => true,
			(CallSigner::Owner, Self::Applicant { owner, .. }) => *owner,
			_ => false,
		}
	}
}

/// Make `who` exist for good, so that it can sign without a balance and never loses its nonce.
///
/// An account that has once held a position or acted for an enterprise keeps one sufficient
/// reference for ever, whatever later happens to its roles. Were it reaped, its nonce would
/// restart at 0 when it got a role again, and every extrinsic it signed before would become
/// valid again (a replay). Calling this again for an account that exists changes nothing.
pub fn keep_account<T: frame_system::Config>(who: &T::AccountId) {
	if !frame_system::Pallet::<T>::account_exists(who) {
		frame_system::Pallet::<T>::inc_sufficients(who);
	}
}
