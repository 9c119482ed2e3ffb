//! The DynamoDB store (single table; design in ARCHITECTURE.md).

use async_trait::async_trait;
use time::OffsetDateTime;

use crate::app::{AuthorHistory, InsertOutcome, PortError, QueuedEntry, Store, StoredMention};
use crate::core::normalise::BrandReply;

/// Stores state in one DynamoDB table (`TRIAGE_TABLE`).
#[derive(Clone)]
pub struct DynamoStore {
    #[allow(dead_code)]
    client: aws_sdk_dynamodb::Client,
    #[allow(dead_code)]
    table: String,
}

impl DynamoStore {
    /// Wraps a client and the table name.
    pub fn new(client: aws_sdk_dynamodb::Client, table: String) -> Self {
        Self { client, table }
    }
}

fn todo() -> PortError {
    PortError::Store("DynamoDB store not implemented yet".into())
}

#[async_trait]
impl Store for DynamoStore {
    async fn author_history(
        &self,
        _: &str,
        _: &str,
        _: OffsetDateTime,
    ) -> Result<AuthorHistory, PortError> {
        Err(todo())
    }
    async fn surge_count(&self, _: &str, _: i64) -> Result<u64, PortError> {
        Err(todo())
    }
    async fn insert_mention(&self, _: &StoredMention) -> Result<InsertOutcome, PortError> {
        Err(todo())
    }
    async fn mark_queued(&self, _: &str) -> Result<(), PortError> {
        Err(todo())
    }
    async fn update_mention(&self, _: &StoredMention) -> Result<bool, PortError> {
        Err(todo())
    }
    async fn mark_removed(&self, _: &str, _: OffsetDateTime) -> Result<(), PortError> {
        Err(todo())
    }
    async fn record_brand_reply(&self, _: &BrandReply) -> Result<(), PortError> {
        Err(todo())
    }
    async fn queued(&self, _: usize) -> Result<Vec<QueuedEntry>, PortError> {
        Err(todo())
    }
}
