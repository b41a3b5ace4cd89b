//! Chain specifications, built from the runtime's genesis presets.

use sc_service::ChainType;

/// A chain specification of the Clearance Registry.
pub type ChainSpec = sc_service::GenericChainSpec;

fn wasm() -> Result<&'static [u8], String> {
	clearance_runtime::WASM_BINARY
		.ok_or_else(|| "The wasm runtime was not built; build without SKIP_WASM_BUILD".to_string())
}

fn properties() -> sc_service::Properties {
	let mut p = sc_service::Properties::new();
	// No token: these only keep wallets that expect them happy.
	p.insert("tokenSymbol".into(), "NONE".into());
	p.insert("tokenDecimals".into(), 0.into());
	p.insert("ss58Format".into(), 42.into());
	p
}

/// `dev`: one validator (Alice) and the demo departments.
pub fn development_chain_spec() -> Result<ChainSpec, String> {
	Ok(ChainSpec::builder(wasm()?, None)
		.with_name("Clearance Registry Development")
		.with_id("clearance_dev")
		.with_chain_type(ChainType::Development)
		.with_genesis_config_preset_name(sp_genesis_builder::DEV_RUNTIME_PRESET)
		.with_properties(properties())
		.build())
}

/// `local`: four department validators (Alice, Bob, Charlie, Dave).
pub fn local_chain_spec() -> Result<ChainSpec, String> {
	Ok(ChainSpec::builder(wasm()?, None)
		.with_name("Clearance Registry Local Testnet")
		.with_id("clearance_local")
		.with_chain_type(ChainType::Local)
		.with_genesis_config_preset_name(sp_genesis_builder::LOCAL_TESTNET_RUNTIME_PRESET)
		.with_properties(properties())
		.build())
}
