//! Builds the signed sample requests in `events/` from the raw payloads in `events/raw/`.
//!
//! Each output is a Lambda Function URL (API Gateway payload v2) event, usable with
//! `cargo lambda invoke --data-file events/<file>` and by the tests (`tests/it/events.rs`
//! checks the files are exactly what this generator produces). Signatures use the test secrets
//! in `events/README.md`; nothing here is a real credential.
//!
//! ```text
//! cargo run --example make_events            # rewrite events/*.json (fixed timestamps)
//! cargo run --example make_events -- --fresh # sign generic events with the current time,
//!                                            # for invoking a live function (5-minute window)
//! ```

use std::path::Path;

use mention_triage::cli::{sign, SignPlatform};

/// X consumer secret used to sign the samples.
pub const X_SECRET: &str = "events-x-consumer-secret";
/// Meta app secret used to sign the samples.
pub const META_SECRET: &str = "events-meta-app-secret";
/// Meta verify token of the samples.
pub const META_VERIFY_TOKEN: &str = "events-verify-token";
/// Standard Webhooks secret (`whsec_` + base64 of `events-generic-secret-0123456789`).
pub const GENERIC_SECRET: &str = "whsec_ZXZlbnRzLWdlbmVyaWMtc2VjcmV0LTAxMjM0NTY3ODk=";
/// LinkedIn client secret used to sign the samples.
pub const LINKEDIN_SECRET: &str = "events-linkedin-client-secret";
/// Timestamp signed into the generic samples (2026-11-20T10:10:00Z); tests pin their clock to it.
pub const GENERIC_TIMESTAMP: i64 = 1_795_169_400;

/// How a sample is signed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Signer {
    /// Not signed (handshakes).
    None,
    /// Signed with the platform's sample secret.
    Platform(SignPlatform),
    /// X scheme, but with a secret the function does not know.
    ForgedX,
}

/// One sample request.
#[derive(Debug, Clone, Copy)]
pub struct Case {
    /// Output file name in `events/`.
    pub name: &'static str,
    /// HTTP method.
    pub method: &'static str,
    /// Path.
    pub path: &'static str,
    /// Raw query string.
    pub query: &'static str,
    /// Raw body file in `events/raw/`, if any.
    pub body: Option<&'static str>,
    /// Signing.
    pub signer: Signer,
    /// Status the function answers.
    pub expect_status: u16,
}

/// Every sample the repository ships.
pub const CASES: &[Case] = &[
    Case {
        name: "x-crc.json",
        method: "GET",
        path: "/webhooks/x",
        query: "crc_token=events-crc-token",
        body: None,
        signer: Signer::None,
        expect_status: 200,
    },
    Case {
        name: "x-mention.json",
        method: "POST",
        path: "/webhooks/x",
        query: "",
        body: Some("x-mention.json"),
        signer: Signer::Platform(SignPlatform::X),
        expect_status: 200,
    },
    Case {
        name: "x-batch.json",
        method: "POST",
        path: "/webhooks/x",
        query: "",
        body: Some("x-batch.json"),
        signer: Signer::Platform(SignPlatform::X),
        expect_status: 200,
    },
    Case {
        name: "x-activity-mention.json",
        method: "POST",
        path: "/webhooks/x",
        query: "",
        body: Some("x-activity-mention.json"),
        signer: Signer::Platform(SignPlatform::X),
        expect_status: 200,
    },
    Case {
        name: "x-forged.json",
        method: "POST",
        path: "/webhooks/x",
        query: "",
        body: Some("x-mention.json"),
        signer: Signer::ForgedX,
        expect_status: 401,
    },
    Case {
        name: "generic-mention.json",
        method: "POST",
        path: "/webhooks/generic",
        query: "",
        body: Some("generic-mention.json"),
        signer: Signer::Platform(SignPlatform::Generic),
        expect_status: 200,
    },
    Case {
        name: "generic-batch.json",
        method: "POST",
        path: "/webhooks/generic",
        query: "",
        body: Some("generic-batch.json"),
        signer: Signer::Platform(SignPlatform::Generic),
        expect_status: 200,
    },
    Case {
        name: "meta-verify.json",
        method: "GET",
        path: "/webhooks/meta",
        query: "hub.mode=subscribe&hub.verify_token=events-verify-token&hub.challenge=1158201444",
        body: None,
        signer: Signer::None,
        expect_status: 200,
    },
    Case {
        name: "x-reply.json",
        method: "POST",
        path: "/webhooks/x",
        query: "",
        body: Some("x-reply.json"),
        signer: Signer::Platform(SignPlatform::X),
        expect_status: 200,
    },
    Case {
        name: "x-quote.json",
        method: "POST",
        path: "/webhooks/x",
        query: "",
        body: Some("x-quote.json"),
        signer: Signer::Platform(SignPlatform::X),
        expect_status: 200,
    },
    Case {
        name: "x-dm.json",
        method: "POST",
        path: "/webhooks/x",
        query: "",
        body: Some("x-dm.json"),
        signer: Signer::Platform(SignPlatform::X),
        expect_status: 200,
    },
    Case {
        name: "x-brand-reply.json",
        method: "POST",
        path: "/webhooks/x",
        query: "",
        body: Some("x-brand-reply.json"),
        signer: Signer::Platform(SignPlatform::X),
        expect_status: 200,
    },
    Case {
        name: "x-dm-brand-reply.json",
        method: "POST",
        path: "/webhooks/x",
        query: "",
        body: Some("x-dm-brand-reply.json"),
        signer: Signer::Platform(SignPlatform::X),
        expect_status: 200,
    },
    Case {
        name: "meta-page-feed-comment.json",
        method: "POST",
        path: "/webhooks/meta",
        query: "",
        body: Some("meta-page-feed-comment.json"),
        signer: Signer::Platform(SignPlatform::Meta),
        expect_status: 200,
    },
    Case {
        name: "meta-page-feed-comment-edited.json",
        method: "POST",
        path: "/webhooks/meta",
        query: "",
        body: Some("meta-page-feed-comment-edited.json"),
        signer: Signer::Platform(SignPlatform::Meta),
        expect_status: 200,
    },
    Case {
        name: "meta-page-feed-comment-removed.json",
        method: "POST",
        path: "/webhooks/meta",
        query: "",
        body: Some("meta-page-feed-comment-removed.json"),
        signer: Signer::Platform(SignPlatform::Meta),
        expect_status: 200,
    },
    Case {
        name: "meta-page-feed-brand-reply.json",
        method: "POST",
        path: "/webhooks/meta",
        query: "",
        body: Some("meta-page-feed-brand-reply.json"),
        signer: Signer::Platform(SignPlatform::Meta),
        expect_status: 200,
    },
    Case {
        name: "meta-page-mention.json",
        method: "POST",
        path: "/webhooks/meta",
        query: "",
        body: Some("meta-page-mention.json"),
        signer: Signer::Platform(SignPlatform::Meta),
        expect_status: 200,
    },
    Case {
        name: "meta-messenger-dm.json",
        method: "POST",
        path: "/webhooks/meta",
        query: "",
        body: Some("meta-messenger-dm.json"),
        signer: Signer::Platform(SignPlatform::Meta),
        expect_status: 200,
    },
    Case {
        name: "meta-instagram-comment.json",
        method: "POST",
        path: "/webhooks/meta",
        query: "",
        body: Some("meta-instagram-comment.json"),
        signer: Signer::Platform(SignPlatform::Meta),
        expect_status: 200,
    },
    Case {
        name: "meta-instagram-mention.json",
        method: "POST",
        path: "/webhooks/meta",
        query: "",
        body: Some("meta-instagram-mention.json"),
        signer: Signer::Platform(SignPlatform::Meta),
        expect_status: 200,
    },
    Case {
        name: "meta-whatsapp-message.json",
        method: "POST",
        path: "/webhooks/meta",
        query: "",
        body: Some("meta-whatsapp-message.json"),
        signer: Signer::Platform(SignPlatform::Meta),
        expect_status: 200,
    },
    Case {
        name: "meta-whatsapp-status.json",
        method: "POST",
        path: "/webhooks/meta",
        query: "",
        body: Some("meta-whatsapp-status.json"),
        signer: Signer::Platform(SignPlatform::Meta),
        expect_status: 200,
    },
    Case {
        name: "linkedin-challenge.json",
        method: "GET",
        path: "/webhooks/linkedin",
        query: "challengeCode=890e4665-4dfe-4ab1-b689-ed553bceeed0",
        body: None,
        signer: Signer::None,
        expect_status: 200,
    },
    Case {
        name: "linkedin-comment.json",
        method: "POST",
        path: "/webhooks/linkedin",
        query: "",
        body: Some("linkedin-comment.json"),
        signer: Signer::Platform(SignPlatform::Linkedin),
        expect_status: 200,
    },
    Case {
        name: "linkedin-share-mention.json",
        method: "POST",
        path: "/webhooks/linkedin",
        query: "",
        body: Some("linkedin-share-mention.json"),
        signer: Signer::Platform(SignPlatform::Linkedin),
        expect_status: 200,
    },
    Case {
        name: "linkedin-admin-comment.json",
        method: "POST",
        path: "/webhooks/linkedin",
        query: "",
        body: Some("linkedin-admin-comment.json"),
        signer: Signer::Platform(SignPlatform::Linkedin),
        expect_status: 200,
    },
];

/// Builds the event JSON for one case. `timestamp` is signed into generic samples.
pub fn build(case: &Case, events_dir: &Path, timestamp: i64) -> Result<String, String> {
    let body = match case.body {
        Some(f) => std::fs::read_to_string(events_dir.join("raw").join(f))
            .map_err(|e| format!("{f}: {e}"))?,
        None => String::new(),
    };
    let body = body.trim_end().to_owned();
    let mut headers = serde_json::Map::new();
    headers.insert(
        "host".into(),
        "abcdefghij.lambda-url.us-east-1.on.aws".into(),
    );
    headers.insert("user-agent".into(), "mention-triage-events/1.0".into());
    let signed = match case.signer {
        Signer::None => Vec::new(),
        Signer::Platform(p) => sign(
            p,
            secret_for(p),
            Some(format!("msg_{}", case.name.trim_end_matches(".json"))),
            Some(timestamp),
            body.as_bytes(),
        )
        .map_err(|e| e.to_string())?,
        Signer::ForgedX => sign(
            SignPlatform::X,
            "not-the-real-secret",
            None,
            None,
            body.as_bytes(),
        )
        .map_err(|e| e.to_string())?,
    };
    for (k, v) in signed {
        headers.insert(k.to_owned(), v.into());
    }
    let mut event = serde_json::json!({
        "version": "2.0",
        "routeKey": "$default",
        "rawPath": case.path,
        "rawQueryString": case.query,
        "headers": headers,
        "requestContext": {
            "accountId": "anonymous",
            "apiId": "abcdefghij",
            "domainName": "abcdefghij.lambda-url.us-east-1.on.aws",
            "domainPrefix": "abcdefghij",
            "http": {
                "method": case.method,
                "path": case.path,
                "protocol": "HTTP/1.1",
                "sourceIp": "203.0.113.10",
                "userAgent": "mention-triage-events/1.0"
            },
            "requestId": format!("req-{}", case.name.trim_end_matches(".json")),
            "routeKey": "$default",
            "stage": "$default",
            "time": "20/Nov/2026:10:10:00 +0000",
            "timeEpoch": GENERIC_TIMESTAMP * 1000
        },
        "isBase64Encoded": false
    });
    if case.body.is_some() {
        event["body"] = body.into();
    }
    if !case.query.is_empty() {
        let params: serde_json::Map<String, serde_json::Value> = case
            .query
            .split('&')
            .filter_map(|kv| kv.split_once('='))
            .map(|(k, v)| (k.to_owned(), v.into()))
            .collect();
        event["queryStringParameters"] = params.into();
    }
    serde_json::to_string_pretty(&event)
        .map(|s| s + "\n")
        .map_err(|e| e.to_string())
}

fn secret_for(p: SignPlatform) -> &'static str {
    match p {
        SignPlatform::X => X_SECRET,
        SignPlatform::Meta => META_SECRET,
        SignPlatform::Generic => GENERIC_SECRET,
        SignPlatform::Linkedin => LINKEDIN_SECRET,
    }
}

#[allow(dead_code)]
fn main() -> Result<(), String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("events");
    let fresh = std::env::args().any(|a| a == "--fresh");
    let ts = if fresh {
        time::OffsetDateTime::now_utc().unix_timestamp()
    } else {
        GENERIC_TIMESTAMP
    };
    for case in CASES {
        let json = build(case, &dir, ts)?;
        std::fs::write(dir.join(case.name), json).map_err(|e| format!("{}: {e}", case.name))?;
        println!("wrote events/{} (expect {})", case.name, case.expect_status);
    }
    Ok(())
}
