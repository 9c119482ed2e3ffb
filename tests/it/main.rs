//! Integration tests: one binary (`cargo test --test it`), one module per concern.

mod attack;
mod fuzz_smoke;
mod harness;
mod intake;
