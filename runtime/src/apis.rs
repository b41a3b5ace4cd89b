//! The runtime APIs the node and clients call.

use crate::{
	genesis_config_presets, AccountId, Aura, Block, Executive, Grandpa, InherentDataExt, Nonce,
	Runtime, RuntimeGenesisConfig, SessionKeys, System, VERSION,
};
use alloc::vec::Vec;
use frame_support::genesis_builder_helper::{build_state, get_preset};
#[cfg(feature = "try-runtime")]
use frame_support::weights::Weight;
use pallet_grandpa::AuthorityId as GrandpaId;
use sp_api::impl_runtime_apis;
use sp_consensus_aura::sr25519::AuthorityId as AuraId;
use sp_core::{crypto::KeyTypeId, OpaqueMetadata};
use sp_runtime::{
	traits::{Block as BlockT, NumberFor},
	transaction_validity::{TransactionSource, TransactionValidity},
	ApplyExtrinsicResult, ExtrinsicInclusionMode,
};
use sp_version::RuntimeVersion;

use crate::{BlockNumber, Clearances};
use clearance_primitives::{
	ApplicationId, CaseId, CertificateId, DepartmentCode, EnterpriseId, Subject, Ulpin,
};
use clearance_runtime_api::{
	AccountInfo, AppealView, ApplicationAppeals, ApplicationPage, ApplicationView, CaseState,
	CaseView, CertificateInfo, Dashboard, Page, ParcelView, TrailPage, MAX_PAGE,
};

fn page_size(limit: u32) -> u32 {
	limit.clamp(1, MAX_PAGE)
}

fn trail_page(
	subject: &Subject,
	from: u32,
	limit: u32,
) -> Option<TrailPage<AccountId, BlockNumber>> {
	let (head, entries) = pallet_audit::Pallet::<Runtime>::page(subject, from, page_size(limit))?;
	Some(TrailPage { len: head.len, head: head.head, from, entries })
}

impl_runtime_apis! {
	impl sp_api::Core<Block> for Runtime {
		fn version() -> RuntimeVersion {
			VERSION
		}

		fn execute_block(block: <Block as BlockT>::LazyBlock) {
			Executive::execute_block(block);
		}

		fn initialize_block(header: &<Block as BlockT>::Header) -> ExtrinsicInclusionMode {
			Executive::initialize_block(header)
		}
	}

	impl clearance_runtime_api::ClearanceApi<Block, AccountId, BlockNumber> for Runtime {
		fn application(id: ApplicationId) -> Option<ApplicationView<AccountId, BlockNumber>> {
			Clearances::application_view(id)
		}

		fn case(id: CaseId) -> Option<CaseView<AccountId, BlockNumber>> {
			Clearances::case_view(id)
		}

		fn applications_of(
			enterprise: EnterpriseId,
			after: Option<ApplicationId>,
			limit: u32,
		) -> Option<ApplicationPage<AccountId, BlockNumber>> {
			pallet_enterprises::Enterprises::<Runtime>::contains_key(enterprise)
				.then(|| Clearances::applications_page(enterprise, after, page_size(limit)))
		}

		fn work_queue(
			department: DepartmentCode,
			states: Vec<CaseState>,
			after: Option<(u32, CaseId)>,
			limit: u32,
		) -> Option<Page<CaseView<AccountId, BlockNumber>, (u32, CaseId)>> {
			if !pallet_departments::Departments::<Runtime>::contains_key(&department) {
				return None;
			}
			// Each state at most once, however many times the caller repeated it: one pass over
			// the input, then the queue is read per distinct state.
			let mut wanted = [false; pallet_clearances::CaseState::ALL.len()];
			for s in states.iter() {
				if let Some(w) = wanted.get_mut(*s as usize) {
					*w = true;
				}
			}
			let states: Vec<CaseState> = if states.is_empty() {
				pallet_clearances::QUEUED_STATES.to_vec()
			} else {
				pallet_clearances::CaseState::ALL
					.iter()
					.zip(wanted)
					.filter_map(|(s, w)| w.then_some(*s))
					.collect()
			};
			Some(Clearances::work_queue(&department, &states, after, page_size(limit), None))
		}

		fn overdue(
			department: Option<DepartmentCode>,
			limit: u32,
		) -> Option<Vec<CaseView<AccountId, BlockNumber>>> {
			let departments: Vec<DepartmentCode> = match department {
				Some(d) => {
					if !pallet_departments::Departments::<Runtime>::contains_key(&d) {
						return None;
					}
					alloc::vec![d]
				},
				None => pallet_departments::Departments::<Runtime>::iter_keys().collect(),
			};
			let limit = page_size(limit);
			let mut cases: Vec<_> =
				departments.iter().flat_map(|d| Clearances::overdue(d, limit)).collect();
			cases.sort_by_key(|c| (Clearances::queue_due(&c.case), c.id));
			cases.truncate(limit as usize);
			Some(cases)
		}

		fn parcel(ulpin: Ulpin, from: u32, limit: u32) -> Option<ParcelView<AccountId, BlockNumber>> {
			let parcel = pallet_land_parcels::Parcels::<Runtime>::get(ulpin)?;
			let history = trail_page(&Subject::Parcel(ulpin), from, limit).unwrap_or(TrailPage {
				len: 0,
				head: Default::default(),
				from,
				entries: Vec::new(),
			});
			Some(ParcelView {
				parcel,
				live_cases: pallet_clearances::LiveCasesOf::<Runtime>::get(ulpin).into_inner(),
				certificates: pallet_clearances::CertificatesOf::<Runtime>::get(ulpin).into_inner(),
				history,
			})
		}

		fn certificate(number: CertificateId, at: Option<u64>) -> Option<CertificateInfo> {
			let view = Clearances::certificate_view(number, at)?;
			let holder = pallet_enterprises::Enterprises::<Runtime>::get(view.certificate.enterprise)
				.map(|e| e.name.into_inner())
				.unwrap_or_default();
			Some(CertificateInfo { view, holder })
		}

		fn trail(subject: Subject, from: u32, limit: u32) -> Option<TrailPage<AccountId, BlockNumber>> {
			trail_page(&subject, from, limit)
		}

		fn dashboard(department: DepartmentCode) -> Option<Dashboard> {
			pallet_departments::Departments::<Runtime>::contains_key(&department)
				.then(|| Clearances::dashboard(&department))
		}

		fn account(who: AccountId) -> AccountInfo {
			let officer_of = pallet_departments::Officers::<Runtime>::get(&who)
				.map(|o| (o.department, o.grants.iter().map(|g| g.role).collect()));
			let enterprise = pallet_enterprises::Members::<Runtime>::get(&who).map(|e| {
				let owner = pallet_enterprises::Enterprises::<Runtime>::get(e)
					.is_some_and(|r| r.owner == who);
				(e, owner)
			});
			AccountInfo {
				head_of: pallet_departments::HeadOf::<Runtime>::get(&who),
				officer_of,
				enterprise,
				validator_of: pallet_departments::ValidatorOf::<Runtime>::get(&who),
			}
		}

		fn refusal_reason(code: u8) -> Option<Vec<u8>> {
			crate::extensions::codes::describe(code).map(|text| text.as_bytes().to_vec())
		}

		fn application_appeals(
			id: ApplicationId,
		) -> Option<ApplicationAppeals<AccountId, BlockNumber>> {
			// Bounded: `MaxTypes` cases, each with at most `MaxAppealsPerCase` appeals.
			if !pallet_clearances::Applications::<Runtime>::contains_key(id) {
				return None;
			}
			let now = System::block_number();
			let calendar = Clearances::calendar();
			let pending = |a: &pallet_clearances::Appeal<AccountId, BlockNumber>| {
				a.status == pallet_clearances::AppealStatus::Pending
			};
			Some(
				Clearances::application_appeals(id)
					.into_iter()
					.map(|(id, appeal)| {
						let running = pending(&appeal);
						AppealView {
							id,
							left: if running { appeal.clock.left(now, &calendar) } else { 0 },
							due: if running { appeal.clock.due(&calendar) } else { None },
							appeal,
						}
					})
					.collect(),
			)
		}
	}

	impl pallet_departments_runtime_api::NodeAuthorizationApi<Block> for Runtime {
		fn authorized_nodes() -> Vec<Vec<u8>> {
			pallet_departments::Pallet::<Runtime>::authorized_nodes()
		}
	}

	impl sp_api::Metadata<Block> for Runtime {
		fn metadata() -> OpaqueMetadata {
			OpaqueMetadata::new(Runtime::metadata().into())
		}

		fn metadata_at_version(version: u32) -> Option<OpaqueMetadata> {
			Runtime::metadata_at_version(version)
		}

		fn metadata_versions() -> Vec<u32> {
			Runtime::metadata_versions()
		}
	}

	impl sp_block_builder::BlockBuilder<Block> for Runtime {
		fn apply_extrinsic(extrinsic: <Block as BlockT>::Extrinsic) -> ApplyExtrinsicResult {
			Executive::apply_extrinsic(extrinsic)
		}

		fn finalize_block() -> <Block as BlockT>::Header {
			Executive::finalize_block()
		}

		fn inherent_extrinsics(data: sp_inherents::InherentData) -> Vec<<Block as BlockT>::Extrinsic> {
			data.create_extrinsics()
		}

		fn check_inherents(
			block: <Block as BlockT>::LazyBlock,
			data: sp_inherents::InherentData,
		) -> sp_inherents::CheckInherentsResult {
			data.check_extrinsics(&block)
		}
	}

	impl sp_transaction_pool::runtime_api::TaggedTransactionQueue<Block> for Runtime {
		fn validate_transaction(
			source: TransactionSource,
			tx: <Block as BlockT>::Extrinsic,
			block_hash: <Block as BlockT>::Hash,
		) -> TransactionValidity {
			Executive::validate_transaction(source, tx, block_hash)
		}
	}

	impl sp_offchain::OffchainWorkerApi<Block> for Runtime {
		fn offchain_worker(header: &<Block as BlockT>::Header) {
			Executive::offchain_worker(header)
		}
	}

	impl sp_consensus_aura::AuraApi<Block, AuraId> for Runtime {
		fn slot_duration() -> sp_consensus_aura::SlotDuration {
			sp_consensus_aura::SlotDuration::from_millis(Aura::slot_duration())
		}

		fn authorities() -> Vec<AuraId> {
			pallet_aura::Authorities::<Runtime>::get().into_inner()
		}
	}

	impl sp_session::SessionKeys<Block> for Runtime {
		fn generate_session_keys(owner: Vec<u8>, seed: Option<Vec<u8>>) -> sp_session::OpaqueGeneratedSessionKeys {
			SessionKeys::generate(&owner, seed).into()
		}

		fn decode_session_keys(encoded: Vec<u8>) -> Option<Vec<(Vec<u8>, KeyTypeId)>> {
			SessionKeys::decode_into_raw_public_keys(&encoded)
		}
	}

	impl sp_consensus_grandpa::GrandpaApi<Block> for Runtime {
		fn grandpa_authorities() -> sp_consensus_grandpa::AuthorityList {
			Grandpa::grandpa_authorities()
		}

		fn current_set_id() -> sp_consensus_grandpa::SetId {
			Grandpa::current_set_id()
		}

		fn submit_report_equivocation_unsigned_extrinsic(
			_equivocation_proof: sp_consensus_grandpa::EquivocationProof<
				<Block as BlockT>::Hash,
				NumberFor<Block>,
			>,
			_key_owner_proof: sp_consensus_grandpa::OpaqueKeyOwnershipProof,
		) -> Option<()> {
			// Equivocations are handled by the council, not by slashing: there is no stake.
			None
		}

		fn generate_key_ownership_proof(
			_set_id: sp_consensus_grandpa::SetId,
			_authority_id: GrandpaId,
		) -> Option<sp_consensus_grandpa::OpaqueKeyOwnershipProof> {
			None
		}
	}

	impl frame_system_rpc_runtime_api::AccountNonceApi<Block, AccountId, Nonce> for Runtime {
		fn account_nonce(account: AccountId) -> Nonce {
			System::account_nonce(account)
		}
	}

	#[cfg(feature = "runtime-benchmarks")]
	impl frame_benchmarking::Benchmark<Block> for Runtime {
		fn benchmark_metadata(extra: bool) -> (
			Vec<frame_benchmarking::BenchmarkList>,
			Vec<frame_support::traits::StorageInfo>,
		) {
			use frame_benchmarking::BenchmarkList;
			use frame_support::traits::StorageInfoTrait;
			use frame_system_benchmarking::{
				extensions::Pallet as SystemExtensionsBench, Pallet as SystemBench,
			};
			use crate::*;

			let mut list = Vec::<BenchmarkList>::new();
			list_benchmarks!(list, extra);
			let storage_info = AllPalletsWithSystem::storage_info();
			(list, storage_info)
		}

		#[allow(non_local_definitions)]
		fn dispatch_benchmark(
			config: frame_benchmarking::BenchmarkConfig
		) -> Result<Vec<frame_benchmarking::BenchmarkBatch>, alloc::string::String> {
			use frame_benchmarking::BenchmarkBatch;
			use frame_support::traits::{TrackedStorageKey, WhitelistedStorageKeys};
			use frame_system_benchmarking::{
				extensions::Pallet as SystemExtensionsBench, Pallet as SystemBench,
			};
			use crate::*;

			impl frame_system_benchmarking::Config for Runtime {}

			let whitelist: Vec<TrackedStorageKey> = AllPalletsWithSystem::whitelisted_storage_keys();
			let mut batches = Vec::<BenchmarkBatch>::new();
			let params = (&config, &whitelist);
			add_benchmarks!(params, batches);
			Ok(batches)
		}
	}

	#[cfg(feature = "try-runtime")]
	impl frame_try_runtime::TryRuntime<Block> for Runtime {
		fn on_runtime_upgrade(checks: frame_try_runtime::UpgradeCheckSelect) -> (Weight, Weight) {
			// try-runtime only: a failed migration check must stop the run with its message.
			let weight = Executive::try_runtime_upgrade(checks).expect("migration checks pass");
			(weight, crate::configs::RuntimeBlockWeights::get().max_block)
		}

		fn execute_block(
			block: <Block as BlockT>::LazyBlock,
			state_root_check: bool,
			signature_check: bool,
			select: frame_try_runtime::TryStateSelect
		) -> Weight {
			Executive::try_execute_block(block, state_root_check, signature_check, select)
				.expect("execute-block failed")
		}
	}

	impl sp_genesis_builder::GenesisBuilder<Block> for Runtime {
		fn build_state(config: Vec<u8>) -> sp_genesis_builder::Result {
			build_state::<RuntimeGenesisConfig>(config)
		}

		fn get_preset(id: &Option<sp_genesis_builder::PresetId>) -> Option<Vec<u8>> {
			get_preset::<RuntimeGenesisConfig>(id, genesis_config_presets::get_preset)
		}

		fn preset_names() -> Vec<sp_genesis_builder::PresetId> {
			genesis_config_presets::preset_names()
		}
	}
}
