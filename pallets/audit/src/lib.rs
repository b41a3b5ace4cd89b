//! # Audit pallet
//!
//! Keeps the audit trail of every subject (department, enterprise, parcel, application, case,
//! certificate): who did what, when, on whose authority.
//!
//! ## Terminology
//!
//! - **Entry**: one recorded action ([`TrailEntry`]): a chain-wide sequence number, block,
//!   timestamp, signer, [`Authority`], [`Action`], a hash of the details, and the hash of the
//!   previous entry of the same subject (recomputed, not stored: each entry's link is the hash
//!   of the previous link and the entry).
//! - **Trail**: a subject's entries, oldest first, each linking to the one before.
//! - **Head**: the hash of a subject's latest entry, kept on chain in [`Heads`]. An auditor who
//!   reads a trail (from any node, or from a storage proof at a finalized block) recomputes the
//!   links with [`verify_trail`] and compares the result with the head: one altered byte, a
//!   missing or an extra entry breaks the chain.
//!
//! Entries are never changed or removed. Other pallets append through [`AuditTrail`]; this
//! pallet has no calls of its own.

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

pub use clearance_primitives::{
	verify_trail, verify_trail_links, Action, AuditTrail, Authority, Subject, TrailEntry,
	TrailError,
};
extern crate alloc;

pub use pallet::*;

#[cfg(test)]
mod tests;

use alloc::vec::Vec;
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::{pallet_prelude::*, traits::UnixTime};
use frame_system::pallet_prelude::BlockNumberFor;
use scale_info::TypeInfo;
use sp_core::H256;

/// A trail entry as stored for runtime `T`.
pub type EntryOf<T> = TrailEntry<<T as frame_system::Config>::AccountId, BlockNumberFor<T>>;

/// The on-chain summary of a subject's trail.
#[derive(
	Clone,
	Copy,
	Default,
	Encode,
	Decode,
	DecodeWithMemTracking,
	Eq,
	PartialEq,
	Debug,
	TypeInfo,
	MaxEncodedLen,
)]
pub struct TrailHead {
	/// Number of entries.
	pub len: u32,
	/// Hash of the latest entry.
	pub head: H256,
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
	pub trait Config: frame_system::Config {
		/// Wall-clock time of the block (the timestamp pallet).
		type UnixTime: UnixTime;
	}

	/// The next entry's chain-wide sequence number.
	#[pallet::storage]
	pub type NextSeq<T: Config> = StorageValue<_, u64, ValueQuery>;

	/// Entries by subject and position in the subject's trail.
	#[pallet::storage]
	pub type Trails<T: Config> =
		StorageDoubleMap<_, Blake2_128Concat, Subject, Identity, u32, EntryOf<T>>;

	/// Length and head hash of each subject's trail.
	#[pallet::storage]
	pub type Heads<T: Config> = StorageMap<_, Blake2_128Concat, Subject, TrailHead>;

	#[pallet::error]
	pub enum Error<T> {
		/// The subject's trail holds `u32::MAX` entries and cannot grow.
		TrailFull,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		#[cfg(feature = "try-runtime")]
		fn try_state(_n: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}
}

impl<T: Config> Pallet<T> {
	/// The whole trail of `subject`, oldest first, with its head. Reads every entry: for
	/// queries and audits, never for calls.
	pub fn trail(subject: &Subject) -> (Vec<EntryOf<T>>, TrailHead) {
		Self::page(subject, 0, u32::MAX).map(|(head, entries)| (entries, head)).unwrap_or_default()
	}

	/// Entries `from .. from + limit` of `subject`'s trail with its head; `None` if the subject
	/// has no trail.
	pub fn page(subject: &Subject, from: u32, limit: u32) -> Option<(TrailHead, Vec<EntryOf<T>>)> {
		let head = Heads::<T>::get(subject)?;
		let end = from.saturating_add(limit).min(head.len);
		let entries = (from..end).filter_map(|i| Trails::<T>::get(subject, i)).collect();
		Some((head, entries))
	}

	/// Invariants: every trail has exactly `len` entries, they link up to the head, and
	/// sequence numbers increase and stay below [`NextSeq`].
	pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
		let next = NextSeq::<T>::get();
		for (subject, head) in Heads::<T>::iter() {
			let (entries, _) = Self::trail(&subject);
			ensure!(entries.len() as u32 == head.len, "trail has a gap");
			verify_trail(&entries, head.head).map_err(|_| "trail does not chain to its head")?;
			ensure!(entries.iter().all(|e| e.seq < next), "sequence beyond the counter");
		}
		Ok(())
	}
}

impl<T: Config> AuditTrail<T::AccountId> for Pallet<T> {
	fn record(
		subject: Subject,
		signer: Option<T::AccountId>,
		authority: Authority<T::AccountId>,
		action: Action,
		details: H256,
	) -> sp_runtime::DispatchResult {
		let head = Heads::<T>::get(&subject).unwrap_or_default();
		let len = head.len.checked_add(1).ok_or(Error::<T>::TrailFull)?;
		let seq = NextSeq::<T>::get();
		let entry = TrailEntry {
			seq,
			block: frame_system::Pallet::<T>::block_number(),
			timestamp: T::UnixTime::now().as_millis().try_into().unwrap_or(u64::MAX),
			signer,
			authority,
			action,
			details,
		};
		let hash = entry.link(head.head);
		Trails::<T>::insert(&subject, head.len, entry);
		Heads::<T>::insert(&subject, TrailHead { len, head: hash });
		NextSeq::<T>::put(seq.saturating_add(1));
		Ok(())
	}

	fn actions(subject: &Subject) -> Vec<(u64, Action)> {
		Self::trail(subject).0.into_iter().map(|e| (e.timestamp, e.action)).collect()
	}
}
