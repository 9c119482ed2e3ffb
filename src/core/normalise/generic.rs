//! The generic route: a body that is already a normalised mention (`mention@1`), or
//! `{"mentions": [...]}`. Any listening tool that signs Standard Webhooks can send it.

use time::OffsetDateTime;

use super::{parse_json, Event, MAX_ITEMS_PER_DELIVERY};
use crate::core::error::PayloadError;
use crate::core::mention::Mention;
use crate::core::verify::VerifiedBody;

/// Normalises a generic delivery. Either every mention is valid or the whole delivery is refused,
/// so a 400 never leaves half a batch stored.
pub fn normalise(body: &VerifiedBody<'_>, now: OffsetDateTime) -> Result<Vec<Event>, PayloadError> {
    let v = parse_json(body.bytes())?;
    let serde_json::Value::Object(mut obj) = v else {
        return Err(PayloadError::Malformed);
    };
    // A batch is `{"mentions": [...]}`, perhaps with fields of the sender's own (an event id).
    // A mention, which always has an author, may carry a `mentions` field of its own (the
    // @handles it names, say): unknown fields are ignored.
    let batch = !obj.contains_key("author");
    let items = match obj.remove("mentions") {
        Some(serde_json::Value::Array(items)) if batch => items,
        Some(_) if batch => return Err(PayloadError::Invalid("mentions")),
        _ => vec![serde_json::Value::Object(obj)],
    };
    if items.is_empty() || items.len() > MAX_ITEMS_PER_DELIVERY {
        return Err(PayloadError::Invalid("mentions"));
    }
    items
        .into_iter()
        .map(|item| Mention::from_json_value(item, now).map(Event::Mention))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(json: &str) -> Result<Vec<Event>, PayloadError> {
        normalise(
            &VerifiedBody::for_tests(json.as_bytes()),
            time::macros::datetime!(2026-11-20 10:00 UTC),
        )
    }

    #[test]
    fn single_and_batch() {
        assert_eq!(
            run(r#"{"platform":"reviews","id":"1","author":{"id":"a"},"text":"hi"}"#)
                .unwrap()
                .len(),
            1
        );
        let batch = r#"{"mentions":[{"platform":"x","id":"1","author":{"id":"a"}},{"platform":"x","id":"2","author":{"id":"b"}}]}"#;
        assert_eq!(run(batch).unwrap().len(), 2);
    }

    #[test]
    fn a_mention_with_a_mentions_field_is_one_mention() {
        for extra in [
            r#"["acme"]"#,
            r#"[{"platform":"x","id":"9","author":{"id":"z"}}]"#,
        ] {
            let body = format!(
                r#"{{"platform":"reviews","id":"outer","author":{{"id":"a"}},"mentions":{extra}}}"#
            );
            let ev = run(&body).unwrap();
            assert!(
                matches!(ev.as_slice(), [Event::Mention(m)] if m.id == "outer"),
                "{ev:?}"
            );
        }
    }

    #[test]
    fn a_batch_may_carry_an_event_id() {
        let ev =
            run(r#"{"id":"evt_1","mentions":[{"platform":"x","id":"1","author":{"id":"a"}}]}"#)
                .unwrap();
        assert!(
            matches!(ev.as_slice(), [Event::Mention(m)] if m.id == "1"),
            "{ev:?}"
        );
    }

    #[test]
    fn one_bad_item_refuses_the_batch() {
        let batch = r#"{"mentions":[{"platform":"x","id":"1","author":{"id":"a"}},{"platform":"x","author":{"id":"b"}}]}"#;
        assert_eq!(run(batch).unwrap_err(), PayloadError::Missing("id"));
    }

    #[test]
    fn not_an_object_or_empty_batch_is_malformed() {
        assert!(run("[1,2]").is_err());
        assert!(run(r#"{"mentions":[]}"#).is_err());
        assert!(run("not json").is_err());
    }
}
