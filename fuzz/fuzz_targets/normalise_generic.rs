//! Fuzz target `normalise_generic` (body in `src/targets.rs`): any bytes, as if already verified.
#![no_main]

use mention_triage::core::verify::VerifiedBody;

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    mention_triage_fuzz::targets::normalise_generic(VerifiedBody::for_tests(data));
});
