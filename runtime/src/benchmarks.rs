//! The pallets benchmarked by `clearance-node benchmark pallet`.

frame_benchmarking::define_benchmarks!(
	[frame_system, SystemBench::<Runtime>]
	[pallet_departments, Departments]
);
