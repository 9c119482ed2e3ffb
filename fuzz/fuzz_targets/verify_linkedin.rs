//! Fuzz target `verify_linkedin` (body in `src/targets.rs`).
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    mention_triage_fuzz::targets::verify_linkedin(data);
});
