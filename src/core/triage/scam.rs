//! Scams and phishing in their own voice: an imposter who poses as the brand or its care team
//! ("Hi there, sorry to hear about your issue 😔 Kindly reach our support agent on WhatsApp
//! +44 7451 ...", "your parcel is held due to an unpaid fee of £1.99. Pay now: ...",
//! "FINAL NOTICE: your number will be disconnected today. Call 0800 ... to re-activate").
//!
//! Scammers' pretexts change every week, so no list of them lasts; their shape does. A scam
//! speaks to its reader ("your account", "Pay now") and sends them somewhere the brand is not
//! (a link, a phone number, WhatsApp, Telegram, a webmail address), and there it asks for a
//! secret or a payment, or gives a pretext (money owed, an account about to close, a parcel
//! held) in an agent's voice ("kindly", "dear customer", "our claims team"), with a deadline
//! or a call to act. A customer who tells of their own trouble ("my parcel is held and they
//! want £1.99, who do I call?") is not one, unless an agent's formulas give the imposter
//! away; the caller leaves a customer who warns of a scam their own category (see `analyse`).

use super::text::Tok;

/// How many words a negation reaches forward over a secret: "we will never ask for your card
/// number, PIN or one-time code" (eight).
const NEGATION_REACH: usize = 8;

// What a word does in a scam, as bits, so that each word is looked up once (see `roles`).
const SECRET: u16 = 1;
const PAYS: u16 = 1 << 1;
const PRETEXT: u16 = 1 << 2;
const ACT: u16 = 1 << 3;
const FORMULA: u16 = 1 << 4;
const AGENT: u16 = 1 << 5;
const URGENT: u16 = 1 << 6;
const CHANNEL: u16 = 1 << 7;
const OWN: u16 = 1 << 8;
const READER: u16 = 1 << 9;
const NEGATION: u16 = 1 << 10;
const DM: u16 = 1 << 11;

/// The scam roles of a lowercase word:
/// - secrets no genuine brand asks for, whoever speaks ("PIN", "OTP", "BVN");
/// - asks for a payment ("pay the £2.50 admin fee", "payment via gift card only");
/// - pretexts: money owed, a prize, an account or parcel about to be lost;
/// - calls to act at the link or the number ("Update here:", "call us immediately");
/// - an agent's formulas, which customers do not write ("kindly", "dear customer", "sir/ma");
/// - an agent's or a notice's words, which customers also use ("our support agent", "- Glowhaus
///   Team", "FINAL NOTICE");
/// - deadlines that hurry the reader; WhatsApp and Telegram, where the brand is not; the
///   author's own first person; words to the reader; negations; "DM".
fn roles(w: &[u8]) -> u16 {
    match w {
        b"pin" | b"otp" | b"cvv" | b"bvn" | b"2fa" | b"passcode" | b"password" | b"dob" => SECRET,
        b"fee" | b"pay" | b"payment" | b"deposit" | b"transfer" | b"gift" => PAYS,
        b"refund" | b"rebate" | b"compensation" | b"eligible" | b"owed" | b"owe" | b"prize"
        | b"winner" | b"winners" | b"voucher" | b"grant" | b"blocked" | b"suspended"
        | b"disabled" | b"disconnected" | b"deleted" | b"banned" | b"held" | b"unpaid"
        | b"outstanding" | b"kyc" | b"arrest" | b"overcharged" | b"unclaimed" | b"approved"
        | b"attempted" | b"incomplete" | b"redelivery" | b"expire" | b"expires" => PRETEXT,
        b"reactivate" | b"re-activate" | b"unblock" | b"verify" | b"validate" | b"redeem" => {
            PRETEXT | ACT
        }
        b"unlock" | b"claim" | b"reschedule" => ACT,
        b"update" | b"click" | b"confirm" | b"apply" | b"appeal" | b"restart" | b"complete"
        | b"tap" | b"call" | b"reply" | b"forward" | b"send" | b"contact" => ACT,
        b"kindly" | b"dear" | b"sir" | b"ma" | b"sir/ma" | b"executive" | b"officer" => FORMULA,
        b"agent" | b"desk" | b"team" | b"official" | b"notice" | b"support" => AGENT,
        b"urgent" | b"immediately" | b"final" | b"within" | b"today" | b"now" | b"asap"
        | b"24h" | b"48h" => URGENT,
        b"whatsapp" | b"telegram" | b"wa.me" => CHANNEL,
        b"i" | b"my" | b"me" | b"i've" | b"ive" | b"i'm" | b"im" => OWN,
        b"you" | b"your" | b"u" | b"ur" | b"you're" | b"youre" | b"yours" | b"customers" => READER,
        b"never" | b"not" | b"won't" | b"wont" | b"don't" | b"dont" | b"doesn't" => NEGATION,
        b"dm" | b"dms" => DM,
        _ => 0,
    }
}

/// A phone number: nine or more digits in one run of digits, spaces, dashes and brackets
/// ("+44 7451 902 337", "0800 046 2291", "1-888-555-0147").
fn phone_number(text: &[u8]) -> bool {
    let mut digits = 0;
    for &b in text {
        if b.is_ascii_digit() {
            digits += 1;
            if digits >= 9 {
                return true;
            }
        } else if !matches!(b, b' ' | b'-' | b'(' | b')' | b'+' | b'.') {
            digits = 0;
        }
    }
    false
}

/// What the caller already knows of the text.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Known {
    /// It carries a link (a URL or a bare domain, or "link in our bio").
    pub linked: bool,
    /// It tells of trouble: a failure or chasing cue, or a risk phrase.
    pub troubled: bool,
    /// It answers like a care agent ("sorry to hear", "please DM us").
    pub replies: bool,
    /// Where it promotes something (a spam cue), if it does.
    pub spam: Option<(u32, u32)>,
}

/// A scam found in its own voice: the span of its ask or pretext, and whether an agent's
/// formulas or a secret asked for make it certain, however the text otherwise reads ("Dear
/// Customer, your account was accessed from a new device ..." names a fraud to pose as its
/// fix; a scammer's "suspicious activity" is no customer's warning).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Posing {
    /// The ask, pretext or formula.
    pub span: (u32, u32),
    /// An agent's formulas or a secret asked for.
    pub certain: bool,
}

/// The scam `text` is, read in its own voice, if any.
pub(crate) fn posing(toks: &[Tok], lower: &[u8], text: &str, known: Known) -> Option<Posing> {
    // The last negation: "we will never ask for your PIN" is a genuine brand's reminder.
    let mut negated_at = None;
    let (mut secret_at, mut pay_at, mut told, mut formula_at) = (None, None, None, None);
    let mut seen = 0u16;
    let mut to_reader = false;
    for (i, t) in toks.iter().enumerate() {
        let r = roles(t.word(lower));
        if r == 0 {
            continue;
        }
        seen |= r;
        let span = Some((t.lo, t.hi));
        if r & NEGATION != 0 {
            negated_at = Some(i);
        }
        if r & SECRET != 0 && negated_at.is_none_or(|n| i - n > NEGATION_REACH) {
            secret_at = secret_at.or(span);
        }
        if r & PAYS != 0 {
            pay_at = pay_at.or(span);
        }
        if r & PRETEXT != 0 {
            told = told.or(span);
        }
        if r & FORMULA != 0 {
            formula_at = formula_at.or(span);
        }
        // "Pay now:", "Send 0.5 ETH": an order opening a sentence speaks to the reader too.
        to_reader |= r & READER != 0
            || r & (ACT | PAYS) != 0
                && (i == 0 || super::sentiment::sentence_ends_after(lower, &toks[i - 1]));
    }
    let (voice, hurry, acts) = (seen & AGENT != 0, seen & URGENT != 0, seen & ACT != 0);
    let (dm, first) = (seen & DM != 0, seen & OWN != 0);
    // Most texts with a number end here: nothing asked, told or said like an agent.
    if !to_reader || (seen & (SECRET | PAYS | PRETEXT | FORMULA) == 0 && known.spam.is_none()) {
        return None;
    }
    let webmail = [
        b"@gmail.".as_slice(),
        b"@outlook.",
        b"@yahoo.",
        b"@hotmail.",
    ]
    .iter()
    .any(|m| lower.windows(m.len()).any(|w| w == *m));
    let away = seen & CHANNEL != 0 || webmail || phone_number(text.as_bytes());
    let elsewhere = known.linked || away;
    let strong = formula_at.is_some() || (known.replies && away);
    if first && known.troubled && !strong {
        return None;
    }
    let voice = voice || strong;
    let certain = |span| {
        Some(Posing {
            span,
            certain: true,
        })
    };
    let likely = |span| {
        Some(Posing {
            span,
            certain: false,
        })
    };
    if let Some(s) = secret_at.filter(|_| elsewhere || dm || strong) {
        return certain(s);
    }
    if let Some(s) = formula_at.filter(|_| away) {
        return certain(s);
    }
    if !elsewhere {
        return None;
    }
    if let Some(s) = pay_at.filter(|_| told.is_some() || voice || (dm && known.spam.is_some())) {
        return likely(s);
    }
    if let Some(s) = told.filter(|_| voice || hurry || acts) {
        return likely(s);
    }
    // Promotion that sends the reader to WhatsApp or Telegram ("earn $300 daily, message Mrs
    // Linda on Telegram").
    known.spam.filter(|_| away).and_then(likely)
}
