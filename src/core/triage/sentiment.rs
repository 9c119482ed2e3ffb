//! Sentiment in [-1, 1]: VADER's rule ideas (Hutto & Gilbert 2014) re-written over our token
//! list, plus what social-care text needs on top: elongation as emphasis, emoji, and sarcasm
//! ("thanks for ruining my morning", "great, another 3 hour delay") that turns the positive
//! opener negative.

use super::lexicon::{BUT, LEAST, NEGATION, NO, OPENER};
use super::text::{Stats, Tok};

/// Negation multiplier. VADER uses -0.74; -0.5 (a negated word keeps half its strength, flipped)
/// fitted human ratings better in a sweep with VADER's own reference code
/// (`scripts/tune_sentiment.py`).
const N_SCALAR: f32 = -0.5;
/// Emphasis per "!" (up to 4). VADER uses 0.292; 0.45 from the same sweep.
const EP_INCR: f32 = 0.45;
/// ALL-CAPS emphasis increment (VADER).
const C_INCR: f32 = 0.733;
/// Elongation emphasis ("goooood"): a little less than caps.
const E_INCR: f32 = 0.4;
/// Weight of the clause before "but" and after it.
const BUT_BEFORE: f32 = 0.5;
const BUT_AFTER: f32 = 1.5;
/// Calibration of the raw sums into [-1, 1]: `x / sqrt(x^2 + alpha)` with
/// `x = (pos_weight * pos + neg_weight * neg) / n^damping ± emphasis`, `n` the number of
/// sentiment-bearing words. Damping keeps a long tweet of mild words from saturating like one
/// strong word. VADER is (1, 1, 0, 15); ours is chosen by grid search with k-fold
/// cross-validation (`TRIAGE_EVAL_TRAIN=1 triage eval vader_tweets.csv`, see `src/eval.rs`).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Calibration {
    /// Weight of the positive sum.
    pub pos_weight: f32,
    /// Weight of the negative sum.
    pub neg_weight: f32,
    /// Exponent of the word-count damping (0: none).
    pub damping: f32,
    /// Saturation constant.
    pub alpha: f32,
}

/// The shipped calibration.
pub const CALIBRATION: Calibration = Calibration {
    pos_weight: 1.0,
    neg_weight: 1.0,
    damping: 0.5,
    alpha: 30.0,
};

impl Calibration {
    /// The compound score in [-1, 1] for raw positive and negative sums and the emphasis.
    #[inline]
    pub fn compound(&self, pos: f32, neg: f32, emphasis: f32, n: u32) -> f32 {
        let mut sum = self.pos_weight * pos + self.neg_weight * neg;
        if n > 1 && self.damping != 0.0 {
            // sqrt is several times cheaper than powf and is the shipped case.
            sum /= if self.damping == 0.5 {
                (n as f32).sqrt()
            } else {
                (n as f32).powf(self.damping)
            };
        }
        if sum > 0.0 {
            sum += emphasis;
        } else if sum < 0.0 {
            sum -= emphasis;
        }
        (sum / (sum * sum + self.alpha).sqrt()).clamp(-1.0, 1.0)
    }
}
/// What a sarcastic positive opener becomes, as a multiple of its valence.
const SARCASM_FLIP: f32 = -0.8;

/// The sentiment result.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Score {
    /// Normalised compound score in [-1, 1].
    pub compound: f32,
    /// Sum of positive contributions (raw scale).
    pub pos: f32,
    /// Sum of negative contributions (raw scale, <= 0).
    pub neg: f32,
    /// Number of sentiment-bearing words.
    pub n: u32,
    /// Punctuation emphasis added in the direction of the sum.
    pub emphasis: f32,
    /// Number of negations seen.
    pub negations: u32,
}

/// Whether the token negates what follows ("not", "never", "didn't").
#[inline]
pub(crate) fn negates(t: &Tok) -> bool {
    t.role & NEGATION != 0 || t.nt
}

/// Whether a clause ends right after token `a`: the punctuation that follows it (up to
/// the next space) has a `,` `.` `;` `:` `!` or `?`, and is not an ellipsis (`...` is a pause:
/// "wasn't... great" is still negated). Only that run is read, so a URL or @handle between the
/// words does not count. Read from the text for the few sentiment words that look back,
/// rather than recorded for every token.
pub(crate) fn clause_ends_after(lower: &[u8], a: &Tok) -> bool {
    let run = punctuation_after(lower, a);
    run.iter()
        .any(|c| matches!(c, b',' | b'.' | b';' | b':' | b'!' | b'?'))
        && !run.windows(2).any(|w| w == b"..")
}

/// Token indices at most `n` words before token `at`, nearest first, while the clause lasts:
/// the window the rules that read around a word ("lost my father's wheelchair") look in.
pub(crate) fn before_in_clause<'a>(
    toks: &'a [Tok],
    lower: &'a [u8],
    at: usize,
    n: usize,
) -> impl Iterator<Item = usize> + 'a {
    (at.saturating_sub(n)..at.min(toks.len()))
        .rev()
        .take_while(move |&k| !clause_ends_after(lower, &toks[k]))
}

/// Token indices at most `n` words after token `at`, nearest first, while the clause lasts.
pub(crate) fn after_in_clause<'a>(
    toks: &'a [Tok],
    lower: &'a [u8],
    at: usize,
    n: usize,
) -> impl Iterator<Item = usize> + 'a {
    (at + 1..toks.len().min(at + 1 + n))
        .take_while(move |&k| !clause_ends_after(lower, &toks[k - 1]))
}

/// Whether a sentence ends right after token `a`: the punctuation that follows it has a `.`,
/// `!` or `?` (an ellipsis counts).
pub(crate) fn sentence_ends_after(lower: &[u8], a: &Tok) -> bool {
    punctuation_after(lower, a)
        .iter()
        .any(|c| matches!(c, b'.' | b'!' | b'?'))
}

/// Whether a sentence ends after one of tokens `from..to` (see [`sentence_ends_after`]); an
/// empty or out-of-range run has none.
pub(crate) fn sentence_between(toks: &[Tok], lower: &[u8], from: usize, to: usize) -> bool {
    toks.get(from..to)
        .unwrap_or_default()
        .iter()
        .any(|t| sentence_ends_after(lower, t))
}

/// The run of ASCII punctuation right after token `a`, up to the next space or word.
fn punctuation_after<'a>(lower: &'a [u8], a: &Tok) -> &'a [u8] {
    let after = lower.get(a.hi as usize..).unwrap_or_default();
    &after[..after
        .iter()
        .position(|c| !c.is_ascii_punctuation())
        .unwrap_or(after.len())]
}

/// Scores the tokens. `sarcasm` flips positive openers ("great", "thanks") to negative.
pub(crate) fn score(toks: &[Tok], lower: &[u8], st: &Stats, sarcasm: bool) -> Score {
    let cap_diff = st.caps_words > 0 && st.caps_words < st.words;
    let word = |t: &Tok| t.word(lower);
    let first_but = toks.iter().position(|t| t.role & BUT != 0);
    let mut out = Score::default();
    for (i, t) in toks.iter().enumerate() {
        if negates(t) {
            out.negations += 1;
        }
        if t.val == 0.0 || t.boost != 0.0 {
            continue;
        }
        let mut v = t.val;
        // "no" directly before a sentiment word negates it rather than counting itself.
        if t.role & NO != 0
            && toks
                .get(i + 1)
                .is_some_and(|n| n.val != 0.0 && !clause_ends_after(lower, t))
        {
            continue;
        }
        // How many of the three words before this one are in its clause: negation and
        // boosters stop at a comma or full stop ("never disappoints, best pizza").
        let mut reach = 0;
        while reach < 3 && reach < i && !clause_ends_after(lower, &toks[i - reach - 1]) {
            reach += 1;
        }
        if (reach >= 1 && toks[i - 1].role & NO != 0) || (reach >= 2 && toks[i - 2].role & NO != 0)
        {
            v *= N_SCALAR;
        }
        if sarcasm && t.role & OPENER != 0 && v > 0.0 {
            v *= SARCASM_FLIP;
        }
        let sign = if v > 0.0 { 1.0 } else { -1.0 };
        if t.caps && cap_diff {
            v += sign * C_INCR;
        }
        if t.elong {
            v += sign * E_INCR;
        }
        for d in 1..=reach {
            let p = &toks[i - d];
            if p.val != 0.0 && p.boost == 0.0 {
                continue;
            }
            let mut s = p.boost * sign;
            if s != 0.0 {
                if p.caps && cap_diff {
                    s += sign * C_INCR;
                }
                if p.elong {
                    s += sign * E_INCR * 0.5;
                }
                s *= [1.0, 0.95, 0.9][d - 1];
                v += s;
            }
            if negates(p) {
                // "without doubt" is not a negation.
                let without_doubt =
                    d >= 2 && word(p) == b"without" && word(&toks[i - d + 1]) == b"doubt";
                if !without_doubt {
                    v *= N_SCALAR;
                }
            }
        }
        // "least": negates unless "at least" / "very least".
        if reach >= 1 && toks[i - 1].role & LEAST != 0 {
            let at = i >= 2 && matches!(word(&toks[i - 2]), b"at" | b"very");
            if !at {
                v *= N_SCALAR;
            }
        }
        if let Some(b) = first_but {
            if i < b {
                v *= BUT_BEFORE;
            } else if i > b {
                v *= BUT_AFTER;
            }
        }
        if v > 0.0 {
            out.pos += v;
        } else {
            out.neg += v;
        }
        out.n += u32::from(v != 0.0);
    }
    // Punctuation emphasis: up to 4 "!", and "??"/"???" (VADER's increments).
    let ep = st.excl.min(4) as f32 * EP_INCR;
    let qm = match st.quest {
        0 | 1 => 0.0,
        2 | 3 => st.quest as f32 * 0.18,
        _ => 0.96,
    };
    out.emphasis = ep + qm;
    out.compound = CALIBRATION.compound(out.pos, out.neg, out.emphasis, out.n);
    out
}
