//! Creates the table and queues on the emulator from `infra/template.yaml` itself.
//!
//! Keys, the `queued` index, TTL and the queue settings come from the template's own
//! properties, never from test code, so what the tests run against cannot drift from what is
//! deployed. Only `MentionsTable`, `HumanQueue` and `HumanDeadLetterQueue` are read; the rest of
//! the template (functions, alarms...) belongs to others and is ignored. Each call creates
//! resources under fresh names, so tests can run in parallel on one emulator.
//!
//! CloudFormation intrinsics (`!GetAtt X.Arn`, `!Ref X`, and their `Fn::` long forms) are
//! resolved against the queues created here; ARNs and URLs always come from the emulator
//! (moto and ministack use different account ids), never from string building.

use std::collections::HashMap;

use aws_sdk_dynamodb::types::{
    AttributeDefinition, BillingMode, GlobalSecondaryIndex, KeySchemaElement, KeyType, Projection,
    ProjectionType, ProvisionedThroughput, ScalarAttributeType, TableStatus,
    TimeToLiveSpecification,
};
use aws_sdk_sqs::types::QueueAttributeName;
use serde_yaml::Value;

use super::aws::{unique, Aws};

/// Logical id of the table in the template.
pub const TABLE: &str = "MentionsTable";
/// Logical id of the human queue.
pub const QUEUE: &str = "HumanQueue";
/// Logical id of its dead-letter queue.
pub const DLQ: &str = "HumanDeadLetterQueue";

/// Table properties that carry no data-plane behaviour the emulators could check.
const TABLE_IGNORED: &[&str] = &[
    "TableName",
    "PointInTimeRecoverySpecification",
    "SSESpecification",
    "Tags",
    "DeletionProtectionEnabled",
    "ContributorInsightsSpecification",
    "StreamSpecification",
    "TableClass",
    "ResourcePolicy",
    "WarmThroughput",
    "OnDemandThroughput",
    "KinesisStreamSpecification",
];
/// Queue properties that are not SQS queue attributes.
const QUEUE_IGNORED: &[&str] = &["QueueName", "Tags"];

/// The parsed template.
pub struct Template {
    resources: serde_yaml::Mapping,
}

impl Template {
    /// Reads `infra/template.yaml` from the crate root.
    pub fn load() -> Template {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/infra/template.yaml");
        let text = std::fs::read_to_string(path).expect("read infra/template.yaml");
        let doc: Value = serde_yaml::from_str(&text).expect("infra/template.yaml is YAML");
        let resources = doc
            .get("Resources")
            .and_then(Value::as_mapping)
            .cloned()
            .expect("template has Resources");
        Template { resources }
    }

    /// `Properties` of one resource (panics, naming it, if absent).
    pub fn properties(&self, logical_id: &str) -> &serde_yaml::Mapping {
        self.resources
            .get(logical_id)
            .and_then(|r| r.get("Properties"))
            .and_then(Value::as_mapping)
            .unwrap_or_else(|| panic!("template resource {logical_id} has no Properties"))
    }
}

fn prop<'a>(props: &'a serde_yaml::Mapping, name: &str) -> Option<&'a Value> {
    props.get(name)
}

fn str_of(v: &Value, what: &str) -> String {
    match v {
        Value::String(s) => s.clone(),
        Value::Number(n) => n.to_string(),
        Value::Bool(b) => b.to_string(),
        other => panic!("{what}: expected a scalar, got {other:?}"),
    }
}

fn list<'a>(props: &'a serde_yaml::Mapping, name: &str) -> &'a [Value] {
    prop(props, name)
        .and_then(Value::as_sequence)
        .map(Vec::as_slice)
        .unwrap_or_default()
}

fn field(v: &Value, name: &str) -> String {
    str_of(
        v.get(name)
            .unwrap_or_else(|| panic!("template entry lacks {name}: {v:?}")),
        name,
    )
}

fn key_schema(entries: &[Value]) -> Vec<KeySchemaElement> {
    entries
        .iter()
        .map(|k| {
            KeySchemaElement::builder()
                .attribute_name(field(k, "AttributeName"))
                .key_type(KeyType::from(field(k, "KeyType").as_str()))
                .build()
                .expect("key schema element")
        })
        .collect()
}

fn throughput(v: Option<&Value>) -> Option<ProvisionedThroughput> {
    let v = v?;
    Some(
        ProvisionedThroughput::builder()
            .read_capacity_units(field(v, "ReadCapacityUnits").parse().expect("RCU"))
            .write_capacity_units(field(v, "WriteCapacityUnits").parse().expect("WCU"))
            .build()
            .expect("provisioned throughput"),
    )
}

/// Creates `MentionsTable` under a fresh name, waits for it, applies its TTL; returns the name.
pub async fn create_table(aws: &Aws) -> String {
    let template = Template::load();
    let props = template.properties(TABLE);
    for k in props.keys() {
        let k = str_of(k, "property name");
        let handled = [
            "BillingMode",
            "AttributeDefinitions",
            "KeySchema",
            "GlobalSecondaryIndexes",
            "ProvisionedThroughput",
            "TimeToLiveSpecification",
        ];
        if !handled.contains(&k.as_str()) && !TABLE_IGNORED.contains(&k.as_str()) {
            // Loud, but not fatal: a new property may be harmless (tags) or may need support here.
            eprintln!("warning: {TABLE}.{k} is not applied by tests/it/support/template.rs");
        }
    }
    let name = unique("mentions");
    let mut req = aws.ddb.create_table().table_name(&name);
    if let Some(mode) = prop(props, "BillingMode") {
        req = req.billing_mode(BillingMode::from(str_of(mode, "BillingMode").as_str()));
    }
    for a in list(props, "AttributeDefinitions") {
        req = req.attribute_definitions(
            AttributeDefinition::builder()
                .attribute_name(field(a, "AttributeName"))
                .attribute_type(ScalarAttributeType::from(
                    field(a, "AttributeType").as_str(),
                ))
                .build()
                .expect("attribute definition"),
        );
    }
    req = req.set_key_schema(Some(key_schema(list(props, "KeySchema"))));
    req = req.set_provisioned_throughput(throughput(prop(props, "ProvisionedThroughput")));
    for g in list(props, "GlobalSecondaryIndexes") {
        let p = g.get("Projection").expect("GSI Projection");
        let projection = Projection::builder()
            .projection_type(ProjectionType::from(field(p, "ProjectionType").as_str()))
            .set_non_key_attributes(
                p.get("NonKeyAttributes")
                    .and_then(Value::as_sequence)
                    .map(|s| s.iter().map(|a| str_of(a, "NonKeyAttributes")).collect()),
            )
            .build();
        let keys = g
            .get("KeySchema")
            .and_then(Value::as_sequence)
            .expect("GSI KeySchema");
        req = req.global_secondary_indexes(
            GlobalSecondaryIndex::builder()
                .index_name(field(g, "IndexName"))
                .set_key_schema(Some(key_schema(keys)))
                .projection(projection)
                .set_provisioned_throughput(throughput(g.get("ProvisionedThroughput")))
                .build()
                .expect("GSI"),
        );
    }
    if let Err(e) = req.send().await {
        panic!(
            "CreateTable {TABLE} from the template on {}: {}",
            aws.emulator,
            aws_sdk_dynamodb::error::DisplayErrorContext(e)
        );
    }
    for _ in 0..100 {
        let d = aws
            .ddb
            .describe_table()
            .table_name(&name)
            .send()
            .await
            .expect("DescribeTable");
        if d.table().and_then(|t| t.table_status()) == Some(&TableStatus::Active) {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    if let Some(ttl) = prop(props, "TimeToLiveSpecification") {
        let enabled = ttl.get("Enabled").and_then(Value::as_bool).unwrap_or(false);
        if enabled {
            aws.ddb
                .update_time_to_live()
                .table_name(&name)
                .time_to_live_specification(
                    TimeToLiveSpecification::builder()
                        .attribute_name(field(ttl, "AttributeName"))
                        .enabled(true)
                        .build()
                        .expect("TTL spec"),
                )
                .send()
                .await
                .expect("UpdateTimeToLive from the template");
        }
    }
    name
}

/// One created queue.
#[derive(Debug, Clone)]
pub struct QueueInfo {
    /// Its URL, as the emulator returned it.
    pub url: String,
    /// Its ARN, from GetQueueAttributes.
    pub arn: String,
}

/// The human queue and its dead-letter queue.
#[derive(Debug, Clone)]
pub struct Queues {
    /// `HumanQueue`.
    pub main: QueueInfo,
    /// `HumanDeadLetterQueue`.
    pub dlq: QueueInfo,
}

/// The logical id an intrinsic's operand points at (`X.Arn`, `[X, Arn]`, `X`).
fn target(tag: &str, operand: &Value) -> String {
    match operand {
        Value::String(s) => s.split('.').next().unwrap_or_default().to_owned(),
        Value::Sequence(s) => s.first().map(|v| str_of(v, tag)).unwrap_or_default(),
        other => panic!("unsupported {tag} operand {other:?}"),
    }
}

/// Logical ids referenced by `!GetAtt`/`!Ref` (short or long form) anywhere in `v`.
fn references(v: &Value, out: &mut Vec<String>) {
    match v {
        Value::Tagged(t) => out.push(target(&t.tag.to_string(), &t.value)),
        Value::Mapping(m) => {
            for (k, v) in m {
                match k.as_str() {
                    Some(tag @ ("Fn::GetAtt" | "Ref")) => out.push(target(tag, v)),
                    _ => references(v, out),
                }
            }
        }
        Value::Sequence(s) => s.iter().for_each(|v| references(v, out)),
        _ => {}
    }
}

/// YAML to JSON, resolving `GetAtt X.Arn` and `Ref X` against created queues.
fn resolve(v: &Value, created: &HashMap<String, QueueInfo>) -> serde_json::Value {
    let lookup = |tag: &str, operand: &Value| -> serde_json::Value {
        let (id, attr) = match operand {
            Value::String(s) => match s.split_once('.') {
                Some((id, attr)) => (id.to_owned(), attr.to_owned()),
                None => (s.clone(), String::new()),
            },
            Value::Sequence(s) if s.len() == 2 => (str_of(&s[0], tag), str_of(&s[1], tag)),
            other => panic!("unsupported {tag} operand {other:?}"),
        };
        let q = created
            .get(&id)
            .unwrap_or_else(|| panic!("{tag} {id}: not a queue created by the tests"));
        let is_ref = tag.trim_start_matches('!') == "Ref";
        match (is_ref, attr.as_str()) {
            (true, _) | (false, "QueueUrl") => serde_json::Value::String(q.url.clone()),
            (false, "Arn") => serde_json::Value::String(q.arn.clone()),
            (false, other) => panic!("GetAtt {id}.{other} is not supported by the test harness"),
        }
    };
    match v {
        Value::Null => serde_json::Value::Null,
        Value::Bool(b) => serde_json::Value::Bool(*b),
        Value::Number(n) => serde_json::to_value(n).expect("number"),
        Value::String(s) => serde_json::Value::String(s.clone()),
        Value::Sequence(s) => s.iter().map(|v| resolve(v, created)).collect(),
        Value::Tagged(t) => lookup(&t.tag.to_string(), &t.value),
        Value::Mapping(m) => {
            if let Some((k, operand)) = m.iter().next().filter(|_| m.len() == 1) {
                match k.as_str() {
                    Some("Fn::GetAtt") => return lookup("GetAtt", operand),
                    Some("Ref") => return lookup("Ref", operand),
                    _ => {}
                }
            }
            serde_json::Value::Object(
                m.iter()
                    .map(|(k, v)| (str_of(k, "key"), resolve(v, created)))
                    .collect(),
            )
        }
    }
}

/// A queue attribute value: strings as they are, numbers and booleans as text, objects
/// (`RedrivePolicy`, `RedriveAllowPolicy`) as JSON.
fn attribute_value(v: serde_json::Value) -> String {
    match v {
        serde_json::Value::String(s) => s,
        serde_json::Value::Object(_) | serde_json::Value::Array(_) => v.to_string(),
        other => other.to_string(),
    }
}

/// Creates `HumanDeadLetterQueue` and `HumanQueue` (in dependency order) under fresh names,
/// with every attribute the template gives them.
pub async fn create_queues(aws: &Aws) -> Queues {
    let template = Template::load();
    let mut pending = vec![QUEUE, DLQ];
    let mut created: HashMap<String, QueueInfo> = HashMap::new();
    while !pending.is_empty() {
        let ready = pending
            .iter()
            .position(|id| {
                let mut refs = Vec::new();
                references(&Value::Mapping(template.properties(id).clone()), &mut refs);
                refs.iter().all(|r| created.contains_key(r))
            })
            .expect("queues reference each other in a cycle, or something not creatable here");
        let id = pending.remove(ready);
        let props = template.properties(id);
        let mut name = unique(&id.to_ascii_lowercase());
        let mut req = aws.sqs.create_queue();
        for (k, v) in props {
            let k = str_of(k, "property name");
            if QUEUE_IGNORED.contains(&k.as_str()) {
                continue;
            }
            let value = attribute_value(resolve(v, &created));
            if k == "FifoQueue" && value == "true" {
                name.push_str(".fifo");
            }
            req = req.attributes(QueueAttributeName::from(k.as_str()), value);
        }
        let url = req
            .queue_name(&name)
            .send()
            .await
            .unwrap_or_else(|e| {
                panic!(
                    "CreateQueue {id} from the template on {}: {}",
                    aws.emulator,
                    aws_sdk_sqs::error::DisplayErrorContext(e)
                )
            })
            .queue_url
            .expect("CreateQueue returns a URL");
        let arn = queue_attribute(aws, &url, QueueAttributeName::QueueArn).await;
        created.insert(id.to_owned(), QueueInfo { url, arn });
    }
    Queues {
        main: created.remove(QUEUE).expect("main queue"),
        dlq: created.remove(DLQ).expect("dead-letter queue"),
    }
}

/// One attribute of a queue, as the emulator reports it.
pub async fn queue_attribute(aws: &Aws, url: &str, name: QueueAttributeName) -> String {
    aws.sqs
        .get_queue_attributes()
        .queue_url(url)
        .attribute_names(name.clone())
        .send()
        .await
        .expect("GetQueueAttributes")
        .attributes
        .and_then(|mut a| a.remove(&name))
        .unwrap_or_else(|| panic!("queue has no {name:?}"))
}
