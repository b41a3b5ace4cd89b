//! # Enterprises pallet
//!
//! The applicants of the Clearance Registry.
//!
//! ## Terminology
//!
//! - **Enterprise**: a business applying for clearances. The Industries department (the
//!   single-window nodal agency) verifies it off chain and registers it; on chain there is only
//!   an id, a display name, the hash of its identity documents and the accounts acting for it.
//! - **Owner**: the account that controls the enterprise; it authorises and withdraws agents.
//! - **Agent**: an account authorised to act for the enterprise, such as a consultant. Every
//!   action an agent takes records the agent ([`Authority::Agent`]).
//! - **Member**: the owner or an agent. One account acts for at least and at most one
//!   enterprise; members may sign transactions ([`Members`]), without any balance.
//!
//! ## Calls
//!
//! - [`Pallet::register_enterprise`]: an Industries officer registers an enterprise.
//! - [`Pallet::add_agent`], [`Pallet::remove_agent`]: the owner manages agents.

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

pub use pallet::*;
pub use weights::WeightInfo;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
#[cfg(test)]
mod mock;
#[cfg(test)]
mod tests;
pub mod weights;

use alloc::vec::Vec;
use clearance_primitives::{
	Action, AuditTrail, Authority, DepartmentAuthority, DepartmentKind, EnterpriseAuthority,
	EnterpriseId, Role, Subject,
};
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::{pallet_prelude::*, traits::Contains};
use frame_system::pallet_prelude::*;
use scale_info::TypeInfo;
use sp_core::H256;

/// Roles of an Industries department officer that may register enterprises.
pub const REGISTRAR_ROLES: [Role; 2] = [Role::ScrutinyOfficer, Role::DepartmentAdmin];

/// A registered enterprise.
#[derive(
	Clone, Encode, Decode, DecodeWithMemTracking, Eq, PartialEq, Debug, TypeInfo, MaxEncodedLen,
)]
#[scale_info(skip_type_params(MaxNameLen, MaxAgents))]
pub struct Enterprise<AccountId, BlockNumber, MaxNameLen: Get<u32>, MaxAgents: Get<u32>> {
	/// Display name.
	pub name: BoundedVec<u8, MaxNameLen>,
	/// Hash of the identity documents verified off chain (never the documents themselves).
	pub identity_hash: H256,
	/// The account controlling the enterprise.
	pub owner: AccountId,
	/// Accounts authorised to act for it.
	pub agents: BoundedVec<AccountId, MaxAgents>,
	/// The Industries officer who registered it.
	pub registered_by: AccountId,
	/// Block of registration.
	pub registered_at: BlockNumber,
}

/// The enterprise record as stored for runtime `T`.
pub type EnterpriseOf<T> = Enterprise<
	<T as frame_system::Config>::AccountId,
	BlockNumberFor<T>,
	<T as Config>::MaxNameLen,
	<T as Config>::MaxAgents,
>;

/// Creates accounts with the right to register enterprises, for benchmarks.
#[cfg(feature = "runtime-benchmarks")]
pub trait BenchmarkHelper<AccountId> {
	/// An account holding a registrar role in an Industries department.
	fn registrar() -> AccountId;
}

#[frame_support::pallet]
pub mod pallet {
	use super::*;

	#[pallet::pallet]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config: frame_system::Config<RuntimeEvent: From<Event<Self>>> {
		/// The department registry: who is an Industries officer.
		type Departments: DepartmentAuthority<Self::AccountId>;

		/// The audit trail.
		type Trail: AuditTrail<Self::AccountId>;

		/// Longest enterprise name, in bytes.
		#[pallet::constant]
		type MaxNameLen: Get<u32>;

		/// Most agents an enterprise can authorise.
		#[pallet::constant]
		type MaxAgents: Get<u32>;

		/// Weights of this pallet's calls, from its benchmarks.
		type WeightInfo: WeightInfo;

		/// Benchmark setup.
		#[cfg(feature = "runtime-benchmarks")]
		type BenchmarkHelper: BenchmarkHelper<Self::AccountId>;
	}

	/// The id the next enterprise receives.
	#[pallet::storage]
	pub type NextEnterpriseId<T: Config> = StorageValue<_, EnterpriseId, ValueQuery>;

	/// Enterprises by id.
	#[pallet::storage]
	pub type Enterprises<T: Config> = StorageMap<_, Twox64Concat, EnterpriseId, EnterpriseOf<T>>;

	/// The enterprise each member account (owner or agent) acts for.
	#[pallet::storage]
	pub type Members<T: Config> = StorageMap<_, Blake2_128Concat, T::AccountId, EnterpriseId>;

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// An Industries officer registered an enterprise.
		EnterpriseRegistered {
			enterprise: EnterpriseId,
			owner: T::AccountId,
			registered_by: T::AccountId,
		},
		/// The owner authorised an agent.
		AgentAdded { enterprise: EnterpriseId, agent: T::AccountId },
		/// The owner withdrew an agent's authorisation.
		AgentRemoved { enterprise: EnterpriseId, agent: T::AccountId },
	}

	#[pallet::error]
	pub enum Error<T> {
		/// The signer is not a registrar (scrutiny officer, department admin or head) of an
		/// Industries department.
		NotAuthorized,
		/// The name is empty.
		EmptyName,
		/// The name is longer than [`Config::MaxNameLen`].
		NameTooLong,
		/// The account already acts for an enterprise or holds a department position.
		AccountInUse,
		/// The signer is not the owner of an enterprise.
		NotOwner,
		/// The account is not an agent of the owner's enterprise.
		NotAgent,
		/// The enterprise already has [`Config::MaxAgents`] agents.
		TooManyAgents,
		/// Every enterprise id has been used.
		IdsExhausted,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		#[cfg(feature = "try-runtime")]
		fn try_state(_n: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Register an enterprise after off-chain verification of its identity documents.
		///
		/// Origin: signed by a scrutiny officer, department admin or head of an Industries
		/// department ([`Error::NotAuthorized`]).
		/// Checks: the name fits ([`Error::EmptyName`], [`Error::NameTooLong`]); the owner acts
		/// for no other enterprise and holds no department position ([`Error::AccountInUse`]).
		/// The owner may then sign transactions. Emits [`Event::EnterpriseRegistered`].
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::register_enterprise())]
		pub fn register_enterprise(
			origin: OriginFor<T>,
			name: Vec<u8>,
			identity_hash: H256,
			owner: T::AccountId,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_register(who, name, identity_hash, owner)
		}

		/// Authorise `agent` to act for the signer's enterprise.
		///
		/// Origin: signed by an enterprise owner ([`Error::NotOwner`]).
		/// Checks: the agent acts for no enterprise and holds no department position
		/// ([`Error::AccountInUse`]); there is room ([`Error::TooManyAgents`]).
		/// Emits [`Event::AgentAdded`].
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::add_agent())]
		pub fn add_agent(origin: OriginFor<T>, agent: T::AccountId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_add_agent(who, agent)
		}

		/// Withdraw `agent`'s authorisation to act for the signer's enterprise. Everything the
		/// agent did stays recorded under their name.
		///
		/// Origin: signed by an enterprise owner ([`Error::NotOwner`]).
		/// Checks: the account is an agent of that enterprise ([`Error::NotAgent`]).
		/// Emits [`Event::AgentRemoved`].
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::remove_agent())]
		pub fn remove_agent(origin: OriginFor<T>, agent: T::AccountId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_remove_agent(who, agent)
		}
	}
}

impl<T: Config> Pallet<T> {
	fn ensure_free(who: &T::AccountId) -> DispatchResult {
		ensure!(
			!Members::<T>::contains_key(who) && !T::Departments::is_official(who),
			Error::<T>::AccountInUse
		);
		Ok(())
	}

	/// The enterprise `owner` owns.
	fn owned_by(owner: &T::AccountId) -> Result<(EnterpriseId, EnterpriseOf<T>), DispatchError> {
		let id = Members::<T>::get(owner).ok_or(Error::<T>::NotOwner)?;
		let e =
			Enterprises::<T>::get(id).filter(|e| &e.owner == owner).ok_or(Error::<T>::NotOwner)?;
		Ok((id, e))
	}

	fn record(
		enterprise: EnterpriseId,
		who: &T::AccountId,
		authority: Authority<T::AccountId>,
		action: Action,
		details: impl Encode,
	) -> DispatchResult {
		T::Trail::record_details(
			Subject::Enterprise(enterprise),
			Some(who.clone()),
			authority,
			action,
			details,
		)
	}

	/// See [`Pallet::register_enterprise`].
	pub fn do_register(
		who: T::AccountId,
		name: Vec<u8>,
		identity_hash: H256,
		owner: T::AccountId,
	) -> DispatchResult {
		let authority =
			T::Departments::authority_of_kind(&who, DepartmentKind::Industries, &REGISTRAR_ROLES)
				.ok_or(Error::<T>::NotAuthorized)?;
		ensure!(!name.is_empty(), Error::<T>::EmptyName);
		let name: BoundedVec<_, _> = name.try_into().map_err(|_| Error::<T>::NameTooLong)?;
		Self::ensure_free(&owner)?;
		let id = NextEnterpriseId::<T>::get();
		let next = id.checked_add(1).ok_or(Error::<T>::IdsExhausted)?;

		let details = (&name, identity_hash, &owner);
		Self::record(id, &who, authority, Action::EnterpriseRegistered, details)?;
		NextEnterpriseId::<T>::put(next);
		frame_system::Pallet::<T>::inc_sufficients(&owner);
		Members::<T>::insert(&owner, id);
		Enterprises::<T>::insert(
			id,
			Enterprise {
				name,
				identity_hash,
				owner: owner.clone(),
				agents: BoundedVec::new(),
				registered_by: who.clone(),
				registered_at: frame_system::Pallet::<T>::block_number(),
			},
		);
		Self::deposit_event(Event::EnterpriseRegistered {
			enterprise: id,
			owner,
			registered_by: who,
		});
		Ok(())
	}

	/// See [`Pallet::add_agent`].
	pub fn do_add_agent(owner: T::AccountId, agent: T::AccountId) -> DispatchResult {
		let (id, mut e) = Self::owned_by(&owner)?;
		Self::ensure_free(&agent)?;
		e.agents.try_push(agent.clone()).map_err(|_| Error::<T>::TooManyAgents)?;

		Self::record(id, &owner, Authority::Owner { enterprise: id }, Action::AgentAdded, &agent)?;
		frame_system::Pallet::<T>::inc_sufficients(&agent);
		Members::<T>::insert(&agent, id);
		Enterprises::<T>::insert(id, e);
		Self::deposit_event(Event::AgentAdded { enterprise: id, agent });
		Ok(())
	}

	/// See [`Pallet::remove_agent`].
	pub fn do_remove_agent(owner: T::AccountId, agent: T::AccountId) -> DispatchResult {
		let (id, mut e) = Self::owned_by(&owner)?;
		let pos = e.agents.iter().position(|a| a == &agent).ok_or(Error::<T>::NotAgent)?;
		e.agents.remove(pos);

		Self::record(
			id,
			&owner,
			Authority::Owner { enterprise: id },
			Action::AgentRemoved,
			&agent,
		)?;
		Members::<T>::remove(&agent);
		frame_system::Pallet::<T>::dec_sufficients(&agent);
		Enterprises::<T>::insert(id, e);
		Self::deposit_event(Event::AgentRemoved { enterprise: id, agent });
		Ok(())
	}

	/// Invariants: every member maps to an enterprise that names it as owner or agent, and
	/// every owner and agent maps back; ids are below [`NextEnterpriseId`].
	#[cfg(any(feature = "try-runtime", feature = "std", test))]
	pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
		let next = NextEnterpriseId::<T>::get();
		for (id, e) in Enterprises::<T>::iter() {
			ensure!(id < next, "enterprise id beyond the counter");
			ensure!(Members::<T>::get(&e.owner) == Some(id), "owner does not map back");
			for a in e.agents.iter() {
				ensure!(Members::<T>::get(a) == Some(id), "agent does not map back");
			}
		}
		for (who, id) in Members::<T>::iter() {
			let e = Enterprises::<T>::get(id).ok_or("member of a missing enterprise")?;
			ensure!(e.owner == who || e.agents.contains(&who), "stray member");
		}
		Ok(())
	}
}

impl<T: Config> EnterpriseAuthority<T::AccountId> for Pallet<T> {
	fn acting_for(who: &T::AccountId) -> Option<(EnterpriseId, Authority<T::AccountId>)> {
		let id = Members::<T>::get(who)?;
		let e = Enterprises::<T>::get(id)?;
		let authority = if &e.owner == who {
			Authority::Owner { enterprise: id }
		} else {
			Authority::Agent { enterprise: id, agent: who.clone() }
		};
		Some((id, authority))
	}

	fn exists(enterprise: EnterpriseId) -> bool {
		Enterprises::<T>::contains_key(enterprise)
	}
}

/// Enterprise owners and agents: the runtime lets them sign transactions.
pub struct EnterpriseMembers<T>(core::marker::PhantomData<T>);

impl<T: Config> Contains<T::AccountId> for EnterpriseMembers<T> {
	fn contains(who: &T::AccountId) -> bool {
		Members::<T>::contains_key(who)
	}
}
