//! Weights for `pallet_departments` on the reference machine.
//!
//! Placeholder until `scripts/weights.sh` regenerates this file.

/// The pallet's own weights until the runtime's are generated.
pub type WeightInfo<T> = pallet_departments::weights::SubstrateWeight<T>;
