//! A fresh template-created table and queue pair per test, plus the reads tests check with.

use std::sync::Arc;

use aws_sdk_dynamodb::types::{AttributeValue, Select};
use aws_sdk_sqs::types::Message;
use mention_triage::adapters::dynamo::DynamoStore;
use mention_triage::adapters::sqs::SqsQueue;
use mention_triage::app::App;
use mention_triage::core::brand::BrandRules;
use mention_triage::core::verify::{Limits, SecretKind, SecretSet};
use mention_triage::http::{Clock, Secrets, Service};

use super::aws::Aws;
use super::fixtures::{assert_queue_item, now, X_SECRET};
use super::template::{self, Queues};

/// A fresh table and queue pair for one test.
pub struct Rig {
    /// The emulator connection.
    pub aws: Aws,
    /// The template-created table.
    pub table: String,
    /// The template-created queues.
    pub queues: Queues,
}

impl Rig {
    /// Creates the table and queues.
    pub async fn new(aws: Aws) -> Rig {
        let table = template::create_table(&aws).await;
        let queues = template::create_queues(&aws).await;
        Rig { aws, table, queues }
    }

    /// The service as the Lambda wires it, on this rig's table and the given queue URL.
    pub fn service_with(&self, table: &str, queue_url: &str) -> Service {
        self.service_from(table, queue_url, BrandRules::default(), Arc::new(now))
    }

    /// The service with everything chosen: table, queue, brand rules and clock.
    pub fn service_from(
        &self,
        table: &str,
        queue_url: &str,
        rules: BrandRules,
        clock: Clock,
    ) -> Service {
        let app = App::new(
            Arc::new(DynamoStore::new(self.aws.ddb.clone(), table.to_owned())),
            Arc::new(SqsQueue::new(self.aws.sqs.clone(), queue_url.to_owned())),
            Arc::new(rules),
        );
        let secrets = Secrets {
            x: Some(SecretSet::parse_list(X_SECRET, SecretKind::Raw).unwrap()),
            ..Secrets::default()
        };
        Service::with_clock(app, secrets, Limits::default(), clock)
    }

    /// The service on this rig's table and main queue.
    pub fn service(&self) -> Service {
        self.service_with(&self.table, &self.queues.main.url)
    }

    /// The stored mention item, read with strong consistency.
    pub async fn mention_item(
        &self,
        id: &str,
    ) -> Option<std::collections::HashMap<String, AttributeValue>> {
        self.aws
            .ddb
            .get_item()
            .table_name(&self.table)
            .key("pk", AttributeValue::S(format!("MENTION#x#{id}")))
            .key("sk", AttributeValue::S("MENTION".into()))
            .consistent_read(true)
            .send()
            .await
            .unwrap()
            .item
    }

    /// Items in the table (consistent scan).
    pub async fn item_count(&self) -> i32 {
        self.aws
            .ddb
            .scan()
            .table_name(&self.table)
            .select(Select::Count)
            .consistent_read(true)
            .send()
            .await
            .unwrap()
            .count
    }

    /// Receives (and deletes) everything currently on the main queue, validating each body.
    pub async fn drain(&self) -> Vec<Message> {
        let mut all = Vec::new();
        loop {
            let out = self
                .aws
                .sqs
                .receive_message()
                .queue_url(&self.queues.main.url)
                .max_number_of_messages(10)
                .wait_time_seconds(1)
                .message_attribute_names("All")
                .send()
                .await
                .unwrap();
            let msgs = out.messages.unwrap_or_default();
            if msgs.is_empty() {
                return all;
            }
            for m in msgs {
                assert_queue_item(m.body().expect("message has a body"));
                self.aws
                    .sqs
                    .delete_message()
                    .queue_url(&self.queues.main.url)
                    .receipt_handle(m.receipt_handle().unwrap())
                    .send()
                    .await
                    .unwrap();
                all.push(m);
            }
        }
    }
}
