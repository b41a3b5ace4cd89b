//! Genesis presets: `development` (one validator, demo data) and `local_testnet` (four
//! department validators).
//!
//! Both start with the same four departments, heads and officers, all well-known development
//! accounts so that `--alice`-style keys work:
//!
//! | Code | Department | Head | Officers | Validator (`local`) |
//! |---|---|---|---|---|
//! | `LAND` | Land & Land Reforms | Alice | Eve (scrutiny), Alice//stash (approving) | Alice |
//! | `ENV` | Environment / Pollution Control Board | Bob | Ferdie (scrutiny), Bob//stash (approving) | Bob |
//! | `IND` | Industries (single-window nodal agency) | Charlie | Charlie//stash (scrutiny, approving) | Charlie |
//! | `FIRE` | Fire & Emergency Services | Dave | Dave//stash (scrutiny, approving) | Dave |
//!
//! On `development` only Alice validates (for `LAND`). `One` and `Two` hold no role.
//!
//! Both chains carry the clearance catalogue of [`catalogue`] (limits from the state's
//! single-window rules); `development` adds `DEMO_QUICK_NOC`, whose one-minute limit lets a test
//! watch deemed approval happen. Both carry a holiday calendar ([`holidays`]: illustrative, a
//! weekly day off for the first year), appeal terms for every type ([`appeal_terms`]: 30 days to
//! appeal and 30 for each appellate authority; minutes for `DEMO_QUICK_NOC`) and the West Bengal
//! act's penalty range, Rs 250 to 1,000. No account holds an appellate role at genesis (every
//! well-known development account already has a part): a department head grants
//! `AppellateOfficer` and `ReviewingOfficer` with `Departments::grant_role`.

use crate::{AccountId, RuntimeGenesisConfig, SessionConfig, SessionKeys, DAYS, MINUTES};
use alloc::{vec, vec::Vec};
use clearance_primitives::LandUse;
use pallet_clearances::{
	AppealTerms, GenesisAppealTerms, GenesisClearanceType, OnSilence, PenaltyRange,
};
use pallet_departments::{DepartmentKind, GenesisDepartment, Role};
use sp_genesis_builder::{PresetId, DEV_RUNTIME_PRESET, LOCAL_TESTNET_RUNTIME_PRESET};
use sp_keyring::{Ed25519Keyring, Sr25519Keyring};

/// The GRANDPA (ed25519) key of the same well-known development account.
fn grandpa_keyring(who: Sr25519Keyring) -> Ed25519Keyring {
	use Sr25519Keyring as S;
	match who {
		S::Alice => Ed25519Keyring::Alice,
		S::Bob => Ed25519Keyring::Bob,
		S::Charlie => Ed25519Keyring::Charlie,
		S::Dave => Ed25519Keyring::Dave,
		S::Eve => Ed25519Keyring::Eve,
		S::Ferdie => Ed25519Keyring::Ferdie,
		S::AliceStash => Ed25519Keyring::AliceStash,
		S::BobStash => Ed25519Keyring::BobStash,
		S::CharlieStash => Ed25519Keyring::CharlieStash,
		S::DaveStash => Ed25519Keyring::DaveStash,
		S::EveStash => Ed25519Keyring::EveStash,
		S::FerdieStash => Ed25519Keyring::FerdieStash,
		S::One => Ed25519Keyring::One,
		S::Two => Ed25519Keyring::Two,
	}
}

/// The session keys of a well-known development account (what `--alice` etc. insert).
pub fn session_keys(who: Sr25519Keyring) -> SessionKeys {
	SessionKeys { aura: who.public().into(), grandpa: grandpa_keyring(who).public().into() }
}

/// Peer ids of the well-known node keys `0x…01` to `0x…05` (what `--node-key` takes), as bytes:
/// the nodes of the `local` network. Land runs node 1, Environment 2, Industries 3 and the
/// public RPC node 5, Fire 4.
pub const LOCAL_NODES: [(&str, [u8; 38]); 5] = [
	(
		"LAND",
		hex_literal::hex!(
			"0024080112204cb5abf6ad79fbf5abbccafcc269d85cd2651ed4b885b5869f241aedf0a5ba29"
		),
	),
	(
		"ENV",
		hex_literal::hex!(
			"0024080112207422b9887598068e32c4448a949adb290d0f4e35b9e01b0ee5f1a1e600fe2674"
		),
	),
	(
		"IND",
		hex_literal::hex!(
			"002408011220f381626e41e7027ea431bfe3009e94bdd25a746beec468948d6c3c7c5dc9a54b"
		),
	),
	(
		"FIRE",
		hex_literal::hex!(
			"002408011220fd50b8e3b144ea244fbf7737f550bc8dd0c2650bbc1aada833ca17ff8dbf329b"
		),
	),
	(
		"IND",
		hex_literal::hex!(
			"002408011220fde4fba030ad002f7c2f7d4c331f49d13fb0ec747eceebec634f1ff4cbca9def"
		),
	),
];

/// The four demo departments, with the validators `validators` names (by department code);
/// with `permissioned`, each department lists its [`LOCAL_NODES`] and only those may connect.
pub fn demo_departments(
	validators: &[(&str, Sr25519Keyring)],
	permissioned: bool,
) -> Vec<GenesisDepartment<AccountId>> {
	use Sr25519Keyring::*;
	let validator =
		|code: &str| validators.iter().find(|(c, _)| *c == code).map(|(_, k)| k.to_account_id());
	let dept = |code: &str,
	            name: &str,
	            kind,
	            head: Sr25519Keyring,
	            officers: Vec<(Sr25519Keyring, Vec<Role>)>| {
		GenesisDepartment {
			code: code.into(),
			name: name.into(),
			kind,
			head: head.to_account_id(),
			validator: validator(code),
			officers: officers.into_iter().map(|(k, roles)| (k.to_account_id(), roles)).collect(),
			nodes: LOCAL_NODES
				.iter()
				.filter(|(c, _)| permissioned && *c == code)
				.map(|(_, id)| id.to_vec())
				.collect(),
		}
	};
	vec![
		dept(
			"LAND",
			"Land & Land Reforms",
			DepartmentKind::Land,
			Alice,
			vec![(Eve, vec![Role::ScrutinyOfficer]), (AliceStash, vec![Role::ApprovingAuthority])],
		),
		dept(
			"ENV",
			"Environment / Pollution Control Board",
			DepartmentKind::Environment,
			Bob,
			vec![(Ferdie, vec![Role::ScrutinyOfficer]), (BobStash, vec![Role::ApprovingAuthority])],
		),
		dept(
			"IND",
			"Industries (single-window nodal agency)",
			DepartmentKind::Industries,
			Charlie,
			vec![(CharlieStash, vec![Role::ScrutinyOfficer, Role::ApprovingAuthority])],
		),
		dept(
			"FIRE",
			"Fire & Emergency Services",
			DepartmentKind::Fire,
			Dave,
			vec![(DaveStash, vec![Role::ScrutinyOfficer, Role::ApprovingAuthority])],
		),
	]
}

/// Milliseconds in a year, for certificate validity.
const YEAR_MS: u64 = 365 * 24 * 3600 * 1000;

/// The clearance catalogue: department, time limit, what silence means, validity, prerequisites
/// and required documents of each type. With `demo`, a type with a one-minute limit.
pub fn catalogue(demo: bool) -> Vec<GenesisClearanceType> {
	use OnSilence::*;
	let t = |code: &str,
	         department: &str,
	         days: u32,
	         on_silence,
	         years: Option<u64>,
	         prerequisites: &[&str],
	         documents: &[&str],
	         converts_to| GenesisClearanceType {
		code: code.into(),
		department: department.into(),
		time_limit: days.saturating_mul(DAYS),
		response_limit: 20 * DAYS,
		on_silence,
		validity_ms: years.map(|y| y.saturating_mul(YEAR_MS)),
		prerequisites: prerequisites.iter().map(|p| (*p).into()).collect(),
		required_documents: documents.iter().map(|d| (*d).into()).collect(),
		converts_to,
	};
	let mut types = vec![
		t(
			"LAND_USE_CONVERSION",
			"LAND",
			30,
			Escalation,
			None,
			&[],
			&["SALE_DEED", "SITE_PLAN"],
			Some(LandUse::Industrial),
		),
		t(
			"CONSENT_TO_ESTABLISH",
			"ENV",
			30,
			Escalation,
			Some(5),
			&["LAND_USE_CONVERSION"],
			&["PROJECT_REPORT"],
			None,
		),
		t(
			"BUILDING_PLAN",
			"IND",
			21,
			DeemedApproval,
			Some(3),
			&["LAND_USE_CONVERSION"],
			&["BUILDING_DRAWINGS"],
			None,
		),
		t(
			"FIRE_NOC",
			"FIRE",
			15,
			DeemedApproval,
			Some(1),
			&["BUILDING_PLAN"],
			&["FIRE_SAFETY_PLAN"],
			None,
		),
		t(
			"CONSENT_TO_OPERATE",
			"ENV",
			30,
			Escalation,
			Some(5),
			&["CONSENT_TO_ESTABLISH", "FIRE_NOC"],
			&[],
			None,
		),
		t("TRADE_LICENCE", "IND", 7, DeemedApproval, Some(1), &[], &[], None),
	];
	if demo {
		types.push(GenesisClearanceType {
			code: "DEMO_QUICK_NOC".into(),
			department: "FIRE".into(),
			time_limit: MINUTES,
			response_limit: MINUTES,
			on_silence: DeemedApproval,
			validity_ms: Some(YEAR_MS),
			prerequisites: vec![],
			required_documents: vec![],
			converts_to: None,
		});
	}
	types
}

/// The holiday calendar (days from genesis): illustrative, the seventh day of each of the
/// first 52 weeks, so that 30-day limits span four or five holidays.
pub fn holidays() -> Vec<u32> {
	(0..52u32).map(|week| week.saturating_mul(7).saturating_add(6)).collect()
}

/// Appeal terms for every type of `catalogue`: 30 days to appeal, 30 for the Appellate Officer,
/// 30 to take it to the Reviewing Officer and 30 for them; `DEMO_QUICK_NOC` in minutes (5 to
/// appeal, 2 for each officer) so that a test can watch an appeal time out.
pub fn appeal_terms(catalogue: &[GenesisClearanceType]) -> Vec<GenesisAppealTerms> {
	let days = |n: u32| n.saturating_mul(DAYS);
	catalogue
		.iter()
		.map(|t| {
			let terms = if t.code == "DEMO_QUICK_NOC" {
				AppealTerms {
					window: MINUTES.saturating_mul(5),
					first_limit: MINUTES.saturating_mul(2),
					second_window: MINUTES.saturating_mul(5),
					second_limit: MINUTES.saturating_mul(2),
				}
			} else {
				AppealTerms {
					window: days(30),
					first_limit: days(30),
					second_window: days(30),
					second_limit: days(30),
				}
			};
			GenesisAppealTerms { code: t.code.clone(), terms }
		})
		.collect()
}

fn genesis(validators: &[(&str, Sr25519Keyring)], demo: bool) -> RuntimeGenesisConfig {
	let catalogue = catalogue(demo);
	RuntimeGenesisConfig {
		session: SessionConfig {
			keys: validators
				.iter()
				.map(|(_, k)| (k.to_account_id(), k.to_account_id(), session_keys(*k)))
				.collect(),
			..Default::default()
		},
		departments: pallet_departments::GenesisConfig {
			departments: demo_departments(validators, !demo),
		},
		clearances: pallet_clearances::GenesisConfig {
			appeal_terms: appeal_terms(&catalogue),
			catalogue,
			holidays: holidays(),
			penalty_range: Some(PenaltyRange { min: 250, max: 1000 }),
			..Default::default()
		},
		..Default::default()
	}
}

/// One validator (Alice, for `LAND`) and the demo departments.
pub fn development_config_genesis() -> RuntimeGenesisConfig {
	genesis(&[("LAND", Sr25519Keyring::Alice)], true)
}

/// Four department validators: Land (Alice), Environment (Bob), Industries (Charlie), Fire
/// (Dave).
pub fn local_config_genesis() -> RuntimeGenesisConfig {
	genesis(
		&[
			("LAND", Sr25519Keyring::Alice),
			("ENV", Sr25519Keyring::Bob),
			("IND", Sr25519Keyring::Charlie),
			("FIRE", Sr25519Keyring::Dave),
		],
		false,
	)
}

/// The JSON of preset `id`, if it exists.
pub fn get_preset(id: &PresetId) -> Option<Vec<u8>> {
	let config = match id.as_ref() {
		DEV_RUNTIME_PRESET => development_config_genesis(),
		LOCAL_TESTNET_RUNTIME_PRESET => local_config_genesis(),
		_ => return None,
	};
	// A genesis config of our own types always serialises; `None` would only hide a bug.
	serde_json::to_string(&config).ok().map(alloc::string::String::into_bytes)
}

/// The names of the presets.
pub fn preset_names() -> Vec<PresetId> {
	vec![PresetId::from(DEV_RUNTIME_PRESET), PresetId::from(LOCAL_TESTNET_RUNTIME_PRESET)]
}
