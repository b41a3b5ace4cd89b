//! Tests of the audit trail: entries link up, tampering of any kind is detected.

use crate::{self as pallet_audit, *};
use frame_support::{assert_noop, assert_ok, derive_impl};
use sp_runtime::BuildStorage;

type Block = frame_system::mocking::MockBlock<Test>;

#[frame_support::runtime]
mod runtime {
	#[runtime::runtime]
	#[runtime::derive(RuntimeCall, RuntimeEvent, RuntimeError, RuntimeOrigin, RuntimeTask)]
	pub struct Test;

	#[runtime::pallet_index(0)]
	pub type System = frame_system;

	#[runtime::pallet_index(1)]
	pub type Audit = pallet_audit;
}

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
}

impl Config for Test {
	type UnixTime = clearance_primitives::testing::FixedTime;
}

fn run(test: impl FnOnce()) {
	let storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
	let mut ext = sp_io::TestExternalities::new(storage);
	ext.execute_with(|| {
		System::set_block_number(5);
		test();
		Pallet::<Test>::do_try_state().expect("invariants hold");
	});
}

fn record(subject: Subject, who: u64, action: Action) {
	assert_ok!(<Audit as AuditTrail<u64>>::record(
		subject,
		Some(who),
		Authority::Owner { enterprise: 1 },
		action,
		H256::repeat_byte(who as u8),
	));
}

#[test]
fn entries_link_per_subject_and_number_chain_wide() {
	run(|| {
		record(Subject::Enterprise(1), 1, Action::EnterpriseRegistered);
		record(Subject::Application(7), 2, Action::ApplicationSubmitted);
		record(Subject::Enterprise(1), 3, Action::AgentAdded);

		let (entries, head) = Audit::trail(&Subject::Enterprise(1));
		assert_eq!(head.len, 2);
		let first = entries[0].link(H256::zero());
		assert_eq!(head.head, entries[1].link(first));
		assert_eq!(verify_trail_links(&entries), vec![first, head.head]);
		assert_eq!((entries[0].seq, entries[1].seq), (0, 2));
		assert_eq!(entries[1].block, 5);
		assert_eq!(entries[1].timestamp, clearance_primitives::testing::FIXED_TIME_MS);
		assert_eq!(entries[1].signer, Some(3));
		assert_eq!(NextSeq::<Test>::get(), 3);
		assert_eq!(verify_trail(&entries, head.head), Ok(()));
	});
}

#[test]
fn tampering_is_detected() {
	run(|| {
		for i in 0..4 {
			record(Subject::Case(9), i, Action::CaseTaken);
		}
		let (entries, head) = Audit::trail(&Subject::Case(9));

		let mut altered = entries.clone();
		altered[1].details.0[0] ^= 1;
		assert_eq!(verify_trail(&altered, head.head), Err(TrailError::HeadMismatch));
		// Against links recorded before, the first altered entry is found.
		let good = verify_trail_links(&entries);
		let bad = verify_trail_links(&altered);
		assert_eq!(good.iter().zip(&bad).position(|(a, b)| a != b), Some(1));

		let mut last_altered = entries.clone();
		last_altered[3].signer = Some(42);
		assert_eq!(verify_trail(&last_altered, head.head), Err(TrailError::HeadMismatch));

		let mut missing = entries.clone();
		missing.remove(1);
		assert_eq!(verify_trail(&missing, head.head), Err(TrailError::HeadMismatch));

		let mut swapped = entries.clone();
		swapped.swap(1, 2);
		assert_eq!(verify_trail(&swapped, head.head), Err(TrailError::OutOfOrder { index: 2 }));

		let truncated = &entries[..3];
		assert_eq!(verify_trail(truncated, head.head), Err(TrailError::HeadMismatch));

		assert_eq!(verify_trail(&entries, H256::repeat_byte(1)), Err(TrailError::HeadMismatch));
	});
}

#[test]
fn a_full_trail_refuses_more_entries() {
	run(|| {
		let subject = Subject::Parcel(*b"WB01AB12345678");
		Heads::<Test>::insert(&subject, TrailHead { len: u32::MAX, head: H256::zero() });
		assert_noop!(
			<Audit as AuditTrail<u64>>::record(
				subject.clone(),
				None,
				Authority::Statute,
				Action::ParcelFrozen,
				H256::zero()
			),
			Error::<Test>::TrailFull
		);
		// Leave storage consistent for the invariant check.
		Heads::<Test>::remove(&subject);
	});
}
