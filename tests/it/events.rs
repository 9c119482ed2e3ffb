//! The files in `events/` are exactly what `examples/make_events.rs` generates, and each one,
//! fed to the Lambda shell, gets the status `events/README.md` promises.

#[allow(dead_code)]
#[path = "../../examples/make_events.rs"]
mod make_events;

use std::path::Path;
use std::sync::Arc;

use make_events::{
    build, CASES, GENERIC_SECRET, GENERIC_TIMESTAMP, LINKEDIN_SECRET, META_SECRET,
    META_VERIFY_TOKEN, X_SECRET,
};
use mention_triage::adapters::embedded::EmbeddedStore;
use mention_triage::adapters::lambda;
use mention_triage::app::App;
use mention_triage::core::brand::BrandRules;
use mention_triage::core::verify::{Limits, SecretKind, SecretSet};
use mention_triage::http::{Secrets, Service};

fn events_dir() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/events"))
}

#[test]
fn event_files_are_up_to_date() {
    for case in CASES {
        let expected = build(case, events_dir(), GENERIC_TIMESTAMP).unwrap();
        let actual = std::fs::read_to_string(events_dir().join(case.name)).unwrap_or_else(|e| {
            panic!(
                "events/{}: {e}; run `cargo run --example make_events`",
                case.name
            )
        });
        assert_eq!(
            actual, expected,
            "events/{} is stale; run `cargo run --example make_events`",
            case.name
        );
    }
}

#[tokio::test]
async fn every_event_gets_its_documented_status() {
    let dir = tempfile::tempdir().unwrap();
    let store = Arc::new(EmbeddedStore::open(dir.path()).unwrap());
    let app = App::new(store.clone(), store, Arc::new(BrandRules::default()));
    let secrets = Secrets {
        x: Some(SecretSet::parse_list(X_SECRET, SecretKind::Raw).unwrap()),
        meta: Some(SecretSet::parse_list(META_SECRET, SecretKind::Raw).unwrap()),
        meta_verify_token: Some(META_VERIFY_TOKEN.into()),
        generic: Some(SecretSet::parse_list(GENERIC_SECRET, SecretKind::StandardWebhooks).unwrap()),
        linkedin: Some(SecretSet::parse_list(LINKEDIN_SECRET, SecretKind::Raw).unwrap()),
    };
    let clock = Arc::new(|| time::OffsetDateTime::from_unix_timestamp(GENERIC_TIMESTAMP).unwrap());
    let service = Service::with_clock(app, secrets, Limits::default(), clock);
    for case in CASES {
        let text = std::fs::read_to_string(events_dir().join(case.name)).unwrap();
        let event = serde_json::from_str(&text).unwrap();
        let resp = lambda::handle(&service, event).await;
        assert_eq!(
            resp.status_code,
            i64::from(case.expect_status),
            "events/{}: {:?}",
            case.name,
            resp.body
        );
    }
}
