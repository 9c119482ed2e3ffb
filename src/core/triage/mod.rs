//! Triage (`mention-triage/triage@1`): category, sentiment, risk flags, reach, priority, SLA
//! deadline, route and the reasons behind each decision.
//!
//! Pure and deterministic: the same mention, context and rules always give the same triage. No
//! I/O, no clock (the deadline counts from the mention's own `created_at`).

use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

use super::brand::BrandRules;
use super::mention::{Mention, Visibility};

/// Schema tag carried by serialised triage objects.
pub const TRIAGE_SCHEMA: &str = "mention-triage/triage@1";

/// What kind of message it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Category {
    /// Something went wrong for the author.
    Complaint,
    /// The author asks something.
    Question,
    /// The author is happy.
    Praise,
    /// The author proposes an improvement.
    Suggestion,
    /// Nothing to act on.
    Neutral,
    /// Promotion, scam or bot noise.
    Spam,
}

/// Coarse sentiment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Sentiment {
    /// Score below -0.05.
    Negative,
    /// Score within ±0.05.
    Neutral,
    /// Score above 0.05.
    Positive,
}

/// A risk or context signal.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Flag {
    /// Lawyers, lawsuits, regulators.
    LegalThreat,
    /// Injury, fire, food poisoning, medication.
    Safety,
    /// Stolen money, hacked account, data breach.
    FraudSecurity,
    /// Journalists, "writing a story".
    Press,
    /// Racism, sexism and other discrimination.
    Discrimination,
    /// Cancelling, switching to a competitor.
    ChurnRisk,
    /// A deadline in the author's life ("boards in 40 minutes").
    TimeCritical,
    /// The author contacted the brand before in the last 24 h.
    RepeatContact,
    /// A large or verified audience.
    HighReach,
    /// Part of a surge of mentions about the same thing.
    Surge,
    /// The platform sent no text.
    ContentUnavailable,
}

/// How soon a human must answer. Ordered most urgent first (`P1 < P2`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Priority {
    /// A human within 15 minutes.
    P1,
    /// Within an hour.
    P2,
    /// Within four hours.
    P3,
    /// No answer needed.
    P4,
}

impl Priority {
    /// `"P1"`..`"P4"`.
    pub fn as_str(self) -> &'static str {
        match self {
            Priority::P1 => "P1",
            Priority::P2 => "P2",
            Priority::P3 => "P3",
            Priority::P4 => "P4",
        }
    }
}

/// What the triage learned from state: the author's history and current surges.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Context {
    /// Other mentions by the same author in the last 24 h.
    pub recent_contacts: u32,
    /// Whether the brand already answered this author in that window.
    pub brand_answered: bool,
    /// Whether mentions like this one are surging right now.
    pub surge: bool,
}

/// The triage decision for one mention.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Triage {
    /// The mention's platform.
    pub platform: String,
    /// The mention's id.
    pub id: String,
    /// Category.
    pub category: Category,
    /// Coarse sentiment.
    pub sentiment: Sentiment,
    /// Continuous sentiment in [-1, 1].
    pub sentiment_score: f64,
    /// Risk and context flags, sorted.
    pub flags: Vec<Flag>,
    /// Priority.
    pub priority: Priority,
    /// Risk in [0, 1].
    pub risk: f64,
    /// Whether it goes to the human queue.
    pub queue: bool,
    /// Answer deadline.
    #[serde(with = "time::serde::rfc3339")]
    pub respond_by: OffsetDateTime,
    /// `care`, `pr`, `legal`, `security` or a brand department.
    pub route: String,
    /// One short sentence per signal that moved the decision.
    pub reasons: Vec<String>,
}

/// Built-in risk phrases, lowercase. The quality work replaces this with a fuller model.
const RISK_PHRASES: &[(&str, Flag)] = &[
    ("lawyer", Flag::LegalThreat),
    ("lawsuit", Flag::LegalThreat),
    ("sue you", Flag::LegalThreat),
    ("legal action", Flag::LegalThreat),
    ("injur", Flag::Safety),
    ("fire", Flag::Safety),
    ("food poisoning", Flag::Safety),
    ("hacked", Flag::FraudSecurity),
    ("fraud", Flag::FraudSecurity),
    ("stolen", Flag::FraudSecurity),
    ("charged twice", Flag::FraudSecurity),
    ("journalist", Flag::Press),
    ("writing a story", Flag::Press),
    ("racist", Flag::Discrimination),
    ("cancel", Flag::ChurnRisk),
    ("switching to", Flag::ChurnRisk),
    ("in 40 minutes", Flag::TimeCritical),
];

const NEGATIVE: &[&str] = &[
    "charged", "broken", "worst", "terrible", "angry", "never", "refund", "awful", "hate",
];
const POSITIVE: &[&str] = &["thanks", "thank you", "love", "great", "awesome", "amazing"];

/// Triages one mention. Pure and deterministic.
pub fn triage(m: &Mention, ctx: &Context, rules: &BrandRules) -> Triage {
    let text = m.text_or_empty().to_lowercase();
    let mut reasons = Vec::new();
    let mut flags = Vec::new();
    for (phrase, flag) in RISK_PHRASES {
        if text.contains(phrase) && !flags.contains(flag) {
            flags.push(*flag);
            reasons.push(format!("{}: '{}'", flag_label(*flag), phrase));
        }
    }
    for t in &rules.extra_risk_terms {
        if text.contains(&t.phrase) && !flags.contains(&t.flag) {
            flags.push(t.flag);
            reasons.push(format!("{}: '{}'", flag_label(t.flag), t.phrase));
        }
    }
    let neg = NEGATIVE.iter().filter(|w| text.contains(*w)).count() as f64;
    let pos = POSITIVE.iter().filter(|w| text.contains(*w)).count() as f64;
    let sentiment_score = ((pos - neg) / (pos + neg + 1.0)).clamp(-1.0, 1.0);
    let sentiment = if sentiment_score < -0.05 {
        Sentiment::Negative
    } else if sentiment_score > 0.05 {
        Sentiment::Positive
    } else {
        Sentiment::Neutral
    };
    let category = if m.text.is_none() {
        Category::Neutral
    } else if sentiment == Sentiment::Negative || !flags.is_empty() {
        Category::Complaint
    } else if text.contains('?') {
        Category::Question
    } else if sentiment == Sentiment::Positive {
        Category::Praise
    } else {
        Category::Neutral
    };
    if m.text.is_none() {
        flags.push(Flag::ContentUnavailable);
        reasons.push("content unavailable: the platform sent no text".into());
    }
    let followers = m.author.followers.unwrap_or(0);
    let public = m.visibility == Visibility::Public;
    let reach = if public {
        ((followers as f64 + 1.0).log10() / 7.0).min(1.0)
    } else {
        0.0
    };
    if public && (followers >= 10_000 || m.author.verified) {
        flags.push(Flag::HighReach);
        reasons.push(format!(
            "reach: {} followers{}",
            followers,
            if m.author.verified { ", verified" } else { "" }
        ));
    }
    if ctx.recent_contacts > 0 {
        flags.push(Flag::RepeatContact);
        reasons.push(format!(
            "repeat contact: {} earlier mention(s) in 24 h",
            ctx.recent_contacts
        ));
    }
    if ctx.surge {
        flags.push(Flag::Surge);
        reasons.push("surge: many similar mentions right now".into());
    }
    let risk_flags = flags.iter().filter(|f| is_risk(**f)).count() as f64;
    let neg_part = if sentiment == Sentiment::Negative {
        0.25
    } else {
        0.0
    };
    let risk = (0.15 * risk_flags.min(3.0) + neg_part + 0.3 * reach).min(1.0) * 0.999
        + 0.001 * risk_flags.min(1.0);
    let risk = risk.clamp(0.0, 1.0);
    let vip = rules.is_vip(&m.author.id, m.author.handle.as_deref());
    let priority = if vip
        || risk >= 0.6
        || flags
            .iter()
            .any(|f| matches!(f, Flag::LegalThreat | Flag::Safety))
    {
        Priority::P1
    } else if risk >= 0.35 || category == Category::Complaint {
        Priority::P2
    } else if matches!(category, Category::Question | Category::Suggestion) {
        Priority::P3
    } else {
        Priority::P4
    };
    if vip {
        reasons.push("VIP author".into());
    }
    let route = route_for(&flags, &text, rules);
    flags.sort();
    let minutes = rules.sla_minutes.for_priority(priority);
    Triage {
        platform: m.platform.to_string(),
        id: m.id.clone(),
        category,
        sentiment,
        sentiment_score,
        flags,
        priority,
        risk: (risk * 1000.0).round() / 1000.0,
        queue: priority <= rules.queue_threshold,
        respond_by: m.created_at + time::Duration::minutes(i64::from(minutes)),
        route,
        reasons,
    }
}

fn is_risk(f: Flag) -> bool {
    !matches!(
        f,
        Flag::HighReach | Flag::RepeatContact | Flag::Surge | Flag::ContentUnavailable
    )
}

fn route_for(flags: &[Flag], text: &str, rules: &BrandRules) -> String {
    if flags.contains(&Flag::LegalThreat) {
        return "legal".into();
    }
    if flags.contains(&Flag::FraudSecurity) {
        return "security".into();
    }
    if flags.contains(&Flag::Press) {
        return "pr".into();
    }
    for d in &rules.departments {
        if d.keywords.iter().any(|k| text.contains(k.as_str())) {
            return d.name.clone();
        }
    }
    "care".into()
}

/// Human label of a flag, as used in reasons.
pub fn flag_label(f: Flag) -> &'static str {
    match f {
        Flag::LegalThreat => "legal threat",
        Flag::Safety => "safety",
        Flag::FraudSecurity => "fraud or security",
        Flag::Press => "press",
        Flag::Discrimination => "discrimination",
        Flag::ChurnRisk => "churn risk",
        Flag::TimeCritical => "time critical",
        Flag::RepeatContact => "repeat contact",
        Flag::HighReach => "high reach",
        Flag::Surge => "surge",
        Flag::ContentUnavailable => "content unavailable",
    }
}
