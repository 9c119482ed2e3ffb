//! Meta: Facebook Pages (`page`), Instagram (`instagram`) and the WhatsApp Cloud API
//! (`whatsapp_business_account`), all on one route and one signature scheme.
//!
//! One delivery can batch several `entry[]` items, each with several `changes[]` or `messaging[]`
//! items: every one is read (never just `[0]`). What each becomes:
//! - Page `feed` posts and comments: `verb` add => a new mention, edited => [`Event::Edited`]
//!   (stored text updated; queued only if it newly needs a human), remove => [`Event::Removed`].
//! - Page `mention` (the Page was @-mentioned): a mention; text when Meta sends it.
//! - Instagram `comments` / `live_comments`: a mention; Instagram `mentions` carry no text and no
//!   author, so they are kept with `text: None` (triage flags `content_unavailable`); nothing is
//!   fetched from the Graph API (this service makes no outbound calls).
//! - `messaging[]` (Messenger / Instagram direct messages) and WhatsApp `messages`: private
//!   mentions. WhatsApp `statuses` and Messenger `delivery`/`read` are receipts: ignored.
//! - Anything the Page or Instagram account itself wrote is the brand answering: a direct message
//!   echo is recorded as a reply to its recipient; a public reply to a comment names only the
//!   parent comment, not its author, so it is ignored with
//!   [`IgnoreReason::UnattributedBrandReply`] rather than attributed to a guessed author.
//!
//! Platform names on mentions: `facebook`, `instagram`, `whatsapp`.

use serde_json::{Map, Value};
use time::OffsetDateTime;

use super::{
    id_str, parse_json, unattributed_author, unix_millis, unix_secs, BrandReply, Event,
    IgnoreReason,
};
use crate::core::brand::BrandRules;
use crate::core::error::PayloadError;
use crate::core::mention::{MentionParts, Platform, Visibility};
use crate::core::verify::VerifiedBody;

/// Most items (changes, messages, receipts) one Meta delivery may carry. Meta batches (its
/// documentation mentions up to 1000 updates), so this is wider than the generic route's limit;
/// the body cap bounds the work anyway.
pub const MAX_META_ITEMS: usize = 1000;

/// Which product sent the delivery.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Product {
    Page,
    Instagram,
    WhatsApp,
}

impl Product {
    fn platform(self) -> Platform {
        match self {
            Product::Page => Platform::FACEBOOK,
            Product::Instagram => Platform::INSTAGRAM,
            Product::WhatsApp => Platform::WHATSAPP,
        }
    }
}

/// What every item of one entry shares.
struct Ctx<'a> {
    product: Product,
    /// The Page / Instagram account / WhatsApp Business Account id: the brand itself.
    account: Option<String>,
    /// `entry.time`, the fallback creation time.
    time: OffsetDateTime,
    brand: &'a BrandRules,
}

impl Ctx<'_> {
    fn is_brand(&self, author_id: Option<&str>, handle: Option<&str>) -> bool {
        match author_id {
            Some(id) => {
                self.account.as_deref() == Some(id)
                    || self
                        .brand
                        .is_brand(self.product.platform().as_str(), id, handle)
            }
            None => handle.is_some_and(|h| {
                self.brand
                    .is_brand(self.product.platform().as_str(), "", Some(h))
            }),
        }
    }
}

/// Normalises a Meta delivery (any of the three products).
pub fn normalise(
    body: &VerifiedBody<'_>,
    brand: &BrandRules,
    now: OffsetDateTime,
) -> Result<Vec<Event>, PayloadError> {
    let v = parse_json(body.bytes())?;
    let Value::Object(root) = v else {
        return Err(PayloadError::Malformed);
    };
    let object = root
        .get("object")
        .and_then(Value::as_str)
        .ok_or(PayloadError::Missing("object"))?;
    let product = match object {
        "page" => Product::Page,
        "instagram" => Product::Instagram,
        "whatsapp_business_account" => Product::WhatsApp,
        // Other subscriptions (`user`, `permissions`, ...) carry no mentions. Answering 200 stops
        // Meta retrying something we will never use.
        _ => return Ok(vec![Event::Ignored(IgnoreReason::NotAMention)]),
    };
    let entries = array(&root, "entry")?;
    let mut out = Vec::new();
    for entry in entries {
        let Value::Object(entry) = entry else {
            return Err(PayloadError::Invalid("entry"));
        };
        let ctx = Ctx {
            product,
            account: id_str(entry.get("id")),
            time: unix_auto(entry.get("time")).unwrap_or(now),
            brand,
        };
        for change in array(entry, "changes")? {
            change_events(&ctx, change, &mut out)?;
            check_count(out.len())?;
        }
        for m in array(entry, "messaging")? {
            out.push(messaging_event(&ctx, m)?);
            check_count(out.len())?;
        }
    }
    Ok(out)
}

fn check_count(n: usize) -> Result<(), PayloadError> {
    if n > MAX_META_ITEMS {
        return Err(PayloadError::Invalid("too many items"));
    }
    Ok(())
}

/// An optional array field: absent or null is empty, anything but an array is invalid.
fn array<'v>(obj: &'v Map<String, Value>, key: &'static str) -> Result<&'v [Value], PayloadError> {
    match obj.get(key) {
        None | Some(Value::Null) => Ok(&[]),
        Some(Value::Array(a)) => Ok(a),
        Some(_) => Err(PayloadError::Invalid(key)),
    }
}

/// An object field, if present and an object.
fn object<'v>(v: &'v Value, key: &str) -> Option<&'v Map<String, Value>> {
    v.get(key).and_then(Value::as_object)
}

fn text(v: &Value, key: &str) -> Option<String> {
    v.get(key).and_then(Value::as_str).map(str::to_owned)
}

/// Meta times are Unix seconds in `feed`/`entry.time` and milliseconds in `messaging`.
/// Anything above 10^11 cannot be seconds (year 5138), so it is read as milliseconds.
fn unix_auto(v: Option<&Value>) -> Option<OffsetDateTime> {
    let n = match v? {
        Value::Number(n) => n.as_i64()?,
        Value::String(s) => s.parse().ok()?,
        _ => return None,
    };
    if n.unsigned_abs() > 100_000_000_000 {
        unix_millis(v)
    } else {
        unix_secs(v)
    }
}

fn change_events(ctx: &Ctx<'_>, change: &Value, out: &mut Vec<Event>) -> Result<(), PayloadError> {
    if !change.is_object() {
        return Err(PayloadError::Invalid("changes"));
    }
    let field = change.get("field").and_then(Value::as_str).unwrap_or("");
    let value = match change.get("value") {
        Some(v @ Value::Object(_)) => v,
        _ => return Err(PayloadError::Missing("changes.value")),
    };
    match (ctx.product, field) {
        (Product::Page, "feed") => out.push(page_feed(ctx, value)?),
        (Product::Page, "mention") => out.push(page_mention(ctx, value)?),
        (Product::Instagram, "comments" | "live_comments") => {
            out.push(instagram_comment(ctx, value)?)
        }
        (Product::Instagram, "mentions") => out.push(instagram_mention(ctx, value)?),
        (Product::WhatsApp, "messages") => whatsapp(ctx, value, out)?,
        _ => out.push(Event::Ignored(IgnoreReason::NotAMention)),
    }
    Ok(())
}

/// The parts every public Meta item shares; the caller fills in the rest.
fn public_parts(
    ctx: &Ctx<'_>,
    id: String,
    author_id: Option<String>,
    text: Option<String>,
    created_at: OffsetDateTime,
) -> MentionParts {
    MentionParts {
        platform: ctx.product.platform(),
        author_id: author_id.unwrap_or_else(|| unattributed_author(&id)),
        id,
        text,
        handle: None,
        name: None,
        followers: None,
        verified: false,
        visibility: Visibility::Public,
        created_at,
        conversation_id: None,
        in_reply_to: None,
        lang: None,
        engagement: None,
        url: None,
        account: ctx.account.clone(),
    }
}

/// Page `feed`: posts and comments on the Page, added, edited or removed.
fn page_feed(ctx: &Ctx<'_>, value: &Value) -> Result<Event, PayloadError> {
    let item = value.get("item").and_then(Value::as_str).unwrap_or("");
    let verb = value.get("verb").and_then(Value::as_str).unwrap_or("");
    let is_comment = item == "comment";
    if !(is_comment || matches!(item, "post" | "status" | "photo" | "video" | "share")) {
        // reactions, likes, events, ratings...: no text from a person to answer
        return Ok(Event::Ignored(IgnoreReason::NotAMention));
    }
    if !matches!(verb, "add" | "edited" | "remove") {
        // hide / unhide / block / unblock are moderation by the Page itself
        return Ok(Event::Ignored(IgnoreReason::NotAMention));
    }
    let id = page_item_id(value, is_comment)?;
    let author_id = value.get("from").and_then(|f| id_str(f.get("id")));
    if ctx.is_brand(author_id.as_deref(), None) {
        return Ok(Event::Ignored(
            if is_comment && verb == "add" && value.get("parent_id").is_some() {
                IgnoreReason::UnattributedBrandReply
            } else {
                IgnoreReason::OwnPost
            },
        ));
    }
    let platform = ctx.product.platform();
    if verb == "remove" {
        return Ok(Event::Removed { platform, id });
    }
    let created = unix_auto(value.get("created_time")).unwrap_or(ctx.time);
    let mut parts = public_parts(ctx, id, author_id, text(value, "message"), created);
    parts.name = value.get("from").and_then(|f| text(f, "name"));
    parts.conversation_id = id_str(value.get("post_id"));
    if is_comment {
        parts.in_reply_to = id_str(value.get("parent_id"));
    }
    parts.url = value
        .get("post")
        .and_then(|p| text(p, "permalink_url"))
        .filter(|u| u.starts_with("https://"));
    added_or_edited(verb, parts)
}

/// A Page item's own id: the comment's for comments, else the post's.
fn page_item_id(value: &Value, is_comment: bool) -> Result<String, PayloadError> {
    if is_comment {
        id_str(value.get("comment_id")).ok_or(PayloadError::Missing("value.comment_id"))
    } else {
        id_str(value.get("post_id")).ok_or(PayloadError::Missing("value.post_id"))
    }
}

/// `verb` edited => [`Event::Edited`] (update; queued only if it newly needs a human); otherwise
/// a new mention.
fn added_or_edited(verb: &str, parts: MentionParts) -> Result<Event, PayloadError> {
    let m = parts.build()?;
    Ok(if verb == "edited" {
        Event::Edited(m)
    } else {
        Event::Mention(m)
    })
}

/// Page `mention`: the Page was @-mentioned in someone's post or comment.
fn page_mention(ctx: &Ctx<'_>, value: &Value) -> Result<Event, PayloadError> {
    let item = value.get("item").and_then(Value::as_str).unwrap_or("post");
    let verb = value.get("verb").and_then(Value::as_str).unwrap_or("add");
    let id = page_item_id(value, item == "comment")?;
    let author_id = id_str(value.get("sender_id"));
    if ctx.is_brand(author_id.as_deref(), None) {
        return Ok(Event::Ignored(IgnoreReason::OwnPost));
    }
    let platform = ctx.product.platform();
    match verb {
        "remove" => return Ok(Event::Removed { platform, id }),
        "add" | "edited" => {}
        _ => return Ok(Event::Ignored(IgnoreReason::NotAMention)),
    }
    let created = unix_auto(value.get("created_time")).unwrap_or(ctx.time);
    let mut parts = public_parts(ctx, id, author_id, text(value, "message"), created);
    parts.name = text(value, "sender_name");
    parts.conversation_id = id_str(value.get("post_id"));
    if item == "comment" {
        parts.in_reply_to = id_str(value.get("post_id"));
    }
    added_or_edited(verb, parts)
}

/// Instagram `comments` / `live_comments` on the brand's media.
fn instagram_comment(ctx: &Ctx<'_>, value: &Value) -> Result<Event, PayloadError> {
    let id = id_str(value.get("id")).ok_or(PayloadError::Missing("value.id"))?;
    let from = object(value, "from");
    let author_id = from.and_then(|f| id_str(f.get("id")));
    let username = from.and_then(|f| f.get("username")).and_then(Value::as_str);
    if ctx.is_brand(author_id.as_deref(), username) {
        return Ok(Event::Ignored(if value.get("parent_id").is_some() {
            IgnoreReason::UnattributedBrandReply
        } else {
            IgnoreReason::OwnPost
        }));
    }
    let mut parts = public_parts(ctx, id, author_id, text(value, "text"), ctx.time);
    parts.handle = username.map(str::to_owned);
    parts.conversation_id = value
        .get("media")
        .and_then(|m| id_str(m.get("id")))
        .or_else(|| id_str(value.get("media_id")));
    parts.in_reply_to = id_str(value.get("parent_id"));
    Ok(Event::Mention(parts.build()?))
}

/// Instagram `mentions`: the brand was @-mentioned in a caption or a comment. Meta sends only
/// ids, so the mention is kept without text or author (`content_unavailable`); fetching it would
/// be an outbound call, which this service never makes.
fn instagram_mention(ctx: &Ctx<'_>, value: &Value) -> Result<Event, PayloadError> {
    let media = id_str(value.get("media_id"));
    let id = id_str(value.get("comment_id"))
        .or_else(|| media.clone())
        .ok_or(PayloadError::Missing("value.media_id"))?;
    let author_id = value
        .get("from")
        .and_then(|f| id_str(f.get("id")))
        .or_else(|| id_str(value.get("sender_id")));
    let mut parts = public_parts(ctx, id, author_id, text(value, "text"), ctx.time);
    parts.conversation_id = media;
    Ok(Event::Mention(parts.build()?))
}

/// `messaging[]`: Messenger (Page) or Instagram direct messages.
fn messaging_event(ctx: &Ctx<'_>, m: &Value) -> Result<Event, PayloadError> {
    if !m.is_object() {
        return Err(PayloadError::Invalid("messaging"));
    }
    let Some(message) = m.get("message").filter(|v| v.is_object()) else {
        return Ok(Event::Ignored(
            if m.get("delivery").is_some() || m.get("read").is_some() {
                IgnoreReason::Receipt
            } else {
                // postbacks, reactions, referrals, optins...
                IgnoreReason::NotAMention
            },
        ));
    };
    let mid = id_str(message.get("mid")).ok_or(PayloadError::Missing("message.mid"))?;
    let sender = m.get("sender").and_then(|s| id_str(s.get("id")));
    let recipient = m.get("recipient").and_then(|s| id_str(s.get("id")));
    let at = unix_auto(m.get("timestamp")).unwrap_or(ctx.time);
    let platform = ctx.product.platform();
    let echo = message.get("is_echo").and_then(Value::as_bool) == Some(true);
    if echo || ctx.is_brand(sender.as_deref(), None) {
        return Ok(match recipient {
            Some(to) if !ctx.is_brand(Some(&to), None) => Event::BrandReply(BrandReply {
                platform,
                reply_id: mid,
                to_author_id: to,
                at,
            }),
            _ => Event::Ignored(IgnoreReason::UnattributedBrandReply),
        });
    }
    if message.get("is_deleted").and_then(Value::as_bool) == Some(true) {
        // Instagram "unsend": the author withdrew the message.
        return Ok(Event::Removed { platform, id: mid });
    }
    let author_id = sender.ok_or(PayloadError::Missing("sender.id"))?;
    let mut parts = public_parts(ctx, mid, Some(author_id), text(message, "text"), at);
    parts.visibility = Visibility::Private;
    parts.in_reply_to = message.get("reply_to").and_then(|r| id_str(r.get("mid")));
    Ok(Event::Mention(parts.build()?))
}

/// WhatsApp `messages`: customer messages (private mentions) and delivery `statuses` (ignored).
fn whatsapp(ctx: &Ctx<'_>, value: &Value, out: &mut Vec<Event>) -> Result<(), PayloadError> {
    let Value::Object(value) = value else {
        return Err(PayloadError::Invalid("changes.value"));
    };
    // The sender's profile name comes beside the messages, keyed by their WhatsApp id; the
    // number they wrote to (what an answer is sent from) in `metadata`.
    let contacts = array(value, "contacts").unwrap_or_default();
    let number = value
        .get("metadata")
        .and_then(|m| id_str(m.get("phone_number_id")));
    for msg in array(value, "messages")? {
        let from = id_str(msg.get("from"));
        let name = contacts
            .iter()
            .find(|c| from.is_some() && id_str(c.get("wa_id")) == from)
            .and_then(|c| c.get("profile"))
            .and_then(|p| text(p, "name"));
        out.push(whatsapp_message(ctx, msg, name, number.clone())?);
        check_count(out.len())?;
    }
    for _ in array(value, "statuses")? {
        // sent / delivered / read / failed receipts of the brand's own messages: no mention
        out.push(Event::Ignored(IgnoreReason::Receipt));
        check_count(out.len())?;
    }
    Ok(())
}

fn whatsapp_message(
    ctx: &Ctx<'_>,
    msg: &Value,
    name: Option<String>,
    number: Option<String>,
) -> Result<Event, PayloadError> {
    if !msg.is_object() {
        return Err(PayloadError::Invalid("messages"));
    }
    let kind = msg.get("type").and_then(Value::as_str).unwrap_or("text");
    if matches!(kind, "reaction" | "system") {
        // an emoji on an earlier message, or "customer changed number": nothing to answer
        return Ok(Event::Ignored(IgnoreReason::NotAMention));
    }
    let id = id_str(msg.get("id")).ok_or(PayloadError::Missing("messages.id"))?;
    let from = id_str(msg.get("from")).ok_or(PayloadError::Missing("messages.from"))?;
    let body = msg
        .get("text")
        .and_then(|t| text(t, "body"))
        .or_else(|| msg.get(kind).and_then(|m| text(m, "caption")))
        .or_else(|| msg.get("button").and_then(|b| text(b, "text")))
        .or_else(|| {
            let i = msg.get("interactive")?;
            i.get("button_reply")
                .or_else(|| i.get("list_reply"))
                .and_then(|r| text(r, "title"))
        });
    let at = unix_secs(msg.get("timestamp")).unwrap_or(ctx.time);
    let mut parts = public_parts(ctx, id, Some(from), body, at);
    parts.name = name;
    parts.account = number.or(parts.account);
    parts.visibility = Visibility::Private;
    parts.in_reply_to = msg.get("context").and_then(|c| id_str(c.get("id")));
    Ok(Event::Mention(parts.build()?))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn now() -> OffsetDateTime {
        time::macros::datetime!(2026-11-20 10:00 UTC)
    }

    fn run(json: &str) -> Result<Vec<Event>, PayloadError> {
        normalise(
            &VerifiedBody::for_tests(json.as_bytes()),
            &BrandRules::default(),
            now(),
        )
    }

    fn mention(e: &Event) -> &crate::core::mention::Mention {
        match e {
            Event::Mention(m) | Event::Edited(m) => m,
            other => panic!("not a mention: {other:?}"),
        }
    }

    #[test]
    fn page_feed_add_edit_remove_across_entries_and_changes() {
        let ev = run(r#"{"object":"page","entry":[
          {"id":"111","time":1763632800,"changes":[
            {"field":"feed","value":{"item":"comment","verb":"add","post_id":"111_5","comment_id":"5_1",
              "parent_id":"111_5","from":{"id":"900","name":"Jane"},"message":"My card was charged twice \u00e4","created_time":1763632800}},
            {"field":"feed","value":{"item":"comment","verb":"edited","post_id":"111_5","comment_id":"5_1",
              "parent_id":"111_5","from":{"id":"900","name":"Jane"},"message":"edited text","created_time":1763632900}}]},
          {"id":"111","time":1763633000,"changes":[
            {"field":"feed","value":{"item":"comment","verb":"remove","post_id":"111_5","comment_id":"5_1","from":{"id":"900"}}},
            {"field":"feed","value":{"item":"reaction","verb":"add","post_id":"111_5","reaction_type":"like","from":{"id":"900"}}},
            {"field":"feed","value":{"item":"comment","verb":"add","post_id":"111_5","comment_id":"5_2","parent_id":"5_1",
              "from":{"id":"111","name":"Acme"},"message":"Sorry! DM us"}}]}]}"#)
        .unwrap();
        assert_eq!(ev.len(), 5);
        let m = mention(&ev[0]);
        assert_eq!(m.platform.as_str(), "facebook");
        assert_eq!(m.id, "5_1");
        assert_eq!(m.text.as_deref(), Some("My card was charged twice ä"));
        assert_eq!(m.author.name.as_deref(), Some("Jane"));
        assert_eq!(m.account.as_deref(), Some("111"));
        assert_eq!(m.in_reply_to.as_deref(), Some("111_5"));
        assert!(matches!(&ev[1], Event::Edited(m) if m.text.as_deref() == Some("edited text")));
        assert!(matches!(&ev[2], Event::Removed { id, .. } if id == "5_1"));
        assert_eq!(ev[3], Event::Ignored(IgnoreReason::NotAMention));
        assert_eq!(ev[4], Event::Ignored(IgnoreReason::UnattributedBrandReply));
    }

    #[test]
    fn instagram_comment_and_textless_mention() {
        let ev = run(r#"{"object":"instagram","entry":[{"id":"17841400000","time":1763632800,"changes":[
          {"field":"comments","value":{"id":"1790001","text":"where is my order?","from":{"id":"555","username":"sam"},
            "media":{"id":"1789","media_product_type":"FEED"}}},
          {"field":"mentions","value":{"media_id":"1790","comment_id":"1791"}},
          {"field":"mentions","value":{"media_id":"1792"}}]}]}"#)
        .unwrap();
        let c = mention(&ev[0]);
        assert_eq!(
            (c.platform.as_str(), c.author.handle.as_deref()),
            ("instagram", Some("sam"))
        );
        assert_eq!(c.conversation_id.as_deref(), Some("1789"));
        let m = mention(&ev[1]);
        assert_eq!((m.id.as_str(), m.text.as_deref()), ("1791", None));
        assert_eq!(m.author.id, "unattributed:1791");
        assert_eq!(mention(&ev[2]).id, "1792");
    }

    #[test]
    fn whatsapp_messages_are_private_and_statuses_ignored() {
        let ev = run(r#"{"object":"whatsapp_business_account","entry":[{"id":"WABA","changes":[{"field":"messages","value":{
          "messaging_product":"whatsapp","metadata":{"display_phone_number":"15550001111","phone_number_id":"123"},
          "contacts":[{"profile":{"name":"Kim"},"wa_id":"447700900000"}],
          "messages":[{"from":"447700900000","id":"wamid.A","timestamp":"1763632800","type":"text","text":{"body":"my account is locked"}},
                      {"from":"447700900000","id":"wamid.B","timestamp":"1763632801","type":"image","image":{"caption":"see this","id":"m"}}],
          "statuses":[{"id":"wamid.X","status":"delivered","timestamp":"1763632800","recipient_id":"447700900000"}]}}]}]}"#)
        .unwrap();
        assert_eq!(ev.len(), 3);
        let m = mention(&ev[0]);
        assert_eq!(
            (m.platform.as_str(), m.visibility),
            ("whatsapp", Visibility::Private)
        );
        assert_eq!(m.author.name.as_deref(), Some("Kim"));
        assert_eq!(m.account.as_deref(), Some("123"), "the number written to");
        assert_eq!(m.created_at.unix_timestamp(), 1763632800);
        assert_eq!(mention(&ev[1]).text.as_deref(), Some("see this"));
        assert_eq!(ev[2], Event::Ignored(IgnoreReason::Receipt));
        // statuses alone are fine, not an error
        let only = run(r#"{"object":"whatsapp_business_account","entry":[{"id":"W","changes":[{"field":"messages","value":{"statuses":[{"id":"x","status":"read"}]}}]}]}"#).unwrap();
        assert_eq!(only, vec![Event::Ignored(IgnoreReason::Receipt)]);
    }

    #[test]
    fn messenger_dm_and_echo() {
        let ev = run(r#"{"object":"page","entry":[{"id":"111","time":1763632800000,"messaging":[
          {"sender":{"id":"900"},"recipient":{"id":"111"},"timestamp":1763632800000,"message":{"mid":"m_1","text":"hello?"}},
          {"sender":{"id":"111"},"recipient":{"id":"900"},"timestamp":1763632900000,"message":{"mid":"m_2","text":"hi!","is_echo":true}},
          {"sender":{"id":"900"},"recipient":{"id":"111"},"delivery":{"mids":["m_2"]}}]}]}"#)
        .unwrap();
        let m = mention(&ev[0]);
        assert_eq!(m.visibility, Visibility::Private);
        assert_eq!(m.created_at.unix_timestamp(), 1763632800);
        assert!(matches!(&ev[1], Event::BrandReply(r) if r.to_author_id == "900"));
        assert_eq!(ev[2], Event::Ignored(IgnoreReason::Receipt));
    }

    #[test]
    fn page_mention_and_own_post() {
        let ev = run(r#"{"object":"page","entry":[{"id":"111","time":1763632800,"changes":[
          {"field":"mention","value":{"item":"post","verb":"add","post_id":"77_8","sender_id":"77","sender_name":"Lee","message":"@Acme scam!"}},
          {"field":"feed","value":{"item":"status","verb":"add","post_id":"111_9","from":{"id":"111"},"message":"New branch open"}}]}]}"#)
        .unwrap();
        assert_eq!(mention(&ev[0]).author.id, "77");
        assert_eq!(ev[1], Event::Ignored(IgnoreReason::OwnPost));
    }

    #[test]
    fn malformed_shapes_are_refused_unknown_objects_ignored() {
        assert!(run("[]").is_err());
        assert!(run(r#"{"entry":[]}"#).is_err());
        assert!(run(r#"{"object":"page","entry":{}}"#).is_err());
        assert!(run(r#"{"object":"page","entry":[{"changes":[{"field":"feed","value":{"item":"comment","verb":"add"}}]}]}"#).is_err());
        assert_eq!(
            run(r#"{"object":"user","entry":[]}"#).unwrap(),
            vec![Event::Ignored(IgnoreReason::NotAMention)]
        );
        assert!(run(r#"{"object":"page","entry":[]}"#).unwrap().is_empty());
    }
}
