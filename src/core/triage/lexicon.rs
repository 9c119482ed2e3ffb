//! The word table: one hash lookup per token gives everything the scorer needs about a word
//! (valence, booster strength, and role bits such as negation or "but").
//!
//! Valences come from the VADER lexicon (Hutto & Gilbert 2014, MIT, vendored in `data/` with its
//! licence) plus a short hand-written list of customer-care words VADER lacks. Roles (negations,
//! boosters) follow VADER's published lists; a few social-care roles (service-failure events,
//! question words) are written here from general knowledge, never mined from evaluation data.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::LazyLock;

/// VADER's lexicon: `token<TAB>mean<TAB>sd<TAB>ratings`.
const VADER_LEXICON: &str = include_str!("data/vader_lexicon.txt");
/// VADER's emoji lexicon: `emoji<TAB>description`.
const VADER_EMOJI: &str = include_str!("data/emoji_utf8_lexicon.txt");

/// Role bit: the word negates what follows ("not", "never", "didn't").
pub(crate) const NEGATION: u16 = 1;
/// Role bit: contrastive "but" (what follows weighs more).
pub(crate) const BUT: u16 = 1 << 1;
/// Role bit: "least" (negates unless "at least").
pub(crate) const LEAST: u16 = 1 << 2;
/// Role bit: a service-failure event word (delay, cancelled, stuck): turns "thanks for" sarcastic.
pub(crate) const EVENT: u16 = 1 << 6;
/// Role bit: a positive opener that can be sarcastic ("great", "thanks", "love").
pub(crate) const OPENER: u16 = 1 << 3;
/// Role bit: first-person pronoun (complaints are about "my" order).
pub(crate) const FIRST_PERSON: u16 = 1 << 7;
/// Role bit: a word that opens a question ("why", "how", "can").
pub(crate) const QWORD: u16 = 1 << 4;
/// Role bit: a duration or count unit ("hours", "days", "weeks"): waiting time in complaints.
pub(crate) const DURATION: u16 = 1 << 8;
/// Role bit: "no" (negates the next lexicon word instead of carrying its own valence).
pub(crate) const NO: u16 = 1 << 5;
/// Role bit: second person / brand address ("you", "your"): complaints talk to the brand.
pub(crate) const SECOND_PERSON: u16 = 1 << 9;

/// Role bit: a product or service noun ("order", "flight", "signal"): what complaints are about.
pub(crate) const SERVICE_NOUN: u16 = 1 << 10;
/// Role bit: an adverb of frustration ("still", "yet", "already", "even").
pub(crate) const FRUSTRATION: u16 = 1 << 11;
/// Role bit: a request marker ("please", "pls").
pub(crate) const PLEASE: u16 = 1 << 12;

/// Role bit: a time word ("today", "yesterday", "tonight"): complaints date their trouble.
pub(crate) const TIME: u16 = 1 << 13;
/// Role bit: a money word ("pounds", "dollars", "fee").
pub(crate) const MONEY: u16 = 1 << 14;
/// Role bit: a past-tense customer action or contact ("ordered", "paid", "called", "told"): the
/// story of a transaction that went wrong.
pub(crate) const ACTION: u16 = 1 << 15;

/// The role bits from here up ([`EVENT`] to [`ACTION`]) are the ones the complaint model
/// counts; keeping them together lets [`ROLE_LANES`] count all ten with one add per word.
pub(crate) const COUNTED_SHIFT: u32 = 6;
/// Width of one counter lane in [`ROLE_LANES`] sums.
pub(crate) const LANE_BITS: u32 = 12;

/// For each combination of counted role bits (`role >> COUNTED_SHIFT`), one 1 in the
/// [`LANE_BITS`]-bit lane of each bit set: summing these over the words counts every role at
/// once. A sum must be unpacked before any lane reaches 2^12, i.e. every 4,095 words.
pub(crate) static ROLE_LANES: [u128; 1 << (16 - COUNTED_SHIFT)] = {
    let mut t = [0u128; 1 << (16 - COUNTED_SHIFT)];
    let mut i = 0;
    while i < t.len() {
        let mut k = 0;
        while k < 16 - COUNTED_SHIFT {
            if i & (1 << k) != 0 {
                t[i] |= 1 << (LANE_BITS * k);
            }
            k += 1;
        }
        i += 1;
    }
    t
};

/// Everything known about one lowercase word.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub(crate) struct Word {
    /// Sentiment valence on VADER's -4..+4 scale (0 when not a sentiment word).
    pub val: f32,
    /// Booster (+) or dampener (-) strength applied to the next sentiment words.
    pub boost: f32,
    /// Role bits (`NEGATION`, `BUT`, ...).
    pub role: u16,
    /// First phrase starting with this word in [`super::cues::PHRASE_LIST`].
    pub phr_start: u16,
    /// How many phrases start with this word (0: none).
    pub phr_n: u8,
}

/// FxHash (the rustc hasher) with a finishing mix: a few multiplies per 8 bytes. Keys are our
/// own static words, so hash flooding is not a concern and speed is.
#[derive(Default, Clone, Copy)]
pub(crate) struct Fx(u64);

const FX_K: u64 = 0x517c_c1b7_2722_0a95;

impl Fx {
    #[inline]
    fn add(&mut self, w: u64) {
        self.0 = (self.0.rotate_left(5) ^ w).wrapping_mul(FX_K);
    }
}

impl Hasher for Fx {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut b = [0u8; 8];
            b.copy_from_slice(c);
            self.add(u64::from_le_bytes(b));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut b = [0u8; 8];
            b[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(b) ^ ((rest.len() as u64) << 59));
        }
    }
    #[inline]
    fn write_u128(&mut self, i: u128) {
        self.add(i as u64);
        self.add((i >> 64) as u64);
    }
    #[inline]
    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }
    #[inline]
    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }
    #[inline]
    fn finish(&self) -> u64 {
        // FxHash's low bits depend almost only on the first byte, and the table takes its bucket
        // from the low bits: without this mix, words sharing a first letter collide in long
        // probe chains (it made every lookup ~10x slower). One xor-shift-multiply fixes it.
        let x = self.0 ^ (self.0 >> 33);
        x.wrapping_mul(0xff51_afd7_ed55_8ccd) ^ (x >> 29)
    }
}

/// Hash map with the fast hasher.
pub(crate) type FxMap<K, V> = HashMap<K, V, BuildHasherDefault<Fx>>;

/// VADER's booster increment.
pub(crate) const B_INCR: f32 = 0.293;

/// VADER's negation list (contractions with and without apostrophe).
const NEGATIONS: &[&str] = &[
    "aint",
    "arent",
    "cannot",
    "cant",
    "couldnt",
    "darent",
    "didnt",
    "doesnt",
    "ain't",
    "aren't",
    "can't",
    "couldn't",
    "daren't",
    "didn't",
    "doesn't",
    "dont",
    "hadnt",
    "hasnt",
    "havent",
    "isnt",
    "mightnt",
    "mustnt",
    "neither",
    "don't",
    "hadn't",
    "hasn't",
    "haven't",
    "isn't",
    "mightn't",
    "mustn't",
    "neednt",
    "needn't",
    "never",
    "none",
    "nope",
    "nor",
    "not",
    "nothing",
    "nowhere",
    "oughtnt",
    "shant",
    "shouldnt",
    "uhuh",
    "wasnt",
    "werent",
    "oughtn't",
    "shan't",
    "shouldn't",
    "uh-uh",
    "wasn't",
    "weren't",
    "without",
    "wont",
    "wouldnt",
    "won't",
    "wouldn't",
    "rarely",
    "seldom",
    "despite",
];

/// VADER's boosters (degree adverbs) that raise intensity.
const BOOST_UP: &[&str] = &[
    "absolutely",
    "amazingly",
    "awfully",
    "completely",
    "considerable",
    "considerably",
    "decidedly",
    "deeply",
    "effing",
    "enormous",
    "enormously",
    "entirely",
    "especially",
    "exceptional",
    "exceptionally",
    "extreme",
    "extremely",
    "fabulously",
    "flipping",
    "flippin",
    "frackin",
    "fracking",
    "fricking",
    "frickin",
    "frigging",
    "friggin",
    "fully",
    "fuckin",
    "fucking",
    "fuggin",
    "fugging",
    "greatly",
    "hella",
    "highly",
    "hugely",
    "incredible",
    "incredibly",
    "intensely",
    "major",
    "majorly",
    "more",
    "most",
    "particularly",
    "purely",
    "quite",
    "really",
    "remarkably",
    "so",
    "substantially",
    "thoroughly",
    "total",
    "totally",
    "tremendous",
    "tremendously",
    "uber",
    "unbelievably",
    "unusually",
    "utter",
    "utterly",
    "very",
    // social-media spellings of the same degree adverbs
    "sooo",
    "soooo",
    "rly",
    "realy",
    "super",
    "mega",
    "bloody",
    "freaking",
    "freakin",
];

/// VADER's dampeners.
const BOOST_DOWN: &[&str] = &[
    "almost",
    "barely",
    "hardly",
    "kinda",
    "kindof",
    "kind-of",
    "less",
    "little",
    "marginal",
    "marginally",
    "occasional",
    "occasionally",
    "partly",
    "scarce",
    "scarcely",
    "slight",
    "slightly",
    "somewhat",
    "sorta",
    "sortof",
    "sort-of",
];

/// Words VADER rates positive that, in a message to a brand, ask or name a product rather than
/// feel: "please help", "I need help!!", "my credit card". They carry no tone here. On the
/// even half of a public set of real airline tweets (`docs/triage-quality.md`), 1,301 of 4,623
/// negative tweets got a positive score; without these words' tone, 1,087.
const NO_TONE: &[&str] = &["please", "help", "credit"];

/// Customer-care words missing from VADER's lexicon, valences on its scale, written by hand.
const CARE_VALENCE: &[(&str, f32)] = &[
    ("overcharged", -2.0),
    ("hyped", 2.0),
    ("unhelpful", -1.8),
    ("incompetent", -2.3),
    ("incompetence", -2.3),
    ("shambles", -2.2),
    ("shambolic", -2.2),
    ("unprofessional", -2.0),
    ("unreliable", -1.6),
    ("canceled", -1.0),
    ("delays", -1.2),
    ("ripoff", -2.3),
    ("rip-off", -2.3),
    ("scammed", -2.5),
    ("unusable", -2.0),
    ("uninstalling", -1.0),
    ("glitchy", -1.5),
    ("laggy", -1.3),
    ("smh", -1.2),
    ("ugh", -1.5),
    ("ughh", -1.5),
    ("fml", -2.0),
    ("wtf", -2.0),
    ("disgraceful", -2.6),
    ("rubbish", -2.0),
    ("diabolical", -2.4),
    ("atrocious", -2.6),
    ("abysmal", -2.5),
    ("extortionate", -2.0),
    ("overpriced", -1.5),
    ("shoddy", -1.9),
    ("sloppy", -1.5),
    ("substandard", -1.6),
    ("gutted", -2.0),
    ("buggy", -1.5),
    ("unresponsive", -1.2),
    ("chuffed", 2.2),
    ("spotless", 2.0),
    ("immaculate", 2.0),
    ("impeccable", 2.2),
    ("nightmare", -2.5),
    ("nightmares", -2.3),
    ("nightmarish", -2.5),
    ("stranded", -1.8),
    ("hassle", -1.5),
    ("inconvenienced", -1.5),
    ("subpar", -1.6),
    ("mediocre", -1.3),
    ("bogus", -1.5),
    ("smooth", 1.5),
    ("smoothly", 1.5),
    ("seamless", 1.8),
    ("seamlessly", 1.8),
    ("effortless", 1.5),
    ("gem", 2.0),
    ("superstar", 2.5),
];

/// Service-failure events: with a positive opener they make the opener sarcastic.
const EVENTS: &[&str] = &[
    "delay",
    "delayed",
    "delays",
    "cancelled",
    "canceled",
    "cancellation",
    "stuck",
    "waiting",
    "wait",
    "hold",
    "late",
    "lost",
    "broken",
    "broke",
    "crashed",
    "crash",
    "crashing",
    "outage",
    "down",
    "ruining",
    "ruined",
    "ruin",
    "missing",
    "charged",
    "overcharged",
    "error",
    "failed",
    "fails",
    "queue",
    "again",
    "nothing",
    "stranded",
    "rude",
    "refund",
    "damaged",
    "strike",
    "strikes",
    "dropping",
];

/// Positive words that are the usual sarcastic openers.
const OPENERS: &[&str] = &[
    "great",
    "thanks",
    "thank",
    "thx",
    "love",
    "loving",
    "nice",
    "perfect",
    "brilliant",
    "fantastic",
    "awesome",
    "wonderful",
    "lovely",
    "cheers",
    "amazing",
    "excellent",
    "superb",
];

const FIRST: &[&str] = &[
    "i", "my", "me", "i'm", "im", "i've", "ive", "mine", "we", "our", "us",
];
const SECOND: &[&str] = &["you", "your", "you're", "youre", "ur", "u", "yours"];
const QWORDS: &[&str] = &[
    "why", "how", "what", "when", "where", "who", "which", "can", "could", "would", "is", "are",
    "do", "does", "did", "will", "should", "any", "anyone", "has", "have", "what's", "whats",
    "where's", "wheres", "how's", "who's", "when's", "wat", "wats", "wen", "wud", "cud",
];
const DURATIONS: &[&str] = &[
    "hours", "hrs", "days", "weeks", "months", "minutes", "mins", "hour", "week", "month", "times",
    "calls", "emails",
];

const SERVICE_NOUNS: &[&str] = &[
    "order",
    "orders",
    "delivery",
    "deliveries",
    "package",
    "parcel",
    "shipment",
    "shipping",
    "app",
    "update",
    "website",
    "site",
    "account",
    "bill",
    "billing",
    "payment",
    "card",
    "charge",
    "fee",
    "fees",
    "price",
    "flight",
    "flights",
    "train",
    "trains",
    "bus",
    "seat",
    "bag",
    "bags",
    "luggage",
    "baggage",
    "gate",
    "signal",
    "internet",
    "wifi",
    "broadband",
    "connection",
    "service",
    "customer",
    "staff",
    "store",
    "shop",
    "branch",
    "refund",
    "product",
    "item",
    "items",
    "phone",
    "laptop",
    "battery",
    "screen",
    "device",
    "router",
    "line",
    "call",
    "agent",
    "email",
    "complaint",
    "ticket",
    "booking",
    "reservation",
    "room",
    "driver",
    "subscription",
    "plan",
    "contract",
    "engineer",
    "technician",
    "warranty",
    "replacement",
    "receipt",
    "invoice",
    "balance",
    "transfer",
    "login",
    "password",
];
const FRUSTRATIONS: &[&str] = &[
    "still",
    "yet",
    "already",
    "even",
    "ever",
    "again",
    "anymore",
    "supposed",
    "apparently",
    "literally",
    "seriously",
    "actually",
    "only",
];
const TIMES: &[&str] = &[
    "today",
    "yesterday",
    "tonight",
    "tomorrow",
    "tonite",
    "tmrw",
    "tmr",
    "morning",
    "afternoon",
    "evening",
    "week",
    "weekend",
    "now",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "since",
    "ago",
    "last",
    "yet",
];
const MONEYS: &[&str] = &[
    "pounds",
    "dollars",
    "quid",
    "bucks",
    "cents",
    "pence",
    "money",
    "paid",
    "pay",
    "paying",
    "charged",
    "cost",
    "costs",
    "price",
    "fee",
    "fees",
    "refund",
    "overcharged",
    "bill",
];
const ACTIONS: &[&str] = &[
    "ordered",
    "bought",
    "paid",
    "booked",
    "purchased",
    "called",
    "rang",
    "phoned",
    "contacted",
    "emailed",
    "messaged",
    "tweeted",
    "returned",
    "sent",
    "spoke",
    "asked",
    "tried",
    "received",
    "told",
    "said",
    "signed",
    "subscribed",
    "renewed",
    "reported",
    "chatted",
];
const PLEASES: &[&str] = &["please", "pls", "plz", "plez", "kindly"];

/// Common English words of five letters or more that carry no meaning here, written from
/// general knowledge. Listed (with an empty entry) so that the one lookup every token gets
/// finds them: only unknown words are looked at again as possible typos ([`super::typo`]), and
/// these are the unknown words tweets use most.
const COMMON: &[&str] = &[
    "about",
    "above",
    "across",
    "after",
    "against",
    "along",
    "already",
    "although",
    "always",
    "among",
    "another",
    "anyone",
    "anything",
    "anyway",
    "around",
    "asked",
    "because",
    "become",
    "before",
    "began",
    "begin",
    "behind",
    "being",
    "believe",
    "below",
    "beside",
    "besides",
    "better",
    "between",
    "beyond",
    "black",
    "bring",
    "brought",
    "build",
    "called",
    "cannot",
    "careful",
    "certain",
    "change",
    "child",
    "children",
    "close",
    "closed",
    "coming",
    "company",
    "could",
    "country",
    "course",
    "during",
    "early",
    "earth",
    "either",
    "english",
    "enough",
    "every",
    "everyone",
    "everything",
    "example",
    "family",
    "father",
    "field",
    "final",
    "finally",
    "first",
    "follow",
    "following",
    "found",
    "friend",
    "friends",
    "front",
    "getting",
    "given",
    "going",
    "group",
    "happen",
    "having",
    "heard",
    "heart",
    "house",
    "however",
    "human",
    "important",
    "inside",
    "instead",
    "itself",
    "known",
    "large",
    "later",
    "learn",
    "least",
    "leave",
    "letter",
    "light",
    "little",
    "lived",
    "living",
    "local",
    "looked",
    "looking",
    "lower",
    "making",
    "maybe",
    "means",
    "might",
    "minute",
    "money",
    "month",
    "months",
    "mother",
    "moved",
    "music",
    "myself",
    "never",
    "night",
    "number",
    "often",
    "order",
    "other",
    "others",
    "outside",
    "paper",
    "party",
    "people",
    "perhaps",
    "person",
    "place",
    "plant",
    "point",
    "power",
    "pretty",
    "probably",
    "public",
    "quite",
    "rather",
    "reach",
    "ready",
    "right",
    "round",
    "school",
    "second",
    "seemed",
    "seems",
    "sense",
    "shall",
    "short",
    "should",
    "since",
    "small",
    "something",
    "sometimes",
    "somewhere",
    "sound",
    "space",
    "special",
    "start",
    "started",
    "state",
    "still",
    "story",
    "street",
    "study",
    "system",
    "taken",
    "taking",
    "their",
    "there",
    "these",
    "thing",
    "things",
    "think",
    "those",
    "though",
    "thought",
    "three",
    "through",
    "today",
    "together",
    "tomorrow",
    "towards",
    "under",
    "until",
    "using",
    "usually",
    "watch",
    "water",
    "where",
    "whether",
    "which",
    "while",
    "white",
    "whole",
    "whose",
    "within",
    "without",
    "world",
    "would",
    "write",
    "written",
    "wrong",
    "years",
    "young",
    // Text speak for "checking" and "checked", one dropped vowel away from "choking".
    "chking",
    "chkng",
    "chkin",
    "chked",
];

/// Longest word the table holds. Keys are the word's bytes packed into a `u128`, so a lookup
/// hashes two integers and compares one, with no pointer to chase into the lexicon text.
pub(crate) const MAX_KEY: usize = 16;

/// The packed key of a lowercase word, or `None` when it is longer than [`MAX_KEY`].
#[inline]
pub(crate) fn key(w: &[u8]) -> Option<u128> {
    if w.is_empty() || w.len() > MAX_KEY {
        return None;
    }
    let mut b = [0u8; MAX_KEY];
    b[..w.len()].copy_from_slice(w);
    Some(u128::from_le_bytes(b))
}

/// The word table, built once.
pub(crate) static WORDS: LazyLock<Table> = LazyLock::new(|| Table::new(build_words()));

/// The word table's lookup structure: open addressing with linear probing, at most half full,
/// with one tag byte per slot (0: empty, else seven bits of the hash) kept apart from the
/// `(key, value)` slots. A miss (most tokens: "the", "to", names) is mostly decided in the
/// tags, without touching the slots; a hit reads one slot. Keys are packed words ([`key`]);
/// the typo index ([`super::typo`]) uses the same structure for skeletons.
pub(crate) struct Table<V = Word> {
    /// Per slot: 0 when empty, else `0x80 |` seven bits of the hash.
    tags: Box<[u8]>,
    /// `(packed key, value)`, parallel to `tags`.
    slots: Box<[(u128, V)]>,
    /// `64 - log2(slots.len())`: the hash's top bits pick the home slot.
    shift: u32,
}

impl<V: Copy + Default> Table<V> {
    /// A table holding `entries` (keys distinct).
    pub(crate) fn new(entries: impl IntoIterator<Item = (u128, V)>) -> Self {
        let entries: Vec<(u128, V)> = entries.into_iter().collect();
        let size = (entries.len() * 2).next_power_of_two().max(16);
        let mut tags = vec![0u8; size].into_boxed_slice();
        let mut slots = vec![(0u128, V::default()); size].into_boxed_slice();
        let shift = 64 - size.trailing_zeros();
        for (k, v) in entries {
            let (mut i, tag) = Self::hash(k, shift);
            while tags[i] != 0 {
                i = (i + 1) & (size - 1);
            }
            tags[i] = tag;
            slots[i] = (k, v);
        }
        Self { tags, slots, shift }
    }

    /// Home slot and tag of a key: one multiply-shift hash.
    #[inline]
    fn hash(k: u128, shift: u32) -> (usize, u8) {
        let x = ((k as u64) ^ ((k >> 64) as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15))
            .wrapping_mul(0xff51_afd7_ed55_8ccd);
        // The tag takes the seven bits below the index bits: a product's low bits depend only
        // on the key's low bits (the first letter), so they would make poor tags.
        (
            (x >> shift) as usize,
            0x80 | ((x >> (shift - 7)) as u8 & 0x7f),
        )
    }

    /// The value stored under this packed key.
    #[inline(always)]
    pub(crate) fn get(&self, k: u128) -> Option<&V> {
        let mask = self.tags.len() - 1;
        let (mut i, tag) = Self::hash(k, self.shift);
        loop {
            let t = self.tags[i];
            if t == 0 {
                return None;
            }
            if t == tag {
                let (key, v) = &self.slots[i];
                if *key == k {
                    return Some(v);
                }
            }
            i = (i + 1) & mask;
        }
    }
}

impl Table<Word> {
    /// Packed keys of the words that carry a valence, a booster or a role. (Phrase heads alone
    /// are left out: `*` expansions make non-words of them, such as "delaye".)
    pub(crate) fn meaningful_keys(&self) -> impl Iterator<Item = u128> + '_ {
        self.tags
            .iter()
            .zip(self.slots.iter())
            .filter(|(t, (_, w))| **t != 0 && (w.val != 0.0 || w.boost != 0.0 || w.role != 0))
            .map(|(_, (k, _))| *k)
    }

    /// Number of words.
    #[cfg(test)]
    pub(crate) fn len(&self) -> usize {
        self.tags.iter().filter(|t| **t != 0).count()
    }
}

/// Inserts or finds a word's entry; words longer than [`MAX_KEY`] go to a throwaway slot.
fn slot<'a>(m: &'a mut FxMap<u128, Word>, spare: &'a mut Word, w: &str) -> &'a mut Word {
    match key(w.as_bytes()) {
        Some(k) => m.entry(k).or_default(),
        None => spare,
    }
}

/// Emoji valence: the summed valence of the words of the emoji's VADER description, or a
/// hand-written one ([`EMOJI_EXTRA`]) when those words score nothing.
pub(crate) static EMOJI: LazyLock<FxMap<char, f32>> = LazyLock::new(build_emoji);

fn build_words() -> FxMap<u128, Word> {
    let mut m: FxMap<u128, Word> = FxMap::default();
    let mut spare = Word::default();
    m.reserve(8000);
    for line in VADER_LEXICON.lines() {
        let mut cols = line.split('\t');
        let (Some(tok), Some(val)) = (cols.next(), cols.next()) else {
            continue;
        };
        if let Ok(v) = val.trim().parse::<f32>() {
            slot(&mut m, &mut spare, tok).val = v;
        }
    }
    for &(w, v) in CARE_VALENCE {
        let e = slot(&mut m, &mut spare, w);
        if e.val == 0.0 {
            e.val = v;
        }
    }
    for &w in NO_TONE {
        slot(&mut m, &mut spare, w).val = 0.0;
    }
    for &w in COMMON {
        slot(&mut m, &mut spare, w);
    }
    let mut role = |list: &[&'static str], bit: u16| {
        for &w in list {
            slot(&mut m, &mut spare, w).role |= bit;
        }
    };
    role(NEGATIONS, NEGATION);
    role(EVENTS, EVENT);
    role(OPENERS, OPENER);
    role(FIRST, FIRST_PERSON);
    role(SECOND, SECOND_PERSON);
    role(QWORDS, QWORD);
    role(DURATIONS, DURATION);
    role(SERVICE_NOUNS, SERVICE_NOUN);
    role(FRUSTRATIONS, FRUSTRATION);
    role(PLEASES, PLEASE);
    role(TIMES, TIME);
    role(MONEYS, MONEY);
    role(ACTIONS, ACTION);
    role(&["but"], BUT);
    role(&["least"], LEAST);
    role(&["no"], NO);
    // Phrase heads: the word's lookup also yields the phrases that start with it.
    let list: &'static [super::cues::Phrase] = &super::cues::PHRASE_LIST;
    for group in super::cues::groups(list) {
        let e = slot(&mut m, &mut spare, &list[group.start].words[0]);
        e.phr_start = u16::try_from(group.start).unwrap_or(u16::MAX);
        e.phr_n = u8::try_from(group.len()).unwrap_or(u8::MAX);
    }
    for &w in BOOST_UP {
        slot(&mut m, &mut spare, w).boost = B_INCR;
    }
    for &w in BOOST_DOWN {
        slot(&mut m, &mut spare, w).boost = -B_INCR;
    }
    // Phones type ’ for the apostrophe: "don’t" and "can’t" must read like "don't" and
    // "can't". Only the word's own meaning is copied; phrases get their own ’ forms in `cues`.
    let curly: Vec<(u128, Word)> = m
        .iter()
        .filter_map(|(k, w)| {
            let bytes = k.to_le_bytes();
            let word = &bytes[..bytes.iter().position(|b| *b == 0).unwrap_or(MAX_KEY)];
            let text = std::str::from_utf8(word).ok()?;
            text.contains('\'')
                .then(|| key(text.replace('\'', "\u{2019}").as_bytes()))
                .flatten()
                .map(|k| (k, *w))
        })
        .collect();
    for (k, w) in curly {
        let e = m.entry(k).or_default();
        e.val = w.val;
        e.boost = w.boost;
        e.role |= w.role;
    }
    m
}

fn build_emoji() -> FxMap<char, f32> {
    let mut m = FxMap::default();
    for line in VADER_EMOJI.lines() {
        let mut cols = line.split('\t');
        let (Some(e), Some(desc)) = (cols.next(), cols.next()) else {
            continue;
        };
        let mut chars = e.chars();
        // Single-codepoint emoji only: multi-codepoint sequences start with a base emoji that
        // is itself in the table, which is what a per-char scan sees first.
        let (Some(c), None) = (chars.next(), chars.next()) else {
            continue;
        };
        let v: f32 = desc
            .split(' ')
            .map(|w| word(w).map_or(0.0, |x| x.val))
            .sum();
        if v != 0.0 {
            m.insert(c, v);
        }
    }
    // Descriptions with no scored word ("pouting face") would leave these out, yet on a care
    // channel they carry the whole message ("😡😡😡 @AcmeAir").
    for &(c, v) in EMOJI_EXTRA {
        m.insert(c, v);
    }
    m
}

/// Hand-written valences (VADER's -4..4 scale) that replace what an emoji's VADER description
/// gives (or gives nothing for): anger and disgust negative, 👍 positive, and 🔥 ("fire")
/// positive, which customers use as praise slang (a real fire is described in words, which
/// raise the safety flag). 😭 is read both ways ("lost my bag 😭", "upgraded me on my
/// birthday, I'm crying 😭 thank you"), so it scores nothing and the words decide. Not 🙏
/// ("please" as often as "thanks"), which keeps its description's.
const EMOJI_EXTRA: &[(char, f32)] = &[
    ('😭', 0.0),
    ('😡', -2.5),
    ('🤬', -3.0),
    ('😤', -1.5),
    ('👎', -2.0),
    ('🙄', -1.5),
    ('🤦', -1.5),
    ('💩', -1.5),
    ('🤮', -2.5),
    ('👍', 1.5),
    ('🔥', 1.5),
];

/// Looks a lowercase word up.
#[inline]
pub(crate) fn word(w: &str) -> Option<&'static Word> {
    word_bytes(w.as_bytes())
}

/// `KEY_MASK[len]` keeps the first `len` bytes of a packed key.
static KEY_MASK: [u128; MAX_KEY + 1] = {
    let mut t = [0u128; MAX_KEY + 1];
    let mut len = 1;
    while len <= MAX_KEY {
        t[len] = u128::MAX >> (8 * (MAX_KEY - len));
        len += 1;
    }
    t
};

/// The mask keeping the first `len` bytes (at most [`MAX_KEY`]) of a packed key.
#[inline(always)]
pub(crate) fn key_mask(len: usize) -> u128 {
    KEY_MASK.get(len).copied().unwrap_or(u128::MAX)
}

/// The packed key of the word `buf[lo..lo + len]` (0 when empty or longer than [`MAX_KEY`]),
/// where `buf` has at least [`MAX_KEY`] bytes after `lo` (the tokenizer pads its buffer): one
/// 16-byte load and a mask, no copy loop.
#[inline(always)]
pub(crate) fn key_at(buf: &[u8], lo: usize, len: usize) -> u128 {
    let (Some(mask), Some(bytes)) = (KEY_MASK.get(len), buf.get(lo..lo + MAX_KEY)) else {
        return 0;
    };
    let mut b = [0u8; MAX_KEY];
    b.copy_from_slice(bytes);
    u128::from_le_bytes(b) & mask
}

/// Looks up the word `buf[lo..lo + len]` (see [`key_at`] for the padding it needs).
#[inline(always)]
pub(crate) fn word_at(buf: &[u8], lo: usize, len: usize) -> Option<&'static Word> {
    WORDS.get(key_at(buf, lo, len))
}

/// Looks a lowercase word up by its bytes.
#[inline]
pub(crate) fn word_bytes(w: &[u8]) -> Option<&'static Word> {
    WORDS.get(key(w)?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lexicon_loads_with_roles() {
        assert!(word("good").is_some_and(|w| w.val > 1.0));
        assert!(word("horrible").is_some_and(|w| w.val < -2.0));
        assert!(word("not").is_some_and(|w| w.role & NEGATION != 0));
        assert!(word("very").is_some_and(|w| w.boost > 0.0));
        assert!(word(":)").is_some_and(|w| w.val > 0.0));
        assert!(WORDS.len() > 7000);
        assert!(EMOJI.get(&'😀').is_some_and(|v| *v > 0.0));
        assert!(EMOJI.get(&'😡').is_some_and(|v| *v < 0.0));
        assert!(EMOJI.get(&'🔥').is_some_and(|v| *v > 0.0));
    }

    #[test]
    fn table_finds_every_word_and_nothing_else() {
        let all = build_words();
        assert_eq!(WORDS.len(), all.len());
        for (k, w) in &all {
            assert_eq!(WORDS.get(*k), Some(w));
        }
        // A chunk of NUL bytes packs to the empty-slot marker; it must not match.
        assert_eq!(WORDS.get(0), None);
        assert_eq!(word_bytes(b"\0"), None);
        assert_eq!(word_bytes(b"notaword"), None);
        assert_eq!(word_bytes(b"longer than sixteen bytes"), None);
    }

    #[test]
    fn every_phrase_can_be_found_from_its_head_word() {
        let list = &*super::super::cues::PHRASE_LIST;
        for p in list {
            // A head longer than a key can never be looked up, so its phrases would never fire.
            assert!(key(p.words[0].as_bytes()).is_some(), "{:?}", p.words);
            let w = word(&p.words[0]).expect("phrase heads are in the table");
            // `phr_n` is a u8: a bigger group would silently lose phrases.
            let n = list.iter().filter(|q| q.words[0] == p.words[0]).count();
            assert_eq!(usize::from(w.phr_n), n, "{:?}", p.words);
        }
    }
}
