//! One function per fuzz target. Each must never panic on any input, and each checks an
//! oracle where one exists: a verifier may only accept a request whose signature an honest
//! signer would have produced, and a normaliser's output must serialise.
//!
//! Verifier inputs are split on NUL bytes into header values and body, so the fuzzer controls
//! every part of the request.

use mention_triage::core::mention::Mention;
use mention_triage::core::normalise::{self, Event};
use mention_triage::core::verify::{self, Limits, Secret, SecretKind, SecretSet, VerifiedBody};
use time::OffsetDateTime;

/// The secrets every target verifies against (current, previous).
pub const RAW_SECRETS: &str = "fuzz-secret-current,fuzz-secret-previous";
/// Standard Webhooks secrets for the generic target.
pub const WHSEC_SECRETS: &str =
    "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw,whsec_c2Vjb25kLXNlY3JldC1mb3Itcm90YXRpb24tdGVzdHM=";
/// The fixed "now" (2026-11-20T10:00:00Z).
pub const NOW: i64 = 1_763_632_800;

fn raw_set() -> SecretSet {
    SecretSet::parse_list(RAW_SECRETS, SecretKind::Raw).expect("constant secrets parse")
}

fn whsec_set() -> SecretSet {
    SecretSet::parse_list(WHSEC_SECRETS, SecretKind::StandardWebhooks)
        .expect("constant secrets parse")
}

/// A small cap so the size check is reached too.
fn limits() -> Limits {
    Limits {
        max_body_bytes: 64 * 1024,
        replay_window_secs: 300,
    }
}

fn now() -> OffsetDateTime {
    OffsetDateTime::from_unix_timestamp(NOW).expect("constant time")
}

/// Splits `data` at NULs into at most `n` parts; the last part keeps the rest.
fn split(data: &[u8], n: usize) -> Vec<&[u8]> {
    data.splitn(n, |b| *b == 0).collect()
}

/// Header values from fuzz bytes: each part is one value (so repeats are reachable), lossily
/// decoded as headers are by the shells.
fn values(parts: &[&[u8]]) -> Vec<String> {
    parts
        .iter()
        .map(|p| String::from_utf8_lossy(p).into_owned())
        .collect()
}

fn secrets_raw() -> Vec<Secret> {
    RAW_SECRETS
        .split(',')
        .map(|s| Secret::parse(s, SecretKind::Raw).expect("constant secret"))
        .collect()
}

/// `data` = header values separated by NUL, then the body after the last NUL.
fn headers_and_body(data: &[u8]) -> (Vec<String>, &[u8]) {
    let parts = split(data, 4);
    match parts.split_last() {
        Some((body, hs)) if !hs.is_empty() => (values(hs), body),
        _ => (Vec::new(), data),
    }
}

/// X: accepted only when the single header is exactly an honest signature.
pub fn verify_x(data: &[u8]) {
    let (hs, body) = headers_and_body(data);
    let refs: Vec<&str> = hs.iter().map(String::as_str).collect();
    if verify::verify_x(&refs, body, &raw_set(), &limits()).is_ok() {
        let honest: Vec<String> = secrets_raw()
            .iter()
            .map(|s| verify::x_signature(s, body))
            .collect();
        assert!(refs.len() == 1 && honest.iter().any(|h| h == refs[0]));
    }
}

/// Meta: accepted only for an honest `sha256=<hex>` (hex case aside).
pub fn verify_meta(data: &[u8]) {
    let (hs, body) = headers_and_body(data);
    let refs: Vec<&str> = hs.iter().map(String::as_str).collect();
    if verify::verify_meta(&refs, body, &raw_set(), &limits()).is_ok() {
        let honest: Vec<String> = secrets_raw()
            .iter()
            .map(|s| verify::meta_signature(s, body))
            .collect();
        assert!(refs.len() == 1 && honest.iter().any(|h| h.eq_ignore_ascii_case(refs[0])));
    }
}

/// LinkedIn: accepted only for reading (A) or (B), with or without the prefix.
pub fn verify_linkedin(data: &[u8]) {
    let (hs, body) = headers_and_body(data);
    let refs: Vec<&str> = hs.iter().map(String::as_str).collect();
    if verify::verify_linkedin(&refs, body, &raw_set(), &limits()).is_ok() {
        assert_eq!(refs.len(), 1);
        let got = refs[0]
            .strip_prefix(verify::LINKEDIN_PREFIX)
            .unwrap_or(refs[0])
            .to_ascii_lowercase();
        let ok = secrets_raw().iter().any(|s| {
            let a = verify::hmac_sha256(s, &[body]);
            let b = verify::hmac_sha256(s, &[verify::LINKEDIN_PREFIX.as_bytes(), body]);
            got == hex_lower(&a) || got == hex_lower(&b)
        });
        assert!(ok);
    }
}

fn hex_lower(b: &[u8]) -> String {
    b.iter().map(|x| format!("{x:02x}")).collect()
}

/// Standard Webhooks: `id NUL timestamp NUL signature NUL body`; accepted only inside the
/// replay window and with an honest `v1` entry.
pub fn verify_generic(data: &[u8]) {
    let parts = split(data, 4);
    let [id, ts, sig, body] = parts.as_slice() else {
        return;
    };
    let (id, ts, sig) = (
        String::from_utf8_lossy(id),
        String::from_utf8_lossy(ts),
        String::from_utf8_lossy(sig),
    );
    let (i, t, s) = ([id.as_ref()], [ts.as_ref()], [sig.as_ref()]);
    let h = verify::StandardHeaders {
        id: &i,
        timestamp: &t,
        signature: &s,
    };
    if let Ok(v) = verify::verify_standard(h, body, &whsec_set(), &limits(), NOW) {
        assert_eq!(v.delivery_id(), Some(id.as_ref()));
        let ts: i64 = ts.parse().expect("accepted timestamps are integers");
        assert!((NOW - ts).abs() <= 300);
        let honest: Vec<String> = WHSEC_SECRETS
            .split(',')
            .map(|k| {
                let k = Secret::parse(k, SecretKind::StandardWebhooks).expect("constant");
                verify::standard_signature(&k, &id, ts, body)
            })
            .collect();
        assert!(sig.split(' ').any(|e| honest.iter().any(|h| h == e)));
    }
}

/// Every mention a normaliser returns must serialise and re-parse as `mention@1`.
fn check_events(events: &[Event]) {
    for e in events {
        if let Event::Mention(m) | Event::Edited(m) = e {
            let v = serde_json::to_value(m).expect("mentions serialise");
            let back = Mention::from_json_value(v, now()).expect("mentions re-parse");
            assert_eq!(back.dedup_key(), m.dedup_key());
        }
    }
}

/// X normaliser on an already-verified body.
pub fn normalise_x(body: VerifiedBody<'_>) {
    if let Ok(ev) = normalise::x::normalise(&body, &Default::default(), now()) {
        check_events(&ev);
    }
}

/// Meta normaliser on an already-verified body.
pub fn normalise_meta(body: VerifiedBody<'_>) {
    if let Ok(ev) = normalise::meta::normalise(&body, &Default::default(), now()) {
        check_events(&ev);
    }
}

/// LinkedIn normaliser on an already-verified body.
pub fn normalise_linkedin(body: VerifiedBody<'_>) {
    if let Ok(ev) = normalise::linkedin::normalise(&body, &Default::default(), now()) {
        check_events(&ev);
    }
}

/// Generic normaliser on an already-verified body.
pub fn normalise_generic(body: VerifiedBody<'_>) {
    if let Ok(ev) = normalise::generic::normalise(&body, now()) {
        check_events(&ev);
    }
}
