//! A journey that cannot go on: the second kind of time-critical message, after a deadline,
//! and the same kind as "stranded". A passenger whose flight has just been cancelled, or who
//! is stuck in Denver, needs another flight, a hotel or a way home before the day is out; an
//! answer in four hours may come after the last flight has left. The phrase table
//! (`cues.rs`) knows the fixed forms ("missed my connection", "get me on another flight",
//! "hotel for tonight"); this module reads the two that vary:
//! - a flight, a train or a bus cancelled, told as today's news rather than as a grievance
//!   ("my flight 1389 to DFW was cancelled", "train cancelled and no replacement bus"), see
//!   [`cancelled_now`];
//! - "stuck in" or "stuck at" a place of transit or a named place ("stuck in Den", "stuck at
//!   the airport"), see [`stuck_somewhere`].
//!
//! A delay alone is not read as time-critical, nor is waiting on board ("2 hr delay on the
//! tarmac"): the journey goes on, and an answer changes little.

use super::sentiment;
use super::text::Tok;

/// How many words apart a travel word and its cancellation may be: "flight from san
/// francisco to jfk was cancelled" (six words between).
const TRAVEL_NEAR: usize = 7;

/// Words for a journey a cancellation strands: not an order, a subscription or a repair.
fn travel(w: &[u8]) -> bool {
    matches!(
        w,
        b"flight"
            | b"flights"
            | b"flt"
            | b"fl"
            | b"plane"
            | b"train"
            | b"trains"
            | b"bus"
            | b"coach"
            | b"ferry"
            | b"sailing"
            | b"connection"
            | b"connecting"
            | b"departure"
    )
}

/// Words that tell the trouble as a grievance rather than an emergency: over ("my flight last
/// week was cancelled"), a habit ("your trains keep getting cancelled"), or money asked back
/// for it ("a refund for a flight you cancelled").
fn told_as_grievance(toks: &[Tok], lower: &[u8]) -> bool {
    toks.iter().enumerate().any(|(i, t)| match t.word(lower) {
        b"yesterday" | b"ago" | b"always" | b"constantly" | b"usually" | b"every" | b"keep"
        | b"keeps" | b"refund" | b"refunded" | b"refunding" | b"refunds" | b"compensation"
        | b"claim" | b"claims" => true,
        b"last" => toks.get(i + 1).is_some_and(|n| {
            matches!(
                n.word(lower),
                b"week" | b"month" | b"year" | b"time" | b"weekend" | b"summer" | b"trip"
            )
        }),
        _ => false,
    })
}

/// Where a cancellation (token indices in `cancelled`) of a journey is told as today's news:
/// a travel word within [`TRAVEL_NEAR`] words of it in the same sentence, not cancelled by
/// the author ("I cancelled my flight"), and nothing that makes it a grievance
/// ([`told_as_grievance`]). Returns the span from one to the other.
pub(crate) fn cancelled_now(toks: &[Tok], lower: &[u8], cancelled: &[usize]) -> Option<(u32, u32)> {
    // "I cancelled", "had to cancel": the author's own decision, not a journey stopped.
    let own = |c: usize| c > 0 && matches!(toks[c - 1].word(lower), b"i" | b"we" | b"to");
    let span = cancelled.iter().filter(|&&c| !own(c)).find_map(|&c| {
        let from = c.saturating_sub(TRAVEL_NEAR);
        let to = (c + TRAVEL_NEAR + 1).min(toks.len());
        (from..to)
            .filter(|&k| k != c && travel(toks[k].word(lower)))
            .find(|&k| !sentiment::sentence_between(toks, lower, k.min(c), k.max(c)))
            .map(|k| (toks[k.min(c)].lo, toks[k.max(c)].hi))
    })?;
    (!told_as_grievance(toks, lower)).then_some(span)
}

/// Places a traveller is stranded at or in (not on board: waiting on a plane is a delay).
fn transit_place(w: &[u8]) -> bool {
    matches!(
        w,
        b"airport" | b"terminal" | b"station" | b"customs" | b"security" | b"immigration" | b"port"
    )
}

/// Where "stuck in" or "stuck at" (its last token at `last`) is followed by a place of
/// transit ("stuck at the airport") or by a place's name ("stuck in Den", "stuck at JFK"): a
/// word that starts with a capital in `orig`, the author's own text. Not "stuck in a loop",
/// "stuck at 50%" or "stuck in traffic". Returns the span of the phrase (first token `at`)
/// and the place.
pub(crate) fn stuck_somewhere(
    toks: &[Tok],
    lower: &[u8],
    orig: &[u8],
    at: usize,
    last: usize,
) -> Option<(u32, u32)> {
    let next = toks.get(last + 1)?;
    let place = if matches!(next.word(lower), b"the" | b"this" | b"an" | b"a") {
        toks.get(last + 2)
            .filter(|t| transit_place(t.word(lower)))?
    } else {
        let named = orig
            .get(next.lo as usize)
            .is_some_and(|b| b.is_ascii_uppercase())
            && next.word(lower).iter().all(u8::is_ascii_alphabetic);
        (named || transit_place(next.word(lower))).then_some(next)?
    };
    Some((toks.get(at)?.lo, place.hi))
}
