//! Normalisation: a verified platform payload becomes a list of [`Event`]s in one model.
//!
//! One file per platform. Each takes a [`VerifiedBody`] (so unverified bytes cannot get here),
//! parses the platform's documented shape, and says for every item whether it is a new mention,
//! an edit, a removal, the brand answering someone, or something we ignore (and why).

pub mod generic;
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
}

/// One item of a verified delivery, in the common model.
#[derive(Debug, Clone, PartialEq)]
pub enum Event {
    /// A new mention.
    Mention(Mention),
    /// A mention whose text was edited: update what is stored, never queue again.
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
