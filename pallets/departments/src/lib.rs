//! # Departments pallet
//!
//! The registry of the state government's departments, their heads and officers, and the
//! validator each department runs.
//!
//! ## Terminology
//!
//! - **Department**: a government body that issues clearances (Land, Environment / Pollution
//!   Control Board, Industries, Fire, ...), known by a short [`DepartmentCode`] such as `LAND`.
//! - **Head**: the account of the department's head of office. The head grants and revokes
//!   roles in the department, implicitly holds every role of it, and sits on the council.
//! - **Council**: the collective of all department heads. Adding or removing a department,
//!   changing its head and registering its validator require a council motion, passed by the
//!   [`Config::CouncilOrigin`] (2/3 of the heads in the runtime). The council's membership
//!   follows this registry through [`Config::Council`]; nobody sets it by hand.
//! - **Officer**: an account holding at least one [`Role`] in exactly one department.
//! - **Role grant**: the record of who granted a role and when ([`RoleGrant`]); it is the link in
//!   the chain of authority behind every decision an officer takes.
//! - **Validator**: the account whose session keys author (Aura) and finalize (GRANDPA) blocks
//!   for a department. Changes take effect at the next session, through this pallet's
//!   [`pallet_session::SessionManager`] implementation.
//!
//! ## Accounts without a balance
//!
//! The chain has no token. Every account this pallet gives a position (head or officer) is made
//! to exist with [`frame_system::Pallet::inc_sufficients`], so it can sign transactions; losing
//! the position undoes it. [`RoleHolders`] tells the transaction pool who holds a position.
//!
//! ## Calls
//!
//! Council: [`Pallet::add_department`], [`Pallet::remove_department`],
//! [`Pallet::change_head`], [`Pallet::set_validator`], [`Pallet::remove_validator`].
//! Heads: [`Pallet::grant_role`], [`Pallet::revoke_role`].

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

pub use pallet::*;
pub use types::*;
pub use weights::WeightInfo;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
#[cfg(test)]
mod mock;
#[cfg(test)]
mod tests;
pub mod types;
pub mod weights;

use alloc::vec::Vec;
use clearance_primitives::{Action, AuditTrail, Authority, DepartmentAuthority, Subject};
use codec::Encode;
use frame_support::{
	dispatch::{GetDispatchInfo, PostDispatchInfo},
	pallet_prelude::*,
	traits::{ChangeMembers, Contains},
};
use frame_system::pallet_prelude::*;
use sp_runtime::traits::{Dispatchable, Hash};
use sp_runtime::{traits::Zero, Saturating};

/// The department record as stored for runtime `T`.
pub type DepartmentOf<T> = Department<
	<T as frame_system::Config>::AccountId,
	BlockNumberFor<T>,
	<T as Config>::MaxNameLen,
>;
/// The officer record as stored for runtime `T`.
pub type OfficerOf<T> = Officer<<T as frame_system::Config>::AccountId, BlockNumberFor<T>>;
/// The session keys type of runtime `T`.
pub type KeysOf<T> =
	<<T as Config>::ValidatorKeys as ValidatorKeys<<T as frame_system::Config>::AccountId>>::Keys;

#[frame_support::pallet]
pub mod pallet {
	use super::*;

	/// The in-code storage version.
	const STORAGE_VERSION: StorageVersion = StorageVersion::new(1);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config: frame_system::Config<RuntimeEvent: From<Event<Self>>> {
		/// Origin of council motions: adds and removes departments, changes heads, registers
		/// validators.
		type CouncilOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// The council collective, kept equal to the set of department heads.
		type Council: ChangeMembers<Self::AccountId>;

		/// Where validators' session keys are kept.
		type ValidatorKeys: ValidatorKeys<Self::AccountId>;

		/// The audit trail every change is appended to.
		type Trail: AuditTrail<Self::AccountId>;

		/// Most departments the registry holds (and so most council members and validators).
		#[pallet::constant]
		type MaxDepartments: Get<u32>;

		/// Most officers a department can have, the head not counted.
		#[pallet::constant]
		type MaxOfficersPerDepartment: Get<u32>;

		/// Longest department name, in bytes.
		#[pallet::constant]
		type MaxNameLen: Get<u32>;

		/// A call of the runtime, which a council motion may enact with root authority.
		type RuntimeCall: Parameter
			+ Dispatchable<RuntimeOrigin = Self::RuntimeOrigin, PostInfo = PostDispatchInfo>
			+ GetDispatchInfo
			+ From<frame_system::Call<Self>>;

		/// Weights of this pallet's calls, from its benchmarks.
		type WeightInfo: WeightInfo;
	}

	/// Departments by code.
	#[pallet::storage]
	pub type Departments<T: Config> =
		CountedStorageMap<_, Blake2_128Concat, DepartmentCode, DepartmentOf<T>>;

	/// The department each head leads.
	#[pallet::storage]
	pub type HeadOf<T: Config> = StorageMap<_, Blake2_128Concat, T::AccountId, DepartmentCode>;

	/// Officers by account: their department and role grants.
	#[pallet::storage]
	pub type Officers<T: Config> = StorageMap<_, Blake2_128Concat, T::AccountId, OfficerOf<T>>;

	/// Index of the officers of each department, for listing them.
	#[pallet::storage]
	pub type DepartmentOfficers<T: Config> = StorageDoubleMap<
		_,
		Blake2_128Concat,
		DepartmentCode,
		Blake2_128Concat,
		T::AccountId,
		(),
		OptionQuery,
	>;

	/// The department each validator account serves.
	#[pallet::storage]
	pub type ValidatorOf<T: Config> = StorageMap<_, Blake2_128Concat, T::AccountId, DepartmentCode>;

	/// Set when the validator set changed since the last session rotation.
	#[pallet::storage]
	pub type ValidatorsChanged<T: Config> = StorageValue<_, bool, ValueQuery>;

	/// The network nodes of each department (peer ids): only these may connect to the
	/// department nodes, which follow this list at every finalized block.
	#[pallet::storage]
	pub type Nodes<T: Config> = StorageMap<
		_,
		Blake2_128Concat,
		DepartmentCode,
		BoundedVec<PeerIdBytes, MaxNodesPerDepartment>,
		ValueQuery,
	>;

	#[pallet::genesis_config]
	#[derive(frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		/// The departments the chain starts with.
		pub departments: Vec<GenesisDepartment<T::AccountId>>,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			let now = BlockNumberFor::<T>::zero();
			for d in &self.departments {
				let code = Pallet::<T>::parse_code(d.code.as_bytes())
					.unwrap_or_else(|e| panic!("genesis department code {:?}: {:?}", d.code, e));
				let name = Pallet::<T>::parse_name(d.name.as_bytes())
					.unwrap_or_else(|e| panic!("genesis department {:?} name: {:?}", d.code, e));
				Pallet::<T>::ensure_can_add(&code, &d.head)
					.unwrap_or_else(|e| panic!("genesis department {:?}: {:?}", d.code, e));
				Pallet::<T>::insert_department(&code, name, d.kind, d.head.clone(), now);
				if let Some(v) = &d.validator {
					assert!(
						!ValidatorOf::<T>::contains_key(v),
						"genesis validator of {:?} serves two departments",
						d.code
					);
					ValidatorOf::<T>::insert(v, &code);
					Departments::<T>::mutate(&code, |dep| {
						if let Some(dep) = dep {
							dep.validator = Some(v.clone());
						}
					});
				}
				let nodes: Vec<PeerIdBytes> = d
					.nodes
					.iter()
					.map(|n| n.clone().try_into().expect("genesis peer id of at most 64 bytes"))
					.collect();
				Nodes::<T>::insert(
					&code,
					BoundedVec::try_from(nodes).expect("at most 8 genesis nodes per department"),
				);
				for (officer, roles) in &d.officers {
					for role in roles {
						Pallet::<T>::ensure_can_grant(&code, officer, *role)
							.unwrap_or_else(|e| panic!("genesis officer of {:?}: {:?}", d.code, e));
						Pallet::<T>::insert_grant(&code, officer, *role, d.head.clone(), now);
					}
				}
			}
			let heads = Pallet::<T>::sorted_heads();
			T::Council::set_members_sorted(&heads, &[]);
		}
	}

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// A department set the list of its network nodes.
		NodesSet { department: DepartmentCode, nodes: u32 },
		/// The council enacted a call with root authority; `result` is the call's own outcome.
		Enacted { call_hash: T::Hash, result: DispatchResult },
		/// A department was added by the council.
		DepartmentAdded { department: DepartmentCode, kind: DepartmentKind, head: T::AccountId },
		/// A department was removed by the council.
		DepartmentRemoved { department: DepartmentCode, head: T::AccountId },
		/// The council gave a department a new head.
		HeadChanged { department: DepartmentCode, old_head: T::AccountId, new_head: T::AccountId },
		/// The council registered a department's validator and its session keys; they take
		/// effect at the next session.
		ValidatorSet { department: DepartmentCode, validator: T::AccountId },
		/// The council removed a department's validator; effective at the next session.
		ValidatorRemoved { department: DepartmentCode, validator: T::AccountId },
		/// A head granted a role to an officer.
		RoleGranted {
			department: DepartmentCode,
			officer: T::AccountId,
			role: Role,
			granted_by: T::AccountId,
		},
		/// A head revoked a role from an officer.
		RoleRevoked {
			department: DepartmentCode,
			officer: T::AccountId,
			role: Role,
			revoked_by: T::AccountId,
		},
	}

	#[pallet::error]
	pub enum Error<T> {
		/// No department has this code.
		NotFound,
		/// A department with this code already exists.
		AlreadyExists,
		/// The code is not 2 to 12 characters of `A-Z`, `0-9`, `_` starting with a letter.
		BadCode,
		/// The name is empty.
		EmptyName,
		/// The name is longer than [`Config::MaxNameLen`].
		NameTooLong,
		/// The registry already holds [`Config::MaxDepartments`] departments.
		TooManyDepartments,
		/// The account already is a head or an officer.
		AlreadyAssigned,
		/// The signer is not the head of a department.
		NotHead,
		/// The account is not an officer of the signer's department.
		NotOfficer,
		/// The officer already holds this role.
		RoleAlreadyHeld,
		/// The officer does not hold this role.
		RoleNotHeld,
		/// The department already has [`Config::MaxOfficersPerDepartment`] officers.
		TooManyOfficers,
		/// The department still has officers; revoke their roles first.
		HasOfficers,
		/// The department still runs a validator; remove it first.
		HasValidator,
		/// The last department cannot be removed: nobody would be left to govern.
		LastDepartment,
		/// The department has no validator.
		NoValidator,
		/// The last validator cannot be removed: nobody would be left to author blocks.
		LastValidator,
		/// The validator account already serves another department.
		ValidatorInUse,
		/// The new head is the current head.
		SameHead,
		/// Only the head or an administrator of a department manages its nodes.
		NotNodeManager,
		/// A peer id is empty or longer than 64 bytes, or listed twice.
		BadPeerId,
		/// A department runs at most 8 nodes.
		TooManyNodes,
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
		/// Add a department with its head.
		///
		/// Origin: [`Config::CouncilOrigin`] (a council motion).
		/// Checks: the code is well formed ([`Error::BadCode`]) and unused
		/// ([`Error::AlreadyExists`]), the name fits ([`Error::EmptyName`],
		/// [`Error::NameTooLong`]), the registry has room ([`Error::TooManyDepartments`]) and the
		/// head holds no other position ([`Error::AlreadyAssigned`]).
		/// The head joins the council. Emits [`Event::DepartmentAdded`].
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::add_department(T::MaxDepartments::get()))]
		pub fn add_department(
			origin: OriginFor<T>,
			code: Vec<u8>,
			name: Vec<u8>,
			kind: DepartmentKind,
			head: T::AccountId,
		) -> DispatchResult {
			T::CouncilOrigin::ensure_origin(origin)?;
			Self::do_add_department(code, name, kind, head)
		}

		/// Remove a department.
		///
		/// Origin: [`Config::CouncilOrigin`].
		/// Checks: the department exists ([`Error::NotFound`]), is not the last one
		/// ([`Error::LastDepartment`]), has no officers ([`Error::HasOfficers`]) and no validator
		/// ([`Error::HasValidator`]). The head leaves the council. Emits
		/// [`Event::DepartmentRemoved`].
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::remove_department(T::MaxDepartments::get()))]
		pub fn remove_department(origin: OriginFor<T>, code: DepartmentCode) -> DispatchResult {
			T::CouncilOrigin::ensure_origin(origin)?;
			Self::do_remove_department(code)
		}

		/// Give a department a new head.
		///
		/// Origin: [`Config::CouncilOrigin`].
		/// Checks: the department exists ([`Error::NotFound`]), the new head differs
		/// ([`Error::SameHead`]) and holds no other position ([`Error::AlreadyAssigned`]).
		/// Roles granted by the old head stay valid: their grants keep recording who granted
		/// them. The council seat moves to the new head. Emits [`Event::HeadChanged`].
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::change_head(T::MaxDepartments::get()))]
		pub fn change_head(
			origin: OriginFor<T>,
			code: DepartmentCode,
			new_head: T::AccountId,
		) -> DispatchResult {
			T::CouncilOrigin::ensure_origin(origin)?;
			Self::do_change_head(code, new_head)
		}

		/// Register (or replace) a department's validator account and its session keys.
		///
		/// Origin: [`Config::CouncilOrigin`].
		/// Checks: the department exists ([`Error::NotFound`]), the validator account serves no
		/// other department ([`Error::ValidatorInUse`]), and the session keys are not used by
		/// another validator (the session pallet's error). Takes effect at the next session.
		/// Emits [`Event::ValidatorSet`].
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::set_validator())]
		pub fn set_validator(
			origin: OriginFor<T>,
			code: DepartmentCode,
			validator: T::AccountId,
			keys: KeysOf<T>,
		) -> DispatchResult {
			T::CouncilOrigin::ensure_origin(origin)?;
			Self::do_set_validator(code, validator, keys)
		}

		/// Remove a department's validator.
		///
		/// Origin: [`Config::CouncilOrigin`].
		/// Checks: the department exists ([`Error::NotFound`]) and has a validator
		/// ([`Error::NoValidator`]) that is not the chain's last one ([`Error::LastValidator`]).
		/// Takes effect at the next session. Emits [`Event::ValidatorRemoved`].
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::remove_validator(T::MaxDepartments::get()))]
		pub fn remove_validator(origin: OriginFor<T>, code: DepartmentCode) -> DispatchResult {
			T::CouncilOrigin::ensure_origin(origin)?;
			Self::do_remove_validator(code)
		}

		/// Grant `role` in the signer's department to `officer`.
		///
		/// Origin: signed by a department head ([`Error::NotHead`]).
		/// Checks: the account is not a head and not an officer of another department
		/// ([`Error::AlreadyAssigned`]), does not hold the role yet
		/// ([`Error::RoleAlreadyHeld`]), and a new officer fits
		/// ([`Error::TooManyOfficers`]). Records the head and block as the grant's authority.
		/// Emits [`Event::RoleGranted`].
		#[pallet::call_index(5)]
		#[pallet::weight(T::WeightInfo::grant_role())]
		pub fn grant_role(
			origin: OriginFor<T>,
			officer: T::AccountId,
			role: Role,
		) -> DispatchResult {
			let head = ensure_signed(origin)?;
			Self::do_grant_role(head, officer, role)
		}

		/// Revoke `role` from an officer of the signer's department. An officer left without
		/// roles stops being an officer (and can no longer transact).
		///
		/// Origin: signed by a department head ([`Error::NotHead`]).
		/// Checks: the account is an officer of that department ([`Error::NotOfficer`]) holding
		/// the role ([`Error::RoleNotHeld`]). Emits [`Event::RoleRevoked`].
		#[pallet::call_index(6)]
		#[pallet::weight(T::WeightInfo::revoke_role())]
		pub fn revoke_role(
			origin: OriginFor<T>,
			officer: T::AccountId,
			role: Role,
		) -> DispatchResult {
			let head = ensure_signed(origin)?;
			Self::do_revoke_role(head, officer, role)
		}

		/// Set the network nodes of the signer's department: the peer ids allowed to connect
		/// to the department nodes (replacing the previous list; empty to remove them all).
		///
		/// Origin: signed by a department head or a [`Role::DepartmentAdmin`]
		/// ([`Error::NotNodeManager`]). Checks: each peer id is 1 to 64 bytes and listed once
		/// ([`Error::BadPeerId`]), at most 8 ([`Error::TooManyNodes`]). Emits
		/// [`Event::NodesSet`]; nodes follow the new list from the block that finalizes it.
		#[pallet::call_index(8)]
		#[pallet::weight(T::WeightInfo::set_nodes(nodes.len() as u32))]
		pub fn set_nodes(origin: OriginFor<T>, nodes: Vec<Vec<u8>>) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_set_nodes(who, nodes)
		}

		/// Enact `call` with root authority: how the council does what only the chain itself
		/// may do, such as a runtime upgrade (`System::set_code`) or a storage fix. The chain has
		/// no other root.
		///
		/// Origin: [`Config::CouncilOrigin`] (a two-thirds motion of the department heads).
		/// Checks nothing else; the enacted call makes its own checks, and its result is
		/// reported in [`Event::Enacted`] (a failed call does not undo the motion).
		#[pallet::call_index(7)]
		#[pallet::weight({
			let info = call.get_dispatch_info();
			(T::WeightInfo::enact().saturating_add(info.call_weight), info.class)
		})]
		pub fn enact(
			origin: OriginFor<T>,
			call: alloc::boxed::Box<<T as Config>::RuntimeCall>,
		) -> DispatchResultWithPostInfo {
			T::CouncilOrigin::ensure_origin(origin)?;
			Ok(Self::do_enact(*call))
		}
	}
}

impl<T: Config> Pallet<T> {
	/// See [`Pallet::set_nodes`].
	pub fn do_set_nodes(who: T::AccountId, nodes: Vec<Vec<u8>>) -> DispatchResult {
		let (code, authority) = match HeadOf::<T>::get(&who) {
			Some(code) => (code.clone(), Authority::Head { department: code }),
			None => {
				let officer = Officers::<T>::get(&who).ok_or(Error::<T>::NotNodeManager)?;
				ensure!(officer.grant(Role::DepartmentAdmin).is_some(), Error::<T>::NotNodeManager);
				let department = officer.department;
				(department.clone(), Authority::Officer { department, role: Role::DepartmentAdmin })
			},
		};
		ensure!(
			nodes.len() <= <MaxNodesPerDepartment as Get<u32>>::get() as usize,
			Error::<T>::TooManyNodes
		);
		let mut list: BoundedVec<PeerIdBytes, MaxNodesPerDepartment> = BoundedVec::new();
		for n in nodes {
			let id: PeerIdBytes = n.try_into().map_err(|_| Error::<T>::BadPeerId)?;
			ensure!(!id.is_empty() && !list.contains(&id), Error::<T>::BadPeerId);
			list.try_push(id).map_err(|_| Error::<T>::TooManyNodes)?;
		}
		Self::record(&code, Some(who), authority, Action::NodesSet, &list)?;
		let count = list.len() as u32;
		Nodes::<T>::insert(&code, list);
		Self::deposit_event(Event::NodesSet { department: code, nodes: count });
		Ok(())
	}

	/// Every department's nodes: the peers allowed on the network.
	pub fn authorized_nodes() -> Vec<Vec<u8>> {
		Nodes::<T>::iter_values().flat_map(|l| l.into_iter().map(|n| n.into_inner())).collect()
	}

	/// See [`Pallet::enact`]. Returns the weight actually used.
	pub fn do_enact(call: <T as Config>::RuntimeCall) -> PostDispatchInfo {
		let call_hash = T::Hashing::hash_of(&call);
		let info = call.get_dispatch_info();
		let outcome = call.dispatch(frame_system::RawOrigin::Root.into());
		let used = match &outcome {
			Ok(post) => post.actual_weight,
			Err(e) => e.post_info.actual_weight,
		}
		.unwrap_or(info.call_weight);
		Self::deposit_event(Event::Enacted {
			call_hash,
			result: outcome.map(|_| ()).map_err(|e| e.error),
		});
		PostDispatchInfo {
			actual_weight: Some(T::WeightInfo::enact().saturating_add(used)),
			pays_fee: Pays::No,
		}
	}

	/// Validate a department code.
	pub fn parse_code(code: &[u8]) -> Result<DepartmentCode, Error<T>> {
		ensure!(clearance_primitives::is_code(code), Error::<T>::BadCode);
		code.to_vec().try_into().map_err(|_| Error::<T>::BadCode)
	}

	/// Validate a department name.
	pub fn parse_name(name: &[u8]) -> Result<BoundedVec<u8, T::MaxNameLen>, Error<T>> {
		ensure!(!name.is_empty(), Error::<T>::EmptyName);
		name.to_vec().try_into().map_err(|_| Error::<T>::NameTooLong)
	}

	/// Whether `who` holds a position (head or officer) and so may transact.
	pub fn holds_position(who: &T::AccountId) -> bool {
		HeadOf::<T>::contains_key(who) || Officers::<T>::contains_key(who)
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

	/// The department heads, sorted: the council's membership.
	pub fn sorted_heads() -> Vec<T::AccountId> {
		// Bounded: the registry never holds more than `MaxDepartments` departments.
		let mut heads: Vec<_> = Departments::<T>::iter_values().map(|d| d.head).collect();
		heads.sort();
		heads
	}

	/// The validators of all departments, in department-code order.
	pub fn validators() -> Vec<T::AccountId> {
		let mut v: Vec<_> = Departments::<T>::iter()
			.filter_map(|(code, d)| d.validator.map(|v| (code, v)))
			.collect();
		v.sort_by(|a, b| a.0.cmp(&b.0));
		v.into_iter().map(|(_, v)| v).collect()
	}

	fn ensure_unassigned(who: &T::AccountId) -> DispatchResult {
		ensure!(!Self::holds_position(who), Error::<T>::AlreadyAssigned);
		Ok(())
	}

	fn ensure_can_add(code: &DepartmentCode, head: &T::AccountId) -> DispatchResult {
		ensure!(!Departments::<T>::contains_key(code), Error::<T>::AlreadyExists);
		ensure!(
			Departments::<T>::count() < T::MaxDepartments::get(),
			Error::<T>::TooManyDepartments
		);
		Self::ensure_unassigned(head)
	}

	fn insert_department(
		code: &DepartmentCode,
		name: BoundedVec<u8, T::MaxNameLen>,
		kind: DepartmentKind,
		head: T::AccountId,
		now: BlockNumberFor<T>,
	) {
		frame_system::Pallet::<T>::inc_sufficients(&head);
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

	fn ensure_can_grant(
		code: &DepartmentCode,
		officer: &T::AccountId,
		role: Role,
	) -> DispatchResult {
		ensure!(!HeadOf::<T>::contains_key(officer), Error::<T>::AlreadyAssigned);
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
	fn insert_grant(
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
				frame_system::Pallet::<T>::inc_sufficients(officer);
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

	/// Append to the department's audit trail: `details` is hashed.
	fn record(
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

	/// Hand the council its new membership after a change of heads.
	fn update_council(incoming: &[T::AccountId], outgoing: &[T::AccountId]) {
		let new = Self::sorted_heads();
		T::Council::change_members_sorted(incoming, outgoing, &new);
	}

	/// See [`Pallet::add_department`].
	pub fn do_add_department(
		code: Vec<u8>,
		name: Vec<u8>,
		kind: DepartmentKind,
		head: T::AccountId,
	) -> DispatchResult {
		let code = Self::parse_code(&code)?;
		let name = Self::parse_name(&name)?;
		Self::ensure_can_add(&code, &head)?;

		let now = frame_system::Pallet::<T>::block_number();
		Self::insert_department(&code, name, kind, head.clone(), now);
		Self::update_council(core::slice::from_ref(&head), &[]);
		Self::record(&code, None, Authority::Council, Action::DepartmentAdded, (kind, &head))?;
		Self::deposit_event(Event::DepartmentAdded { department: code, kind, head });
		Ok(())
	}

	/// See [`Pallet::remove_department`].
	pub fn do_remove_department(code: DepartmentCode) -> DispatchResult {
		let d = Departments::<T>::get(&code).ok_or(Error::<T>::NotFound)?;
		ensure!(Departments::<T>::count() > 1, Error::<T>::LastDepartment);
		ensure!(d.officers == 0, Error::<T>::HasOfficers);
		ensure!(d.validator.is_none(), Error::<T>::HasValidator);

		Departments::<T>::remove(&code);
		HeadOf::<T>::remove(&d.head);
		Nodes::<T>::remove(&code);
		frame_system::Pallet::<T>::dec_sufficients(&d.head);
		Self::update_council(&[], core::slice::from_ref(&d.head));
		Self::record(&code, None, Authority::Council, Action::DepartmentRemoved, &d.head)?;
		Self::deposit_event(Event::DepartmentRemoved { department: code, head: d.head });
		Ok(())
	}

	/// See [`Pallet::change_head`].
	pub fn do_change_head(code: DepartmentCode, new_head: T::AccountId) -> DispatchResult {
		let mut d = Departments::<T>::get(&code).ok_or(Error::<T>::NotFound)?;
		ensure!(d.head != new_head, Error::<T>::SameHead);
		Self::ensure_unassigned(&new_head)?;

		let old_head = core::mem::replace(&mut d.head, new_head.clone());
		d.head_since = frame_system::Pallet::<T>::block_number();
		Departments::<T>::insert(&code, d);
		HeadOf::<T>::remove(&old_head);
		HeadOf::<T>::insert(&new_head, &code);
		frame_system::Pallet::<T>::inc_sufficients(&new_head);
		frame_system::Pallet::<T>::dec_sufficients(&old_head);
		Self::update_council(core::slice::from_ref(&new_head), core::slice::from_ref(&old_head));
		Self::record(&code, None, Authority::Council, Action::HeadChanged, (&old_head, &new_head))?;
		Self::deposit_event(Event::HeadChanged { department: code, old_head, new_head });
		Ok(())
	}

	/// See [`Pallet::set_validator`].
	pub fn do_set_validator(
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
	pub fn do_remove_validator(code: DepartmentCode) -> DispatchResult {
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

	/// See [`Pallet::grant_role`].
	pub fn do_grant_role(head: T::AccountId, officer: T::AccountId, role: Role) -> DispatchResult {
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

	/// See [`Pallet::revoke_role`].
	pub fn do_revoke_role(head: T::AccountId, officer: T::AccountId, role: Role) -> DispatchResult {
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
			frame_system::Pallet::<T>::dec_sufficients(&officer);
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

	/// Invariants across this pallet's storage:
	/// - every department's head maps back to it in [`HeadOf`], and [`HeadOf`] has no other
	///   entries;
	/// - every officer's department exists, its grants are non-empty with distinct roles, and it
	///   is indexed in [`DepartmentOfficers`]; each department's `officers` count matches the
	///   index;
	/// - no account is both a head and an officer;
	/// - [`ValidatorOf`] is exactly the inverse of the departments' validators;
	/// - the number of departments is within [`Config::MaxDepartments`].
	#[cfg(any(feature = "try-runtime", feature = "std", test))]
	pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
		let count = Departments::<T>::count();
		ensure!(count <= T::MaxDepartments::get(), "too many departments");
		for code in Nodes::<T>::iter_keys() {
			ensure!(Departments::<T>::contains_key(&code), "nodes of a missing department");
		}
		ensure!(Departments::<T>::iter().count() as u32 == count, "department counter is off");
		for (code, d) in Departments::<T>::iter() {
			ensure!(HeadOf::<T>::get(&d.head) == Some(code.clone()), "head does not map back");
			let indexed = DepartmentOfficers::<T>::iter_prefix(&code).count() as u32;
			ensure!(indexed == d.officers, "officer count does not match the index");
			if let Some(v) = &d.validator {
				ensure!(
					ValidatorOf::<T>::get(v) == Some(code.clone()),
					"validator does not map back"
				);
			}
		}
		ensure!(HeadOf::<T>::iter().count() as u32 == count, "stray head entries");
		for (who, code) in ValidatorOf::<T>::iter() {
			let d = Departments::<T>::get(&code).ok_or("validator of a missing department")?;
			ensure!(d.validator.as_ref() == Some(&who), "stray validator entry");
		}
		for (who, o) in Officers::<T>::iter() {
			ensure!(
				Departments::<T>::contains_key(&o.department),
				"officer of a missing department"
			);
			ensure!(!o.grants.is_empty(), "officer without roles");
			for (i, g) in o.grants.iter().enumerate() {
				ensure!(
					o.grants.iter().skip(i + 1).all(|h| h.role != g.role),
					"role granted twice"
				);
			}
			ensure!(
				DepartmentOfficers::<T>::contains_key(&o.department, &who),
				"officer missing from the index"
			);
			ensure!(!HeadOf::<T>::contains_key(&who), "account is head and officer");
		}
		for (code, who, ()) in DepartmentOfficers::<T>::iter() {
			ensure!(
				Officers::<T>::get(&who).is_some_and(|o| o.department == code),
				"stray index entry"
			);
		}
		Ok(())
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

/// The registry decides the validator set: the validators of all departments, applied at the
/// next session after a change.
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
