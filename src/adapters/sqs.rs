//! The SQS queue for humans: one `SendMessage` per high-risk mention, with the SPEC section 6
//! body and the `priority`, `route` and `platform` message attributes.

use async_trait::async_trait;
use aws_sdk_sqs::types::MessageAttributeValue;

use crate::app::{PortError, Queue};

/// Sends queue items to one SQS queue.
#[derive(Clone)]
pub struct SqsQueue {
    client: aws_sdk_sqs::Client,
    queue_url: String,
}

impl SqsQueue {
    /// Wraps a client and the queue URL (`TRIAGE_QUEUE_URL`).
    pub fn new(client: aws_sdk_sqs::Client, queue_url: String) -> Self {
        Self { client, queue_url }
    }
}

fn attr(v: &str) -> Result<MessageAttributeValue, PortError> {
    MessageAttributeValue::builder()
        .data_type("String")
        .string_value(v)
        .build()
        .map_err(|e| PortError::Queue(e.to_string()))
}

#[async_trait]
impl Queue for SqsQueue {
    async fn send(
        &self,
        item_json: &str,
        priority: &str,
        route: &str,
        platform: &str,
    ) -> Result<(), PortError> {
        self.client
            .send_message()
            .queue_url(&self.queue_url)
            .message_body(item_json)
            .message_attributes("priority", attr(priority)?)
            .message_attributes("route", attr(route)?)
            .message_attributes("platform", attr(platform)?)
            .send()
            .await
            .map_err(|e| {
                PortError::Queue(aws_sdk_sqs::error::DisplayErrorContext(e).to_string())
            })?;
        Ok(())
    }
}
