//! What the department registry does, by concern. Each `do_*` helper makes every check before
//! its first write; the calls in `lib.rs` only check the origin and call them.

mod council;
mod nodes;
mod registry;
mod roles;
