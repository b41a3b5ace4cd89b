//! Types stored and exchanged by the department registry.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::{pallet_prelude::ConstU32, BoundedVec};
use scale_info::TypeInfo;

pub use clearance_primitives::{DepartmentCode, DepartmentKind, Role, MAX_CODE_LEN};

/// Number of distinct roles, which bounds the grants an officer can hold.
pub type MaxRoles = ConstU32<{ clearance_primitives::signers::ROLES as u32 }>;

/// Longest peer id, in bytes.
pub type MaxPeerIdLen = ConstU32<64>;

/// A libp2p peer id, as bytes (38 for an ed25519 key).
pub type PeerIdBytes = BoundedVec<u8, MaxPeerIdLen>;

/// Whether `id` is the byte form of a libp2p peer id: a multihash, either the identity hash of
/// a public key of at most 42 bytes (ed25519, secp256k1, ...: `0x00`, length, key) or the
/// SHA-256 hash of a longer one (`0x12 0x20` and 32 bytes).
pub fn is_peer_id(id: &[u8]) -> bool {
	match id {
		[0x00, len, key @ ..] => {
			usize::from(*len) == key.len() && !key.is_empty() && key.len() <= 42
		},
		[0x12, 0x20, digest @ ..] => digest.len() == 32,
		_ => false,
	}
}

/// Most network nodes one department runs.
pub type MaxNodesPerDepartment = ConstU32<8>;

/// The record of one role granted to an officer: the link in the chain of authority behind every
/// later decision the officer takes.
#[derive(
	Clone, Encode, Decode, DecodeWithMemTracking, Eq, PartialEq, Debug, TypeInfo, MaxEncodedLen,
)]
pub struct RoleGrant<AccountId, BlockNumber> {
	/// The role granted.
	pub role: Role,
	/// The department head who granted it.
	pub granted_by: AccountId,
	/// The block in which it was granted.
	pub granted_at: BlockNumber,
}

/// An officer: an account that holds at least one role in exactly one department.
#[derive(
	Clone, Encode, Decode, DecodeWithMemTracking, Eq, PartialEq, Debug, TypeInfo, MaxEncodedLen,
)]
pub struct Officer<AccountId, BlockNumber> {
	/// The department the officer serves.
	pub department: DepartmentCode,
	/// The roles held, each with who granted it and when; never empty, one entry per role.
	pub grants: BoundedVec<RoleGrant<AccountId, BlockNumber>, MaxRoles>,
}

impl<AccountId, BlockNumber> Officer<AccountId, BlockNumber> {
	/// The grant of `role`, if the officer holds it.
	pub fn grant(&self, role: Role) -> Option<&RoleGrant<AccountId, BlockNumber>> {
		self.grants.iter().find(|g| g.role == role)
	}
}

/// A department of the state government, as registered by the council.
#[derive(
	Clone, Encode, Decode, DecodeWithMemTracking, Eq, PartialEq, Debug, TypeInfo, MaxEncodedLen,
)]
#[scale_info(skip_type_params(MaxNameLen))]
pub struct Department<AccountId, BlockNumber, MaxNameLen: frame_support::traits::Get<u32>> {
	/// Human-readable name, such as "Fire & Emergency Services".
	pub name: BoundedVec<u8, MaxNameLen>,
	/// What the department does.
	pub kind: DepartmentKind,
	/// The head: grants and revokes roles, sits on the council.
	pub head: AccountId,
	/// Block since which the current head holds office.
	pub head_since: BlockNumber,
	/// The account whose session keys author and finalize blocks for this department.
	pub validator: Option<AccountId>,
	/// Number of officers (accounts with at least one role), excluding the head.
	pub officers: u32,
	/// Block in which the department was added.
	pub registered_at: BlockNumber,
}

/// One department in the genesis configuration.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[serde(bound(
	serialize = "AccountId: serde::Serialize",
	deserialize = "AccountId: serde::Deserialize<'de>"
))]
pub struct GenesisDepartment<AccountId> {
	/// Department code, see [`DepartmentCode`].
	pub code: alloc::string::String,
	/// Human-readable name.
	pub name: alloc::string::String,
	/// What the department does.
	pub kind: DepartmentKind,
	/// The head account.
	pub head: AccountId,
	/// The validator account, whose session keys are set in the session pallet's genesis.
	#[serde(default)]
	pub validator: Option<AccountId>,
	/// Officers and the roles each holds, granted by the head at genesis.
	#[serde(default)]
	pub officers: alloc::vec::Vec<(AccountId, alloc::vec::Vec<Role>)>,
	/// Peer ids (libp2p, as bytes) of the department's nodes allowed on the network.
	#[serde(default)]
	pub nodes: alloc::vec::Vec<alloc::vec::Vec<u8>>,
}

/// Where the runtime keeps validators' session keys: implemented by the runtime on top of
/// `pallet-session`, so the council can register a department's keys without the validator
/// account having to transact.
pub trait ValidatorKeys<AccountId> {
	/// The session keys (one public key per consensus engine).
	type Keys: frame_support::Parameter + frame_support::pallet_prelude::Member;

	/// Register `keys` for `validator`; they take effect at the next session.
	fn set_keys(validator: &AccountId, keys: Self::Keys) -> sp_runtime::DispatchResult;

	/// Remove the keys of `validator`.
	fn purge_keys(validator: &AccountId) -> sp_runtime::DispatchResult;
}
