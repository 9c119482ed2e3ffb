//! The fuzz targets of `fuzz/` run as a short deterministic smoke inside `cargo test`: the same
//! target bodies (`fuzz/src/targets.rs`, included by path), fed by a seeded proptest mutator
//! starting from the raw samples in `events/raw/` and honest signatures. Long coverage-guided
//! runs use `cargo fuzz` (see `fuzz/README.md`); this catches regressions on every test run
//! without a nightly toolchain or a sanitizer build.

#[path = "../../fuzz/src/targets.rs"]
mod targets;

use mention_triage::core::verify::{self, Limits, Secret, SecretKind, VerifiedBody};
use proptest::prelude::*;
use proptest::test_runner::{Config, RngAlgorithm, TestRng, TestRunner};

/// Cases per target; raise with `TRIAGE_FUZZ_SMOKE_CASES` for a longer local run.
fn cases() -> u32 {
    std::env::var("TRIAGE_FUZZ_SMOKE_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(1500)
}

fn runner() -> TestRunner {
    let config = Config {
        cases: cases(),
        failure_persistence: None,
        ..Config::default()
    };
    TestRunner::new_with_rng(config, TestRng::deterministic_rng(RngAlgorithm::ChaCha))
}

fn raw_samples(prefix: &str) -> Vec<Vec<u8>> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("events/raw");
    let mut names: Vec<_> = std::fs::read_dir(&dir)
        .expect("events/raw")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with(prefix) && n.ends_with(".json"))
        })
        .collect();
    names.sort();
    names
        .iter()
        .map(|p| std::fs::read(p).expect("sample"))
        .collect()
}

/// One edit: 0 flip a bit, 1 insert a byte, 2 delete a byte, 3 truncate, 4 splice a JSON token.
fn mutate(seed: &[u8], edits: &[(u8, usize, u8)]) -> Vec<u8> {
    const TOKENS: [&[u8]; 10] = [
        b"{",
        b"}",
        b"[",
        b"]",
        b"\"",
        b",",
        b"null",
        b"-1",
        b"\\u0000",
        b"99999999999999999999",
    ];
    let mut b = seed.to_vec();
    for &(op, pos, val) in edits {
        let at = if b.is_empty() { 0 } else { pos % (b.len() + 1) };
        match op % 5 {
            0 if at < b.len() => b[at] ^= 1 << (val % 8),
            1 => b.insert(at, val),
            2 if at < b.len() => {
                b.remove(at);
            }
            3 => b.truncate(at),
            4 => {
                let t = TOKENS[usize::from(val) % TOKENS.len()];
                b.splice(at..at, t.iter().copied());
            }
            _ => {}
        }
    }
    b
}

/// Seeds mutated, plus plain random bytes.
fn inputs(seeds: Vec<Vec<u8>>) -> impl Strategy<Value = Vec<u8>> {
    let n = seeds.len().max(1);
    let mutated = (
        0..n,
        prop::collection::vec((any::<u8>(), any::<usize>(), any::<u8>()), 0..8),
    )
        .prop_map(move |(i, edits)| mutate(seeds.get(i).map_or(&[][..], |s| s), &edits));
    prop_oneof![4 => mutated, 1 => prop::collection::vec(any::<u8>(), 0..256)]
}

fn run(name: &str, seeds: Vec<Vec<u8>>, f: impl Fn(&[u8])) {
    let mut r = runner();
    r.run(&inputs(seeds), |data| {
        f(&data);
        Ok(())
    })
    .unwrap_or_else(|e| panic!("{name}: {e}"));
}

/// A verified view of arbitrary bytes, obtained the honest way (sign, then verify), since the
/// test-only constructor is not compiled into integration tests.
fn verified(data: &[u8], f: impl FnOnce(VerifiedBody<'_>)) {
    let key = Secret::parse("smoke", SecretKind::Raw).expect("secret");
    let set = verify::SecretSet::parse_list("smoke", SecretKind::Raw).expect("set");
    let sig = verify::meta_signature(&key, data);
    let limits = Limits {
        max_body_bytes: usize::MAX,
        replay_window_secs: 300,
    };
    if let Ok(v) = verify::verify_meta(&[&sig], data, &set, &limits) {
        f(v);
    }
}

fn first_secret() -> Secret {
    let s = targets::RAW_SECRETS.split(',').next().expect("secret");
    Secret::parse(s, SecretKind::Raw).expect("secret")
}

fn signed_seeds(prefix: &str, sign: impl Fn(&[u8]) -> String) -> Vec<Vec<u8>> {
    raw_samples(prefix)
        .into_iter()
        .map(|body| [sign(&body).as_bytes(), b"\0", &body].concat())
        .collect()
}

#[test]
fn verify_x_smoke() {
    let s = first_secret();
    run(
        "verify_x",
        signed_seeds("x-", |b| verify::x_signature(&s, b)),
        targets::verify_x,
    );
}

#[test]
fn verify_meta_smoke() {
    let s = first_secret();
    run(
        "verify_meta",
        signed_seeds("meta-", |b| verify::meta_signature(&s, b)),
        targets::verify_meta,
    );
}

#[test]
fn verify_linkedin_smoke() {
    let s = first_secret();
    run(
        "verify_linkedin",
        signed_seeds("linkedin-", |b| verify::linkedin_signature(&s, b)),
        targets::verify_linkedin,
    );
}

#[test]
fn verify_generic_smoke() {
    let key = targets::WHSEC_SECRETS.split(',').next().expect("secret");
    let key = Secret::parse(key, SecretKind::StandardWebhooks).expect("secret");
    let body = br#"{"platform":"reviews","id":"r-1","text":"hi","author":{"id":"u"}}"#;
    let seeds = [targets::NOW, targets::NOW - 299, targets::NOW + 301]
        .iter()
        .map(|&ts| {
            let sig = verify::standard_signature(&key, "msg_1", ts, body);
            [
                b"msg_1\0",
                ts.to_string().as_bytes(),
                b"\0",
                sig.as_bytes(),
                b"\0",
                body,
            ]
            .concat()
        })
        .collect();
    run("verify_generic", seeds, targets::verify_generic);
}

#[test]
fn normalise_x_smoke() {
    run("normalise_x", raw_samples("x-"), |d| {
        verified(d, targets::normalise_x)
    });
}

#[test]
fn normalise_meta_smoke() {
    run("normalise_meta", raw_samples("meta-"), |d| {
        verified(d, targets::normalise_meta)
    });
}

#[test]
fn normalise_linkedin_smoke() {
    run("normalise_linkedin", raw_samples("linkedin-"), |d| {
        verified(d, targets::normalise_linkedin)
    });
}

#[test]
fn normalise_generic_smoke() {
    let seeds = vec![
        br#"{"platform":"reviews","id":"r-1","text":"hi","author":{"id":"u","followers":5},"created_at":"2026-11-20T10:00:00Z"}"#.to_vec(),
        br#"{"mentions":[{"platform":"x","id":"1","author":{"id":"a"}},{"platform":"forum","id":"2","author":{"id":"b"},"visibility":"private"}]}"#.to_vec(),
    ];
    run("normalise_generic", seeds, |d| {
        verified(d, targets::normalise_generic)
    });
}
