//! Typo tolerance: an unknown word one slip away from a word the triage knows is read as that
//! word ("horible" as "horrible", "recieved" as "received", "food posioning" as "food
//! poisoning", "my lawer" as "my lawyer").
//!
//! Only words the triage gives meaning to are targets: lexicon words with a valence, booster or
//! role, and the words of cue phrases that are English words, five letters or longer. A word is
//! looked up by its consonant skeleton (first letter, then the consonants with doubled letters
//! collapsed: "disappointed", "disapointed" and "dissapointed" are all `dspntd`), one hash
//! lookup, so the slips that leave the consonants in order (a doubled or dropped letter where
//! a vowel or a double was, a wrong vowel, a vowel swapped with its neighbour) land on their
//! target's key. A dropped or swapped consonant ("disappoined", "horirble") changes the
//! skeleton and is not found. A candidate is accepted only within one edit (from nine letters
//! on, two, neither of them a wrong letter unless it is the only edit) and only when it is the
//! single closest one.
//!
//! Real words are never corrected: many sit one edit from a target ("based" from "biased",
//! "course" from "curse", "quiet" from "quite", "steel" from "steal"), so a word found in
//! `data/english_words.txt` (SCOWL's British and American lists, see `scripts/make-word-list.sh`)
//! is left as written. Short words (four letters or fewer) are never corrected either.

use std::sync::LazyLock;

use super::cues::PHRASE_LIST;
use super::lexicon::{self, Table, MAX_KEY};

/// Shortest word corrected, and shortest target.
const MIN_LEN: usize = 5;
/// From this length on, a wrong letter counts as one edit; below it, as two (too many short
/// non-words are names or slang a vowel away from a target: "roper", "spork").
const SUBSTITUTE_FROM: usize = 7;
/// From this length on, two edits are allowed ("dissapointed" for "disappointed").
const TWO_EDITS_FROM: usize = 9;

/// The correction targets, grouped by skeleton.
struct Targets {
    /// Skeleton key -> range in `keys`.
    by_skeleton: Table<(u32, u32)>,
    /// Packed keys of the target words (see [`lexicon::key`]).
    keys: Vec<u128>,
}

static TARGETS: LazyLock<Targets> = LazyLock::new(build);

/// English words of 5 to 16 letters, lowercase, one per line, sorted bytewise.
const ENGLISH: &str = include_str!("data/english_words.txt");

/// Whether `w` is in [`ENGLISH`]: a binary search over the file's bytes, snapping each probe to
/// the start of its line, so nothing is built at start-up.
fn is_english(w: &[u8]) -> bool {
    let text = ENGLISH.as_bytes();
    let (mut lo, mut hi) = (0usize, text.len());
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        let start = text[lo..mid]
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(lo, |p| lo + p + 1);
        let end = text[start..hi]
            .iter()
            .position(|&b| b == b'\n')
            .map_or(hi, |p| start + p);
        match text[start..end].cmp(w) {
            std::cmp::Ordering::Equal => return true,
            std::cmp::Ordering::Less => lo = end + 1,
            std::cmp::Ordering::Greater => hi = start,
        }
    }
    false
}

/// Per byte, whether the skeleton drops it: vowels ("y" included: "lawer" is "lawyer") and
/// the zero padding of a packed key.
const DROPPED: [bool; 256] = {
    let mut t = [false; 256];
    t[0] = true;
    t[b'a' as usize] = true;
    t[b'e' as usize] = true;
    t[b'i' as usize] = true;
    t[b'o' as usize] = true;
    t[b'u' as usize] = true;
    t[b'y' as usize] = true;
    t
};

/// The consonant skeleton of a packed lowercase a-z word, packed the same way. All sixteen
/// bytes are visited, padding included, and every byte is written with the write position
/// advancing only for the ones kept: no branch for the predictor to miss, whatever the word.
fn skeleton(key: u128) -> u128 {
    let b = key.to_le_bytes();
    let mut out = [0u8; MAX_KEY + 1];
    let mut n = 0usize;
    let mut prev = 0u8;
    for (i, &c) in b.iter().enumerate() {
        out[n] = c;
        let keep = (i == 0) | (!DROPPED[usize::from(c)] & (c != prev));
        n += usize::from(keep);
        prev = c;
    }
    let mut k = [0u8; MAX_KEY];
    k.copy_from_slice(&out[..MAX_KEY]);
    // Bytes past `n` hold the last dropped letters; clear them.
    u128::from_le_bytes(k) & lexicon::key_mask(n)
}

/// The bytes of a packed key.
fn unpack(k: u128) -> ([u8; MAX_KEY], usize) {
    let b = k.to_le_bytes();
    let n = b.iter().position(|&c| c == 0).unwrap_or(MAX_KEY);
    (b, n)
}

/// Optimal-string-alignment distance (edits: insert, delete, substitute, swap two neighbours;
/// a substitution costs `sub`), or `None` when it exceeds `max`.
fn distance(a: &[u8], b: &[u8], sub: usize, max: usize) -> Option<usize> {
    // `b` is a packed target (at most MAX_KEY bytes); the rows are sized for that.
    if b.len() > MAX_KEY || a.len().abs_diff(b.len()) > max {
        return None;
    }
    // Three rows of at most MAX_KEY + 1 cells.
    let mut rows = [[0usize; MAX_KEY + 1]; 3];
    for (j, c) in rows[0].iter_mut().enumerate().take(b.len() + 1) {
        *c = j;
    }
    for i in 1..=a.len() {
        let (cur, prev, prev2) = (i % 3, (i + 2) % 3, (i + 1) % 3);
        rows[cur][0] = i;
        for j in 1..=b.len() {
            let cost = if a[i - 1] == b[j - 1] { 0 } else { sub };
            let mut d = (rows[prev][j] + 1)
                .min(rows[cur][j - 1] + 1)
                .min(rows[prev][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                d = d.min(rows[prev2][j - 2] + 1);
            }
            rows[cur][j] = d;
        }
        // Distances never fall from one row to the next: a row already past `max` ends it
        // (most candidates differ from the word within a few letters).
        if rows[cur][..=b.len()].iter().all(|&d| d > max) {
            return None;
        }
    }
    let d = rows[a.len() % 3][b.len()];
    (d <= max).then_some(d)
}

/// [`distance`] at most one, ranked with a substitution counting two, in one scan: most
/// candidates are real words that differ from the unknown word early and are rejected at once.
fn one_edit(a: &[u8], b: &[u8], substitute: bool) -> Option<usize> {
    let p = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let (ra, rb) = (&a[p..], &b[p..]);
    match (ra.len(), rb.len()) {
        (0, 0) => Some(0),
        // One letter too many or too few at the first difference.
        (x, y) if x == y + 1 => (ra[1..] == *rb).then_some(1),
        (x, y) if y == x + 1 => (*ra == rb[1..]).then_some(1),
        (x, y) if x == y => {
            if x >= 2 && ra[0] == rb[1] && ra[1] == rb[0] && ra[2..] == rb[2..] {
                Some(1)
            } else if substitute && ra[1..] == rb[1..] {
                Some(2)
            } else {
                None
            }
        }
        _ => None,
    }
}

/// Whether a word can be a target or be corrected: a-z only, long enough, packable.
fn eligible(w: &[u8]) -> bool {
    (MIN_LEN..=MAX_KEY).contains(&w.len()) && w.iter().all(u8::is_ascii_lowercase)
}

/// Whether a word of `len` bytes, `letters` of them ASCII letters, is worth a [`correct`] call:
/// the tokenizer's cheap test, before any work on the word's bytes.
#[inline]
pub(crate) fn candidate(len: usize, letters: usize) -> bool {
    (MIN_LEN..=MAX_KEY).contains(&len) && letters == len
}

fn build() -> Targets {
    let mut words: Vec<u128> = lexicon::WORDS
        .meaningful_keys()
        .filter(|&k| {
            let (b, n) = unpack(k);
            eligible(&b[..n])
        })
        .collect();
    // Phrase words only when they are English: `*` expansions make non-words ("hospitalt")
    // that would attract real ones ("hospitality").
    for p in PHRASE_LIST.iter() {
        for w in &p.words {
            if eligible(w.as_bytes()) && is_english(w.as_bytes()) {
                words.extend(lexicon::key(w.as_bytes()));
            }
        }
    }
    let mut by: Vec<(u128, u128)> = words.into_iter().map(|k| (skeleton(k), k)).collect();
    by.sort_unstable();
    by.dedup();
    let mut by_skeleton = Vec::new();
    let mut keys = Vec::with_capacity(by.len());
    let mut i = 0;
    while i < by.len() {
        let sk = by[i].0;
        let start = keys.len() as u32;
        while i < by.len() && by[i].0 == sk {
            keys.push(by[i].1);
            i += 1;
        }
        by_skeleton.push((sk, (start, keys.len() as u32)));
    }
    Targets {
        by_skeleton: Table::new(by_skeleton),
        keys,
    }
}

/// The target an unknown lowercase word is a slip of, as an index for [`fixed_key`] (never 0),
/// or 0 when there is none. `key` is the word's packed key ([`lexicon::key`]). The caller
/// asks only for words that are [`candidate`]s.
pub(crate) fn correct(w: &[u8], key: u128) -> u16 {
    if !(MIN_LEN..=MAX_KEY).contains(&w.len()) {
        return 0;
    }
    let t = &*TARGETS;
    // A dropped final "g" ("lovin", "waitin", "nothin") is spelling, not a slip.
    if w.ends_with(b"in") && w.len() < MAX_KEY {
        let g = key | (u128::from(b'g') << (8 * w.len()));
        if let Some(&(start, end)) = t.by_skeleton.get(skeleton(g)) {
            if let Some(i) = (start as usize..end as usize).find(|&i| t.keys[i] == g) {
                // Not for real words: "robin" is not "robing", nor "gamin" "gaming".
                if !is_english(w) {
                    return u16::try_from(i + 1).unwrap_or(0);
                }
            }
        }
    }
    let Some(&(start, end)) = t.by_skeleton.get(skeleton(key)) else {
        return 0;
    };
    let max = if w.len() >= TWO_EDITS_FROM { 2 } else { 1 };
    let sub = if w.len() >= SUBSTITUTE_FROM { 1 } else { 2 };
    // Candidates within `max` edits are ranked with a substitution counting double: a dropped
    // or doubled letter is the likelier slip ("lawer" is "lawyer" rather than "lower").
    let mut best: Option<(usize, usize)> = None;
    let mut tie = false;
    for i in start as usize..end as usize {
        let (b, n) = unpack(t.keys[i]);
        let c = &b[..n];
        let rank = if max == 1 {
            one_edit(w, c, sub == 1)
        } else {
            // Two edits may include a wrong letter only when it is the sole edit: two dropped
            // or doubled letters ("dissapointed") or one wrong letter ("poisining"), not both
            // ("complaing" is not "compelling").
            distance(w, c, sub, max).and(distance(w, c, 2, 2))
        };
        if let Some(d) = rank {
            match best {
                Some((bd, _)) if d > bd => {}
                // Equally close words that read alike ("beautifull": "beautiful",
                // "beautifully") are no ambiguity: the first stands for both.
                Some((bd, bi)) if d == bd => tie |= !read_alike(t.keys[bi], t.keys[i]),
                _ => {
                    best = Some((d, i));
                    tie = false;
                }
            }
        }
    }
    match best {
        // Distance 0: a phrase word that is not in the lexicon; its own key already matches.
        // The word list is asked last, for the few words that come this far.
        Some((d, i)) if !tie && d > 0 && !is_english(w) => u16::try_from(i + 1).unwrap_or(0),
        _ => 0,
    }
}

/// Whether two targets mean the same to the triage: lexicon words with the same valence sign,
/// booster and roles, heading no phrase. Phrase words never do: which phrase matches depends
/// on the exact word.
fn read_alike(a: u128, b: u128) -> bool {
    match (lexicon::WORDS.get(a), lexicon::WORDS.get(b)) {
        (Some(x), Some(y)) => {
            x.val.signum() == y.val.signum()
                && x.boost == y.boost
                && x.role == y.role
                && x.phr_n == 0
                && y.phr_n == 0
        }
        _ => false,
    }
}

/// The packed key of the word a [`correct`] index stands for (0 for index 0).
#[inline]
pub(crate) fn fixed_key(fix: u16) -> u128 {
    usize::from(fix)
        .checked_sub(1)
        .and_then(|i| TARGETS.keys.get(i))
        .copied()
        .unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What the tokenizer would read `w` (lowercase) as.
    fn fixed(w: &str) -> Option<String> {
        let letters = w.bytes().filter(u8::is_ascii_alphabetic).count();
        if !candidate(w.len(), letters) {
            return None;
        }
        let key = lexicon::key(w.as_bytes()).unwrap_or(0);
        let (b, n) = unpack(fixed_key(correct(w.as_bytes(), key)));
        (n > 0).then(|| String::from_utf8_lossy(&b[..n]).into_owned())
    }

    #[test]
    fn common_slips_find_their_word() {
        for (typo, word) in [
            ("horible", "horrible"),
            ("terible", "terrible"),
            ("disapointed", "disappointed"),
            ("dissapointed", "disappointed"),
            ("custmer", "customer"),
            ("amazng", "amazing"),
            ("posioning", "poisoning"),
            ("poisining", "poisoning"),
            ("lawer", "lawyer"),
            ("definately", "definitely"),
            ("costomers", "customers"),
            ("waitin", "waiting"),
            ("beautifull", "beautiful"),
            ("absolutly", "absolutely"),
        ] {
            assert_eq!(fixed(typo).as_deref(), Some(word), "{typo}");
        }
    }

    #[test]
    fn real_words_and_short_words_stay() {
        // English words one edit from a target; short words; not a-z.
        for w in [
            "based",
            "course",
            "quiet",
            "steel",
            "filing",
            "health",
            "blood",
            "count",
            "board",
            "supper",
            "roper",
            "spork",
            "robin",
            "gamin",
            "complaing",
            "teh",
            "hte",
            "gr8",
            "o'neil",
        ] {
            assert_eq!(fixed(w), None, "{w}");
        }
    }

    #[test]
    fn the_word_list_is_sorted_and_searchable() {
        let words: Vec<&str> = ENGLISH.lines().collect();
        assert!(words.len() > 50_000);
        assert!(
            words.windows(2).all(|p| p[0] < p[1]),
            "sorted bytewise, no duplicates"
        );
        // Every line is found, first and last included.
        for w in &words {
            assert!(is_english(w.as_bytes()), "{w}");
        }
        assert!(!is_english(b"horible"));
        assert!(!is_english(b"aaaaa"));
        assert!(!is_english(b"zzzzzzzz"));
    }

    proptest::proptest! {
        /// Whatever the lowercase word, a correction is never an English word's, and lands
        /// within two edits of the word (or of the word with its dropped "g").
        #[test]
        fn corrections_stay_close(w in "[a-z]{1,18}") {
            let b = w.as_bytes();
            let letters = b.len();
            if candidate(b.len(), letters) {
                let fix = correct(b, lexicon::key(b).unwrap_or(0));
                if fix != 0 {
                    proptest::prop_assert!(!is_english(b));
                    let (t, n) = unpack(fixed_key(fix));
                    let near = distance(b, &t[..n], 1, 2).is_some()
                        || distance(&[b, b"g"].concat(), &t[..n], 1, 0).is_some();
                    proptest::prop_assert!(near, "{w} -> {:?}", String::from_utf8_lossy(&t[..n]));
                }
            }
        }

        /// The one-scan test agrees with the table for one edit.
        #[test]
        fn one_edit_agrees_with_distance(a in "[abc]{0,6}", b in "[abc]{0,6}", sub: bool) {
            let (a, b) = (a.as_bytes(), b.as_bytes());
            let cost = if sub { 1 } else { 2 };
            let slow = distance(a, b, cost, 1).and(distance(a, b, 2, 2));
            proptest::prop_assert_eq!(one_edit(a, b, sub), slow);
        }
    }

    #[test]
    fn distance_counts_swaps_as_one() {
        assert_eq!(distance(b"recieved", b"received", 1, 2), Some(1));
        assert_eq!(distance(b"board", b"bored", 1, 1), None);
        assert_eq!(distance(b"lawer", b"lower", 2, 2), Some(2));
        assert_eq!(distance(b"abc", b"abc", 1, 0), Some(0));
        assert_eq!(distance(b"kitten", b"sitting", 1, 3), Some(3));
        assert_eq!(distance(b"kitten", b"sitting", 1, 2), None);
    }
}
