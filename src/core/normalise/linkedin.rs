//! LinkedIn: organisation social-action notifications (`ORGANIZATION_SOCIAL_ACTION_NOTIFICATIONS`).
//!
//! Envelope `{"type": ..., "notifications": [...]}` (LinkedIn batches up to 10). Each notification
//! names an `action` on one of the organisation's posts:
//! - `COMMENT`, `SHARE_MENTION`: a mention. LinkedIn usually sends URNs only, so text is `None`
//!   (`content_unavailable`) unless a decorated activity carries it; nothing is fetched.
//! - `COMMENT_EDIT` => [`Event::Edited`], `COMMENT_DELETE` => [`Event::Removed`].
//! - `ADMIN_COMMENT`: the brand answering. Recorded for the author of the post it answers when
//!   the decorated source post names one; otherwise ignored as an unattributed reply.
//! - `LIKE`, `SHARE` and anything else: ignored.
//!
//! The mention id is the generated activity's URN (the comment or share itself), falling back to
//! `notificationId`. Both are stable across redeliveries of one notification (platforms.md
//! section 15 names `notificationId` as the dedupe key); the URN is also what SPEC section 4
//! asks for ("the platform's id for the post/comment") and the one edits and deletions refer to,
//! so an edit updates the stored comment instead of creating a second one.

use serde_json::Value;
use time::OffsetDateTime;

use super::{
    id_str, parse_json, unattributed_author, unix_millis, BrandReply, Event, IgnoreReason,
    MAX_ITEMS_PER_DELIVERY,
};
use crate::core::brand::BrandRules;
use crate::core::error::PayloadError;
use crate::core::mention::{MentionParts, Platform, Visibility};
use crate::core::verify::VerifiedBody;

/// Normalises a LinkedIn delivery.
pub fn normalise(
    body: &VerifiedBody<'_>,
    brand: &BrandRules,
    now: OffsetDateTime,
) -> Result<Vec<Event>, PayloadError> {
    let v = parse_json(body.bytes())?;
    let Value::Object(root) = &v else {
        return Err(PayloadError::Malformed);
    };
    let items: Vec<&Value> = match root.get("notifications") {
        Some(Value::Array(a)) => a.iter().collect(),
        Some(_) => return Err(PayloadError::Invalid("notifications")),
        // A single notification at top level (the pull API's element shape).
        None if root.contains_key("notificationId") => vec![&v],
        None => return Err(PayloadError::Missing("notifications")),
    };
    if items.len() > MAX_ITEMS_PER_DELIVERY {
        return Err(PayloadError::Invalid("too many notifications"));
    }
    items
        .into_iter()
        .map(|n| notification(n, brand, now))
        .collect()
}

fn str_of<'v>(v: &'v Value, key: &str) -> Option<&'v str> {
    v.get(key).and_then(Value::as_str).filter(|s| !s.is_empty())
}

/// The decorated comment or share, when LinkedIn includes one.
fn decorated(n: &Value) -> Option<&Value> {
    let d = n.get("decoratedGeneratedActivity")?;
    d.get("comment").or_else(|| d.get("share")).or(Some(d))
}

/// Text of a decorated comment or share, under any of the names LinkedIn has used.
fn decorated_text(d: &Value) -> Option<String> {
    str_of(d, "text")
        .or_else(|| d.get("message").and_then(|m| str_of(m, "text")))
        .or_else(|| str_of(d, "commentary"))
        .map(str::to_owned)
}

fn notification(n: &Value, brand: &BrandRules, now: OffsetDateTime) -> Result<Event, PayloadError> {
    if !n.is_object() {
        return Err(PayloadError::Invalid("notifications"));
    }
    let action = str_of(n, "action").ok_or(PayloadError::Missing("action"))?;
    let org = str_of(n, "organizationalEntity");
    let deco = decorated(n);
    let actor = str_of(n, "actor")
        .or_else(|| deco.and_then(|d| str_of(d, "owner").or_else(|| str_of(d, "author"))))
        .map(str::to_owned);
    let is_brand = |who: &str| Some(who) == org || brand.is_brand("linkedin", who, None);
    let id = str_of(n, "generatedActivity")
        .map(str::to_owned)
        .or_else(|| id_str(n.get("notificationId")))
        .ok_or(PayloadError::Missing("notificationId"))?;
    let at = unix_millis(n.get("lastModifiedAt")).unwrap_or(now);
    let source = str_of(n, "sourcePost").map(str::to_owned);
    match action {
        "COMMENT" | "SHARE_MENTION" | "COMMENT_EDIT" => {}
        "COMMENT_DELETE" => {
            return Ok(Event::Removed {
                platform: Platform::LINKEDIN,
                id,
            })
        }
        "ADMIN_COMMENT" => {
            let to = n
                .get("decoratedSourcePost")
                .and_then(|p| str_of(p, "author").or_else(|| str_of(p, "owner")))
                .filter(|a| !is_brand(a));
            return Ok(match to {
                Some(to) => Event::BrandReply(BrandReply {
                    platform: Platform::LINKEDIN,
                    reply_id: id,
                    to_author_id: to.to_owned(),
                    at,
                }),
                None => Event::Ignored(IgnoreReason::UnattributedBrandReply),
            });
        }
        "SHARE" => return Ok(Event::Ignored(IgnoreReason::Repost)),
        _ => return Ok(Event::Ignored(IgnoreReason::NotAMention)),
    }
    if actor.as_deref().is_some_and(is_brand) {
        return Ok(Event::Ignored(IgnoreReason::OwnPost));
    }
    let m = MentionParts {
        platform: Platform::LINKEDIN,
        author_id: actor.unwrap_or_else(|| unattributed_author(&id)),
        text: deco.and_then(decorated_text),
        id,
        handle: None,
        name: None,
        followers: None,
        verified: false,
        visibility: Visibility::Public,
        created_at: at,
        conversation_id: source.clone(),
        in_reply_to: source,
        lang: None,
        engagement: None,
        url: None,
        account: org.map(str::to_owned),
    }
    .build()?;
    Ok(if action == "COMMENT_EDIT" {
        Event::Edited(m)
    } else {
        Event::Mention(m)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(json: &str) -> Result<Vec<Event>, PayloadError> {
        normalise(
            &VerifiedBody::for_tests(json.as_bytes()),
            &BrandRules::default(),
            time::macros::datetime!(2026-11-20 10:00 UTC),
        )
    }

    #[test]
    fn comments_mentions_admin_replies_and_likes() {
        let ev = run(r#"{"type":"ORGANIZATION_SOCIAL_ACTION_NOTIFICATIONS","notifications":[
          {"notificationId":1001,"action":"COMMENT","organizationalEntity":"urn:li:organization:42",
           "sourcePost":"urn:li:share:1","generatedActivity":"urn:li:comment:(urn:li:activity:1,2)",
           "actor":"urn:li:person:abc","lastModifiedAt":1763632800000,
           "decoratedGeneratedActivity":{"comment":{"entity":"urn:li:comment:(urn:li:activity:1,2)","text":"Still waiting for my refund"}}},
          {"notificationId":1002,"action":"SHARE_MENTION","organizationalEntity":"urn:li:organization:42",
           "sourcePost":"urn:li:share:9","generatedActivity":"urn:li:share:9","lastModifiedAt":1763632800000},
          {"notificationId":1003,"action":"ADMIN_COMMENT","organizationalEntity":"urn:li:organization:42",
           "sourcePost":"urn:li:share:9","generatedActivity":"urn:li:comment:(urn:li:activity:9,3)",
           "decoratedSourcePost":{"author":"urn:li:person:zed"}},
          {"notificationId":1004,"action":"ADMIN_COMMENT","organizationalEntity":"urn:li:organization:42",
           "sourcePost":"urn:li:share:1","generatedActivity":"urn:li:comment:(urn:li:activity:1,4)"},
          {"notificationId":1005,"action":"LIKE","organizationalEntity":"urn:li:organization:42","sourcePost":"urn:li:share:1"},
          {"notificationId":1006,"action":"COMMENT_DELETE","generatedActivity":"urn:li:comment:(urn:li:activity:1,2)"}]}"#)
        .unwrap();
        let Event::Mention(c) = &ev[0] else {
            panic!("{ev:?}")
        };
        assert_eq!(c.platform.as_str(), "linkedin");
        assert_eq!(c.id, "urn:li:comment:(urn:li:activity:1,2)");
        assert_eq!(c.author.id, "urn:li:person:abc");
        assert_eq!(c.text.as_deref(), Some("Still waiting for my refund"));
        assert_eq!(c.account.as_deref(), Some("urn:li:organization:42"));
        let Event::Mention(m) = &ev[1] else {
            panic!("{ev:?}")
        };
        assert_eq!(m.text, None);
        assert_eq!(m.author.id, "unattributed:urn:li:share:9");
        assert!(matches!(&ev[2], Event::BrandReply(r) if r.to_author_id == "urn:li:person:zed"));
        assert_eq!(ev[3], Event::Ignored(IgnoreReason::UnattributedBrandReply));
        assert_eq!(ev[4], Event::Ignored(IgnoreReason::NotAMention));
        assert!(matches!(&ev[5], Event::Removed { id, .. } if id.starts_with("urn:li:comment")));
    }

    #[test]
    fn falls_back_to_notification_id_and_refuses_garbage() {
        let ev = run(r#"{"notificationId":4406044,"action":"SHARE_MENTION"}"#).unwrap();
        assert!(matches!(&ev[0], Event::Mention(m) if m.id == "4406044"));
        assert!(run("[]").is_err());
        assert!(run(r#"{"notifications":{}}"#).is_err());
        assert!(run(r#"{"notifications":[{"notificationId":1}]}"#).is_err());
        assert!(run(r#"{"type":"X"}"#).is_err());
    }
}
