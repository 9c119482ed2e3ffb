//! One pass over the text: an ASCII-lowercased copy (same byte offsets as the original, so
//! excerpts for reasons are cut from the author's own words) and a token list with each word's
//! table entry already looked up.
//!
//! Social text rules handled here: @handles and URLs are not words; `#hashtags` are read as their
//! word; leading/trailing punctuation is stripped unless the whole chunk is an emoticon (`:-(`);
//! elongations ("sooooo", "goood") are collapsed and remembered as emphasis; emoji become tokens
//! carrying the valence of their VADER description; ALL-CAPS words are remembered as emphasis.

use super::lexicon::{self, EMOJI};

/// One word, emoticon or emoji.
#[derive(Debug, Clone, Copy, Default)]
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
}

/// Counts gathered in the same pass.
#[derive(Debug, Clone, Copy, Default)]
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

#[inline]
fn is_punct(b: u8) -> bool {
    b.is_ascii_punctuation()
}

/// Fills `s` from `text` and returns the counts.
pub(crate) fn tokenize(text: &str, s: &mut Scratch) -> Stats {
    let bytes = text.as_bytes();
    // Lowercased in the same loops that find the chunks; the zero padding lets a word's packed
    // key be one 16-byte load (see `lexicon::word_at`).
    s.lower.clear();
    s.lower.resize(bytes.len() + lexicon::MAX_KEY, 0);
    s.toks.clear();
    let mut st = Stats::default();
    let mut leading = true;
    let mut last_meaningful_q = false;
    let n = bytes.len();
    let mut i = 0;
    while i < n {
        while i < n && bytes[i].is_ascii_whitespace() {
            s.lower[i] = bytes[i];
            i += 1;
        }
        if i == n {
            break;
        }
        let start = i;
        // One pass finds the chunk's end and counts everything we need from it.
        let (mut punct, mut digits, mut non_ascii, mut colon) = (0usize, false, false, false);
        // Letters, capitals and whether a letter repeats 3+ times ("sooo"), for the word.
        let (mut letters, mut upper, mut run, mut run3, mut prev) = (0u32, 0u32, 0u32, false, 0u8);
        while i < n {
            let b = bytes[i];
            let l = b.to_ascii_lowercase();
            s.lower[i] = l;
            if b.is_ascii_alphabetic() {
                letters += 1;
                upper += u32::from(b.is_ascii_uppercase());
                run = if l == prev { run + 1 } else { 1 };
                run3 |= run >= 3;
                prev = l;
                i += 1;
                continue;
            }
            prev = l;
            run = 1;
            match b {
                b' ' | b'\t' | b'\n' | b'\r' | b'\x0c' => break,
                b'!' => {
                    st.excl += 1;
                    punct += 1;
                }
                b'?' => {
                    st.quest += 1;
                    punct += 1;
                }
                b'0'..=b'9' => digits = true,
                b'$' => {
                    st.dollars += 1;
                    punct += 1;
                }
                b'a'..=b'z' | b'A'..=b'Z' => {}
                0x80.. => non_ascii = true,
                b':' => {
                    colon = true;
                    punct += 1;
                }
                _ => punct += usize::from(is_punct(b)),
            }
            i += 1;
        }
        let chunk = &bytes[start..i];
        if chunk[0] == b'@' && chunk.len() > 1 {
            st.handles += 1;
            if leading {
                st.lead_handles += 1;
            }
            continue;
        }
        leading = false;
        let lc = &s.lower[start..i];
        if (colon && lc.windows(3).any(|w| w == b"://")) || lc.starts_with(b"www.") {
            st.urls += 1;
            continue;
        }
        last_meaningful_q = chunk.ends_with(b"?");
        if chunk[0] == b'#' && chunk.len() > 1 {
            st.hashtags += 1;
        }
        if digits {
            st.numbers += 1;
        }
        // Emoticons such as ":-(" or "<3" are whole chunks with punctuation.
        if punct * 2 >= chunk.len() {
            if let Some(w) = lexicon::word_bytes(lc) {
                if w.val != 0.0 {
                    push(s, start, i, w, false, false);
                    continue;
                }
            }
        }
        if non_ascii {
            // Split around emoji; the pieces between them are words.
            let mut piece = start;
            for (off, c) in text[start..i].char_indices() {
                if let Some(v) = (!c.is_ascii()).then(|| EMOJI.get(&c)).flatten() {
                    word_token(text, s, &mut st, piece, start + off, None);
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
            word_token(text, s, &mut st, piece, i, None);
        } else {
            word_token(text, s, &mut st, start, i, Some((letters, upper, run3)));
        }
    }
    st.ends_question = last_meaningful_q;
    st
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
    });
}

/// Adds the word in `text[lo..hi]` (punctuation stripped), if any. `pre` carries the letter
/// counts when the caller already has them for exactly these letters.
fn word_token(
    text: &str,
    s: &mut Scratch,
    st: &mut Stats,
    mut lo: usize,
    mut hi: usize,
    pre: Option<(u32, u32, bool)>,
) {
    let b = text.as_bytes();
    while lo < hi && is_punct(b[lo]) {
        lo += 1;
    }
    while hi > lo && is_punct(b[hi - 1]) {
        hi -= 1;
    }
    if lo >= hi {
        return;
    }
    let (letters, upper, run3) = pre.unwrap_or_else(|| letter_counts(&b[lo..hi]));
    if letters > 0 {
        st.words += 1;
    }
    let caps = letters >= 2 && upper == letters;
    if caps {
        st.caps_words += 1;
    }
    let lower = &s.lower[lo..hi];
    let nt = lower.ends_with(b"n't") || lower.ends_with("n\u{2019}t".as_bytes());
    let (entry, elong) = match lexicon::word_at(&s.lower, lo, hi - lo) {
        Some(e) => (Some(e), false),
        None if run3 => (deelongate(lower), true),
        None => (None, false),
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
    });
}

/// "sooooo" -> "soo" -> "so"; "goooood" -> "good". Stack buffer only.
/// Letters, capitals and whether a letter repeats 3+ times, for a piece of a chunk.
fn letter_counts(orig: &[u8]) -> (u32, u32, bool) {
    let (mut letters, mut upper, mut run, mut run3, mut prev) = (0u32, 0u32, 0u32, false, 0u8);
    for &c in orig {
        let l = c.to_ascii_lowercase();
        run = if l == prev { run + 1 } else { 1 };
        prev = l;
        if c.is_ascii_alphabetic() {
            letters += 1;
            upper += u32::from(c.is_ascii_uppercase());
            run3 |= run >= 3;
        }
    }
    (letters, upper, run3)
}

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
}
