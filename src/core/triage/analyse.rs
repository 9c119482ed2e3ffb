//! Text analysis: tokens, sentiment, cues and the complaint model, in one pass per text.
//!
//! The complaint model is a logistic regression over [`NF`] hand-designed, readable features
//! (sentiment, counts of hand-written cue families, addressing, question form, ...). Only the
//! weights in [`WEIGHTS`] are learned; the training code and its k-fold cross-validation live in
//! `src/eval.rs` (`TRIAGE_EVAL_TRAIN=1 triage eval complaints.csv`, see `scripts/train-complaint.sh`).

use super::churn;
use super::cues::{self, Cue};
use super::discrimination::{self, possessive_pronoun};
use super::journey;
use super::lexicon::{
    ACTION, BUT, COUNTED_SHIFT, DURATION, EVENT, FIRST_PERSON, FRUSTRATION, LANE_BITS, MONEY, NO,
    OPENER, PLEASE, QWORD, ROLE_LANES, SECOND_PERSON, SERVICE_NOUN, TIME,
};
use super::press;
use super::scam;
use super::sentiment::{self, Score};
use super::text::{self, Scratch};
use super::Flag;

/// Number of complaint-model features (including the bias).
pub const NF: usize = 48;

/// Feature names, in order, for reports and the training output.
pub const FEATURE_NAMES: [&str; NF] = [
    "bias",
    "negative tone",
    "positive tone",
    "failure cues",
    "chasing cues",
    "service cues",
    "addressed (@ first, reply or DM)",
    "other @handles",
    "has question mark",
    "opens with question word",
    "first person",
    "second person",
    "negations",
    "has url",
    "hashtags",
    "sarcasm",
    "praise cues",
    "durations and numbers",
    "risk phrases",
    "exclamations",
    "caps words",
    "failure events",
    "length",
    "suggestion cues",
    "spam cues",
    "question cues",
    "service nouns",
    "frustration adverbs",
    "please",
    "negative words",
    "positive words",
    "addressed x negative tone",
    "addressed x complaint cues",
    "negative emoji or emoticon",
    "time words",
    "money",
    "first person x complaint cues",
    "addressed x service nouns",
    "ends with question mark",
    "question mark x chasing cues",
    "care-agent reply cues",
    "calm question",
    "customer actions",
    "calm request",
    "negation x service nouns",
    "negative tone x emphasis",
    "complaint cues, not a question",
    "praise x complaint cues",
];

/// Learned weights of the complaint model (see module docs for how they are produced).
pub const WEIGHTS: [f32; NF] = [
    -3.627, // bias
    2.103,  // negative tone
    -1.526, // positive tone
    1.512,  // failure cues
    1.474,  // chasing cues
    0.766,  // service cues
    1.325,  // addressed (@ first, reply or DM)
    1.644,  // other @handles
    -0.017, // has question mark
    0.264,  // opens with question word
    -0.018, // first person
    -0.005, // second person
    0.701,  // negations
    -0.636, // has url
    0.123,  // hashtags
    0.452,  // sarcasm
    -0.788, // praise cues
    0.433,  // durations and numbers
    1.000,  // risk phrases
    0.016,  // exclamations
    0.030,  // caps words
    -0.006, // failure events
    0.389,  // length
    -0.673, // suggestion cues
    -1.861, // spam cues
    -0.463, // question cues
    0.194,  // service nouns
    0.337,  // frustration adverbs
    0.732,  // please
    -0.097, // negative words
    0.001,  // positive words
    0.029,  // addressed x negative tone
    0.218,  // addressed x complaint cues
    0.727,  // negative emoji or emoticon
    -0.025, // time words
    -0.011, // money
    -0.354, // first person x complaint cues
    0.102,  // addressed x service nouns
    0.548,  // ends with question mark
    0.448,  // question mark x chasing cues
    -2.852, // care-agent reply cues
    -0.510, // calm question
    0.639,  // customer actions
    0.253,  // calm request
    0.452,  // negation x service nouns
    0.631,  // negative tone x emphasis
    0.062,  // complaint cues, not a question
    -0.488, // praise x complaint cues
];

/// Learned weights of the praise model, over the same features: for a text that is neither a
/// complaint, a question, a suggestion nor spam, whether it praises the brand or only
/// mentions it (chatter, plans, memes, news). Learned from the hand-written mentions' praise
/// and neutral rows (see `src/eval.rs`); a positive tone alone misread both ways.
pub const PRAISE_WEIGHTS: [f32; NF] = [
    -1.498, // bias
    0.119,  // negative tone
    0.300,  // positive tone
    0.145,  // failure cues
    -0.063, // chasing cues
    0.392,  // service cues
    0.833,  // addressed (@ first, reply or DM)
    -0.694, // other @handles
    -0.274, // has question mark
    -0.448, // opens with question word
    -0.047, // first person
    0.419,  // second person
    0.484,  // negations
    -0.248, // has url
    -0.304, // hashtags
    0.122,  // sarcasm
    1.859,  // praise cues
    -0.005, // durations and numbers
    0.313,  // risk phrases
    -0.255, // exclamations
    -0.032, // caps words
    -0.015, // failure events
    0.214,  // length
    0.000,  // suggestion cues
    -0.089, // spam cues
    -0.033, // question cues
    0.450,  // service nouns
    0.365,  // frustration adverbs
    0.170,  // please
    0.380,  // negative words
    0.594,  // positive words
    0.039,  // addressed x negative tone
    -0.211, // addressed x complaint cues
    -0.188, // negative emoji or emoticon
    -0.361, // time words
    0.140,  // money
    0.062,  // first person x complaint cues
    -0.080, // addressed x service nouns
    -0.102, // ends with question mark
    -0.099, // question mark x chasing cues
    0.000,  // care-agent reply cues
    -0.265, // calm question
    0.079,  // customer actions
    0.170,  // calm request
    0.155,  // negation x service nouns
    0.020,  // negative tone x emphasis
    0.082,  // complaint cues, not a question
    0.172,  // praise x complaint cues
];

/// Probability at or above which such a text is praise.
pub const PRAISE_THRESHOLD: f32 = 0.55;

/// Valence a praise-slang phrase counts with (VADER's "great" is 3.1, "good" 1.9).
const SLANG_VALENCE: f32 = 2.0;

/// How many words from a fiction word ([`Cue::Fiction`]), in the same clause, a legal or press
/// word is read as part of the story: "the lawyer in that film" (three), "that reporter in the
/// new bond movie" (five). Only bare lawyers, courts and reporters, the stock characters: "my
/// lawyer" is a threat next to any box set, and a fire or a hacked account told next to
/// "movie" ("was watching a movie when the charger caught fire") is the author's own.
const FICTION_NEAR: usize = 5;

/// How many words apart an event and "tomorrow" or "tonight" may be, in one sentence, to
/// make a deadline: "wedding in Rome is at 2pm tomorrow" (seven).
const DIARY_NEAR: usize = 8;

/// Probability at or above which a text is a complaint.
pub const THRESHOLD: f32 = 0.43;

/// Text flags, in [`Flag`] order for the seven text-borne flags.
pub(crate) const TEXT_FLAGS: [Flag; 7] = [
    Flag::LegalThreat,
    Flag::Safety,
    Flag::FraudSecurity,
    Flag::Press,
    Flag::Discrimination,
    Flag::ChurnRisk,
    Flag::TimeCritical,
];

fn flag_slot(f: Flag) -> Option<usize> {
    TEXT_FLAGS.iter().position(|x| *x == f)
}

/// Everything the triage needs from the text.
#[derive(Debug, Clone)]
pub(crate) struct Analysis {
    /// Sentiment.
    pub score: Score,
    /// First match (byte range in the text) for each text flag, in [`TEXT_FLAGS`] order.
    pub flag_hits: [Option<(u32, u32)>; 7],
    /// First sarcasm excerpt.
    pub sarcasm: Option<(u32, u32)>,
    /// First complaint cue (failure or chasing) excerpt.
    pub complaint_cue: Option<(u32, u32)>,
    /// First suggestion cue.
    pub suggest: Option<(u32, u32)>,
    /// First spam cue.
    pub spam: Option<(u32, u32)>,
    /// Phishing the author does, not suffers: a secret asked for ("DM us your card number"),
    /// or an account threat in a message that tells of no trouble of the author's. Spam, and
    /// a fraud risk to the brand's customers (the fraud flag is set with it).
    pub phishing: Option<(u32, u32)>,
    /// Praise cue count.
    pub praise: u32,
    /// Praise slang found ("absolute legends", "killing it").
    pub slang: bool,
    /// Failure cues denied ("never late", "no complaints at all"): praise in other words.
    pub denied: u32,
    /// A failure that keeps happening: a failure cue and a chasing cue ("crashes every time",
    /// "lost my parcel again").
    pub recurring: bool,
    /// Question cue or question form.
    pub question: bool,
    /// Asks in a way `question` misses: without a question mark ("does the 18:05 have a buffet
    /// car or should I bring snacks"), or after a greeting ("hey what's the cut-off?"); kept out
    /// of the complaint model, which learned `question` as it is, and false when `question` holds.
    pub asks_unmarked: bool,
    /// Asks how to do something, and tells of no trouble but not finding the way ("how do I add
    /// a second cardholder? can't find the option anywhere").
    pub how_to_unfound: bool,
    /// Asks how to do something about one trouble it tells calmly, with no chasing and no "!"
    /// ("the wifi stopped working after the update, how do I reset the router?"): help wanted.
    pub help_wanted: bool,
    /// Complaint-model features.
    pub features: [f32; NF],
    /// Complaint probability.
    pub complaint_p: f32,
    /// Words with at least one letter (emoji and emoticons are not words).
    pub words: u32,
    /// First "problem put right" cue.
    pub resolved: Option<(u32, u32)>,
    /// The author threatens to go to the press (a grave risk, like a legal threat).
    pub press_threat: bool,
    /// Addressed to the brand: a leading @handle, or posted where only the brand reads it.
    pub addressed: bool,
    /// Looks forward to something ("so excited for my flight tomorrow").
    pub anticipation: bool,
    /// Says there is no hurry ("no rush").
    pub unhurried: bool,
    /// The first news outlet's @handle tagged in the text (`@` included). Kept apart from the
    /// press phrases: it is not a journalist's enquiry, and the complaint model never saw it.
    pub press_tag: Option<(u32, u32)>,
}

impl Default for Analysis {
    fn default() -> Self {
        Self {
            score: Score::default(),
            flag_hits: [None; 7],
            sarcasm: None,
            complaint_cue: None,
            suggest: None,
            spam: None,
            phishing: None,
            praise: 0,
            slang: false,
            denied: 0,
            recurring: false,
            question: false,
            asks_unmarked: false,
            how_to_unfound: false,
            help_wanted: false,
            features: [0.0; NF],
            complaint_p: 0.0,
            words: 0,
            resolved: None,
            press_threat: false,
            addressed: false,
            anticipation: false,
            unhurried: false,
            press_tag: None,
        }
    }
}

/// Whether `text` (as written) puts one to three lowercase words in scare quotes (`"next day"
/// delivery`, `another “minor update”`, `the app 'updated'`): after "love paying" or "great,
/// another", the author doubts what the brand calls it. Longer quotations are reported speech,
/// and capitalised ones names (`love that the "Ocean" scent is back`), not scare quotes. A
/// quote opens after a space (so the apostrophe in "I'm" opens nothing), and a single quote
/// closes only before a non-letter (so "don't" inside the quote does not close it). Only the 48
/// bytes after an opening quote are searched for its close.
fn scare_quoted(text: &[u8]) -> bool {
    const PAIRS: [(&str, &str); 4] = [
        ("\"", "\""),
        ("\u{201c}", "\u{201d}"),
        ("'", "'"),
        ("\u{2018}", "\u{2019}"),
    ];
    let mut i = 0;
    while i < text.len() {
        let after_space = i == 0 || text[i - 1].is_ascii_whitespace();
        let Some((open, close)) = PAIRS
            .iter()
            .find(|(o, _)| after_space && text[i..].starts_with(o.as_bytes()))
        else {
            i += 1;
            continue;
        };
        let inner = &text[i + open.len()..];
        let closes = |at: usize| {
            inner[at..].starts_with(close.as_bytes())
                && !inner
                    .get(at + close.len())
                    .is_some_and(u8::is_ascii_alphanumeric)
        };
        // Three words fit in this; a bound keeps a text of unclosed quotes linear.
        if let Some(end) = (0..inner.len().min(48)).find(|&at| closes(at)) {
            let quote = &inner[..end];
            let words = quote
                .split(|b| *b == b' ')
                .filter(|w| !w.is_empty())
                .count();
            if (1..=3).contains(&words)
                && quote.iter().any(u8::is_ascii_lowercase)
                && !quote.iter().any(u8::is_ascii_uppercase)
            {
                return true;
            }
        }
        i += open.len();
    }
    false
}

/// Whether a clause opens with a question word ("why", "is", "does"...): the text's first
/// word, or the first after a greeting or an earlier sentence ("Hi there, is breakfast
/// included?", "Booked for Friday. Can I bring a dog?"). Only asked when the text has a `?`.
fn asks(toks: &[text::Tok], lower: &[u8]) -> bool {
    toks.iter().enumerate().any(|(i, t)| {
        t.role & QWORD != 0 && (i == 0 || sentiment::clause_ends_after(lower, &toks[i - 1]))
    })
}

/// How many of the first tokens greet or call the reader before the message starts ("hey",
/// "hi there", "good evening", "quick question", "mate", "pls", "kindly"): a question word
/// after them opens the text as much as it would first.
fn greeting_len(toks: &[text::Tok], lower: &[u8]) -> usize {
    const GREETING: &[&[u8]] = &[
        b"hi",
        b"hey",
        b"hello",
        b"hiya",
        b"yo",
        b"there",
        b"mate",
        b"guys",
        b"team",
        b"folks",
        b"good",
        b"morning",
        b"afternoon",
        b"evening",
        b"quick",
        b"question",
        b"pls",
        b"please",
        b"plz",
        b"kindly",
        b"sir",
        b"madam",
        b"dear",
        b"oga",
        b"admin",
    ];
    toks.iter()
        .take_while(|t| GREETING.contains(&t.word(lower)))
        .count()
}

/// Whether the text opens as a question: an auxiliary and its subject ("does the 18:05 ...",
/// "do you ship ...", "does @AcmeCoffee do ..."), or a question word and an auxiliary ("what is
/// the returns policy"). Not an exclamation ("what a day", "would recommend", "how have I never
/// done this ... love it!"), a "why" (without its mark, mostly a rhetorical grumble), nor "is"
/// or "are" after a leading @handle, which is then the subject ("@Brand is my new favourite").
fn asks_unmarked(toks: &[text::Tok], lower: &[u8]) -> bool {
    const AUX: &[&[u8]] = &[
        b"can", b"could", b"would", b"will", b"should", b"do", b"does", b"did", b"is", b"are",
    ];
    const BE: &[&[u8]] = &[b"is", b"are"];
    const SUBJECT: &[&[u8]] = &[
        b"you", b"your", b"u", b"ur", b"the", b"this", b"that", b"it", b"anyone", b"anybody", b"i",
        b"we", b"my", b"our", b"they", b"there", b"he", b"she", b"yall", b"y'all",
    ];
    const WH: &[&[u8]] = &[b"how", b"what", b"where", b"when", b"which", b"who"];
    let (Some(a), Some(b)) = (toks.first(), toks.get(1)) else {
        return false;
    };
    let word = |t: &text::Tok| t.word(lower);
    if AUX.contains(&word(a)) {
        if BE.contains(&word(a)) && text::handle_before(toks, lower, 0) {
            return false;
        }
        // An @handle (not a token) as the subject: "does @AcmeCoffee do a student discount".
        SUBJECT.contains(&word(b)) || text::handle_before(toks, lower, 1)
    } else {
        WH.contains(&word(a)) && AUX.contains(&word(b))
    }
}

#[inline]
/// The opening request of a message that asks the brand to change something: "add
/// cross-save already", "pls bring downloads back", "let us tip in the app", "more squat racks
/// pls". Not a request about the author's own case ("put me through to someone", "let me
/// know", "open my account"), which is trouble or a question; not "give" or "make", which
/// open promotions ("give these fajitas a try") and idioms ("make it make sense").
fn asks_for_change(toks: &[text::Tok], lower: &[u8]) -> Option<(u32, u32)> {
    let word = |k: usize| toks.get(k).map_or(&b""[..], |t| t.word(lower));
    let please = |w: &[u8]| matches!(w, b"please" | b"pls" | b"plz" | b"pleaseee" | b"plss");
    let at = usize::from(please(word(0)));
    // "bring X back", not "bring ur ass tonight".
    let back = || (at + 1..at + 6).any(|k| word(k) == b"back");
    let ask = match word(at) {
        b"bring" | b"put" => back(),
        w => matches!(
            w,
            b"add"
                | b"let"
                | b"stock"
                | b"sell"
                | b"offer"
                | b"introduce"
                | b"extend"
                | b"allow"
                | b"include"
                | b"launch"
                | b"reopen"
                | b"open"
        ),
    };
    let own = matches!(word(at + 1), b"me" | b"my" | b"it" | b"this" | b"that")
        || (word(at) == b"let" && word(at + 2) == b"know");
    // "more squat racks pls": more of something, asked for politely ("more like that please"
    // is praise).
    let more = at == 0
        && word(0) == b"more"
        && word(1) != b"like"
        && toks.iter().any(|t| please(t.word(lower)));
    if (ask && !own) || more {
        let t = &toks[at];
        return Some((t.lo, t.hi));
    }
    None
}

fn sigmoid(x: f32) -> f32 {
    1.0 / (1.0 + (-x).exp())
}

/// Complaint probability from features with the given weights.
#[inline]
pub fn complaint_probability(x: &[f32; NF], w: &[f32; NF]) -> f32 {
    // Eight running sums, so the adds vectorise instead of waiting on each other.
    let mut acc = [0.0f32; 8];
    for (xs, ws) in x.chunks_exact(8).zip(w.chunks_exact(8)) {
        for k in 0..8 {
            acc[k] += xs[k] * ws[k];
        }
    }
    let tail: f32 = (NF / 8 * 8..NF).map(|k| x[k] * w[k]).sum();
    sigmoid(acc.iter().sum::<f32>() + tail)
}

/// Whether `w` says when something leaves, starts or closes ("boarding closes in 10", "leaves
/// at 21:10"): a time after it is a schedule.
fn departs(w: &[u8]) -> bool {
    matches!(
        w,
        b"closes" | b"leaves" | b"boards" | b"starts" | b"departs"
    )
}

/// Whether `word` then `next` name a time soon: a clock time after "by", "before", "until" or
/// "till" ("by 5pm", "before noon"), or after "at" when a schedule or an event says it
/// ("leaves at 21:10", "interview at 2pm"; "rang at 8am" is a story); or a weekday after those
/// or "next" ("by saturday"; "on sunday" and "this monday" are as often past). `prev` is the
/// word before `word`, `after` the one after `next`.
fn soon_after(prev: &[u8], word: &[u8], next: &[u8], after: &[u8]) -> bool {
    let scheduled = || {
        departs(prev)
            || matches!(
                prev,
                b"is"
                    | b"it's"
                    | b"lands"
                    | b"due"
                    | b"begins"
                    | b"ends"
                    | b"expires"
                    | b"arrives"
                    | b"shuts"
                    | b"interview"
                    | b"appointment"
                    | b"flight"
                    | b"meeting"
                    | b"hearing"
                    | b"exam"
                    | b"wedding"
                    | b"surgery"
            )
    };
    let clock_prep =
        matches!(word, b"by" | b"before" | b"until" | b"till") || (word == b"at" && scheduled());
    let day_prep = clock_prep || word == b"next";
    if !day_prep {
        return false;
    }
    let digits = next.iter().take_while(|b| b.is_ascii_digit()).count();
    let rest = &next[digits..];
    // "delayed by 3 hours" is a length of time, not a clock time.
    let unit = matches!(
        after,
        b"hour" | b"hours" | b"hr" | b"hrs" | b"min" | b"mins" | b"minutes" | b"days" | b"weeks"
    );
    // A bare number is a clock time only after a schedule ("starts at 8"); after "by" it is
    // as often an amount ("went up by 50", "by 2 and a half hours").
    let clock = (1..=2).contains(&digits)
        && !unit
        && ((rest.is_empty() && word == b"at" && prev != b"is")
            || matches!(rest, b"am" | b"pm")
            || (rest.len() >= 3
                && rest[0] == b':'
                && rest[1..3].iter().all(u8::is_ascii_digit)
                && matches!(&rest[3..], b"" | b"am" | b"pm")));
    (clock_prep && (clock || matches!(next, b"noon" | b"midday" | b"midnight")))
        || matches!(
            next,
            b"monday"
                | b"tuesday"
                | b"wednesday"
                | b"thursday"
                | b"friday"
                | b"saturday"
                | b"sunday"
        )
}

/// Whether a discrimination hit starting at byte `start` is a remark quoted as the offence
/// ("people your age", "women don't usually"), which a negation before it does not deny.
fn quoted_remark(cue: Cue, lower: &[u8], start: u32) -> bool {
    let rest = lower.get(start as usize..).unwrap_or_default();
    cue == Cue::Risk(Flag::Discrimination)
        && [
            &b"people "[..],
            b"someone ",
            b"women ",
            b"children ",
            b"kids ",
        ]
        .iter()
        .any(|p| rest.starts_with(p))
}

/// Whether a negation ("not", "never", "didn't", "no") is one of the two words before token
/// `at`, in the same clause.
fn negated_before(toks: &[text::Tok], lower: &[u8], at: usize) -> bool {
    // The two words before count whatever they are ("not really urgent"); past them, only
    // words that leave the negation in force ("never had a single issue", "haven't had any
    // problems"), up to four words back.
    let mut all_filler = true;
    for d in 1..=4 {
        let Some(p) = at.checked_sub(d).and_then(|k| toks.get(k)) else {
            return false;
        };
        if sentiment::clause_ends_after(lower, p) {
            return false;
        }
        if sentiment::negates(p) || p.role & NO != 0 {
            return true;
        }
        // "don't want to get scammed" is a worry, not a scam.
        let filler = matches!(
            p.word(lower),
            b"a" | b"an"
                | b"any"
                | b"single"
                | b"one"
                | b"had"
                | b"have"
                | b"has"
                | b"been"
                | b"want"
                | b"to"
                | b"get"
                // "not lost or stolen", "isn't damaged or broken".
                | b"or"
                | b"lost"
                | b"damaged"
        );
        // Past the first two words, every word between must be such a word.
        all_filler &= filler;
        if d >= 2 && !all_filler {
            return false;
        }
    }
    false
}

/// The tokens within the byte span `lo..hi` of the text (ordered, as the tokenizer leaves
/// them), or `None` when the span holds none.
fn tokens_within(toks: &mut [text::Tok], lo: u32, hi: u32) -> Option<&mut [text::Tok]> {
    let from = toks.partition_point(|t| t.lo < lo);
    let to = toks.partition_point(|t| t.hi <= hi);
    toks.get_mut(from..to)
}

/// Takes the positive tone off the words of a failure or chasing phrase spanning `lo..hi`
/// ("this is a joke", "you can do better", "would love an answer"): the phrase says the
/// opposite of its words. A phrase with a negation in it ("not good enough", "wasn't helpful")
/// keeps its words, which the negation already reads the right way.
fn sour(toks: &mut [text::Tok], lo: u32, hi: u32) {
    let Some(span) = tokens_within(toks, lo, hi) else {
        return;
    };
    if span.iter().any(sentiment::negates) {
        return;
    }
    for t in span.iter_mut().filter(|t| t.val > 0.0) {
        t.val = 0.0;
    }
}

/// Where the help ends, when what "thanks for" thanks for, right after it, is help ("thank
/// you for your help getting my family home", "thanks for all your patience"): help given is a
/// problem put right, and the thanks genuine, not sarcasm. Not when trouble follows in the same
/// sentence ("thanks for the help, 3 hours on hold and nothing"): the caller checks that.
fn thanks_for_help(toks: &[text::Tok], lower: &[u8], end: u32) -> Option<u32> {
    let mut after = toks.iter().filter(|t| t.lo >= end);
    let mut t = after.next()?;
    for _ in 0..2 {
        if !matches!(t.word(lower), b"your" | b"ur" | b"the" | b"all") {
            break;
        }
        t = after.next()?;
    }
    matches!(
        t.word(lower),
        b"help"
            | b"helping"
            | b"kindness"
            | b"patience"
            | b"assistance"
            | b"understanding"
            | b"support"
            | b"care"
            | b"hospitality"
    )
    .then_some(t.hi)
}

/// Whether `text` has a link written without `http://` or `www.` ("bit.ly/x9Qa",
/// "acme-verify.co/login", "claim-now.xyz"), as phishing posts write them to dodge link
/// filters: a word, a dot and a common top-level domain, or a path after the dot. Read only
/// when a lure, a threat or words to the reader make it matter, so the tokenizer does not pay
/// for it.
fn has_bare_link(text: &str) -> bool {
    const TLDS: [&str; 41] = [
        "com", "co", "uk", "io", "ly", "xyz", "info", "biz", "net", "org", "me", "app", "link",
        "site", "online", "top", "click", "shop", "win", "live", "store", "club", "vip", "cc",
        "support", "today", "gift", "money", "gg", "tv", "us", "au", "ca", "in", "eu", "ru", "icu",
        "fun", "pro", "help", "page",
    ];
    // Byte by byte: every text comes here, and few have a dot between letters.
    let b = text.as_bytes();
    let mut from = 1;
    while let Some(off) = b
        .get(from..)
        .and_then(|r| r.iter().position(|&c| c == b'.'))
    {
        let dot = from + off;
        from = dot + 1;
        if !b[dot - 1].is_ascii_alphanumeric() {
            continue;
        }
        let n = b[dot + 1..]
            .iter()
            .take_while(|c| c.is_ascii_alphabetic())
            .count();
        if n < 2 {
            continue;
        }
        let tld = &b[dot + 1..dot + 1 + n];
        match b.get(dot + 1 + n) {
            Some(b'/') => return true,
            Some(c) if c.is_ascii_alphanumeric() => {}
            _ => {
                if TLDS.iter().any(|t| t.as_bytes().eq_ignore_ascii_case(tld)) {
                    return true;
                }
            }
        }
    }
    false
}

/// How many words before a secret the verb asking for it may be: "DM us your full name, phone
/// number, card number" (eight).
const ASK_NEAR: usize = 8;

/// Whether the secret at token `at` is asked for: a verb of handing over ("dm", "send",
/// "share", "provide"...) at most [`ASK_NEAR`] words before it in the same sentence, with "your"
/// between ("DM us your full name, card number", "kindly send your PIN"), and no negation
/// between them or in the asker's clause just before it ("never share your PIN", "we'd never
/// ask you to share your card number"; "Don't panic, kindly send your PIN" still asks). An
/// article between "your" and the secret means "your" was someone else's ("send me your
/// engineer and the pin").
/// "Have you tried resetting your password", "kindly send me the correct address, the pin on
/// the map" and "enter your PIN at the till" (a genuine instruction) ask for nothing.
fn asked_for(toks: &[text::Tok], lower: &[u8], at: usize) -> bool {
    let negation = |t: &text::Tok| sentiment::negates(t) || t.role & NO != 0;
    // "your" of the secret's own phrase: an article after it starts another ("send me your
    // engineer and the pin for the boiler").
    let (mut your, mut article) = (
        toks.get(at)
            .is_some_and(|t| matches!(t.word(lower), b"your" | b"ur")),
        false,
    );
    for j in (at.saturating_sub(ASK_NEAR)..at).rev() {
        let t = &toks[j];
        if sentiment::sentence_ends_after(lower, t) || negation(t) {
            return false;
        }
        let w = t.word(lower);
        your |= matches!(w, b"your" | b"ur") && !article;
        article |= matches!(w, b"the" | b"a" | b"an");
        let asks = matches!(
            w,
            b"dm"
                | b"send"
                | b"inbox"
                | b"message"
                | b"whatsapp"
                | b"provide"
                | b"share"
                | b"reply"
                | b"tell"
                | b"give"
                | b"text"
        );
        if asks && your {
            // The asker's own clause, up to four words back ("we'd never ask you to share").
            for k in (j.saturating_sub(4)..j).rev() {
                if sentiment::clause_ends_after(lower, &toks[k]) {
                    break;
                }
                if negation(&toks[k]) {
                    return false;
                }
            }
            return true;
        }
    }
    false
}

/// Whether the author warns of a scam rather than runs one ("fake @AcmeAir accounts are
/// offering refund recovery, don't fall for it", "got this text ... obviously fake,
/// reported", "is this legit?"). Read only for texts with a phishing cue.
fn warns(toks: &[text::Tok], lower: &[u8], posed: bool) -> bool {
    toks.iter().any(|t| {
        let w = t.word(lower);
        // An imposter's own words ("your account was flagged for suspicious activity",
        // "your page has been reported") are no warning.
        if posed && matches!(w, b"reported" | b"report" | b"suspicious" | b"warning") {
            return false;
        }
        matches!(
            w,
            b"fake"
                | b"fakes"
                | b"dodgy"
                | b"legit"
                | b"genuine"
                | b"beware"
                | b"warning"
                | b"careful"
                | b"reported"
                | b"scam"
                | b"scams"
                | b"scammer"
                | b"scammers"
                | b"phishing"
                | b"suspicious"
                | b"impersonating"
                | b"pretending"
                | b"warn"
                | b"report"
                | b"heads"
                | b"psa"
        )
    })
}

/// Whether the failure cue at token `at` is denied ([`negated_before`]) with no "stop",
/// "only", "just" or "but" between the negation and the cue, which move the negation off it
/// ("won't stop crashing", "nothing but problems").
fn negated_failure(toks: &[text::Tok], lower: &[u8], at: usize) -> bool {
    let moved = at
        .checked_sub(1)
        .and_then(|k| toks.get(k))
        .is_some_and(|p| {
            matches!(
                p.word(lower),
                b"stop" | b"stops" | b"stopped" | b"only" | b"just" | b"quit" | b"but"
            )
        });
    !moved && negated_before(toks, lower, at)
}

/// Analyses one text with the reusable buffers in `s`. `replying` says the message is addressed
/// to the brand by where it was posted (a comment or reply under a post, or a direct message),
/// which counts like a leading @handle. `names` are the packed keys of words that name the
/// brand (its handles, see `brand_names` in `mod.rs`): they carry no tone.
pub(crate) fn analyse(text: &str, s: &mut Scratch, replying: bool, names: &[u128]) -> Analysis {
    let st = text::tokenize(text, s);
    // The brand's own name is no tone ("United lost my bag", "Spirit charged me twice").
    if !names.is_empty() {
        for t in s.toks.iter_mut().filter(|t| t.val != 0.0) {
            let key = super::lexicon::key_at(&s.lower, t.lo as usize, (t.hi - t.lo) as usize);
            if names.contains(&key) {
                t.val = 0.0;
            }
        }
    }
    let mut a = Analysis::default();
    let (mut failure, mut chasing, mut service, mut suggest, mut spam, mut question) =
        (0u32, 0u32, 0u32, 0u32, 0u32, 0u32);
    let mut reply = 0u32;
    // Failures denied ("hasn't crashed once"): their negations are praise, not trouble.
    let mut denied = 0u32;
    // Phishing parts: the first secrets (span and token), an account threat, a scam offer.
    let mut secrets = Few::<_, 4>::new(((0u32, 0u32), 0usize));
    let (mut threat, mut scam, mut bait, mut lure) = (None, None, None, None);
    let (mut unfound, mut how_to) = (0u32, false);
    let mut sarc_if_event: Option<(u32, u32)> = None;
    let mut sarc_near_event: Option<(u32, u32)> = None;
    let mut slang_at: Option<(u32, u32)> = None;
    // Phrases whose words lose their word-by-word valence: praise slang ("killing it") counts
    // as one positive word, a harmless topic ("fraud awareness") as none. At most four are
    // re-valued; more is not worth the bookkeeping.
    let mut revalued = Few::<_, 4>::new((0u32, 0u32, 0.0f32));
    // Failure and chasing phrases, whose words' positive tone is not meant ("a joke", "do
    // better", "treated like dirt", "would love an answer"); see `sour`.
    let mut soured = Few::<_, 4>::new((0u32, 0u32));
    let mut risk = 0u32;
    // Risk hits wait until the scan has seen every fiction word: "the lawyer in that film"
    // names the film after the lawyer. Texts with more risk hits than this keep the rest
    // unchecked.
    let mut risks = Few::<_, 8>::new((Cue::Ignore, 0u32, 0u32, 0usize));
    let mut fiction = Few::<_, 4>::new(0usize);
    // "at", "by", "before", "until", "till", "next", by token: where a time soon may follow
    // (see `soon_after`).
    let mut clocks = Few::<_, 4>::new(0usize);
    // Protected characteristics, and words for groups, by token (see `discrimination.rs`).
    let mut traits = Few::<_, 4>::new(0usize);
    let mut groups = Few::<_, 2>::new(0usize);
    // Moves and ends, by token (see `churn.rs`).
    let mut moves = Few::<_, 3>::new(0usize);
    // News outlets, by their first and last token (see `press.rs`).
    let mut outlets = Few::<_, 2>::new((0usize, 0usize));
    // Events and "soon" words, in order: (is "soon", token index).
    let mut diary = Few::<_, 6>::new((When::Event, 0usize));
    // Medicines, by span and token: a safety risk once the message is known to be troubled.
    let mut medicines = Few::<_, 2>::new(((0u32, 0u32), 0usize));
    // Cancellations, by token, and a traveller stuck somewhere, by span: a journey that
    // cannot go on (see `journey.rs`).
    let mut cancelled = Few::<_, 2>::new(0usize);
    let mut stuck = None;
    let toks = &s.toks;
    let lower = &s.lower;
    let mut commit = |a: &mut Analysis, cue: Cue, span: (u32, u32)| {
        let f = if cue == Cue::PressThreat {
            a.press_threat = true;
            Flag::Press
        } else if let Cue::Risk(f) = cue {
            f
        } else {
            return;
        };
        if let Some(i) = flag_slot(f) {
            if a.flag_hits[i].is_none() {
                a.flag_hits[i] = Some(span);
                risk += 1;
            }
        }
    };
    cues::scan(toks, lower, |mut h| {
        // "#scam" closing a complaint calls the brand's practice a scam, as "what a scam" does
        // (see `cues.rs`); fraud done to the author is told in other words ("hacked", "took
        // £500 from my account"). Not "#scam?", which suspects it. Either is fraud after all
        // in a message about a text, an email, a call or a link ("says my card is blocked, total
        // scam"): that is how phishing reaches customers.
        let phrase = lower
            .get(h.start as usize..h.end as usize)
            .unwrap_or_default();
        let tagged = h.start > 0
            && lower.get(h.start as usize - 1) == Some(&b'#')
            && phrase == b"scam"
            && lower.get(h.end as usize) != Some(&b'?');
        if tagged || (h.cue == Cue::Failure && phrase.ends_with(b"scam")) {
            h.cue = if phished(toks, lower) {
                Cue::Risk(Flag::FraudSecurity)
            } else {
                Cue::Failure
            };
        }
        let span = Some((h.start, h.end));
        match h.cue {
            // "not urgent", "nothing was stolen", "never been hacked": a risk denied is no risk.
            // Not a remark quoted as the offence itself ("smartphones aren't for people your
            // age", "women don't usually ..."), where the negation is the remark's own.
            Cue::Risk(_) | Cue::PressThreat
                if negated_before(toks, lower, h.at) && !quoted_remark(h.cue, lower, h.start) => {}
            Cue::Risk(_) | Cue::PressThreat => {
                // "full card number", "your online banking password": fraud phrases that are
                // secrets too, phishing when asked for.
                let secret_phrase = || {
                    let phrase = lower
                        .get(h.start as usize..h.end as usize)
                        .unwrap_or_default();
                    phrase.ends_with(b"card number") || phrase.ends_with(b"password")
                };
                if h.cue == Cue::Risk(Flag::FraudSecurity) && secret_phrase() {
                    secrets.push(((h.start, h.end), h.at));
                }
                if !risks.push((h.cue, h.start, h.end, h.at)) {
                    commit(&mut a, h.cue, (h.start, h.end));
                }
            }
            Cue::Fiction => {
                fiction.push(h.at);
            }
            Cue::Stuck => {
                let last = last_token(toks, h.at, h.end);
                if let Some(held) =
                    journey::stuck_somewhere(toks, lower, text.as_bytes(), h.at, last)
                {
                    chasing += 1;
                    a.complaint_cue = a.complaint_cue.or(Some(held));
                    soured.push(held);
                    stuck = stuck.or(Some(held));
                }
            }
            Cue::Medicine => {
                medicines.push(((h.start, h.end), h.at));
                diary.push((When::Event, h.at));
            }
            Cue::Upcoming | Cue::Soon => {
                let when = if h.cue == Cue::Soon {
                    When::Soon
                } else {
                    When::Event
                };
                diary.push((when, h.at));
            }
            // "since monday", "last friday", "every saturday night": over, or habit.
            Cue::Weekday
                if h.at > 0
                    && matches!(
                        toks[h.at - 1].word(lower),
                        b"since" | b"last" | b"from" | b"every" | b"till" | b"until"
                    ) => {}
            Cue::Weekday => {
                diary.push((When::Weekday, last_token(toks, h.at, h.end)));
            }
            Cue::Anticipation => a.anticipation = true,
            Cue::Unhurried => a.unhurried = true,
            // "didn't crash once", "no problems at all", "hasn't stopped talking about it": a
            // failure denied is none. Not when the negation governs something else: "won't
            // stop crashing", "not only late but rude".
            Cue::Failure if negated_failure(toks, lower, h.at) => denied += 1,
            Cue::Failure => {
                failure += 1;
                a.complaint_cue = a.complaint_cue.or(span);
                soured.push((h.start, h.end));
                // "cancelled the DD this morning": a failure word that is also an end.
                let word = toks[h.at].word(lower);
                // Alone, it may also stop a journey ("flight cancelled", see `journey.rs`).
                if matches!(word, b"cancelled" | b"canceled") {
                    moves.push(h.at);
                    if h.end == toks[h.at].hi {
                        cancelled.push(h.at);
                    }
                }
            }
            Cue::Move if negated_before(toks, lower, h.at) => {}
            Cue::Move => {
                moves.push(h.at);
            }
            Cue::Unfound => {
                failure += 1;
                unfound += 1;
                a.complaint_cue = a.complaint_cue.or(span);
            }
            Cue::Chasing => {
                chasing += 1;
                a.complaint_cue = a.complaint_cue.or(span);
                soured.push((h.start, h.end));
            }
            Cue::Service => service += 1,
            Cue::Sarcasm => a.sarcasm = a.sarcasm.or(span),
            Cue::SarcasmIfEvent => sarc_if_event = sarc_if_event.or(span),
            Cue::SarcasmNearEvent => sarc_near_event = sarc_near_event.or(span),
            Cue::Suggest => {
                suggest += 1;
                a.suggest = a.suggest.or(span);
            }
            Cue::Spam => {
                spam += 1;
                a.spam = a.spam.or(span);
            }
            // "will not fly with you again", "no thank you": praise refused is none.
            Cue::Praise if negated_before(toks, lower, h.at) => {}
            Cue::Praise => a.praise += 1,
            Cue::Slang | Cue::Topic => {
                if h.cue == Cue::Slang {
                    a.praise += 1;
                    a.slang = true;
                    slang_at = slang_at.or(span);
                }
                let v = if h.cue == Cue::Slang {
                    SLANG_VALENCE
                } else {
                    0.0
                };
                revalued.push((h.start, h.end, v));
            }
            Cue::Question => question += 1,
            Cue::HowTo => {
                question += 1;
                how_to = true;
            }
            Cue::Reply => reply += 1,
            Cue::Credential => {
                secrets.push(((h.start, h.end), h.at));
            }
            Cue::Phish => threat = threat.or(span),
            Cue::Scam => scam = scam.or(span),
            Cue::Clock => {
                clocks.push(h.at);
            }
            // The phrase's last word ("guide dog" is "dog"): the rule reads what follows it.
            Cue::Trait => {
                traits.push(last_token(toks, h.at, h.end));
            }
            Cue::Group => {
                groups.push(h.at);
            }
            Cue::Outlet => {
                outlets.push((h.at, last_token(toks, h.at, h.end)));
            }
            Cue::Bait => {
                spam += 1;
                a.spam = a.spam.or(span);
                bait = bait.or(span);
            }
            Cue::Lure => lure = lure.or(span),
            Cue::Resolved => a.resolved = a.resolved.or(span),
            Cue::Ignore => {}
        }
    });
    for &(cue, lo, hi, at) in risks.as_slice() {
        // "what number do I call if I ever smell gas?", "what happens if my card is
        // stolen?": a risk supposed in a question has not happened.
        if st.quest > 0 && supposed(toks, lower, at) {
            continue;
        }
        // Only a bare word ("lawyer", "reporter"): "my lawyer says a box set sold as region
        // free ..." is the author's own threat, whatever the shop sells.
        let bare = toks.get(at).is_some_and(|t| t.hi == hi);
        let storied = bare
            && matches!(cue, Cue::Risk(Flag::LegalThreat) | Cue::Risk(Flag::Press))
            && fiction.as_slice().iter().any(|&f| {
                f.abs_diff(at) <= FICTION_NEAR
                    && !(f.min(at)..f.max(at))
                        .any(|k| sentiment::clause_ends_after(lower, &toks[k]))
            });
        let coming = cue == Cue::Risk(Flag::ChurnRisk) && towards_a_handle(toks, lower, hi, names);
        if !storied && !coming {
            commit(&mut a, cue, (lo, hi));
        }
    }
    // Token-level signals. The ten counted roles are summed in packed lanes, one add per word,
    // unpacked every 4,095 words so no lane overflows.
    let mut roles = [0u32; (16 - COUNTED_SHIFT) as usize];
    for batch in s.toks.chunks((1 << LANE_BITS) - 1) {
        let lanes = batch.iter().fold(0u128, |acc, t| {
            acc + ROLE_LANES[usize::from(t.role >> COUNTED_SHIFT)]
        });
        for (k, r) in roles.iter_mut().enumerate() {
            *r += ((lanes >> (LANE_BITS as usize * k)) & ((1 << LANE_BITS) - 1)) as u32;
        }
    }
    // Lane k counts role bit `COUNTED_SHIFT + k`.
    let lane = |bit: u16| roles[(bit.trailing_zeros() - COUNTED_SHIFT) as usize];
    let (first, second, durations, events) = (
        lane(FIRST_PERSON),
        lane(SECOND_PERSON),
        lane(DURATION),
        lane(EVENT),
    );
    let (nouns, frustration, please) = (lane(SERVICE_NOUN), lane(FRUSTRATION), lane(PLEASE));
    let (times, money, actions) = (lane(TIME), st.dollars + lane(MONEY), lane(ACTION));
    // Phishing: a secret asked for ("DM us your card number", see `asked_for`); a scam offer
    // ("our refund recovery team"); a lure with a link ("claim your prize at ..."); an account
    // threat with a link, in a message that asks nothing and tells of no trouble ("my account
    // will be suspended? it says so at acme.com/billing" quotes a genuine notice). An author
    // who warns of it ("fake", "scam", "reported", "heads up") keeps their category, with the
    // fraud flag; one who tells of fraud done to them in other words ("got a text claiming to
    // be from you") has the flag already.
    // Whether a link is in the text, found once and only when asked: most texts never need
    // to know.
    let mut link_memo: Option<bool> = None;
    let mut linked = || *link_memo.get_or_insert_with(|| st.urls > 0 || has_bare_link(text));
    let to_brand = st.lead_handles > 0 || replying;
    let to_reader = second > 0;
    // A lure customers also write about their own trouble ("@AcmeParcel tried to reschedule
    // your delivery three times, keeps failing", with a screenshot) counts only in a message
    // that tells of none, or that is not sent to the brand: an imposter's pretext is trouble
    // too ("Your delivery is on hold. Pay the fee at ..."). A call to act on the reader's
    // account, money or parcel ("verify your account at ...", "claim your refund here: ...")
    // counts only with no trouble told.
    if bait.is_none() && lure.is_some() && (a.complaint_cue.is_none() || !to_brand) && linked() {
        bait = lure;
    }
    if bait.is_none() && a.complaint_cue.is_none() && to_reader {
        bait = act_on_yours(toks, lower).filter(|_| linked());
    }
    // A scam in its own voice, whatever its pretext (see `scam.rs`): only a text with a secret
    // in it, or one that speaks to its reader ("you", "your") with a number or a link, can ask
    // for one or send the reader elsewhere.
    let mut posed_certain = false;
    if scam.is_none()
        && bait.is_none()
        && (!secrets.is_empty() || (to_reader && (st.numbers > 0 || linked())))
    {
        let known = scam::Known {
            linked: linked(),
            troubled: a.complaint_cue.is_some() || risk > 0,
            replies: reply > 0,
            spam: a.spam,
        };
        if let Some(p) = scam::posing(toks, lower, text, known) {
            scam = Some(p.span);
            posed_certain = p.certain;
        }
    }
    let secrets = secrets.as_slice();
    if !secrets.is_empty() || scam.is_some() || threat.is_some() || bait.is_some() {
        let link = linked();
        let asked = secrets
            .iter()
            .find(|&&(_, at)| asked_for(toks, lower, at))
            .copied();
        let threat = threat.filter(|_| a.complaint_cue.is_none() && st.quest == 0 && link);
        // A lure with a link to follow ("claim your £250 voucher at acme-claims.xyz", "claim
        // your prize via the link in our bio").
        let bait = bait.filter(|_| {
            link || [
                b"link in bio".as_slice(),
                b"link in my bio",
                b"link in our bio",
            ]
            .iter()
            .any(|l| lower.windows(l.len()).any(|w| w == *l))
        });
        if let Some(p) = asked.map(|(sp, _)| sp).or(scam).or(threat).or(bait) {
            // A fraud phrase that is the secret itself ("full card number") is no victim's.
            // Nor is one an imposter poses with ("Dear Customer, your account was accessed
            // from a new device. If this wasn't you, secure your account: ...").
            let victim = !posed_certain
                && a.flag_hits[2].is_some_and(|f| secrets.iter().all(|&(sp, _)| sp != f));
            if !victim {
                // A warning keeps its category but is a fraud risk all the same: an
                // impersonator is at work ("heads up, an account called AcmeBankHelp is
                // telling people to DM your card details").
                a.flag_hits[2] = Some(p);
                if !warns(toks, lower, posed_certain) {
                    a.phishing = Some(p);
                }
            }
        }
    }
    // "idea: show how busy each carriage is" labels a suggestion the way "suggestion:" does;
    // the colon, which the phrase scan cannot see, keeps "no idea why" out.
    if a.suggest.is_none() {
        let label =
            s.toks.iter().take(3).find(|t| {
                s.lower.get(t.lo as usize..t.hi as usize + 1) == Some(b"idea:".as_slice())
            });
        if let Some(t) = label {
            suggest += 1;
            a.suggest = Some((t.lo, t.hi + 1));
        }
    }
    // "@AcmeGames add cross-save already", "@AcmeTV pls bring downloads back": a message to
    // the brand that opens by asking it to change something is a suggestion, as "you should"
    // is. Category only: the model's suggestion count is the phrases'.
    if a.suggest.is_none() && (st.lead_handles > 0 || replying) {
        a.suggest = asks_for_change(&s.toks, &s.lower);
    }
    for &(lo, hi, v) in revalued.as_slice() {
        if let Some(span) = tokens_within(&mut s.toks, lo, hi) {
            for t in span.iter_mut() {
                t.val = 0.0;
            }
            // On the first word, so a negation inside the phrase ("you never miss", "never had
            // a problem") does not flip it; one before it still does ("not killing it").
            if let Some(first) = span.first_mut() {
                first.val = v;
            }
        }
    }
    for &(lo, hi) in soured.as_slice() {
        sour(&mut s.toks, lo, hi);
    }
    // "at 21:10", "by 5pm", "before noon", "by saturday": a time soon, for the diary.
    for &c in clocks.as_slice() {
        let word = |j: usize| s.toks.get(j).map_or(&b""[..], |t| t.word(&s.lower));
        let prev = c.checked_sub(1).map_or(&b""[..], word);
        if soon_after(prev, word(c), word(c + 1), word(c + 2)) {
            diary.push((When::Soon, c + 1));
        }
    }
    let (mut negw, mut posw, mut neg_emo) = (0u32, 0u32, 0u32);
    for (i, t) in s.toks.iter().enumerate() {
        negw += u32::from(t.val <= -0.5);
        posw += u32::from(t.val >= 0.5);
        // Emoticons and emoji are the tokens that are not plain words.
        neg_emo += u32::from(t.val < 0.0 && !t.word(&s.lower).iter().all(u8::is_ascii_alphabetic));
        // "in 40 minutes", "in 2 hrs": a deadline in the author's life.
        // Tested as two bytes of the padded buffer and the length, with `&`: a length test
        // first would be a branch mispredicted on every other word.
        let two = s.lower.get(t.lo as usize..t.lo as usize + 2) == Some(b"in".as_slice());
        if two & (t.hi - t.lo == 2) && a.flag_hits[6].is_none() {
            if let (Some(n), Some(u)) = (s.toks.get(i + 1), s.toks.get(i + 2)) {
                // "in about 2 hours", "in around 20 minutes".
                let about = matches!(
                    n.word(&s.lower),
                    b"about" | b"around" | b"roughly" | b"under" | b"approx"
                );
                let (n, u) = match (about, s.toks.get(i + 2), s.toks.get(i + 3)) {
                    (true, Some(n2), Some(u2)) => (n2, u2),
                    _ => (n, u),
                };
                let num = n.word(&s.lower);
                let unit = u.word(&s.lower);
                let is_num = num.iter().all(u8::is_ascii_digit)
                    || matches!(num, b"a" | b"an" | b"one" | b"two" | b"few" | b"half");
                let is_unit = matches!(
                    unit,
                    b"min" | b"mins" | b"minutes" | b"minute" | b"hour" | b"hours" | b"hr" | b"hrs"
                );
                // "fixed my broadband in 5 minutes", "arrived in 20 mins": a past event took
                // that long, no deadline, unless a word of need or schedule is near ("need
                // this fixed in 2 hours", "charged, and rent is due in 2 hours").
                let back = &s.toks[i.saturating_sub(3)..i];
                let past = back.iter().any(|t| {
                    let w = t.word(&s.lower);
                    (w.len() > 3 && w.ends_with(b"ed") && w != b"need" && w != b"needed")
                        || matches!(
                            w,
                            b"paid" | b"sent" | b"done" | b"got" | b"came" | b"took" | b"sold"
                        )
                });
                let needs = back.iter().any(|t| {
                    matches!(
                        t.word(&s.lower),
                        b"need"
                            | b"needs"
                            | b"needed"
                            | b"want"
                            | b"wants"
                            | b"due"
                            | b"is"
                            | b"are"
                            | b"starts"
                            | b"closes"
                            | b"leaves"
                            | b"departs"
                    )
                });
                // "boarding closes in 10": a schedule needs no unit.
                let scheduled = i
                    .checked_sub(1)
                    .is_some_and(|k| departs(s.toks[k].word(&s.lower)));
                if is_num && (is_unit || scheduled) && (!past || needs) {
                    a.flag_hits[6] = Some((t.lo, u.hi));
                    risk += 1;
                }
            }
        }
    }
    // "thanks for ...", "love how ...", "great, another ..." are sarcastic when a service failure
    // or a clearly negative word follows the opener.
    if a.sarcasm.is_none() {
        if let Some((st0, en)) = sarc_if_event {
            let after = s
                .toks
                .iter()
                .filter(|t| t.lo >= en)
                .any(|t| t.role & EVENT != 0 || t.val <= -1.0);
            let rest = text.get(en as usize..).unwrap_or_default();
            // 🙃 and 🙄 after "thanks for" mark it as meant the other way.
            let quoted = scare_quoted(rest.as_bytes()) || rest.contains(['🙃', '🙄']);
            // "thanks for sorting my refund so fast": a fix named right after the thanks is
            // what it thanks for, unless scare quotes doubt it ("thanks for 'fixing' it").
            // Trouble in the thanks' own sentence ("thanks for the help, 3 hours on hold") makes
            // it sarcasm; in a later one ("Thanks for your help in DC! ... Many cities are still
            // waiting!") it is news of its own.
            let opener_end = s.toks.partition_point(|t| t.hi < en);
            let trouble_after = soured.as_slice().iter().any(|&(lo, _)| {
                let cue = s.toks.partition_point(|t| t.lo < lo);
                lo >= en && !sentiment::sentence_between(&s.toks, &s.lower, opener_end, cue)
            });
            let helped =
                thanks_for_help(&s.toks, &s.lower, en).filter(|_| !quoted && !trouble_after);
            if let Some(hi) = helped {
                a.resolved = a.resolved.or(Some((st0, hi)));
            }
            let fixed = (a.resolved.is_some_and(|r| r.0 >= en) && !quoted) || helped.is_some();
            if !fixed
                && (after || quoted || (failure > 0 && a.complaint_cue.is_some_and(|c| c.0 >= en)))
            {
                a.sarcasm = Some((st0, en));
            } else {
                a.praise += 1;
            }
        }
    }
    // "... cold fries AGAIN. amazing work", "well done, another delay": praise of the brand's
    // work next to a service failure is sarcastic, unless the author also thanks or contrasts
    // ("but the team sorted it, great work").
    if a.sarcasm.is_none() {
        if let Some((st0, en)) = sarc_near_event {
            let (mut event, mut but) = (false, false);
            // Before it, an event word alone is too weak ("all bow down ... well done"): a
            // failure or chasing cue or a clearly negative word is needed.
            for t in s.toks.iter().filter(|t| t.hi <= st0 || t.lo >= en) {
                event |= (t.lo >= en && t.role & EVENT != 0) || t.val <= -1.0;
                but |= t.role & BUT != 0;
            }
            if (event || failure + chasing > 0) && !but && a.praise == 0 {
                a.sarcasm = Some((st0, en));
            } else {
                a.praise += 1;
            }
        }
    }
    // "absolute legends, lost my parcel again": praise slang next to a failure that keeps
    // happening, with nothing put right and no "but", is said the other way.
    if a.sarcasm.is_none() && failure > 0 && chasing > 0 && a.resolved.is_none() {
        if let Some(at) = slang_at {
            if !s.toks.iter().any(|t| t.role & BUT != 0) {
                a.sarcasm = Some(at);
            }
        }
    }
    // "shoutout to @AcmeMobile for charging me roaming in my own living room 🙃": praise slang
    // with an upside-down face or an eye-roll after it is said the other way, as after
    // "thanks for".
    if a.sarcasm.is_none() {
        if let Some(at) = slang_at {
            if text
                .get(at.1 as usize..)
                .is_some_and(|rest| rest.contains(['🙃', '🙄']))
            {
                a.sarcasm = Some(at);
            }
        }
    }
    // Slang said the other way turns negative, as a sarcastic opener does: its first word,
    // which carries the phrase's valence, is read as one.
    if let Some(at) = slang_at.filter(|&at| a.sarcasm == Some(at)) {
        if let Some(t) = s.toks.iter_mut().find(|t| t.lo == at.0) {
            t.role |= OPENER;
        }
    }
    a.score = sentiment::score(&s.toks, &s.lower, &st, a.sarcasm.is_some());
    // "my sister's wedding in Rome is at 2pm TOMORROW and your desk is closed": an event and
    // "tomorrow" or "tonight" in one sentence of a troubled message is a deadline, however
    // many words sit between them (the phrases only know "wedding is tomorrow" and kin).
    // A message the model alone finds troubled ("gig starts at 8 and your app says my tickets
    // don't exist") is asked once its probability is known, below; the flag then does not
    // count among the model's risk phrases.
    let troubled = a.complaint_cue.is_some() || a.score.compound <= -0.05 || risk > 0;
    // A medicine in the author's trouble, and itself lost, late or run out ("lost my case with
    // my insulin in it", "pharmacy still hasn't got my meds in", "I'm out of meds"); not one
    // asked about ("can I bring my insulin on my flight tomorrow?") or thanked for, nor one
    // merely present in a complaint ("40 mins in the queue to pick up my meds"), nor a song
    // title in a gloomy line. A deadline or a churn phrase is no such trouble.
    let asked = (question > 0 || st.quest > 0) && a.complaint_cue.is_none();
    let grave_risk = [0, 2, 3, 4].iter().any(|&k| a.flag_hits[k].is_some());
    let own_trouble = !asked
        && (a.complaint_cue.is_some() || grave_risk || (a.score.compound <= -0.05 && first > 0));
    if let (Some(i), true) = (flag_slot(Flag::Safety), own_trouble && a.praise == 0) {
        let harmed = medicines
            .as_slice()
            .iter()
            .find(|&&(_, at)| medicine_harmed(&s.toks, &s.lower, at));
        if let (Some(&(span, _)), None) = (harmed, a.flag_hits[i]) {
            a.flag_hits[i] = Some(span);
            risk += 1;
        }
    }
    // A wheelchair or other mobility aid lost or broken in the brand's care ("you lost my
    // father's wheelchair", "my mobility scooter arrived smashed"): someone cannot get about,
    // as grave as medical equipment.
    if let Some(i) = flag_slot(Flag::Safety) {
        if a.flag_hits[i].is_none() && a.praise == 0 && !traits.is_empty() {
            if let Some(span) = aid_harmed(&s.toks, &s.lower, traits.as_slice()) {
                a.flag_hits[i] = Some(span);
                risk += 1;
            }
        }
    }
    let mut deadline_if_complaint = None;
    if a.flag_hits[6].is_none() {
        let diary = diary.as_slice();
        // An event and a time, the event first if the time is a weekday: "my flight on
        // thursday", not "on monday I rang about my flight".
        let pair = diary.iter().find_map(|&(when, i)| {
            diary
                .iter()
                .find(|&&(when2, j)| {
                    (when == When::Event) != (when2 == When::Event)
                        && when != When::Weekday
                        && j > i
                        && j - i <= DIARY_NEAR
                        && !(i..j).any(|k| sentiment::sentence_ends_after(&s.lower, &s.toks[k]))
                })
                .map(|&(_, j)| (i, j))
        });
        // "The ferry tonight was a shambles": told in the past, the event is over.
        let past = |k: usize| {
            s.toks
                .get(k + 1)
                .is_some_and(|t| matches!(t.word(&s.lower), b"was" | b"were"))
        };
        // A weekday dates the author's own event ("my sister's wedding is saturday", "her op is
        // on friday", "I fly on thursday", "I have an interview on monday"), not any event
        // ("graduation on wednesday and my shoes are broken in", "train on monday at 6am 😩").
        let own = |i: usize| {
            (i.saturating_sub(3)..i).any(|k| {
                let w = s.toks[k].word(&s.lower);
                possessive_pronoun(w) || matches!(w, b"i" | b"we") || w.ends_with(b"'s")
            }) || matches!(s.toks[i].word(&s.lower), b"i" | b"we")
        };
        let weekday = |j: usize| {
            diary
                .iter()
                .any(|&(when, k)| k == j && when == When::Weekday)
        };
        let pair = pair.filter(|&(i, j)| !past(i) && !past(j) && (!weekday(j) || own(i)));
        if let Some((i, j)) = pair {
            let span = (s.toks[i].lo, s.toks[j].hi);
            if troubled {
                a.flag_hits[6] = Some(span);
                risk += 1;
            } else {
                deadline_if_complaint = Some(span);
            }
        }
    }
    // A journey that cannot go on: a traveller stuck in Denver, a flight cancelled today. Not
    // in thanks ("your crew were amazing today after our flight was cancelled, thank you!")
    // unless sarcastic.
    let thanks = a.praise > 0 && a.sarcasm.is_none();
    if a.flag_hits[6].is_none() && !thanks {
        a.flag_hits[6] = stuck.or_else(|| {
            (troubled && !cancelled.is_empty())
                .then(|| journey::cancelled_now(&s.toks, &s.lower, cancelled.as_slice()))
                .flatten()
        });
        if a.flag_hits[6].is_some() {
            risk += 1;
        }
    }
    let qword_first = s.toks.first().is_some_and(|t| t.role & QWORD != 0);
    a.question = question > 0 || st.ends_question || (st.quest > 0 && asks(&s.toks, &s.lower));
    // Category only, like `asks_unmarked` itself: a question the model's question features
    // miss, either without its mark or with it after a greeting ("Mate does the SIM-only deal
    // include roaming? 🤔", "hey what's the cut-off for next day delivery?"). Only looked for
    // when `question` has not already said so.
    a.asks_unmarked = st.excl == 0 && !a.question && {
        let greeting = greeting_len(&s.toks, &s.lower);
        let after_greeting = s.toks.get(greeting..).unwrap_or_default();
        if st.quest == 0 {
            asks_unmarked(after_greeting, &s.lower)
        } else {
            greeting > 0 && after_greeting.first().is_some_and(|t| t.role & QWORD != 0)
        }
    };
    // Each "can't find" brings its own negation ("can't"). Not finding the way in a how-to
    // question is no failure of the brand's: the model reads it as neither failure nor
    // negation, and it is not given as the complaint's cue.
    a.how_to_unfound =
        how_to && unfound > 0 && failure == unfound && chasing == 0 && a.score.negations <= unfound;
    a.help_wanted = how_to && failure <= 1 && chasing == 0 && st.excl == 0 && a.sarcasm.is_none();
    a.denied = denied;
    let mut negations = a.score.negations.saturating_sub(denied);
    if a.how_to_unfound {
        failure = 0;
        negations = negations.saturating_sub(unfound);
        a.complaint_cue = None;
    }
    a.recurring = failure > 0 && chasing > 0;
    let c = a.score.compound;
    let m = |x: u32, cap: u32| x.min(cap) as f32;
    let addressed = st.lead_handles > 0 || replying;
    a.addressed = addressed;
    a.press_tag = st.press_handle;
    a.features = [
        1.0,
        (-c).max(0.0),
        c.max(0.0),
        m(failure, 3),
        m(chasing, 3),
        m(service, 3),
        f32::from(u8::from(addressed)),
        f32::from(u8::from(st.handles > st.lead_handles)),
        f32::from(u8::from(st.quest > 0)),
        f32::from(u8::from(qword_first)),
        m(first, 4) / 2.0,
        m(second, 3),
        m(negations, 3),
        f32::from(u8::from(st.urls > 0)),
        m(st.hashtags, 3),
        f32::from(u8::from(a.sarcasm.is_some())),
        m(a.praise, 2),
        m(durations + st.numbers, 3),
        m(risk, 2),
        m(st.excl, 3),
        m(st.caps_words, 3),
        m(events, 3),
        m(st.words, 40) / 10.0,
        m(suggest, 2),
        m(spam, 2),
        m(question, 2),
        m(nouns, 3),
        m(frustration, 2),
        m(please, 1),
        m(negw, 3),
        m(posw, 3),
        if addressed { (-c).max(0.0) } else { 0.0 },
        if addressed {
            m(failure + chasing, 3)
        } else {
            0.0
        },
        m(neg_emo, 1),
        m(times, 2),
        m(money, 2),
        if first > 0 {
            m(failure + chasing, 3)
        } else {
            0.0
        },
        if addressed { m(nouns, 3) } else { 0.0 },
        f32::from(u8::from(st.ends_question)),
        if st.quest > 0 { m(chasing, 2) } else { 0.0 },
        m(reply, 2),
        f32::from(u8::from(a.question && c > -0.05 && failure + chasing == 0)),
        m(actions, 3),
        f32::from(u8::from(please > 0 && c > -0.05 && failure + chasing == 0)),
        f32::from(u8::from(negations > 0 && nouns > 0)),
        if st.excl + st.caps_words > 0 {
            (-c).max(0.0)
        } else {
            0.0
        },
        if a.question {
            0.0
        } else {
            m(failure + chasing, 3)
        },
        f32::from(u8::from(a.praise > 0 && failure + chasing > 0)),
    ];
    a.complaint_p = complaint_probability(&a.features, &WEIGHTS);
    if a.complaint_p >= THRESHOLD {
        a.flag_hits[6] = a.flag_hits[6].or(deadline_if_complaint);
    }
    // Discrimination told without its words, in a troubled message; like a late deadline,
    // not one of the model's risk phrases. Told plainly, with no trouble word and a flat tone
    // ("the moment the bouncer saw my turban he said 'not tonight mate'"), it counts too; told
    // with praise it does not ("staff noticed my wheelchair and brought a ramp").
    let plain = a.score.compound < 0.05;
    if !traits.is_empty()
        && a.flag_hits[4].is_none()
        && a.praise == 0
        && (troubled || plain || a.complaint_p >= THRESHOLD)
    {
        a.flag_hits[4] =
            discrimination::treated_for_who_they_are(&s.toks, &s.lower, traits.as_slice());
    }
    if !groups.is_empty() && a.flag_hits[4].is_none() && a.praise == 0 && (troubled || plain) {
        a.flag_hits[4] =
            discrimination::quoted_about_a_group(&s.toks, text.as_bytes(), groups.as_slice())
                .or_else(|| {
                    discrimination::prejudice_against_a_group(&s.toks, &s.lower, groups.as_slice())
                });
    }
    // The press reached, or reaching out, in a troubled message with no praise in it; like
    // discrimination, not one of the model's risk phrases. The author's own approach is a
    // threat to take the story further, as grave as "going to the press". Not in a flat one:
    // "emailed the newspaper a photo of the double rainbow", "my cousin works for ITV".
    if !outlets.is_empty() && a.flag_hits[3].is_none() && a.praise == 0 && troubled {
        let told = outlets
            .as_slice()
            .iter()
            .find_map(|&(first, last)| press::reached(&s.toks, &s.lower, first, last));
        // The contact itself ("emailed", a chasing cue) is no trouble: "emailed the newspaper
        // a photo of the double rainbow".
        let only_the_contact = |span: (u32, u32)| {
            a.complaint_cue.is_some_and(|c| c.0 == span.0)
                && failure == 0
                && chasing <= 1
                && a.score.compound > -0.05
                && risk == 0
        };
        if let Some((span, threat)) = told.filter(|&(span, _)| !only_the_contact(span)) {
            a.flag_hits[3] = Some(span);
            a.press_threat |= threat;
        }
    }
    // Leaving told with words between its parts, in a message without praise (troubled, unless
    // it leaves an @handle: see `churn.rs`); like the press, not one of the model's risk
    // phrases.
    if !moves.is_empty() && a.flag_hits[5].is_none() && a.praise == 0 {
        let more_trouble = chasing > 0 || failure > 1 || a.score.compound <= -0.05 || risk > 0;
        a.flag_hits[5] = moves
            .as_slice()
            .iter()
            .find_map(|&at| churn::leaving(&s.toks, &s.lower, at, troubled, more_trouble));
    }
    // Leaving vowed with words between ("Never fly American again!"); like the moves, only
    // without praise.
    if a.flag_hits[5].is_none() && a.praise == 0 && a.score.negations > 0 {
        a.flag_hits[5] = churn::vowed_never_again(&s.toks, &s.lower);
    }
    a.words = st.words;
    a
}

/// A call to act on the reader's own account, money or parcel: "verify your account",
/// "claim your pending refund", "confirm your Acme login details". Phishing with a link;
/// the span runs from the verb to the noun.
fn act_on_yours(toks: &[text::Tok], lower: &[u8]) -> Option<(u32, u32)> {
    let word = |k: usize| toks.get(k).map_or(&b""[..], |t| t.word(lower));
    let act = |w: &[u8]| {
        matches!(
            w,
            b"verify"
                | b"confirm"
                | b"update"
                | b"claim"
                | b"collect"
                | b"unlock"
                | b"reactivate"
                | b"restore"
                | b"secure"
                | b"redeem"
                | b"validate"
                | b"activate"
                | b"reschedule"
                | b"release"
                | b"receive"
                | b"enter"
                | b"submit"
        )
    };
    let yours = |w: &[u8]| {
        matches!(
            w,
            b"account"
                | b"card"
                | b"details"
                | b"payment"
                | b"billing"
                | b"identity"
                | b"id"
                | b"information"
                | b"info"
                | b"parcel"
                | b"package"
                | b"delivery"
                | b"refund"
                | b"prize"
                | b"reward"
                | b"rewards"
                | b"voucher"
                | b"gift"
                | b"bonus"
                | b"compensation"
                | b"points"
                | b"miles"
                | b"wallet"
                | b"login"
                | b"password"
                | b"subscription"
                | b"membership"
        )
    };
    // From each "your" back to its verb: most texts have few.
    (1..toks.len()).find_map(|y| {
        let i = y - 1;
        if toks[y].role & SECOND_PERSON == 0 || word(y) != b"your" || !act(word(i)) {
            return None;
        }
        // The noun, or one word further on: "your pending refund", "your Acme account".
        let noun = (i + 2..i + 4).find(|&k| yours(word(k)))?;
        Some((toks[i].lo, toks[noun].hi))
    })
}

/// How many words from a medicine the word that tells it is lost, late or gone may stand:
/// "lost my case with my insulin" (four between).
const MEDICINE_NEAR: usize = 5;

/// Whether the medicine at token `at` is lost, late, missing or run out: such a word ("lost",
/// "out of", "without", "still", "no", a negation) or luggage at most [`MEDICINE_NEAR`] words
/// before or after it, in the same clause. Not "sold out of hayfever medicine" (stock), "can't
/// wait".
fn medicine_harmed(toks: &[text::Tok], lower: &[u8], at: usize) -> bool {
    let word = |k: usize| toks.get(k).map_or(&b""[..], |t| t.word(lower));
    let harm = |k: usize| {
        let t = &toks[k];
        match t.word(lower) {
            b"out" => k == 0 || word(k - 1) != b"sold",
            b"lost" | b"losing" | b"lose" | b"missing" | b"late" | b"delayed" | b"stolen"
            | b"forgot" | b"forgotten" | b"left" | b"wrong" | b"without" | b"no" | b"none"
            | b"ran" | b"run" | b"running" | b"confiscated" | b"taken" | b"took" | b"broken"
            | b"damaged" | b"need" | b"needs" | b"needed" | b"still" | b"waiting" => true,
            // In luggage, in a troubled message: out of reach ("sent my baggage with my
            // medication to another city").
            b"bag" | b"bags" | b"baggage" | b"luggage" | b"suitcase" | b"case" => true,
            _ => sentiment::negates(t) && word(k + 1) != b"wait",
        }
    };
    sentiment::before_in_clause(toks, lower, at, MEDICINE_NEAR)
        .chain(sentiment::after_in_clause(toks, lower, at, MEDICINE_NEAR))
        .any(harm)
}

/// Whether the message tells of a text, an email, a call or a link: the ways phishing
/// reaches customers, so "scam" in it is fraud, not an insult.
fn phished(toks: &[text::Tok], lower: &[u8]) -> bool {
    toks.iter().any(|t| {
        matches!(
            t.word(lower),
            b"text"
                | b"texts"
                | b"texted"
                | b"sms"
                | b"email"
                | b"emails"
                | b"emailed"
                | b"call"
                | b"called"
                | b"caller"
                | b"link"
                | b"message"
                | b"messages"
                | b"dm"
                | b"dms"
                | b"pretending"
                | b"fake"
                | b"website"
                | b"page"
        )
    })
}

/// How many words from a mobility aid the word that harms it may stand: "lost my father's
/// wheelchair" (two), "wheelchair came back with a bent wheel" (five).
const AID_NEAR: usize = 5;

/// The span of a mobility aid (one of the `traits`, by its last token) lost or damaged: a word
/// of harm ("lost", "broken", "smashed") at most [`AID_NEAR`] words before or after it, in the
/// same clause, not negated ("didn't lose", "not damaged").
fn aid_harmed(toks: &[text::Tok], lower: &[u8], traits: &[usize]) -> Option<(u32, u32)> {
    let harm = |w: &[u8]| {
        matches!(
            w,
            b"lost"
                | b"lose"
                | b"losing"
                | b"broke"
                | b"broken"
                | b"damaged"
                | b"damaging"
                | b"destroyed"
                | b"smashed"
                | b"bent"
                | b"cracked"
                | b"missing"
                | b"mislaid"
                | b"dropped"
        )
    };
    traits.iter().find_map(|&at| {
        let aid = toks.get(at)?;
        // "wheelchair assistance was missing": a service that did not turn up, not the aid.
        let service = toks.get(at + 1).is_some_and(|n| {
            matches!(
                n.word(lower),
                b"assistance" | b"service" | b"help" | b"access" | b"user" | b"space" | b"ramp"
            )
        });
        if service
            || !matches!(
                aid.word(lower),
                b"wheelchair" | b"wheelchairs" | b"scooter" | b"crutches" | b"stick"
            )
        {
            return None;
        }
        let k = sentiment::before_in_clause(toks, lower, at, AID_NEAR)
            .chain(sentiment::after_in_clause(toks, lower, at, AID_NEAR))
            .find(|&k| harm(toks[k].word(lower)) && !negated_before(toks, lower, k))?;
        Some(if k < at {
            (toks[k].lo, aid.hi)
        } else {
            (aid.lo, toks[k].hi)
        })
    })
}

/// Whether the phrase at token `at` is supposed: "if", "in case" or "ever" comes at most four
/// words before it, in the same clause ("if I ever smell gas", "in case my card is stolen").
fn supposed(toks: &[text::Tok], lower: &[u8], at: usize) -> bool {
    for d in 1..=4 {
        let Some(p) = at.checked_sub(d).and_then(|k| toks.get(k)) else {
            return false;
        };
        if sentiment::clause_ends_after(lower, p) {
            return false;
        }
        if matches!(p.word(lower), b"if" | b"case" | b"incase" | b"ever") {
            return true;
        }
    }
    false
}

/// Whether a churn phrase ending at byte `hi` heads for the text's first @handle ("switching to
/// @AcmeEnergy after I recommended them", "porting my number to @AcmeMobile from my old
/// network"): a customer coming to the brand, not leaving it. Not a second handle, a rival:
/// "@AcmeMobile not fixed by friday and I'm cancelling and going to @RivalMobile".
/// The brand's own name written as a word counts as its handle ("a delta customer looking to
/// switch to United", with `names` holding the packed "united").
fn towards_a_handle(toks: &[text::Tok], lower: &[u8], hi: u32, names: &[u128]) -> bool {
    let hi = hi as usize;
    // The first word after the phrase.
    let next = toks.partition_point(|t| (t.lo as usize) < hi);
    let named = |k: usize| {
        toks.get(k).is_some_and(|t| {
            names.contains(&super::lexicon::key_at(
                lower,
                t.lo as usize,
                (t.hi - t.lo) as usize,
            ))
        })
    };
    if lower.get(..hi).is_some_and(|p| p.ends_with(b" to")) && named(next) {
        return true;
    }
    if lower.get(..hi).is_none_or(|before| before.contains(&b'@')) {
        return false;
    }
    if lower.get(..hi).is_some_and(|p| p.ends_with(b" to")) {
        return text::handle_before(toks, lower, next);
    }
    // "porting my number" then "to @AcmeMobile".
    toks.get(next).is_some_and(|t| t.word(lower) == b"to")
        && text::handle_before(toks, lower, next + 1)
}

/// What a diary entry is (see `analyse`): an event, or a time soon.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum When {
    /// "wedding", "flight", "interview".
    Event,
    /// "tomorrow", "tonight", "by 5pm".
    Soon,
    /// "on saturday", "friday night": soon only after the event it dates.
    Weekday,
}

/// A short list that keeps its first `N` items and drops the rest: what the phrase scan
/// finds, held without allocating.
#[derive(Debug, Clone, Copy)]
struct Few<T: Copy, const N: usize> {
    items: [T; N],
    len: usize,
}

impl<T: Copy, const N: usize> Few<T, N> {
    /// An empty list; `fill` only stands in the unused slots.
    fn new(fill: T) -> Self {
        Few {
            items: [fill; N],
            len: 0,
        }
    }

    /// Adds `item`, or returns `false` when the list is full.
    fn push(&mut self, item: T) -> bool {
        let Some(slot) = self.items.get_mut(self.len) else {
            return false;
        };
        *slot = item;
        self.len += 1;
        true
    }

    /// The items kept, in order.
    fn as_slice(&self) -> &[T] {
        &self.items[..self.len]
    }

    /// Whether nothing was kept.
    fn is_empty(&self) -> bool {
        self.len == 0
    }
}

/// The index of the last token of a phrase that starts at token `at` and ends at byte `end`.
fn last_token(toks: &[text::Tok], at: usize, end: u32) -> usize {
    let mut last = at;
    while toks.get(last).is_some_and(|t| t.hi < end) {
        last += 1;
    }
    last
}
