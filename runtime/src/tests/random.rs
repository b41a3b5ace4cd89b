//! A seeded, reproducible storm of signed extrinsics through the runtime's own entry points.
//!
//! Random signers (unregistered accounts, applicants, officers of every department, heads) send
//! random calls: calls of every pallet decoded from random bytes (so with random and oversized
//! arguments, and calls no role may make), and calls of the clearance workflow on ids that exist.
//! Each goes through `validate_transaction` (the pool) and, if valid, `apply_extrinsic`
//! (inclusion), block by block. After every block the invariants of every pallet hold, nothing
//! panicked, no refused transaction changed anything, and the block's weight stays within its
//! budget.
//!
//! `CLEARANCE_RANDOM_EXTRINSICS=N CLEARANCE_RANDOM_SEED=S cargo test -p clearance-runtime storm`
//! runs a longer storm.

use super::*;
use codec::DecodeLimit;
use frame_support::dispatch::DispatchClass;
use sp_runtime::{generic::Era, traits::Header as _};
use Sr25519Keyring::*;

/// SplitMix64: enough randomness for a reproducible test, without a dependency.
struct Rng(u64);

impl Rng {
	fn next(&mut self) -> u64 {
		self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
		let mut z = self.0;
		z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
		z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
		z ^ (z >> 31)
	}

	fn below(&mut self, n: u64) -> u64 {
		self.next() % n.max(1)
	}

	fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
		&items[self.below(items.len() as u64) as usize]
	}

	fn bytes(&mut self, len: usize) -> Vec<u8> {
		(0..len).map(|_| self.next() as u8).collect()
	}
}

/// Signers of every kind in the development genesis, plus unregistered accounts; `One` and
/// `Two` become applicants during set-up.
const SIGNERS: [Sr25519Keyring; 14] = [
	Alice,
	Bob,
	Charlie,
	Dave,
	Eve,
	Ferdie,
	AliceStash,
	BobStash,
	CharlieStash,
	DaveStash,
	One,
	Two,
	EveStash,
	FerdieStash,
];

/// Pallet indices of the runtime, for calls decoded from random bytes.
const PALLETS: [u8; 11] = [0, 1, 2, 3, 4, 6, 10, 11, 12, 13, 14];

/// A call decoded from random bytes: a pallet, a call index, and arguments of random length
/// (sometimes far beyond any bound).
fn random_call(rng: &mut Rng) -> Option<RuntimeCall> {
	let mut bytes = vec![*rng.pick(&PALLETS), rng.below(16) as u8];
	let len = match rng.below(10) {
		0 => 4096 + rng.below(200_000) as usize,
		1..=3 => rng.below(8) as usize,
		_ => rng.below(160) as usize,
	};
	bytes.extend(rng.bytes(len));
	RuntimeCall::decode_with_depth_limit(8, &mut &bytes[..]).ok()
}

/// A call of the clearance workflow on small ids, which exist often enough to reach deep.
fn workflow_call(rng: &mut Rng) -> RuntimeCall {
	use pallet_clearances::Call as C;
	let id = rng.below(12) as u32;
	let hash = sp_core::H256::repeat_byte(rng.below(4) as u8);
	match rng.below(8) {
		0 => RuntimeCall::Clearances(C::take_case { case: id }),
		1 => RuntimeCall::Clearances(C::raise_query { case: id, query: hash }),
		2 => RuntimeCall::Clearances(C::approve { case: id, conditions: hash }),
		3 => RuntimeCall::Clearances(C::withdraw_application { application: id }),
		4 => RuntimeCall::Clearances(C::revoke_certificate {
			certificate: id,
			reason: rng.below(4) as u16,
			reasoning: hash,
		}),
		5 => RuntimeCall::Clearances(C::renew_certificate { certificate: id, conditions: hash }),
		6 => RuntimeCall::Clearances(C::respond_to_query {
			case: id,
			response: hash,
			documents: Default::default(),
		}),
		_ => RuntimeCall::Enterprises(pallet_enterprises::Call::suspend_enterprise {
			enterprise: id,
			reason: hash,
		}),
	}
}

fn start_block(number: BlockNumber, parent: Hash) {
	let header =
		Header::new(number, Default::default(), Default::default(), parent, Default::default());
	Executive::initialize_block(&header);
	pallet_timestamp::Now::<Runtime>::put(1_800_000_000_000 + u64::from(number) * 3000);
}

fn check_invariants() {
	assert_ok!(pallet_departments::Pallet::<Runtime>::do_try_state());
	assert_ok!(pallet_enterprises::Pallet::<Runtime>::do_try_state());
	assert_ok!(pallet_clearances::Pallet::<Runtime>::do_try_state());
	assert_ok!(pallet_audit::Pallet::<Runtime>::do_try_state());
}

/// Figures of one storm.
#[derive(Default, Debug)]
struct Tally {
	sent: u64,
	refused_at_pool: u64,
	included_ok: u64,
	included_failed: u64,
	refused_at_inclusion: u64,
	decoded_randomly: u64,
}

fn storm(seed: u64, total: u64) -> Tally {
	let mut rng = Rng(seed);
	let mut tally = Tally::default();
	ext(development_config_genesis()).execute_with(|| {
		start_block(1, Hash::repeat_byte(1));
		// Two applicants, so that applicants' calls are in play.
		for (i, owner) in [One, Two].iter().enumerate() {
			assert_ok!(Enterprises::register_enterprise(
				RuntimeOrigin::signed(CharlieStash.to_account_id()),
				format!("Enterprise {i}").into_bytes().try_into().unwrap(),
				sp_core::H256::repeat_byte(i as u8),
				owner.to_account_id(),
			));
		}
		// Each applicant holds two parcels, has anchored a sale deed and a site plan, and has
		// filed applications whose cases the storm then takes, queries, decides and revokes.
		for (enterprise, owner) in [One, Two].iter().enumerate() {
			let owner_origin = RuntimeOrigin::signed(owner.to_account_id());
			for p in 0..2u8 {
				let mut ulpin = *b"WB19KOL0000000";
				ulpin[12] = b'0' + enterprise as u8;
				ulpin[13] = b'0' + p;
				assert_ok!(LandParcels::register_parcel(
					RuntimeOrigin::signed(Alice.to_account_id()),
					ulpin,
					b"Kolkata".to_vec().try_into().unwrap(),
					b"Rajarhat".to_vec().try_into().unwrap(),
					b"1/1".to_vec().try_into().unwrap(),
					10_000,
					clearance_primitives::LandUse::Agricultural,
					pallet_land_parcels::Holder::Enterprise(enterprise as u32),
				));
				let docs: Vec<sp_core::H256> = ["SALE_DEED", "SITE_PLAN"]
					.iter()
					.enumerate()
					.map(|(i, kind)| {
						let hash =
							sp_core::H256::repeat_byte(10 * enterprise as u8 + 2 * p + i as u8 + 1);
						assert_ok!(Clearances::anchor_document(
							owner_origin.clone(),
							hash,
							kind.as_bytes().to_vec().try_into().unwrap(),
							1_000,
							None
						));
						hash
					})
					.collect();
				let types = ["LAND_USE_CONVERSION", "TRADE_LICENCE", "DEMO_QUICK_NOC"]
					.iter()
					.map(|t| t.as_bytes().to_vec().try_into().unwrap())
					.collect::<Vec<pallet_clearances::TypeCode>>();
				assert_ok!(Clearances::submit_application(
					owner_origin.clone(),
					pallet_clearances::Project {
						name: b"Storm Works".to_vec().try_into().unwrap(),
						sector: b"Steel".to_vec().try_into().unwrap(),
						investment: pallet_clearances::InvestmentClass::Small,
					},
					vec![ulpin].try_into().unwrap(),
					types.try_into().unwrap(),
					docs.try_into().unwrap(),
				));
			}
		}
		check_invariants();
		let mut number: BlockNumber = 1;
		let weights = <Runtime as frame_system::Config>::BlockWeights::get();
		while tally.sent < total {
			for _ in 0..rng.below(40) {
				let signer = *rng.pick(&SIGNERS);
				let call = if rng.below(2) == 0 {
					match random_call(&mut rng) {
						Some(call) => {
							tally.decoded_randomly += 1;
							call
						},
						None => continue,
					}
				} else {
					workflow_call(&mut rng)
				};
				let who = signer.to_account_id();
				// Mostly the next nonce; sometimes one ahead (waits in the pool) or a replay.
				let current = frame_system::Pallet::<Runtime>::account_nonce(&who);
				let nonce = match rng.below(10) {
					0 => current.saturating_add(1),
					1 => current.saturating_sub(1),
					_ => current,
				};
				let era = if rng.below(50) == 0 {
					Era::Immortal
				} else {
					Era::mortal(64, u64::from(number.saturating_sub(1)))
				};
				let xt = signed_in_era(signer, call, nonce, era);
				tally.sent += 1;

				if validate(xt.clone()).is_err() {
					tally.refused_at_pool += 1;
					continue;
				}
				// Inclusion, as the block builder does it: a refused transaction is rolled back
				// and left out of the block.
				sp_io::storage::start_transaction();
				match Executive::apply_extrinsic(xt) {
					Ok(outcome) => {
						sp_io::storage::commit_transaction();
						match outcome {
							Ok(()) => tally.included_ok += 1,
							Err(_) => tally.included_failed += 1,
						}
					},
					Err(_) => {
						sp_io::storage::rollback_transaction();
						tally.refused_at_inclusion += 1;
					},
				}
			}
			// Transactions stay within their class's share of the block (the mandatory hooks,
			// such as a session rotation, may claim the rest).
			let used = frame_system::Pallet::<Runtime>::block_weight();
			for class in [DispatchClass::Normal, DispatchClass::Operational] {
				let limit = weights.get(class).max_total.unwrap_or(weights.max_block);
				assert!(
					used.get(class).all_lte(limit),
					"block {number}: {class:?} weighs {:?}, above {limit:?}",
					used.get(class)
				);
			}
			check_invariants();
			number += 1;
			start_block(number, Hash::repeat_byte(number as u8));
		}
	});
	tally
}

#[test]
fn storm_of_random_signed_extrinsics_keeps_every_invariant() {
	let total = std::env::var("CLEARANCE_RANDOM_EXTRINSICS")
		.ok()
		.and_then(|v| v.parse().ok())
		.unwrap_or(10_000);
	let seed = std::env::var("CLEARANCE_RANDOM_SEED")
		.ok()
		.and_then(|v| v.parse().ok())
		.unwrap_or(0x00C1_EA2A);
	let tally = storm(seed, total);
	println!("storm (seed {seed}): {tally:?}");
	assert!(tally.sent >= total);
	assert!(tally.refused_at_pool > 0 && tally.included_ok + tally.included_failed > 0);
}
