//! Independent verification of an audit trail.
//!
//! An auditor does not trust the node: the trail it serves is checked against a storage read
//! proof at a finalized block, and the proof against that block's state root. The evidence (the
//! header, the entries as served, the proof, and the finality proof of [`crate::finality`]) is
//! a [`Bundle`] that can be saved and verified again later, offline or against another node.

use crate::{failure::Failure, finality::Evidence};
use clearance_primitives::{verify_trail, Subject, TrailEntry};
use clearance_runtime::{AccountId, BlockNumber, Header};
use codec::{Decode, Encode};
use pallet_audit::TrailHead;
use serde::{Deserialize, Serialize};
use sp_core::H256;
use sp_io::hashing::{blake2_128, twox_128};
use sp_runtime::traits::BlakeTwo256;
use sp_trie::StorageProof;

/// A trail entry as the runtime stores it.
pub type Entry = TrailEntry<AccountId, BlockNumber>;

/// Evidence for one subject's trail at one block.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct Bundle {
	/// The subject, in text form (`case:7`).
	pub subject: String,
	/// Hash of the block.
	pub block: H256,
	/// The block's header, as `chain_getHeader` returns it.
	pub header: serde_json::Value,
	/// The entries as the node served them (`clearance_trail`), SCALE-encoded, 0x-hex.
	pub entries: Vec<String>,
	/// The storage read proof of the trail's head and entries (`state_getReadProof`), 0x-hex.
	pub proof: Vec<String>,
	/// The proof that the block is final, when fetched with a trusted chain spec or checkpoint.
	#[serde(default, skip_serializing_if = "Option::is_none")]
	pub finality: Option<Evidence>,
}

/// A successful verification.
#[derive(Debug, PartialEq)]
pub struct Verified {
	/// Number of entries.
	pub len: u32,
	/// The head hash the chain was recomputed to.
	pub head: H256,
	/// Block number.
	pub number: BlockNumber,
	/// The block's state root the proof was checked against.
	pub state_root: H256,
	/// The proven entries.
	pub entries: Vec<Entry>,
}

fn prefix(storage: &str) -> Vec<u8> {
	[twox_128(b"Audit"), twox_128(storage.as_bytes())].concat()
}

/// Storage key of the head of `subject`'s trail (`Audit::Heads`, `Blake2_128Concat`).
pub fn head_key(subject: &Subject) -> Vec<u8> {
	let s = subject.encode();
	[prefix("Heads"), blake2_128(&s).to_vec(), s].concat()
}

/// Storage key of entry `index` of `subject`'s trail (`Audit::Trails`, `Blake2_128Concat`,
/// `Identity`).
pub fn entry_key(subject: &Subject, index: u32) -> Vec<u8> {
	let s = subject.encode();
	[prefix("Trails"), blake2_128(&s).to_vec(), s, index.encode()].concat()
}

/// Decode 0x-hex.
pub fn unhex(text: &str) -> Result<Vec<u8>, Failure> {
	hex::decode(text.trim_start_matches("0x"))
		.map_err(|_| Failure::verify(format!("{text:.20}… is not hex")))
}

/// The bundle's header, which must hash to its block.
pub fn header(bundle: &Bundle) -> Result<Header, Failure> {
	let header: Header = serde_json::from_value(bundle.header.clone())
		.map_err(|e| Failure::verify(format!("the header cannot be read: {e}")))?;
	if header.hash() != bundle.block {
		return Err(Failure::verify(format!(
			"the header does not hash to block {:?}: it belongs to another block",
			bundle.block
		)));
	}
	Ok(header)
}

/// Verify a bundle: the header hashes to the block; the proof matches the header's state root;
/// every entry the node served equals the proven storage value at its position, none is
/// missing and none added; and the entries chain up to the proven head. The first failure is
/// reported precisely.
pub fn verify(bundle: &Bundle) -> Result<Verified, Failure> {
	let subject = Subject::parse(&bundle.subject)
		.ok_or_else(|| Failure::input(format!("{:?} is not a subject", bundle.subject)))?;
	let header = header(bundle)?;
	let root = header.state_root;
	let number = header.number;
	let nodes = bundle.proof.iter().map(|n| unhex(n)).collect::<Result<Vec<_>, _>>()?;
	let proof = StorageProof::new(nodes);
	let wrong_block = |_| {
		Failure::verify(format!(
			"the storage proof does not match the state root {root:?} of block #{number}: it \
			 is from another block, or was altered"
		))
	};

	let head_key = head_key(&subject);
	let proven = sp_state_machine::read_proof_check::<BlakeTwo256, _>(
		root,
		proof.clone(),
		[head_key.as_slice()],
	)
	.map_err(wrong_block)?;
	let head = proven.get(&head_key).cloned().flatten().ok_or_else(|| {
		Failure::verify(format!("{} has no trail at block #{number}", bundle.subject))
	})?;
	let head = TrailHead::decode(&mut &head[..])
		.map_err(|_| Failure::verify("the proven trail head cannot be decoded"))?;

	let keys: Vec<Vec<u8>> = (0..head.len).map(|i| entry_key(&subject, i)).collect();
	let proven = sp_state_machine::read_proof_check::<BlakeTwo256, _>(root, proof, &keys)
		.map_err(wrong_block)?;
	let mut entries = Vec::with_capacity(head.len as usize);
	for (i, key) in keys.iter().enumerate() {
		let on_chain = proven.get(key).cloned().flatten().ok_or_else(|| {
			Failure::verify(format!("the proof does not cover entry {i} of {}", head.len))
		})?;
		let served = bundle.entries.get(i).ok_or_else(|| {
			Failure::verify(format!(
				"entry {i} is missing: the node served {} of the {} entries on chain",
				bundle.entries.len(),
				head.len
			))
		})?;
		if unhex(served)? != on_chain {
			// Served entries shifted by one: this one was left out.
			let shifted = bundle.entries.len() < head.len as usize
				&& keys.get(i + 1).and_then(|k| proven.get(k).cloned().flatten())
					== Some(unhex(served)?);
			if shifted {
				return Err(Failure::verify(format!(
					"entry {i} is missing: the node served {} of the {} entries on chain",
					bundle.entries.len(),
					head.len
				)));
			}
			return Err(Failure::verify(format!(
				"entry {i} was altered: it differs from the value stored on chain at block #{number}"
			)));
		}
		entries.push(
			Entry::decode(&mut &on_chain[..])
				.map_err(|_| Failure::verify(format!("entry {i} cannot be decoded")))?,
		);
	}
	if bundle.entries.len() > head.len as usize {
		return Err(Failure::verify(format!(
			"{} entries were added: the chain holds {}",
			bundle.entries.len() - head.len as usize,
			head.len
		)));
	}
	verify_trail(&entries, head.head).map_err(|e| {
		Failure::verify(format!("the hash chain does not reach the head on chain: {e:?}"))
	})?;
	Ok(Verified { len: head.len, head: head.head, number, state_root: root, entries })
}
