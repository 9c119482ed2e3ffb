//! X: Account Activity API (`tweet_create_events`, v1.1 tweet objects) and X Activity API
//! (`data.event_type` = `post.mention.create` and friends, v2 post objects).
//!
//! Posts by the brand's own account are not mentions: a reply (or a quote) from it is recorded
//! as the brand answering that author; any other own post is ignored. Direct messages
//! (`direct_message_events`) are private mentions, with the sender's profile taken from the
//! top-level `users` map; a DM sent by the brand is the brand answering its recipient.
//! Replies and quotes keep the post they answer in `in_reply_to` (a reply's parent first).
//! A deleted post (`tweet_delete_events`) is removed like a deleted comment; every other
//! Account Activity event (likes, follows, blocks, typing...) is counted as ignored.
//!
//! An X Activity API delivery may batch events of any type the subscription covers, and each
//! type has its own `payload` shape (`{before, after}` for profile updates, `{}` for likes...).
//! Only the post-carrying types (`post.mention.create`, `post.reply.create`, `post.quote.create`)
//! are parsed as v2 posts, and a malformed one still refuses the delivery; every other type is
//! ignored whatever its payload, so it neither fails the delivery nor loses a batched mention.

use std::collections::HashMap;

use serde::de::DeserializeOwned;
use serde::Deserialize;
use time::OffsetDateTime;

use super::{
    millis_str, nullable, parse_json, plausible, BrandReply, Event, IgnoreReason,
    MAX_ITEMS_PER_DELIVERY,
};
use crate::core::brand::BrandRules;
use crate::core::error::PayloadError;
use crate::core::mention::{parse_id, Engagement, MentionParts, Platform, Visibility};
use crate::core::verify::VerifiedBody;

/// Account Activity envelope.
#[derive(Debug, Deserialize)]
struct AaaEnvelope {
    for_user_id: Option<String>,
    #[serde(default, deserialize_with = "nullable")]
    tweet_create_events: Vec<V1Tweet>,
    #[serde(default, deserialize_with = "nullable")]
    direct_message_events: Vec<DmEvent>,
    /// Profiles of the DM participants, keyed by user id.
    #[serde(default, deserialize_with = "nullable")]
    users: HashMap<String, DmUser>,
    /// Posts their authors deleted.
    #[serde(default, deserialize_with = "nullable")]
    tweet_delete_events: Vec<DeleteEvent>,
}

/// The Account Activity event arrays read above; every other `*_events` array (likes, follows,
/// blocks, typing indicators...) is counted as ignored, item by item.
const AAA_READ: [&str; 3] = [
    "tweet_create_events",
    "direct_message_events",
    "tweet_delete_events",
];

#[derive(Debug, Deserialize)]
struct DeleteEvent {
    status: DeletedStatus,
}

#[derive(Debug, Deserialize)]
struct DeletedStatus {
    id: String,
}

#[derive(Debug, Deserialize)]
struct DmEvent {
    #[serde(rename = "type")]
    kind: Option<String>,
    id: String,
    created_timestamp: Option<String>,
    message_create: Option<DmCreate>,
}

#[derive(Debug, Deserialize)]
struct DmCreate {
    sender_id: String,
    target: Option<DmTarget>,
    message_data: Option<DmData>,
}

#[derive(Debug, Deserialize)]
struct DmTarget {
    recipient_id: Option<String>,
}

#[derive(Debug, Deserialize)]
struct DmData {
    text: Option<String>,
}

#[derive(Debug, Deserialize)]
struct DmUser {
    screen_name: Option<String>,
    name: Option<String>,
    followers_count: Option<u64>,
    #[serde(default, deserialize_with = "nullable")]
    verified: bool,
}

#[derive(Debug, Deserialize)]
struct V1Tweet {
    id_str: String,
    text: Option<String>,
    full_text: Option<String>,
    #[serde(default, deserialize_with = "nullable")]
    truncated: bool,
    extended_tweet: Option<ExtendedTweet>,
    user: V1User,
    created_at: Option<String>,
    timestamp_ms: Option<String>,
    in_reply_to_status_id_str: Option<String>,
    in_reply_to_user_id_str: Option<String>,
    quoted_status_id_str: Option<String>,
    quoted_status: Option<QuotedStatus>,
    lang: Option<String>,
    retweeted_status: Option<serde::de::IgnoredAny>,
    #[serde(default, deserialize_with = "nullable")]
    favorite_count: u64,
    #[serde(default, deserialize_with = "nullable")]
    retweet_count: u64,
    #[serde(default, deserialize_with = "nullable")]
    reply_count: u64,
    #[serde(default, deserialize_with = "nullable")]
    quote_count: u64,
}

/// Only the quoted post's author matters (for the brand quoting someone).
#[derive(Debug, Deserialize)]
struct QuotedStatus {
    user: Option<QuotedUser>,
}

#[derive(Debug, Deserialize)]
struct QuotedUser {
    id_str: Option<String>,
}

#[derive(Debug, Deserialize)]
struct ExtendedTweet {
    full_text: String,
}

#[derive(Debug, Deserialize)]
struct V1User {
    id_str: String,
    screen_name: Option<String>,
    name: Option<String>,
    #[serde(default, deserialize_with = "nullable")]
    followers_count: u64,
    #[serde(default, deserialize_with = "nullable")]
    verified: bool,
}

/// X Activity API envelope: `{"data": {...}}` (one event) or `{"data": [...]}`.
#[derive(Debug, Deserialize)]
struct XaaEnvelope {
    data: OneOrMany<XaaEvent>,
}

#[derive(Debug, Deserialize)]
#[serde(untagged)]
enum OneOrMany<T> {
    One(T),
    Many(Vec<T>),
}

#[derive(Debug, Deserialize)]
struct XaaEvent {
    event_type: String,
    filter: Option<XaaFilter>,
    /// Raw until `event_type` says what it is: typing it as a post here would let one event we
    /// do not handle (whose payload is no post) fail the whole delivery, mentions included.
    payload: Option<serde_json::Value>,
    /// Expansions of the payload (authors for posts); raw for the same reason.
    includes: Option<serde_json::Value>,
}

#[derive(Debug, Deserialize)]
struct XaaFilter {
    user_id: Option<String>,
}

#[derive(Debug, Deserialize)]
struct V2Post {
    id: String,
    text: Option<String>,
    author_id: String,
    conversation_id: Option<String>,
    #[serde(default, with = "time::serde::rfc3339::option")]
    created_at: Option<OffsetDateTime>,
    lang: Option<String>,
    in_reply_to_user_id: Option<String>,
    #[serde(default, deserialize_with = "nullable")]
    referenced_tweets: Vec<V2Ref>,
    public_metrics: Option<V2Metrics>,
}

#[derive(Debug, Deserialize)]
struct V2Ref {
    #[serde(rename = "type")]
    kind: String,
    id: String,
}

#[derive(Debug, Deserialize, Default)]
struct V2Metrics {
    #[serde(default, deserialize_with = "nullable")]
    like_count: u64,
    #[serde(default, deserialize_with = "nullable")]
    retweet_count: u64,
    #[serde(default, deserialize_with = "nullable")]
    reply_count: u64,
    #[serde(default, deserialize_with = "nullable")]
    quote_count: u64,
}

#[derive(Debug, Deserialize)]
struct V2Includes {
    #[serde(default, deserialize_with = "nullable")]
    users: Vec<V2User>,
}

#[derive(Debug, Deserialize)]
struct V2User {
    id: String,
    username: Option<String>,
    name: Option<String>,
    #[serde(default, deserialize_with = "nullable")]
    verified: bool,
    public_metrics: Option<V2UserMetrics>,
}

#[derive(Debug, Deserialize)]
struct V2UserMetrics {
    #[serde(default, deserialize_with = "nullable")]
    followers_count: u64,
}

/// Normalises an X delivery of either API.
pub fn normalise(
    body: &VerifiedBody<'_>,
    brand: &BrandRules,
    now: OffsetDateTime,
) -> Result<Vec<Event>, PayloadError> {
    let v = parse_json(body.bytes())?;
    if !v.is_object() {
        return Err(PayloadError::Malformed);
    }
    let events = if v.get("data").is_some() {
        let env: XaaEnvelope = serde_json::from_value(v).map_err(|_| PayloadError::Malformed)?;
        let items = match env.data {
            OneOrMany::One(e) => vec![e],
            OneOrMany::Many(es) => es,
        };
        check_count(items.len())?;
        items
            .into_iter()
            .map(|e| from_xaa(e, brand, now))
            .collect::<Result<Vec<_>, _>>()?
    } else {
        let other: usize = v
            .as_object()
            .into_iter()
            .flatten()
            .filter(|(k, _)| k.ends_with("_events") && !AAA_READ.contains(&k.as_str()))
            .filter_map(|(_, e)| e.as_array().map(Vec::len))
            .sum();
        let env: AaaEnvelope = serde_json::from_value(v).map_err(|_| PayloadError::Malformed)?;
        check_count(
            env.tweet_create_events.len()
                + env.direct_message_events.len()
                + env.tweet_delete_events.len()
                + other,
        )?;
        let brand_id = env.for_user_id;
        let users = env.users;
        let mut out = env
            .tweet_create_events
            .into_iter()
            .map(|t| from_v1(t, brand_id.as_deref(), brand, now))
            .collect::<Result<Vec<_>, _>>()?;
        for dm in env.direct_message_events {
            out.push(from_dm(dm, brand_id.as_deref(), &users, brand, now)?);
        }
        // A deleted post leaves the queue and the stored state like a removed comment does.
        for d in env.tweet_delete_events {
            out.push(Event::Removed {
                platform: Platform::X,
                id: parse_id(&d.status.id, "status.id")?,
            });
        }
        out.extend((0..other).map(|_| Event::Ignored(IgnoreReason::NotAMention)));
        out
    };
    Ok(events)
}

/// Parses one event-specific part of an X Activity API event once its type is known.
fn parse_part<T: DeserializeOwned>(v: serde_json::Value) -> Result<T, PayloadError> {
    serde_json::from_value(v).map_err(|_| PayloadError::Malformed)
}

fn check_count(n: usize) -> Result<(), PayloadError> {
    if n > MAX_ITEMS_PER_DELIVERY {
        return Err(PayloadError::Invalid("too many events"));
    }
    Ok(())
}

/// `Wed Oct 10 20:19:24 +0000 2018`.
fn parse_v1_date(s: &str) -> Option<OffsetDateTime> {
    let fmt = time::macros::format_description!(
        "[weekday repr:short] [month repr:short] [day] [hour]:[minute]:[second] [offset_hour sign:mandatory][offset_minute] [year]"
    );
    OffsetDateTime::parse(s, fmt).ok()
}

fn from_v1(
    t: V1Tweet,
    brand_id: Option<&str>,
    brand: &BrandRules,
    now: OffsetDateTime,
) -> Result<Event, PayloadError> {
    let created_at = t
        .timestamp_ms
        .as_deref()
        .and_then(millis_str)
        .or_else(|| {
            t.created_at
                .as_deref()
                .and_then(parse_v1_date)
                .and_then(plausible)
        })
        .unwrap_or(now);
    let own = brand_id == Some(t.user.id_str.as_str())
        || brand.is_brand("x", &t.user.id_str, t.user.screen_name.as_deref());
    if own {
        // A reply answers its parent's author; a quote without a reply answers the quoted author.
        let to = t
            .in_reply_to_user_id_str
            .or_else(|| t.quoted_status.and_then(|q| q.user).and_then(|u| u.id_str));
        return Ok(match to {
            Some(to) if Some(to.as_str()) != brand_id => Event::BrandReply(BrandReply {
                platform: Platform::X,
                reply_id: t.id_str,
                to_author_id: to,
                at: created_at,
            }),
            _ => Event::Ignored(IgnoreReason::OwnPost),
        });
    }
    if t.retweeted_status.is_some() {
        return Ok(Event::Ignored(IgnoreReason::Repost));
    }
    let text = match (t.truncated, t.extended_tweet) {
        (true, Some(ext)) => Some(ext.full_text),
        _ => t.full_text.or(t.text),
    };
    let url = t
        .user
        .screen_name
        .as_ref()
        .map(|h| format!("https://x.com/{h}/status/{}", t.id_str));
    let m = MentionParts {
        platform: Platform::X,
        id: t.id_str,
        text,
        author_id: t.user.id_str,
        handle: t.user.screen_name,
        name: t.user.name,
        followers: Some(t.user.followers_count),
        verified: t.user.verified,
        visibility: Visibility::Public,
        created_at,
        conversation_id: None,
        in_reply_to: t.in_reply_to_status_id_str.or(t.quoted_status_id_str),
        lang: t.lang.filter(|l| l != "und"),
        engagement: Some(Engagement {
            likes: t.favorite_count,
            reposts: t.retweet_count,
            replies: t.reply_count,
            quotes: t.quote_count,
        }),
        url,
        account: brand_id.map(str::to_owned),
    }
    .build()?;
    Ok(Event::Mention(m))
}

/// One Account Activity direct message: a private mention, or the brand answering by DM.
fn from_dm(
    dm: DmEvent,
    brand_id: Option<&str>,
    users: &HashMap<String, DmUser>,
    brand: &BrandRules,
    now: OffsetDateTime,
) -> Result<Event, PayloadError> {
    if dm.kind.as_deref().is_some_and(|k| k != "message_create") {
        return Ok(Event::Ignored(IgnoreReason::NotAMention));
    }
    let mc = dm
        .message_create
        .ok_or(PayloadError::Missing("message_create"))?;
    let created_at = dm
        .created_timestamp
        .as_deref()
        .and_then(millis_str)
        .unwrap_or(now);
    let sender = users.get(&mc.sender_id);
    let handle = sender.and_then(|u| u.screen_name.clone());
    let recipient = mc.target.and_then(|t| t.recipient_id);
    let from_brand = brand_id == Some(mc.sender_id.as_str())
        || brand.is_brand("x", &mc.sender_id, handle.as_deref());
    if from_brand {
        return Ok(match recipient {
            Some(to) if Some(to.as_str()) != brand_id => Event::BrandReply(BrandReply {
                platform: Platform::X,
                reply_id: dm.id,
                to_author_id: to,
                at: created_at,
            }),
            _ => Event::Ignored(IgnoreReason::OwnPost),
        });
    }
    let m = MentionParts {
        platform: Platform::X,
        id: dm.id,
        text: mc.message_data.and_then(|d| d.text),
        author_id: mc.sender_id,
        handle,
        name: sender.and_then(|u| u.name.clone()),
        followers: sender.and_then(|u| u.followers_count),
        verified: sender.is_some_and(|u| u.verified),
        visibility: Visibility::Private,
        created_at,
        conversation_id: None,
        in_reply_to: None,
        lang: None,
        engagement: None,
        url: None,
        account: brand_id.map(str::to_owned),
    }
    .build()?;
    Ok(Event::Mention(m))
}

fn from_xaa(e: XaaEvent, brand: &BrandRules, now: OffsetDateTime) -> Result<Event, PayloadError> {
    let is_mention = matches!(
        e.event_type.as_str(),
        "post.mention.create" | "post.reply.create" | "post.quote.create"
    );
    if !is_mention {
        return Ok(Event::Ignored(IgnoreReason::NotAMention));
    }
    let post: V2Post = parse_part(e.payload.ok_or(PayloadError::Missing("data.payload"))?)?;
    let users = match e.includes {
        Some(v) => parse_part::<V2Includes>(v)?.users,
        None => Vec::new(),
    };
    let brand_id = e.filter.and_then(|f| f.user_id);
    let author = users.into_iter().find(|u| u.id == post.author_id);
    let handle = author.as_ref().and_then(|a| a.username.clone());
    let created_at = post.created_at.and_then(plausible).unwrap_or(now);
    if brand_id.as_deref() == Some(post.author_id.as_str())
        || brand.is_brand("x", &post.author_id, handle.as_deref())
    {
        return Ok(match post.in_reply_to_user_id {
            Some(to) if Some(&to) != brand_id.as_ref() => Event::BrandReply(BrandReply {
                platform: Platform::X,
                reply_id: post.id,
                to_author_id: to,
                at: created_at,
            }),
            _ => Event::Ignored(IgnoreReason::OwnPost),
        });
    }
    let referenced = |kind: &str| {
        post.referenced_tweets
            .iter()
            .find(|r| r.kind == kind)
            .map(|r| r.id.clone())
    };
    let in_reply_to = referenced("replied_to").or_else(|| referenced("quoted"));
    let metrics = post.public_metrics.unwrap_or_default();
    let url = handle
        .as_ref()
        .map(|h| format!("https://x.com/{h}/status/{}", post.id));
    let m = MentionParts {
        platform: Platform::X,
        id: post.id,
        text: post.text,
        author_id: post.author_id,
        handle,
        name: author.as_ref().and_then(|a| a.name.clone()),
        followers: author
            .as_ref()
            .and_then(|a| a.public_metrics.as_ref().map(|p| p.followers_count)),
        verified: author.as_ref().is_some_and(|a| a.verified),
        visibility: Visibility::Public,
        created_at,
        conversation_id: post.conversation_id,
        in_reply_to,
        lang: post.lang.filter(|l| l != "und"),
        engagement: Some(Engagement {
            likes: metrics.like_count,
            reposts: metrics.retweet_count,
            replies: metrics.reply_count,
            quotes: metrics.quote_count,
        }),
        url,
        account: brand_id,
    }
    .build()?;
    Ok(Event::Mention(m))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(json: &str) -> Vec<Event> {
        try_run(json).unwrap()
    }

    fn try_run(json: &str) -> Result<Vec<Event>, PayloadError> {
        normalise(
            &VerifiedBody::for_tests(json.as_bytes()),
            &BrandRules::default(),
            time::macros::datetime!(2026-11-20 10:00 UTC),
        )
    }

    const AAA: &str = r#"{"for_user_id":"42","tweet_create_events":[
      {"id_str":"1850000000000000001","text":"@AcmeBank my card was charged twice","timestamp_ms":"1763632800000",
       "created_at":"Thu Nov 20 10:00:00 +0000 2025","lang":"en",
       "user":{"id_str":"123","screen_name":"jane","name":"Jane Doe","followers_count":120,"verified":false}},
      {"id_str":"1850000000000000002","text":"@jane so sorry, DM us","in_reply_to_user_id_str":"123",
       "user":{"id_str":"42","screen_name":"AcmeBank"}},
      {"id_str":"1850000000000000003","text":"RT @x: hi","retweeted_status":{},
       "user":{"id_str":"7","screen_name":"bob"}}]}"#;

    #[test]
    fn account_activity_mentions_replies_and_reposts() {
        let ev = run(AAA);
        let Event::Mention(m) = &ev[0] else {
            panic!("{ev:?}")
        };
        assert_eq!(m.id, "1850000000000000001");
        assert_eq!(m.author.handle.as_deref(), Some("jane"));
        assert_eq!(m.author.name.as_deref(), Some("Jane Doe"));
        assert_eq!(m.account.as_deref(), Some("42"));
        assert_eq!(m.created_at, time::macros::datetime!(2025-11-20 10:00 UTC));
        assert!(matches!(&ev[1], Event::BrandReply(r) if r.to_author_id == "123"));
        assert_eq!(ev[2], Event::Ignored(IgnoreReason::Repost));
    }

    #[test]
    fn account_activity_deletions_and_other_events() {
        let ev = run(r#"{"for_user_id":"42",
          "tweet_delete_events":[{"status":{"id":"1850000000000000555","user_id":"321"},"timestamp_ms":"1795568000000"}],
          "favorite_events":[{"id":"f1"},{"id":"f2"}],"follow_events":[{"type":"follow"}],
          "block_events":null}"#);
        assert_eq!(
            ev,
            vec![
                Event::Removed {
                    platform: Platform::X,
                    id: "1850000000000000555".into()
                },
                Event::Ignored(IgnoreReason::NotAMention),
                Event::Ignored(IgnoreReason::NotAMention),
                Event::Ignored(IgnoreReason::NotAMention),
            ]
        );
    }

    #[test]
    fn nullable_counts_do_not_refuse_the_batch() {
        // X documents these as nullable; a null must not cost the batch's other mentions.
        let ev = run(r#"{"for_user_id":"42","tweet_create_events":[
          {"id_str":"1","text":"@AcmeBank hi","favorite_count":0,"user":{"id_str":"9"}},
          {"id_str":"2","text":"@AcmeBank help","favorite_count":null,"quote_count":null,
           "reply_count":null,"retweet_count":null,"truncated":null,
           "user":{"id_str":"8","followers_count":null,"verified":null}}]}"#);
        assert!(
            matches!(&ev[1], Event::Mention(m) if m.id == "2" && m.author.followers == Some(0))
        );
        let v2 = run(
            r#"{"data":{"event_type":"post.mention.create","filter":{"user_id":"42"},
            "payload":{"id":"5","text":"@AcmeBank hi","author_id":"7","public_metrics":{"like_count":null},"referenced_tweets":null},
            "includes":{"users":[{"id":"7","verified":null,"public_metrics":{"followers_count":null}}]}}}"#,
        );
        assert!(matches!(&v2[0], Event::Mention(m) if m.id == "5"));
    }

    #[test]
    fn activity_api_mention() {
        let ev = run(
            r#"{"data":{"event_uuid":"e1","event_type":"post.mention.create","filter":{"user_id":"42"},
            "payload":{"id":"1900","text":"@AcmeBank help","author_id":"9","conversation_id":"1900",
              "created_at":"2026-11-20T10:00:00.000Z","lang":"en","public_metrics":{"like_count":3}},
            "includes":{"users":[{"id":"9","username":"sam","verified":true,"public_metrics":{"followers_count":50000}}]}}}"#,
        );
        let Event::Mention(m) = &ev[0] else {
            panic!("{ev:?}")
        };
        assert_eq!(m.author.followers, Some(50000));
        assert!(m.author.verified);
        assert_eq!(m.engagement.unwrap().likes, 3);
    }

    #[test]
    fn direct_messages_in_and_out() {
        let ev = run(r#"{"for_user_id":"42","direct_message_events":[
          {"type":"message_create","id":"dm1","created_timestamp":"1763632800000",
           "message_create":{"target":{"recipient_id":"42"},"sender_id":"123","message_data":{"text":"my account was hacked"}}},
          {"type":"message_create","id":"dm2","created_timestamp":"1763632900000",
           "message_create":{"target":{"recipient_id":"123"},"sender_id":"42","message_data":{"text":"We're on it"}}}],
          "users":{"123":{"id":"123","screen_name":"jane","followers_count":99,"verified":true},
                   "42":{"id":"42","screen_name":"AcmeBank"}}}"#);
        let Event::Mention(m) = &ev[0] else {
            panic!("{ev:?}")
        };
        assert_eq!(m.visibility, Visibility::Private);
        assert_eq!(m.author.handle.as_deref(), Some("jane"));
        assert_eq!(m.author.followers, Some(99));
        assert!(m.author.verified);
        assert!(
            matches!(&ev[1], Event::BrandReply(r) if r.to_author_id == "123" && r.reply_id == "dm2")
        );
    }

    #[test]
    fn replies_and_quotes_keep_what_they_answer() {
        let ev = run(r#"{"for_user_id":"42","tweet_create_events":[
          {"id_str":"2","text":"@AcmeBank still broken","in_reply_to_status_id_str":"1","in_reply_to_user_id_str":"42",
           "user":{"id_str":"9","screen_name":"kim"}},
          {"id_str":"3","text":"look at this @AcmeBank","quoted_status_id_str":"1","is_quote_status":true,
           "user":{"id_str":"8","screen_name":"lee"}},
          {"id_str":"4","text":"We hear you","quoted_status_id_str":"3","quoted_status":{"id_str":"3","user":{"id_str":"8"}},
           "user":{"id_str":"42","screen_name":"AcmeBank"}}]}"#);
        assert!(matches!(&ev[0], Event::Mention(m) if m.in_reply_to.as_deref() == Some("1")));
        assert!(matches!(&ev[1], Event::Mention(m) if m.in_reply_to.as_deref() == Some("1")));
        assert!(matches!(&ev[2], Event::BrandReply(r) if r.to_author_id == "8"));
        let v2 = run(
            r#"{"data":{"event_type":"post.quote.create","filter":{"user_id":"42"},
            "payload":{"id":"5","text":"lol @AcmeBank","author_id":"7","referenced_tweets":[{"type":"quoted","id":"1"}]}}}"#,
        );
        assert!(matches!(&v2[0], Event::Mention(m) if m.in_reply_to.as_deref() == Some("1")));
    }

    #[test]
    fn other_event_types_are_ignored_and_garbage_refused() {
        assert_eq!(
            run(r#"{"data":{"event_type":"profile.update.bio"}}"#),
            vec![Event::Ignored(IgnoreReason::NotAMention)]
        );
        assert!(run(r#"{"for_user_id":"1"}"#).is_empty());
        let bad = normalise(
            &VerifiedBody::for_tests(b"[]"),
            &BrandRules::default(),
            time::macros::datetime!(2026-11-20 10:00 UTC),
        );
        assert!(bad.is_err());
    }

    #[test]
    fn activity_api_non_post_payloads_are_ignored() {
        // Payloads that are no v2 post (and includes without ids) must not fail the delivery: a
        // 400 makes X retry it and count the endpoint as failing.
        let ev = run(r#"{"data":[
          {"event_uuid":"e1","event_type":"profile.update.bio","filter":{"user_id":"42"},
           "payload":{"before":"Banking, simply","after":"Banking, simply. Help: @AcmeHelp"}},
          {"event_uuid":"e2","event_type":"dm.received","filter":{"user_id":"42"},
           "payload":{"dm_conversation_id":"9-42","event_type":"MessageCreate","sender_id":9},
           "includes":{"users":[{"username":"no_id_here"}]}}]}"#);
        assert_eq!(ev, vec![Event::Ignored(IgnoreReason::NotAMention); 2]);
    }

    #[test]
    fn activity_api_mention_batched_with_non_post_event() {
        let ev = run(r#"{"data":[
          {"event_uuid":"e1","event_type":"post.like.create","filter":{"user_id":"42"},"payload":{}},
          {"event_uuid":"e2","event_type":"post.mention.create","filter":{"user_id":"42"},
           "payload":{"id":"1900","text":"@AcmeBank help","author_id":"9"},
           "includes":{"users":[{"id":"9","username":"sam"}]}}]}"#);
        assert_eq!(ev.len(), 2, "{ev:?}");
        assert_eq!(ev[0], Event::Ignored(IgnoreReason::NotAMention));
        let Event::Mention(m) = &ev[1] else {
            panic!("{ev:?}")
        };
        assert_eq!(m.id, "1900");
        assert_eq!(m.author.handle.as_deref(), Some("sam"));
    }

    #[test]
    fn activity_api_malformed_post_payload_is_refused() {
        // A post-carrying event we cannot read (no `author_id`, not an object, an author without
        // an id) refuses the whole delivery, even batched with an event we ignore, so nothing of
        // it is stored.
        for json in [
            r#"{"data":{"event_type":"post.mention.create","payload":{"id":"1900","text":"hi"}}}"#,
            r#"{"data":[{"event_type":"post.like.create","payload":{}},
              {"event_type":"post.mention.create","payload":{"id":"1900","text":"hi"}}]}"#,
            r#"{"data":{"event_type":"post.reply.create","payload":"1900"}}"#,
            r#"{"data":{"event_type":"post.quote.create",
              "payload":{"id":"1900","author_id":"9"},"includes":{"users":[{"username":"sam"}]}}}"#,
        ] {
            assert_eq!(try_run(json), Err(PayloadError::Malformed), "{json}");
        }
        assert_eq!(
            try_run(r#"{"data":{"event_type":"post.mention.create"}}"#),
            Err(PayloadError::Missing("data.payload"))
        );
    }
}
