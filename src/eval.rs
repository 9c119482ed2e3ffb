//! `triage eval FILE.csv`: quality figures against a labelled CSV (SPEC section 8).
//!
//! The file kind comes from its header:
//! - `id,text,is_complaint,domain`: complaint precision, recall, F1, macro-F1 and the confusion
//!   matrix (a text is predicted a complaint when `triage()` says `category = complaint`), and
//!   macro-F1 again with the brand's own handle known, as a configured deployment runs;
//! - `id,text,mean_rating`: Pearson r between `sentiment_score` and the human mean rating;
//! - any header with a `text` column and an `airline_sentiment` or `sentiment` column labelled
//!   `negative`, `neutral` or `positive` (such as the public Twitter US Airline Sentiment set):
//!   a text labelled negative counts as a complaint, with the same complaint figures (first
//!   @handle as the brand's own), then the accuracy and macro-F1 of our coarse `sentiment`
//!   against the label and how each label's texts were categorised. Real tweets nobody here
//!   labelled, for a view of how the triage carries beyond complaints.csv.
//!
//! Each text goes through the full [`triage`] call, as a public mention from an ordinary author,
//! so the figures measure what production does. Evaluation files are read at run time and never
//! copied into the repository.
//!
//! The complaint model is learned from the complaints file together with our own hand-written
//! mentions (`src/core/triage/data/hand_written_mentions.tsv`, compiled into this module only):
//! complaints.csv alone taught it that any @handle in a tweet is a sign of complaint, which is
//! true of tweets collected at company accounts and false of a brand's wider mentions (friends
//! tagged, chatter, questions). The printed cross-validation trains each fold the same way and
//! scores only complaints-file rows, then hand-written rows on their own. The praise model
//! (praise or neutral, for texts that are nothing else) is learned from the hand-written praise
//! and neutral rows alone, and cross-validated on them.
//!
//! With `TRIAGE_EVAL_TRAIN=1` on a complaints file it also (re)learns the complaint model's
//! weights and the praise model's: it prints both as Rust source to paste into
//! `src/core/triage/analyse.rs` (`scripts/train-models.sh` wraps this).

use std::fmt::Write as _;
use std::path::Path;

use anyhow::{bail, Context as _};

use crate::core::brand::{handle_name, BrandRules};
use crate::core::mention::Mention;
use crate::core::triage::{
    complaint_probability, text_features, triage, Calibration, Category, Context, Sentiment,
    CALIBRATION, FEATURE_NAMES, NF,
};

/// Parses RFC 4180 CSV: quoted fields may hold commas, doubled quotes and newlines.
pub fn parse_csv(data: &str) -> anyhow::Result<Vec<Vec<String>>> {
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut field = String::new();
    let mut chars = data.chars().peekable();
    let mut quoted = false;
    let mut line = 1usize;
    while let Some(c) = chars.next() {
        if quoted {
            match c {
                '"' if chars.peek() == Some(&'"') => {
                    chars.next();
                    field.push('"');
                }
                '"' => quoted = false,
                '\n' => {
                    line += 1;
                    field.push(c);
                }
                _ => field.push(c),
            }
            continue;
        }
        match c {
            '"' if field.is_empty() => quoted = true,
            ',' => row.push(std::mem::take(&mut field)),
            '\r' if chars.peek() == Some(&'\n') => {}
            '\n' => {
                line += 1;
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
            }
            _ => field.push(c),
        }
    }
    if quoted {
        bail!("unterminated quoted field at line {line}");
    }
    if !field.is_empty() || !row.is_empty() {
        row.push(field);
        rows.push(row);
    }
    Ok(rows)
}

/// Runs the evaluation and returns the report text.
pub fn run(file: &Path) -> anyhow::Result<String> {
    let data =
        std::fs::read_to_string(file).with_context(|| format!("cannot read {}", file.display()))?;
    let rows = parse_csv(&data).with_context(|| format!("{} is not valid CSV", file.display()))?;
    let Some((header, body)) = rows.split_first() else {
        bail!("{} is empty", file.display());
    };
    let cols: Vec<&str> = header.iter().map(|h| h.trim()).collect();
    match cols.as_slice() {
        ["id", "text", "is_complaint", "domain"] => complaints(file, body),
        ["id", "text", "mean_rating"] => sentiment(file, body),
        _ => {
            let text = cols.iter().position(|c| *c == "text");
            let label = cols
                .iter()
                .position(|c| *c == "airline_sentiment")
                .or_else(|| cols.iter().position(|c| *c == "sentiment"));
            match (text, label) {
                (Some(text), Some(label)) => {
                    labelled_sentiment(file, body, text, (label, cols[label]))
                }
                _ => bail!(
                    "unknown header {:?}: expected id,text,is_complaint,domain or id,text,mean_rating, or a text column with a sentiment (or airline_sentiment) column",
                    cols.join(",")
                ),
            }
        }
    }
}

/// Texts labelled `negative`, `neutral` or `positive` (column `text` of `body`, and the label
/// column: its index and header name).
fn labelled_sentiment(
    file: &Path,
    body: &[Vec<String>],
    text: usize,
    (label, header_name): (usize, &str),
) -> anyhow::Result<String> {
    const LABELS: [&str; 3] = ["negative", "neutral", "positive"];
    let ctx = Context::default();
    let mut cm = Confusion::default();
    let mut known = Confusion::default();
    // Rows: label; columns: our sentiment (negative, neutral, positive) and our category.
    let mut tone = [[0u32; 3]; 3];
    let mut categories = [[0u32; 6]; 3];
    for (n, row) in body.iter().enumerate() {
        let (Some(t), Some(l)) = (row.get(text), row.get(label)) else {
            bail!(
                "row {} has {} columns, expected at least {}",
                n + 2,
                row.len(),
                text.max(label) + 1
            );
        };
        let Some(truth) = LABELS.iter().position(|x| x.eq_ignore_ascii_case(l.trim())) else {
            bail!(
                "row {}: {} is {l:?}, expected negative, neutral or positive",
                n + 2,
                header_name
            );
        };
        let m = mention(&(n + 2).to_string(), t)?;
        let plain = triage(&m, &ctx, &BrandRules::default());
        cm.add(truth == 0, plain.category == Category::Complaint);
        let rules = BrandRules {
            handles: first_handle(t).into_iter().collect(),
            ..BrandRules::default()
        };
        let r = triage(&m, &ctx, &rules);
        known.add(truth == 0, r.category == Category::Complaint);
        let ours = match r.sentiment {
            Sentiment::Negative => 0,
            Sentiment::Neutral => 1,
            Sentiment::Positive => 2,
        };
        tone[truth][ours] += 1;
        let at = match r.category {
            Category::Complaint => 0,
            Category::Question => 1,
            Category::Praise => 2,
            Category::Suggestion => 3,
            Category::Neutral => 4,
            Category::Spam => 5,
        };
        categories[truth][at] += 1;
    }
    let mut out = String::new();
    let _ = writeln!(
        out,
        "file: {} (sentiment labels, {} texts; negative counted as complaint)",
        file.display(),
        body.len()
    );
    cm.write_figures(&mut out);
    let (kp, kr, _) = known.complaint();
    let _ = writeln!(
        out,
        "with the brand's own handle known (each tweet's first @handle): macro-F1 {:.3}, complaint P {kp:.3} R {kr:.3}",
        known.macro_f1()
    );
    let total: u32 = tone.iter().flatten().sum();
    let right: u32 = (0..3).map(|k| tone[k][k]).sum();
    let f1s = (0..3).map(|k| {
        let tp = tone[k][k];
        let fp: u32 = (0..3).filter(|&j| j != k).map(|j| tone[j][k]).sum();
        let fn_: u32 = (0..3).filter(|&j| j != k).map(|j| tone[k][j]).sum();
        Confusion::prf(tp, fp, fn_).2
    });
    let _ = writeln!(
        out,
        "sentiment (ours, brand handle known) against the label: accuracy {:.3}, macro-F1 {:.3}",
        f64::from(right) / f64::from(total.max(1)),
        f1s.sum::<f64>() / 3.0
    );
    if header_name == "airline_sentiment" {
        let _ = writeln!(
            out,
            "anchors on the whole Twitter US Airline Sentiment set (14,640 tweets, measured here): VADER (compound <= -0.05 => complaint) macro-F1 0.617; VADER sentiment accuracy 0.490, macro-F1 0.457"
        );
    }
    let _ = writeln!(out, "categories by label (brand handle known):");
    let _ = write!(out, "  {:<9}", "");
    for name in CATEGORIES {
        let _ = write!(out, " {name:>10}");
    }
    for (k, name) in LABELS.iter().enumerate() {
        let _ = write!(out, "\n  {name:<9}");
        for n in categories[k] {
            let _ = write!(out, " {n:>10}");
        }
    }
    out.push('\n');
    Ok(out)
}

/// Category names in the order the report prints them.
const CATEGORIES: [&str; 6] = [
    "complaint",
    "question",
    "praise",
    "suggestion",
    "neutral",
    "spam",
];

/// The first @handle in `text`, lowercased, without the `@`.
fn first_handle(text: &str) -> Option<String> {
    text.split_whitespace()
        .find_map(handle_name)
        .map(str::to_ascii_lowercase)
}

/// A public mention from an ordinary author, carrying `text`.
fn mention(id: &str, text: &str) -> anyhow::Result<Mention> {
    let json = serde_json::json!({
        "platform": "x", "id": if id.is_empty() { "0" } else { id }, "text": text,
        "author": {"id": "eval", "followers": 100, "verified": false},
        "visibility": "public", "created_at": "2026-01-01T00:00:00Z",
    });
    let now = time::macros::datetime!(2026-01-01 00:00 UTC);
    Mention::parse_json(&json.to_string(), now).map_err(|e| anyhow::anyhow!("row {id}: {e}"))
}

/// Our hand-written mentions (text, category, flags, note; a header line), labelled by people
/// who did not see the code. Training rows for the complaint model: a row is a complaint when
/// its category is `complaint`. Not evaluation data: the evaluation files are never copied.
const HAND_WRITTEN: &str = include_str!("core/triage/data/hand_written_mentions.tsv");

/// The hand-written rows: features and category.
fn hand_written_rows() -> Vec<([f32; NF], &'static str)> {
    HAND_WRITTEN
        .lines()
        .skip(1)
        .filter_map(|l| {
            let mut cols = l.split('\t');
            let (text, category) = (cols.next()?, cols.next()?);
            Some((text_features(text).features, category))
        })
        .collect()
}

/// Binary confusion counts for the complaint class.
#[derive(Debug, Default, Clone, Copy)]
struct Confusion {
    tp: u32,
    fp: u32,
    fn_: u32,
    tn: u32,
}

impl Confusion {
    fn add(&mut self, truth: bool, pred: bool) {
        match (truth, pred) {
            (true, true) => self.tp += 1,
            (false, true) => self.fp += 1,
            (true, false) => self.fn_ += 1,
            (false, false) => self.tn += 1,
        }
    }
    fn prf(tp: u32, fp: u32, fn_: u32) -> (f64, f64, f64) {
        let p = if tp + fp == 0 {
            0.0
        } else {
            f64::from(tp) / f64::from(tp + fp)
        };
        let r = if tp + fn_ == 0 {
            0.0
        } else {
            f64::from(tp) / f64::from(tp + fn_)
        };
        let f = if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        };
        (p, r, f)
    }
    /// (precision, recall, F1) of the complaint class.
    fn complaint(&self) -> (f64, f64, f64) {
        Self::prf(self.tp, self.fp, self.fn_)
    }
    fn accuracy(&self) -> f64 {
        f64::from(self.tp + self.tn) / f64::from((self.tp + self.tn + self.fp + self.fn_).max(1))
    }

    /// Appends complaint precision, recall and F1, and macro-F1, one per line.
    fn write_figures(&self, out: &mut String) {
        let (p, r, f1) = self.complaint();
        let _ = writeln!(out, "complaint precision: {p:.3}");
        let _ = writeln!(out, "complaint recall:    {r:.3}");
        let _ = writeln!(out, "complaint F1:        {f1:.3}");
        let _ = writeln!(out, "macro-F1:            {:.3}", self.macro_f1());
    }

    fn macro_f1(&self) -> f64 {
        let (_, _, f1) = self.complaint();
        let (_, _, f0) = Self::prf(self.tn, self.fn_, self.fp);
        (f1 + f0) / 2.0
    }
}

fn complaints(file: &Path, body: &[Vec<String>]) -> anyhow::Result<String> {
    let rules = BrandRules::default();
    let ctx = Context::default();
    let mut cm = Confusion::default();
    let mut known = Confusion::default();
    let mut data: Vec<([f32; NF], bool)> = Vec::with_capacity(body.len());
    for (n, row) in body.iter().enumerate() {
        let [id, text, label, rest @ ..] = row.as_slice() else {
            bail!("row {} has {} columns, expected 4", n + 2, row.len());
        };
        let truth = match label.trim() {
            "1" => true,
            "0" => false,
            other => bail!("row {}: is_complaint is {other:?}, expected 0 or 1", n + 2),
        };
        let m = mention(id, text)?;
        let t = triage(&m, &ctx, &rules);
        cm.add(truth, t.category == Category::Complaint);
        // As a deployment sees it: the brand knows its own handle. Here that is the first
        // handle of a tweet sent to a company (any domain but `random_*`); random tweets have
        // no brand.
        let brand = rest
            .first()
            .filter(|d| !d.starts_with("random"))
            .and_then(|_| first_handle(text));
        let with_handle = BrandRules {
            handles: brand.into_iter().collect(),
            ..BrandRules::default()
        };
        let t = triage(&m, &ctx, &with_handle);
        known.add(truth, t.category == Category::Complaint);
        data.push((text_features(text).features, truth));
    }
    let mut out = String::new();
    let _ = writeln!(
        out,
        "file: {} (complaints, {} texts)",
        file.display(),
        body.len()
    );
    cm.write_figures(&mut out);
    let _ = writeln!(out, "confusion matrix (rows: truth, columns: predicted)");
    let _ = writeln!(out, "                 complaint  not");
    let _ = writeln!(out, "  complaint      {:>9}  {:>5}", cm.tp, cm.fn_);
    let _ = writeln!(out, "  not complaint  {:>9}  {:>5}", cm.fp, cm.tn);
    let _ = writeln!(
        out,
        "anchors: VADER 0.63 macro-F1, feature models up to 0.79, transformers 0.87-0.88"
    );
    let (kp, kr, _) = known.complaint();
    let _ = writeln!(
        out,
        "with the brand's own handle known (each company tweet's first @handle): macro-F1 {:.3}, complaint P {kp:.3} R {kr:.3}",
        known.macro_f1()
    );
    let hand = hand_written_rows();
    let extra: Vec<_> = hand.iter().map(|(x, c)| (*x, *c == "complaint")).collect();
    // Praise or neutral, for the texts the triage finds neither complaint, question,
    // suggestion nor spam: learned from the hand-written rows alone (complaints.csv does not
    // tell praise from chatter).
    let praise: Vec<_> = hand
        .iter()
        .filter(|(_, c)| matches!(*c, "praise" | "neutral"))
        .map(|(x, c)| (*x, *c == "praise"))
        .collect();
    let (cv, cv_extra) = cross_validate(&data, &extra, 10);
    let (cv_praise, _) = cross_validate(&praise, &[], 10);
    let _ = writeln!(
        out,
        "10-fold cross-validated (weights relearned per fold, on these rows and {} hand-written ones): macro-F1 {:.3}, complaint P {:.3} R {:.3} F1 {:.3}; on the hand-written rows: macro-F1 {:.3}",
        extra.len(),
        cv.macro_f1(),
        cv.complaint().0,
        cv.complaint().1,
        cv.complaint().2,
        cv_extra.macro_f1()
    );
    let _ = writeln!(
        out,
        "praise-or-neutral model, 10-fold cross-validated on the {} hand-written praise and neutral rows: accuracy {:.3}, macro-F1 {:.3}",
        praise.len(),
        cv_praise.accuracy(),
        cv_praise.macro_f1()
    );
    if std::env::var_os("TRIAGE_EVAL_TRAIN").is_some_and(|v| v == "1") {
        let both = [data.as_slice(), extra.as_slice()].concat();
        let w = train(&both);
        let th = best_threshold(&both, &w);
        let mut all = Confusion::default();
        for (x, y) in &data {
            all.add(*y, complaint_probability(x, &w) >= th);
        }
        let _ = writeln!(
            out,
            "\nretrained on all rows: macro-F1 {:.3} (in-sample), THRESHOLD = {th:.2}",
            all.macro_f1()
        );
        let _ = writeln!(out, "pub const WEIGHTS: [f32; NF] = [");
        for (name, v) in FEATURE_NAMES.iter().zip(w) {
            let _ = writeln!(out, "    {v:.3}, // {name}");
        }
        let _ = writeln!(out, "];");
        let w = train(&praise);
        let th = best_threshold(&praise, &w);
        let _ = writeln!(out, "\npraise model: PRAISE_THRESHOLD = {th:.2}");
        let _ = writeln!(out, "pub const PRAISE_WEIGHTS: [f32; NF] = [");
        for (name, v) in FEATURE_NAMES.iter().zip(w) {
            let _ = writeln!(out, "    {v:.3}, // {name}");
        }
        let _ = writeln!(out, "];");
    }
    Ok(out)
}

/// L2 strengths tried by [`train`]'s inner cross-validation.
const LAMBDAS: [f64; 6] = [1e-4, 3e-4, 1e-3, 3e-3, 1e-2, 3e-2];

/// L2-regularised logistic regression; the L2 strength is chosen from [`LAMBDAS`] by 5-fold
/// cross-validation inside `data` (held-out log-loss), so the caller's own held-out rows never
/// influence it.
pub fn train(data: &[([f32; NF], bool)]) -> [f32; NF] {
    fit(data, choose_lambda(data, 5))
}

/// The L2 strength with the lowest k-fold held-out log-loss on `data`.
fn choose_lambda(data: &[([f32; NF], bool)], k: usize) -> f64 {
    let mut best = (f64::INFINITY, LAMBDAS[0]);
    for lambda in LAMBDAS {
        let mut loss = 0.0;
        for fold in 0..k {
            let (tr, te): (Vec<_>, Vec<_>) =
                data.iter().enumerate().partition(|(i, _)| i % k != fold);
            let tr: Vec<_> = tr.into_iter().map(|(_, d)| *d).collect();
            let w = fit(&tr, lambda);
            for (_, (x, y)) in te {
                let p = f64::from(complaint_probability(x, &w)).clamp(1e-6, 1.0 - 1e-6);
                loss -= if *y { p.ln() } else { (1.0 - p).ln() };
            }
        }
        if loss < best.0 {
            best = (loss, lambda);
        }
    }
    best.1
}

/// L2-regularised logistic regression (bias not penalised) by Newton's method: a few solves of
/// an `NF`×`NF` system, exact to float precision, deterministic and dependency-free.
pub fn fit(data: &[([f32; NF], bool)], lambda: f64) -> [f32; NF] {
    let mut w = [0.0f64; NF];
    let n = data.len().max(1) as f64;
    for _ in 0..50 {
        let mut g = [0.0f64; NF];
        let mut h = vec![[0.0f64; NF]; NF];
        for (x, y) in data {
            let x: [f64; NF] = x.map(f64::from);
            let z: f64 = x.iter().zip(&w).map(|(a, b)| a * b).sum();
            let p = 1.0 / (1.0 + (-z).exp());
            let err = p - if *y { 1.0 } else { 0.0 };
            let s = (p * (1.0 - p)).max(1e-12);
            for i in 0..NF {
                if x[i] == 0.0 {
                    continue;
                }
                g[i] += err * x[i];
                let sx = s * x[i];
                for j in 0..=i {
                    h[i][j] += sx * x[j];
                }
            }
        }
        // Only the lower triangle was accumulated: scale it, then mirror it.
        for i in 0..NF {
            let (upper, lower) = h.split_at_mut(i);
            let row = &mut lower[0];
            for v in &mut row[..=i] {
                *v /= n;
            }
            for (j, r) in upper.iter_mut().enumerate() {
                r[i] = row[j];
            }
        }
        for i in 0..NF {
            g[i] /= n;
            let reg = if i == 0 { 1e-9 } else { lambda };
            g[i] += reg * w[i];
            h[i][i] += reg;
        }
        let step = solve_spd(h, g);
        let mut biggest = 0.0f64;
        for (wi, d) in w.iter_mut().zip(step) {
            *wi -= d;
            biggest = biggest.max(d.abs());
        }
        if biggest < 1e-9 {
            break;
        }
    }
    w.map(|v| v as f32)
}

/// Solves `a x = b` for a symmetric positive definite `a` (Cholesky).
fn solve_spd(mut a: Vec<[f64; NF]>, mut b: [f64; NF]) -> [f64; NF] {
    for j in 0..NF {
        let d = a[j][j] - a[j][..j].iter().map(|v| v * v).sum::<f64>();
        let d = d.max(1e-12).sqrt();
        a[j][j] = d;
        let (head, tail) = a.split_at_mut(j + 1);
        let rj = &head[j];
        for ri in tail {
            let dot: f64 = ri[..j].iter().zip(&rj[..j]).map(|(p, q)| p * q).sum();
            ri[j] = (ri[j] - dot) / d;
        }
    }
    for i in 0..NF {
        for k in 0..i {
            b[i] -= a[i][k] * b[k];
        }
        b[i] /= a[i][i];
    }
    for i in (0..NF).rev() {
        for k in i + 1..NF {
            b[i] -= a[k][i] * b[k];
        }
        b[i] /= a[i][i];
    }
    b
}

/// The probability threshold (0.30..0.65) that maximises macro-F1 on `data`.
pub fn best_threshold(data: &[([f32; NF], bool)], w: &[f32; NF]) -> f32 {
    let probs: Vec<(f32, bool)> = data
        .iter()
        .map(|(x, y)| (complaint_probability(x, w), *y))
        .collect();
    let mut best = (f64::NEG_INFINITY, 0.5);
    for step in 0..=35 {
        let th = 0.30 + 0.01 * step as f32;
        let mut cm = Confusion::default();
        for (p, y) in &probs {
            cm.add(*y, *p >= th);
        }
        if cm.macro_f1() > best.0 {
            best = (cm.macro_f1(), th);
        }
    }
    best.1
}

/// k-fold cross-validation over two sets at once: train on k-1 folds of both, predict the
/// held-out fold of each (rows assigned to folds round-robin, deterministic). Returns the
/// confusion counts of `data` and of `extra` apart.
fn cross_validate(
    data: &[([f32; NF], bool)],
    extra: &[([f32; NF], bool)],
    k: usize,
) -> (Confusion, Confusion) {
    let (mut cm, mut cm_extra) = (Confusion::default(), Confusion::default());
    let in_fold = |rows: &[([f32; NF], bool)], fold: usize, held: bool| -> Vec<_> {
        rows.iter()
            .enumerate()
            .filter(|(i, _)| (i % k == fold) == held)
            .map(|(_, d)| *d)
            .collect()
    };
    for fold in 0..k {
        let train_set = [in_fold(data, fold, false), in_fold(extra, fold, false)].concat();
        let w = train(&train_set);
        let th = best_threshold(&train_set, &w);
        for (x, y) in in_fold(data, fold, true) {
            cm.add(y, complaint_probability(&x, &w) >= th);
        }
        for (x, y) in in_fold(extra, fold, true) {
            cm_extra.add(y, complaint_probability(&x, &w) >= th);
        }
    }
    (cm, cm_extra)
}

/// Grid search of the sentiment calibration maximising Pearson r on the rows in `idx`.
fn fit_calibration(raw: &[(f32, f32, f32, u32)], human: &[f64], idx: &[usize]) -> Calibration {
    let ys: Vec<f64> = idx.iter().map(|&i| human[i]).collect();
    let mut best = (f64::NEG_INFINITY, CALIBRATION);
    let mut xs = vec![0.0; idx.len()];
    for damping in [0.0f32, 0.2, 0.3, 0.4, 0.5] {
        for nw in [0.9f32, 1.0, 1.1] {
            for alpha in [8.0f32, 10.0, 12.0, 15.0, 20.0, 25.0, 30.0] {
                let c = Calibration {
                    pos_weight: 1.0,
                    neg_weight: nw,
                    damping,
                    alpha,
                };
                for (x, &i) in xs.iter_mut().zip(idx) {
                    let (p, n, e, k) = raw[i];
                    *x = f64::from(c.compound(p, n, e, k));
                }
                let r = pearson(&xs, &ys);
                if r > best.0 {
                    best = (r, c);
                }
            }
        }
    }
    best.1
}

fn pearson(xs: &[f64], ys: &[f64]) -> f64 {
    let n = xs.len() as f64;
    let mx = xs.iter().sum::<f64>() / n;
    let my = ys.iter().sum::<f64>() / n;
    let (mut sxy, mut sxx, mut syy) = (0.0, 0.0, 0.0);
    for (x, y) in xs.iter().zip(ys) {
        sxy += (x - mx) * (y - my);
        sxx += (x - mx) * (x - mx);
        syy += (y - my) * (y - my);
    }
    if sxx == 0.0 || syy == 0.0 {
        0.0
    } else {
        sxy / (sxx * syy).sqrt()
    }
}

fn sentiment(file: &Path, body: &[Vec<String>]) -> anyhow::Result<String> {
    let rules = BrandRules::default();
    let ctx = Context::default();
    let mut ours = Vec::with_capacity(body.len());
    let mut human = Vec::with_capacity(body.len());
    let mut raw = Vec::with_capacity(body.len());
    for (n, row) in body.iter().enumerate() {
        let [id, text, rating, ..] = row.as_slice() else {
            bail!("row {} has {} columns, expected 3", n + 2, row.len());
        };
        let rating: f64 = rating
            .trim()
            .parse()
            .with_context(|| format!("row {}: mean_rating {rating:?} is not a number", n + 2))?;
        let t = triage(&mention(id, text)?, &ctx, &rules);
        ours.push(t.sentiment_score);
        human.push(rating);
        let f = text_features(text);
        raw.push((f.pos, f.neg, f.emphasis, f.n));
    }
    let r = pearson(&ours, &human);
    let mut out = String::new();
    let _ = writeln!(
        out,
        "file: {} (sentiment, {} texts)",
        file.display(),
        body.len()
    );
    let _ = writeln!(
        out,
        "Pearson r (sentiment_score vs human mean rating): {r:.3}"
    );
    let _ = writeln!(
        out,
        "anchors: VADER 0.872 (vaderSentiment 3.3.2), individual human raters 0.888"
    );
    let _ = writeln!(
        out,
        "shipped calibration: pos_weight {} neg_weight {} damping {} alpha {}",
        CALIBRATION.pos_weight, CALIBRATION.neg_weight, CALIBRATION.damping, CALIBRATION.alpha
    );
    if std::env::var_os("TRIAGE_EVAL_TRAIN").is_some_and(|v| v == "1") {
        let k = 10;
        let mut pred = vec![0.0; raw.len()];
        for fold in 0..k {
            let idx: Vec<usize> = (0..raw.len()).filter(|i| i % k != fold).collect();
            let c = fit_calibration(&raw, &human, &idx);
            for i in (0..raw.len()).filter(|i| i % k == fold) {
                let (p, n, e, k) = raw[i];
                pred[i] = f64::from(c.compound(p, n, e, k));
            }
        }
        let _ = writeln!(
            out,
            "10-fold cross-validated Pearson r (calibration refitted per fold): {:.3}",
            pearson(&pred, &human)
        );
        let all: Vec<usize> = (0..raw.len()).collect();
        let c = fit_calibration(&raw, &human, &all);
        let _ = writeln!(out, "fitted on all rows: {c:?}");
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_handles_quotes_commas_and_newlines() {
        let rows = parse_csv("id,text\n1,\"a, \"\"b\"\"\nc\"\r\n2,plain\n").unwrap();
        assert_eq!(rows.len(), 3);
        assert_eq!(rows[1], ["1", "a, \"b\"\nc"]);
        assert_eq!(rows[2], ["2", "plain"]);
        assert!(parse_csv("a,\"open").is_err());
    }

    #[test]
    fn metrics_are_right() {
        let mut c = Confusion::default();
        for (t, p) in [(true, true), (true, false), (false, true), (false, false)] {
            c.add(t, p);
        }
        assert_eq!(c.complaint(), (0.5, 0.5, 0.5));
        assert!((c.macro_f1() - 0.5).abs() < 1e-9);
        assert!((pearson(&[1.0, 2.0, 3.0], &[2.0, 4.0, 6.0]) - 1.0).abs() < 1e-9);
    }

    #[test]
    fn hand_written_rows_are_well_formed() {
        let header = HAND_WRITTEN.lines().next().unwrap_or_default();
        assert_eq!(header, "text\tcategory\tflags\tnote");
        let mut n = 0;
        for (i, l) in HAND_WRITTEN.lines().enumerate().skip(1) {
            let cols: Vec<&str> = l.split('\t').collect();
            assert_eq!(cols.len(), 4, "line {}: {l}", i + 1);
            assert!(
                [
                    "complaint",
                    "question",
                    "praise",
                    "suggestion",
                    "neutral",
                    "spam"
                ]
                .contains(&cols[1]),
                "line {}: category {:?}",
                i + 1,
                cols[1]
            );
            n += 1;
        }
        assert_eq!(hand_written_rows().len(), n);
        assert!(n > 1000, "{n} rows");
    }

    #[test]
    fn unknown_header_is_an_error() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("x.csv");
        std::fs::write(&p, "a,b\n1,2\n").unwrap();
        assert!(run(&p).is_err());
    }

    #[test]
    fn sentiment_labels_count_negative_as_complaint() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("labels.csv");
        std::fs::write(
            &p,
            "tweet_id,airline_sentiment,airline,text\n\
             1,negative,Acme,@AcmeAir lost my bag again and nobody answers the phone\n\
             2,positive,Acme,\"@AcmeAir thank you, lovely crew and a smooth flight!\"\n\
             3,neutral,Acme,@AcmeAir what time does the lounge open at Gatwick?\n",
        )
        .unwrap();
        let report = run(&p).unwrap();
        assert!(report.contains("(sentiment labels, 3 texts"), "{report}");
        assert!(report.contains("macro-F1:            1.000"), "{report}");
        assert!(report.contains("accuracy 1.000"), "{report}");
        // A label outside the three is named, with its row.
        std::fs::write(&p, "text,sentiment\nfine thanks,happy\n").unwrap();
        let e = run(&p).unwrap_err().to_string();
        assert!(e.contains("row 2") && e.contains("happy"), "{e}");
    }
}
