//! Discrimination told without its words: "refused to board me because my wheelchair would
//! delay the flight", "once he found out I was pregnant", "told me my hijab was not
//! appropriate". The phrase table (`cues.rs`) knows the named forms ("racist", "because
//! she's black") and quoted remarks ("people your age"); this reads the told ones, around a
//! protected characteristic that the scan has seen ([`super::cues::Cue::Trait`]).
//!
//! Earlier rules that paired any characteristic with any treatment word flagged ordinary
//! complaints from disabled or pregnant customers ("my autistic son dropped the phone in the
//! bath and the refund was refused") and friendly posts ("staff told my pregnant sister where
//! the lift was"). So a characteristic counts only as someone's own ("my hijab", "he's deaf",
//! "my disabled son", "a wheelchair user"; not "my account was disabled"), and only in a shape
//! that says the characteristic is why:
//! - a cause: treatment, then "because" or "cos" and the characteristic ("refused to serve us
//!   cos we're gay"), not a characteristic that names who did something ("because my autistic
//!   son dropped it");
//! - noticing: someone other than the author saw, heard or found out about it ("the moment
//!   she saw my wheelchair", "once he found out I was pregnant"), unless told warmly or to help;
//! - a judgement of it, as the subject: the characteristic is called inappropriate, a risk,
//!   not allowed ("my hijab was 'not appropriate gym wear'", "his wheelchair was a fire risk");
//! - being sent away or refused in the same sentence ("asked me to leave", "turned us away");
//! - mockery of it ("laughed at my stammer", "mimic my accent"), unless denied;
//! - staff's own words about a group, quoted as the offence ("they 'don't do our kind of
//!   hair'", "'isn't really for girls'"), read around [`super::cues::Cue::Group`].
//!
//! The caller asks only for a troubled or flat message with no praise in it (see `analyse`),
//! so staff who noticed a wheelchair and helped are left alone.

use super::sentiment;
use super::text::Tok;

/// How many words after "because" the characteristic may come: "because he couldn't
/// understand his accent" (six).
const CAUSE_NEAR: usize = 6;
/// How many words before "because" the treatment may come: "refused to board me because"
/// (four), "hung up on my dad because" (five).
const TREATED_NEAR: usize = 10;
/// How many words after noticing the characteristic may come: "when she saw me in my
/// wheelchair" (five); not "noticed I was struggling with my prosthetic" (six), which is care.
const NOTICE_NEAR: usize = 5;
/// How many words after the characteristic its judgement may come: "my hijab was 'not
/// appropriate gym wear'" (three).
const NEAR: usize = 6;

/// Words that need a person around them to be a characteristic: "my account was disabled",
/// "the blind in my room", "black mould" are things.
fn needs_a_person(w: &[u8]) -> bool {
    matches!(
        w,
        b"disabled" | b"blind" | b"black" | b"asian" | b"deaf" | b"trans" | b"muslim" | b"jewish"
    )
}

/// People a characteristic can belong to.
fn person(w: &[u8]) -> bool {
    matches!(
        w,
        b"i" | b"he"
            | b"she"
            | b"they"
            | b"we"
            | b"who"
            | b"son"
            | b"daughter"
            | b"dad"
            | b"mum"
            | b"mom"
            | b"wife"
            | b"husband"
            | b"partner"
            | b"brother"
            | b"sister"
            | b"friend"
            | b"child"
            | b"kid"
            | b"customer"
            | b"customers"
            | b"person"
            | b"people"
            | b"man"
            | b"woman"
            | b"guy"
            | b"girl"
            | b"lad"
            | b"family"
            | b"passenger"
            | b"driver"
            | b"user"
            | b"grandad"
            | b"nan"
            | b"father"
            | b"mother"
    )
}

/// "my", "his", "her", "our", "their".
pub(crate) fn possessive_pronoun(w: &[u8]) -> bool {
    matches!(w, b"my" | b"his" | b"her" | b"our" | b"their")
}

/// Whether the characteristic at token `k` is someone's own.
fn owned(toks: &[Tok], lower: &[u8], k: usize) -> bool {
    let word = |j: usize| toks.get(j).map_or(&b""[..], |t| t.word(lower));
    let back = |d: usize| k.checked_sub(d).map_or(&b""[..], word);
    let w = word(k);
    if w == b"breastfeeding" {
        // Something the author does, not a word for a thing.
        return true;
    }
    if needs_a_person(w) {
        // "I'm deaf", "he's blind", "my son is autistic", "a disabled driver".
        matches!(
            back(1),
            b"i'm" | b"im" | b"am" | b"he's" | b"she's" | b"we're" | b"they're" | b"being"
        ) || (matches!(back(1), b"is" | b"was" | b"are" | b"were") && person(back(2)))
            || person(word(k + 1))
    } else {
        // "my hijab", "my wife's wheelchair", "his hearing aids", "I'm pregnant", "she's deaf",
        // "in a wheelchair", "wears a turban", "wheelchair user". Not "they're for wheelchair
        // users" (seats), nor "wheelchair users" in general.
        let possessive = |b: &[u8]| {
            possessive_pronoun(b) || (b.ends_with(b"'s") && b != b"it's" && b != b"that's")
        };
        possessive(back(1))
            || possessive(back(2))
            || matches!(
                back(1),
                b"i'm"
                    | b"im"
                    | b"am"
                    | b"is"
                    | b"are"
                    | b"was"
                    | b"were"
                    | b"we're"
                    | b"he's"
                    | b"she's"
                    | b"they're"
                    | b"being"
            )
            || (back(1) == b"a"
                && matches!(
                    back(2),
                    b"in" | b"use" | b"uses" | b"using" | b"wear" | b"wears" | b"wearing"
                ))
            || word(k + 1) == b"user"
    }
}

/// Treatment a cause can explain: "refused to board me because ...".
fn treatment(w: &[u8]) -> bool {
    matches!(
        w,
        b"refused"
            | b"refuse"
            | b"refusing"
            | b"denied"
            | b"turned"
            | b"kicked"
            | b"threw"
            | b"thrown"
            | b"followed"
            | b"searched"
            | b"stopped"
            | b"ignored"
            | b"laughed"
            | b"mocked"
            | b"shouted"
            | b"yelled"
            | b"hung"
            | b"banned"
            | b"wouldn't"
            | b"wouldnt"
            | b"asked"
            | b"told"
            | b"treated"
            | b"spoke"
            | b"talked"
            | b"sneered"
            | b"stared"
            | b"moved"
    )
}

/// Noticing, by someone other than the author.
fn noticing(w: &[u8]) -> bool {
    matches!(
        w,
        b"saw"
            | b"seeing"
            | b"noticed"
            | b"heard"
            | b"found"
            | b"realised"
            | b"realized"
            | b"spotted"
            | b"clocked"
    )
}

/// A judgement of the characteristic itself.
fn judgement(w: &[u8]) -> bool {
    matches!(
        w,
        b"appropriate"
            | b"inappropriate"
            | b"uncomfortable"
            | b"risk"
            | b"hazard"
            | b"allowed"
            | b"banned"
            | b"offensive"
            | b"unacceptable"
            | b"welcome"
    )
}

/// The span (from the treatment, the noticing or the characteristic to the characteristic or
/// the judgement) of discrimination told in one of the three shapes above, given the token
/// indices of the characteristics the scan saw.
pub(crate) fn treated_for_who_they_are(
    toks: &[Tok],
    lower: &[u8],
    traits: &[usize],
) -> Option<(u32, u32)> {
    let word = |j: usize| toks[j].word(lower);
    for &k in traits {
        if k >= toks.len() || !owned(toks, lower, k) {
            continue;
        }
        // "my autistic son dropped the phone", "saw my autistic son at last": a characteristic
        // before the person it describes names who, not why.
        let names_who = toks.get(k + 1).is_some_and(|t| {
            let w = t.word(lower);
            person(w) && !matches!(w, b"i" | b"he" | b"she" | b"they" | b"we" | b"who")
        });
        let from = k.saturating_sub(CAUSE_NEAR);
        // A cause: "because" (or "cos", "bc") shortly before, treatment before that.
        for c in (from..k).filter(|_| !names_who) {
            if !matches!(
                word(c),
                b"because" | b"cos" | b"coz" | b"cuz" | b"bc" | b"'cause"
            ) || sentiment::sentence_between(toks, lower, c, k)
            {
                continue;
            }
            let start = c.saturating_sub(TREATED_NEAR);
            if let Some(t) = (start..c).find(|&j| treatment(word(j))) {
                if !sentiment::sentence_between(toks, lower, t, c) {
                    return Some((toks[t].lo, toks[k].hi));
                }
            }
        }
        // Noticing by someone else: "the moment she saw my wheelchair", "after seeing my
        // hijab"; not "I saw my wheelchair was damaged".
        for n in (k.saturating_sub(NOTICE_NEAR)..k).filter(|_| !names_who) {
            // "found" only as "found out" ("they found my wheelchair" is lost property).
            let found_out =
                word(n) != b"found" || toks.get(n + 1).is_some_and(|t| t.word(lower) == b"out");
            if !noticing(word(n)) || !found_out || sentiment::sentence_between(toks, lower, n, k) {
                continue;
            }
            let by_author = n
                .checked_sub(1)
                .is_some_and(|p| matches!(word(p), b"i" | b"we" | b"i've" | b"we've" | b"i'd"));
            // "noticed I was pregnant and helped me with my bags": noticed to help.
            let helped = toks[k + 1..(k + 1 + NEAR).min(toks.len())].iter().any(|t| {
                matches!(
                    t.word(lower),
                    b"helped"
                        | b"offered"
                        | b"brought"
                        | b"switched"
                        | b"gave"
                        | b"adjusted"
                        | b"carried"
                        | b"kindly"
                        | b"quietly"
                )
            });
            // "... noticed my accent and recommended a pub, nice touch": told warmly.
            let sentence_end = (n..toks.len())
                .find(|&j| sentiment::sentence_ends_after(lower, &toks[j]))
                .unwrap_or(toks.len() - 1);
            let warm = toks[n..=sentence_end].iter().any(|t| t.val >= 1.0);
            if !by_author && !helped && !warm {
                return Some((toks[n].lo, toks[k].hi));
            }
        }
        // Sent away or refused in the same sentence: "breastfeeding my baby ... the manager
        // asked me to leave", "my son has Down syndrome and the staff turned us away".
        if let Some(j) = sent_away_near(toks, lower, k) {
            let (a, b) = (j.min(k), j.max(k));
            return Some((toks[a].lo, toks[b].hi));
        }
        // Mocked for it: "laughed at my stammer", "made a joke about my kippah", "mimic my
        // accent"; not when denied ("nobody stared at my wheelchair").
        if let Some(m) = mocked_before(toks, lower, k) {
            return Some((toks[m].lo, toks[k].hi));
        }
        // A judgement of it, as the subject of the sentence that judges: "my hijab was 'not
        // appropriate'", "my hijab makes staff uncomfortable", "his wheelchair was a fire
        // risk"; not "pregnant and the seats are uncomfortable".
        let subject = toks.get(k + 1).is_some_and(|t| {
            matches!(
                t.word(lower),
                b"was"
                    | b"is"
                    | b"were"
                    | b"are"
                    | b"made"
                    | b"makes"
                    | b"would"
                    | b"wasn't"
                    | b"isn't"
            )
        });
        let end = (k + 1 + NEAR).min(toks.len());
        let judged = (k + 1..end).filter(|_| subject).find(|&j| {
            let before = |d: usize| j.checked_sub(d).map_or(&b""[..], word);
            match word(j) {
                // "a fire risk", not "a high risk pregnancy".
                b"risk" => matches!(before(1), b"a" | b"fire" | b"safety" | b"health"),
                b"welcome" => matches!(before(1), b"not" | b"never") || before(1).ends_with(b"n't"),
                w => judgement(w),
            }
        });
        if let Some(j) = judged {
            if !sentiment::sentence_between(toks, lower, k, j) {
                return Some((toks[k].lo, toks[j].hi));
            }
        }
    }
    None
}

/// How many words apart a characteristic and being sent away may be, in one sentence.
const SENT_AWAY_NEAR: usize = 14;

/// The token that starts being sent away or refused ("asked me to leave", "kicked us out",
/// "refused to serve", "turned us away", "wouldn't let me in", "denied entry") within
/// [`SENT_AWAY_NEAR`] words of token `k`, in its sentence.
fn sent_away_near(toks: &[Tok], lower: &[u8], k: usize) -> Option<usize> {
    let word = |j: usize| toks.get(j).map_or(&b""[..], |t| t.word(lower));
    let object = |w: &[u8]| matches!(w, b"me" | b"us" | b"him" | b"her" | b"them");
    let starts = |j: usize| -> bool {
        let (w1, w2, w3) = (word(j + 1), word(j + 2), word(j + 3));
        match word(j) {
            // "asked me to leave", not "asked us to leave the queue" or "to leave my wife's
            // name off".
            b"asked" | b"told" => {
                let (leave, after) = if object(w1) && w2 == b"to" && w3 == b"leave" {
                    (true, j + 4)
                } else {
                    (w1 == b"to" && w2 == b"leave", j + 3)
                };
                leave
                    && !matches!(
                        word(after),
                        b"my" | b"his" | b"her" | b"our" | b"your" | b"it" | b"them"
                    )
                    && !(word(after) == b"the" && matches!(word(after + 1), b"queue" | b"line"))
            }
            b"kicked" | b"threw" | b"thrown" => w1 == b"out" || (object(w1) && w2 == b"out"),
            b"refused" => {
                matches!(w1, b"service" | b"entry")
                    || (w1 == b"to"
                        && matches!(
                            w2,
                            b"serve"
                                | b"let"
                                | b"take"
                                | b"register"
                                | b"sell"
                                | b"seat"
                                | b"board"
                                | b"arrange"
                                | b"provide"
                        ))
            }
            b"turned" => w1 == b"away" || (object(w1) && w2 == b"away"),
            b"wouldn't" | b"wouldnt" | b"won't" | b"wont" => {
                (w1 == b"let"
                    && object(w2)
                    && matches!(
                        w3,
                        b"in" | b"on" | b"board" | b"sign" | b"sit" | b"enter" | b"join"
                    ))
                    // "wouldn't lower the ramp for my wheelchair"
                    || (matches!(w1, b"lower" | b"get" | b"put" | b"bring" | b"deploy")
                        && w2 == b"the"
                        && w3 == b"ramp")
            }

            b"denied" => matches!(w1, b"entry" | b"boarding" | b"service"),
            _ => false,
        }
    };
    let from = k.saturating_sub(SENT_AWAY_NEAR);
    let to = (k + SENT_AWAY_NEAR).min(toks.len().saturating_sub(1));
    (from..=to).filter(|&j| j != k).find(|&j| {
        starts(j) && {
            let (a, b) = (j.min(k), j.max(k));
            !sentiment::sentence_between(toks, lower, a, b)
        }
    })
}

/// The token of mockery right before "my" (or "his", "her"...) and the characteristic at `k`
/// ("laughed at my", "joke about my", "mimic my", "stared at my"), unless denied just before
/// ("nobody stared at", "didn't laugh at").
fn mocked_before(toks: &[Tok], lower: &[u8], k: usize) -> Option<usize> {
    let word = |j: usize| toks.get(j).map_or(&b""[..], |t| t.word(lower));
    // "my accent", "my polish accent".
    let owner = (k.saturating_sub(2)..k).find(|&j| possessive_pronoun(word(j)))?;
    let verb_at = |j: usize| -> bool {
        matches!(
            word(j),
            b"mimic" | b"mimics" | b"mimicked" | b"mimicking" | b"mocked" | b"mocking" | b"mock"
        ) || (matches!(
            word(j),
            b"laughed" | b"laughing" | b"stared" | b"staring" | b"sneered"
        ) && word(j + 1) == b"at")
            || (matches!(
                word(j),
                b"joke" | b"jokes" | b"comment" | b"comments" | b"fun"
            ) && matches!(word(j + 1), b"about" | b"of" | b"on"))
    };
    let m = (owner.saturating_sub(3)..owner).find(|&j| verb_at(j))?;
    let denied = (m.saturating_sub(3)..m).any(|j| {
        matches!(word(j), b"nobody" | b"noone" | b"never" | b"not" | b"no")
            || word(j).ends_with(b"n't")
    });
    (!denied).then_some(m)
}

/// Whether byte `i` of `text` opens a quotation: a double or curly quote, or an apostrophe
/// with no letter before it and a letter after it (not the one in "don't").
fn opens_quote(text: &[u8], i: usize) -> bool {
    let before = i.checked_sub(1).map(|j| text[j]);
    let after = text.get(i + 1).copied();
    match text[i] {
        b'"' => after.is_some_and(|c| !c.is_ascii_whitespace()),
        b'\'' => {
            !before.is_some_and(|c| c.is_ascii_alphanumeric())
                && after.is_some_and(|c| c.is_ascii_alphanumeric())
        }
        // The UTF-8 of ‘ and “ (E2 80 98, E2 80 9C).
        0x98 | 0x9c => i >= 2 && text[i - 2] == 0xe2 && text[i - 1] == 0x80,
        _ => false,
    }
}

/// Whether byte `i` of `text` closes a quotation (see [`opens_quote`]).
fn closes_quote(text: &[u8], i: usize) -> bool {
    let before = i.checked_sub(1).map(|j| text[j]);
    let after = text.get(i + 1).copied();
    match text[i] {
        b'"' => before.is_some_and(|c| !c.is_ascii_whitespace()),
        b'\'' => {
            before.is_some_and(|c| !c.is_ascii_whitespace())
                && !after.is_some_and(|c| c.is_ascii_alphanumeric())
        }
        // The UTF-8 of ’ and ” (E2 80 99, E2 80 9D): ’ is also an apostrophe, so only with no
        // letter after it.
        0x99 => {
            i >= 2
                && text[i - 2] == 0xe2
                && text[i - 1] == 0x80
                && !after.is_some_and(|c| c.is_ascii_alphanumeric())
        }
        0x9d => i >= 2 && text[i - 2] == 0xe2 && text[i - 1] == 0x80,
        _ => false,
    }
}

/// The span of a quoted remark that names a group ("they 'don't do our kind of hair'", "'isn't
/// really for girls'", "'too much for someone my age'", "'because you're foreign'"), given
/// the token indices of the group words the scan saw ([`super::cues::Cue::Group`]): staff's
/// words about who the customer is, which the author quotes as the offence.
pub(crate) fn quoted_about_a_group(
    toks: &[Tok],
    text: &[u8],
    groups: &[usize],
) -> Option<(u32, u32)> {
    groups.iter().find_map(|&g| {
        let at = toks.get(g)?.lo as usize;
        // The last quotation opened before the word, and not closed before it.
        let mut open = None;
        for i in 0..at.min(text.len()) {
            if open.is_none() && opens_quote(text, i) {
                open = Some(i);
            } else if open.is_some() && closes_quote(text, i) {
                open = None;
            }
        }
        let start = open?;
        let end = (at..text.len()).find(|&i| closes_quote(text, i))?;
        // A remark, not a title ("showing 'Little Women' again": every word capitalised) or a
        // name ("the 'younger look' range"): three words or more, or said to or about people.
        let words = || {
            text.get(start + 1..end)
                .unwrap_or_default()
                .split(|b| b.is_ascii_whitespace() || b.is_ascii_punctuation())
                .filter(|w| !w.is_empty())
        };
        let title = words().all(|w| w[0].is_ascii_uppercase());
        const PEOPLE: [&[u8]; 12] = [
            b"you", b"your", b"our", b"us", b"we", b"they", b"them", b"him", b"her", b"people",
            b"kids", b"someone",
        ];
        let people = words().any(|w| PEOPLE.iter().any(|p| p.eq_ignore_ascii_case(w)));
        // Staff's words that shut someone out: a negation, "too", "only", "prefer", "because"
        // ("don't do our kind of hair", "too much for someone my age", "because you're
        // foreign"), not advice or banter ("women your age should get the flu jab", "your lot
        // always order the biggest pizza").
        const SHUT: [&[u8]; 13] = [
            b"dont", b"doesnt", b"isnt", b"arent", b"not", b"no", b"cannot", b"only", b"too",
            b"prefer", b"because", b"sure", b"never",
        ];
        // Words are split at apostrophes too, so "don't" is read as its "n't".
        let shuts = words().any(|w| SHUT.iter().any(|p| p.eq_ignore_ascii_case(w)))
            || text.get(start + 1..end).is_some_and(|q| {
                q.windows(3).any(|w| w.eq_ignore_ascii_case(b"n't"))
                    || q.windows(4)
                        .any(|w| w.eq_ignore_ascii_case("n\u{2019}".as_bytes()))
            });
        let remark = !title && shuts && (words().count() >= 3 || people);
        remark.then_some((start as u32, end as u32 + 1))
    })
}

/// The span of a prejudice named outright against a group ("he has an issue with women",
/// "clearly has a problem with Muslims", "the manager hates foreigners"), given the token
/// indices of the group words the scan saw: staff's bias told in the author's own words.
/// Only words for a class of people; not "your lot" or "you people", which customers say of
/// the brand's staff ("I have a problem with your lot").
pub(crate) fn prejudice_against_a_group(
    toks: &[Tok],
    lower: &[u8],
    groups: &[usize],
) -> Option<(u32, u32)> {
    let word = |k: usize| toks.get(k).map_or(&b""[..], |t| t.word(lower));
    groups.iter().find_map(|&g| {
        let class = matches!(
            word(g),
            b"girls"
                | b"women"
                | b"ladies"
                | b"elderly"
                | b"pensioners"
                | b"foreigners"
                | b"immigrants"
                | b"indians"
                | b"asians"
                | b"muslims"
                | b"jews"
                | b"gays"
        );
        let prev = g.checked_sub(1).map_or(&b""[..], word);
        let prev2 = g.checked_sub(2).map_or(&b""[..], word);
        // Someone has the problem: "he has an issue with", "clearly had a problem with".
        let held = (g.saturating_sub(5)..g.saturating_sub(2))
            .any(|k| matches!(word(k), b"has" | b"had" | b"have" | b"got"));
        // The group ends the phrase: not "an issue with ladies changing rooms", "a problem
        // with pensioners payments".
        let ends = g + 1 >= toks.len()
            || sentiment::clause_ends_after(lower, &toks[g])
            || matches!(
                word(g + 1),
                b"and" | b"but" | b"so" | b"or" | b"because" | b"who" | b"he" | b"she" | b"they"
            );
        let named = class
            && ends
            && (matches!(prev, b"hates" | b"hated")
                || (held
                    && prev == b"with"
                    && matches!(prev2, b"problem" | b"problems" | b"issue" | b"issues")));
        let from = g.saturating_sub(if prev == b"with" { 2 } else { 1 });
        named.then(|| (toks[from].lo, toks[g].hi))
    })
}
