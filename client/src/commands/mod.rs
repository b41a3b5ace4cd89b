//! The commands, by group. Each returns the JSON `--json` prints, and prints text otherwise.

pub mod appeals;
pub mod applications;
pub mod audit;
pub mod certificates;
pub mod departments;
pub mod finality;
pub mod registry;
