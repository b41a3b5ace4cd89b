//! Weights for `pallet_enterprises` on the reference machine, generated into the pallet by
//! `scripts/weights.sh`.

/// The pallet's benchmarked weights.
pub type WeightInfo<T> = pallet_enterprises::weights::SubstrateWeight<T>;
