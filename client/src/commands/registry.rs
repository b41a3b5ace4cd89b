//! Who is who and what is registered: `whoami`, `enterprise`, `parcel`, `doc anchor`.

use crate::{
	args, chain,
	cli::{EnterpriseCmd, ParcelCmd},
	context::Context,
	failure::{Failure, Result},
	rpc::{self, ClearanceApiClient, BEST},
	show,
};
use clearance_runtime::RuntimeCall::{Clearances, Enterprises, LandParcels};
use serde_json::{json, Value};
use sp_core::H256;
use sp_io::hashing::sha2_256;
use std::path::Path;

/// `whoami [ACCOUNT]`: what the signing key (or ACCOUNT) may do.
pub async fn whoami(cx: &Context, account: Option<String>) -> Result<Value> {
	let who = match account {
		Some(a) => {
			args::account(&a)?;
			a
		},
		None => chain::address(&cx.key()?),
	};
	let v = rpc::read("clearance_account", cx.chain.rpc().account(who, BEST)).await?;
	if cx.human() {
		show::account(&v);
	}
	Ok(v)
}

/// `enterprise register`.
pub async fn enterprise(cx: &Context, cmd: EnterpriseCmd) -> Result<Value> {
	let EnterpriseCmd::Register { name, owner, identity_file } = cmd;
	let call = Enterprises(pallet_enterprises::Call::register_enterprise {
		name: args::bounded("enterprise name", &name)?,
		identity_hash: args::file_hash(&identity_file)?,
		owner: args::account(&owner)?,
	});
	cx.act(call, "Enterprise registered").await
}

/// `parcel register | show | freeze | unfreeze`.
pub async fn parcel(cx: &Context, cmd: ParcelCmd) -> Result<Value> {
	use pallet_land_parcels::{Call, Holder};
	match cmd {
		ParcelCmd::Register {
			ulpin,
			district,
			village,
			plot,
			area,
			land_use,
			enterprise,
			holder_file,
		} => {
			let holder = match (enterprise, holder_file) {
				(Some(e), _) => Holder::Enterprise(e),
				(None, Some(f)) => Holder::Private(args::file_hash(&f)?),
				(None, None) => return Err(Failure::input("give --enterprise or --holder-file")),
			};
			let call = LandParcels(Call::register_parcel {
				parcel: args::ulpin(&ulpin)?,
				district: args::bounded("district", &district)?,
				village: args::bounded("village", &village)?,
				plot: args::bounded("plot", &plot)?,
				area_sqm: area,
				land_use: args::land_use(&land_use)?,
				holder,
			});
			cx.act(call, "Parcel registered").await
		},
		ParcelCmd::Show { ulpin } => {
			args::ulpin(&ulpin)?;
			let request = cx.chain.rpc().parcel(ulpin, None, None, BEST);
			let v = rpc::read("clearance_parcel", request).await?;
			if cx.human() {
				show::parcel(&v);
			}
			Ok(v)
		},
		ParcelCmd::Freeze { ulpin, order } => {
			let call = LandParcels(Call::freeze_parcel {
				parcel: args::ulpin(&ulpin)?,
				order_hash: order.hash()?,
			});
			cx.act(call, "Parcel frozen").await
		},
		ParcelCmd::Unfreeze { ulpin, order } => {
			let call = LandParcels(Call::unfreeze_parcel {
				parcel: args::ulpin(&ulpin)?,
				order_hash: order.hash()?,
			});
			cx.act(call, "Freeze lifted").await
		},
	}
}

/// `doc hash FILE`: needs no node.
pub fn doc_hash(file: &Path, human: bool) -> Result<Value> {
	let bytes = args::read_file(file)?;
	let hash = H256(sha2_256(&bytes));
	if human {
		println!("{hash:?}");
	}
	Ok(json!({ "sha256": hash, "size": bytes.len() }))
}

/// `doc anchor FILE --kind KIND [--uri URI]`.
pub async fn doc_anchor(
	cx: &Context,
	file: &Path,
	kind: String,
	uri: Option<String>,
) -> Result<Value> {
	let bytes = args::read_file(file)?;
	let sha256 = H256(sha2_256(&bytes));
	let call = Clearances(pallet_clearances::Call::anchor_document {
		sha256,
		kind: args::bounded("document kind", &kind)?,
		size: bytes.len() as u64,
		uri: uri.map(|u| args::bounded("URI", &u)).transpose()?,
	});
	let mut v = cx.act(call, &format!("Document {sha256:?} anchored")).await?;
	v["sha256"] = json!(sha256);
	Ok(v)
}
