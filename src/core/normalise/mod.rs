//! Normalisation: a verified platform payload becomes a list of [`Event`]s in one model.
//!
//! One file per platform. Each takes a [`VerifiedBody`] (so unverified bytes cannot get here),
//! parses the platform's documented shape, and says for every item whether it is a new mention,
//! an edit, a removal, the brand answering someone, or something we ignore (and why).

pub mod generic;
pub mod linkedin;
pub mod meta;
pub mod x;

use time::OffsetDateTime;

use super::mention::{Mention, Platform};

/// Largest number of items one delivery may carry; real platforms batch far fewer.
pub const MAX_ITEMS_PER_DELIVERY: usize = 100;

/// The brand answered an author (recorded on that author's context; never queued).
#[derive(Debug, Clone, PartialEq)]
pub struct BrandReply {
    /// Platform of the reply.
    pub platform: Platform,
    /// The reply's own id.
    pub reply_id: String,
    /// The author the brand answered.
    pub to_author_id: String,
    /// When the brand answered.
    pub at: OffsetDateTime,
}

/// Why an item in a delivery was not treated as a mention.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IgnoreReason {
    /// The brand's own post that answers nobody.
    OwnPost,
    /// A repost of someone else's post.
    Repost,
    /// An event type that carries no mention (likes, follows, delivery receipts...).
    NotAMention,
    /// The author is on the brand's blocked list.
    BlockedAuthor,
    /// The brand answered, but the payload does not say whom (e.g. a Page or Instagram reply to
    /// a comment: only the parent comment's id is sent). Nothing to record on an author.
    UnattributedBrandReply,
    /// A delivery receipt or read marker (WhatsApp `statuses`, Messenger `delivery`/`read`).
    Receipt,
}

/// One item of a verified delivery, in the common model.
#[derive(Debug, Clone, PartialEq)]
pub enum Event {
    /// A new mention.
    Mention(Mention),
    /// A mention whose text was edited: update what is stored; queue it only if the edit makes
    /// it need a human and it was never queued.
    Edited(Mention),
    /// A mention the author removed.
    Removed {
        /// Its platform.
        platform: Platform,
        /// Its id.
        id: String,
    },
    /// The brand answered an author.
    BrandReply(BrandReply),
    /// Nothing for us.
    Ignored(IgnoreReason),
}

/// Reads a field X documents as nullable (`"favorite_count": null`, `"verified": null`) as
/// its default, as a missing one is: with plain `#[serde(default)]` an explicit `null` refuses
/// the whole delivery, and X would redeliver the same batch until it gives up.
pub(crate) fn nullable<'de, D, T>(d: D) -> Result<T, D::Error>
where
    D: serde::Deserializer<'de>,
    T: Default + serde::Deserialize<'de>,
{
    Ok(<Option<T> as serde::Deserialize>::deserialize(d)?.unwrap_or_default())
}

/// Parses a verified body as JSON, with serde_json's nesting limit as the depth guard.
pub(crate) fn parse_json(bytes: &[u8]) -> Result<serde_json::Value, super::error::PayloadError> {
    serde_json::from_slice(bytes).map_err(|e| {
        if e.to_string().contains("recursion limit") {
            super::error::PayloadError::TooDeep
        } else {
            super::error::PayloadError::Malformed
        }
    })
}

/// An id-like JSON value as a string: platforms send ids as strings, some as numbers.
pub(crate) fn id_str(v: Option<&serde_json::Value>) -> Option<String> {
    match v? {
        serde_json::Value::String(s) if !s.is_empty() => Some(s.clone()),
        serde_json::Value::Number(n) => n.as_u64().map(|n| n.to_string()),
        _ => None,
    }
}

/// Unix seconds of 3000-01-01T00:00:00Z.
const LATEST_PLAUSIBLE: i64 = 32_503_680_000;

/// Keeps a platform timestamp only if it is between 1970 and 3000 (else the caller falls back to
/// the delivery's or the receiving time). Signed payloads are still attacker-shaped input: a
/// year-9999 or negative-year time would overflow deadline arithmetic downstream or fail RFC 3339
/// serialisation, turning one request into a crash or an endless 503/retry loop.
pub(crate) fn plausible(t: OffsetDateTime) -> Option<OffsetDateTime> {
    (0..=LATEST_PLAUSIBLE)
        .contains(&t.unix_timestamp())
        .then_some(t)
}

/// A Unix time given in seconds (number or numeric string), if plausible.
pub(crate) fn unix_secs(v: Option<&serde_json::Value>) -> Option<OffsetDateTime> {
    let secs = match v? {
        serde_json::Value::Number(n) => n.as_i64()?,
        serde_json::Value::String(s) => s.parse().ok()?,
        _ => return None,
    };
    OffsetDateTime::from_unix_timestamp(secs)
        .ok()
        .and_then(plausible)
}

/// A Unix time given in milliseconds (number or numeric string), if plausible.
pub(crate) fn unix_millis(v: Option<&serde_json::Value>) -> Option<OffsetDateTime> {
    match v? {
        serde_json::Value::Number(n) => from_millis(i128::from(n.as_i64()?)),
        serde_json::Value::String(s) => millis_str(s),
        _ => None,
    }
}

/// Unix milliseconds as a decimal string (X's `timestamp_ms`, `created_timestamp`), if plausible.
pub(crate) fn millis_str(s: &str) -> Option<OffsetDateTime> {
    from_millis(s.parse().ok()?)
}

fn from_millis(ms: i128) -> Option<OffsetDateTime> {
    OffsetDateTime::from_unix_timestamp_nanos(ms.checked_mul(1_000_000)?)
        .ok()
        .and_then(plausible)
}

/// Author id used when a platform names no author (Instagram mentions, some Page mentions,
/// LinkedIn notifications without an actor). It is unique per item, so unrelated anonymous
/// mentions never count as one person's "repeat contacts".
pub(crate) fn unattributed_author(id: &str) -> String {
    format!("unattributed:{id}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn implausible_times_are_dropped() {
        use serde_json::json;
        assert!(unix_secs(Some(&json!(1763632800))).is_some());
        assert!(unix_secs(Some(&json!("1763632800"))).is_some());
        for bad in [
            json!(-1),
            json!(253402300799i64),
            json!(i64::MAX),
            json!("x"),
            json!(1.5),
        ] {
            assert_eq!(unix_secs(Some(&bad)), None, "{bad}");
        }
        assert!(unix_millis(Some(&json!(1763632800000i64))).is_some());
        assert_eq!(unix_millis(Some(&json!(i64::MAX))), None);
        assert_eq!(unix_millis(Some(&json!(-5))), None);
    }
}
