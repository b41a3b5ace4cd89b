//! The clearance runtime one `spec_version` later, with a marker migration
//! (`clearance_runtime::rehearsal`): natively, [`WASM_BINARY`], the code a council motion puts
//! on a live network in the live-upgrade test; in its wasm build, the runtime itself.

#![cfg_attr(not(feature = "std"), no_std)]

#[cfg(feature = "runtime-wasm")]
pub use clearance_runtime::*;

#[cfg(feature = "std")]
include!(concat!(env!("OUT_DIR"), "/wasm_binary.rs"));
