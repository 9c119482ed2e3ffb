//! Behaviour tests of the triage core: each flag with positive and negative examples, sarcasm,
//! negation, social-text handling, reach, priority, routing, and the invariants as properties.
//! All examples are hand-written here.

use proptest::prelude::*;

use super::*;
use crate::core::brand::BrandRules;

fn mention_full(
    text: Option<&str>,
    followers: u64,
    verified: bool,
    public: bool,
    likes: u64,
) -> Mention {
    let json = serde_json::json!({
        "platform": "x", "id": "1", "text": text,
        "author": {"id": "42", "handle": "jane", "followers": followers, "verified": verified},
        "visibility": if public { "public" } else { "private" },
        "created_at": "2026-11-20T10:00:00Z",
        "engagement": {"likes": likes, "reposts": 0, "replies": 0, "quotes": 0},
    });
    Mention::parse_json(
        &json.to_string(),
        time::macros::datetime!(2026-11-20 10:00 UTC),
    )
    .expect("test mention parses")
}

fn mention(text: &str) -> Mention {
    mention_full(Some(text), 120, false, true, 0)
}

fn t(text: &str) -> Triage {
    triage(&mention(text), &Context::default(), &BrandRules::default())
}

fn has(text: &str, f: Flag) -> bool {
    t(text).flags.contains(&f)
}

#[test]
fn each_text_flag_fires_on_its_phrases_and_not_on_look_alikes() {
    let cases: &[(Flag, &[&str], &[&str])] = &[
        (
            Flag::LegalThreat,
            &[
                "@AcmeBank fix this or my lawyer will be in touch",
                "I'm taking legal action against @AcmeAir",
                "reporting you to the ombudsman",
            ],
            &["the lawn looks great", "issue with my order"],
        ),
        (
            Flag::Safety,
            &[
                "your charger caught fire on my desk",
                "got food poisoning after eating at @AcmeBurger",
                "the pharmacy gave me the wrong medication",
                "my son was injured by the toy",
            ],
            &["this new album is on fire", "firefox keeps crashing"],
        ),
        (
            Flag::FraudSecurity,
            &[
                "my account was hacked and money is gone",
                "someone stole my card, there are unauthorized payments",
                "you leaked my data in a data breach",
            ],
            &["hackathon this weekend at @Acme!", "my card works fine"],
        ),
        (
            Flag::Press,
            &[
                "I'm a journalist at the Times, can someone comment",
                "writing a story about @AcmeAir delays, please DM",
            ],
            &[
                "read a great story today",
                "the press conference was boring",
            ],
        ),
        (
            Flag::Discrimination,
            &[
                "your staff were openly racist to my mother",
                "refused service because of my disability, that's discrimination",
            ],
            &[
                "race day at the track!",
                "great accessibility at @AcmeHotel",
            ],
        ),
        (
            Flag::ChurnRisk,
            &[
                "I want to cancel my subscription today",
                "switching to @Rival after this, never again",
                "never buying from @AcmeShop again",
            ],
            &[
                "my flight was cancelled",
                "can't switch off the alarm",
                "I never buy coffee at airports",
            ],
        ),
        (
            Flag::TimeCritical,
            &[
                "my flight boards in 40 minutes and no one is at the desk",
                "rent is due tomorrow and the transfer has not arrived",
                "need this fixed in 2 hours please",
            ],
            &["I waited 2 hours yesterday", "in 2019 it was fine"],
        ),
    ];
    for (flag, yes, no) in cases {
        for y in *yes {
            assert!(has(y, *flag), "{flag:?} should fire on {y:?}: {:?}", t(y));
        }
        for n in *no {
            assert!(
                !has(n, *flag),
                "{flag:?} should not fire on {n:?}: {:?}",
                t(n)
            );
        }
    }
}

#[test]
fn context_flags_come_from_context_and_metadata() {
    let m = mention("where is my parcel?");
    let rules = BrandRules::default();
    let plain = triage(&m, &Context::default(), &rules);
    assert!(!plain.flags.contains(&Flag::RepeatContact));
    assert!(!plain.flags.contains(&Flag::Surge));
    let ctx = Context {
        recent_contacts: 2,
        brand_answered: false,
        surge: true,
    };
    let busy = triage(&m, &ctx, &rules);
    assert!(busy.flags.contains(&Flag::RepeatContact));
    assert!(busy.flags.contains(&Flag::Surge));
    assert!(busy.risk > plain.risk);
    assert!(busy
        .reasons
        .iter()
        .any(|r| r.contains("2 earlier mentions")));

    let none = triage(
        &mention_full(None, 10, false, true, 0),
        &Context::default(),
        &rules,
    );
    assert_eq!(none.flags, vec![Flag::ContentUnavailable]);
    assert_eq!(none.category, Category::Neutral);
    assert!(!has("hello", Flag::ContentUnavailable));
}

#[test]
fn high_reach_needs_a_public_audience() {
    let rules = BrandRules::default();
    let ctx = Context::default();
    let big = triage(
        &mention_full(Some("my order is late"), 48_000, true, true, 0),
        &ctx,
        &rules,
    );
    assert!(big.flags.contains(&Flag::HighReach));
    assert!(big
        .reasons
        .iter()
        .any(|r| r == "reach: 48k followers, verified"));
    let dm = triage(
        &mention_full(Some("my order is late"), 48_000, true, false, 0),
        &ctx,
        &rules,
    );
    assert!(!dm.flags.contains(&Flag::HighReach));
    let small = triage(
        &mention_full(Some("my order is late"), 50, false, true, 0),
        &ctx,
        &rules,
    );
    assert!(!small.flags.contains(&Flag::HighReach));
    let viral = triage(
        &mention_full(Some("my order is late"), 50, false, true, 5_000),
        &ctx,
        &rules,
    );
    assert!(viral.flags.contains(&Flag::HighReach));
}

#[test]
fn sarcasm_reads_as_a_complaint() {
    for text in [
        "@AcmeAir thanks for ruining my morning",
        "great, another 3 hour delay @AcmeRail",
        "love how my package is lost again @AcmePost",
        "@AcmeTel thanks for nothing",
    ] {
        let r = t(text);
        assert_eq!(r.category, Category::Complaint, "{text}: {r:?}");
        assert_eq!(r.sentiment, Sentiment::Negative, "{text}: {r:?}");
        assert!(r.reasons.iter().any(|x| x.starts_with("sarcasm")), "{r:?}");
    }
    // Sincere thanks is praise, not sarcasm.
    let r = t("@AcmeAir thanks for the upgrade, lovely crew!");
    assert_eq!(r.category, Category::Praise, "{r:?}");
    assert_eq!(r.sentiment, Sentiment::Positive);
}

#[test]
fn negation_intensifiers_caps_and_elongation() {
    let s = |x: &str| t(x).sentiment_score;
    assert!(s("not bad at all") > 0.0);
    assert!(s("the food was not good") < 0.0);
    assert!(s("this is very good") > s("this is good"));
    assert!(s("this is GOOD but meh") > s("this is good but meh"));
    assert!(s("sooooo good") > s("so good"));
    assert!(s("good!!!") > s("good"));
    assert!(s("the app is good but the staff are terrible") < 0.0);
    assert!(s("😀😀") > 0.0);
    assert!(s("worst. service. ever. :(") < -0.5);
    // handles, URLs and hashtags do not carry sentiment by themselves, hashtag words do.
    assert_eq!(s("@happy https://great.example"), 0.0);
    assert!(s("#fail") < 0.0);
}

#[test]
fn categories() {
    assert_eq!(
        t("@AcmeBank my card was declined twice and no one answers the phone").category,
        Category::Complaint
    );
    assert_eq!(
        t("does anyone know what time the store opens on sunday?").category,
        Category::Question
    );
    assert_eq!(
        t("@AcmeCafe you should add oat milk to the menu").category,
        Category::Suggestion
    );
    assert_eq!(
        t("huge shout out to @AcmeAir crew, amazing service today!").category,
        Category::Praise
    );
    assert_eq!(
        t("follow back for a chance to win a giveaway http://spam.example").category,
        Category::Spam
    );
    assert_eq!(t("at the airport").category, Category::Neutral);
}

#[test]
fn complaint_cue_families_without_strong_words() {
    // Complaints that name a fault, a defect, a broken promise or an unanswered chase in
    // plain words, with little negative vocabulary.
    for text in [
        "@AcmeShop there's an issue with my order, the jumper arrived ripped",
        "@AcmeEnergy I was told an engineer would come today, nobody showed up",
        "@AcmeTel what gives? the internet has been out all day, second time this week",
        "@AcmeApp the app keeps crashing since the update",
    ] {
        let r = t(text);
        assert_eq!(r.category, Category::Complaint, "{text}: {r:?}");
    }
    // Not complaints: a care agent's reply, plain information questions, a polite "no problem".
    for text in [
        "@jane sorry to hear that, please DM us your order number and we'll look into it",
        "@AcmeShop do you ship to Ireland?",
        "@AcmeShop is the black dress back in stock in size 10?",
        "@AcmeAir no problem at all, thanks for the quick reply!",
    ] {
        let r = t(text);
        assert_ne!(r.category, Category::Complaint, "{text}: {r:?}");
    }
    assert_eq!(
        t("@AcmeShop do you ship to Ireland?").category,
        Category::Question
    );
}

#[test]
fn priority_route_sla_and_reasons() {
    let r = t("@AcmeBank you charged me twice, my lawyer will hear about this");
    assert_eq!(r.priority, Priority::P1);
    assert!(r.queue);
    assert_eq!(r.route, "legal");
    assert_eq!(
        r.respond_by,
        time::macros::datetime!(2026-11-20 10:15 UTC),
        "P1 deadline is created_at + 15 min"
    );
    assert!(r.reasons.iter().any(|x| x == "legal threat: 'my lawyer'"));
    assert!(r.risk > 0.7);

    let r = t("my account was hacked");
    assert_eq!(r.route, "security");
    let r = t("I'm a reporter writing a story on this");
    assert_eq!(r.route, "pr");

    let p = t("lovely day at the beach");
    assert_eq!(p.priority, Priority::P4);
    assert!(!p.queue);

    let rules = BrandRules::from_toml(
        r#"
vip_authors = ["jane"]
[[departments]]
name = "auto_services"
keywords = ["car loan"]
[[extra_risk_terms]]
phrase = "regulator"
flag = "legal_threat"
"#,
    )
    .expect("rules parse");
    let ctx = Context::default();
    let v = triage(&mention("nice weather"), &ctx, &rules);
    assert!(v.queue, "VIP always reaches a human: {v:?}");
    assert!(v.reasons.iter().any(|x| x.starts_with("VIP")));
    let d = triage(&mention("my car loan statement is wrong"), &ctx, &rules);
    assert_eq!(d.route, "auto_services");
    let x = triage(&mention("I will write to the regulator"), &ctx, &rules);
    assert!(x.flags.contains(&Flag::LegalThreat));
    assert_eq!(x.route, "legal");
}

#[test]
fn serialises_exactly_the_spec_fields() {
    let v = serde_json::to_value(t("my lawyer")).expect("serialises");
    let keys: Vec<&str> = v
        .as_object()
        .expect("object")
        .keys()
        .map(String::as_str)
        .collect();
    let mut want = [
        "platform",
        "id",
        "category",
        "sentiment",
        "sentiment_score",
        "flags",
        "priority",
        "risk",
        "queue",
        "respond_by",
        "route",
        "reasons",
    ];
    want.sort_unstable();
    let mut got = keys.clone();
    got.sort_unstable();
    assert_eq!(got, want);
    assert_eq!(v["respond_by"], "2026-11-20T10:15:00Z");
}

const RISK_PHRASES: &[&str] = &[
    "my lawyer",
    "food poisoning",
    "hacked",
    "journalist",
    "racist",
    "cancel my account",
    "boards in 40 minutes",
    "data breach",
];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn more_followers_never_lowers_risk(text in "\\PC{0,80}", a in 0u64..10_000_000, b in 0u64..10_000_000, verified: bool, public: bool) {
        let (lo, hi) = (a.min(b), a.max(b));
        let rules = BrandRules::default();
        let ctx = Context::default();
        let r_lo = triage(&mention_full(Some(&text), lo, verified, public, 0), &ctx, &rules);
        let r_hi = triage(&mention_full(Some(&text), hi, verified, public, 0), &ctx, &rules);
        prop_assert!(r_hi.risk >= r_lo.risk);
    }

    #[test]
    fn adding_a_risk_phrase_never_lowers_risk(text in "[a-zA-Z @!?.,']{0,80}", i in 0usize..RISK_PHRASES.len(), followers in 0u64..1_000_000) {
        let rules = BrandRules::default();
        let ctx = Context::default();
        let before = triage(&mention_full(Some(&text), followers, false, true, 0), &ctx, &rules);
        let more = format!("{text} {}", RISK_PHRASES[i]);
        let after = triage(&mention_full(Some(&more), followers, false, true, 0), &ctx, &rules);
        prop_assert!(after.risk >= before.risk, "{} -> {}", before.risk, after.risk);
        prop_assert!(after.flags.len() >= before.flags.len());
    }

    #[test]
    fn private_is_never_more_reach_than_public(text in "\\PC{0,80}", followers in 0u64..10_000_000, verified: bool, likes in 0u64..100_000) {
        let rules = BrandRules::default();
        let ctx = Context::default();
        let public = triage(&mention_full(Some(&text), followers, verified, true, likes), &ctx, &rules);
        let private = triage(&mention_full(Some(&text), followers, verified, false, likes), &ctx, &rules);
        prop_assert!(private.risk <= public.risk);
        prop_assert!(!private.flags.contains(&Flag::HighReach));
    }

    #[test]
    fn output_is_deterministic_and_in_range(text in "\\PC{0,200}") {
        let a = t(&text);
        let b = t(&text);
        prop_assert_eq!(&a, &b);
        prop_assert!((0.0..=1.0).contains(&a.risk));
        prop_assert!((-1.0..=1.0).contains(&a.sentiment_score));
        prop_assert_eq!(a.queue, a.priority <= Priority::P2);
    }
}
