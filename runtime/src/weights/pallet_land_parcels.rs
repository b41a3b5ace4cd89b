//! Weights for `pallet_land_parcels` on the reference machine, generated into the pallet by
//! `scripts/weights.sh`.

/// The pallet's benchmarked weights.
pub type WeightInfo<T> = pallet_land_parcels::weights::SubstrateWeight<T>;
