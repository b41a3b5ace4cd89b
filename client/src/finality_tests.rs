//! Finality proofs built from real GRANDPA justifications, signed by `sp-keyring`'s ed25519
//! keys: a chain whose set 0 (Alice) hands over at block 4 to set 1 (Bob, Charlie), which hands
//! over at block 8 to set 2 (Dave); block 10 is the latest finalized.

use super::*;
use sp_consensus_grandpa::{ConsensusLog, ScheduledChange, GRANDPA_ENGINE_ID};
use sp_keyring::Ed25519Keyring as Key;
use sp_runtime::{Digest, DigestItem};

fn list(keys: &[Key]) -> AuthorityList {
	keys.iter().map(|k| (k.public().into(), 1)).collect()
}

fn header(number: BlockNumber, parent: H256, change: Option<&[Key]>) -> Header {
	let mut digest = Digest::default();
	if let Some(keys) = change {
		let log = ConsensusLog::<BlockNumber>::ScheduledChange(ScheduledChange {
			next_authorities: list(keys),
			delay: 0,
		});
		digest.push(DigestItem::Consensus(GRANDPA_ENGINE_ID, log.encode()));
	}
	Header::new(number, H256::repeat_byte(1), H256::repeat_byte(number as u8), parent, digest)
}

/// A justification of `target` by `keys` voting as set `set_id`.
fn justify(target: &Header, set_id: SetId, keys: &[Key]) -> GrandpaJustification<Block> {
	let precommit =
		finality_grandpa::Precommit { target_hash: target.hash(), target_number: target.number };
	let message = finality_grandpa::Message::Precommit(precommit.clone());
	let round = 7;
	let payload = sp_consensus_grandpa::localized_payload(round, set_id, &message);
	let precommits = keys
		.iter()
		.map(|k| finality_grandpa::SignedPrecommit {
			precommit: precommit.clone(),
			signature: k.sign(&payload).into(),
			id: k.public().into(),
		})
		.collect();
	let commit = finality_grandpa::Commit {
		target_hash: target.hash(),
		target_number: target.number,
		precommits,
	};
	sp_consensus_grandpa::GrandpaJustification { round, commit, votes_ancestries: vec![] }.into()
}

struct Chain {
	headers: Vec<Header>,
}

impl Chain {
	fn new() -> Self {
		let mut headers = vec![header(0, H256::zero(), None)];
		for n in 1..=10u32 {
			let change: Option<&[Key]> = match n {
				4 => Some(&[Key::Bob, Key::Charlie]),
				8 => Some(&[Key::Dave]),
				_ => None,
			};
			let parent = headers[n as usize - 1].hash();
			headers.push(header(n, parent, change));
		}
		Self { headers }
	}

	fn h(&self, n: u32) -> &Header {
		&self.headers[n as usize]
	}

	fn fragment(&self, n: u32, set_id: SetId, keys: &[Key]) -> WarpSyncFragment<Block> {
		WarpSyncFragment {
			header: self.h(n).clone(),
			justification: justify(self.h(n), set_id, keys),
		}
	}

	fn warp(&self) -> WarpProof {
		WarpProof {
			proofs: vec![
				self.fragment(4, 0, &[Key::Alice]),
				self.fragment(8, 1, &[Key::Bob, Key::Charlie]),
				self.fragment(10, 2, &[Key::Dave]),
			],
			is_finished: true,
		}
	}

	/// The finality proof of block `n` by a justification of block `f`.
	fn proof(&self, n: u32, f: u32, set_id: SetId, keys: &[Key]) -> FinalityProof<Header> {
		FinalityProof {
			block: self.h(f).hash(),
			justification: justify(self.h(f), set_id, keys).encode(),
			unknown_headers: (n + 1..=f).map(|i| self.h(i).clone()).collect(),
		}
	}
}

fn genesis_trust() -> Trust {
	Trust {
		source: "the test chain spec".into(),
		set_id: 0,
		authorities: hex0x(&list(&[Key::Alice]).encode()),
		after: None,
	}
}

fn refused(r: Result<impl std::fmt::Debug>, words: &str) {
	let f = r.expect_err("refused");
	assert_eq!(f.code, 4, "{}", f.message);
	assert!(f.message.contains(words), "{:?} lacks {words:?}", f.message);
}

#[test]
fn set_changes_are_followed_from_genesis() {
	let chain = Chain::new();
	let sets = follow_sets(&genesis_trust(), &[chain.warp()]).unwrap();
	let ranges: Vec<_> = sets.spans.iter().map(|s| (s.id, s.first, s.last.map(|l| l.0))).collect();
	assert_eq!(ranges, vec![(0, 0, Some(4)), (1, 5, Some(8)), (2, 9, None)]);
	assert_eq!(sets.latest, Some((10, chain.h(10).hash())));

	// A block of the current set, by the latest justification.
	let f = verify_block(&sets, chain.h(9), &chain.proof(9, 10, 2, &[Key::Dave])).unwrap();
	assert_eq!((f.number, f.justified.0, f.set_id, f.set_changes), (9, 10, 2, 2));
	// A block of an old set, by the justification of the set's last block.
	let f = verify_block(&sets, chain.h(2), &chain.proof(2, 4, 0, &[Key::Alice])).unwrap();
	assert_eq!((f.justified.0, f.set_id), (4, 0));
	// The justified block itself.
	verify_block(&sets, chain.h(10), &chain.proof(10, 10, 2, &[Key::Dave])).unwrap();

	// Saved as evidence and verified again.
	let evidence = Evidence {
		warp: vec![hex0x(&chain.warp().encode())],
		proof: hex0x(&chain.proof(6, 8, 1, &[Key::Bob, Key::Charlie]).encode()),
	};
	assert_eq!(verify(&genesis_trust(), &evidence, chain.h(6)).unwrap().set_id, 1);

	// A checkpoint continues from the latest proven block in the current set.
	let checkpoint = genesis_trust().checkpoint(&sets).unwrap();
	assert_eq!((checkpoint.set_id, checkpoint.after), (2, Some((10, chain.h(10).hash()))));
	let warp = WarpProof { proofs: vec![chain.fragment(10, 2, &[Key::Dave])], is_finished: true };
	let sets = follow_sets(&checkpoint, &[warp]).unwrap();
	verify_block(&sets, chain.h(10), &chain.proof(10, 10, 2, &[Key::Dave])).unwrap();
}

#[test]
fn a_justification_signed_by_the_wrong_set_is_refused() {
	let chain = Chain::new();
	// Another chain's genesis authorities.
	let mut other = genesis_trust();
	other.authorities = hex0x(&list(&[Key::Ferdie]).encode());
	refused(follow_sets(&other, &[chain.warp()]), "not signed by authority set 0");

	// The final justification signed by the set before the current one.
	let sets = follow_sets(&genesis_trust(), &[chain.warp()]).unwrap();
	let proof = chain.proof(9, 10, 1, &[Key::Bob, Key::Charlie]);
	refused(verify_block(&sets, chain.h(9), &proof), "not valid for authority set 2");
	// Signed by the right keys but too few of them (Bob alone of Bob and Charlie).
	let proof = chain.proof(6, 8, 1, &[Key::Bob]);
	refused(verify_block(&sets, chain.h(6), &proof), "not valid for authority set 1");
}

#[test]
fn a_skipped_set_change_is_refused() {
	let chain = Chain::new();
	let mut warp = chain.warp();
	warp.proofs.remove(0);
	refused(follow_sets(&genesis_trust(), &[warp]), "a set change was skipped");

	// A justified block that announces no change, given as the end of set 0.
	let mut warp = chain.warp();
	warp.proofs[0] = chain.fragment(3, 0, &[Key::Alice]);
	refused(follow_sets(&genesis_trust(), &[warp]), "announces no next set");

	// A proof cut before the latest finalized block.
	let mut warp = chain.warp();
	warp.is_finished = false;
	warp.proofs.pop();
	refused(follow_sets(&genesis_trust(), &[warp]), "it was cut");
}

#[test]
fn a_forged_header_is_refused() {
	let chain = Chain::new();
	// A set-change header with another state root than the justified one.
	let mut warp = chain.warp();
	let mut forged = chain.h(4).clone();
	forged.state_root = H256::repeat_byte(0xee);
	warp.proofs[0].header = forged;
	refused(follow_sets(&genesis_trust(), &[warp]), "the header was forged");

	// The block of the storage proof forged: its descendants no longer link to it.
	let sets = follow_sets(&genesis_trust(), &[chain.warp()]).unwrap();
	let mut forged = chain.h(9).clone();
	forged.state_root = H256::repeat_byte(0xee);
	refused(verify_block(&sets, &forged, &chain.proof(9, 10, 2, &[Key::Dave])), "not a chain");
	// A forged block with no descendant in the proof: the justification is of another block.
	let mut proof = chain.proof(10, 10, 2, &[Key::Dave]);
	proof.block = forged.hash();
	refused(verify_block(&sets, &forged, &proof), "not proven final");
	// Headers left out between the block and the justified one.
	let mut proof = chain.proof(5, 8, 1, &[Key::Bob, Key::Charlie]);
	proof.unknown_headers.remove(1);
	refused(verify_block(&sets, chain.h(5), &proof), "not a chain");
}

#[test]
fn the_chain_spec_gives_the_genesis_set() {
	let path = Path::new("spec.json");
	let key = hex0x(&value_key("Grandpa", "Authorities"));
	let value = hex0x(&list(&[Key::Alice, Key::Bob]).encode());
	let raw = serde_json::json!({ "id": "local", "genesis": { "raw": { "top": { key: value } } } });
	let trust = Trust::from_chain_spec(path, raw.to_string().as_bytes()).unwrap();
	assert_eq!((trust.set_id, trust.authority_list().unwrap()), (0, list(&[Key::Alice, Key::Bob])));

	let plain = serde_json::json!({ "id": "local", "genesis": { "runtimeGenesis": {} } });
	let f = Trust::from_chain_spec(path, plain.to_string().as_bytes()).unwrap_err();
	assert_eq!(f.code, 2);
	assert!(
		f.message.contains("not a raw chain spec") && f.message.contains("--raw"),
		"{}",
		f.message
	);
	let empty = serde_json::json!({ "genesis": { "raw": { "top": {} } } });
	let f = Trust::from_chain_spec(path, empty.to_string().as_bytes()).unwrap_err();
	assert!(f.message.contains("no GRANDPA authorities"), "{}", f.message);
	assert_eq!(Trust::from_chain_spec(path, b"{").unwrap_err().code, 2);
}
