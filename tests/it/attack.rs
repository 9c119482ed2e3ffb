//! The attack suite: hundreds of crafted requests per platform family, generated as mutations
//! of one valid request, each of which must be refused with the status SPEC section 2 names
//! (401 / 413 / 400, and 415 / 405 where those apply) while nothing at all is written.
//!
//! The positive controls at the end of each family prove the unmutated request is accepted, so a
//! refusal below is caused by the mutation, not by a broken base request.

use base64::Engine as _;
use mention_triage::core::verify;

use crate::harness::{self, b64, headers, json, mac, Rig, NOW};

/// One crafted request and what it must get back.
#[derive(Debug, Clone)]
struct Case {
    name: String,
    method: &'static str,
    headers: Vec<(String, String)>,
    body: Vec<u8>,
    status: u16,
    /// The `error` code expected in the JSON body.
    code: &'static str,
}

const JSON: (&str, &str) = ("content-type", "application/json");

/// How one single-signature-header platform signs (X, Meta, LinkedIn).
struct Scheme {
    family: &'static str,
    path: &'static str,
    header: &'static str,
    /// The literal before the encoded MAC (`sha256=`, `hmacsha256=`).
    prefix: &'static str,
    /// Whether the MAC is hex (else base64).
    hex: bool,
    /// Whether the header may also come without its prefix (LinkedIn).
    prefix_optional: bool,
    secret: &'static str,
    body: Vec<u8>,
    /// Re-serialisations of `body` that a careless relay or verifier might produce.
    reserialised: Vec<Vec<u8>>,
}

impl Scheme {
    fn encode(&self, tag: &[u8]) -> String {
        if self.hex {
            hex::encode(tag)
        } else {
            b64(tag)
        }
    }

    fn sign_with(&self, secret: &str, body: &[u8]) -> String {
        format!("{}{}", self.prefix, self.encode(&mac(secret, &[body])))
    }

    fn sign(&self, body: &[u8]) -> String {
        self.sign_with(self.secret, body)
    }

    fn case(&self, name: impl Into<String>, sig: Option<&str>, body: &[u8]) -> Case {
        let mut h = headers(&[JSON]);
        if let Some(s) = sig {
            h.push((self.header.to_owned(), s.to_owned()));
        }
        Case {
            name: format!("{}: {}", self.family, name.into()),
            method: "POST",
            headers: h,
            body: body.to_vec(),
            status: 401,
            code: "invalid_signature",
        }
    }

    /// Every mutation of the valid request.
    fn cases(&self) -> Vec<Case> {
        let body = &self.body;
        let good = self.sign(body);
        let encoded = good[self.prefix.len()..].to_owned();
        let tag = mac(self.secret, &[body]);
        // Absent, empty, blank.
        let mut out = vec![
            self.case("missing header", None, body),
            self.case("empty header", Some(""), body),
            self.case("blank header", Some(" "), body),
            self.case("prefix only", Some(self.prefix), body),
        ];

        // Every truncation of the header value.
        for k in 1..good.len() {
            if self.prefix_optional && k == self.prefix.len() {
                continue; // empty after an optional prefix: covered by "prefix only"
            }
            out.push(self.case(format!("truncated to {k}"), Some(&good[..k]), body));
        }
        // Every single-character substitution in the encoded MAC (stays in the alphabet).
        for (i, m) in substitutions(&encoded) {
            let v = format!("{}{}", self.prefix, m);
            out.push(self.case(format!("char {i} changed"), Some(&v), body));
        }
        // Extra bytes around a correct value.
        for (n, v) in [
            format!("{good}A"),
            format!("{good}="),
            format!("{good} "),
            format!(" {good}"),
            format!("{good}\t"),
            format!("{good}00"),
            format!("{good}{good}"),
            format!("{}{}", self.prefix, good),
        ]
        .iter()
        .enumerate()
        {
            out.push(self.case(format!("padded value {n}"), Some(v), body));
        }
        // Wrong-case and foreign prefixes, other algorithms and versions.
        let mut prefixes = vec![
            self.prefix.to_uppercase(),
            capitalise(self.prefix),
            "sha1=".into(),
            "sha512=".into(),
            "sha384=".into(),
            "md5=".into(),
            "v0=".into(),
            "v1,".into(),
            "v1a,".into(),
            "v1=".into(),
            "sha256:".into(),
            "sha256 ".into(),
            "hmac-sha256=".into(),
            "t=1763632800,v1=".into(),
        ];
        if self.prefix_optional {
            prefixes.push("sha256=".into());
        } else {
            prefixes.push(String::new()); // the bare MAC is not the format
            prefixes.push("hmacsha256=".into());
        }
        for p in &prefixes {
            if p == self.prefix {
                continue;
            }
            let v = format!("{p}{encoded}");
            out.push(self.case(format!("prefix {p:?}"), Some(&v), body));
            let other = if self.hex {
                b64(&tag)
            } else {
                hex::encode(tag)
            };
            let v = format!("{p}{other}");
            out.push(self.case(format!("prefix {p:?}, other encoding"), Some(&v), body));
        }
        // The right MAC in the wrong encoding.
        let wrong_enc = if self.hex {
            vec![
                ("base64", b64(&tag)),
                (
                    "base64url",
                    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(tag),
                ),
                ("hex of the hex", hex::encode(hex::encode(tag))),
            ]
        } else {
            vec![
                ("hex", hex::encode(tag)),
                ("HEX", hex::encode_upper(tag)),
                (
                    "base64url",
                    base64::engine::general_purpose::URL_SAFE.encode(tag),
                ),
                (
                    "base64 unpadded",
                    base64::engine::general_purpose::STANDARD_NO_PAD.encode(tag),
                ),
            ]
        };
        for (name, e) in wrong_enc {
            let v = format!("{}{}", self.prefix, e);
            if v != good {
                out.push(self.case(format!("encoding {name}"), Some(&v), body));
            }
        }
        // A truncated MAC (first 16 bytes), a MAC of another length, an all-zero MAC.
        for (name, t) in [
            ("half MAC", tag[..16].to_vec()),
            ("MAC plus a byte", [&tag[..], &[0u8]].concat()),
            ("zero MAC", vec![0u8; 32]),
            ("SHA-256 of the body, no key", sha256_plain(body).to_vec()),
        ] {
            let v = format!("{}{}", self.prefix, self.encode(&t));
            out.push(self.case(name, Some(&v), body));
        }
        // Secrets: rotated out, another platform's, empty-ish, the prefix as a key.
        for (name, s) in [
            ("rotated-out secret", harness::RETIRED_SECRET),
            ("another platform's secret", "meta-app-secret-currenT"),
            ("secret with a trailing space", "x "),
            ("the verify token as secret", harness::META_VERIFY_TOKEN),
        ] {
            let v = self.sign_with(s, body);
            out.push(self.case(name, Some(&v), body));
        }
        // Secrets differing from the current one by case or one character.
        let mut near = self.secret.to_owned();
        near.pop();
        for (name, s) in [
            ("current secret upper-cased", self.secret.to_uppercase()),
            ("current secret minus a char", near),
        ] {
            let v = self.sign_with(&s, body);
            out.push(self.case(name, Some(&v), body));
        }

        // The right signature over a re-serialised body (and the reverse).
        for (i, rb) in self.reserialised.iter().enumerate() {
            assert_ne!(rb, body, "re-serialisation {i} must differ");
            out.push(self.case(
                format!("re-serialised body {i}, original signature"),
                Some(&good),
                rb,
            ));
            let v = self.sign(rb);
            out.push(self.case(
                format!("original body, signature of re-serialised {i}"),
                Some(&v),
                body,
            ));
        }
        // Body tampering under the original signature.
        let step = (body.len() / 40).max(1);
        for i in (0..body.len()).step_by(step) {
            let mut b = body.clone();
            b[i] ^= 0x01;
            out.push(self.case(format!("body byte {i} flipped"), Some(&good), &b));
        }
        for (name, b) in [
            ("body with trailing newline", [&body[..], b"\n"].concat()),
            ("body with leading space", [&b" "[..], &body[..]].concat()),
            ("body truncated", body[..body.len() - 1].to_vec()),
            ("body doubled", [&body[..], &body[..]].concat()),
            ("empty body", Vec::new()),
            ("CRLF appended", [&body[..], b"\r\n"].concat()),
        ] {
            out.push(self.case(name, Some(&good), &b));
        }
        // Repeated headers: as two values, and comma-joined as Lambda delivers them.
        let bad = self.sign_with(harness::RETIRED_SECRET, body);
        for (name, vals) in [
            ("twice, both valid", vec![good.clone(), good.clone()]),
            ("twice, valid then bad", vec![good.clone(), bad.clone()]),
            ("twice, bad then valid", vec![bad.clone(), good.clone()]),
        ] {
            let mut c = self.case(name, None, body);
            for v in vals {
                c.headers.push((self.header.to_owned(), v));
            }
            out.push(c);
        }
        let mut c = self.case("twice, names in different case", Some(&good), body);
        c.headers.push((self.header.to_uppercase(), good.clone()));
        out.push(c);
        for (name, v) in [
            ("comma-joined valid,valid", format!("{good},{good}")),
            ("comma-joined valid, valid", format!("{good}, {good}")),
            ("comma-joined valid,bad", format!("{good},{bad}")),
            ("comma-joined bad,valid", format!("{bad},{good}")),
            ("comma-joined valid,empty", format!("{good},")),
            ("semicolon-joined", format!("{good};{good}")),
        ] {
            out.push(self.case(name, Some(&v), body));
        }
        // Legacy / look-alike header names only.
        for h in [
            "x-hub-signature",
            "x-signature",
            "signature",
            "x-twitter-webhooks-signature-256",
        ] {
            if h == self.header {
                continue;
            }
            let mut c = self.case(format!("only look-alike header {h}"), None, body);
            c.headers.push((h.to_owned(), good.clone()));
            out.push(c);
        }
        out.extend(common_cases(self.family, self.header, &|b| self.sign(b)));
        out
    }
}

/// Cases every family shares: size, encoding, depth, content type, method.
fn common_cases(family: &str, header: &str, sign: &dyn Fn(&[u8]) -> String) -> Vec<Case> {
    let cap = 1_048_576usize;
    let mut out = Vec::new();
    let mk = |name: String, sig: Option<String>, body: Vec<u8>, status: u16, code: &'static str| {
        let mut h = headers(&[JSON]);
        if let Some(s) = sig {
            h.push((header.to_owned(), s));
        }
        Case {
            name: format!("{family}: {name}"),
            method: "POST",
            headers: h,
            body,
            status,
            code,
        }
    };
    // Over the cap: 413 whatever the signature, before any hashing.
    for (name, size) in [
        ("cap+1", cap + 1),
        ("cap+4096", cap + 4096),
        ("2x cap", 2 * cap),
    ] {
        let mut big = br#"{"pad":""#.to_vec();
        big.resize(size - 2, b'a');
        big.extend_from_slice(b"\"}");
        let sig = sign(&big);
        out.push(mk(
            format!("oversized {name}, signed"),
            Some(sig),
            big.clone(),
            413,
            "payload_too_large",
        ));
        out.push(mk(
            format!("oversized {name}, unsigned"),
            None,
            big.clone(),
            413,
            "payload_too_large",
        ));
        out.push(mk(
            format!("oversized {name}, garbage signature"),
            Some("sha256=zz".into()),
            big,
            413,
            "payload_too_large",
        ));
    }
    // Non-UTF-8 bodies: unsigned => 401; correctly signed => 400 (signed, not understood).
    let non_utf8: Vec<Vec<u8>> = vec![
        vec![0xff, 0xfe, 0xfd],
        b"{\"text\":\"\xc3\x28\"}".to_vec(),
        b"{\"object\":\"page\",\"entry\":[\xed\xa0\x80]}".to_vec(),
        vec![0x80; 64],
        b"\xef\xbb\xbf{}\xff".to_vec(),
    ];
    for (i, b) in non_utf8.iter().enumerate() {
        out.push(mk(
            format!("non-UTF-8 {i}, unsigned"),
            None,
            b.clone(),
            401,
            "invalid_signature",
        ));
        out.push(mk(
            format!("non-UTF-8 {i}, wrong signature"),
            Some(sign(b"{}")),
            b.clone(),
            401,
            "invalid_signature",
        ));
        out.push(mk(
            format!("non-UTF-8 {i}, signed"),
            Some(sign(b)),
            b.clone(),
            400,
            "malformed_payload",
        ));
    }
    // Deeply nested JSON, correctly signed: 400, not a stack overflow.
    for depth in [129usize, 200, 1_000, 10_000, 100_000] {
        for (open, close) in [("[", "]"), ("{\"a\":", "}")] {
            let b = format!("{}{}", open.repeat(depth), close.repeat(depth)).into_bytes();
            if b.len() > cap {
                continue;
            }
            let sig = sign(&b);
            out.push(mk(
                format!("nested {open} x{depth}, signed"),
                Some(sig),
                b.clone(),
                400,
                "malformed_payload",
            ));
            out.push(mk(
                format!("nested {open} x{depth}, unsigned"),
                None,
                b,
                401,
                "invalid_signature",
            ));
        }
    }
    // Signed, but not a payload: 400.
    for (i, b) in [
        &b""[..],
        b"null",
        b"[]",
        b"42",
        b"\"text\"",
        b"{",
        b"{}}",
        b"not json",
        b"{\"a\":1}{\"b\":2}",
        b"[{\"object\":\"page\"}]",
    ]
    .iter()
    .enumerate()
    {
        // `{}` and a few others are valid-but-empty for some platforms; only refuse-by-all shapes here.
        out.push(mk(
            format!("signed non-payload {i}"),
            Some(sign(b)),
            b.to_vec(),
            400,
            "malformed_payload",
        ));
    }
    // Wrong content type with a valid signature: 415, before hashing.
    for ct in [
        "text/plain",
        "application/x-www-form-urlencoded",
        "multipart/form-data; boundary=x",
        "application/jsonp",
    ] {
        let b = br#"{"k":"v"}"#.to_vec();
        let mut c = mk(
            format!("content type {ct}"),
            Some(sign(&b)),
            b,
            415,
            "unsupported_media_type",
        );
        c.headers[0].1 = ct.to_owned();
        out.push(c);
    }
    // Wrong methods.
    for m in ["PUT", "DELETE", "PATCH", "OPTIONS", "HEAD"] {
        let b = br#"{"k":"v"}"#.to_vec();
        let mut c = mk(
            format!("method {m}"),
            Some(sign(&b)),
            b,
            405,
            "method_not_allowed",
        );
        c.method = m;
        out.push(c);
    }
    out
}

/// Every one-character change of an encoded MAC, each staying inside the hex/base64 alphabet.
fn substitutions(encoded: &str) -> Vec<(usize, String)> {
    encoded
        .char_indices()
        .map(|(i, c)| {
            let repl = match c {
                '0' => '1',
                'a' => 'b',
                'A' => 'B',
                '=' => 'A',
                '+' => '/',
                '/' => '+',
                c if c.is_ascii_digit() => '0',
                c if c.is_ascii_lowercase() => 'a',
                _ => 'A',
            };
            let mut m = encoded.to_owned();
            m.replace_range(i..i + 1, &repl.to_string());
            (i, m)
        })
        .collect()
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

fn sha256_plain(b: &[u8]) -> [u8; 32] {
    use sha2::Digest;
    sha2::Sha256::digest(b).into()
}

/// Runs every case against one rig; asserts status, error code, no echo, and no write.
async fn run_all(path: &str, cases: &[Case], secrets: &[&str]) {
    let rig = Rig::new();
    let mut failures = Vec::new();
    for c in cases {
        let r = rig.send(c.method, path, "", &c.headers, &c.body).await;
        let body = String::from_utf8_lossy(&r.body).into_owned();
        let code = json(&r)["error"].as_str().unwrap_or("").to_owned();
        if r.status != c.status || code != c.code {
            failures.push(format!(
                "{}: expected {} {}, got {} {}",
                c.name, c.status, c.code, r.status, body
            ));
        }
        for (k, v) in &c.headers {
            if k != "content-type" && v.len() >= 12 && body.contains(v.as_str()) {
                failures.push(format!("{}: response echoes a header value", c.name));
            }
        }
        for s in secrets {
            if body.contains(s) {
                failures.push(format!("{}: response echoes a secret", c.name));
            }
        }
        if c.body.len() >= 16 && body.contains(&*String::from_utf8_lossy(&c.body[..16])) {
            failures.push(format!("{}: response echoes the payload", c.name));
        }
        if rig.writes() != 0 {
            failures.push(format!("{}: the store or queue was written", c.name));
            break;
        }
    }
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
    assert_eq!(rig.writes(), 0);
    assert_eq!(rig.rows("mentions"), 0);
    assert_eq!(rig.rows("brand_replies"), 0);
    assert_eq!(rig.rows("queue"), 0);
    assert_eq!(rig.queued().await, 0);
}

/// Sends the unmutated request to a fresh rig and expects 200 (the positive control).
async fn accepted(path: &str, headers: Vec<(String, String)>, body: &[u8]) -> Rig {
    let rig = Rig::new();
    let r = rig.send("POST", path, "", &headers, body).await;
    assert_eq!(
        r.status,
        200,
        "control refused: {}",
        String::from_utf8_lossy(&r.body)
    );
    rig
}

fn reserialisations(body: &[u8]) -> Vec<Vec<u8>> {
    let v: serde_json::Value = serde_json::from_slice(body).expect("sample is JSON");
    let mut out = vec![
        serde_json::to_vec(&v).expect("ser"),
        serde_json::to_vec_pretty(&v).expect("ser"),
        [body, b"\n"].concat(),
    ];
    out.retain(|b| b != body);
    out.dedup();
    out
}

fn report(family: &str, n: usize) {
    eprintln!("attack suite {family}: {n} crafted requests refused, 0 accepted, 0 writes");
    assert!(n >= 200, "{family}: only {n} cases");
}

#[tokio::test]
async fn x_attacks_are_refused_and_store_nothing() {
    let body = harness::raw_event("x-reply.json");
    let s = Scheme {
        family: "x",
        path: "/webhooks/x",
        header: verify::X_SIGNATURE,
        prefix: "sha256=",
        hex: false,
        prefix_optional: false,
        secret: harness::X_SECRETS[0],
        reserialised: reserialisations(&body),
        body,
    };
    let cases = s.cases();
    run_all(s.path, &cases, &harness::X_SECRETS).await;
    report("x", cases.len());
    // Controls: current and previous secret both accepted; header name in any case.
    for secret in harness::X_SECRETS {
        accepted(
            s.path,
            headers(&[
                JSON,
                (
                    "X-Twitter-Webhooks-Signature",
                    &s.sign_with(secret, &s.body),
                ),
            ]),
            &s.body,
        )
        .await;
    }
}

#[tokio::test]
async fn meta_attacks_are_refused_and_store_nothing() {
    let body = harness::raw_event("meta-page-feed-comment.json");
    let reser = reserialisations(&body);
    // Re-serialising decodes Meta's \uXXXX escapes to UTF-8: the bytes Meta signed are gone.
    assert!(std::str::from_utf8(&reser[0]).expect("utf8").contains('é'));
    let s = Scheme {
        family: "meta",
        path: "/webhooks/meta",
        header: verify::META_SIGNATURE,
        prefix: "sha256=",
        hex: true,
        prefix_optional: false,
        secret: harness::META_SECRETS[0],
        reserialised: reser,
        body,
    };
    let cases = s.cases();
    run_all(s.path, &cases, &harness::META_SECRETS).await;
    report("meta", cases.len());
    for secret in harness::META_SECRETS {
        accepted(
            s.path,
            headers(&[JSON, ("X-Hub-Signature-256", &s.sign_with(secret, &s.body))]),
            &s.body,
        )
        .await;
    }
}

#[tokio::test]
async fn linkedin_attacks_are_refused_and_store_nothing() {
    let body = harness::raw_event("linkedin-comment.json");
    let s = Scheme {
        family: "linkedin",
        path: "/webhooks/linkedin",
        header: verify::LINKEDIN_SIGNATURE,
        prefix: "hmacsha256=",
        hex: true,
        prefix_optional: true,
        secret: harness::LINKEDIN_SECRETS[0],
        reserialised: reserialisations(&body),
        body,
    };
    let mut cases = s.cases();
    // Reading (B) (prefix inside the MAC) with a broken body or the wrong key is refused too.
    let b_tag = mac(harness::LINKEDIN_SECRETS[0], &[b"hmacsha256=", &s.body]);
    for (name, t) in [
        (
            "reading B over a flipped body",
            mac(harness::LINKEDIN_SECRETS[0], &[b"hmacsha256=", b"{}"]),
        ),
        (
            "reading B with the rotated-out secret",
            mac(harness::RETIRED_SECRET, &[b"hmacsha256=", &s.body]),
        ),
        (
            "prefix-in-MAC with an upper-case prefix",
            mac(harness::LINKEDIN_SECRETS[0], &[b"HMACSHA256=", &s.body]),
        ),
        (
            "prefix-in-MAC without '='",
            mac(harness::LINKEDIN_SECRETS[0], &[b"hmacsha256", &s.body]),
        ),
    ] {
        cases.push(s.case(name, Some(&hex::encode(t)), &s.body));
    }
    cases.push(s.case("reading B, base64", Some(&b64(&b_tag)), &s.body));
    run_all(s.path, &cases, &harness::LINKEDIN_SECRETS).await;
    report("linkedin", cases.len());
    // Controls: both readings, with and without the prefix, current and previous secret.
    for secret in harness::LINKEDIN_SECRETS {
        let a = hex::encode(mac(secret, &[&s.body]));
        let b = hex::encode(mac(secret, &[b"hmacsha256=", &s.body]));
        for v in [
            a.clone(),
            format!("hmacsha256={a}"),
            b.clone(),
            format!("hmacsha256={b}"),
        ] {
            accepted(s.path, headers(&[JSON, ("X-LI-Signature", &v)]), &s.body).await;
        }
    }
}

/// Standard Webhooks: three headers, a signed timestamp, multi-signature lists.
struct Generic {
    body: Vec<u8>,
    id: String,
}

impl Generic {
    fn sig(&self, secret: &str, id: &str, ts: i64, body: &[u8]) -> String {
        verify::standard_signature(&harness::whsec(secret), id, ts, body)
    }

    fn case(
        &self,
        name: impl Into<String>,
        id: Option<&str>,
        ts: Option<&str>,
        sig: Option<&str>,
        body: &[u8],
    ) -> Case {
        let mut h = headers(&[JSON]);
        for (k, v) in [
            (verify::WEBHOOK_ID, id),
            (verify::WEBHOOK_TIMESTAMP, ts),
            (verify::WEBHOOK_SIGNATURE, sig),
        ] {
            if let Some(v) = v {
                h.push((k.to_owned(), v.to_owned()));
            }
        }
        Case {
            name: format!("generic: {}", name.into()),
            method: "POST",
            headers: h,
            body: body.to_vec(),
            status: 401,
            code: "invalid_signature",
        }
    }

    fn cases(&self) -> Vec<Case> {
        let body = &self.body;
        let id = self.id.as_str();
        let ts = NOW.to_string();
        let secret = harness::GENERIC_SECRETS[0];
        let good = self.sig(secret, id, NOW, body);
        let encoded = good[3..].to_owned();
        // Missing and empty headers, each and all.
        let mut out = vec![
            self.case("no headers", None, None, None, body),
            self.case("no id", None, Some(&ts), Some(&good), body),
            self.case("no timestamp", Some(id), None, Some(&good), body),
            self.case("no signature", Some(id), Some(&ts), None, body),
            self.case("empty id", Some(""), Some(&ts), Some(&good), body),
            self.case("empty timestamp", Some(id), Some(""), Some(&good), body),
            self.case("empty signature", Some(id), Some(&ts), Some(""), body),
            self.case("spaces only", Some(id), Some(&ts), Some("   "), body),
        ];

        // Replayed and future timestamps, correctly signed for that timestamp.
        for delta in [
            301i64,
            302,
            600,
            3_600,
            86_400,
            31_536_000,
            -301,
            -302,
            -600,
            -3_600,
            -86_400,
            -31_536_000,
        ] {
            let t = NOW + delta;
            let sig = self.sig(secret, id, t, body);
            let mut c = self.case(
                format!("timestamp {delta:+}s"),
                Some(id),
                Some(&t.to_string()),
                Some(&sig),
                body,
            );
            c.code = "stale_timestamp";
            out.push(c);
        }
        for t in ["0", "1", "999999999999"] {
            let sig = self.sig(secret, id, t.parse().expect("int"), body);
            let mut c = self.case(
                format!("timestamp {t}"),
                Some(id),
                Some(t),
                Some(&sig),
                body,
            );
            c.code = "stale_timestamp";
            out.push(c);
        }
        // Malformed timestamps.
        for t in [
            "-1",
            "+1763632800",
            "1763632800.0",
            "1763632800 ",
            " 1763632800",
            "0x691ee6a0",
            "1.7e9",
            "2026-11-20T10:00:00Z",
            "17636328000000000000",
            "1763632800,1763632800",
            "1763632800\u{0}",
            "one",
        ] {
            out.push(self.case(
                format!("timestamp {t:?}"),
                Some(id),
                Some(t),
                Some(&good),
                body,
            ));
        }
        // Signature bound to other id / timestamp / body.
        let s = self.sig(secret, "msg_other", NOW, body);
        out.push(self.case("signed for another id", Some(id), Some(&ts), Some(&s), body));
        let s = self.sig(secret, id, NOW + 1, body);
        out.push(self.case(
            "signed for another timestamp",
            Some(id),
            Some(&ts),
            Some(&s),
            body,
        ));
        let s = self.sig(secret, id, NOW, b"{}");
        out.push(self.case(
            "signed for another body",
            Some(id),
            Some(&ts),
            Some(&s),
            body,
        ));
        // ids a verifier must not accept.
        let long = "x".repeat(257);
        for bad_id in ["msg.1", "msg 1", "msg\t1", "msg_1,msg_2", long.as_str()] {
            let s = self.sig(secret, bad_id, NOW, body);
            out.push(self.case(
                format!("id {:?}", &bad_id[..bad_id.len().min(12)]),
                Some(bad_id),
                Some(&ts),
                Some(&s),
                body,
            ));
        }
        // Truncations and substitutions of the signature.
        for k in 1..good.len() {
            out.push(self.case(
                format!("truncated to {k}"),
                Some(id),
                Some(&ts),
                Some(&good[..k]),
                body,
            ));
        }
        for (i, m) in substitutions(&encoded) {
            let v = format!("v1,{m}");
            out.push(self.case(
                format!("char {i} changed"),
                Some(id),
                Some(&ts),
                Some(&v),
                body,
            ));
        }
        // Versions, encodings, keys.
        let tag = base64::engine::general_purpose::STANDARD
            .decode(&encoded)
            .expect("b64");
        for v in [
            format!("V1,{encoded}"),
            format!("v1a,{encoded}"),
            format!("v2,{encoded}"),
            format!("v1={encoded}"),
            format!("v1 {encoded}"),
            format!("v1;{encoded}"),
            format!("sha256={encoded}"),
            encoded.clone(),
            format!("v1,{}", hex::encode(&tag)),
            format!(
                "v1,{}",
                base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(&tag)
            ),
            format!(
                "v1,{}",
                base64::engine::general_purpose::STANDARD_NO_PAD.encode(&tag)
            ),
            format!("v1,{encoded}A"),
            format!("v1,,{encoded}"),
            format!("v1a,{encoded} v2,{encoded}"),
            format!("v1,{} v1,{}", b64(&[0u8; 32]), b64(&[1u8; 32])),
        ] {
            out.push(self.case(
                format!("signature {:?}", &v[..v.len().min(14)]),
                Some(id),
                Some(&ts),
                Some(&v),
                body,
            ));
        }
        let s = self.sig(harness::RETIRED_GENERIC, id, NOW, body);
        out.push(self.case("rotated-out secret", Some(id), Some(&ts), Some(&s), body));
        // The classic mistake: HMAC keyed with the whsec_ string itself, not its decoded bytes.
        let wrong_key = harness::mac(secret, &[id.as_bytes(), b".", ts.as_bytes(), b".", body]);
        out.push(self.case(
            "key not base64-decoded",
            Some(id),
            Some(&ts),
            Some(&format!("v1,{}", b64(&wrong_key))),
            body,
        ));
        // Re-serialised body, tampered body.
        for (i, rb) in reserialisations(body).iter().enumerate() {
            out.push(self.case(
                format!("re-serialised {i}"),
                Some(id),
                Some(&ts),
                Some(&good),
                rb,
            ));
        }
        let step = (body.len() / 40).max(1);
        for i in (0..body.len()).step_by(step) {
            let mut b = body.clone();
            b[i] ^= 0x01;
            out.push(self.case(
                format!("body byte {i} flipped"),
                Some(id),
                Some(&ts),
                Some(&good),
                &b,
            ));
        }
        // Repeated headers, as separate values and comma-joined.
        let bad = self.sig(harness::RETIRED_GENERIC, id, NOW, body);
        for (name, h, vals) in [
            (
                "two ids",
                verify::WEBHOOK_ID,
                vec![id.to_owned(), "msg_other".to_owned()],
            ),
            (
                "same id twice",
                verify::WEBHOOK_ID,
                vec![id.to_owned(), id.to_owned()],
            ),
            (
                "two timestamps",
                verify::WEBHOOK_TIMESTAMP,
                vec![ts.clone(), ts.clone()],
            ),
            (
                "two signature headers",
                verify::WEBHOOK_SIGNATURE,
                vec![good.clone(), good.clone()],
            ),
            (
                "bad then good signature headers",
                verify::WEBHOOK_SIGNATURE,
                vec![bad.clone(), good.clone()],
            ),
        ] {
            let mut c = self.case(name, Some(id), Some(&ts), Some(&good), body);
            c.headers.retain(|(k, _)| k != h);
            for v in vals {
                c.headers.push((h.to_owned(), v));
            }
            out.push(c);
        }
        for (name, v) in [
            ("comma-joined good,good", format!("{good},{good}")),
            ("comma-joined bad,good", format!("{bad},{good}")),
            ("comma-joined good,bad", format!("{good},{bad}")),
        ] {
            out.push(self.case(name, Some(id), Some(&ts), Some(&v), body));
        }
        out.push(self.case(
            "comma-joined ids",
            Some(&format!("{id},{id}")),
            Some(&ts),
            Some(&good),
            body,
        ));
        out.push(self.case(
            "comma-joined timestamps",
            Some(id),
            Some(&format!("{ts},{ts}")),
            Some(&good),
            body,
        ));
        // Svix-branded header names are not what this route reads.
        let mut c = self.case("svix-* names only", None, None, None, body);
        c.headers.push(("svix-id".into(), id.into()));
        c.headers.push(("svix-timestamp".into(), ts.clone()));
        c.headers.push(("svix-signature".into(), good.clone()));
        out.push(c);

        let sign = |b: &[u8]| self.sig(secret, id, NOW, b);
        for mut c in common_cases("generic", verify::WEBHOOK_SIGNATURE, &sign) {
            c.name = c.name.replacen("generic: ", "generic (id+ts set): ", 1);
            c.headers.push((verify::WEBHOOK_ID.into(), id.into()));
            c.headers
                .push((verify::WEBHOOK_TIMESTAMP.into(), ts.clone()));
            out.push(c);
        }
        out
    }
}

#[tokio::test]
async fn generic_attacks_are_refused_and_store_nothing() {
    let g = Generic {
        body: br#"{"platform":"reviews","id":"r-1001","text":"Worst service ever, I want my money back","author":{"id":"u-77","handle":"pat"},"created_at":"2026-11-20T09:59:00Z"}"#.to_vec(),
        id: "msg_2p5jXN8AQM9LWM0D4loKWxJek".into(),
    };
    let cases = g.cases();
    run_all("/webhooks/generic", &cases, &harness::GENERIC_SECRETS).await;
    report("generic", cases.len());
    // Controls: both secrets, edges of the window, a multi-signature list with one good entry.
    let id = g.id.as_str();
    for secret in harness::GENERIC_SECRETS {
        for t in [NOW, NOW - 300, NOW + 300] {
            let sig = g.sig(secret, id, t, &g.body);
            let ts = t.to_string();
            accepted(
                "/webhooks/generic",
                headers(&[
                    JSON,
                    ("Webhook-Id", id),
                    ("Webhook-Timestamp", &ts),
                    ("Webhook-Signature", &sig),
                ]),
                &g.body,
            )
            .await;
        }
    }
    let good = g.sig(harness::GENERIC_SECRETS[1], id, NOW, &g.body);
    let multi = format!("v1,{} v1a,{} {good}", b64(&[7u8; 32]), b64(&[9u8; 64]));
    accepted(
        "/webhooks/generic",
        headers(&[
            JSON,
            ("webhook-id", id),
            ("webhook-timestamp", &NOW.to_string()),
            ("webhook-signature", &multi),
        ]),
        &g.body,
    )
    .await;
}

/// Handshakes answer only what they can authenticate.
#[tokio::test]
async fn handshakes_refuse_what_they_cannot_authenticate() {
    let rig = Rig::new();
    let get = |q: String| {
        let rig = &rig;
        async move { rig.send("GET", "/webhooks/meta", &q, &[], b"").await }
    };
    let tok = harness::META_VERIFY_TOKEN;
    let ok = get(format!(
        "hub.mode=subscribe&hub.verify_token={tok}&hub.challenge=1158201444"
    ))
    .await;
    assert_eq!((ok.status, ok.body.as_slice()), (200, &b"1158201444"[..]));
    let mut n = 0;
    for q in [
        "hub.mode=subscribe&hub.challenge=1".to_owned(),
        format!(
            "hub.mode=subscribe&hub.verify_token={}&hub.challenge=1",
            tok.to_uppercase()
        ),
        format!("hub.mode=subscribe&hub.verify_token={tok}x&hub.challenge=1"),
        format!(
            "hub.mode=subscribe&hub.verify_token={}&hub.challenge=1",
            &tok[..tok.len() - 1]
        ),
        "hub.mode=subscribe&hub.verify_token=&hub.challenge=1".to_owned(),
        format!("hub.mode=unsubscribe&hub.verify_token={tok}&hub.challenge=1"),
        format!("hub.mode=SUBSCRIBE&hub.verify_token={tok}&hub.challenge=1"),
        format!("hub.verify_token={tok}&hub.challenge=1"),
        format!("hub.mode=subscribe&hub.verify_token={tok}&hub.verify_token=x&hub.challenge=1"),
        format!("hub.mode=subscribe&hub.mode=subscribe&hub.verify_token={tok}&hub.challenge=1"),
        format!(
            "hub.mode=subscribe&hub.verify_token={}&hub.challenge=1",
            harness::META_SECRETS[0]
        ),
        "hub.challenge=<script>".to_owned(),
        String::new(),
    ] {
        let r = get(q.clone()).await;
        assert_eq!(r.status, 403, "{q}");
        assert!(!String::from_utf8_lossy(&r.body).contains(tok));
        n += 1;
    }
    for q in [
        format!("hub.mode=subscribe&hub.verify_token={tok}"),
        format!("hub.mode=subscribe&hub.verify_token={tok}&hub.challenge=%3Cscript%3E"),
        format!(
            "hub.mode=subscribe&hub.verify_token={tok}&hub.challenge={}",
            "9".repeat(129)
        ),
        format!("hub.mode=subscribe&hub.verify_token={tok}&hub.challenge=1&hub.challenge=2"),
    ] {
        assert_eq!(get(q.clone()).await.status, 400, "{q}");
        n += 1;
    }
    // LinkedIn challenge: the docs' shape, and nothing else.
    let code = "890e4665-4dfe-4ab1-b689-ed553bceeed0";
    let r = rig
        .send(
            "GET",
            "/webhooks/linkedin",
            &format!("challengeCode={code}"),
            &[],
            b"",
        )
        .await;
    assert_eq!(r.status, 200);
    assert_eq!(r.content_type, "application/json");
    let v = json(&r);
    assert_eq!(v["challengeCode"], code);
    assert_eq!(
        v["challengeResponse"],
        hex::encode(mac(harness::LINKEDIN_SECRETS[0], &[code.as_bytes()]))
    );
    for q in [
        "",
        "challengeCode=",
        "challengeCode=a&challengeCode=b",
        "challengeCode=%3Cx%3E",
        "challengecode=abc",
    ] {
        assert_eq!(
            rig.send("GET", "/webhooks/linkedin", q, &[], b"")
                .await
                .status,
            400,
            "{q}"
        );
        n += 1;
    }
    // A token outside base64 would make the CRC answer a signature for any short body
    // (`crc_token=%7B%22tweet_create_events%22...`): a forged delivery X never sent.
    for q in [
        "",
        "crc_token=",
        "crc_token=a&crc_token=b",
        "crc_token=%7B%22tweet_create_events%22%3A%5B%5D%7D",
        "crc_token=%5B%5D",
        "crc_token=a%20b",
    ] {
        assert_eq!(
            rig.send("GET", "/webhooks/x", q, &[], b"").await.status,
            400,
            "{q}"
        );
        n += 1;
    }
    assert_eq!(rig.writes(), 0);

    // No secret configured: every route of that platform is 404, handshakes included.
    let bare = Rig::with(Default::default(), Default::default());
    for (m, p, q) in [
        ("GET", "/webhooks/x", "crc_token=abc"),
        ("POST", "/webhooks/x", ""),
        (
            "GET",
            "/webhooks/meta",
            "hub.mode=subscribe&hub.verify_token=&hub.challenge=1",
        ),
        ("POST", "/webhooks/meta", ""),
        (
            "GET",
            "/webhooks/linkedin",
            "challengeCode=890e4665-4dfe-4ab1-b689-ed553bceeed0",
        ),
        ("POST", "/webhooks/linkedin", ""),
        ("POST", "/webhooks/generic", ""),
        ("POST", "/webhooks/tiktok", ""),
    ] {
        assert_eq!(
            bare.send(m, p, q, &headers(&[JSON]), b"{}").await.status,
            404,
            "{m} {p}"
        );
        n += 1;
    }
    // Meta secret but no verify token: deliveries work, the subscription GET does not.
    let mut s = harness::all_secrets();
    s.meta_verify_token = None;
    let no_token = Rig::with(s, Default::default());
    let r = no_token
        .send(
            "GET",
            "/webhooks/meta",
            "hub.mode=subscribe&hub.verify_token=&hub.challenge=1",
            &[],
            b"",
        )
        .await;
    assert_eq!(r.status, 404);
    eprintln!("handshake attacks: {n} refused");
}

/// Path, headers and body of one Lambda case.
type LambdaCase<'a> = (&'a str, Vec<(&'a str, String)>, &'a [u8]);

/// A Lambda Function URL / HTTP API (payload v2) event, as the runtime hands it over.
fn lambda_event(
    path: &str,
    hdrs: &[(&str, &str)],
    body: &[u8],
) -> aws_lambda_events::apigw::ApiGatewayV2httpRequest {
    let h: serde_json::Map<String, serde_json::Value> = hdrs
        .iter()
        .map(|(k, v)| ((*k).to_owned(), serde_json::Value::from(*v)))
        .collect();
    let ev = serde_json::json!({
        "version": "2.0",
        "routeKey": "$default",
        "rawPath": path,
        "rawQueryString": "",
        "headers": h,
        "requestContext": {
            "accountId": "123456789012", "apiId": "fn", "domainName": "x.lambda-url.us-east-1.on.aws",
            "domainPrefix": "x", "requestId": "r", "routeKey": "$default", "stage": "$default",
            "time": "20/Nov/2026:10:00:00 +0000", "timeEpoch": 1763632800000i64,
            "http": {"method": "POST", "path": path, "protocol": "HTTP/1.1", "sourceIp": "203.0.113.9", "userAgent": "t"}
        },
        "body": b64(body),
        "isBase64Encoded": true
    });
    serde_json::from_value(ev).expect("a valid payload v2 event")
}

/// On Lambda a repeated header arrives as one comma-joined value: every family fails closed,
/// even when both joined signatures are valid, and nothing is written.
#[tokio::test]
async fn lambda_comma_joined_signature_headers_fail_closed() {
    use mention_triage::adapters::lambda;
    let rig = Rig::new();
    let x_body = harness::raw_event("x-reply.json");
    let m_body = harness::raw_event("meta-whatsapp-message.json");
    let l_body = harness::raw_event("linkedin-comment.json");
    let g_body = br#"{"platform":"reviews","id":"r-9","author":{"id":"u"}}"#.to_vec();
    let xs = harness::x_sig(harness::X_SECRETS[0], &x_body);
    let xs2 = harness::x_sig(harness::X_SECRETS[1], &x_body);
    let ms = harness::meta_sig(harness::META_SECRETS[0], &m_body);
    let ls = harness::linkedin_sig(harness::LINKEDIN_SECRETS[0], &l_body);
    let gk = harness::whsec(harness::GENERIC_SECRETS[0]);
    let gs = verify::standard_signature(&gk, "msg_9", NOW, &g_body);
    let ts = NOW.to_string();
    let cases: Vec<LambdaCase> = vec![
        (
            "/webhooks/x",
            vec![("x-twitter-webhooks-signature", format!("{xs},{xs2}"))],
            &x_body,
        ),
        (
            "/webhooks/x",
            vec![("X-Twitter-Webhooks-Signature", format!("{xs},{xs}"))],
            &x_body,
        ),
        (
            "/webhooks/meta",
            vec![("x-hub-signature-256", format!("{ms},{ms}"))],
            &m_body,
        ),
        (
            "/webhooks/linkedin",
            vec![("x-li-signature", format!("{ls},{ls}"))],
            &l_body,
        ),
        (
            "/webhooks/generic",
            vec![
                ("webhook-id", "msg_9".into()),
                ("webhook-timestamp", ts.clone()),
                ("webhook-signature", format!("{gs},{gs}")),
            ],
            &g_body,
        ),
        (
            "/webhooks/generic",
            vec![
                ("webhook-id", "msg_9,msg_9".into()),
                ("webhook-timestamp", ts.clone()),
                ("webhook-signature", gs.clone()),
            ],
            &g_body,
        ),
        (
            "/webhooks/generic",
            vec![
                ("webhook-id", "msg_9".into()),
                ("webhook-timestamp", format!("{ts},{ts}")),
                ("webhook-signature", gs.clone()),
            ],
            &g_body,
        ),
    ];
    for (path, hs, body) in &cases {
        let mut pairs: Vec<(&str, &str)> = vec![("content-type", "application/json")];
        pairs.extend(hs.iter().map(|(k, v)| (*k, v.as_str())));
        let out = lambda::handle(&rig.service, lambda_event(path, &pairs, body)).await;
        assert_eq!(out.status_code, 401, "{path} {hs:?}");
    }
    assert_eq!(rig.writes(), 0);
    // The same events with a single value are accepted: the refusal is the join, nothing else.
    let ok = lambda::handle(
        &rig.service,
        lambda_event(
            "/webhooks/x",
            &[
                ("content-type", "application/json"),
                ("x-twitter-webhooks-signature", &xs),
            ],
            &x_body,
        ),
    )
    .await;
    assert_eq!(ok.status_code, 200);
}

#[tokio::test]
async fn health_answers_get_and_head_and_reveals_nothing() {
    let rig = Rig::new();
    let get = rig.send("GET", "/health", "", &[], b"").await;
    assert_eq!(get.status, 200);
    let body: serde_json::Value = serde_json::from_slice(&get.body).expect("json");
    let mut keys: Vec<&str> = body
        .as_object()
        .expect("object")
        .keys()
        .map(String::as_str)
        .collect();
    keys.sort_unstable();
    assert_eq!(keys, ["status", "version"]);
    // HEAD, as uptime monitors send it: the same answer with no body, from any shell.
    let head = rig.send("HEAD", "/health", "", &[], b"").await;
    assert_eq!((head.status, head.body.len()), (200, 0));
    let post = rig.send("POST", "/health", "", &[], b"").await;
    assert_eq!(post.status, 405);
}
