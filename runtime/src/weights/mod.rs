//! Weights of the runtime, all measured on the reference machine with `clearance-node benchmark`
//! (see `scripts/weights.sh`):
//! - `benchmark pallet`: the calls of our pallets (in each pallet's `weights.rs`, aliased here),
//!   `frame_system`'s calls and the transaction extensions (`frame_system_extensions`);
//! - `benchmark overhead`: the fixed cost of a block and of a transaction
//!   ([`block_weights`], [`extrinsic_weights`]);
//! - `benchmark storage`: the cost of a database read and write ([`paritydb_weights`]).

pub mod block_weights;
pub mod extrinsic_weights;
pub mod frame_system;
pub mod frame_system_extensions;
pub mod pallet_clearances;
pub mod pallet_departments;
pub mod pallet_enterprises;
pub mod pallet_land_parcels;
#[allow(unused_doc_comments)] // generated: doc comments on the fields of a constant
pub mod paritydb_weights;
