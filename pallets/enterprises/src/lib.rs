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
//!   enterprise; members may sign transactions ([`Members`]), without any balance. An account
//!   that was once a member exists for good ([`clearance_primitives::keep_account`]): it never
//!   loses its nonce, so nothing it signed can be replayed.
//! - **Standing**: an enterprise is active unless the Industries department suspended it or the
//!   council deregistered it ([`Standings`]). Members of an enterprise that is not active cannot
//!   sign; its live cases keep their clocks.
//! - **Block budget**: an enterprise's members together get at most
//!   [`Config::MaxTransactionsPerBlock`] transactions into one block, failed ones included
//!   ([`BlockUsage`]), so one enterprise cannot fill blocks.
//!
//! ## Design
//!
//! [`Enterprises`] is the primary record; [`Members`] is its inverse index (owner and agents),
//! kept in step by the `do_*` helpers, which check everything before their first write.
//! [`Standings`] holds only enterprises that are not active. `Twox64Concat` on enterprise ids
//! (sequential, chosen by the runtime); `Blake2_128Concat` on accounts (chosen by callers).
//!
//! ## Calls
//!
//! - [`Pallet::register_enterprise`]: an Industries officer registers an enterprise.
//! - [`Pallet::add_agent`], [`Pallet::remove_agent`]: the owner manages agents.
//! - [`Pallet::suspend_enterprise`], [`Pallet::restore_enterprise`]: the Industries head or a
//!   department admin suspends and restores an enterprise.
//! - [`Pallet::deregister_enterprise`]: the council deregisters an enterprise.

#![cfg_attr(not(feature = "std"), no_std)]
// Tests may unwrap, index and count freely; runtime code may not (workspace lints).
#![cfg_attr(
	test,
	allow(
		clippy::unwrap_used,
		clippy::expect_used,
		clippy::indexing_slicing,
		clippy::arithmetic_side_effects
	)
)]

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

use clearance_primitives::{
	keep_account, Action, AuditTrail, Authority, DepartmentAuthority, DepartmentKind,
	EnterpriseAuthority, EnterpriseId, Role, Subject,
};
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::{pallet_prelude::*, traits::Contains};
use frame_system::pallet_prelude::*;
use scale_info::TypeInfo;
use sp_core::H256;
use sp_runtime::Saturating;

/// Roles of an Industries department officer that may register enterprises.
pub const REGISTRAR_ROLES: [Role; 2] = [Role::ScrutinyOfficer, Role::DepartmentAdmin];

/// Roles of an Industries department officer that may suspend and restore enterprises (the
/// head holds every role).
pub const SUSPENDER_ROLES: [Role; 1] = [Role::DepartmentAdmin];

/// Why an enterprise is not active.
#[derive(
	Clone, Encode, Decode, DecodeWithMemTracking, Eq, PartialEq, Debug, TypeInfo, MaxEncodedLen,
)]
pub enum Standing<AccountId, BlockNumber> {
	/// Suspended by the Industries department; `reason` is the hash of the order.
	Suspended { by: AccountId, since: BlockNumber, reason: H256 },
	/// Deregistered by the council; its members no longer act for it.
	Deregistered { at: BlockNumber },
}

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
	/// The head or a department admin of an Industries department.
	fn suspender() -> AccountId;
}

// FRAME's generated code for the pallet, its storage and errors calls `expect`; only
// declarations and thin calls live in this module.
#[allow(clippy::expect_used)]
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

		/// Most transactions an enterprise's members together get into one block, failed ones
		/// included; the rest wait in the pool for later blocks.
		#[pallet::constant]
		type MaxTransactionsPerBlock: Get<u32>;

		/// Origin of council motions: deregisters enterprises.
		type CouncilOrigin: EnsureOrigin<Self::RuntimeOrigin>;

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

	/// Enterprises that are not active (suspended or deregistered); absent means active.
	#[pallet::storage]
	pub type Standings<T: Config> =
		StorageMap<_, Twox64Concat, EnterpriseId, Standing<T::AccountId, BlockNumberFor<T>>>;

	/// Transactions of each enterprise's members included in a block: the block and the count.
	/// A count from an earlier block is stale and starts again at zero.
	#[pallet::storage]
	pub type BlockUsage<T: Config> =
		StorageMap<_, Twox64Concat, EnterpriseId, (BlockNumberFor<T>, u32), ValueQuery>;

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
		/// The Industries department suspended an enterprise.
		EnterpriseSuspended { enterprise: EnterpriseId, by: T::AccountId, reason: H256 },
		/// The Industries department restored a suspended enterprise.
		EnterpriseRestored { enterprise: EnterpriseId, by: T::AccountId },
		/// The council deregistered an enterprise; its members no longer act for it.
		EnterpriseDeregistered { enterprise: EnterpriseId },
	}

	#[pallet::error]
	pub enum Error<T> {
		/// The signer is not a registrar (scrutiny officer, department admin or head) of an
		/// Industries department.
		NotAuthorized,
		/// The name is empty.
		EmptyName,
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
		/// No enterprise has this id.
		NotFound,
		/// The enterprise is already suspended.
		AlreadySuspended,
		/// The enterprise is not suspended.
		NotSuspended,
		/// The enterprise is deregistered: nothing more can change it.
		Deregistered,
		/// The signer is not the head or a department admin of an Industries department.
		NotSuspender,
		/// The enterprise is suspended or deregistered: its owner cannot act for it.
		NotActive,
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
		/// Checks: the name is not empty ([`Error::EmptyName`]; at most [`Config::MaxNameLen`]
		/// bytes, refused at decoding); the owner acts for no other enterprise and holds no
		/// department position ([`Error::AccountInUse`]).
		/// The owner may then sign transactions. Emits [`Event::EnterpriseRegistered`].
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::register_enterprise())]
		pub fn register_enterprise(
			origin: OriginFor<T>,
			name: BoundedVec<u8, T::MaxNameLen>,
			identity_hash: H256,
			owner: T::AccountId,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_register(who, name, identity_hash, owner)
		}

		/// Authorise `agent` to act for the signer's enterprise.
		///
		/// Origin: signed by an enterprise owner ([`Error::NotOwner`]) of an active enterprise
		/// ([`Error::NotActive`]).
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
		/// agent did stays recorded under their name; the agent's account and nonce stay.
		///
		/// Origin: signed by an enterprise owner ([`Error::NotOwner`]) of an active enterprise
		/// ([`Error::NotActive`]).
		/// Checks: the account is an agent of that enterprise ([`Error::NotAgent`]).
		/// Emits [`Event::AgentRemoved`].
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::remove_agent())]
		pub fn remove_agent(origin: OriginFor<T>, agent: T::AccountId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_remove_agent(who, agent)
		}

		/// Suspend an enterprise: its owner and agents can no longer sign transactions; its live
		/// cases keep their clocks and its certificates stay as they are.
		///
		/// Origin: signed by the head or a department admin of an Industries department
		/// ([`Error::NotSuspender`]).
		/// Checks: the enterprise exists ([`Error::NotFound`]), is not deregistered
		/// ([`Error::Deregistered`]) nor already suspended ([`Error::AlreadySuspended`]).
		/// `reason` is the hash of the suspension order. Emits [`Event::EnterpriseSuspended`].
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::suspend_enterprise())]
		pub fn suspend_enterprise(
			origin: OriginFor<T>,
			enterprise: EnterpriseId,
			reason: H256,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_suspend(who, enterprise, reason)
		}

		/// Restore a suspended enterprise: its members may sign again.
		///
		/// Origin: signed by the head or a department admin of an Industries department
		/// ([`Error::NotSuspender`]).
		/// Checks: the enterprise exists ([`Error::NotFound`]) and is suspended
		/// ([`Error::NotSuspended`]). Emits [`Event::EnterpriseRestored`].
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::restore_enterprise())]
		pub fn restore_enterprise(
			origin: OriginFor<T>,
			enterprise: EnterpriseId,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_restore(who, enterprise)
		}

		/// Deregister an enterprise: its owner and agents stop acting for it (their accounts and
		/// nonces stay); its record, applications and trail stay for the record.
		///
		/// Origin: [`Config::CouncilOrigin`] (a council motion).
		/// Checks: the enterprise exists ([`Error::NotFound`]) and is not deregistered already
		/// ([`Error::Deregistered`]). Emits [`Event::EnterpriseDeregistered`].
		#[pallet::call_index(5)]
		#[pallet::weight(T::WeightInfo::deregister_enterprise(T::MaxAgents::get()))]
		pub fn deregister_enterprise(
			origin: OriginFor<T>,
			enterprise: EnterpriseId,
		) -> DispatchResult {
			T::CouncilOrigin::ensure_origin(origin)?;
			Self::do_deregister(enterprise)
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
		ensure!(!Standings::<T>::contains_key(id), Error::<T>::NotActive);
		Ok((id, e))
	}

	fn record(
		enterprise: EnterpriseId,
		who: Option<&T::AccountId>,
		authority: Authority<T::AccountId>,
		action: Action,
		details: impl Encode,
	) -> DispatchResult {
		T::Trail::record_details(
			Subject::Enterprise(enterprise),
			who.cloned(),
			authority,
			action,
			details,
		)
	}

	/// See [`Pallet::register_enterprise`].
	pub(crate) fn do_register(
		who: T::AccountId,
		name: BoundedVec<u8, T::MaxNameLen>,
		identity_hash: H256,
		owner: T::AccountId,
	) -> DispatchResult {
		let authority =
			T::Departments::authority_of_kind(&who, DepartmentKind::Industries, &REGISTRAR_ROLES)
				.ok_or(Error::<T>::NotAuthorized)?;
		ensure!(!name.is_empty(), Error::<T>::EmptyName);
		Self::ensure_free(&owner)?;
		let id = NextEnterpriseId::<T>::get();
		let next = id.checked_add(1).ok_or(Error::<T>::IdsExhausted)?;

		let details = (&name, identity_hash, &owner);
		Self::record(id, Some(&who), authority, Action::EnterpriseRegistered, details)?;
		NextEnterpriseId::<T>::put(next);
		keep_account::<T>(&owner);
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
	pub(crate) fn do_add_agent(owner: T::AccountId, agent: T::AccountId) -> DispatchResult {
		let (id, mut e) = Self::owned_by(&owner)?;
		Self::ensure_free(&agent)?;
		e.agents.try_push(agent.clone()).map_err(|_| Error::<T>::TooManyAgents)?;

		let authority = Authority::Owner { enterprise: id };
		Self::record(id, Some(&owner), authority, Action::AgentAdded, &agent)?;
		keep_account::<T>(&agent);
		Members::<T>::insert(&agent, id);
		Enterprises::<T>::insert(id, e);
		Self::deposit_event(Event::AgentAdded { enterprise: id, agent });
		Ok(())
	}

	/// See [`Pallet::remove_agent`].
	pub(crate) fn do_remove_agent(owner: T::AccountId, agent: T::AccountId) -> DispatchResult {
		let (id, mut e) = Self::owned_by(&owner)?;
		let pos = e.agents.iter().position(|a| a == &agent).ok_or(Error::<T>::NotAgent)?;
		e.agents.remove(pos);

		let authority = Authority::Owner { enterprise: id };
		Self::record(id, Some(&owner), authority, Action::AgentRemoved, &agent)?;
		// The agent's account stays, with its nonce: nothing it signed can be replayed.
		Members::<T>::remove(&agent);
		Enterprises::<T>::insert(id, e);
		Self::deposit_event(Event::AgentRemoved { enterprise: id, agent });
		Ok(())
	}

	/// The authority under which `who` may suspend and restore enterprises.
	fn suspender(who: &T::AccountId) -> Result<Authority<T::AccountId>, DispatchError> {
		Ok(T::Departments::authority_of_kind(who, DepartmentKind::Industries, &SUSPENDER_ROLES)
			.ok_or(Error::<T>::NotSuspender)?)
	}

	/// See [`Pallet::suspend_enterprise`].
	pub(crate) fn do_suspend(
		who: T::AccountId,
		enterprise: EnterpriseId,
		reason: H256,
	) -> DispatchResult {
		let authority = Self::suspender(&who)?;
		ensure!(Enterprises::<T>::contains_key(enterprise), Error::<T>::NotFound);
		match Standings::<T>::get(enterprise) {
			Some(Standing::Deregistered { .. }) => return Err(Error::<T>::Deregistered.into()),
			Some(Standing::Suspended { .. }) => return Err(Error::<T>::AlreadySuspended.into()),
			None => {},
		}

		Self::record(enterprise, Some(&who), authority, Action::EnterpriseSuspended, reason)?;
		let since = frame_system::Pallet::<T>::block_number();
		Standings::<T>::insert(enterprise, Standing::Suspended { by: who.clone(), since, reason });
		Self::deposit_event(Event::EnterpriseSuspended { enterprise, by: who, reason });
		Ok(())
	}

	/// See [`Pallet::restore_enterprise`].
	pub(crate) fn do_restore(who: T::AccountId, enterprise: EnterpriseId) -> DispatchResult {
		let authority = Self::suspender(&who)?;
		ensure!(Enterprises::<T>::contains_key(enterprise), Error::<T>::NotFound);
		match Standings::<T>::get(enterprise) {
			Some(Standing::Deregistered { .. }) => return Err(Error::<T>::Deregistered.into()),
			None => return Err(Error::<T>::NotSuspended.into()),
			Some(Standing::Suspended { .. }) => {},
		}

		Self::record(enterprise, Some(&who), authority, Action::EnterpriseRestored, ())?;
		Standings::<T>::remove(enterprise);
		Self::deposit_event(Event::EnterpriseRestored { enterprise, by: who });
		Ok(())
	}

	/// See [`Pallet::deregister_enterprise`].
	pub(crate) fn do_deregister(enterprise: EnterpriseId) -> DispatchResult {
		let e = Enterprises::<T>::get(enterprise).ok_or(Error::<T>::NotFound)?;
		ensure!(
			!matches!(Standings::<T>::get(enterprise), Some(Standing::Deregistered { .. })),
			Error::<T>::Deregistered
		);

		Self::record(enterprise, None, Authority::Council, Action::EnterpriseDeregistered, ())?;
		// Members' accounts stay, with their nonces; they only stop acting for the enterprise.
		Members::<T>::remove(&e.owner);
		for agent in e.agents.iter() {
			Members::<T>::remove(agent);
		}
		let at = frame_system::Pallet::<T>::block_number();
		Standings::<T>::insert(enterprise, Standing::Deregistered { at });
		Self::deposit_event(Event::EnterpriseDeregistered { enterprise });
		Ok(())
	}

	/// The enterprise `who` may sign for now (active), with whether `who` is its owner.
	pub fn active_member(who: &T::AccountId) -> Option<(EnterpriseId, bool)> {
		let id = Members::<T>::get(who)?;
		if Standings::<T>::contains_key(id) {
			return None;
		}
		let e = Enterprises::<T>::get(id)?;
		Some((id, &e.owner == who))
	}

	/// Whether `enterprise`'s members may still get a transaction into the current block
	/// ([`Config::MaxTransactionsPerBlock`]).
	pub fn has_block_budget(enterprise: EnterpriseId) -> bool {
		let now = frame_system::Pallet::<T>::block_number();
		let (block, used) = BlockUsage::<T>::get(enterprise);
		block != now || used < T::MaxTransactionsPerBlock::get()
	}

	/// Count one more transaction of `enterprise` in the current block.
	pub fn note_transaction(enterprise: EnterpriseId) {
		let now = frame_system::Pallet::<T>::block_number();
		BlockUsage::<T>::mutate(enterprise, |(block, used)| {
			if *block != now {
				*block = now;
				*used = 0;
			}
			used.saturating_inc();
		});
	}

	/// Invariants: every member maps to an enterprise that names it as owner or agent, and
	/// every owner and agent of an enterprise that is not deregistered maps back; ids are below
	/// [`NextEnterpriseId`]; standings are of existing enterprises; every member exists as an
	/// account and holds no department position.
	pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
		let next = NextEnterpriseId::<T>::get();
		for (id, e) in Enterprises::<T>::iter() {
			ensure!(id < next, "enterprise id beyond the counter");
			if matches!(Standings::<T>::get(id), Some(Standing::Deregistered { .. })) {
				continue;
			}
			ensure!(Members::<T>::get(&e.owner) == Some(id), "owner does not map back");
			for a in e.agents.iter() {
				ensure!(Members::<T>::get(a) == Some(id), "agent does not map back");
			}
		}
		for (who, id) in Members::<T>::iter() {
			let e = Enterprises::<T>::get(id).ok_or("member of a missing enterprise")?;
			ensure!(e.owner == who || e.agents.contains(&who), "stray member");
			ensure!(frame_system::Pallet::<T>::account_exists(&who), "a member's account is gone");
			ensure!(!T::Departments::is_official(&who), "a member holds a department position");
		}
		for id in Standings::<T>::iter_keys() {
			ensure!(Enterprises::<T>::contains_key(id), "standing of a missing enterprise");
		}
		Ok(())
	}
}

impl<T: Config> EnterpriseAuthority<T::AccountId> for Pallet<T> {
	/// Only members of an active enterprise act for it.
	fn acting_for(who: &T::AccountId) -> Option<(EnterpriseId, Authority<T::AccountId>)> {
		let id = Members::<T>::get(who)?;
		if Standings::<T>::contains_key(id) {
			return None;
		}
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

/// Enterprise owners and agents, of active and suspended enterprises alike: the accounts on the
/// applicants' side of the desk. (Whether they may sign now is [`Pallet::active_member`].)
pub struct EnterpriseMembers<T>(core::marker::PhantomData<T>);

impl<T: Config> Contains<T::AccountId> for EnterpriseMembers<T> {
	fn contains(who: &T::AccountId) -> bool {
		Members::<T>::contains_key(who)
	}
}
