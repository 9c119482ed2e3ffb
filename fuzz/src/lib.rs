//! Fuzz target bodies, shared by the libFuzzer binaries in `fuzz_targets/` and by the
//! deterministic smoke run in the main crate's tests (`tests/it/fuzz_smoke.rs` includes
//! `targets.rs` by path), so both exercise exactly the same code.

pub mod targets;
