//! Phrase cues: risk phrases (legal, safety, fraud, press, discrimination, churn, deadlines) and
//! category cues (complaint, suggestion, spam, sarcasm).
//!
//! Phrases are matched over tokens, not bytes: each phrase's first word carries, in the word
//! table, the range of phrases that start with it, so the one hash lookup a token gets anyway
//! also finds its phrase candidates (a byte-level automaton over the text cost more than the
//! whole rest of the triage). Matching is leftmost-longest and skips what it matched.
//!
//! Every phrase here is hand-written from general knowledge of customer-care language; none is
//! taken from evaluation data. A phrase ending in `*` lets its last word take common endings
//! ("injur*" matches "injured", "injury", "injuries"). `Ignore` phrases exist only to swallow
//! harmless look-alikes ("on fire", "fire sale") before a risk phrase can match inside them.
//! Punctuation between words does not matter ("great, another" = "great another"); @handles
//! and URLs are not words, so "thanks @brand for nothing" still reads "thanks for nothing".

use std::sync::LazyLock;

use super::text::Tok;
use super::Flag;

/// What a phrase signals.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Cue {
    /// A risk flag.
    Risk(Flag),
    /// A service failure ("not working", "never arrived").
    Failure,
    /// Waiting, chasing, repetition ("still waiting", "no response", "again").
    Chasing,
    /// Service and money words ("customer service", "refund").
    Service,
    /// A sarcastic construction on its own ("thanks for nothing", "yeah right").
    Sarcasm,
    /// Sarcastic when a failure event follows ("thanks for", "love how", "great, another").
    SarcasmIfEvent,
    /// A suggestion ("you should", "would be nice").
    Suggest,
    /// Promotion or bot noise ("follow back", "giveaway").
    Spam,
    /// Explicit thanks or praise of the service ("thank you", "well done").
    Praise,
    /// A question opener ("does anyone know", "how do i").
    Question,
    /// Harmless look-alike of a risk phrase.
    Ignore,
}

use Cue::*;
use Flag::*;

/// The phrase table.
const PHRASES: &[(&str, Cue)] = &[
    // legal
    ("my lawyer", Risk(LegalThreat)),
    ("lawyer*", Risk(LegalThreat)),
    ("attorney*", Risk(LegalThreat)),
    ("solicitor*", Risk(LegalThreat)),
    ("sue you", Risk(LegalThreat)),
    ("sue", Risk(LegalThreat)),
    ("suing", Risk(LegalThreat)),
    ("lawsuit*", Risk(LegalThreat)),
    ("legal action", Risk(LegalThreat)),
    ("legal advice", Risk(LegalThreat)),
    ("take you to court", Risk(LegalThreat)),
    ("see you in court", Risk(LegalThreat)),
    ("small claims", Risk(LegalThreat)),
    ("class action", Risk(LegalThreat)),
    ("ombudsman", Risk(LegalThreat)),
    ("trading standards", Risk(LegalThreat)),
    ("better business bureau", Risk(LegalThreat)),
    ("report you to", Risk(LegalThreat)),
    ("consumer rights", Risk(LegalThreat)),
    ("cfpb", Risk(LegalThreat)),
    ("ftc", Risk(LegalThreat)),
    ("attorney general", Risk(LegalThreat)),
    ("breach of contract", Risk(LegalThreat)),
    // safety
    ("injur*", Risk(Safety)),
    ("hurt myself", Risk(Safety)),
    ("got hurt", Risk(Safety)),
    ("burned", Risk(Safety)),
    ("burnt my", Risk(Safety)),
    ("burns", Risk(Safety)),
    ("fire", Risk(Safety)),
    ("caught fire", Risk(Safety)),
    ("smoke", Risk(Safety)),
    ("smoking", Risk(Safety)),
    ("explod*", Risk(Safety)),
    ("explosion", Risk(Safety)),
    ("food poisoning", Risk(Safety)),
    ("poison*", Risk(Safety)),
    ("got sick", Risk(Safety)),
    ("made me sick", Risk(Safety)),
    ("vomit*", Risk(Safety)),
    ("throwing up", Risk(Safety)),
    ("hospital*", Risk(Safety)),
    ("allergic reaction", Risk(Safety)),
    ("anaphyla*", Risk(Safety)),
    ("choking", Risk(Safety)),
    ("electric shock", Risk(Safety)),
    ("electrocut*", Risk(Safety)),
    ("gas leak", Risk(Safety)),
    ("carbon monoxide", Risk(Safety)),
    ("overdose", Risk(Safety)),
    ("wrong medication", Risk(Safety)),
    ("wrong medicine", Risk(Safety)),
    ("medication", Risk(Safety)),
    ("prescription", Risk(Safety)),
    ("unsafe", Risk(Safety)),
    ("dangerous", Risk(Safety)),
    ("bleeding", Risk(Safety)),
    ("ambulance", Risk(Safety)),
    ("glass in", Risk(Safety)),
    ("metal in my", Risk(Safety)),
    ("found a bug in", Risk(Safety)),
    ("cockroach*", Risk(Safety)),
    ("mould", Risk(Safety)),
    ("moldy", Risk(Safety)),
    ("mouldy", Risk(Safety)),
    ("on fire", Ignore),
    ("fire sale", Ignore),
    ("fire tv", Ignore),
    ("kindle fire", Ignore),
    ("fire emblem", Ignore),
    ("smoke and mirrors", Ignore),
    ("sue me", Ignore),
    // fraud and security
    ("hacked", Risk(FraudSecurity)),
    ("hacker*", Risk(FraudSecurity)),
    ("fraud*", Risk(FraudSecurity)),
    ("stolen", Risk(FraudSecurity)),
    ("stole my", Risk(FraudSecurity)),
    ("scam", Risk(FraudSecurity)),
    ("scammed", Risk(FraudSecurity)),
    ("scammer*", Risk(FraudSecurity)),
    ("phishing", Risk(FraudSecurity)),
    ("data breach", Risk(FraudSecurity)),
    ("security breach", Risk(FraudSecurity)),
    ("leaked my", Risk(FraudSecurity)),
    ("unauthori*", Risk(FraudSecurity)),
    ("charged twice", Risk(FraudSecurity)),
    ("double charged", Risk(FraudSecurity)),
    ("charged me twice", Risk(FraudSecurity)),
    ("identity theft", Risk(FraudSecurity)),
    ("someone used my card", Risk(FraudSecurity)),
    ("money was taken", Risk(FraudSecurity)),
    ("money taken", Risk(FraudSecurity)),
    ("money has gone", Risk(FraudSecurity)),
    ("compromised", Risk(FraudSecurity)),
    ("suspicious transaction*", Risk(FraudSecurity)),
    ("didn't authori*", Risk(FraudSecurity)),
    ("locked out of my account", Risk(FraudSecurity)),
    ("someone logged into", Risk(FraudSecurity)),
    // press
    ("journalist*", Risk(Press)),
    ("reporter*", Risk(Press)),
    ("writing a story", Risk(Press)),
    ("writing an article", Risk(Press)),
    ("writing a piece", Risk(Press)),
    ("for a story", Risk(Press)),
    ("for an article", Risk(Press)),
    ("press enquir*", Risk(Press)),
    ("press inquir*", Risk(Press)),
    ("media enquir*", Risk(Press)),
    ("media inquir*", Risk(Press)),
    ("request for comment", Risk(Press)),
    ("for comment", Risk(Press)),
    ("on the record", Risk(Press)),
    ("newsroom", Risk(Press)),
    ("news desk", Risk(Press)),
    ("going to the press", Risk(Press)),
    ("go to the press", Risk(Press)),
    ("going to the media", Risk(Press)),
    ("contacting the media", Risk(Press)),
    ("pr dept", Risk(Press)),
    ("pr department", Risk(Press)),
    // discrimination
    ("racist", Risk(Discrimination)),
    ("racism", Risk(Discrimination)),
    ("racial*", Risk(Discrimination)),
    ("sexist", Risk(Discrimination)),
    ("sexism", Risk(Discrimination)),
    ("homophob*", Risk(Discrimination)),
    ("transphob*", Risk(Discrimination)),
    ("islamophob*", Risk(Discrimination)),
    ("antisemit*", Risk(Discrimination)),
    ("ableis*", Risk(Discrimination)),
    ("discriminat*", Risk(Discrimination)),
    ("because i'm black", Risk(Discrimination)),
    ("because i am black", Risk(Discrimination)),
    ("because of my race", Risk(Discrimination)),
    ("because of my religion", Risk(Discrimination)),
    ("because i'm disabled", Risk(Discrimination)),
    ("because i'm gay", Risk(Discrimination)),
    ("because of my disability", Risk(Discrimination)),
    ("wheelchair", Risk(Discrimination)),
    ("racial profiling", Risk(Discrimination)),
    ("harass*", Risk(Discrimination)),
    ("slur*", Risk(Discrimination)),
    // churn
    ("cancel my subscription", Risk(ChurnRisk)),
    ("cancel my account", Risk(ChurnRisk)),
    ("cancel my contract", Risk(ChurnRisk)),
    ("cancel my membership", Risk(ChurnRisk)),
    ("cancel my service", Risk(ChurnRisk)),
    ("cancel my plan", Risk(ChurnRisk)),
    ("cancelling my", Risk(ChurnRisk)),
    ("canceling my", Risk(ChurnRisk)),
    ("close my account", Risk(ChurnRisk)),
    ("closing my account", Risk(ChurnRisk)),
    ("switching to", Risk(ChurnRisk)),
    ("switch to", Risk(ChurnRisk)),
    ("switching provider*", Risk(ChurnRisk)),
    ("switching bank*", Risk(ChurnRisk)),
    ("switch bank*", Risk(ChurnRisk)),
    ("switching carrier*", Risk(ChurnRisk)),
    ("switching network*", Risk(ChurnRisk)),
    ("moving my account", Risk(ChurnRisk)),
    ("moving my money", Risk(ChurnRisk)),
    ("leaving you", Risk(ChurnRisk)),
    ("take my business", Risk(ChurnRisk)),
    ("taking my business", Risk(ChurnRisk)),
    ("never again", Risk(ChurnRisk)),
    ("never use you", Risk(ChurnRisk)),
    ("never using you", Risk(ChurnRisk)),
    ("never fly with you", Risk(ChurnRisk)),
    ("never flying with you", Risk(ChurnRisk)),
    ("never shopping", Risk(ChurnRisk)),
    ("done with you", Risk(ChurnRisk)),
    ("go elsewhere", Risk(ChurnRisk)),
    ("going elsewhere", Risk(ChurnRisk)),
    ("port my number", Risk(ChurnRisk)),
    ("new provider", Risk(ChurnRisk)),
    ("find another", Risk(ChurnRisk)),
    ("looking for another", Risk(ChurnRisk)),
    ("won't be using", Risk(ChurnRisk)),
    ("won't be back", Risk(ChurnRisk)),
    ("last time i use", Risk(ChurnRisk)),
    ("lost a customer", Risk(ChurnRisk)),
    ("losing a customer", Risk(ChurnRisk)),
    ("unsubscrib*", Risk(ChurnRisk)),
    // time critical
    ("boards in", Risk(TimeCritical)),
    ("boarding in", Risk(TimeCritical)),
    ("flight leaves", Risk(TimeCritical)),
    ("flight is in", Risk(TimeCritical)),
    ("flight in", Risk(TimeCritical)),
    ("leaves in", Risk(TimeCritical)),
    ("departs in", Risk(TimeCritical)),
    ("rent is due", Risk(TimeCritical)),
    ("due tomorrow", Risk(TimeCritical)),
    ("due today", Risk(TimeCritical)),
    ("by tomorrow", Risk(TimeCritical)),
    ("deadline", Risk(TimeCritical)),
    ("urgent*", Risk(TimeCritical)),
    ("asap", Risk(TimeCritical)),
    ("emergency", Risk(TimeCritical)),
    ("running out of time", Risk(TimeCritical)),
    ("before midnight", Risk(TimeCritical)),
    ("my wedding", Risk(TimeCritical)),
    ("funeral", Risk(TimeCritical)),
    ("job interview", Risk(TimeCritical)),
    ("missed my flight", Risk(TimeCritical)),
    ("miss my flight", Risk(TimeCritical)),
    ("stranded", Risk(TimeCritical)),
    // service failures
    ("not working", Failure),
    ("isn't working", Failure),
    ("isnt working", Failure),
    ("doesn't work", Failure),
    ("doesnt work", Failure),
    ("does not work", Failure),
    ("stopped working", Failure),
    ("won't work", Failure),
    ("won't let me", Failure),
    ("wont let me", Failure),
    ("can't log", Failure),
    ("cant log", Failure),
    ("cannot log", Failure),
    ("unable to", Failure),
    ("can't get", Failure),
    ("cant get", Failure),
    ("can't access", Failure),
    ("keeps crashing", Failure),
    ("keeps freezing", Failure),
    ("keeps dropping", Failure),
    ("crash*", Failure),
    ("broken", Failure),
    ("broke", Failure),
    ("never arrived", Failure),
    ("never received", Failure),
    ("never got", Failure),
    ("hasn't arrived", Failure),
    ("hasnt arrived", Failure),
    ("has not arrived", Failure),
    ("didn't arrive", Failure),
    ("not arrived", Failure),
    ("not received", Failure),
    ("haven't received", Failure),
    ("havent received", Failure),
    ("not delivered", Failure),
    ("wasn't delivered", Failure),
    ("missing", Failure),
    ("lost my", Failure),
    ("wrong", Failure),
    ("error", Failure),
    ("outage", Failure),
    ("no signal", Failure),
    ("no service", Failure),
    ("no internet", Failure),
    ("no wifi", Failure),
    ("no power", Failure),
    ("no connection", Failure),
    ("went down", Failure),
    ("is down", Failure),
    ("down again", Failure),
    ("delay*", Failure),
    ("cancelled", Failure),
    ("canceled", Failure),
    ("overcharg*", Failure),
    ("charged me", Failure),
    ("damaged", Failure),
    ("faulty", Failure),
    ("defective", Failure),
    ("rude", Failure),
    ("unacceptable", Failure),
    ("ridiculous", Failure),
    ("disgrace*", Failure),
    ("useless", Failure),
    ("worst", Failure),
    ("terrible", Failure),
    ("awful", Failure),
    ("appalling", Failure),
    ("shocking", Failure),
    ("pathetic", Failure),
    ("poor service", Failure),
    ("bad service", Failure),
    ("fail", Failure),
    ("fails", Failure),
    ("failed", Failure),
    ("disappointed", Failure),
    ("disappointing", Failure),
    ("frustrat*", Failure),
    ("fed up", Failure),
    ("sick of", Failure),
    ("tired of", Failure),
    ("what a joke", Failure),
    ("a joke", Failure),
    ("rip off", Failure),
    ("ripped off", Failure),
    ("complain*", Failure),
    ("not happy", Failure),
    ("not impressed", Failure),
    ("not good enough", Failure),
    ("no excuse", Failure),
    // waiting and chasing
    ("still waiting", Chasing),
    ("still not", Chasing),
    ("still no", Chasing),
    ("still haven't", Chasing),
    ("still hasn't", Chasing),
    ("still can't", Chasing),
    ("still have not", Chasing),
    ("been waiting", Chasing),
    ("waiting for", Chasing),
    ("waited", Chasing),
    ("on hold", Chasing),
    ("no response", Chasing),
    ("no reply", Chasing),
    ("no answer", Chasing),
    ("no one", Chasing),
    ("nobody", Chasing),
    ("no help", Chasing),
    ("ignoring", Chasing),
    ("ignored", Chasing),
    ("again", Chasing),
    ("twice", Chasing),
    ("third time", Chasing),
    ("3rd time", Chasing),
    ("how many times", Chasing),
    ("every time", Chasing),
    ("yet again", Chasing),
    ("where is my", Chasing),
    ("where's my", Chasing),
    ("wheres my", Chasing),
    ("why is", Chasing),
    ("why does", Chasing),
    ("why do", Chasing),
    ("why are", Chasing),
    ("why can't", Chasing),
    ("why cant", Chasing),
    ("why isn't", Chasing),
    ("why won't", Chasing),
    ("why has", Chasing),
    ("why have", Chasing),
    ("what's going on", Chasing),
    ("what is going on", Chasing),
    ("seriously", Chasing),
    ("come on", Chasing),
    ("sort it out", Chasing),
    ("sort this out", Chasing),
    ("sort out", Chasing),
    ("fix this", Chasing),
    ("fix it", Chasing),
    ("fix your", Chasing),
    ("please fix", Chasing),
    ("please help", Chasing),
    ("need help", Chasing),
    ("any update", Chasing),
    ("any news", Chasing),
    ("chasing", Chasing),
    ("tried calling", Chasing),
    ("dm'd", Chasing),
    ("dmed", Chasing),
    ("emailed", Chasing),
    // service and money words
    ("customer service", Service),
    ("customer services", Service),
    ("customer care", Service),
    ("customer support", Service),
    ("support team", Service),
    ("refund*", Service),
    ("compensat*", Service),
    ("my money", Service),
    ("my order", Service),
    ("my package", Service),
    ("my parcel", Service),
    ("my delivery", Service),
    ("my account", Service),
    ("my bill", Service),
    ("my card", Service),
    ("my flight", Service),
    ("my bag", Service),
    ("my luggage", Service),
    ("my phone", Service),
    ("my internet", Service),
    ("your staff", Service),
    ("your service", Service),
    ("your app", Service),
    ("your website", Service),
    ("manager", Service),
    ("a week", Service),
    ("an hour", Service),
    // sarcasm
    ("thanks for nothing", Sarcasm),
    ("thanks a lot", SarcasmIfEvent),
    ("thanks for ruining", Sarcasm),
    ("thank you for ruining", Sarcasm),
    ("thanks for wasting", Sarcasm),
    ("thanks for making me", SarcasmIfEvent),
    ("thanks for", SarcasmIfEvent),
    ("yeah right", Sarcasm),
    ("so much for", Sarcasm),
    ("just what i needed", SarcasmIfEvent),
    ("exactly what i needed", SarcasmIfEvent),
    ("great another", SarcasmIfEvent),
    ("great, another", SarcasmIfEvent),
    ("oh great", SarcasmIfEvent),
    ("oh good", SarcasmIfEvent),
    ("love how", SarcasmIfEvent),
    ("love it when", SarcasmIfEvent),
    ("love that", SarcasmIfEvent),
    ("gotta love", SarcasmIfEvent),
    ("got to love", SarcasmIfEvent),
    ("nice one", SarcasmIfEvent),
    ("well done", SarcasmIfEvent),
    ("good job", SarcasmIfEvent),
    ("great job", SarcasmIfEvent),
    ("great service", SarcasmIfEvent),
    ("what a great", SarcasmIfEvent),
    ("another great", SarcasmIfEvent),
    ("brilliant service", SarcasmIfEvent),
    ("awesome service", SarcasmIfEvent),
    // suggestions
    ("you should", Suggest),
    ("you guys should", Suggest),
    ("should add", Suggest),
    ("should make", Suggest),
    ("please add", Suggest),
    ("please bring back", Suggest),
    ("bring back", Suggest),
    ("would be nice", Suggest),
    ("would be great if", Suggest),
    ("it'd be great", Suggest),
    ("would be awesome if", Suggest),
    ("would love to see", Suggest),
    ("would love it if", Suggest),
    ("suggestion", Suggest),
    ("suggest", Suggest),
    ("how about", Suggest),
    ("why not", Suggest),
    ("feature request", Suggest),
    ("i wish you", Suggest),
    ("wish you would", Suggest),
    ("wish there was", Suggest),
    ("please consider", Suggest),
    ("idea for", Suggest),
    // spam
    ("follow me", Spam),
    ("follow back", Spam),
    ("followback", Spam),
    ("follow for follow", Spam),
    ("click here", Spam),
    ("click the link", Spam),
    ("giveaway", Spam),
    ("free followers", Spam),
    ("get followers", Spam),
    ("dm me for", Spam),
    ("check out my", Spam),
    ("promo code", Spam),
    ("discount code", Spam),
    ("use code", Spam),
    ("make money", Spam),
    ("work from home", Spam),
    ("crypto", Spam),
    ("bitcoin", Spam),
    ("forex", Spam),
    ("subscribe to my", Spam),
    ("limited offer", Spam),
    ("buy now", Spam),
    ("win a", Spam),
    ("enter to win", Spam),
    ("chance to win", Spam),
    ("retweet to win", Spam),
    ("rt to win", Spam),
    // praise
    ("thank you", Praise),
    ("thanks", Praise),
    ("thank u", Praise),
    ("thx", Praise),
    ("cheers", Praise),
    ("kudos", Praise),
    ("shout out", Praise),
    ("shoutout", Praise),
    ("appreciate", Praise),
    ("love you", Praise),
    ("love your", Praise),
    ("you rock", Praise),
    ("best customer service", Praise),
    ("great customer service", Praise),
    ("excellent service", Praise),
    ("amazing service", Praise),
    ("above and beyond", Praise),
    ("so helpful", Praise),
    ("very helpful", Praise),
    ("sorted it", Praise),
    // questions
    ("does anyone know", Question),
    ("anyone know", Question),
    ("how do i", Question),
    ("how can i", Question),
    ("can i", Question),
    ("can you tell", Question),
    ("do you have", Question),
    ("do you know", Question),
    ("is there", Question),
    ("is it possible", Question),
    ("i was wondering", Question),
    ("wondering if", Question),
    ("any idea", Question),
    ("what time", Question),
    ("when will", Question),
    ("when does", Question),
    ("when is", Question),
    ("where can i", Question),
];

/// Endings a `*` word may take. Generic English endings: a few generated forms are not words,
/// which is harmless because they never occur in text.
const ENDINGS: &[&str] = &[
    "", "s", "e", "es", "ed", "d", "ing", "y", "ies", "er", "ers", "ion", "ions", "ive", "ory",
    "ist", "ists", "ism", "ment", "ments", "ous", "ly", "ic", "ia", "se", "ze", "sed", "zed",
    "sing", "zing", "sation", "zation", "ation", "ations", "t", "ts", "ful", "m", "ulent", "ster",
    "xis", "ctic", "ted", "ting", "red", "ring",
];

/// One phrase, split into lowercase words.
#[derive(Debug)]
pub(crate) struct Phrase {
    /// The words, first one included.
    pub words: Vec<String>,
    /// What it signals.
    pub cue: Cue,
}

/// All phrases (with `*` endings expanded), grouped by first word, longest first within a group.
pub(crate) static PHRASE_LIST: LazyLock<Vec<Phrase>> = LazyLock::new(|| {
    let mut out = Vec::new();
    for &(text, cue) in PHRASES {
        let (body, star) = match text.strip_suffix('*') {
            Some(b) => (b, true),
            None => (text, false),
        };
        let words: Vec<String> = body
            .split([' ', ','])
            .filter(|w| !w.is_empty())
            .map(str::to_owned)
            .collect();
        if words.is_empty() {
            continue;
        }
        if star {
            for end in ENDINGS {
                let mut w = words.clone();
                if let Some(last) = w.last_mut() {
                    last.push_str(end);
                }
                out.push(Phrase { words: w, cue });
            }
        } else {
            out.push(Phrase { words, cue });
        }
    }
    // Group by head word; longest first so the first match in a group is the longest.
    out.sort_by(|a, b| {
        a.words[0]
            .cmp(&b.words[0])
            .then(b.words.len().cmp(&a.words.len()))
    });
    // A phrase listed twice (e.g. by two `*` expansions) keeps its first cue.
    out.dedup_by(|a, b| a.words == b.words);
    out
});

/// One matched cue: which, and where in the text.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Hit {
    /// The cue.
    pub cue: Cue,
    /// Byte range in the text.
    pub start: u32,
    /// End (exclusive).
    pub end: u32,
}

/// Calls `f` for each cue found in the tokens (leftmost-longest, non-overlapping).
#[inline]
pub(crate) fn scan(toks: &[Tok], lower: &[u8], mut f: impl FnMut(Hit)) {
    let list = &*PHRASE_LIST;
    let text = |t: &Tok| &lower[t.lo as usize..t.hi as usize];
    let mut i = 0;
    while i < toks.len() {
        let t = &toks[i];
        let mut step = 1;
        if t.phr_n > 0 {
            let (a, n) = (t.phr_start as usize, t.phr_n as usize);
            for p in list.get(a..a + n).unwrap_or_default() {
                let len = p.words.len();
                if i + len > toks.len() {
                    continue;
                }
                let rest = toks[i + 1..i + len].iter().zip(&p.words[1..]);
                if rest.into_iter().all(|(t, w)| text(t) == w.as_bytes()) {
                    step = len;
                    if p.cue != Cue::Ignore {
                        f(Hit {
                            cue: p.cue,
                            start: t.lo,
                            end: toks[i + len - 1].hi,
                        });
                    }
                    break;
                }
            }
        }
        i += step;
    }
}
