//! The real `bootstrap` binary, driven through the Lambda Runtime API as Lambda drives it.
//!
//! A small stand-in for the Runtime API (std threads on 127.0.0.1:0) hands out Function URL
//! (API Gateway HTTP API v2) events on `GET .../invocation/next` and collects what the function
//! posts to `.../response`, `.../error` and `.../init/error`. The function itself talks to the
//! emulator's DynamoDB and SQS on a template-created table and queue. This covers what unit
//! tests cannot: cold-start wiring from the environment, event decoding and response encoding.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{channel, Receiver, RecvTimeoutError, Sender};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use serde_json::json;

use crate::aws_or_skip;
use crate::support::fixtures::{now, x_delivery, x_headers, HIGH_RISK_TEXT, X_SECRET};
use crate::support::rig::Rig;

/// The X secret `events/*.json` are signed with (events/README.md).
const EVENTS_X_SECRET: &str = "events-x-consumer-secret";

/// How long a cold start plus one invocation may take on a busy 2-core machine.
const WAIT: Duration = Duration::from_secs(60);

/// What the function reported back.
#[derive(Debug)]
enum Report {
    /// `POST /2018-06-01/runtime/invocation/{id}/response`.
    Response { id: String, body: String },
    /// `POST /2018-06-01/runtime/invocation/{id}/error`.
    Error { id: String, body: String },
    /// `POST /2018-06-01/runtime/init/error`.
    InitError { body: String },
}

/// The stand-in Runtime API. Dropping it stops the accept loop and closes the port.
struct RuntimeApi {
    addr: SocketAddr,
    events: Sender<(String, String)>,
    reports: Receiver<Report>,
    stop: Arc<AtomicBool>,
    accept: Option<JoinHandle<()>>,
}

impl RuntimeApi {
    fn start() -> RuntimeApi {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind loopback");
        let addr = listener.local_addr().unwrap();
        let (events_tx, events_rx) = channel::<(String, String)>();
        let (reports_tx, reports_rx) = channel::<Report>();
        let events_rx = Arc::new(Mutex::new(events_rx));
        let stop = Arc::new(AtomicBool::new(false));
        let stop_accept = stop.clone();
        let accept = std::thread::spawn(move || {
            for conn in listener.incoming() {
                if stop_accept.load(Ordering::SeqCst) {
                    break;
                }
                let Ok(conn) = conn else { continue };
                let (events, reports, stop) =
                    (events_rx.clone(), reports_tx.clone(), stop_accept.clone());
                std::thread::spawn(move || serve_connection(conn, events, reports, stop));
            }
            // The listener drops here: the port is closed.
        });
        RuntimeApi {
            addr,
            events: events_tx,
            reports: reports_rx,
            stop,
            accept: Some(accept),
        }
    }

    /// Queues one invocation and waits for the function's report on it.
    fn invoke(&self, id: &str, event: serde_json::Value) -> Report {
        self.events
            .send((id.to_owned(), event.to_string()))
            .expect("runtime API running");
        self.reports
            .recv_timeout(WAIT)
            .unwrap_or_else(|_| panic!("no report for invocation {id} within {WAIT:?}"))
    }
}

impl Drop for RuntimeApi {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        // Wake the blocking accept so the thread sees the flag and drops the listener.
        let _ = TcpStream::connect(self.addr);
        if let Some(t) = self.accept.take() {
            let _ = t.join();
        }
    }
}

/// One parsed HTTP/1.1 request (enough of it for the Runtime API client).
struct HttpRequest {
    method: String,
    path: String,
    body: String,
}

fn read_request(r: &mut BufReader<TcpStream>) -> Option<HttpRequest> {
    let mut line = String::new();
    if r.read_line(&mut line).ok()? == 0 {
        return None;
    }
    let mut parts = line.split_whitespace();
    let (method, path) = (parts.next()?.to_owned(), parts.next()?.to_owned());
    let (mut length, mut chunked) = (0usize, false);
    loop {
        let mut h = String::new();
        r.read_line(&mut h).ok()?;
        let h = h.trim_end();
        if h.is_empty() {
            break;
        }
        let (k, v) = h.split_once(':')?;
        match k.trim().to_ascii_lowercase().as_str() {
            "content-length" => length = v.trim().parse().ok()?,
            "transfer-encoding" => chunked = v.trim().eq_ignore_ascii_case("chunked"),
            _ => {}
        }
    }
    let mut body = Vec::new();
    if chunked {
        loop {
            let mut size = String::new();
            r.read_line(&mut size).ok()?;
            let n = usize::from_str_radix(size.trim().split(';').next()?, 16).ok()?;
            let mut chunk = vec![0; n + 2]; // data + CRLF
            r.read_exact(&mut chunk).ok()?;
            if n == 0 {
                break;
            }
            body.extend_from_slice(&chunk[..n]);
        }
    } else {
        body.resize(length, 0);
        r.read_exact(&mut body).ok()?;
    }
    Some(HttpRequest {
        method,
        path,
        body: String::from_utf8_lossy(&body).into_owned(),
    })
}

fn serve_connection(
    conn: TcpStream,
    events: Arc<Mutex<Receiver<(String, String)>>>,
    reports: Sender<Report>,
    stop: Arc<AtomicBool>,
) {
    let mut writer = match conn.try_clone() {
        Ok(w) => w,
        Err(_) => return,
    };
    let mut reader = BufReader::new(conn);
    const PREFIX: &str = "/2018-06-01/runtime/";
    // The runtime client keeps its connection alive: serve requests until it closes.
    while let Some(req) = read_request(&mut reader) {
        let route = req.path.strip_prefix(PREFIX).unwrap_or("");
        let reply = match (req.method.as_str(), route) {
            ("GET", "invocation/next") => {
                // Long-poll, as the real API does, until the test queues an event.
                let next = loop {
                    if stop.load(Ordering::SeqCst) {
                        return;
                    }
                    let rx = events.lock().unwrap();
                    match rx.recv_timeout(Duration::from_millis(100)) {
                        Ok(ev) => break ev,
                        Err(RecvTimeoutError::Timeout) => continue,
                        Err(RecvTimeoutError::Disconnected) => return,
                    }
                };
                let (id, event) = next;
                let deadline = (std::time::SystemTime::now() + Duration::from_secs(60))
                    .duration_since(std::time::UNIX_EPOCH)
                    .unwrap()
                    .as_millis();
                format!(
                    "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\n\
                     lambda-runtime-aws-request-id: {id}\r\n\
                     lambda-runtime-deadline-ms: {deadline}\r\n\
                     lambda-runtime-invoked-function-arn: arn:aws:lambda:us-east-1:000000000000:function:mention-triage-test\r\n\
                     lambda-runtime-trace-id: Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=0\r\n\
                     content-length: {}\r\n\r\n{event}",
                    event.len()
                )
            }
            ("POST", r) if r.starts_with("invocation/") => {
                let rest = &r["invocation/".len()..];
                let (id, kind) = rest.split_once('/').unwrap_or((rest, ""));
                let report = match kind {
                    "response" => Report::Response {
                        id: id.to_owned(),
                        body: req.body,
                    },
                    _ => Report::Error {
                        id: id.to_owned(),
                        body: req.body,
                    },
                };
                let _ = reports.send(report);
                accepted()
            }
            ("POST", "init/error") => {
                let _ = reports.send(Report::InitError { body: req.body });
                accepted()
            }
            _ => "HTTP/1.1 404 Not Found\r\ncontent-length: 0\r\n\r\n".to_owned(),
        };
        if writer.write_all(reply.as_bytes()).is_err() {
            return;
        }
    }
}

fn accepted() -> String {
    let body = r#"{"status":"OK"}"#;
    format!(
        "HTTP/1.1 202 Accepted\r\ncontent-type: application/json\r\ncontent-length: {}\r\n\r\n{body}",
        body.len()
    )
}

/// The function process; killed and reaped on drop, whatever the test outcome.
struct FunctionProcess {
    child: Child,
    log: tempfile::NamedTempFile,
}

impl FunctionProcess {
    fn spawn(api: &RuntimeApi, env: &[(&str, String)]) -> FunctionProcess {
        let log = tempfile::NamedTempFile::new().unwrap();
        let child = Command::new(env!("CARGO_BIN_EXE_bootstrap"))
            .env_clear()
            .env("PATH", std::env::var("PATH").unwrap_or_default())
            .env("AWS_LAMBDA_RUNTIME_API", api.addr.to_string())
            .env("AWS_LAMBDA_FUNCTION_NAME", "mention-triage-test")
            .env("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "128")
            .env("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST")
            .env("AWS_LAMBDA_LOG_STREAM_NAME", "2026/11/24/[$LATEST]test")
            .env(
                "AWS_LAMBDA_LOG_GROUP_NAME",
                "/aws/lambda/mention-triage-test",
            )
            .envs(env.iter().map(|(k, v)| (*k, v.as_str())))
            .stdin(Stdio::null())
            .stdout(log.reopen().unwrap())
            .stderr(log.reopen().unwrap())
            .spawn()
            .expect("start bootstrap");
        FunctionProcess { child, log }
    }

    /// Everything the function wrote to stdout and stderr so far.
    fn output(&self) -> String {
        std::fs::read_to_string(self.log.path()).unwrap_or_default()
    }

    /// Waits for the process to exit on its own; `None` if it is still running after `limit`.
    fn wait_exit(&mut self, limit: Duration) -> Option<std::process::ExitStatus> {
        let start = Instant::now();
        while start.elapsed() < limit {
            if let Ok(Some(status)) = self.child.try_wait() {
                return Some(status);
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        None
    }
}

impl Drop for FunctionProcess {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A Function URL event (payload v2) for `POST /webhooks/x`.
fn function_url_event(
    request_id: &str,
    body: &[u8],
    headers: &[(String, String)],
) -> serde_json::Value {
    let headers: serde_json::Map<String, serde_json::Value> =
        headers.iter().map(|(k, v)| (k.clone(), json!(v))).collect();
    json!({
        "version": "2.0",
        "routeKey": "$default",
        "rawPath": "/webhooks/x",
        "rawQueryString": "",
        "headers": headers,
        "requestContext": {
            "accountId": "anonymous",
            "apiId": "abcdefgh",
            "domainName": "abcdefgh.lambda-url.us-east-1.on.aws",
            "domainPrefix": "abcdefgh",
            "http": {
                "method": "POST",
                "path": "/webhooks/x",
                "protocol": "HTTP/1.1",
                "sourceIp": "127.0.0.1",
                "userAgent": "integration-test"
            },
            "requestId": request_id,
            "routeKey": "$default",
            "stage": "$default",
            "time": "24/Nov/2026:10:00:00 +0000",
            "timeEpoch": 1_795_514_400_000_i64
        },
        "body": String::from_utf8_lossy(body),
        "isBase64Encoded": false
    })
}

/// Status and JSON body of a successful invocation's response.
fn http_answer(report: Report, function: &FunctionProcess) -> (i64, serde_json::Value) {
    match report {
        Report::Response { body, .. } => {
            let r: serde_json::Value = serde_json::from_str(&body).expect("response JSON");
            let inner = r["body"].as_str().expect("response has a text body");
            (
                r["statusCode"].as_i64().expect("statusCode"),
                serde_json::from_str(inner).expect("body is JSON"),
            )
        }
        Report::Error { id, body } => panic!(
            "invocation {id} failed: {body}\nfunction output:\n{}",
            function.output()
        ),
        Report::InitError { body } => panic!(
            "cold start failed: {body}\nfunction output:\n{}",
            function.output()
        ),
    }
}

#[tokio::test]
async fn aws_lambda_runtime_roundtrip() {
    let rig = Rig::new(aws_or_skip!("aws_lambda_runtime_roundtrip")).await;
    let api = RuntimeApi::start();
    let mut env = rig.aws.child_env();
    env.push(("TRIAGE_TABLE", rig.table.clone()));
    env.push(("TRIAGE_QUEUE_URL", rig.queues.main.url.clone()));
    env.push((
        "X_CONSUMER_SECRETS",
        format!("{X_SECRET},{EVENTS_X_SECRET}"),
    ));
    let function = FunctionProcess::spawn(&api, &env);

    let body = x_delivery("1850000000000000100", "900", HIGH_RISK_TEXT, 50_000, now());
    let headers = x_headers(&body, X_SECRET);

    let report = api.invoke("req-1", function_url_event("req-1", &body, &headers));
    if let Report::Response { id, .. } = &report {
        assert_eq!(id, "req-1");
    }
    let (status, answer) = http_answer(report, &function);
    assert_eq!(status, 200, "{answer}");
    assert_eq!(
        answer,
        json!({"accepted":1,"queued":1,"duplicates":0,"ignored":0})
    );

    let report = api.invoke("req-2", function_url_event("req-2", &body, &headers));
    let (status, answer) = http_answer(report, &function);
    assert_eq!(status, 200, "{answer}");
    assert_eq!(
        answer,
        json!({"accepted":0,"queued":0,"duplicates":1,"ignored":0})
    );

    let forged = x_headers(&body, "attacker-guess");
    let report = api.invoke("req-3", function_url_event("req-3", &body, &forged));
    let (status, answer) = http_answer(report, &function);
    assert_eq!(status, 401);
    assert_eq!(answer["error"], "invalid_signature");

    // The shipped samples (signed with the events/ secret, the second in the rotation list)
    // behave as events/README.md promises on the AWS backends too.
    let sample = |name: &str| -> serde_json::Value {
        let path = format!("{}/events/{name}", env!("CARGO_MANIFEST_DIR"));
        serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
    };
    let report = api.invoke("req-4", sample("x-mention.json"));
    let (status, answer) = http_answer(report, &function);
    assert_eq!(
        (status, answer["queued"].as_u64()),
        (200, Some(1)),
        "{answer}"
    );
    let report = api.invoke("req-5", sample("x-forged.json"));
    let (status, answer) = http_answer(report, &function);
    assert_eq!(status, 401, "{answer}");

    let messages = rig.drain().await;
    assert_eq!(
        messages.len(),
        2,
        "one message per new high-risk mention, whatever the redeliveries"
    );
    assert!(rig.mention_item("1850000000000000100").await.is_some());
    drop(function);
    drop(api);
}

#[test]
fn cold_start_without_table_fails_naming_it() {
    let api = RuntimeApi::start();
    let env = [
        (
            "TRIAGE_QUEUE_URL",
            "unused-because-the-table-is-missing".to_owned(),
        ),
        ("X_CONSUMER_SECRETS", X_SECRET.to_owned()),
        ("AWS_REGION", "us-east-1".to_owned()),
        ("AWS_EC2_METADATA_DISABLED", "true".to_owned()),
    ];
    let mut function = FunctionProcess::spawn(&api, &env);
    let exit = function.wait_exit(WAIT);
    let init_error = api.reports.try_recv().ok();
    let output = function.output();
    match (exit, init_error) {
        (_, Some(Report::InitError { body })) => {
            assert!(
                body.contains("TRIAGE_TABLE"),
                "init error must name TRIAGE_TABLE: {body}"
            );
        }
        (Some(status), _) => {
            assert!(!status.success(), "a misconfigured cold start must fail");
            assert!(
                output.contains("TRIAGE_TABLE"),
                "the failure must name TRIAGE_TABLE:\n{output}"
            );
        }
        (None, other) => {
            panic!("bootstrap neither failed nor reported an init error ({other:?}):\n{output}")
        }
    }
}

/// Starts the function with `env` (table and queue set, so only the setting under test is
/// wrong) and returns what it reported about its failed cold start.
fn failed_cold_start(extra: &[(&str, String)]) -> String {
    let api = RuntimeApi::start();
    let mut env = vec![
        ("TRIAGE_TABLE", "unused-because-the-start-fails".to_owned()),
        (
            "TRIAGE_QUEUE_URL",
            "unused-because-the-start-fails".to_owned(),
        ),
        ("X_CONSUMER_SECRETS", X_SECRET.to_owned()),
        ("AWS_REGION", "us-east-1".to_owned()),
        ("AWS_EC2_METADATA_DISABLED", "true".to_owned()),
    ];
    env.extend(extra.iter().cloned());
    let mut function = FunctionProcess::spawn(&api, &env);
    let exit = function.wait_exit(WAIT);
    let init_error = api.reports.try_recv().ok();
    let output = function.output();
    match (exit, init_error) {
        (_, Some(Report::InitError { body })) => body,
        (Some(status), _) => {
            assert!(!status.success(), "a misconfigured cold start must fail");
            output
        }
        (None, other) => {
            panic!("bootstrap neither failed nor reported an init error ({other:?}):\n{output}")
        }
    }
}

#[test]
fn cold_start_with_out_of_range_limit_fails_naming_it() {
    let reason = failed_cold_start(&[("TRIAGE_MAX_BODY_BYTES", "0".to_owned())]);
    assert!(
        reason.contains("TRIAGE_MAX_BODY_BYTES") && reason.contains("1024 to 6291456"),
        "the failure must name the variable and its range:\n{reason}"
    );
    let reason = failed_cold_start(&[("TRIAGE_REPLAY_WINDOW_SECS", "86401".to_owned())]);
    assert!(
        reason.contains("TRIAGE_REPLAY_WINDOW_SECS") && reason.contains("30 to 86400"),
        "the failure must name the variable and its range:\n{reason}"
    );
}

#[test]
fn cold_start_with_bad_brand_config_names_file_and_line() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("brand.toml");
    std::fs::write(&path, "handles = [\"acme\"]\nqueue_threshold = \n").unwrap();
    let path = path.to_str().unwrap().to_owned();
    let reason = failed_cold_start(&[("TRIAGE_BRAND_CONFIG", path.clone())]);
    assert!(
        reason.contains(&format!("brand config: {path}: TOML parse error at line 2")),
        "the failure must name the file and the line, once prefixed:\n{reason}"
    );
    assert!(
        !reason.contains(&format!("{path}: brand config")),
        "doubled prefix:\n{reason}"
    );
}
