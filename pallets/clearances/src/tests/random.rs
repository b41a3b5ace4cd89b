//! A long randomised run: random calls by random actors, the clock advancing at random, and
//! every invariant checked after each step. Deterministic (fixed seeds), so a failure replays.

use super::*;

/// A small deterministic generator (xorshift64*).
struct Rng(u64);

impl Rng {
	fn next(&mut self) -> u64 {
		self.0 ^= self.0 >> 12;
		self.0 ^= self.0 << 25;
		self.0 ^= self.0 >> 27;
		self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
	}

	fn pick<T: Copy>(&mut self, items: &[T]) -> T {
		items[(self.next() % items.len() as u64) as usize]
	}

	fn below(&mut self, n: u64) -> u64 {
		self.next() % n.max(1)
	}
}

const APPLICANTS: [u64; 3] = [OWNER, AGENT, OTHER_OWNER];
const OFFICIALS: [u64; 12] = [
	LAND_HEAD,
	LAND_CLERK,
	LAND_APPROVER,
	ENV_HEAD,
	ENV_CLERK,
	ENV_APPROVER,
	IND_HEAD,
	IND_CLERK,
	IND_APPROVER,
	FIRE_HEAD,
	FIRE_CLERK,
	FIRE_APPROVER,
];
const TYPES: [&str; 5] = [LUC, CTE, BP, FIRE_NOC, TRADE];
const KINDS: [&str; 4] = ["SALE_DEED", "PROJECT_REPORT", "SITE_PLAN", "AFFIDAVIT"];

fn step(rng: &mut Rng, parcels: &[Ulpin]) {
	let applicant = rng.pick(&APPLICANTS);
	let official = rng.pick(&OFFICIALS);
	let cases = NextCaseId::<Test>::get().max(1) as u64;
	let case = rng.below(cases) as CaseId;
	let certs = NextCertificateId::<Test>::get().max(1) as u64;
	let cert = rng.below(certs) as CertificateId;
	let h = H256::from_low_u64_be(rng.next());
	// Every call either succeeds or changes nothing; both are fine here, the invariants are
	// what is checked.
	let _ = match rng.below(15) {
		0 | 1 => {
			let kind = rng.pick(&KINDS);
			let kind = kind.as_bytes().to_vec().try_into().unwrap();
			Clearances::anchor_document(signed(applicant), h, kind, 10, None)
		},
		2..=4 => {
			let n = 1 + rng.below(3) as usize;
			let mut types: Vec<TypeCode> = (0..n).map(|_| tc(rng.pick(&TYPES))).collect();
			types.sort();
			types.dedup();
			let parcel = rng.pick(parcels);
			let docs: Vec<H256> = KINDS
				.iter()
				.map(|k| anchor_as(if applicant == OTHER_OWNER { OTHER_OWNER } else { OWNER }, k))
				.collect();
			Clearances::submit_application(
				signed(applicant),
				project(),
				bounded(&[parcel]),
				bounded(&types),
				bounded(&docs),
			)
		},
		5 if rng.below(4) == 0 => Clearances::withdraw_application(
			signed(applicant),
			rng.below(NextApplicationId::<Test>::get().max(1) as u64) as u32,
		)
		.map(|_| ())
		.map_err(|e| e.error),
		5 | 6 => Clearances::take_case(signed(official), case),
		7 => Clearances::raise_query(signed(official), case, h),
		8 => Clearances::respond_to_query(signed(applicant), case, h, no_docs()),
		9 => Clearances::approve(signed(official), case, h).map(|_| ()).map_err(|e| e.error),
		10 => Clearances::reject(signed(official), case, 3, h).map(|_| ()).map_err(|e| e.error),
		11 => Clearances::renew_certificate(signed(official), cert, h),
		12 => Clearances::revoke_certificate(signed(official), cert, 2, h),
		13 => Clearances::take_case(signed(official), case),
		_ => {
			let parcel = rng.pick(parcels);
			if LandParcels::is_frozen(&parcel) == Some(true) {
				LandParcels::unfreeze_parcel(signed(LAND_APPROVER), parcel, h)
			} else {
				LandParcels::freeze_parcel(signed(LAND_APPROVER), parcel, h)
			}
		},
	};
	if rng.below(3) == 0 {
		run_to(System::block_number() + 1 + rng.below(6));
	}
}

#[test]
fn random_sequences_keep_every_invariant() {
	for seed in [1u64, 7, 42, 2026] {
		new_test_ext().execute_with(|| {
			let mut parcels = vec![PARCEL, PARCEL2, OTHER_PARCEL];
			for i in 0..5u8 {
				let mut p = *b"WB19RND000000A";
				p[13] = b'A' + i;
				// Some held by enterprise 1; the others are enterprise 0's.
				let holder = pallet_land_parcels::Holder::Enterprise(u32::from(i % 2));
				register_parcel_held_by(p, holder);
				parcels.push(p);
			}
			let mut rng = Rng(seed);
			for _ in 0..600 {
				step(&mut rng, &parcels[..]);
				check_invariants();
			}
			// Everything that was due was processed.
			run_to(System::block_number() + 200);
			check_invariants();
			let waiting_or_open =
				Cases::<Test>::iter().filter(|(_, c)| !c.state.is_final()).count();
			println!(
				"seed {seed}: {} applications, {} cases ({} undecided), {} certificates, {} trail entries",
				NextApplicationId::<Test>::get(),
				NextCaseId::<Test>::get(),
				waiting_or_open,
				NextCertificateId::<Test>::get(),
				pallet_audit::NextSeq::<Test>::get(),
			);
		});
	}
}
