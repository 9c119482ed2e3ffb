//! The `triage` binary as an operator or developer runs it: `serve` on the embedded store,
//! `queue`, `classify`, `sign`, and the exit statuses.

use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::process::{Child, Command, Stdio};

const X_SECRET: &str = "serve-test-x-secret";
const BIN: &str = env!("CARGO_BIN_EXE_triage");

fn raw_event(name: &str) -> Vec<u8> {
    std::fs::read(Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/events/raw")).join(name)).unwrap()
}

/// A running `triage serve`; killed (and its port freed) when dropped.
struct Server {
    child: Child,
    base: String,
}

impl Server {
    fn start(data_dir: &Path) -> Self {
        let mut child = Command::new(BIN)
            .args(["serve", "--addr", "127.0.0.1:0"])
            .env_clear()
            .env("PATH", std::env::var("PATH").unwrap_or_default())
            .env("TRIAGE_DATA_DIR", data_dir)
            .env("X_CONSUMER_SECRETS", X_SECRET)
            .env("RUST_LOG", "warn")
            .stderr(Stdio::piped())
            .stdout(Stdio::null())
            .spawn()
            .expect("spawn triage serve");
        let stderr = child.stderr.take().unwrap();
        let mut lines = BufReader::new(stderr).lines();
        let base = loop {
            let line = lines
                .next()
                .expect("serve exited before listening")
                .unwrap();
            if let Some(url) = line.strip_prefix("listening on ") {
                break url.trim().to_owned();
            }
        };
        // Keep draining stderr so the child never blocks on a full pipe.
        std::thread::spawn(move || for _ in lines {});
        Self { child, base }
    }

    fn post_x(&self, body: &[u8], secret: &str) -> (u16, serde_json::Value) {
        let sig = mention_triage::core::verify::x_signature(
            &mention_triage::core::verify::Secret::parse(
                secret,
                mention_triage::core::verify::SecretKind::Raw,
            )
            .unwrap(),
            body,
        );
        let resp = ureq::post(&format!("{}/webhooks/x", self.base))
            .set("content-type", "application/json")
            .set("x-twitter-webhooks-signature", &sig)
            .send_bytes(body);
        let resp = match resp {
            Ok(r) => r,
            Err(ureq::Error::Status(_, r)) => r,
            Err(e) => panic!("{e}"),
        };
        (resp.status(), resp.into_json().unwrap())
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn queue_listing(data_dir: &Path) -> String {
    let out = Command::new(BIN)
        .args(["queue", "--limit", "10"])
        .env_clear()
        .env("TRIAGE_DATA_DIR", data_dir)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn serve_accepts_queues_dedupes_and_survives_a_restart() {
    let dir = tempfile::tempdir().unwrap();
    let body = raw_event("x-mention.json");
    {
        let server = Server::start(dir.path());
        let health: serde_json::Value = ureq::get(&format!("{}/health", server.base))
            .call()
            .unwrap()
            .into_json()
            .unwrap();
        assert_eq!(health["status"], "ok");
        // HEAD is what many uptime monitors send: same answer, no body.
        let head = ureq::head(&format!("{}/health", server.base))
            .call()
            .unwrap();
        assert_eq!(head.status(), 200);
        assert_eq!(head.into_string().unwrap(), "");

        let (status, json) = server.post_x(&body, "an-attacker-guess");
        assert_eq!(status, 401);
        assert_eq!(json["error"], "invalid_signature");
        assert!(
            queue_listing(dir.path()).contains("(queue is empty)"),
            "a forged request stored nothing"
        );

        let (status, json) = server.post_x(&body, X_SECRET);
        assert_eq!(status, 200, "{json}");
        assert_eq!(
            json,
            serde_json::json!({"accepted":1,"queued":1,"duplicates":0,"ignored":0})
        );

        // `triage queue` reads the same file while serve is running.
        let listing = queue_listing(dir.path());
        assert!(listing.contains("jane_doe"), "{listing}");
        assert!(listing.contains("legal"), "{listing}");

        let (status, json) = server.post_x(&body, X_SECRET);
        assert_eq!(status, 200);
        assert_eq!(
            json,
            serde_json::json!({"accepted":0,"queued":0,"duplicates":1,"ignored":0})
        );
    }
    // A restart keeps what was stored: the redelivery is still a duplicate.
    let server = Server::start(dir.path());
    let (status, json) = server.post_x(&body, X_SECRET);
    assert_eq!(status, 200);
    assert_eq!(json["duplicates"], 1);
    assert_eq!(queue_listing(dir.path()).matches("jane_doe").count(), 1);
}

#[test]
fn crc_and_unknown_routes() {
    let dir = tempfile::tempdir().unwrap();
    let server = Server::start(dir.path());
    let crc: serde_json::Value = ureq::get(&format!("{}/webhooks/x?crc_token=foo", server.base))
        .call()
        .unwrap()
        .into_json()
        .unwrap();
    let expected = mention_triage::core::verify::x_crc_response(
        &mention_triage::core::verify::SecretSet::parse_list(
            X_SECRET,
            mention_triage::core::verify::SecretKind::Raw,
        )
        .unwrap(),
        "foo",
    );
    assert_eq!(crc["response_token"], expected);
    let status = |r: Result<ureq::Response, ureq::Error>| match r {
        Ok(r) => r.status(),
        Err(ureq::Error::Status(s, _)) => s,
        Err(e) => panic!("{e}"),
    };
    // No Meta secret configured: its routes do not exist.
    assert_eq!(
        status(ureq::post(&format!("{}/webhooks/meta", server.base)).send_string("{}")),
        404
    );
    assert_eq!(
        status(ureq::get(&format!("{}/webhooks/tiktok", server.base)).call()),
        404
    );
    assert_eq!(
        status(ureq::request("DELETE", &format!("{}/webhooks/x", server.base)).call()),
        405
    );
    assert_eq!(
        status(
            ureq::post(&format!("{}/webhooks/x", server.base))
                .set("content-type", "text/plain")
                .send_string("hi")
        ),
        415
    );
    // An oversized body is refused from its declared length, before it is read or hashed: the
    // answer arrives although the client has sent only the headers.
    let addr = server.base.trim_start_matches("http://");
    let mut tcp = std::net::TcpStream::connect(addr).unwrap();
    write!(tcp, "POST /webhooks/x HTTP/1.1\r\nhost: {addr}\r\ncontent-type: application/json\r\ncontent-length: 1048577\r\n\r\n").unwrap();
    let mut head = String::new();
    BufReader::new(tcp).read_line(&mut head).unwrap();
    assert!(head.starts_with("HTTP/1.1 413"), "{head}");
}

#[test]
fn classify_writes_one_line_per_input_and_survives_bad_lines() {
    let mut child = Command::new(BIN)
        .arg("classify")
        .env_clear()
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let input = concat!(
        r#"{"platform":"x","id":"1","text":"my lawyer will hear about this","author":{"id":"a","followers":48000,"verified":true},"created_at":"2026-11-20T10:00:00Z"}"#,
        "\n",
        "not json\n",
        r#"{"platform":"x","text":"no id","author":{"id":"a"}}"#,
        "\n",
        r#"{"platform":"x","id":"2","text":"love it, thanks!","author":{"id":"b"},"created_at":"2026-11-20T10:00:00Z"}"#,
        "\n"
    );
    child
        .stdin
        .take()
        .unwrap()
        .write_all(input.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success());
    let lines: Vec<serde_json::Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 4);
    assert_eq!(lines[0]["id"], "1");
    assert_eq!(lines[0]["route"], "legal");
    assert!(!lines[0]["reasons"].as_array().unwrap().is_empty());
    assert!(lines[1]["error"].is_string());
    assert!(lines[2]["error"].as_str().unwrap().contains("id"));
    assert_eq!(lines[3]["id"], "2");
}

#[test]
fn sign_prints_headers_the_service_accepts() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("body.json");
    std::fs::write(&file, br#"{"test_number":1,"test_string":"two"}"#).unwrap();
    let out = Command::new(BIN)
        .args(["sign", "--platform", "x", "--secret", "test"])
        .arg(&file)
        .output()
        .unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    // The official autohook vector.
    assert!(
        text.contains(
            "x-twitter-webhooks-signature: sha256=YWHphPn/JFq43jkF0y4/w8R/SelmLjvpunhVFY8JhlI="
        ),
        "{text}"
    );
}

#[test]
fn exit_statuses() {
    let usage = Command::new(BIN).arg("frobnicate").output().unwrap();
    assert_eq!(usage.status.code(), Some(2));
    let failure = Command::new(BIN)
        .args([
            "sign",
            "--platform",
            "x",
            "--secret",
            "s",
            "/nonexistent/file",
        ])
        .output()
        .unwrap();
    assert_eq!(failure.status.code(), Some(1));
    let msg = String::from_utf8(failure.stderr).unwrap();
    assert_eq!(msg.lines().count(), 1, "one-line reason: {msg}");
    let help = Command::new(BIN)
        .args(["serve", "--help"])
        .output()
        .unwrap();
    assert!(help.status.success());
}
