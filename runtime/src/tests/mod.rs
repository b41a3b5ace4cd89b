//! Runtime-level tests: genesis presets and the permission check at the transaction pool.
#![allow(
	clippy::unwrap_used,
	clippy::expect_used,
	clippy::indexing_slicing,
	clippy::arithmetic_side_effects
)]

mod appeals;
mod gate;
mod random;

use crate::{
	extensions::{codes, MAX_PENDING_PER_SIGNER},
	genesis_config_presets::{development_config_genesis, local_config_genesis},
	*,
};
use codec::Encode;
use frame_support::assert_ok;
use sp_keyring::Sr25519Keyring;
use sp_runtime::{
	traits::Hash as _,
	transaction_validity::{InvalidTransaction, TransactionSource, TransactionValidityError},
	BuildStorage,
};

fn ext(config: RuntimeGenesisConfig) -> sp_io::TestExternalities {
	config.build_storage().expect("the preset builds").into()
}

/// `call` signed by `signer` with `nonce` in `era`, as a wallet would build it (the implicit
/// data read from this chain's storage).
fn signed_in_era(
	signer: Sr25519Keyring,
	call: RuntimeCall,
	nonce: Nonce,
	era: sp_runtime::generic::Era,
) -> UncheckedExtrinsic {
	let extension = signing::extension(nonce, era);
	let payload = SignedPayload::new(call.clone(), extension.clone()).expect("implicit data");
	let signature = payload.using_encoded(|bytes| signer.sign(bytes));
	UncheckedExtrinsic::new_signed(
		call,
		Address::Id(signer.to_account_id()),
		Signature::Sr25519(signature),
		extension,
	)
}

/// `call` signed by `signer` with `nonce`, mortal (born at genesis, valid for 64 blocks).
fn signed(signer: Sr25519Keyring, call: RuntimeCall, nonce: Nonce) -> UncheckedExtrinsic {
	signed_in_era(signer, call, nonce, sp_runtime::generic::Era::mortal(64, 0))
}

/// A call every official may make (taking a case; case 0 does not exist, so it fails at
/// dispatch, but the pool has no reason to refuse it from a scrutiny officer or a head).
fn take_case() -> RuntimeCall {
	RuntimeCall::Clearances(pallet_clearances::Call::take_case { case: 0 })
}

/// A mortal `take_case` signed by `signer` with `nonce`: what the permission tests send.
fn signed_take(signer: Sr25519Keyring, nonce: Nonce) -> UncheckedExtrinsic {
	signed(signer, take_case(), nonce)
}

/// A call every enterprise member may make.
fn withdraw() -> RuntimeCall {
	RuntimeCall::Clearances(pallet_clearances::Call::withdraw_application { application: 0 })
}

/// The pool's check, as a node runs it: on a throwaway copy of the state (validation
/// initialises the next block, which must not leak into the block the test builds).
fn validate(tx: UncheckedExtrinsic) -> sp_runtime::transaction_validity::TransactionValidity {
	let parent = frame_system::Pallet::<Runtime>::parent_hash();
	sp_io::storage::start_transaction();
	let validity = Executive::validate_transaction(TransactionSource::External, tx, parent);
	sp_io::storage::rollback_transaction();
	validity
}

fn refused(code: u8) -> sp_runtime::transaction_validity::TransactionValidity {
	Err(TransactionValidityError::Invalid(InvalidTransaction::Custom(code)))
}

#[test]
fn presets_build_the_demo_registry() {
	ext(development_config_genesis()).execute_with(|| {
		assert_eq!(pallet_departments::Departments::<Runtime>::count(), 4);
		assert_eq!(
			pallet_collective::Members::<Runtime, configs::CouncilCollective>::get().len(),
			4
		);
		assert_eq!(
			pallet_session::Validators::<Runtime>::get(),
			vec![Sr25519Keyring::Alice.to_account_id()]
		);
		assert_eq!(pallet_aura::Authorities::<Runtime>::get().len(), 1);
		assert_ok!(pallet_departments::Pallet::<Runtime>::do_try_state());
	});
	ext(local_config_genesis()).execute_with(|| {
		assert_eq!(pallet_session::Validators::<Runtime>::get().len(), 4);
		assert_eq!(pallet_aura::Authorities::<Runtime>::get().len(), 4);
		assert_eq!(pallet_grandpa::Pallet::<Runtime>::grandpa_authorities().len(), 4);
		assert_ok!(pallet_departments::Pallet::<Runtime>::do_try_state());
	});
}

#[test]
fn presets_are_listed_and_parse() {
	for name in genesis_config_presets::preset_names() {
		let json = genesis_config_presets::get_preset(&name).expect("listed presets exist");
		let value: serde_json::Value = serde_json::from_slice(&json).expect("valid JSON");
		assert!(value.get("departments").is_some(), "preset {name:?} has departments");
	}
}

#[test]
fn pool_refuses_a_signer_without_a_role() {
	ext(development_config_genesis()).execute_with(|| {
		assert_eq!(validate(signed_take(Sr25519Keyring::One, 0)), refused(codes::NOT_REGISTERED));
		// And it can never be included either.
		assert_eq!(
			Executive::apply_extrinsic(signed_take(Sr25519Keyring::One, 0)),
			Err(TransactionValidityError::Invalid(InvalidTransaction::Custom(
				codes::NOT_REGISTERED
			)))
		);
	});
}

#[test]
fn pool_accepts_officers_and_heads_without_any_balance() {
	ext(development_config_genesis()).execute_with(|| {
		// Eve is a Land scrutiny officer, Bob the Environment head; neither has a balance.
		let valid = validate(signed_take(Sr25519Keyring::Eve, 0)).expect("officer accepted");
		assert_eq!(valid.provides.len(), 1);
		assert_ok!(validate(signed_take(Sr25519Keyring::Bob, 0)));
	});
}

#[test]
fn pool_bounds_pending_transactions_per_signer() {
	ext(development_config_genesis()).execute_with(|| {
		let last_allowed = MAX_PENDING_PER_SIGNER - 1;
		let valid = validate(signed_take(Sr25519Keyring::Eve, last_allowed)).expect("within bound");
		assert_eq!(valid.requires.len(), 1, "waits for the earlier nonces");
		assert_eq!(
			validate(signed_take(Sr25519Keyring::Eve, MAX_PENDING_PER_SIGNER)),
			refused(codes::TOO_MANY_PENDING)
		);
	});
}

#[test]
fn revoking_the_last_role_closes_the_pool_to_the_officer() {
	ext(development_config_genesis()).execute_with(|| {
		assert_ok!(validate(signed_take(Sr25519Keyring::Eve, 0)));
		assert_ok!(Departments::revoke_role(
			RuntimeOrigin::signed(Sr25519Keyring::Alice.to_account_id()),
			Sr25519Keyring::Eve.to_account_id(),
			pallet_departments::Role::ScrutinyOfficer,
		));
		assert_eq!(validate(signed_take(Sr25519Keyring::Eve, 0)), refused(codes::NOT_REGISTERED));
	});
}

#[test]
fn included_transaction_bumps_the_nonce_and_replay_is_stale() {
	ext(development_config_genesis()).execute_with(|| {
		frame_system::Pallet::<Runtime>::initialize(
			&1,
			&BlakeTwo256::hash(b"parent"),
			&Default::default(),
		);
		// Included (its dispatch fails: there is no case 0), so the nonce moves on.
		assert!(Executive::apply_extrinsic(signed_take(Sr25519Keyring::Eve, 0)).is_ok());
		assert_eq!(
			frame_system::Pallet::<Runtime>::account_nonce(Sr25519Keyring::Eve.to_account_id()),
			1
		);
		assert_eq!(
			Executive::apply_extrinsic(signed_take(Sr25519Keyring::Eve, 0)),
			Err(TransactionValidityError::Invalid(InvalidTransaction::Stale))
		);
	});
}

#[test]
fn code_descriptions_cover_every_code() {
	for code in codes::ALL {
		assert!(codes::describe(code).is_some(), "code {code}");
	}
	assert!(codes::describe(0).is_none());
	assert!(codes::describe(codes::ALL.len() as u8 + 1).is_none());
}

mod council {
	use super::*;
	use frame_support::{assert_noop, traits::Contains, weights::Weight};
	use sp_runtime::{
		traits::{Dispatchable, Hash as HashT},
		DispatchError,
	};

	fn signed(k: Sr25519Keyring) -> RuntimeOrigin {
		RuntimeOrigin::signed(k.to_account_id())
	}

	/// Propose `call` as `proposer`, have `ayes` vote for it and close the motion.
	fn pass_motion(proposer: Sr25519Keyring, ayes: &[Sr25519Keyring], call: RuntimeCall) {
		let threshold = 3;
		let len = call.encoded_size() as u32;
		let hash = BlakeTwo256::hash_of(&call);
		assert_ok!(Council::propose(signed(proposer), threshold, Box::new(call), len));
		let index =
			pallet_collective::ProposalCount::<Runtime, configs::CouncilCollective>::get() - 1;
		for aye in ayes {
			assert_ok!(Council::vote(signed(*aye), hash, index, true));
		}
		assert_ok!(Council::close(
			signed(proposer),
			hash,
			index,
			Weight::from_parts(1_000_000_000_000, 1_000_000),
			len
		));
	}

	fn add_labour() -> RuntimeCall {
		RuntimeCall::Departments(pallet_departments::Call::add_department {
			code: b"LABOUR".to_vec().try_into().unwrap(),
			name: b"Labour".to_vec().try_into().unwrap(),
			kind: pallet_departments::DepartmentKind::Labour,
			head: Sr25519Keyring::Two.to_account_id(),
		})
	}

	#[test]
	fn a_two_thirds_motion_adds_a_department_and_its_head_joins_the_council() {
		ext(development_config_genesis()).execute_with(|| {
			frame_system::Pallet::<Runtime>::set_block_number(1);
			use Sr25519Keyring::*;
			pass_motion(Alice, &[Alice, Bob, Charlie], add_labour());
			let code: pallet_departments::DepartmentCode = b"LABOUR".to_vec().try_into().unwrap();
			assert!(pallet_departments::Departments::<Runtime>::contains_key(&code));
			let members = pallet_collective::Members::<Runtime, configs::CouncilCollective>::get();
			assert_eq!(members.len(), 5);
			assert!(members.contains(&Two.to_account_id()));
			// The new head may now transact without any balance.
			assert!(extensions::AllowedSigners::contains(&Two.to_account_id()));
			assert_ok!(pallet_departments::Pallet::<Runtime>::do_try_state());
		});
	}

	#[test]
	fn a_motion_short_of_two_thirds_changes_nothing() {
		ext(development_config_genesis()).execute_with(|| {
			frame_system::Pallet::<Runtime>::set_block_number(1);
			use Sr25519Keyring::*;
			let call = add_labour();
			let len = call.encoded_size() as u32;
			let hash = BlakeTwo256::hash_of(&call);
			assert_ok!(Council::propose(signed(Alice), 3, Box::new(call), len));
			assert_ok!(Council::vote(signed(Alice), hash, 0, true));
			assert_ok!(Council::vote(signed(Bob), hash, 0, true));
			// Two of four ayes: the motion cannot close yet.
			assert_noop!(
				Council::close(
					signed(Alice),
					hash,
					0,
					Weight::from_parts(1_000_000_000_000, 1_000_000),
					len
				),
				pallet_collective::Error::<Runtime, configs::CouncilCollective>::TooEarly
			);
			assert_eq!(pallet_departments::Departments::<Runtime>::count(), 4);
		});
	}

	fn enact(call: RuntimeCall) -> RuntimeCall {
		RuntimeCall::Departments(pallet_departments::Call::enact { call: Box::new(call) })
	}

	fn enacted() -> Option<sp_runtime::DispatchResult> {
		frame_system::Pallet::<Runtime>::events().into_iter().rev().find_map(|r| match r.event {
			RuntimeEvent::Departments(pallet_departments::Event::Enacted { result, .. }) => {
				Some(result)
			},
			_ => None,
		})
	}

	#[test]
	fn a_motion_upgrades_the_runtime_and_the_upgrade_migrates_storage() {
		use frame_support::traits::{GetStorageVersion, StorageVersion};
		ext(development_config_genesis()).execute_with(|| {
			frame_system::Pallet::<Runtime>::set_block_number(1);
			use Sr25519Keyring::*;
			// The new code (any bytes here: the node checks real wasm when it runs it).
			let code = b"\0asm new runtime".to_vec();
			pass_motion(
				Alice,
				&[Alice, Bob, Charlie],
				enact(RuntimeCall::System(frame_system::Call::set_code_without_checks {
					code: code.clone(),
				})),
			);
			assert_eq!(enacted(), Some(Ok(())));
			assert_eq!(
				sp_io::storage::get(sp_core::storage::well_known_keys::CODE).map(|c| c.to_vec()),
				Some(code)
			);
			// Without the council, nothing.
			assert_noop!(
				enact(RuntimeCall::System(frame_system::Call::remark { remark: vec![] }))
					.dispatch(signed(Alice)),
				DispatchError::BadOrigin
			);

			// On the first block of the new version the runtime's migrations run: a chain whose
			// clearances storage is at version 0 gets its query indexes built (v1), then its
			// documents keyed by enterprise and its parcel and type indexes (v2).
			StorageVersion::new(0).put::<Clearances>();
			frame_system::LastRuntimeUpgrade::<Runtime>::put(
				frame_system::LastRuntimeUpgradeInfo::from(sp_version::RuntimeVersion {
					spec_version: VERSION.spec_version - 1,
					..VERSION
				}),
			);
			Executive::execute_on_runtime_upgrade();
			assert_eq!(Clearances::on_chain_storage_version(), StorageVersion::new(2));
			assert_ok!(pallet_clearances::Pallet::<Runtime>::do_try_state());
		});
	}

	#[test]
	fn a_head_alone_cannot_call_council_functions() {
		ext(development_config_genesis()).execute_with(|| {
			assert_noop!(
				add_labour().dispatch(signed(Sr25519Keyring::Alice)),
				DispatchError::BadOrigin
			);
		});
	}

	#[test]
	fn the_council_registers_a_validator_for_the_next_session() {
		ext(development_config_genesis()).execute_with(|| {
			frame_system::Pallet::<Runtime>::set_block_number(1);
			use Sr25519Keyring::*;
			let env: pallet_departments::DepartmentCode = b"ENV".to_vec().try_into().unwrap();
			let call = RuntimeCall::Departments(pallet_departments::Call::set_validator {
				code: env,
				validator: Bob.to_account_id(),
				keys: genesis_config_presets::session_keys(Bob),
			});
			pass_motion(Alice, &[Alice, Bob, Charlie], call);
			assert_eq!(
				pallet_session::NextKeys::<Runtime>::get(Bob.to_account_id()),
				Some(genesis_config_presets::session_keys(Bob))
			);
			// Two rotations: queued at the first, active at the second.
			pallet_session::Pallet::<Runtime>::rotate_session();
			pallet_session::Pallet::<Runtime>::rotate_session();
			let validators = pallet_session::Validators::<Runtime>::get();
			assert!(validators.contains(&Bob.to_account_id()), "{validators:?}");
			assert_eq!(validators.len(), 2);
		});
	}
}

#[test]
fn enterprise_members_may_transact_once_registered() {
	ext(development_config_genesis()).execute_with(|| {
		assert_eq!(validate(signed_take(Sr25519Keyring::One, 0)), refused(codes::NOT_REGISTERED));
		// Charlie//stash is an Industries scrutiny officer: the single-window registrar.
		assert_ok!(Enterprises::register_enterprise(
			RuntimeOrigin::signed(Sr25519Keyring::CharlieStash.to_account_id()),
			b"Acme Steel Pvt Ltd".to_vec().try_into().unwrap(),
			sp_core::H256::repeat_byte(1),
			Sr25519Keyring::One.to_account_id(),
		));
		assert_ok!(validate(signed(Sr25519Keyring::One, withdraw(), 0)));
		// An officer of another department may not register enterprises.
		assert!(Enterprises::register_enterprise(
			RuntimeOrigin::signed(Sr25519Keyring::Eve.to_account_id()),
			b"Other".to_vec().try_into().unwrap(),
			sp_core::H256::zero(),
			Sr25519Keyring::Two.to_account_id(),
		)
		.is_err());
	});
}

#[test]
fn presets_seed_the_clearance_catalogue() {
	ext(development_config_genesis()).execute_with(|| {
		assert_eq!(pallet_clearances::ClearanceTypes::<Runtime>::iter().count(), 7);
		let quick: pallet_clearances::TypeCode = b"DEMO_QUICK_NOC".to_vec().try_into().unwrap();
		assert_eq!(
			pallet_clearances::ClearanceTypes::<Runtime>::get(quick).unwrap().time_limit,
			MINUTES
		);
		assert_ok!(pallet_clearances::Pallet::<Runtime>::do_try_state());
	});
	ext(local_config_genesis()).execute_with(|| {
		assert_eq!(pallet_clearances::ClearanceTypes::<Runtime>::iter().count(), 6);
	});
}

/// On-chain bytes (keys and values) of one application with three clearance types, five
/// documents and twenty trail entries, with this runtime's real types (32-byte accounts).
#[test]
fn bytes_of_one_application_on_this_runtime() {
	use pallet_clearances::{InvestmentClass, Project, TypeCode};
	use sp_core::H256;
	use Sr25519Keyring::*;

	/// Bytes of (keys and values, values alone) in storage.
	fn state_bytes() -> (usize, usize) {
		let (mut total, mut values) = (0, 0);
		let mut key = Vec::new();
		while let Some(next) = sp_io::storage::next_key(&key) {
			let v = sp_io::storage::get(&next).map(|v| v.len()).unwrap_or(0);
			total += next.len() + v;
			values += v;
			key = next;
		}
		(total, values)
	}
	fn signed(k: Sr25519Keyring) -> RuntimeOrigin {
		RuntimeOrigin::signed(k.to_account_id())
	}
	let tc = |s: &str| -> TypeCode { s.as_bytes().to_vec().try_into().unwrap() };

	ext(development_config_genesis()).execute_with(|| {
		frame_system::Pallet::<Runtime>::set_block_number(1);
		let parcel = *b"WB19KOL0001234";
		assert_ok!(Enterprises::register_enterprise(signed(CharlieStash), b"Acme Steel".to_vec().try_into().unwrap(), H256::zero(), One.to_account_id()));
		assert_ok!(LandParcels::register_parcel(
			signed(Alice),
			parcel,
			b"Kolkata".to_vec().try_into().unwrap(),
			b"Rajarhat".to_vec().try_into().unwrap(),
			b"12/3".to_vec().try_into().unwrap(),
			10_000,
			clearance_primitives::LandUse::Agricultural,
			pallet_land_parcels::Holder::Enterprise(0),
		));
		let seq = pallet_audit::NextSeq::<Runtime>::get();
		frame_system::Pallet::<Runtime>::reset_events();
		let before = state_bytes();
		let kinds = ["SALE_DEED", "SITE_PLAN", "PROJECT_REPORT", "BUILDING_DRAWINGS", "AFFIDAVIT"];
		let docs: Vec<H256> = kinds.iter().enumerate().map(|(i, k)| {
			let h = H256::repeat_byte(i as u8 + 1);
			assert_ok!(Clearances::anchor_document(signed(One), h, k.as_bytes().to_vec().try_into().unwrap(), 100_000, None));
			h
		}).collect();
		let project = Project {
			name: b"Rajarhat Steel Works".to_vec().try_into().unwrap(),
			sector: b"Steel".to_vec().try_into().unwrap(),
			investment: InvestmentClass::Medium,
		};
		assert_ok!(Clearances::submit_application(
			signed(One),
			project,
			vec![parcel].try_into().unwrap(),
			vec![tc("LAND_USE_CONVERSION"), tc("CONSENT_TO_ESTABLISH"), tc("BUILDING_PLAN")]
				.try_into()
				.unwrap(),
			docs.try_into().unwrap(),
		));
		let (luc, cte, bp) = (0, 1, 2);
		assert_ok!(Clearances::take_case(signed(Eve), luc));
		assert_ok!(Clearances::raise_query(signed(Eve), luc, H256::zero()));
		assert_ok!(Clearances::respond_to_query(signed(One), luc, H256::zero(), Default::default()));
		assert_ok!(Clearances::approve(signed(AliceStash), luc, H256::zero()));
		assert_ok!(Clearances::take_case(signed(Ferdie), cte));
		assert_ok!(Clearances::approve(signed(BobStash), cte, H256::zero()));
		assert_ok!(Clearances::take_case(signed(CharlieStash), bp));
		assert_ok!(Clearances::reject(signed(CharlieStash), bp, 2, H256::zero()));
		let entries = pallet_audit::NextSeq::<Runtime>::get() - seq;
		frame_system::Pallet::<Runtime>::reset_events();
		let after = state_bytes();
		println!(
			"runtime: one application (3 types, 5 documents, {entries} trail entries): {} bytes of keys and values, {} bytes of values",
			after.0 - before.0,
			after.1 - before.1
		);
		assert_eq!(entries, 20);
		assert_ok!(pallet_clearances::Pallet::<Runtime>::do_try_state());
	});
}
