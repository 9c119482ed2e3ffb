//! The accepting side: every raw sample in `events/raw/` goes through the real HTTP surface and
//! the embedded store, and requests signed by independent signers (the `standardwebhooks` package
//! and Python's stdlib `hmac`) are accepted.

use std::io::Write;
use std::process::{Command, Stdio};

use serde_json::{json, Value};

use crate::harness::{self, headers, json as body_json, linkedin_sig, meta_sig, x_sig, Rig, NOW};

const JSON: (&str, &str) = ("content-type", "application/json");

async fn post(rig: &Rig, platform: &str, file: &str) -> Value {
    let body = harness::raw_event(file);
    let (h, v) = match platform {
        "x" => (
            "x-twitter-webhooks-signature",
            x_sig(harness::X_SECRETS[0], &body),
        ),
        "meta" => (
            "x-hub-signature-256",
            meta_sig(harness::META_SECRETS[0], &body),
        ),
        "linkedin" => (
            "x-li-signature",
            linkedin_sig(harness::LINKEDIN_SECRETS[0], &body),
        ),
        other => panic!("no signer for {other}"),
    };
    let r = rig
        .send(
            "POST",
            &format!("/webhooks/{platform}"),
            "",
            &headers(&[JSON, (h, &v)]),
            &body,
        )
        .await;
    assert_eq!(
        r.status,
        200,
        "{file}: {}",
        String::from_utf8_lossy(&r.body)
    );
    body_json(&r)
}

fn counts(v: &Value) -> (u64, u64, u64, u64) {
    let n = |k: &str| v[k].as_u64().unwrap_or(u64::MAX);
    (n("accepted"), n("queued"), n("duplicates"), n("ignored"))
}

#[tokio::test]
async fn meta_page_comment_lifecycle_add_edit_remove() {
    let rig = Rig::new();
    let key = "facebook:5550001_7770001";
    let first = post(&rig, "meta", "meta-page-feed-comment.json").await;
    assert_eq!(counts(&first).0, 1);
    let item = rig.mention_json(key).expect("stored");
    assert_eq!(item["mention"]["platform"], "facebook");
    assert_eq!(item["mention"]["author"]["id"], "6100000000000001");
    // What the agent greets the author by, and the Page to answer from.
    assert_eq!(item["mention"]["author"]["name"], "José Pérez");
    assert_eq!(item["mention"]["account"], "104000000000001");
    // Meta's \u escapes were decoded by parsing, not by touching the signed bytes.
    assert!(item["mention"]["text"]
        .as_str()
        .unwrap_or("")
        .contains("isn’t fixed"));
    let queued_before = rig.queued().await;

    let edit = post(&rig, "meta", "meta-page-feed-comment-edited.json").await;
    assert_eq!(
        counts(&edit),
        (1, 0, 0, 0),
        "an edit updates, never queues again"
    );
    let item = rig.mention_json(key).expect("still stored");
    assert!(item["mention"]["text"]
        .as_str()
        .unwrap_or("")
        .contains("branch fixed it"));
    assert_eq!(rig.queued().await, queued_before);

    let removed = post(&rig, "meta", "meta-page-feed-comment-removed.json").await;
    assert_eq!(counts(&removed).0, 1);
    let c = rusqlite::Connection::open(rig.db()).expect("db");
    let removed_at: Option<i64> = c
        .query_row(
            "SELECT removed_at FROM mentions WHERE dedup_key = ?1",
            [key],
            |r| r.get(0),
        )
        .expect("row");
    assert!(removed_at.is_some());

    // A redelivery of the first comment is a duplicate, not a second mention.
    let again = post(&rig, "meta", "meta-page-feed-comment.json").await;
    assert_eq!(counts(&again).2, 1);
    assert_eq!(rig.rows("mentions"), 1);
}

#[tokio::test]
async fn a_redelivered_batch_is_recognised_without_writing() {
    // A retried delivery is read once up front: what is stored is a duplicate at the cost of
    // that read, with no triage and no failed insert, so a large batch that timed out gets
    // further on each retry.
    let rig = Rig::new();
    let first = post(&rig, "x", "x-batch.json").await;
    let (accepted, queued, duplicates, _) = counts(&first);
    assert!(accepted >= 2, "{first}");
    let writes = rig.writes();
    let again = post(&rig, "x", "x-batch.json").await;
    assert_eq!(
        counts(&again),
        (0, 0, accepted, counts(&first).3),
        "{again}"
    );
    assert_eq!(duplicates, 0);
    assert_eq!(rig.writes(), writes, "a redelivery writes nothing");
    assert_eq!(rig.rows("queue") as u64, queued);
}

#[tokio::test]
async fn removal_before_its_mention_keeps_it_off_the_queue() {
    // The comment's delivery failed (a 503), the author deleted it, and the removal came
    // through before the platform retried the comment: the retry must not put deleted words
    // in front of an agent.
    let rig = Rig::new();
    let removed = post(&rig, "meta", "meta-page-feed-comment-removed.json").await;
    assert_eq!(counts(&removed), (1, 0, 0, 0));
    let late = post(&rig, "meta", "meta-page-feed-comment.json").await;
    assert_eq!(counts(&late), (0, 0, 1, 0), "{late}");
    assert_eq!(rig.rows("queue"), 0);
    assert_eq!(rig.queued().await, 0);
    assert!(rig.mention_json("facebook:5550001_7770001").is_none());
}

#[tokio::test]
async fn meta_brand_reply_page_mention_and_messenger() {
    let rig = Rig::new();
    let r = post(&rig, "meta", "meta-page-feed-brand-reply.json").await;
    assert_eq!(
        counts(&r),
        (0, 0, 0, 1),
        "the Page's own reply is not a mention"
    );
    assert_eq!(rig.rows("mentions"), 0);
    post(&rig, "meta", "meta-page-mention.json").await;
    assert!(rig
        .mention_json("facebook:6100000000000002_8880001")
        .is_some());
    post(&rig, "meta", "meta-messenger-dm.json").await;
    let dm = rig.mention_json("facebook:m_AbC123xyz").expect("dm stored");
    assert_eq!(dm["mention"]["visibility"], "private");
}

#[tokio::test]
async fn instagram_comment_and_textless_mention() {
    let rig = Rig::new();
    post(&rig, "meta", "meta-instagram-comment.json").await;
    let c = rig
        .mention_json("instagram:17860000000000001")
        .expect("comment");
    assert_eq!(c["mention"]["author"]["handle"], "sam.eats");
    assert!(c["mention"]["text"].as_str().unwrap_or("").contains('😡'));
    post(&rig, "meta", "meta-instagram-mention.json").await;
    let m = rig
        .mention_json("instagram:17860000000000002")
        .expect("mention");
    assert!(m["mention"]["text"].is_null());
    let flags = m["triage"]["flags"].as_array().cloned().unwrap_or_default();
    assert!(flags.contains(&json!("content_unavailable")), "{flags:?}");
}

#[tokio::test]
async fn whatsapp_message_is_private_and_status_is_ignored() {
    let rig = Rig::new();
    let v = post(&rig, "meta", "meta-whatsapp-status.json").await;
    assert_eq!(counts(&v), (0, 0, 0, 1));
    assert_eq!(rig.rows("mentions"), 0);
    post(&rig, "meta", "meta-whatsapp-message.json").await;
    let m = rig
        .mention_json("whatsapp:wamid.HBgLMTYzMTU1NTExODEVAgASGBQzQTdCNTg5RjY1MEMyRkJGMkQ4NwA=")
        .expect("stored");
    assert_eq!(m["mention"]["visibility"], "private");
    assert_eq!(m["mention"]["author"]["id"], "16315551181");
}

#[tokio::test]
async fn linkedin_comment_mention_and_admin_reply() {
    let rig = Rig::new();
    post(&rig, "linkedin", "linkedin-comment.json").await;
    let c = rig
        .mention_json(
            "linkedin:urn:li:comment:(urn:li:activity:7130000000000000002,7130000000000000003)",
        )
        .expect("comment");
    assert_eq!(c["mention"]["author"]["id"], "urn:li:person:AbCdEf123");
    post(&rig, "linkedin", "linkedin-share-mention.json").await;
    let m = rig
        .mention_json("linkedin:urn:li:share:7130000000000000010")
        .expect("mention");
    assert!(m["mention"]["text"].is_null());
    let v = post(&rig, "linkedin", "linkedin-admin-comment.json").await;
    assert_eq!(
        counts(&v),
        (1, 0, 0, 1),
        "admin comment recorded, like ignored"
    );
    assert_eq!(rig.rows("brand_replies"), 1);
}

#[tokio::test]
async fn x_dms_replies_quotes_and_brand_answers() {
    let rig = Rig::new();
    post(&rig, "x", "x-dm.json").await;
    let dm = rig.mention_json("x:1860000000000000001").expect("dm");
    assert_eq!(dm["mention"]["visibility"], "private");
    assert_eq!(dm["mention"]["author"]["handle"], "janedoe");
    let v = post(&rig, "x", "x-dm-brand-reply.json").await;
    assert_eq!(counts(&v).0, 1);
    post(&rig, "x", "x-reply.json").await;
    let r = rig.mention_json("x:1850000000000000101").expect("reply");
    assert_eq!(r["mention"]["in_reply_to"], "1850000000000000100");
    // Jane's earlier DM and the brand's DM answer are her context.
    assert_eq!(r["context"]["recent_contacts"]["brand_answered"], true);
    post(&rig, "x", "x-quote.json").await;
    let q = rig.mention_json("x:1850000000000000102").expect("quote");
    assert_eq!(q["mention"]["in_reply_to"], "1850000000000000050");
    let v = post(&rig, "x", "x-brand-reply.json").await;
    assert_eq!(counts(&v), (1, 0, 0, 0));
    assert_eq!(rig.rows("brand_replies"), 2);
}

/// The Python interpreter with `standardwebhooks` installed, or `None` (then the caller skips).
/// Same rule as the AWS tests: skipping is an error when `TRIAGE_REQUIRE_AWS_TESTS=1`.
fn python() -> Option<String> {
    match std::env::var("TRIAGE_TEST_PYTHON")
        .ok()
        .filter(|p| !p.is_empty())
    {
        Some(p) => Some(p),
        None => {
            assert!(
                std::env::var("TRIAGE_REQUIRE_AWS_TESTS").as_deref() != Ok("1"),
                "TRIAGE_TEST_PYTHON is unset but TRIAGE_REQUIRE_AWS_TESTS=1"
            );
            eprintln!("skipping independent-signer test: TRIAGE_TEST_PYTHON is unset (scripts/test.sh sets it)");
            None
        }
    }
}

/// Signs every job with code that shares nothing with ours: stdlib `hmac` and `standardwebhooks`.
const SIGNER: &str = r#"
import base64, datetime, hashlib, hmac, json, sys
from standardwebhooks.webhooks import Webhook
out = []
for j in json.load(sys.stdin):
    body = base64.b64decode(j["body"])
    key = j["secret"].encode()
    h = lambda msg: hmac.new(key, msg, hashlib.sha256)
    s = j["scheme"]
    if s == "x":
        out.append("sha256=" + base64.b64encode(h(body).digest()).decode())
    elif s == "x_crc":
        out.append("sha256=" + base64.b64encode(h(body).digest()).decode())
    elif s == "meta":
        out.append("sha256=" + h(body).hexdigest())
    elif s == "linkedin_a":
        out.append("hmacsha256=" + h(body).hexdigest())
    elif s == "linkedin_a_bare":
        out.append(h(body).hexdigest())
    elif s == "linkedin_b":
        out.append(h(b"hmacsha256=" + body).hexdigest())
    elif s == "linkedin_b_prefixed":
        out.append("hmacsha256=" + h(b"hmacsha256=" + body).hexdigest())
    elif s == "linkedin_challenge":
        out.append(h(body).hexdigest())
    elif s == "generic":
        ts = datetime.datetime.fromtimestamp(j["ts"], tz=datetime.timezone.utc)
        out.append(Webhook(j["secret"]).sign(j["id"], ts, body.decode("utf-8")))
    else:
        raise SystemExit("unknown scheme " + s)
json.dump(out, sys.stdout)
"#;

fn sign_externally(py: &str, jobs: &[Value]) -> Vec<String> {
    let mut child = Command::new(py)
        .args(["-c", SIGNER])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .expect("start python");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(Value::Array(jobs.to_vec()).to_string().as_bytes())
        .expect("write jobs");
    let out = child.wait_with_output().expect("python ran");
    assert!(out.status.success(), "python signer failed");
    serde_json::from_slice(&out.stdout).expect("signatures")
}

/// One request to send: platform, signature header, body, and (generic) webhook id + timestamp.
type Planned = (String, &'static str, Vec<u8>, Option<(String, i64)>);

fn job(scheme: &str, secret: &str, body: &[u8]) -> Value {
    json!({"scheme": scheme, "secret": secret, "body": harness::b64(body)})
}

#[tokio::test]
async fn independent_signers_are_accepted() {
    let Some(py) = python() else { return };
    let x_files = [
        "x-dm.json",
        "x-dm-brand-reply.json",
        "x-reply.json",
        "x-quote.json",
        "x-brand-reply.json",
    ];
    let meta_files = [
        "meta-page-feed-comment.json",
        "meta-page-feed-brand-reply.json",
        "meta-page-mention.json",
        "meta-messenger-dm.json",
        "meta-instagram-comment.json",
        "meta-instagram-mention.json",
        "meta-whatsapp-message.json",
        "meta-whatsapp-status.json",
    ];
    let li_files = [
        "linkedin-comment.json",
        "linkedin-share-mention.json",
        "linkedin-admin-comment.json",
    ];
    let li_schemes = [
        "linkedin_a",
        "linkedin_a_bare",
        "linkedin_b",
        "linkedin_b_prefixed",
    ];
    let generic_bodies: Vec<Vec<u8>> = vec![
        br#"{"platform":"reviews","id":"r-1","text":"Great staff at the Leeds branch","author":{"id":"u-1"}}"#.to_vec(),
        r#"{"mentions":[{"platform":"trustpilot","id":"t-9","text":"Zahlung doppelt abgebucht – unmöglich!","author":{"id":"c-9","handle":"kl"}},{"platform":"forum","id":"f-2","text":"is the app down?","author":{"id":"a-2"}}]}"#.as_bytes().to_vec(),
    ];

    let mut jobs = Vec::new();
    let mut plan: Vec<Planned> = Vec::new();
    for (i, f) in x_files.iter().enumerate() {
        let b = harness::raw_event(f);
        let secret = harness::X_SECRETS[i % 2];
        jobs.push(job("x", secret, &b));
        plan.push(("x".into(), "x-twitter-webhooks-signature", b, None));
    }
    for (i, f) in meta_files.iter().enumerate() {
        let b = harness::raw_event(f);
        jobs.push(job("meta", harness::META_SECRETS[i % 2], &b));
        plan.push(("meta".into(), "x-hub-signature-256", b, None));
    }
    for f in li_files {
        for (i, scheme) in li_schemes.iter().enumerate() {
            let b = harness::raw_event(f);
            jobs.push(job(scheme, harness::LINKEDIN_SECRETS[i % 2], &b));
            plan.push(("linkedin".into(), "x-li-signature", b, None));
        }
    }
    for (i, b) in generic_bodies.iter().enumerate() {
        for (k, ts) in [NOW, NOW - 299, NOW + 299].into_iter().enumerate() {
            let id = format!("msg_indep_{i}_{k}");
            let mut j = job("generic", harness::GENERIC_SECRETS[(i + k) % 2], b);
            j["id"] = json!(id);
            j["ts"] = json!(ts);
            jobs.push(j);
            plan.push((
                "generic".into(),
                "webhook-signature",
                b.clone(),
                Some((id, ts)),
            ));
        }
    }
    let sigs = sign_externally(&py, &jobs);
    assert_eq!(sigs.len(), plan.len());
    let rig = Rig::new();
    let mut accepted = 0;
    for ((platform, header, body, extra), sig) in plan.into_iter().zip(sigs) {
        let mut h = headers(&[JSON, (header, &sig)]);
        if let Some((id, ts)) = extra {
            h.push(("webhook-id".into(), id));
            h.push(("webhook-timestamp".into(), ts.to_string()));
        }
        let path = format!("/webhooks/{platform}");
        let r = rig.send("POST", &path, "", &h, &body).await;
        assert_eq!(
            r.status,
            200,
            "{platform} signed by an independent signer: {}",
            String::from_utf8_lossy(&r.body)
        );
        accepted += 1;
    }
    eprintln!("independent signers: {accepted} requests accepted");

    // Handshakes answered exactly as the independent HMAC computes them.
    let code = "890e4665-4dfe-4ab1-b689-ed553bceeed0";
    let token = "9b4507b3-9040-4669-9ca3-6b94edb50553";
    let expect = sign_externally(
        &py,
        &[
            job(
                "linkedin_challenge",
                harness::LINKEDIN_SECRETS[0],
                code.as_bytes(),
            ),
            job("x_crc", harness::X_SECRETS[0], token.as_bytes()),
        ],
    );
    let r = rig
        .send(
            "GET",
            "/webhooks/linkedin",
            &format!("challengeCode={code}"),
            &[],
            b"",
        )
        .await;
    assert_eq!(body_json(&r)["challengeResponse"], expect[0]);
    let r = rig
        .send(
            "GET",
            "/webhooks/x",
            &format!("crc_token={token}"),
            &[],
            b"",
        )
        .await;
    assert_eq!(body_json(&r)["response_token"], expect[1]);
}

/// `triage sign --platform linkedin` produces headers the service accepts.
#[tokio::test]
async fn cli_sign_linkedin_is_accepted() {
    use mention_triage::cli::{sign, SignPlatform};
    let rig = Rig::new();
    let body = harness::raw_event("linkedin-share-mention.json");
    let h = sign(
        SignPlatform::Linkedin,
        harness::LINKEDIN_SECRETS[1],
        None,
        None,
        &body,
    )
    .expect("sign");
    let h: Vec<(String, String)> = h.into_iter().map(|(k, v)| (k.to_owned(), v)).collect();
    assert!(h
        .iter()
        .any(|(k, v)| k == "x-li-signature" && v.starts_with("hmacsha256=")));
    let r = rig.send("POST", "/webhooks/linkedin", "", &h, &body).await;
    assert_eq!(r.status, 200, "{}", String::from_utf8_lossy(&r.body));
}

#[tokio::test]
async fn a_blocked_authors_posts_and_edits_are_ignored_and_store_nothing() {
    let rules = mention_triage::core::brand::BrandRules::from_toml(
        "blocked_authors = [\"6100000000000001\"]",
    )
    .unwrap();
    let rig = Rig::with(harness::all_secrets(), rules);
    for file in [
        "meta-page-feed-comment.json",
        "meta-page-feed-comment-edited.json",
    ] {
        let v = post(&rig, "meta", file).await;
        assert_eq!(v["ignored"], 1, "{file}: {v}");
        assert_eq!(v["accepted"], 0, "{file}: {v}");
    }
    assert_eq!(rig.writes(), 0);
}

/// Signs and posts a Meta delivery built in the test.
async fn post_meta(rig: &Rig, body: &Value) -> mention_triage::http::Response {
    let body = body.to_string().into_bytes();
    let sig = meta_sig(harness::META_SECRETS[0], &body);
    rig.send(
        "POST",
        "/webhooks/meta",
        "",
        &headers(&[JSON, ("x-hub-signature-256", &sig)]),
        &body,
    )
    .await
}

fn meta_comment(verb: &str, message: &str) -> Value {
    json!({"object": "page", "entry": [{"id": "104000000000001", "time": NOW, "changes": [{
        "field": "feed", "value": {"item": "comment", "verb": verb,
        "post_id": "104000000000001_5550001", "comment_id": "5550001_9990001",
        "parent_id": "104000000000001_5550001",
        "from": {"id": "6100000000000009", "name": "Sam Doe"},
        "message": message, "created_time": NOW}}]}]})
}

/// A harmless comment edited into a legal threat reaches the queue, once: the edit is what
/// a human must answer. A mention already queued is never queued again (see the lifecycle test).
#[tokio::test]
async fn an_edit_into_a_risk_queues_the_mention_once() {
    let rig = Rig::new();
    let first = post_meta(&rig, &meta_comment("add", "Nice photo of the new branch!")).await;
    assert_eq!(first.status, 200);
    assert_eq!(counts(&body_json(&first)), (1, 0, 0, 0));
    let threat = "You charged my card twice and my lawyer will hear about it";
    let edit = post_meta(&rig, &meta_comment("edited", threat)).await;
    assert_eq!(edit.status, 200);
    assert_eq!(counts(&body_json(&edit)), (1, 1, 0, 0));
    assert_eq!(rig.queued().await, 1);
    let item = rig
        .mention_json("facebook:5550001_9990001")
        .expect("stored");
    assert_eq!(item["triage"]["queue"], true);
    // The platform redelivers the edit: stored again, queued no more.
    let again = post_meta(&rig, &meta_comment("edited", threat)).await;
    assert_eq!(counts(&body_json(&again)), (1, 0, 0, 0));
    assert_eq!(rig.rows("queue"), 1);
}

/// Three deliveries of one high-risk mention at once (a platform retrying a slow first
/// answer) put it on the queue once; a delivery that finds another one sending it is answered
/// 503, and its retry finds it queued.
#[tokio::test]
async fn concurrent_redeliveries_queue_a_mention_once() {
    let rig = Rig::new();
    let high_risk = crate::support::fixtures::HIGH_RISK_TEXT;
    let send = || post_x(&rig, "1850000000000000777", "4321", high_risk);
    let (a, b, c) = tokio::join!(send(), send(), send());
    let statuses = [a.status, b.status, c.status];
    assert!(
        statuses.iter().all(|s| *s == 200 || *s == 503),
        "{statuses:?}"
    );
    assert!(statuses.contains(&200));
    assert_eq!(rig.rows("queue"), 1, "{statuses:?}");
    let retry = send().await;
    assert_eq!(retry.status, 200);
    assert_eq!(counts(&body_json(&retry)), (0, 0, 1, 0));
    assert_eq!(rig.rows("queue"), 1);
}

/// Posts one signed X delivery of one mention (fixed clock, small account).
async fn post_x(rig: &Rig, id: &str, author: &str, text: &str) -> mention_triage::http::Response {
    let created = time::OffsetDateTime::from_unix_timestamp(NOW).expect("time");
    let body = crate::support::fixtures::x_delivery(id, author, text, 50, created);
    let sig = x_sig(harness::X_SECRETS[0], &body);
    rig.send(
        "POST",
        "/webhooks/x",
        "",
        &headers(&[JSON, ("x-twitter-webhooks-signature", &sig)]),
        &body,
    )
    .await
}

/// The recent-contacts count covers every earlier mention in the window, not only the 20 ids
/// listed.
#[tokio::test]
async fn recent_contacts_count_is_not_capped_by_the_id_list() {
    let rig = Rig::new();
    for i in 0..24 {
        let id = format!("18500000000000010{i:02}");
        assert_eq!(
            post_x(&rig, &id, "5555", "just saying hi").await.status,
            200
        );
    }
    let high_risk = crate::support::fixtures::HIGH_RISK_TEXT;
    let r = post_x(&rig, "1850000000000002000", "5555", high_risk).await;
    assert_eq!(r.status, 200);
    let item = rig.mention_json("x:1850000000000002000").expect("stored");
    let rc = &item["context"]["recent_contacts"];
    assert_eq!(rc["count"], 24);
    assert_eq!(rc["ids"].as_array().map(Vec::len), Some(20));
}

/// The edit's delivery finds nothing stored, and the original's delivery stores it just then:
/// the edit must still apply on top and queue what now needs a human, not be counted as a
/// duplicate of the harmless original.
#[tokio::test]
async fn an_edit_racing_its_original_still_applies_and_queues() {
    use std::sync::atomic::{AtomicBool, Ordering};
    use std::sync::Arc;

    use async_trait::async_trait;
    use mention_triage::adapters::embedded::EmbeddedStore;
    use mention_triage::app::{
        App, AuthorHistory, FoundMention, InsertOutcome, PortError, Queue, QueuedEntry, Store,
        StoredMention,
    };
    use mention_triage::core::brand::BrandRules;
    use mention_triage::core::normalise::{BrandReply, Event};
    use time::OffsetDateTime;

    use crate::support::fixtures::{mention_json, stored, HIGH_RISK_TEXT};

    /// Stores the original right after the edit's first update finds nothing.
    struct Racing {
        inner: EmbeddedStore,
        original: StoredMention,
        raced: AtomicBool,
    }
    #[async_trait]
    impl Store for Racing {
        async fn author_history(
            &self,
            p: &str,
            a: &str,
            since: OffsetDateTime,
        ) -> Result<AuthorHistory, PortError> {
            self.inner.author_history(p, a, since).await
        }
        async fn surge_count(&self, topic: &str, bucket: i64) -> Result<u64, PortError> {
            self.inner.surge_count(topic, bucket).await
        }
        async fn find_mentions(&self, keys: &[String]) -> Result<Vec<FoundMention>, PortError> {
            self.inner.find_mentions(keys).await
        }
        async fn insert_mention(&self, m: &StoredMention) -> Result<InsertOutcome, PortError> {
            self.inner.insert_mention(m).await
        }
        async fn claim_send(&self, k: &str, now: OffsetDateTime) -> Result<bool, PortError> {
            self.inner.claim_send(k, now).await
        }
        async fn release_send(&self, k: &str, until: OffsetDateTime) -> Result<(), PortError> {
            self.inner.release_send(k, until).await
        }
        async fn mark_queued(&self, k: &str) -> Result<(), PortError> {
            self.inner.mark_queued(k).await
        }
        async fn update_mention(
            &self,
            m: &StoredMention,
        ) -> Result<Option<FoundMention>, PortError> {
            let found = self.inner.update_mention(m).await?;
            if found.is_none() && !self.raced.swap(true, Ordering::SeqCst) {
                self.inner.insert_mention(&self.original).await?;
            }
            Ok(found)
        }
        async fn mark_removed(&self, k: &str, at: OffsetDateTime) -> Result<(), PortError> {
            self.inner.mark_removed(k, at).await
        }
        async fn record_brand_reply(&self, r: &BrandReply) -> Result<(), PortError> {
            self.inner.record_brand_reply(r).await
        }
        async fn queued(&self, limit: usize) -> Result<Vec<QueuedEntry>, PortError> {
            self.inner.queued(limit).await
        }
    }

    let dir = tempfile::tempdir().expect("tempdir");
    let inner = EmbeddedStore::open(dir.path()).expect("store");
    let t = OffsetDateTime::from_unix_timestamp(NOW).expect("time");
    let original = stored(
        &mention_json("880", "a88", "lovely photo", 10, t),
        t,
        "praise",
        1,
    );
    assert!(!original.needs_queue);
    let store = Arc::new(Racing {
        inner: inner.clone(),
        original,
        raced: AtomicBool::new(false),
    });
    let queue: Arc<dyn Queue> = Arc::new(inner.clone());
    let app = App::new(store, queue, Arc::new(BrandRules::default()));
    let edit = mention_triage::core::mention::Mention::parse_json(
        &mention_json("880", "a88", HIGH_RISK_TEXT, 10, t),
        t,
    )
    .expect("mention");
    let out = app
        .process(vec![Event::Edited(edit)], t)
        .await
        .expect("durable");
    assert_eq!((out.accepted, out.queued, out.duplicates), (1, 1, 0));
    let q = inner.queued(10).await.expect("queued");
    assert_eq!(q.len(), 1);
    assert!(
        q[0].item_json.contains("lawyer"),
        "the edited text is what is queued"
    );
}

/// The up-front read of a delivery's keys must not answer for a send that happened since: the
/// same delivery may remove, or (by an edit) queue, a mention that read as waiting to be sent,
/// and a later copy of it in the delivery is then a duplicate, not a 503.
#[tokio::test]
async fn a_pending_send_is_read_again_not_trusted_from_the_upfront_read() {
    use std::sync::Arc;

    use mention_triage::adapters::embedded::EmbeddedStore;
    use mention_triage::app::{App, InsertOutcome, Queue, Store, SEND_LEASE};
    use mention_triage::core::brand::BrandRules;
    use mention_triage::core::mention::{Mention, Platform};
    use mention_triage::core::normalise::Event;
    use time::OffsetDateTime;

    use crate::support::fixtures::{mention_json, stored, HIGH_RISK_TEXT};

    let t = OffsetDateTime::from_unix_timestamp(NOW).expect("time");
    for (id, first) in [("900", "removed"), ("901", "edited")] {
        let dir = tempfile::tempdir().expect("tempdir");
        let store = EmbeddedStore::open(dir.path()).expect("store");
        // Stored and needing a human, but its send failed and gave the right back.
        let m = stored(
            &mention_json(id, "a90", HIGH_RISK_TEXT, 10, t),
            t,
            "legal_threat",
            1,
        );
        assert!(m.needs_queue);
        assert_eq!(
            store.insert_mention(&m).await.expect("insert"),
            InsertOutcome::Inserted
        );
        let key = format!("x:{id}");
        store
            .release_send(&key, t + SEND_LEASE)
            .await
            .expect("release");
        let queue: Arc<dyn Queue> = Arc::new(store.clone());
        let app = App::new(
            Arc::new(store.clone()),
            queue,
            Arc::new(BrandRules::default()),
        );
        let mention =
            || Mention::parse_json(&mention_json(id, "a90", HIGH_RISK_TEXT, 10, t), t).expect("m");
        let before = match first {
            "removed" => Event::Removed {
                platform: Platform::X,
                id: id.to_owned(),
            },
            _ => Event::Edited(mention()),
        };
        let out = app
            .process(vec![before, Event::Mention(mention())], t)
            .await
            .unwrap_or_else(|e| panic!("{first} then the mention: {e}"));
        assert_eq!(out.duplicates, 1, "{first}");
        let sent = usize::from(first == "edited");
        assert_eq!(
            store.queued(10).await.expect("queued").len(),
            sent,
            "{first}"
        );
    }
}
