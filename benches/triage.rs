//! `cargo bench --bench triage`: our full `triage()` call against VADER on the same texts, in the
//! same run, single thread.
//!
//! Reads the texts from `../shared/eval/vader_tweets.csv` (relative to the repository root; never
//! copied into the repo), times `triage()` over all of them (best of several passes, after a
//! warm-up), runs `scripts/vader_timing.py` with the Python from `TRIAGE_TEST_PYTHON` (default
//! `.venv/test/bin/python`, which `scripts/test.sh` provisions with `vaderSentiment==3.3.2`) and
//! prints ns/text for both and the speed ratio. The figure is a ratio against a baseline measured
//! in the same run; nothing here asserts on time.

use std::hint::black_box;
use std::path::Path;
use std::process::Command;
use std::time::Instant;

use mention_triage::core::brand::BrandRules;
use mention_triage::core::mention::Mention;
use mention_triage::core::triage::{triage, Context};
use mention_triage::eval::parse_csv;

const DATA: &str = "../shared/eval/vader_tweets.csv";

fn main() {
    // `cargo bench` passes `--bench`; `cargo test --all-targets` does not, and an unoptimised
    // build's timings would be misleading, so that run only checks the bench works.
    let measuring = std::env::args().any(|a| a == "--bench");
    // With a filter argument that is not ours, do nothing.
    let args: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| a != "--bench")
        .collect();
    if args
        .iter()
        .any(|a| !a.starts_with('-') && !"triage".contains(a.as_str()))
    {
        return;
    }
    let data = match std::fs::read_to_string(DATA) {
        Ok(d) => d,
        Err(e) => {
            println!("cannot read {DATA}: {e}; nothing to benchmark");
            return;
        }
    };
    let rows = match parse_csv(&data) {
        Ok(r) => r,
        Err(e) => {
            println!("{DATA} is not valid CSV: {e}");
            return;
        }
    };
    let now = time::macros::datetime!(2026-01-01 00:00 UTC);
    let mentions: Vec<Mention> = rows
        .iter()
        .skip(1)
        .filter_map(|r| r.get(1))
        .enumerate()
        .filter_map(|(i, text)| {
            let json = serde_json::json!({
                "platform": "x", "id": (i + 1).to_string(), "text": text,
                "author": {"id": "a", "handle": "someone", "followers": 1200, "verified": false},
                "visibility": "public", "created_at": "2026-01-01T00:00:00Z",
                "engagement": {"likes": 3, "reposts": 1, "replies": 0, "quotes": 0},
            });
            Mention::parse_json(&json.to_string(), now).ok()
        })
        .collect();
    if mentions.is_empty() {
        println!("no texts in {DATA}");
        return;
    }
    let rules = BrandRules::default();
    let ctx = Context::default();

    // Warm-up: builds the lexicon and automaton, fills the scratch buffers and caches.
    for m in &mentions {
        black_box(triage(black_box(m), &ctx, &rules));
    }
    if !measuring {
        println!(
            "bench smoke: {} texts triaged; figures come from `cargo bench --bench triage`",
            mentions.len()
        );
        return;
    }
    let mut best = f64::INFINITY;
    let mut passes = 0;
    let started = Instant::now();
    while passes < 5 || (started.elapsed().as_secs_f64() < 3.0 && passes < 200) {
        let t = Instant::now();
        for m in &mentions {
            black_box(triage(black_box(m), &ctx, &rules));
        }
        best = best.min(t.elapsed().as_nanos() as f64 / mentions.len() as f64);
        passes += 1;
    }
    println!(
        "ours:  {best:>9.1} ns/text  (full triage(), {} texts, best of {passes} passes, 1 thread)",
        mentions.len()
    );

    let python =
        std::env::var("TRIAGE_TEST_PYTHON").unwrap_or_else(|_| ".venv/test/bin/python".into());
    let vader = Command::new(&python)
        .arg(Path::new("scripts").join("vader_timing.py"))
        .arg(DATA)
        .arg("3")
        .output();
    let vader_ns = match vader {
        Ok(out) if out.status.success() => String::from_utf8_lossy(&out.stdout)
            .split_whitespace()
            .find_map(|kv| kv.strip_prefix("vader_ns_per_text="))
            .and_then(|v| v.parse::<f64>().ok()),
        Ok(out) => {
            println!(
                "VADER could not be measured: {python} exited with {}: {}",
                out.status,
                String::from_utf8_lossy(&out.stderr)
                    .lines()
                    .last()
                    .unwrap_or("")
            );
            None
        }
        Err(e) => {
            println!("VADER could not be measured: cannot run {python}: {e}");
            None
        }
    };
    if let Some(v) = vader_ns {
        println!("VADER: {v:>9.1} ns/text  (vaderSentiment 3.3.2 polarity_scores, same texts)");
        println!("ratio: {:.0}x faster than VADER (target >= 100x)", v / best);
    }
}
