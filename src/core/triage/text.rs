//! One pass over the text: an ASCII-lowercased copy (same byte offsets as the original, so
//! excerpts for reasons are cut from the author's own words) and a token list with each word's
//! table entry already looked up.
//!
//! Social text rules handled here: @handles and URLs are not words; `#hashtags` are read as their
//! word; leading/trailing punctuation is stripped unless the whole chunk is an emoticon (`:-(`);
//! elongations ("sooooo", "goood") are collapsed and remembered as emphasis; emoji become tokens
//! carrying the valence of their VADER description (or a hand-written one, see
//! `lexicon::EMOJI_EXTRA`); ALL-CAPS words are remembered as emphasis.

use super::cues;
use super::lexicon::{self, EMOJI};
use super::typo;

/// One word, emoticon or emoji.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub(crate) struct Tok {
    /// Start of the looked-up form in the lowercase buffer.
    pub lo: u32,
    /// End (exclusive).
    pub hi: u32,
    /// Sentiment valence (-4..4).
    pub val: f32,
    /// Booster strength.
    pub boost: f32,
    /// Role bits from the lexicon.
    pub role: u16,
    /// Written in ALL CAPS (two or more letters).
    pub caps: bool,
    /// Elongated ("sooo") in the original.
    pub elong: bool,
    /// Ends in "n't" (negates like "not").
    pub nt: bool,
    /// Phrases starting with this word (see [`lexicon::Word`]).
    pub phr_start: u16,
    /// How many.
    pub phr_n: u8,
    /// For a word read as a typo of another ([`typo::correct`]): which (0: none).
    pub fix: u16,
}

impl Tok {
    /// The token's bytes in the lowercase buffer it was cut from.
    #[inline]
    pub(crate) fn word<'a>(&self, lower: &'a [u8]) -> &'a [u8] {
        &lower[self.lo as usize..self.hi as usize]
    }
}

/// Whether an @handle, which is no token, stands right before token `k`: after token `k - 1`
/// (or from the start of the text) and before token `k` (or the end, for `k == toks.len()`).
pub(crate) fn handle_before(toks: &[Tok], lower: &[u8], k: usize) -> bool {
    let from = k
        .checked_sub(1)
        .and_then(|p| toks.get(p))
        .map_or(0, |t| t.hi as usize);
    let to = toks.get(k).map_or(lower.len(), |t| t.lo as usize);
    lower.get(from..to).is_some_and(|gap| gap.contains(&b'@'))
}

/// Counts gathered in the same pass.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub(crate) struct Stats {
    /// `!` count.
    pub excl: u32,
    /// `?` count.
    pub quest: u32,
    /// Words with at least one letter.
    pub words: u32,
    /// ALL-CAPS words (two or more letters).
    pub caps_words: u32,
    /// `@handles`.
    pub handles: u32,
    /// Leading `@handles` (the post is addressed to someone).
    pub lead_handles: u32,
    /// URLs.
    pub urls: u32,
    /// Hashtags.
    pub hashtags: u32,
    /// Tokens that contain a digit.
    pub numbers: u32,
    /// `$` signs (money amounts).
    pub dollars: u32,
    /// Ends with a question mark (ignoring trailing URLs, handles and spaces).
    pub ends_question: bool,
    /// The first @handle of a news outlet ([`cues::is_press_handle`]), `@` included.
    pub press_handle: Option<(u32, u32)>,
}

/// Reusable buffers, so a triage allocates nothing for text analysis once warm.
#[derive(Debug, Default)]
pub(crate) struct Scratch {
    /// ASCII-lowercased text, byte-aligned with the original, followed by
    /// [`lexicon::MAX_KEY`] zero bytes of padding.
    pub lower: Vec<u8>,
    /// Tokens in order.
    pub toks: Vec<Tok>,
}

/// Longest word we try to de-elongate (longer chunks are not words).
const MAX_WORD: usize = 48;

/// One table entry per byte: summed counters in the low bits (letters in bits 0..18, capitals
/// in 18..36, punctuation in 36..54) and class flags above them, read from the OR of the
/// entries. One load per byte serves both. A lane holds 2^18 - 1: a chunk is at most the
/// text, and mentions keep at most 64 KiB; the adds wrap rather than panic on anything longer
/// than 256 KiB, and the flags' own carries only run upwards, out of the counters' way.
const LANE_BITS: u32 = 18;
const LANE: u64 = (1 << LANE_BITS) - 1;
const LETTER_INC: u64 = 1;
const UPPER_INC: u64 = 1 << LANE_BITS;
const PUNCT_INC: u64 = 1 << (2 * LANE_BITS);
const DIGIT: u64 = 1 << 60;
const NON_ASCII: u64 = 1 << 61;
const COLON: u64 = 1 << 62;
const WS: u64 = 1 << 63;

const CLASS: [u64; 256] = {
    let mut t = [0u64; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        t[b] = if c.is_ascii_whitespace() {
            WS
        } else if c.is_ascii_digit() {
            DIGIT
        } else if c == b':' {
            PUNCT_INC | COLON
        } else if c.is_ascii_punctuation() {
            PUNCT_INC
        } else if c.is_ascii_uppercase() {
            LETTER_INC | UPPER_INC
        } else if c.is_ascii_lowercase() {
            LETTER_INC
        } else if c >= 0x80 {
            NON_ASCII
        } else {
            0
        };
        b += 1;
    }
    t
};

/// Per byte, the marks counted over the whole text: `!` in bits 0..21, `?` in 21..42, `$` in
/// 42..63 (the text is far below 2^21 bytes; the adds wrap rather than panic).
const MARKS: [u64; 256] = {
    let mut t = [0u64; 256];
    t[b'!' as usize] = 1;
    t[b'?' as usize] = 1 << 21;
    t[b'$' as usize] = 1 << 42;
    t
};

#[inline]
fn is_punct(b: u8) -> bool {
    CLASS[usize::from(b)] & PUNCT_INC != 0
}

/// Fills `s` from `text` and returns the counts. Kept out of line: inlined into the rest of the
/// triage, its byte loop shared registers with unrelated code and grew by two instructions a
/// byte whenever that code changed.
#[inline(never)]
pub(crate) fn tokenize(text: &str, s: &mut Scratch) -> Stats {
    let bytes = text.as_bytes();
    let n = bytes.len();
    // The zero padding lets a word's packed key be one 16-byte load (see `lexicon::key_at`).
    // Sized first, then mapped in place: a loop with no capacity checks, which vectorises.
    s.lower.clear();
    s.lower.resize(n + lexicon::MAX_KEY, 0);
    for (l, b) in s.lower.iter_mut().zip(bytes) {
        *l = b.to_ascii_lowercase();
    }
    s.toks.clear();
    let mut st = Stats::default();
    let mut marks = 0u64;
    let mut leading = true;
    let mut last_meaningful_q = false;
    let mut i = 0;
    loop {
        while i < n && CLASS[usize::from(bytes[i])] & WS != 0 {
            i += 1;
        }
        if i == n {
            break;
        }
        let start = i;
        // One pass finds the chunk's end and sums its counters and classes.
        let (mut acc, mut any) = (0u64, 0u64);
        while i < n {
            let b = usize::from(bytes[i]);
            let c = CLASS[b];
            if c & WS != 0 {
                break;
            }
            acc = acc.wrapping_add(c);
            any |= c;
            marks = marks.wrapping_add(MARKS[b]);
            i += 1;
        }
        let chunk = &bytes[start..i];
        // ".@AcmeAir" is a handle too: the dot makes a reply that starts with it public.
        let at = usize::from(chunk[0] == b'.' && chunk.get(1) == Some(&b'@'));
        if chunk[at] == b'@' && chunk.len() > at + 1 {
            st.handles += 1;
            if leading {
                st.lead_handles += 1;
            }
            // "<link> via @usatoday", "<link> (h/t @BBCNews)": the share button's credit for an
            // article passed on, not the press called in. Without a link before it, "via" is
            // how the author got in touch ("complained via @BBCWatchdog").
            if st.press_handle.is_none() {
                // "@BBCNews," or "@BBCNews's": the handle is the run of word characters.
                let from = start + at + 1;
                let name = &s.lower[from..i];
                let len = name
                    .iter()
                    .position(|b| !(b.is_ascii_alphanumeric() || *b == b'_'))
                    .unwrap_or(name.len());
                let shared = st.urls > 0 && credits(&s.lower[..start]);
                if cues::is_press_handle(&name[..len]) && !shared {
                    st.press_handle = Some(((start + at) as u32, (from + len) as u32));
                }
            }
            continue;
        }
        leading = false;
        let lc = &s.lower[start..i];
        // "www." read as four bytes from the padded buffer: past a shorter chunk come whitespace
        // or padding, which cannot match, and one compare replaces a length test the branch
        // predictor gets wrong.
        let www = s.lower.get(start..start + 4) == Some(b"www.".as_slice());
        if (any & COLON != 0 && lc.windows(3).any(|w| w == b"://")) || www {
            st.urls += 1;
            continue;
        }
        last_meaningful_q = chunk[chunk.len() - 1] == b'?';
        if chunk[0] == b'#' && chunk.len() > 1 {
            st.hashtags += 1;
        }
        if any & DIGIT != 0 {
            st.numbers += 1;
        }
        // Emoticons such as ":-(" or "<3" are whole chunks with punctuation.
        let punct = ((acc >> (2 * LANE_BITS)) & LANE) as usize;
        if punct * 2 >= chunk.len() {
            if let Some(w) = lexicon::word_at(&s.lower, start, i - start) {
                if w.val != 0.0 {
                    push(s, start, i, w, false, false);
                    continue;
                }
            }
        }
        if any & NON_ASCII != 0 {
            // Split around emoji; the pieces between them are words.
            let mut piece = start;
            for (off, c) in text[start..i].char_indices() {
                if let Some(v) = (!c.is_ascii()).then(|| EMOJI.get(&c)).flatten() {
                    piece_token(bytes, s, &mut st, piece, start + off);
                    let at = (start + off) as u32;
                    s.toks.push(Tok {
                        lo: at,
                        hi: at + c.len_utf8() as u32,
                        val: *v,
                        ..Tok::default()
                    });
                    piece = start + off + c.len_utf8();
                }
            }
            piece_token(bytes, s, &mut st, piece, i);
        } else {
            let counts = letters_and_capitals(acc);
            word_token(bytes, s, &mut st, start, i, Some(counts));
        }
    }
    st.ends_question = last_meaningful_q;
    let lane = |k: u32| ((marks >> (21 * k)) & ((1 << 21) - 1)) as u32;
    (st.excl, st.quest, st.dollars) = (lane(0), lane(1), lane(2));
    st
}

/// Whether the text before an @handle ends with the word that credits a source: "via",
/// "vía", "h/t".
fn credits(before: &[u8]) -> bool {
    let b = before.trim_ascii_end();
    [b"via".as_slice(), "v\u{ed}a".as_bytes(), b"h/t"]
        .iter()
        .any(|w| {
            b.ends_with(w)
                && b.len()
                    .checked_sub(w.len() + 1)
                    .is_none_or(|k| !b[k].is_ascii_alphanumeric())
        })
}

fn push(s: &mut Scratch, lo: usize, hi: usize, w: &lexicon::Word, caps: bool, elong: bool) {
    s.toks.push(Tok {
        lo: lo as u32,
        hi: hi as u32,
        val: w.val,
        boost: w.boost,
        role: w.role,
        caps,
        elong,
        nt: false,
        phr_start: w.phr_start,
        phr_n: w.phr_n,
        fix: 0,
    });
}

/// [`word_token`] for a piece of a chunk between emoji: kept out of line, so the common path
/// inlines only one copy.
#[inline(never)]
fn piece_token(orig: &[u8], s: &mut Scratch, st: &mut Stats, lo: usize, hi: usize) {
    word_token(orig, s, st, lo, hi, None);
}

/// Adds the word in `s.lower[lo..hi]` (punctuation stripped), if any; `orig` is the original
/// text. `counts` carries the letter and capital counts when the caller already has them for
/// exactly these letters.
#[inline(always)]
fn word_token(
    orig: &[u8],
    s: &mut Scratch,
    st: &mut Stats,
    mut lo: usize,
    mut hi: usize,
    counts: Option<(u32, u32)>,
) {
    // Lowercasing keeps punctuation, so the lowercase buffer strips the same bytes.
    let b = &s.lower;
    while lo < hi && is_punct(b[lo]) {
        lo += 1;
    }
    while hi > lo && is_punct(b[hi - 1]) {
        hi -= 1;
    }
    if lo >= hi {
        return;
    }
    let (letters, upper) = counts.unwrap_or_else(|| letter_counts(&orig[lo..hi]));
    if letters > 0 {
        st.words += 1;
    }
    let caps = letters >= 2 && upper == letters;
    if caps {
        st.caps_words += 1;
    }
    let lower = &b[lo..hi];
    let nt = lower[lower.len() - 1] == b't'
        && (lower.ends_with(b"n't") || lower.ends_with("n\u{2019}t".as_bytes()));
    let key = lexicon::key_at(b, lo, hi - lo);
    let (entry, elong, fix) = match lexicon::WORDS.get(key) {
        Some(e) => (Some(e), false, 0),
        // Only an unknown word is worth de-elongating ("sooooo" is not in the lexicon), or
        // reading as a typo ("horible").
        None if has_letter_run3(lower, key) => (deelongate(lower), true, 0),
        // A capitalised word is a name more often than a slip ("Steelers", "Roper"), so only
        // lowercase and ALL-CAPS words are read as typos.
        None if !typo::candidate(lower.len(), letters as usize)
            || (orig[lo].is_ascii_uppercase() && !caps) =>
        {
            (None, false, 0)
        }
        None => match typo::correct(lower, key) {
            0 => (None, false, 0),
            fix => (lexicon::WORDS.get(typo::fixed_key(fix)), false, fix),
        },
    };
    let e = entry.copied().unwrap_or_default();
    s.toks.push(Tok {
        lo: lo as u32,
        hi: hi as u32,
        val: e.val,
        boost: e.boost,
        role: e.role,
        caps,
        elong,
        nt,
        phr_start: e.phr_start,
        phr_n: e.phr_n,
        fix,
    });
}

/// Letters and capitals in `orig`.
fn letter_counts(orig: &[u8]) -> (u32, u32) {
    letters_and_capitals(
        orig.iter()
            .fold(0u64, |a, &b| a.wrapping_add(CLASS[usize::from(b)])),
    )
}

/// The letter and capital lanes of summed [`CLASS`] entries.
#[inline]
fn letters_and_capitals(acc: u64) -> (u32, u32) {
    ((acc & LANE) as u32, ((acc >> LANE_BITS) & LANE) as u32)
}

/// Whether a letter occurs three or more times in a row ("sooo") in the lowercase word `w`,
/// whose packed key is `key` (0 when too long to pack).
///
/// Half the words are unknown and come here, so a packed word is tested all at once, with no
/// branch per letter for the predictor to guess: byte `i` of `same` is zero where bytes `i`,
/// `i + 1` and `i + 2` are equal.
#[inline]
fn has_letter_run3(w: &[u8], key: u128) -> bool {
    if key == 0 {
        return w
            .windows(3)
            .any(|x| x[0].is_ascii_alphabetic() && x[0] == x[1] && x[1] == x[2]);
    }
    const LOW7: u128 = u128::from_le_bytes([0x7f; 16]);
    const HIGH: u128 = u128::from_le_bytes([0x80; 16]);
    const fn rep(b: u8) -> u128 {
        u128::from_le_bytes([b; 16])
    }
    let same = (key ^ (key >> 8)) | (key ^ (key >> 16));
    // High bit of each zero byte (exact: no byte carries into the next).
    let zero = !(((same & LOW7) + LOW7) | same | LOW7);
    // High bit of each byte in 'a'..='z' (the word is ASCII-lowercased).
    let a = key & LOW7;
    let letter = (a + rep(0x80 - b'a')) & !(a + rep(0x7f - b'z')) & !key & HIGH;
    // Runs must start at least three bytes before the end.
    zero & letter & lexicon::key_mask(w.len().saturating_sub(2)) != 0
}

/// "sooooo" -> "soo" -> "so"; "goooood" -> "good". Stack buffer only.
fn deelongate(w: &[u8]) -> Option<&'static lexicon::Word> {
    if w.len() > MAX_WORD {
        return None;
    }
    for keep in [2usize, 1] {
        let mut buf = [0u8; MAX_WORD];
        let mut n = 0;
        let mut run = 0;
        let mut prev = 0u8;
        for &c in w {
            run = if c == prev { run + 1 } else { 1 };
            prev = c;
            if run <= keep {
                buf[n] = c;
                n += 1;
            }
        }
        if let Some(e) = lexicon::word_bytes(&buf[..n]) {
            return Some(e);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    fn toks(t: &str) -> (Vec<String>, Stats) {
        let mut s = Scratch::default();
        let st = tokenize(t, &mut s);
        let words = s
            .toks
            .iter()
            .map(|k| String::from_utf8_lossy(&s.lower[k.lo as usize..k.hi as usize]).into_owned())
            .collect();
        (words, st)
    }

    #[test]
    fn handles_urls_hashtags_and_punctuation() {
        let (w, st) = toks("@AcmeAir @bob WHY is my flight delayed?! #fail https://t.co/x :(");
        assert_eq!(w, ["why", "is", "my", "flight", "delayed", "fail", ":("]);
        assert_eq!(st.lead_handles, 2);
        assert_eq!(st.urls, 1);
        assert_eq!(st.hashtags, 1);
        assert_eq!(st.caps_words, 1);
        assert_eq!((st.excl, st.quest), (1, 1));
    }

    #[test]
    fn elongation_and_emoji() {
        let mut s = Scratch::default();
        tokenize("sooooo goooood😀", &mut s);
        assert_eq!(s.toks.len(), 3);
        assert!(s.toks[0].boost > 0.0 && s.toks[0].elong);
        assert!(s.toks[1].val > 1.0 && s.toks[1].elong);
        assert!(s.toks[2].val > 0.0);
    }

    proptest! {
        /// Whatever the text: the lowercase copy keeps its bytes and offsets, tokens are
        /// ordered, non-empty, within the text, on character boundaries, and the counts agree
        /// with the text.
        #[test]
        fn tokens_stay_within_the_text(t in "(?s)[ -~\t\n😀😡é’]{0,80}") {
            let mut s = Scratch::default();
            let st = tokenize(&t, &mut s);
            let lower = t.to_ascii_lowercase();
            prop_assert_eq!(&s.lower[..t.len()], lower.as_bytes());
            let mut end = 0;
            for k in &s.toks {
                prop_assert!(k.lo >= end && k.lo < k.hi && k.hi as usize <= t.len());
                prop_assert!(t.is_char_boundary(k.lo as usize) && t.is_char_boundary(k.hi as usize));
                end = k.hi;
            }
            prop_assert_eq!(st.excl as usize, t.matches('!').count());
            prop_assert_eq!(st.quest as usize, t.matches('?').count());
            prop_assert!(st.words as usize <= s.toks.len());
        }
    }
}
