//! Webhook authentication: handshakes and signatures, over the raw bytes, before any parsing.
//!
//! Every check here runs on the exact bytes received, caps the size before hashing, compares
//! decoded MACs in constant time (`Mac::verify_slice`) and accepts any of several secrets so a
//! secret can be rotated without downtime. The clock is passed in, never read, so replay-window
//! tests are exact. The only way to get a [`VerifiedBody`] is to pass one of the `verify_*`
//! functions, which is what lets the normalisers and the classifier trust their input.

use base64::engine::general_purpose::STANDARD as B64;
use base64::Engine as _;
use hmac::{Hmac, KeyInit, Mac};
use sha2::Sha256;

use super::error::VerifyError;

type HmacSha256 = Hmac<Sha256>;

/// One shared secret, held as key bytes. `Debug` never prints it.
#[derive(Clone, PartialEq, Eq)]
pub struct Secret(Box<[u8]>);

impl std::fmt::Debug for Secret {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Secret([redacted])")
    }
}

/// How a platform turns its configured secret string into HMAC key bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SecretKind {
    /// The string's UTF-8 bytes are the key (X, Meta, LinkedIn).
    Raw,
    /// `whsec_<base64>`: the key is the decoded base64 (Standard Webhooks).
    StandardWebhooks,
}

impl Secret {
    /// Parses one secret of the given kind; empty or undecodable secrets are refused.
    pub fn parse(s: &str, kind: SecretKind) -> Result<Self, String> {
        let s = s.trim();
        let bytes = match kind {
            SecretKind::Raw => s.as_bytes().to_vec(),
            SecretKind::StandardWebhooks => {
                let b = s.strip_prefix("whsec_").unwrap_or(s);
                B64.decode(b)
                    .map_err(|_| "a Standard Webhooks secret must be whsec_<base64>".to_owned())?
            }
        };
        if bytes.is_empty() {
            return Err("empty secret".into());
        }
        Ok(Self(bytes.into_boxed_slice()))
    }

    fn mac(&self) -> HmacSha256 {
        // HMAC accepts keys of any length; this cannot fail.
        <HmacSha256 as KeyInit>::new_from_slice(&self.0).expect("HMAC takes any key length")
    }
}

/// The non-empty list of secrets a platform may sign with. The first is the current one: it
/// answers handshakes (X CRC); any of them verifies deliveries.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SecretSet(Vec<Secret>);

impl SecretSet {
    /// Parses a comma-separated list (the `*_SECRETS` environment form).
    pub fn parse_list(csv: &str, kind: SecretKind) -> Result<Self, String> {
        let secrets = csv
            .split(',')
            .filter(|s| !s.trim().is_empty())
            .map(|s| Secret::parse(s, kind))
            .collect::<Result<Vec<_>, _>>()?;
        if secrets.is_empty() {
            return Err("no secret given".into());
        }
        Ok(Self(secrets))
    }

    /// The secret used to answer handshakes.
    pub fn current(&self) -> &Secret {
        &self.0[0]
    }

    /// All accepted secrets, current first.
    pub fn iter(&self) -> impl Iterator<Item = &Secret> {
        self.0.iter()
    }

    /// True when `tag` is the HMAC of `parts` (concatenated) under any secret. Constant-time
    /// per secret; every secret is tried so the answer's timing does not say which one matched.
    fn any_matches(&self, parts: &[&[u8]], tag: &[u8]) -> bool {
        let mut ok = false;
        for s in self.iter() {
            let mut mac = s.mac();
            for p in parts {
                mac.update(p);
            }
            ok |= mac.verify_slice(tag).is_ok();
        }
        ok
    }
}

/// Limits applied before any hashing or parsing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Largest body accepted, in bytes (`TRIAGE_MAX_BODY_BYTES`).
    pub max_body_bytes: usize,
    /// Largest distance between a signed timestamp and now, either way (`TRIAGE_REPLAY_WINDOW_SECS`).
    pub replay_window_secs: i64,
}

impl Default for Limits {
    fn default() -> Self {
        Self {
            max_body_bytes: 1_048_576,
            replay_window_secs: 300,
        }
    }
}

/// A body whose signature has been checked. Only this module can make one.
#[derive(Debug, Clone, Copy)]
pub struct VerifiedBody<'a> {
    bytes: &'a [u8],
    delivery_id: Option<&'a str>,
}

impl<'a> VerifiedBody<'a> {
    /// The authenticated bytes, exactly as received.
    pub fn bytes(&self) -> &'a [u8] {
        self.bytes
    }

    /// The sender's delivery id when the scheme signs one (Standard Webhooks `webhook-id`).
    pub fn delivery_id(&self) -> Option<&'a str> {
        self.delivery_id
    }

    /// Test-only door for normaliser unit tests that have no signature at hand.
    #[cfg(any(test, feature = "fuzzing"))]
    pub fn for_tests(bytes: &'a [u8]) -> Self {
        Self {
            bytes,
            delivery_id: None,
        }
    }
}

/// Refuses bodies over the cap, before any byte is hashed.
pub fn check_size(len: usize, limits: &Limits) -> Result<(), VerifyError> {
    if len > limits.max_body_bytes {
        return Err(VerifyError::TooLarge {
            size: len,
            limit: limits.max_body_bytes,
        });
    }
    Ok(())
}

/// Exactly one value of a header, or the reason there is not.
pub fn single<'h>(values: &[&'h str], name: &'static str) -> Result<&'h str, VerifyError> {
    match values {
        [] => Err(VerifyError::MissingHeader(name)),
        [""] => Err(VerifyError::MalformedHeader(name)),
        [v] => Ok(v),
        _ => Err(VerifyError::DuplicateHeader(name)),
    }
}

/// Exactly one value of a single-signature header (X, Meta, LinkedIn), with no comma in it.
///
/// API Gateway and Lambda Function URLs deliver a repeated header as one comma-joined value, so
/// a second signature would otherwise hide inside the first. None of these formats ever contains
/// a comma (hex, or base64 whose alphabet has none), so a comma means "sent twice": refused as a
/// duplicate whatever the parts say.
pub fn single_signature<'h>(
    values: &[&'h str],
    name: &'static str,
) -> Result<&'h str, VerifyError> {
    let v = single(values, name)?;
    if v.contains(',') {
        return Err(VerifyError::DuplicateHeader(name));
    }
    Ok(v)
}

/// HMAC-SHA256 of the concatenated parts under one secret.
pub fn hmac_sha256(secret: &Secret, parts: &[&[u8]]) -> [u8; 32] {
    let mut mac = secret.mac();
    for p in parts {
        mac.update(p);
    }
    mac.finalize().into_bytes().into()
}

/// Header carrying X's signature.
pub const X_SIGNATURE: &str = "x-twitter-webhooks-signature";
/// Header carrying Meta's signature.
pub const META_SIGNATURE: &str = "x-hub-signature-256";
/// Header carrying LinkedIn's signature.
pub const LINKEDIN_SIGNATURE: &str = "x-li-signature";
/// The literal LinkedIn's documentation attaches to the body or the header (see [`verify_linkedin`]).
pub const LINKEDIN_PREFIX: &str = "hmacsha256=";
/// Standard Webhooks headers.
pub const WEBHOOK_ID: &str = "webhook-id";
/// Standard Webhooks timestamp header (Unix seconds).
pub const WEBHOOK_TIMESTAMP: &str = "webhook-timestamp";
/// Standard Webhooks signature list header.
pub const WEBHOOK_SIGNATURE: &str = "webhook-signature";

/// Answers X's CRC challenge: `sha256=<base64 HMAC(current secret, token)>`.
pub fn x_crc_response(secrets: &SecretSet, crc_token: &str) -> String {
    format!(
        "sha256={}",
        B64.encode(hmac_sha256(secrets.current(), &[crc_token.as_bytes()]))
    )
}

/// The `x-twitter-webhooks-signature` value for a body (for `triage sign` and tests).
pub fn x_signature(secret: &Secret, body: &[u8]) -> String {
    format!("sha256={}", B64.encode(hmac_sha256(secret, &[body])))
}

/// Verifies an X delivery: `sha256=<base64 HMAC-SHA256(consumer secret, raw body)>`.
pub fn verify_x<'a>(
    signature: &[&str],
    body: &'a [u8],
    secrets: &SecretSet,
    limits: &Limits,
) -> Result<VerifiedBody<'a>, VerifyError> {
    check_size(body.len(), limits)?;
    let value = single_signature(signature, X_SIGNATURE)?;
    let b64 = value
        .strip_prefix("sha256=")
        .ok_or(VerifyError::MalformedHeader(X_SIGNATURE))?;
    let tag = decode_b64_tag(b64).ok_or(VerifyError::MalformedHeader(X_SIGNATURE))?;
    matched(secrets.any_matches(&[body], &tag), body)
}

/// The `X-Hub-Signature-256` value for a body (Meta; for `triage sign` and tests).
pub fn meta_signature(secret: &Secret, body: &[u8]) -> String {
    format!("sha256={}", hex::encode(hmac_sha256(secret, &[body])))
}

/// Verifies a Meta delivery: `sha256=<lowercase hex HMAC-SHA256(app secret, raw body)>`.
pub fn verify_meta<'a>(
    signature: &[&str],
    body: &'a [u8],
    secrets: &SecretSet,
    limits: &Limits,
) -> Result<VerifiedBody<'a>, VerifyError> {
    check_size(body.len(), limits)?;
    let value = single_signature(signature, META_SIGNATURE)?;
    let hexed = value
        .strip_prefix("sha256=")
        .ok_or(VerifyError::MalformedHeader(META_SIGNATURE))?;
    let tag = decode_hex_tag(hexed).ok_or(VerifyError::MalformedHeader(META_SIGNATURE))?;
    matched(secrets.any_matches(&[body], &tag), body)
}

/// The three Standard Webhooks headers, each as every value received.
#[derive(Debug, Clone, Copy)]
pub struct StandardHeaders<'h> {
    /// `webhook-id` values.
    pub id: &'h [&'h str],
    /// `webhook-timestamp` values.
    pub timestamp: &'h [&'h str],
    /// `webhook-signature` values.
    pub signature: &'h [&'h str],
}

/// The `webhook-signature` value for a delivery (for `triage sign` and tests).
pub fn standard_signature(secret: &Secret, id: &str, timestamp: i64, body: &[u8]) -> String {
    let ts = timestamp.to_string();
    let tag = hmac_sha256(secret, &[id.as_bytes(), b".", ts.as_bytes(), b".", body]);
    format!("v1,{}", B64.encode(tag))
}

/// Verifies a Standard Webhooks delivery: `v1,<base64 HMAC(key, id.timestamp.body)>` entries,
/// space-separated (any may match), with the timestamp within the replay window of `now_unix`.
pub fn verify_standard<'a>(
    headers: StandardHeaders<'a>,
    body: &'a [u8],
    secrets: &SecretSet,
    limits: &Limits,
    now_unix: i64,
) -> Result<VerifiedBody<'a>, VerifyError> {
    check_size(body.len(), limits)?;
    let id = single(headers.id, WEBHOOK_ID)?;
    // A comma in the id means two `webhook-id` headers joined by the Lambda front door.
    if id.len() > 256
        || id.contains(['.', ','])
        || id.chars().any(|c| c.is_control() || c.is_whitespace())
    {
        return Err(VerifyError::MalformedHeader(WEBHOOK_ID));
    }
    let ts_raw = single(headers.timestamp, WEBHOOK_TIMESTAMP)?;
    if ts_raw.len() > 12 || !ts_raw.bytes().all(|b| b.is_ascii_digit()) {
        return Err(VerifyError::MalformedHeader(WEBHOOK_TIMESTAMP));
    }
    let ts: i64 = ts_raw
        .parse()
        .map_err(|_| VerifyError::MalformedHeader(WEBHOOK_TIMESTAMP))?;
    let sig_list = single(headers.signature, WEBHOOK_SIGNATURE)?;
    if now_unix.saturating_sub(ts).abs() > limits.replay_window_secs {
        return Err(VerifyError::StaleTimestamp);
    }
    let mut saw_v1 = false;
    for entry in sig_list.split(' ').filter(|e| !e.is_empty()) {
        let Some((version, sig)) = entry.split_once(',') else {
            return Err(VerifyError::MalformedHeader(WEBHOOK_SIGNATURE));
        };
        // `version,base64` has exactly one comma; more means two `webhook-signature` headers
        // were comma-joined (API Gateway, Function URLs). Fail closed rather than pick one.
        if sig.contains(',') {
            return Err(VerifyError::DuplicateHeader(WEBHOOK_SIGNATURE));
        }
        if version != "v1" {
            continue; // other schemes (v1a = Ed25519) are skipped, as the spec's libraries do
        }
        saw_v1 = true;
        let Some(tag) = decode_b64_tag(sig) else {
            continue;
        };
        if secrets.any_matches(&[id.as_bytes(), b".", ts_raw.as_bytes(), b".", body], &tag) {
            return Ok(VerifiedBody {
                bytes: body,
                delivery_id: Some(id),
            });
        }
    }
    if saw_v1 {
        Err(VerifyError::BadSignature)
    } else {
        Err(VerifyError::MalformedHeader(WEBHOOK_SIGNATURE))
    }
}

/// Answers LinkedIn's validation GET: lowercase hex HMAC-SHA256(current client secret, challengeCode).
pub fn linkedin_challenge_response(secrets: &SecretSet, challenge_code: &str) -> String {
    hex::encode(hmac_sha256(secrets.current(), &[challenge_code.as_bytes()]))
}

/// The `X-LI-Signature` value for a body, reading (A) of the docs: `hmacsha256=` + hex HMAC of the
/// body (for `triage sign` and tests).
pub fn linkedin_signature(secret: &Secret, body: &[u8]) -> String {
    format!(
        "{LINKEDIN_PREFIX}{}",
        hex::encode(hmac_sha256(secret, &[body]))
    )
}

/// Verifies a LinkedIn delivery (`X-LI-Signature`, HMAC-SHA256 with the client secret, hex).
///
/// LinkedIn's text ("the HMAC of the body prefixed by `hmacsha256=`") has two readings in public
/// code, and which one is on the wire is unconfirmed (platforms.md section 6.2). Both are accepted:
/// (A) the tag is HMAC(body) and the header carries the prefix, (B) the tag is
/// HMAC("hmacsha256=" + body). The header may carry the exact lowercase prefix or none; any other
/// prefix is malformed. Both readings need the secret, so accepting both costs no security; both
/// are always computed, for every secret, so timing does not say which matched.
pub fn verify_linkedin<'a>(
    signature: &[&str],
    body: &'a [u8],
    secrets: &SecretSet,
    limits: &Limits,
) -> Result<VerifiedBody<'a>, VerifyError> {
    check_size(body.len(), limits)?;
    let value = single_signature(signature, LINKEDIN_SIGNATURE)?;
    let hexed = value.strip_prefix(LINKEDIN_PREFIX).unwrap_or(value);
    let tag = decode_hex_tag(hexed).ok_or(VerifyError::MalformedHeader(LINKEDIN_SIGNATURE))?;
    let a = secrets.any_matches(&[body], &tag);
    let b = secrets.any_matches(&[LINKEDIN_PREFIX.as_bytes(), body], &tag);
    matched(a | b, body)
}

/// The outcome of a single-signature scheme (no signed delivery id): the body, or `BadSignature`.
fn matched(ok: bool, body: &[u8]) -> Result<VerifiedBody<'_>, VerifyError> {
    if ok {
        Ok(VerifiedBody {
            bytes: body,
            delivery_id: None,
        })
    } else {
        Err(VerifyError::BadSignature)
    }
}

/// Decodes a base64 MAC; `None` unless it is exactly 32 bytes of canonical base64.
fn decode_b64_tag(s: &str) -> Option<[u8; 32]> {
    if s.len() != 44 {
        return None;
    }
    B64.decode(s).ok()?.try_into().ok()
}

/// Decodes a hex MAC; `None` unless it is exactly 64 hex digits.
fn decode_hex_tag(s: &str) -> Option<[u8; 32]> {
    if s.len() != 64 {
        return None;
    }
    let mut out = [0u8; 32];
    hex::decode_to_slice(s, &mut out).ok()?;
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn raw(s: &str) -> SecretSet {
        SecretSet::parse_list(s, SecretKind::Raw).unwrap()
    }

    #[test]
    fn x_official_autohook_vectors() {
        let s = raw("test");
        let l = Limits::default();
        let body = br#"{"test_number":1,"test_string":"two"}"#;
        verify_x(
            &["sha256=YWHphPn/JFq43jkF0y4/w8R/SelmLjvpunhVFY8JhlI="],
            body,
            &s,
            &l,
        )
        .unwrap();
        verify_x(
            &["sha256=25Cu3iwbbiqBTwQRzcKJZwisjf736V2Q8UaTlkfLSoc="],
            b"test=1&other_test=2",
            &s,
            &l,
        )
        .unwrap();
        assert_eq!(
            verify_x(
                &["sha256=25Cu3iwbbiqBTwQRzcKJZwisjf736V2Q8UaTlkfLSoc="],
                body,
                &s,
                &l
            )
            .unwrap_err(),
            VerifyError::BadSignature
        );
    }

    #[test]
    fn x_crc_vectors() {
        assert_eq!(
            x_crc_response(&raw("test"), "foo"),
            "sha256=HlU5y5rWhNi1SHftUCyOxuT6JRuDqeVBKWp1yvldR04="
        );
        assert_eq!(
            x_crc_response(
                &raw("z3ZX4v7mAAUGykl3EcmkqbartmuW8VFOOzCloLx9Q45P0hLrFu"),
                "9b4507b3-9040-4669-9ca3-6b94edb50553"
            ),
            "sha256=Cytd4Sq+NvEcV3MMrXxWJGJx5A+y/lXzzU2Maartkx8="
        );
    }

    #[test]
    fn meta_matches_github_vector_and_escaped_unicode() {
        let s = raw("It's a Secret to Everybody");
        let l = Limits::default();
        verify_meta(
            &["sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17"],
            b"Hello, World!",
            &s,
            &l,
        )
        .unwrap();
        let escaped = br#"{"message":"\u00e4\u00f6\u00e5"}"#;
        verify_meta(
            &["sha256=39939448523ce9957087efdef352e77aeaedd11a01665741bebf6e330ff94a42"],
            escaped,
            &s,
            &l,
        )
        .unwrap();
        // The same text re-serialised as UTF-8 must not verify under the escaped form's signature.
        assert!(verify_meta(
            &["sha256=39939448523ce9957087efdef352e77aeaedd11a01665741bebf6e330ff94a42"],
            "{\"message\":\"äöå\"}".as_bytes(),
            &s,
            &l
        )
        .is_err());
    }

    #[test]
    fn standard_webhooks_official_vector() {
        let s = SecretSet::parse_list(
            "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
            SecretKind::StandardWebhooks,
        )
        .unwrap();
        let h = StandardHeaders {
            id: &["msg_p5jXN8AQM9LWM0D4loKWxJek"],
            timestamp: &["1614265330"],
            signature: &["v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE="],
        };
        let body = br#"{"test": 2432232314}"#;
        let v = verify_standard(h, body, &s, &Limits::default(), 1614265330).unwrap();
        assert_eq!(v.delivery_id(), Some("msg_p5jXN8AQM9LWM0D4loKWxJek"));
        assert_eq!(
            standard_signature(
                s.current(),
                "msg_p5jXN8AQM9LWM0D4loKWxJek",
                1614265330,
                body
            ),
            "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE="
        );
        // Multi-signature header (official JS test shape): any v1 entry may match.
        let multi = "v1,Ceo5qEr07ixe2NLpvHk3FH9bwy/WavXrAFQ/9tdO6mc= v2,Ceo5qEr07ixe2NLpvHk3FH9bwy/WavXrAFQ/9tdO6mc= v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";
        let h2 = StandardHeaders {
            signature: &[multi],
            ..h
        };
        verify_standard(h2, body, &s, &Limits::default(), 1614265330).unwrap();
        // Five minutes and one second either way is stale.
        for now in [1614265330 + 301, 1614265330 - 301] {
            assert_eq!(
                verify_standard(h, body, &s, &Limits::default(), now).unwrap_err(),
                VerifyError::StaleTimestamp
            );
        }
    }

    #[test]
    fn rotation_accepts_any_configured_secret() {
        let s = raw("new-secret,old-secret");
        let body = b"{}";
        let old = Secret::parse("old-secret", SecretKind::Raw).unwrap();
        let sig = x_signature(&old, body);
        verify_x(&[&sig], body, &s, &Limits::default()).unwrap();
        let gone = Secret::parse("retired", SecretKind::Raw).unwrap();
        assert!(verify_x(&[&x_signature(&gone, body)], body, &s, &Limits::default()).is_err());
    }

    #[test]
    fn size_cap_comes_before_everything() {
        let l = Limits {
            max_body_bytes: 4,
            replay_window_secs: 300,
        };
        assert!(matches!(
            verify_x(&[], b"12345", &raw("k"), &l),
            Err(VerifyError::TooLarge { .. })
        ));
    }

    #[test]
    fn headers_missing_duplicated_or_miscased_prefix_are_refused() {
        let s = raw("test");
        let l = Limits::default();
        let body = br#"{"test_number":1,"test_string":"two"}"#;
        let good = "sha256=YWHphPn/JFq43jkF0y4/w8R/SelmLjvpunhVFY8JhlI=";
        assert_eq!(
            verify_x(&[], body, &s, &l).unwrap_err(),
            VerifyError::MissingHeader(X_SIGNATURE)
        );
        assert_eq!(
            verify_x(&[good, good], body, &s, &l).unwrap_err(),
            VerifyError::DuplicateHeader(X_SIGNATURE)
        );
        assert!(verify_x(
            &["SHA256=YWHphPn/JFq43jkF0y4/w8R/SelmLjvpunhVFY8JhlI="],
            body,
            &s,
            &l
        )
        .is_err());
    }

    #[test]
    fn linkedin_self_vectors_both_readings() {
        let s = raw("test_client_secret");
        let l = Limits::default();
        assert_eq!(
            linkedin_challenge_response(&s, "890e4665-4dfe-4ab1-b689-ed553bceeed0"),
            "2f02d4233a0396d6b4632fc7be62fd3ab68183421f688efcda0c1fcb2615273e"
        );
        let body = br#"{"notificationId":4406044,"action":"SHARE_MENTION"}"#;
        let a = "9a7902005b8fcc503e45da2da284b06d7afca049031fc6cab3ae9e15d9bee32f";
        let b = "796ec75219318fb95fa39fea80894eedc3104a9032eb48b92a8171e811b82c40";
        for tag in [a, b] {
            verify_linkedin(&[tag], body, &s, &l).unwrap();
            verify_linkedin(&[&format!("hmacsha256={tag}")], body, &s, &l).unwrap();
            assert!(verify_linkedin(&[&format!("HMACSHA256={tag}")], body, &s, &l).is_err());
            assert!(verify_linkedin(&[tag], b"{}", &s, &l).is_err());
            assert!(verify_linkedin(&[tag], body, &raw("other"), &l).is_err());
        }
        let signed = linkedin_signature(s.current(), body);
        assert_eq!(signed, format!("hmacsha256={a}"));
    }

    #[test]
    fn comma_joined_repeats_fail_closed() {
        let s = raw("test");
        let l = Limits::default();
        let body = br#"{"test_number":1,"test_string":"two"}"#;
        let good = "sha256=YWHphPn/JFq43jkF0y4/w8R/SelmLjvpunhVFY8JhlI=";
        assert_eq!(
            verify_x(&[&format!("{good},{good}")], body, &s, &l).unwrap_err(),
            VerifyError::DuplicateHeader(X_SIGNATURE)
        );
        let g = SecretSet::parse_list(
            "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
            SecretKind::StandardWebhooks,
        )
        .unwrap();
        let good = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";
        let joined = format!("{good},v1,AAAA");
        let h = StandardHeaders {
            id: &["msg_p5jXN8AQM9LWM0D4loKWxJek"],
            timestamp: &["1614265330"],
            signature: &[&joined],
        };
        assert!(verify_standard(h, br#"{"test": 2432232314}"#, &g, &l, 1614265330).is_err());
        let h = StandardHeaders {
            id: &["msg_p5jXN8AQM9LWM0D4loKWxJek,msg_other"],
            signature: &[good],
            ..h
        };
        assert!(verify_standard(h, br#"{"test": 2432232314}"#, &g, &l, 1614265330).is_err());
    }

    #[test]
    fn secrets_never_show_in_debug() {
        let s = raw("hunter2");
        assert!(!format!("{s:?}").contains("hunter2"));
    }
}
