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
//! - **Enactment**: a call the council dispatches with root authority ([`Pallet::enact`]), such
//!   as a runtime upgrade; only calls in [`Config::EnactableCalls`] qualify, and each one is
//!   recorded in the council's audit trail with the motion's votes.
//!
//! ## Accounts without a balance
//!
//! The chain has no token. Every account this pallet gives a position (head or officer) is made
//! to exist for good ([`clearance_primitives::keep_account`]), so it can sign transactions and
//! never loses its nonce: losing the position does not reap the account, so no extrinsic it
//! signed before can be replayed if it gets a position again. [`RoleHolders`] tells the
//! transaction pool who holds a position.
//!
//! ## Both sides of the desk
//!
//! An account acting for an enterprise ([`Config::Applicants`]) never holds a position, and the
//! enterprise registry refuses officials as owners and agents: nobody decides their own file.
//!
//! ## Design
//!
//! [`Departments`] and [`Officers`] are the primary records. [`HeadOf`], [`DepartmentOfficers`]
//! and [`ValidatorOf`] are inverse indexes kept in step by the `insert_*`/`do_*` helpers in
//! `features/`, which make every check before their first write; `try_state.rs` checks that
//! the indexes match. All maps use `Blake2_128Concat`: their keys (codes, accounts) are chosen
//! by callers.
//!
//! ## Calls
//!
//! Council: [`Pallet::add_department`], [`Pallet::remove_department`],
//! [`Pallet::change_head`], [`Pallet::set_validator`], [`Pallet::remove_validator`],
//! [`Pallet::enact`].
//! Heads: [`Pallet::grant_role`], [`Pallet::revoke_role`].
//! Heads and department administrators: [`Pallet::set_nodes`].

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
pub use types::*;
pub use weights::WeightInfo;

mod access;
#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
mod features;
#[cfg(test)]
mod mock;
mod session;
#[cfg(test)]
mod tests;
mod try_state;
pub mod types;
pub mod weights;

pub use access::RoleHolders;

use alloc::vec::Vec;
use clearance_primitives::AuditTrail;
use frame_support::{
	dispatch::{GetDispatchInfo, PostDispatchInfo},
	pallet_prelude::*,
	traits::{ChangeMembers, Contains},
};
use frame_system::pallet_prelude::*;
use sp_runtime::traits::{Dispatchable, Zero};

/// How a council motion passed: ayes, and seats on the council when it was closed.
pub type MotionVotes = (u32, u32);

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

// FRAME's generated code for the pallet, its storage and errors calls `expect`; only
// declarations and thin calls live in this module.
#[allow(clippy::expect_used)]
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
		/// validators, enacts. Succeeds with the motion's votes (ayes, seats).
		type CouncilOrigin: EnsureOrigin<Self::RuntimeOrigin, Success = MotionVotes>;

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

		/// The calls a council motion may enact with root authority (see [`Pallet::enact`]).
		type EnactableCalls: Contains<<Self as Config>::RuntimeCall>;

		/// The accounts acting for an enterprise (owners and agents): never given a position.
		type Applicants: Contains<Self::AccountId>;

		/// Whether a department still has live cases or valid certificates: such a department
		/// cannot be removed.
		type Work: clearance_primitives::DepartmentWork;

		/// Weights of this pallet's calls, from its benchmarks.
		type WeightInfo: WeightInfo;
	}

	#[pallet::extra_constants]
	impl<T: Config> Pallet<T> {
		/// Longest department code, in bytes.
		#[pallet::constant_name(MaxCodeLen)]
		fn max_code_len() -> u32 {
			clearance_primitives::MAX_CODE_LEN
		}

		/// Longest peer id of a node, in bytes.
		#[pallet::constant_name(MaxPeerIdLen)]
		fn max_peer_id_len() -> u32 {
			<MaxPeerIdLen as Get<u32>>::get()
		}

		/// Most network nodes one department lists.
		#[pallet::constant_name(MaxNodesPerDepartment)]
		fn max_nodes_per_department() -> u32 {
			<MaxNodesPerDepartment as Get<u32>>::get()
		}
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

	/// Codes of removed departments, with the block of removal: never given to another
	/// department, so that no one inherits the old department's records.
	#[pallet::storage]
	pub type RetiredCodes<T: Config> =
		StorageMap<_, Blake2_128Concat, DepartmentCode, BlockNumberFor<T>>;

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
				let name: BoundedVec<u8, T::MaxNameLen> =
					d.name.as_bytes().to_vec().try_into().unwrap_or_else(|_| {
						panic!("genesis department {:?}: name too long", d.code)
					});
				Pallet::<T>::ensure_name(&name)
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
		Enacted { call_hash: T::Hash, ayes: u32, seats: u32, result: DispatchResult },
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
		/// A peer id is not a libp2p peer id (the identity multihash of a public key, at most
		/// `MaxPeerIdLen` bytes).
		BadPeerId,
		/// A peer id is listed twice.
		DuplicatePeerId,
		/// The account acts for an enterprise (owner or agent); it can never hold a position.
		IsApplicant,
		/// The department still has live cases or valid certificates; they must be decided or
		/// revoked first.
		HasLiveWork,
		/// The code belonged to a removed department and is never given again.
		CodeRetired,
		/// The call is not one a council motion may enact ([`Config::EnactableCalls`]).
		NotEnactable,
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
		/// Checks: the code is well formed ([`Error::BadCode`]), unused
		/// ([`Error::AlreadyExists`]) and never used by a removed department
		/// ([`Error::CodeRetired`]), the name is not empty ([`Error::EmptyName`]; at most
		/// [`Config::MaxNameLen`] bytes, refused at decoding), the registry has room
		/// ([`Error::TooManyDepartments`]) and the head holds no other position
		/// ([`Error::AlreadyAssigned`]) and does not act for an enterprise
		/// ([`Error::IsApplicant`]).
		/// The head joins the council. Emits [`Event::DepartmentAdded`].
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::add_department(T::MaxDepartments::get()))]
		pub fn add_department(
			origin: OriginFor<T>,
			code: DepartmentCode,
			name: BoundedVec<u8, T::MaxNameLen>,
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
		/// ([`Error::LastDepartment`]), has no officers ([`Error::HasOfficers`]), no validator
		/// ([`Error::HasValidator`]) and no live cases or valid certificates
		/// ([`Error::HasLiveWork`]). The head leaves the council; the code is retired for good.
		/// Emits [`Event::DepartmentRemoved`].
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
		/// ([`Error::SameHead`]), holds no other position ([`Error::AlreadyAssigned`]) and does
		/// not act for an enterprise ([`Error::IsApplicant`]). The old head's account keeps
		/// existing (and its nonce), without a position.
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
		/// ([`Error::AlreadyAssigned`]), does not act for an enterprise ([`Error::IsApplicant`]),
		/// does not hold the role yet
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
		/// roles stops being an officer (and can no longer transact; the account and its nonce
		/// stay, so nothing it signed can be replayed).
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
		/// ([`Error::NotNodeManager`]). Checks: each peer id is a libp2p peer id
		/// ([`Error::BadPeerId`]) listed once ([`Error::DuplicatePeerId`]); at most
		/// `MaxNodesPerDepartment` ids of at most `MaxPeerIdLen` bytes (refused at decoding).
		/// Emits [`Event::NodesSet`]; nodes follow the new list from the block that finalizes it.
		#[pallet::call_index(8)]
		#[pallet::weight(T::WeightInfo::set_nodes(nodes.len() as u32))]
		pub fn set_nodes(
			origin: OriginFor<T>,
			nodes: BoundedVec<PeerIdBytes, MaxNodesPerDepartment>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_set_nodes(who, nodes)
		}

		/// Enact `call` with root authority: how the council does what only the chain itself
		/// may do, such as a runtime upgrade (`System::set_code`) or a storage fix. The chain has
		/// no other root.
		///
		/// Origin: [`Config::CouncilOrigin`] (a two-thirds motion of the department heads).
		/// Checks: the call is one of [`Config::EnactableCalls`] ([`Error::NotEnactable`]); the
		/// enacted call makes its own checks. Appends an [`Action::Enacted`] entry (the call's
		/// hash, ayes, seats) to the council's trail and emits [`Event::Enacted`] with the call's
		/// result (a failed call does not undo the motion).
		///
		/// [`Action::Enacted`]: clearance_primitives::Action::Enacted
		#[pallet::call_index(7)]
		#[pallet::weight({
			let info = call.get_dispatch_info();
			(T::WeightInfo::enact().saturating_add(info.call_weight), info.class)
		})]
		pub fn enact(
			origin: OriginFor<T>,
			call: alloc::boxed::Box<<T as Config>::RuntimeCall>,
		) -> DispatchResultWithPostInfo {
			let votes = T::CouncilOrigin::ensure_origin(origin)?;
			Self::do_enact(*call, votes)
		}
	}
}
