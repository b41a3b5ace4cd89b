//! A validator of a real chain never runs with a well-known key.
//!
//! The `local` chain lists the node keys `0x…01` to `0x…05` and the development session keys
//! (Alice, Bob, ...): anyone can derive them. A chain spec copied from `local` to a real
//! deployment would admit anyone who knows them, and a validator started with `--alice` would
//! sign blocks with a key everyone holds. So a validator of any chain but a development or
//! local one (`chainType` `Development` or `Local`) refuses to start with a well-known node key
//! or with development session keys in its keystore.

use sc_network::config::{ed25519, NodeKeyConfig, Secret};
use sc_service::{config::Configuration, ChainType};
use sp_core::crypto::key_types;
use sp_keyring::{Ed25519Keyring, Sr25519Keyring};
use sp_keystore::KeystorePtr;

/// The node keys of the `local` chain's well-known nodes: `0x…01` to `0x…05`.
const WELL_KNOWN_NODE_KEYS: u8 = 5;

/// Development accounts whose session keys (Aura sr25519, GRANDPA ed25519) anyone can derive.
const DEV_ACCOUNTS: [(Sr25519Keyring, Ed25519Keyring); 6] = [
	(Sr25519Keyring::Alice, Ed25519Keyring::Alice),
	(Sr25519Keyring::Bob, Ed25519Keyring::Bob),
	(Sr25519Keyring::Charlie, Ed25519Keyring::Charlie),
	(Sr25519Keyring::Dave, Ed25519Keyring::Dave),
	(Sr25519Keyring::Eve, Ed25519Keyring::Eve),
	(Sr25519Keyring::Ferdie, Ed25519Keyring::Ferdie),
];

/// Well-known node key number `n`: 31 zero bytes, then `n`.
fn well_known_secret(n: u8) -> [u8; 32] {
	let mut key = [0u8; 32];
	key[31] = n;
	key
}

fn node_key_is_well_known(config: &NodeKeyConfig) -> bool {
	let keypair = match config.clone() {
		NodeKeyConfig::Ed25519(Secret::New) => return false,
		other => match other.into_keypair() {
			Ok(k) => k,
			// The network will report an unreadable key itself.
			Err(_) => return false,
		},
	};
	let peer = keypair.public().to_peer_id();
	(1..=WELL_KNOWN_NODE_KEYS).any(|n| {
		ed25519::SecretKey::try_from_bytes(well_known_secret(n))
			.map(|s| ed25519::Keypair::from(s).public().to_peer_id() == peer)
			.unwrap_or(false)
	})
}

fn has_dev_session_keys(keystore: &KeystorePtr) -> Option<String> {
	DEV_ACCOUNTS.iter().find_map(|(aura, grandpa)| {
		let keys = [
			(aura.public().0.to_vec(), key_types::AURA),
			(grandpa.public().0.to_vec(), key_types::GRANDPA),
		];
		keys.iter()
			.any(|k| keystore.has_keys(core::slice::from_ref(k)))
			.then(|| format!("{aura:?}"))
	})
}

/// Refuse to run a validator of a real chain with a well-known node key or development session
/// keys.
pub fn refuse_well_known_keys(
	config: &Configuration,
	keystore: &KeystorePtr,
) -> Result<(), sc_service::Error> {
	if !config.role.is_authority()
		|| matches!(config.chain_spec.chain_type(), ChainType::Development | ChainType::Local)
	{
		return Ok(());
	}
	if node_key_is_well_known(&config.network.node_key) {
		return Err(sc_service::Error::Other(
			"this validator's node key is one of the well-known development keys (0x…01 to \
			 0x…05); generate its own with `clearance-node key generate-node-key`"
				.into(),
		));
	}
	if let Some(seed) = &config.dev_key_seed {
		return Err(sc_service::Error::Other(format!(
			"a validator of a real chain cannot use the development key {seed} (--alice, --bob, \
			 ...); insert the department's own keys (`clearance-node key insert`)"
		)));
	}
	if let Some(seed) = has_dev_session_keys(keystore) {
		return Err(sc_service::Error::Other(format!(
			"this validator's keystore holds the development session keys of {seed}, which \
			 anyone can derive; insert the department's own keys (`clearance-node key insert`)"
		)));
	}
	Ok(())
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn the_local_node_keys_are_well_known() {
		let key = |n| {
			NodeKeyConfig::Ed25519(Secret::Input(
				ed25519::SecretKey::try_from_bytes(well_known_secret(n)).unwrap(),
			))
		};
		assert!(node_key_is_well_known(&key(1)));
		assert!(node_key_is_well_known(&key(5)));
		assert!(!node_key_is_well_known(&key(6)));
		assert!(!node_key_is_well_known(&NodeKeyConfig::Ed25519(Secret::New)));
	}
}
