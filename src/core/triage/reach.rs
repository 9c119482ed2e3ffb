//! Reach (how many people can see the mention) and the risk score.
//!
//! Risk is a noisy-OR of independent signals: `1 - Π(1 - wᵢ)`. Every signal only ever multiplies
//! the "no risk" product down, so more reach or an added flag can never lower the risk. The
//! text-mood signal is capped at [`MOOD_MAX`], below the smallest risk-flag weight, so an added
//! risk phrase that happens to soften the tone still cannot lower the total.

use super::{Context, Flag};
use crate::core::mention::{Mention, Visibility};

/// Most the text's mood (complaint probability, negativity) adds on its own.
pub(crate) const MOOD_MAX: f32 = 0.3;
/// Most reach adds on its own.
const REACH_MAX: f32 = 0.45;
/// Followers at which the follower part of reach saturates (10^6).
const FOLLOWER_DECADES: f32 = 6.0;
/// Followers from which a public author counts as high reach.
pub(crate) const HIGH_REACH_FOLLOWERS: u64 = 10_000;
/// Engagement (likes + 2×reposts + replies + quotes) from which a post counts as high reach.
const HIGH_REACH_ENGAGEMENT: u64 = 100;

/// Reach of a mention.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Reach {
    /// In [0, 1]; 0 for private messages.
    pub score: f32,
    /// Whether it counts as high reach.
    pub high: bool,
}

fn engagement(m: &Mention) -> u64 {
    m.engagement.map_or(0, |e| {
        e.likes
            .saturating_add(e.reposts.saturating_mul(2))
            .saturating_add(e.replies)
            .saturating_add(e.quotes)
    })
}

/// Followers on a log scale, plus verification and engagement; private messages have none.
pub(crate) fn reach(m: &Mention) -> Reach {
    if m.visibility == Visibility::Private {
        return Reach {
            score: 0.0,
            high: false,
        };
    }
    let followers = m.author.followers.unwrap_or(0);
    // f32 logarithms: half the cost of f64 ones, and reach is an f32 score anyway.
    let f = ((followers as f32 + 1.0).log10() / FOLLOWER_DECADES).min(1.0);
    let eng = engagement(m);
    let e = if eng == 0 {
        0.0
    } else {
        ((eng as f32 + 1.0).log10() / 4.0).min(1.0)
    };
    let v = if m.author.verified { 0.25 } else { 0.0 };
    let score = (0.7 * f + 0.3 * e + v).min(1.0);
    let high =
        followers >= HIGH_REACH_FOLLOWERS || m.author.verified || eng >= HIGH_REACH_ENGAGEMENT;
    Reach { score, high }
}

/// "reach: 48k followers, verified, 230 engagements".
pub(crate) fn describe(m: &Mention) -> String {
    let f = m.author.followers.unwrap_or(0);
    let count = match f {
        0..=999 => f.to_string(),
        1_000..=999_999 => format!("{}k", f / 1_000),
        _ => format!("{:.1}M", f as f64 / 1e6),
    };
    let mut s = format!("reach: {count} followers");
    if m.author.verified {
        s.push_str(", verified");
    }
    let e = engagement(m);
    if e >= HIGH_REACH_ENGAGEMENT {
        s.push_str(&format!(", {e} engagements"));
    }
    s
}

/// Weight of each flag in the noisy-OR (reach-type flags are counted through `reach` instead).
fn flag_weight(f: Flag) -> f32 {
    match f {
        Flag::LegalThreat => 0.7,
        Flag::Safety => 0.7,
        Flag::FraudSecurity => 0.6,
        Flag::Discrimination => 0.6,
        Flag::Press => 0.5,
        Flag::ChurnRisk => 0.35,
        Flag::TimeCritical => 0.35,
        Flag::Surge => 0.2,
        Flag::ContentUnavailable => 0.1,
        Flag::RepeatContact | Flag::HighReach => 0.0,
    }
}

/// Risk in [0, 1] from the flags, the text mood (0..1), reach and the author's history.
pub(crate) fn risk(flags: &[Flag], mood: f32, reach: f32, ctx: &Context) -> f64 {
    let mut keep = 1.0f32;
    for f in flags {
        keep *= 1.0 - flag_weight(*f);
    }
    keep *= 1.0 - MOOD_MAX * mood.clamp(0.0, 1.0);
    keep *= 1.0 - REACH_MAX * reach.clamp(0.0, 1.0);
    if ctx.recent_contacts > 0 {
        let n = ctx.recent_contacts.min(4) as f32;
        let unanswered = if ctx.brand_answered { 0.0 } else { 0.1 };
        keep *= 1.0 - (0.1 + 0.05 * n + unanswered);
    }
    f64::from((1.0 - keep).clamp(0.0, 1.0))
}
