//! The normalised mention (`mention-triage/mention@1`): one model for every platform.
//!
//! A [`Mention`] can only be built inside `core` (by a normaliser, or by [`Mention::parse_json`]
//! for already-normalised input), so holding one proves its required fields were present and sane.

use std::borrow::Cow;

use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

use super::error::PayloadError;

/// Longest id, handle or platform name we accept; anything longer is not a real platform value.
const MAX_ID_LEN: usize = 256;
/// Longest text we keep: far above any platform's post limit, so only abuse (or a pasted
/// article on the generic route) is cut, at a character boundary, never refused: refusing one
/// mention would refuse its whole delivery, and the sender would retry it in vain.
const MAX_TEXT_LEN: usize = 64 * 1024;

/// Whether SQS can carry the character in a message body: it refuses U+FFFE and U+FFFF (and
/// lone surrogates, which a Rust string cannot hold), and a mention it can never send would
/// get a 503 on every retry of its delivery.
fn sqs_can_carry(c: char) -> bool {
    !matches!(c, '\u{FFFE}' | '\u{FFFF}')
}

/// Whether a short field can be stored and queued as it is: no control character, nothing SQS
/// refuses.
fn storable(s: &str) -> bool {
    !s.chars().any(|c| c.is_control() || !sqs_can_carry(c))
}

/// The text as stored and queued: control characters other than tab and line breaks become
/// spaces (JSON writes each as six bytes, so 64 KiB of them would outgrow a DynamoDB item),
/// characters SQS refuses become U+FFFD, and anything past [`MAX_TEXT_LEN`] is cut.
fn clean_text(t: String) -> String {
    let keep = |c: char| (!c.is_control() || matches!(c, '\t' | '\n' | '\r')) && sqs_can_carry(c);
    let mut t = if t.chars().all(keep) {
        t
    } else {
        t.chars()
            .map(|c| match c {
                c if keep(c) => c,
                c if c.is_control() => ' ',
                _ => '\u{FFFD}',
            })
            .collect()
    };
    if t.len() > MAX_TEXT_LEN {
        let mut end = MAX_TEXT_LEN;
        while !t.is_char_boundary(end) {
            end -= 1;
        }
        t.truncate(end);
    }
    t
}

/// Schema tag carried by serialised mentions.
pub const MENTION_SCHEMA: &str = "mention-triage/mention@1";

/// A platform name: lowercase ASCII letters, digits, `_` or `-` (e.g. `x`, `facebook`, `generic`).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(transparent)]
pub struct Platform(Cow<'static, str>);

impl Platform {
    /// X (Twitter).
    pub const X: Self = Self(Cow::Borrowed("x"));
    /// Facebook Pages and Messenger.
    pub const FACEBOOK: Self = Self(Cow::Borrowed("facebook"));
    /// Instagram.
    pub const INSTAGRAM: Self = Self(Cow::Borrowed("instagram"));
    /// WhatsApp Business.
    pub const WHATSAPP: Self = Self(Cow::Borrowed("whatsapp"));
    /// LinkedIn organisation pages.
    pub const LINKEDIN: Self = Self(Cow::Borrowed("linkedin"));
    /// A listening tool posting normalised mentions.
    pub const GENERIC: Self = Self(Cow::Borrowed("generic"));

    /// Platforms we normalise ourselves: parsing one of these names shares the constant, so
    /// cloning the platform (every triage carries one) allocates nothing.
    const KNOWN: [Self; 6] = [
        Self::X,
        Self::FACEBOOK,
        Self::INSTAGRAM,
        Self::WHATSAPP,
        Self::LINKEDIN,
        Self::GENERIC,
    ];

    /// Parses a platform name, rejecting empty, long or non-slug values.
    pub fn parse(s: &str) -> Result<Self, PayloadError> {
        let ok = !s.is_empty()
            && s.len() <= 32
            && s.bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_' || b == b'-');
        if ok {
            Ok(Self::KNOWN
                .into_iter()
                .find(|k| k.as_str() == s)
                .unwrap_or_else(|| Self(Cow::Owned(s.to_owned()))))
        } else {
            Err(PayloadError::Invalid("platform"))
        }
    }

    /// The name as sent on the wire.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Display for Platform {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// Checks an identifier-like string: non-empty, bounded, no control characters.
pub(crate) fn parse_id(s: &str, field: &'static str) -> Result<String, PayloadError> {
    if s.is_empty() || s.len() > MAX_ID_LEN || !storable(s) {
        return Err(PayloadError::Invalid(field));
    }
    Ok(s.to_owned())
}

/// Who wrote the mention, with what the platform tells us of their reach.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Author {
    /// The platform's stable id for the author.
    pub id: String,
    /// The public handle, without `@`, when known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub handle: Option<String>,
    /// The display name the platform shows ("José Pérez"), when it sends one: what an agent
    /// greets the author by. Never used for triage.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Follower count when the platform sends it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub followers: Option<u64>,
    /// Whether the platform marks the author as verified.
    pub verified: bool,
}

/// Whether the mention is visible to the public or only to the brand.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Visibility {
    /// A public post, reply or comment.
    Public,
    /// A direct or private message.
    Private,
}

/// Public engagement counters, when the platform sends them.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Engagement {
    /// Likes / favourites.
    pub likes: u64,
    /// Reposts / retweets / shares.
    pub reposts: u64,
    /// Replies.
    pub replies: u64,
    /// Quotes.
    pub quotes: u64,
}

/// A mention of the brand, normalised from any platform.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Mention {
    /// Which platform it came from.
    pub platform: Platform,
    /// The platform's id for the post, comment or message.
    pub id: String,
    /// The text; `None` when the platform sends none (flagged `content_unavailable`).
    pub text: Option<String>,
    /// The author.
    pub author: Author,
    /// Public or private.
    pub visibility: Visibility,
    /// When it was posted.
    #[serde(with = "time::serde::rfc3339")]
    pub created_at: OffsetDateTime,
    /// Thread / conversation id.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub conversation_id: Option<String>,
    /// The post this one answers.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub in_reply_to: Option<String>,
    /// Language tag (BCP-47) when known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lang: Option<String>,
    /// Engagement counters when known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub engagement: Option<Engagement>,
    /// Link to the post when known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// The brand's own account it reached, when the platform says: the X user id, the
    /// Facebook Page or Instagram account id, the WhatsApp phone number id, the LinkedIn
    /// organisation URN. A brand with several accounts answers from this one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub account: Option<String>,
    #[serde(skip)]
    _sealed: Sealed,
}

/// Only `core` can build a [`Mention`].
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub(crate) struct Sealed;

/// The parts of a mention a normaliser fills in; [`MentionParts::build`] checks them.
#[derive(Debug, Clone)]
pub(crate) struct MentionParts {
    pub platform: Platform,
    pub id: String,
    pub text: Option<String>,
    pub author_id: String,
    pub handle: Option<String>,
    pub name: Option<String>,
    pub followers: Option<u64>,
    pub verified: bool,
    pub visibility: Visibility,
    pub created_at: OffsetDateTime,
    pub conversation_id: Option<String>,
    pub in_reply_to: Option<String>,
    pub lang: Option<String>,
    pub engagement: Option<Engagement>,
    pub url: Option<String>,
    pub account: Option<String>,
}

impl MentionParts {
    /// Validates ids and bounds, then seals the mention.
    pub fn build(self) -> Result<Mention, PayloadError> {
        let opt_id = |v: Option<String>, f: &'static str| -> Result<Option<String>, PayloadError> {
            v.filter(|s| !s.is_empty())
                .map(|s| parse_id(&s, f))
                .transpose()
        };
        let text = self.text.map(clean_text);
        // Deadlines are computed from created_at; a year-9999 time would overflow them.
        let created_at = crate::core::normalise::plausible(self.created_at)
            .ok_or(PayloadError::Invalid("created_at"))?;
        Ok(Mention {
            platform: self.platform,
            id: parse_id(&self.id, "id")?,
            text,
            author: Author {
                id: parse_id(&self.author_id, "author.id")?,
                handle: opt_id(
                    self.handle.map(|h| h.trim_start_matches('@').to_owned()),
                    "author.handle",
                )?,
                // A name is shown, never parsed: one an id would be refused for (empty,
                // overlong, characters SQS refuses) is dropped, not a reason to refuse.
                name: self
                    .name
                    .map(|n| n.trim().to_owned())
                    .filter(|n| parse_id(n, "author.name").is_ok()),
                followers: self.followers,
                verified: self.verified,
            },
            visibility: self.visibility,
            created_at,
            conversation_id: opt_id(self.conversation_id, "conversation_id")?,
            in_reply_to: opt_id(self.in_reply_to, "in_reply_to")?,
            lang: opt_id(self.lang, "lang")?,
            engagement: self.engagement,
            // A link with spaces, controls or characters SQS refuses is no link; dropped.
            url: self
                .url
                .filter(|u| u.len() <= 2048 && storable(u) && !u.contains(char::is_whitespace)),
            // Context for the agent, like the name: an unusable one is dropped, not refused.
            account: self.account.filter(|a| parse_id(a, "account").is_ok()),
            _sealed: Sealed,
        })
    }
}

/// The wire form of `mention@1`, as accepted on the generic route and by `triage classify`.
#[derive(Debug, Deserialize)]
struct MentionWire {
    platform: Option<String>,
    id: Option<IdValue>,
    text: Option<String>,
    author: Option<AuthorWire>,
    visibility: Option<Visibility>,
    #[serde(default, with = "time::serde::rfc3339::option")]
    created_at: Option<OffsetDateTime>,
    conversation_id: Option<IdValue>,
    in_reply_to: Option<IdValue>,
    lang: Option<String>,
    engagement: Option<Engagement>,
    url: Option<String>,
    account: Option<IdValue>,
}

#[derive(Debug, Deserialize)]
struct AuthorWire {
    id: Option<IdValue>,
    handle: Option<String>,
    /// Any JSON: a name is shown, never required, so one that is not a string is dropped
    /// rather than refusing the mention.
    name: Option<serde_json::Value>,
    followers: Option<u64>,
    #[serde(default)]
    verified: bool,
}

/// Ids arrive as strings, but some tools send numbers; both are accepted.
#[derive(Debug, Deserialize)]
#[serde(untagged)]
enum IdValue {
    Str(String),
    Num(u64),
}

impl IdValue {
    fn into_string(self) -> String {
        match self {
            IdValue::Str(s) => s,
            IdValue::Num(n) => n.to_string(),
        }
    }
}

/// `<platform>:<id>`: the one spelling of a mention's identity, in the store and on the queue.
pub fn dedup_key(platform: &Platform, id: &str) -> String {
    format!("{platform}:{id}")
}

impl Mention {
    /// Parses one already-normalised mention (`mention@1`) from a JSON value.
    ///
    /// `now` fills in a missing `created_at`. A missing `platform`, `id` or `author.id` is an error.
    pub fn from_json_value(
        v: serde_json::Value,
        now: OffsetDateTime,
    ) -> Result<Self, PayloadError> {
        let w: MentionWire = serde_json::from_value(v).map_err(|_| PayloadError::Malformed)?;
        let platform = Platform::parse(
            w.platform
                .as_deref()
                .ok_or(PayloadError::Missing("platform"))?,
        )?;
        let id = w.id.ok_or(PayloadError::Missing("id"))?.into_string();
        let author = w.author.ok_or(PayloadError::Missing("author.id"))?;
        let author_id = author
            .id
            .ok_or(PayloadError::Missing("author.id"))?
            .into_string();
        MentionParts {
            platform,
            id,
            text: w.text,
            author_id,
            handle: author.handle,
            name: match author.name {
                Some(serde_json::Value::String(n)) => Some(n),
                _ => None,
            },
            followers: author.followers,
            verified: author.verified,
            visibility: w.visibility.unwrap_or(Visibility::Public),
            // Whole seconds: a receipt time has no meaningful sub-second part.
            created_at: w
                .created_at
                .unwrap_or_else(|| now.replace_nanosecond(0).unwrap_or(now)),
            conversation_id: w.conversation_id.map(IdValue::into_string),
            in_reply_to: w.in_reply_to.map(IdValue::into_string),
            lang: w.lang,
            engagement: w.engagement,
            url: w.url,
            account: w.account.map(IdValue::into_string),
        }
        .build()
    }

    /// Parses one already-normalised mention from JSON text.
    pub fn parse_json(s: &str, now: OffsetDateTime) -> Result<Self, PayloadError> {
        let v: serde_json::Value = serde_json::from_str(s).map_err(|_| PayloadError::Malformed)?;
        Self::from_json_value(v, now)
    }

    /// The key that identifies this mention across redeliveries: `<platform>:<id>`.
    pub fn dedup_key(&self) -> String {
        dedup_key(&self.platform, &self.id)
    }

    /// The text, or `""` when the platform sent none.
    pub fn text_or_empty(&self) -> &str {
        self.text.as_deref().unwrap_or("")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn now() -> OffsetDateTime {
        time::macros::datetime!(2026-11-20 10:00 UTC)
    }

    #[test]
    fn parses_the_spec_example() {
        let m = Mention::parse_json(
            r#"{"platform":"x","id":"1850000000000000001","text":"@AcmeBank my card was charged twice",
               "author":{"id":"123","handle":"jane","followers":120,"verified":false},
               "visibility":"public","created_at":"2026-11-20T10:00:00Z","extra":1}"#,
            now(),
        )
        .unwrap();
        assert_eq!(m.dedup_key(), "x:1850000000000000001");
        assert_eq!(m.author.followers, Some(120));
    }

    #[test]
    fn missing_required_fields_are_named() {
        let cases = [
            (r#"{"id":"1","author":{"id":"2"}}"#, "platform"),
            (r#"{"platform":"x","author":{"id":"2"}}"#, "id"),
            (r#"{"platform":"x","id":"1","author":{}}"#, "author.id"),
            (r#"{"platform":"x","id":"1"}"#, "author.id"),
        ];
        for (json, field) in cases {
            assert_eq!(
                Mention::parse_json(json, now()).unwrap_err(),
                PayloadError::Missing(field)
            );
        }
    }

    #[test]
    fn implausible_times_are_refused_not_overflowed() {
        for t in ["9999-12-31T23:59:59Z", "1900-01-01T00:00:00Z"] {
            let json =
                format!(r#"{{"platform":"x","id":"1","author":{{"id":"2"}},"created_at":"{t}"}}"#);
            assert_eq!(
                Mention::parse_json(&json, now()).unwrap_err(),
                PayloadError::Invalid("created_at")
            );
        }
    }

    #[test]
    fn display_names_and_accounts_are_kept_or_dropped_never_refused() {
        let name_of = |name: &str| {
            let json = serde_json::json!({"platform":"generic","id":"1",
                "author":{"id":"2","name": name}});
            Mention::parse_json(&json.to_string(), now())
                .unwrap()
                .author
                .name
        };
        assert_eq!(name_of(" José Pérez ").as_deref(), Some("José Pérez"));
        for bad in ["", "  ", "a\u{0}b", "x\u{FFFF}"] {
            assert_eq!(name_of(bad), None, "{bad:?}");
        }
        assert_eq!(name_of(&"n".repeat(300)), None);
        let json = r#"{"platform":"generic","id":"1","author":{"id":"2","name":{"first":"Jane"}}}"#;
        assert_eq!(Mention::parse_json(json, now()).unwrap().author.name, None);
        // The receiving account, like the name, is kept when usable and dropped when not.
        let with = |account: &str| {
            let json = serde_json::json!({"platform":"generic","id":"1","author":{"id":"2"},
                "account": account});
            Mention::parse_json(&json.to_string(), now())
                .unwrap()
                .account
        };
        assert_eq!(with("page-104").as_deref(), Some("page-104"));
        assert_eq!(with(""), None);
        assert_eq!(with("a\u{1}"), None);
    }

    #[test]
    fn text_is_cleaned_and_cut_never_refused() {
        let parse = |text: &str, url: &str| {
            let json = serde_json::json!({"platform":"generic","id":"1","author":{"id":"2"},
                "text": text, "url": url});
            Mention::parse_json(&json.to_string(), now()).unwrap()
        };
        // SQS refuses U+FFFF; a control character would cost six bytes of JSON each.
        let m = parse(
            "my lawyer\u{1}will sue \u{FFFF}\tnow\n",
            "https://e.x/\u{1}",
        );
        assert_eq!(
            m.text.as_deref(),
            Some("my lawyer will sue \u{FFFD}\tnow\n")
        );
        assert_eq!(m.url, None);
        // A pasted article is cut at a character boundary, and the mention kept.
        let long = format!("@AcmeBank my lawyer will sue you. {}", "é".repeat(40_000));
        let m = parse(&long, "https://e.x/1");
        let text = m.text.unwrap();
        assert!(text.len() <= MAX_TEXT_LEN && text.len() > MAX_TEXT_LEN - 2);
        assert!(text.starts_with("@AcmeBank my lawyer"));
        assert_eq!(m.url.as_deref(), Some("https://e.x/1"));
        assert!(Mention::parse_json(
            r#"{"platform":"x","id":"1\uffff","author":{"id":"2"}}"#,
            now()
        )
        .is_err());
    }

    #[test]
    fn rejects_bad_platform_and_empty_id() {
        assert!(
            Mention::parse_json(r#"{"platform":"X!","id":"1","author":{"id":"2"}}"#, now())
                .is_err()
        );
        assert!(
            Mention::parse_json(r#"{"platform":"x","id":"","author":{"id":"2"}}"#, now()).is_err()
        );
    }
}
