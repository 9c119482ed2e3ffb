//! The press told in two parts: someone got in touch with a news outlet ("sent the photos of
//! our 'finished' kitchen to the local paper", "emailed the Daily Ledger newsdesk", "had a long
//! chat with a consumer programme on ITV"), or the outlet got in touch with them ("local news
//! got in touch after my post", "my cousin writes for the Evening Courier and she is VERY
//! interested"). The phrase table (`cues.rs`) knows the fixed forms ("going to the press",
//! "journalist"); listing every way to reach every outlet would take thousands of phrases, so
//! the outlets are phrases ([`super::cues::Cue::Outlet`]) and the ways to reach them are the
//! words around them, read here.
//!
//! The caller asks only for a troubled message with no praise in it (see `analyse`): telling
//! a newspaper about a birthday cake the staff made is no risk to the brand. Going somewhere
//! ("going to the Guardian Live event") or working there ("my cousin works for ITV") is no
//! contact.

use super::sentiment;
use super::text::Tok;

/// How many words before the outlet the contact may come: "had a long chat with a consumer
/// programme" (five).
const CONTACT_NEAR: usize = 6;
/// The same when "to" or "with" leads to the outlet, after what was sent: "sent the photos of
/// our 'finished' kitchen to the local paper" (eight).
const SENT_TO_NEAR: usize = 10;
/// How many words after the outlet its own approach may come: "the local paper is very
/// interested" (three), "she is VERY interested" (five).
const APPROACH_NEAR: usize = 5;

/// Ways the author reaches an outlet.
fn contact(w: &[u8]) -> bool {
    matches!(
        w,
        b"sent"
            | b"send"
            | b"sending"
            | b"emailed"
            | b"email"
            | b"emailing"
            | b"e-mailed"
            | b"contacted"
            | b"contact"
            | b"contacting"
            | b"told"
            | b"tell"
            | b"telling"
            | b"spoke"
            | b"speaking"
            | b"spoken"
            | b"talking"
            | b"talked"
            | b"talk"
            | b"chat"
            | b"chatting"
            | b"chatted"
            | b"wrote"
            | b"written"
            | b"writes"
            | b"writing"
            | b"write"
            | b"tipped"
            | b"tagged"
            | b"tagging"
            | b"forwarded"
            | b"forwarding"
            | b"reached"
            | b"reaching"
            | b"messaged"
            | b"rang"
            | b"ringing"
            | b"called"
            | b"calling"
            | b"shared"
            | b"sharing"
            | b"passed"
            | b"interviewed"
    )
}

/// Ways an outlet approaches the author: "got in touch", "is very interested", "are running
/// it Thursday".
fn approach(w: &[u8]) -> bool {
    matches!(
        w,
        b"touch"
            | b"interested"
            | b"keen"
            | b"contacted"
            | b"called"
            | b"rang"
            | b"reached"
            | b"asked"
            | b"want"
            | b"wants"
            | b"running"
            | b"covering"
            | b"investigating"
            | b"emailed"
            | b"messaged"
    )
}

/// Negations that take back a contact: "I'm not emailing the papers, I just want my refund".
fn negation(w: &[u8]) -> bool {
    matches!(
        w,
        b"not" | b"never" | b"won't" | b"wont" | b"don't" | b"dont"
    )
}

/// The span from the contact to the outlet (or from the outlet to its approach) when an
/// outlet, whose words are `toks[first..=last]`, was reached or reached out, and whether the
/// author reached it: the author's own approach is a threat to take the story further, the
/// outlet's is only the press at work. `None` when neither.
pub(crate) fn reached(
    toks: &[Tok],
    lower: &[u8],
    first: usize,
    last: usize,
) -> Option<((u32, u32), bool)> {
    let word = |k: usize| toks.get(k).map_or(&b""[..], |t| t.word(lower));
    let ends = |k: usize| {
        toks.get(k)
            .is_some_and(|t| sentiment::sentence_ends_after(lower, t))
    };
    let article = |k: usize| matches!(word(k), b"the" | b"a" | b"an" | b"our" | b"my");
    let lead = if first > 0 && article(first - 1) {
        first.saturating_sub(2)
    } else {
        first.saturating_sub(1)
    };
    let near = if first > 0 && matches!(word(lead), b"to" | b"with") {
        SENT_TO_NEAR
    } else {
        CONTACT_NEAR
    };
    // Back from the outlet to the contact, within the sentence.
    for k in (first.saturating_sub(near)..first).rev() {
        if ends(k) {
            break;
        }
        if contact(word(k)) {
            if k > 0 && negation(word(k - 1)) || k > 1 && negation(word(k - 2)) {
                return None;
            }
            // "I write the consumer column for the Sunday Post": the author's own outlet, the
            // press at work, not a threat ("wrote to the Sunday Post", "my sister writes for the
            // Daily Herald" are).
            let byline = matches!(word(k), b"write" | b"writing")
                && word(k + 1) != b"to"
                && k > 0
                && matches!(word(k - 1), b"i" | b"i'm" | b"im" | b"we" | b"we're");
            return Some(((toks[k].lo, toks[last].hi), !byline));
        }
    }
    // On from the outlet to its approach, within the sentence.
    for k in last + 1..=last + APPROACH_NEAR {
        if ends(k - 1) || k >= toks.len() {
            break;
        }
        if approach(word(k)) {
            return Some(((toks[first].lo, toks[k].hi), false));
        }
    }
    None
}
