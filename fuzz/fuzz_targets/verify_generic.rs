//! Fuzz target `verify_generic` (body in `src/targets.rs`).
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    mention_triage_fuzz::targets::verify_generic(data);
});
