//! The signers of the load: officers, Land clerks and enterprise owners, made ready on the
//! chain (roles granted, enterprises registered, documents anchored), and the transactions
//! they sign (mortal, for the chain's spec version: [`clearance_runtime::signing::signed_extrinsic_for`]).

use crate::submitter::{Birth, Chain, Signed};
use clearance_primitives::{LandUse, Role, Ulpin};
use clearance_runtime::{signing, AccountId, RuntimeCall, RuntimeEvent};
use codec::Encode;
use jsonrpsee::{core::client::ClientT, http_client::HttpClient, rpc_params};
use pallet_clearances::{InvestmentClass, Project};
use sp_core::{sr25519, Pair, H256};
use std::{collections::HashMap, time::Instant};

/// A signing account with its next nonce.
pub struct Signer {
	pair: sr25519::Pair,
	id: AccountId,
	nonce: u32,
}

impl Signer {
	fn new(uri: &str) -> Self {
		let pair = sr25519::Pair::from_string(uri, None).expect("valid dev URI");
		Self { id: pair.public().into(), pair, nonce: 0 }
	}

	/// Sign `call` with the next nonce, mortal from `birth`: the encoded transaction and its hash.
	pub fn sign(&mut self, call: RuntimeCall, birth: Birth) -> Signed {
		let tx = signing::signed_extrinsic_for(
			birth.spec_version,
			&self.pair,
			call,
			self.nonce,
			birth.genesis,
			birth.anchor,
		);
		self.nonce += 1;
		let bytes = tx.encode();
		let hash = H256(sp_io::hashing::blake2_256(&bytes));
		(bytes, hash)
	}
}

pub struct Actors {
	/// IND officers (scrutiny and approving).
	pub officers: Vec<Signer>,
	/// LAND record keepers.
	pub clerks: Vec<Signer>,
	/// Enterprise owners.
	pub owners: Vec<Signer>,
	/// The enterprise of each owner, by owner index.
	enterprises: Vec<u32>,
	/// The owner index of each enterprise.
	owner_of: HashMap<u32, usize>,
	next_parcel: u64,
}

fn ulpin(n: u64) -> Ulpin {
	let mut u = *b"BN00000000000000";
	let digits = format!("{n:012}");
	u[2..14].copy_from_slice(digits.as_bytes());
	u[..14].try_into().unwrap()
}

async fn chain_nonce(http: &HttpClient, who: &AccountId) -> u32 {
	http.request("system_accountNextIndex", rpc_params![who.to_string()]).await.unwrap()
}

/// Make `officers` Industries officers, `clerks` Land clerks and `owners` enterprise owners
/// ready: roles granted by the heads, enterprises registered, two documents anchored each.
pub async fn setup(chain: &Chain, officers: usize, clerks: usize, owners: usize) -> Actors {
	let t0 = Instant::now();
	let mut charlie = Signer::new("//Charlie");
	let mut alice = Signer::new("//Alice");
	charlie.nonce = chain_nonce(&chain.http, &charlie.id).await;
	alice.nonce = chain_nonce(&chain.http, &alice.id).await;
	let officers: Vec<Signer> =
		(0..officers).map(|i| Signer::new(&format!("//bench//ind//{i}"))).collect();
	let clerks: Vec<Signer> =
		(0..clerks).map(|i| Signer::new(&format!("//bench//land//{i}"))).collect();
	let mut owners: Vec<Signer> =
		(0..owners).map(|i| Signer::new(&format!("//bench//owner//{i}"))).collect();
	// Heads grant roles, 60 at a time (the pool holds 64 per signer).
	let mut grants = Vec::new();
	for o in &officers {
		for role in [Role::ScrutinyOfficer, Role::ApprovingAuthority] {
			grants.push((0, o.id.clone(), role));
		}
	}
	for c in &clerks {
		grants.push((1, c.id.clone(), Role::ScrutinyOfficer));
	}
	for chunk in grants.chunks(60) {
		let birth = chain.birth();
		let txs = chunk
			.iter()
			.map(|(head, who, role)| {
				let call = RuntimeCall::Departments(pallet_departments::Call::grant_role {
					officer: who.clone(),
					role: *role,
				});
				if *head == 0 {
					charlie.sign(call, birth)
				} else {
					alice.sign(call, birth)
				}
			})
			.collect();
		chain.run_batch(txs, "role grants").await;
	}
	// Officers register the enterprises; their ids follow the order of inclusion, which the pool
	// chooses, so each owner's id is read from its registration's event.
	let mut officers = officers;
	let n_off = officers.len();
	let birth = chain.birth();
	let txs = owners
		.iter()
		.enumerate()
		.map(|(i, o)| {
			let call = RuntimeCall::Enterprises(pallet_enterprises::Call::register_enterprise {
				name: format!("Bench Enterprise {i}").into_bytes().try_into().expect("short name"),
				identity_hash: H256::repeat_byte(7),
				owner: o.id.clone(),
			});
			officers[i % n_off].sign(call, birth)
		})
		.collect::<Vec<_>>();
	let registrations: Vec<H256> = txs.iter().map(|t| t.1).collect();
	chain.run_batch(txs, "enterprise registrations").await;
	let enterprises: Vec<u32> = {
		let t = chain.tracker.lock().unwrap();
		registrations
			.iter()
			.map(|h| {
				t.txs[h]
					.events
					.iter()
					.find_map(|e| match e {
						RuntimeEvent::Enterprises(
							pallet_enterprises::Event::EnterpriseRegistered { enterprise, .. },
						) => Some(*enterprise),
						_ => None,
					})
					.expect("a registered enterprise")
			})
			.collect()
	};
	let owner_of = enterprises.iter().enumerate().map(|(i, e)| (*e, i)).collect();
	// Each owner anchors the two documents a land-use conversion needs.
	let birth = chain.birth();
	let txs = owners
		.iter_mut()
		.enumerate()
		.flat_map(|(i, o)| {
			["SALE_DEED", "SITE_PLAN"]
				.into_iter()
				.map(|kind| {
					let call = RuntimeCall::Clearances(pallet_clearances::Call::anchor_document {
						sha256: H256(sp_io::hashing::blake2_256(format!("{i}/{kind}").as_bytes())),
						kind: kind.as_bytes().to_vec().try_into().expect("short kind"),
						size: 1 << 20,
						uri: None,
					});
					o.sign(call, birth)
				})
				.collect::<Vec<_>>()
		})
		.collect();
	chain.run_batch(txs, "document anchors").await;
	eprintln!(
		"setup: {} officers, {} clerks, {} enterprises in {:.1} s",
		officers.len(),
		clerks.len(),
		owners.len(),
		t0.elapsed().as_secs_f64()
	);
	Actors { officers, clerks, owners, enterprises, owner_of, next_parcel: 0 }
}

fn project(i: usize) -> Project {
	Project {
		name: format!("Bench project {i}").into_bytes().try_into().unwrap(),
		sector: b"Manufacturing".to_vec().try_into().unwrap(),
		investment: InvestmentClass::Small,
	}
}

fn docs(owner: usize) -> Vec<H256> {
	["SALE_DEED", "SITE_PLAN"]
		.into_iter()
		.map(|k| H256(sp_io::hashing::blake2_256(format!("{owner}/{k}").as_bytes())))
		.collect()
}

impl Actors {
	/// Read the owners' next nonces from the node again: a refused transaction leaves a gap that
	/// would hold back the owner's later ones.
	pub async fn resync_owners(&mut self, http: &HttpClient) {
		for o in &mut self.owners {
			o.nonce = chain_nonce(http, &o.id).await;
		}
	}

	/// The index of the owner of `enterprise`.
	pub fn owner(&self, enterprise: u32) -> usize {
		self.owner_of[&enterprise]
	}

	/// Register `n` parcels held by enterprises, signed by the clerks in turn.
	pub fn parcels(&mut self, n: usize, birth: Birth) -> (Vec<Signed>, Vec<(Ulpin, u32)>) {
		let mut txs = Vec::with_capacity(n);
		let mut parcels = Vec::with_capacity(n);
		for k in 0..n {
			let id = ulpin(self.next_parcel);
			self.next_parcel += 1;
			let enterprise = self.enterprises[k % self.owners.len()];
			let call = RuntimeCall::LandParcels(pallet_land_parcels::Call::register_parcel {
				parcel: id,
				district: b"Bench".to_vec().try_into().expect("short"),
				village: b"Load".to_vec().try_into().expect("short"),
				plot: format!("{k}").into_bytes().try_into().expect("short plot"),
				area_sqm: 1000,
				land_use: LandUse::Agricultural,
				holder: pallet_land_parcels::Holder::Enterprise(enterprise),
			});
			let clerks = self.clerks.len();
			txs.push(self.clerks[k % clerks].sign(call, birth));
			parcels.push((id, enterprise));
		}
		(txs, parcels)
	}

	/// An application by the owner of `enterprise` for `types` on `parcel`.
	pub fn apply(
		&mut self,
		enterprise: u32,
		parcel: Ulpin,
		types: &[&str],
		birth: Birth,
	) -> Signed {
		let owner = self.owner(enterprise);
		let call = RuntimeCall::Clearances(pallet_clearances::Call::submit_application {
			project: project(owner),
			parcels: vec![parcel].try_into().expect("one parcel"),
			types: types
				.iter()
				.map(|t| t.as_bytes().to_vec().try_into().expect("short code"))
				.collect::<Vec<_>>()
				.try_into()
				.expect("few types"),
			documents: docs(owner).try_into().expect("two documents"),
		});
		self.owners[owner].sign(call, birth)
	}
}
