//! Leaving told in two parts: a move and where to ("moving all 14 of our company vehicles away
//! from @Fleetwise", "migrating everything to another service", "shifted my salary account
//! out of @TridentBank today"), or an end and what ends ("cancelled the DD this morning",
//! "terminated our contract with @SecureNest"). The phrase table (`cues.rs`) knows the fixed
//! forms ("switching to", "cancel my subscription"); the words between the two parts vary too
//! much to list, so the move is a phrase ([`super::cues::Cue::Move`]) and the rest is read
//! here.
//!
//! Only in a troubled message, unless the move leaves an @handle ("moving away from London
//! next month, can I take my tariff?" is no churn), and the caller asks only for one without
//! praise (see `analyse`).

use super::sentiment;
use super::text::{handle_before, Tok};

/// How many words after the move its destination may come: "moving all 14 of our company
/// vehicles away from" (eight).
const WHERE_NEAR: usize = 8;
/// How many words after the end what ends may come: "cancelled my meal kit subscription"
/// (four).
const WHAT_NEAR: usize = 4;

/// Ends of a relationship: "cancelled", "terminated".
fn ends(w: &[u8]) -> bool {
    matches!(
        w,
        b"cancelled"
            | b"canceled"
            | b"cancelling"
            | b"canceling"
            | b"terminated"
            | b"terminating"
            | b"ended"
            | b"ending"
    )
}

/// What a customer has with a brand, and ends.
fn relationship(w: &[u8]) -> bool {
    matches!(
        w,
        b"subscription"
            | b"sub"
            | b"membership"
            | b"contract"
            | b"plan"
            | b"account"
            | b"policy"
            | b"dd"
            | b"debit"
            | b"warranty"
            | b"package"
            | b"insurance"
            | b"mortgage"
            | b"broadband"
    )
}

/// Where a move goes that is away from the brand: "to another supplier", "elsewhere", "away
/// from", "out of", "somewhere that can answer an email". Not "back to" a name ("moving back
/// to Manchester", "the train back to Leeds").
fn away(toks: &[Tok], lower: &[u8], k: usize) -> bool {
    let word = |j: usize| toks.get(j).map_or(&b""[..], |t| t.word(lower));
    // Places and people a customer moves between without leaving: "moved to another flat",
    // "transferred to another agent".
    let place = |w: &[u8]| {
        matches!(
            w,
            b"flat"
                | b"house"
                | b"home"
                | b"address"
                | b"room"
                | b"seat"
                | b"platform"
                | b"desk"
                | b"department"
                | b"team"
                | b"agent"
                | b"queue"
                | b"line"
                | b"city"
                | b"country"
                | b"area"
                | b"branch"
                | b"store"
                | b"day"
                | b"date"
                | b"time"
        )
    };
    match word(k) {
        // Not "from elsewhere": "transferring my ISA to you from elsewhere".
        b"elsewhere" | b"somewhere" => k == 0 || word(k - 1) != b"from",
        b"away" => word(k + 1) == b"from",
        b"out" => word(k + 1) == b"of",
        // "to another wallet", "to someone who answers"; not "to a new flat", "to Leeds".
        b"to" => word(k + 1) == b"someone" || (word(k + 1) == b"another" && !place(word(k + 2))),
        _ => false,
    }
}

/// The span of a move with its destination, or an end with what ends, starting at the move
/// (`toks[at]`, a [`super::cues::Cue::Move`] or an end); `None` when the rest is not there.
///
/// Only in a `troubled` message ("moving away from London next month, can I take my tariff?"
/// is no churn) unless the move is away from an @handle, and an end only with `more_trouble`
/// than its own word, which is a failure cue too ("cancelled my gym membership today but kept
/// my games pass 😌").
pub(crate) fn leaving(
    toks: &[Tok],
    lower: &[u8],
    at: usize,
    troubled: bool,
    more_trouble: bool,
) -> Option<(u32, u32)> {
    let word = |j: usize| toks.get(j).map_or(&b""[..], |t| t.word(lower));
    if ends(word(at)) && !more_trouble {
        return None;
    }
    // Gone long ago, and still charged: "cancelled my membership in March and you're STILL
    // taking money" is a complaint about the charges; the customer has already left.
    let long_ago = (at + 1..(at + 7).min(toks.len())).any(|k| {
        matches!(
            word(k),
            // Not "may": as often the verb as the month.
            b"ago"
                | b"last"
                | b"january"
                | b"february"
                | b"march"
                | b"april"
                | b"june"
                | b"july"
                | b"august"
                | b"september"
                | b"october"
                | b"november"
                | b"december"
        )
    });
    if ends(word(at)) && long_ago {
        return None;
    }
    // Someone else did it: "you cancelled my account", "they moved my appointment",
    // "@StreamBox cancelled my sub".
    if handle_before(toks, lower, at)
        || at > 0
            && matches!(
                word(at - 1),
                b"you"
                    | b"they"
                    | b"u"
                    | b"your"
                    | b"someone"
                    | b"somebody"
                    | b"he"
                    | b"she"
                    | b"it"
            )
    {
        return None;
    }
    // Moving house, not leaving: "a flat I moved out of in March".
    if word(at + 1) == b"out" {
        return None;
    }
    let near = if ends(word(at)) {
        WHAT_NEAR
    } else {
        WHERE_NEAR
    };
    for k in at + 1..(at + 1 + near).min(toks.len()) {
        if sentiment::sentence_ends_after(lower, &toks[k - 1]) {
            break;
        }
        let found = if ends(word(at)) {
            // Not "cancelled the warranty claim", "cancelled my account appointment".
            relationship(word(k))
                && !matches!(
                    word(k + 1),
                    b"claim" | b"appointment" | b"booking" | b"order" | b"visit"
                )
        } else {
            away(toks, lower, k)
        };
        // Out of one place into another the brand may be ("moved my savings out of my current
        // account into the ISA", "migrating our docs out of Google Drive into Notion").
        let into = found
            && !ends(word(at))
            && (k + 1..(k + 8).min(toks.len())).any(|j| word(j) == b"into");
        // Out of or away from the brand itself ("shifted my salary account out of @AcmeBank
        // today") is leaving however calmly it is told; elsewhere, only in a troubled message.
        let from_brand = k + 1 < toks.len() && handle_before(toks, lower, k + 2);
        if found && !into && (troubled || from_brand) {
            return Some((toks[at].lo, toks[k].hi));
        }
    }
    // "cancelled." on its own: the author's last word.
    if ends(word(at)) && sentiment::sentence_ends_after(lower, &toks[at]) {
        let alone = at == 0 || sentiment::sentence_ends_after(lower, &toks[at - 1]);
        if alone {
            return Some((toks[at].lo, toks[at].hi));
        }
    }
    None
}

/// How many words a way of buying may stand after its negation: "never have to fly" (two
/// between).
const BUY_NEAR: usize = 3;
/// How many words "again" may stand after the way of buying: "never fly @united ever again",
/// "not flying with you guys again" (four between).
const AGAIN_NEAR: usize = 5;

/// The span of leaving said as a vow: a negation ("never", "not", "won't"), a way of buying
/// from the brand at most [`BUY_NEAR`] words after it, and "again" at most [`AGAIN_NEAR`]
/// words after that, all in one clause: "Never fly American again!", "I'm not flying you
/// again", "I'll never have to fly @united ever again", "won't be shopping here again". The
/// phrase table knows only fixed forms ("never fly with you"); the brand's name, a handle
/// or "ever" comes between. A vow needs no other trouble told; a pause ("won't fly again
/// until May") is none.
pub(crate) fn vowed_never_again(toks: &[Tok], lower: &[u8]) -> Option<(u32, u32)> {
    let buys = |w: &[u8]| {
        matches!(
            w,
            b"fly"
                | b"flying"
                | b"use"
                | b"using"
                | b"book"
                | b"booking"
                | b"shop"
                | b"shopping"
                | b"buy"
                | b"buying"
                | b"order"
                | b"ordering"
                | b"bank"
                | b"banking"
                | b"stay"
                | b"staying"
                | b"travel"
                | b"travelling"
                | b"traveling"
                | b"choose"
        )
    };
    let within = |from: usize, n: usize, want: &dyn Fn(&[u8]) -> bool| {
        sentiment::after_in_clause(toks, lower, from, n).find(|&k| want(toks[k].word(lower)))
    };
    toks.iter().enumerate().find_map(|(at, t)| {
        // Not "can't wait to travel with you again".
        let waits = toks.get(at + 1).is_some_and(|n| n.word(lower) == b"wait");
        if !sentiment::negates(t) || waits {
            return None;
        }
        let verb = within(at, BUY_NEAR, &buys)?;
        let again = within(verb, AGAIN_NEAR, &|w: &[u8]| w == b"again")?;
        // A pause, not a vow: "I won't be travelling again until May", "don't want to use the
        // app again till you fix the login".
        let pause = toks.get(again + 1).is_some_and(|n| {
            matches!(
                n.word(lower),
                b"until" | b"till" | b"til" | b"before" | b"unless" | b"when" | b"soon"
            )
        });
        (!pause).then(|| (t.lo, toks[again].hi))
    })
}
