//! A seeded random run of consents, withdrawals, changes of holder and freezes, checking the
//! invariants and `may_apply` against a model after every step.

use super::*;
use std::collections::BTreeSet;

/// A small deterministic generator (64-bit LCG), so a failure replays.
struct Lcg(u64);
impl Lcg {
	fn below(&mut self, n: u64) -> u64 {
		self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
		(self.0 >> 33) % n
	}
}

#[test]
fn random_consents_keep_the_invariants() {
	run(|| {
		let parcels = [PARCEL, PARCEL2, *b"WB19KOL0000042"];
		for p in parcels {
			assert_ok!(register(CLERK, p));
		}
		let holders =
			[Holder::Private(H256::repeat_byte(1)), Holder::Enterprise(0), Holder::Enterprise(1)];
		let signers = [OWNER, OTHER_OWNER, AGENT, CLERK, LAND_HEAD, AUTHORITY];
		// The consents the model expects on record.
		let mut model: BTreeSet<(Ulpin, u32)> = BTreeSet::new();
		let mut rng = Lcg(0x5eed);
		// Successes per action: consent, record, withdraw (2), change of holder, freeze.
		let mut done = [0u32; 6];
		let mut lapsed = 0u32;
		for step in 0..3_000 {
			let p = parcels[rng.below(3) as usize];
			let e = rng.below(4) as u32; // 3 is not registered
			let holder_before = Parcels::<Test>::get(p).unwrap().holder;
			// Mostly whoever may act on the parcel (its holder's owner, or a record keeper for
			// a private holder; the head for freezes), sometimes anyone.
			let rightful = match holder_before {
				Holder::Enterprise(0) => OWNER,
				Holder::Enterprise(_) => OTHER_OWNER,
				Holder::Private(_) => CLERK,
			};
			let action = [0, 0, 1, 2, 3, 4, 4, 5][rng.below(8) as usize];
			let who = match (rng.below(4), action) {
				(0, _) => signers[rng.below(signers.len() as u64) as usize],
				(_, 4) => CLERK,
				(_, 5) => LAND_HEAD,
				_ => rightful,
			};
			let result = match action {
				0 => LandParcels::consent_to_use(signed(who), p, e),
				1 => LandParcels::record_consent(signed(who), p, e, H256::repeat_byte(3)),
				2 | 3 => LandParcels::withdraw_consent(signed(who), p, e),
				4 => {
					let h = holders[rng.below(3) as usize].clone();
					LandParcels::update_parcel(signed(who), p, None, Some(h))
				},
				_ => {
					if LandParcels::is_frozen(&p) == Some(true) {
						LandParcels::unfreeze_parcel(signed(who), p, H256::zero())
					} else {
						LandParcels::freeze_parcel(signed(who), p, H256::zero())
					}
				},
			};
			if result.is_ok() {
				done[action as usize] += 1;
				match action {
					0 | 1 => assert!(model.insert((p, e)), "a new consent"),
					2 | 3 => assert!(model.remove(&(p, e)), "an existing consent"),
					4 if Parcels::<Test>::get(p).unwrap().holder != holder_before => {
						lapsed += model.iter().filter(|(q, _)| *q == p).count() as u32;
						model.retain(|(q, _)| *q != p)
					},
					_ => {},
				}
			}
			check_invariants();
			for q in parcels {
				let holder = Parcels::<Test>::get(q).unwrap().holder;
				for f in 0..4 {
					let expected = holder == Holder::Enterprise(f) || model.contains(&(q, f));
					assert_eq!(LandParcels::may_apply(&q, f), expected, "step {step}");
				}
			}
		}
		// Every kind of step succeeded often enough to mean something.
		assert!(done.iter().all(|n| *n >= 10) && lapsed >= 10, "{done:?}, {lapsed} lapsed");
	});
}
