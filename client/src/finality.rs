//! Finality from the chain spec alone.
//!
//! A node that serves an audit trail, a storage proof and a header could also lie about the
//! block being final. This module proves it instead, trusting nothing but a [`Trust`]: the
//! GRANDPA authorities of the genesis block, read from the raw chain spec
//! ([`Trust::from_chain_spec`]), or a checkpoint the user chose to trust
//! ([`Trust::from_checkpoint`]).
//!
//! 1. The warp proof (`clearance_warpProof`, made by `sc-consensus-grandpa`'s `NetworkProvider`)
//!    holds, for each authority-set change, the header enacting it with a justification by the
//!    outgoing set. Each justification is verified by `GrandpaJustification::verify` against the
//!    set that the trusted one and the changes before it lead to, and the next set is read from
//!    the header's `ScheduledChange` digest ([`sc_consensus_grandpa::find_scheduled_change`]).
//!    The result is [`Sets`]: which set finalizes which range of blocks.
//! 2. The finality proof of the block (`grandpa_proveFinality`, a `FinalityProof`): a
//!    justification of a block F at or after it, and the headers linking the two. The headers
//!    must chain by parent hash from the block to F, and the justification must finalize F for
//!    the set whose range holds F (`GrandpaJustification::decode_and_verify_finalizes`).
//!
//! Signatures, vote weights and the ancestry of votes are checked by `sc-consensus-grandpa` and
//! `finality-grandpa`; nothing here counts votes. The storage proof is then checked against the
//! proven header's state root by [`crate::audit`].

use crate::{
	failure::{Failure, Result},
	rpc::{self, NodeClient},
};
use clearance_runtime::{opaque::Block, BlockNumber, Header};
use codec::{Decode, DecodeAll, Encode};
use finality_grandpa::voter_set::VoterSet;
use jsonrpsee::{core::client::ClientT, rpc_params};
use sc_consensus_grandpa::{
	find_scheduled_change, warp_proof::WarpSyncFragment, FinalityProof, GrandpaJustification,
};
use serde::{Deserialize, Serialize};
use sp_consensus_grandpa::{AuthorityList, SetId};
use sp_core::{Bytes, H256};
use sp_io::hashing::twox_128;
use sp_runtime::traits::Header as _;
use std::path::Path;

/// The most headers fetched to link a block to the latest justification.
const MAX_LINKING_HEADERS: usize = 100_000;

/// The well-known storage key of the authorities in chains of older `pallet-grandpa`s.
const GRANDPA_AUTHORITIES_KEY: &[u8] = b":grandpa_authorities";

/// The wire form of `sc_consensus_grandpa::warp_proof::WarpSyncProof`, whose fields are
/// private: the fragments, and whether the proof reaches the latest finalized block.
#[derive(Decode, Encode)]
pub struct WarpProof {
	/// One fragment per authority-set change, then the latest finalized block's.
	pub proofs: Vec<WarpSyncFragment<Block>>,
	/// False when `sc-consensus-grandpa` capped the proof (8 MiB): ask again from its last block.
	pub is_finished: bool,
}

/// What the verification trusts: an authority set, and the block from which it finalizes.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Trust {
	/// Where it comes from, for messages (`chain spec clearance.json`).
	pub source: String,
	/// The set id.
	pub set_id: SetId,
	/// The set's authorities and weights, SCALE-encoded, 0x-hex.
	pub authorities: String,
	/// The block the set is trusted from: `None` for genesis, else a checkpoint's block.
	pub after: Option<(BlockNumber, H256)>,
}

/// One authority set and the blocks it finalizes.
#[derive(Clone, Debug, PartialEq)]
pub struct Span {
	/// The set id.
	pub id: SetId,
	/// Its authorities.
	pub authorities: AuthorityList,
	/// The first block it finalizes.
	pub first: BlockNumber,
	/// The last block it finalizes (the block enacting the next set), or `None` for the
	/// current set.
	pub last: Option<(BlockNumber, H256)>,
}

/// The authority sets proven from the trust: each set's range, the current set last.
#[derive(Clone, Debug, PartialEq)]
pub struct Sets {
	/// The sets in order.
	pub spans: Vec<Span>,
	/// The latest finalized block the warp proof proved, if it carried one.
	pub latest: Option<(BlockNumber, H256)>,
}

/// A block proven final.
#[derive(Clone, Debug, PartialEq)]
pub struct Finalized {
	/// The block.
	pub number: BlockNumber,
	/// Its hash.
	pub hash: H256,
	/// The block whose justification proves it (the block itself or a descendant).
	pub justified: (BlockNumber, H256),
	/// The id of the set that signed the justification.
	pub set_id: SetId,
	/// The number of authority-set changes followed from the trust.
	pub set_changes: usize,
}

/// Finality evidence of one block, as saved in a bundle: the warp proofs and the finality proof,
/// 0x-hex SCALE.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Evidence {
	/// `clearance_warpProof` answers, in order (more than one when the history was capped).
	pub warp: Vec<String>,
	/// The `grandpa_proveFinality` answer for the block.
	pub proof: String,
}

fn hex0x(bytes: &[u8]) -> String {
	format!("0x{}", hex::encode(bytes))
}

fn unhex(what: &str, text: &str) -> Result<Vec<u8>> {
	hex::decode(text.trim_start_matches("0x"))
		.map_err(|_| Failure::verify(format!("the {what} is not hex")))
}

/// `twox128(pallet) ++ twox128(item)`, the key of a plain storage value.
fn value_key(pallet: &str, item: &str) -> Vec<u8> {
	[twox_128(pallet.as_bytes()), twox_128(item.as_bytes())].concat()
}

impl Trust {
	/// The genesis authorities (set 0) of a raw chain spec: `Grandpa::Authorities` in its
	/// genesis storage, or the well-known `:grandpa_authorities` of older runtimes.
	pub fn from_chain_spec(path: &Path, bytes: &[u8]) -> Result<Self> {
		let name = path.display();
		let spec: serde_json::Value = serde_json::from_slice(bytes)
			.map_err(|e| Failure::input(format!("{name} is not a chain spec (JSON): {e}")))?;
		let Some(top) = spec["genesis"]["raw"]["top"].as_object() else {
			return Err(Failure::input(format!(
				"{name} is not a raw chain spec: give the raw one the nodes run \
				 (`clearance-node build-spec --chain <spec> --raw > raw.json`)"
			)));
		};
		let value = |key: &[u8]| top.get(&hex0x(key)).and_then(|v| v.as_str());
		let authorities = if let Some(v) = value(&value_key("Grandpa", "Authorities")) {
			let bytes = unhex("genesis authorities", v).map_err(|f| Failure::input(f.message))?;
			AuthorityList::decode_all(&mut &bytes[..]).map_err(|_| {
				Failure::input(format!("{name}: the genesis GRANDPA authorities cannot be read"))
			})?
		} else if let Some(v) = value(GRANDPA_AUTHORITIES_KEY) {
			let bytes = unhex("genesis authorities", v).map_err(|f| Failure::input(f.message))?;
			// Version 1 of the well-known encoding: a version byte, then the list.
			match <(u8, AuthorityList)>::decode_all(&mut &bytes[..]) {
				Ok((1, list)) => list,
				_ => {
					return Err(Failure::input(format!(
						"{name}: the genesis GRANDPA authorities cannot be read"
					)))
				},
			}
		} else {
			return Err(Failure::input(format!(
				"{name} holds no GRANDPA authorities in its genesis storage"
			)));
		};
		if VoterSet::new(authorities.iter().cloned()).is_none() {
			return Err(Failure::input(format!("{name}: the genesis GRANDPA set is empty")));
		}
		let chain = spec["id"].as_str().unwrap_or("?");
		Ok(Self {
			source: format!("the genesis authorities of chain spec {name} ({chain})"),
			set_id: 0,
			authorities: hex0x(&authorities.encode()),
			after: None,
		})
	}

	/// A checkpoint saved by `clearctl finality checkpoint` (a JSON [`Trust`]).
	pub fn from_checkpoint(path: &Path, bytes: &[u8]) -> Result<Self> {
		let mut trust: Trust = serde_json::from_slice(bytes).map_err(|e| {
			Failure::input(format!("{} is not a finality checkpoint: {e}", path.display()))
		})?;
		trust.authority_list().map_err(|f| Failure::input(f.message))?;
		trust.source = format!("the checkpoint {}", path.display());
		Ok(trust)
	}

	/// The authorities, decoded.
	pub fn authority_list(&self) -> Result<AuthorityList> {
		let bytes = unhex("trusted authority list", &self.authorities)?;
		AuthorityList::decode_all(&mut &bytes[..])
			.map_err(|_| Failure::verify("the trusted authority list cannot be decoded"))
	}

	/// The trust after `sets`: the current set, from the latest block proven final (or the
	/// block that enacted the current set).
	pub fn checkpoint(&self, sets: &Sets) -> Option<Self> {
		let current = sets.spans.last()?;
		let after = sets.latest.or_else(|| sets.spans.iter().rev().nth(1).and_then(|s| s.last))?;
		Some(Self {
			source: String::new(),
			set_id: current.id,
			authorities: hex0x(&current.authorities.encode()),
			after: Some(after),
		})
	}
}

/// Follow the authority-set changes of `warp` (one or more warp proofs, in order) from `trust`.
/// Each change must be justified by the set before it; a fragment that is signed by another
/// set, finalizes another header, or ends a set without announcing the next one is refused.
pub fn follow_sets(trust: &Trust, warp: &[WarpProof]) -> Result<Sets> {
	let mut id = trust.set_id;
	let mut authorities = trust.authority_list()?;
	// A checkpoint's block was proven final by its set: the set covers it too.
	let mut first = trust.after.map(|(n, _)| n).unwrap_or(0);
	let mut spans = Vec::new();
	let mut latest = None;
	let pieces = warp.len();
	for (p, piece) in warp.iter().enumerate() {
		let fragments = piece.proofs.len();
		for (i, fragment) in piece.proofs.iter().enumerate() {
			let header = &fragment.header;
			let (number, hash) = (*header.number(), header.hash());
			if number < first {
				return Err(Failure::verify(format!(
					"the warp proof goes back to block #{number}, before block #{first} where \
					 authority set {id} starts"
				)));
			}
			fragment.justification.verify(id, &authorities).map_err(|e| {
				Failure::verify(format!(
					"the justification of block #{number} is not signed by authority set {id}, \
					 the set that {} and the {} set changes before it lead to ({e}): it is \
					 forged, from another chain, or a set change was skipped",
					trust.source,
					spans.len()
				))
			})?;
			if fragment.justification.target() != (number, hash) {
				return Err(Failure::verify(format!(
					"the header of block #{number} in the warp proof is not the block its \
					 justification finalizes: the header was forged"
				)));
			}
			match find_scheduled_change::<Block>(header) {
				Some(change) => {
					if VoterSet::new(change.next_authorities.iter().cloned()).is_none() {
						return Err(Failure::verify(format!(
							"block #{number} announces an empty authority set"
						)));
					}
					spans.push(Span {
						id,
						authorities: std::mem::replace(&mut authorities, change.next_authorities),
						first,
						last: Some((number, hash)),
					});
					id = id.saturating_add(1);
					first = number.saturating_add(1);
				},
				None if p + 1 == pieces && i + 1 == fragments && piece.is_finished => {
					latest = Some((number, hash));
				},
				None => {
					return Err(Failure::verify(format!(
						"block #{number} is given as the end of authority set {id} but announces \
						 no next set: a set change was skipped or the proof was cut"
					)))
				},
			}
		}
	}
	if !warp.last().is_some_and(|w| w.is_finished) {
		return Err(Failure::verify(
			"the warp proof stops before the latest finalized block (it was cut)",
		));
	}
	spans.push(Span { id, authorities, first, last: None });
	Ok(Sets { spans, latest })
}

/// Verify that `header` is final: `proof`'s headers chain from it to a justified block F, and
/// F's justification is by the set of `sets` whose range holds F.
pub fn verify_block(
	sets: &Sets,
	header: &Header,
	proof: &FinalityProof<Header>,
) -> Result<Finalized> {
	let (number, hash) = (header.number, header.hash());
	let mut at = (number, hash);
	for next in &proof.unknown_headers {
		if next.parent_hash != at.1 || next.number != at.0.saturating_add(1) {
			return Err(Failure::verify(format!(
				"the headers from block #{number} to its justified descendant are not a chain: \
				 header #{} is not the child of #{} {:?} (forged or reordered headers)",
				next.number, at.0, at.1
			)));
		}
		at = (next.number, next.hash());
	}
	if at.1 != proof.block {
		return Err(Failure::verify(format!(
			"the finality proof justifies block {:?}, which the headers do not link to block \
			 #{number} {hash:?}",
			proof.block
		)));
	}
	let span = sets
		.spans
		.iter()
		.find(|s| s.first <= at.0 && s.last.is_none_or(|(last, _)| at.0 <= last))
		.ok_or_else(|| {
			Failure::verify(format!(
				"block #{} is before the first block the trusted authority set finalizes",
				at.0
			))
		})?;
	let voters = VoterSet::new(span.authorities.iter().cloned())
		.ok_or_else(|| Failure::verify("an empty authority set"))?;
	GrandpaJustification::<Block>::decode_and_verify_finalizes(
		&proof.justification,
		(at.1, at.0),
		span.id,
		&voters,
	)
	.map_err(|e| {
		Failure::verify(format!(
			"block #{number} {hash:?} is not proven final: the justification of block #{} is \
			 not valid for authority set {} ({e})",
			at.0, span.id
		))
	})?;
	Ok(Finalized {
		number,
		hash,
		justified: at,
		set_id: span.id,
		set_changes: sets.spans.len().saturating_sub(1),
	})
}

/// Follow the authority-set changes of SCALE-encoded warp proofs from `trust`.
pub fn follow_encoded(trust: &Trust, warp: &[Vec<u8>]) -> Result<Sets> {
	let warp = warp
		.iter()
		.map(|w| {
			WarpProof::decode_all(&mut &w[..])
				.map_err(|_| Failure::verify("the warp proof cannot be decoded"))
		})
		.collect::<Result<Vec<_>>>()?;
	follow_sets(trust, &warp)
}

/// Verify saved evidence for `header` from `trust`.
pub fn verify(trust: &Trust, evidence: &Evidence, header: &Header) -> Result<Finalized> {
	let warp = evidence.warp.iter().map(|w| unhex("warp proof", w)).collect::<Result<Vec<_>>>()?;
	let sets = follow_encoded(trust, &warp)?;
	let proof =
		FinalityProof::<Header>::decode_all(&mut &unhex("finality proof", &evidence.proof)?[..])
			.map_err(|_| Failure::verify("the finality proof cannot be decoded"))?;
	verify_block(&sets, header, &proof)
}

/// Fetch the warp proofs from `trust` to the latest finalized block.
pub async fn fetch_warp(client: &(impl ClientT + Sync), trust: &Trust) -> Result<Vec<Vec<u8>>> {
	let mut from = trust.after.map(|(_, h)| h);
	let mut pieces = Vec::new();
	loop {
		let bytes: Bytes = rpc::read(
			"clearance_warpProof",
			client.request("clearance_warpProof", rpc_params![from]),
		)
		.await?;
		let piece = WarpProof::decode_all(&mut &bytes[..])
			.map_err(|_| Failure::verify("the node's warp proof cannot be decoded"))?;
		let next = piece.proofs.last().map(|f| f.header.hash());
		pieces.push(bytes.0);
		match (piece.is_finished, next) {
			(false, Some(last)) if pieces.len() < 64 => from = Some(last),
			_ => return Ok(pieces),
		}
	}
}

/// Fetch the finality evidence of block `number` (a block the node has finalized).
pub async fn fetch(
	client: &(impl NodeClient + Sync),
	trust: &Trust,
	number: BlockNumber,
) -> Result<Evidence> {
	let warp = fetch_warp(client, trust).await?;
	let proved: std::result::Result<Option<Bytes>, _> =
		client.request("grandpa_proveFinality", rpc_params![number]).await;
	let proof = match proved {
		Ok(Some(proof)) => proof.0,
		// `sc-consensus-grandpa` proves nothing before the chain's first set change; the warp
		// proof's latest justification does.
		_ => from_latest(client, &warp, number).await?.encode(),
	};
	Ok(Evidence { warp: warp.iter().map(|w| hex0x(w)).collect(), proof: hex0x(&proof) })
}

/// The finality proof of block `number` by the latest justification of the warp proof, with the
/// headers from `number + 1` to it, fetched by parent hash (they are checked to chain).
async fn from_latest(
	client: &(impl NodeClient + Sync),
	warp: &[Vec<u8>],
	number: BlockNumber,
) -> Result<FinalityProof<Header>> {
	let last = warp
		.last()
		.and_then(|w| WarpProof::decode_all(&mut &w[..]).ok())
		.and_then(|w| w.proofs.into_iter().last())
		.ok_or_else(|| Failure::chain("the node's warp proof holds no justification"))?;
	let justified = last.header.clone();
	if justified.number < number {
		return Err(Failure::verify(format!(
			"block #{number} is not final: the latest justification is of block #{}",
			justified.number
		)));
	}
	let mut headers = Vec::new();
	let mut at = justified.clone();
	while at.number > number {
		if headers.len() >= MAX_LINKING_HEADERS {
			return Err(Failure::chain(format!(
				"block #{number} is more than {MAX_LINKING_HEADERS} blocks before the latest \
				 justification"
			)));
		}
		let parent = at.parent_hash;
		headers.push(at);
		at = rpc::known_header(client, parent).await?;
	}
	headers.reverse();
	Ok(FinalityProof {
		block: justified.hash(),
		justification: last.justification.encode(),
		unknown_headers: headers,
	})
}

/// The trust given on the command line: `--checkpoint` wins over `--chain-spec`.
pub fn trust(chain_spec: Option<&Path>, checkpoint: Option<&Path>) -> Result<Option<Trust>> {
	let read = |p: &Path| {
		std::fs::read(p).map_err(|e| Failure::input(format!("cannot read {}: {e}", p.display())))
	};
	match (checkpoint, chain_spec) {
		(Some(p), _) => Trust::from_checkpoint(p, &read(p)?).map(Some),
		(None, Some(p)) => Trust::from_chain_spec(p, &read(p)?).map(Some),
		(None, None) => Ok(None),
	}
}

#[cfg(test)]
#[path = "finality_tests.rs"]
mod tests;
