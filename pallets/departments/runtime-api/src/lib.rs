//! # Department registry runtime API
//!
//! ## Terminology
//!
//! - **Authorised node**: a libp2p peer id a department listed with `Departments::set_nodes`.
//!   Department nodes accept connections only from authorised nodes once the list is not
//!   empty; the node follows the list at every finalized block.

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

use alloc::vec::Vec;

sp_api::decl_runtime_apis! {
	/// Which nodes may join the network.
	#[api_version(1)]
	pub trait NodeAuthorizationApi {
		/// The peer ids (as bytes) of every department's nodes; empty for an open network.
		fn authorized_nodes() -> Vec<Vec<u8>>;
	}
}
