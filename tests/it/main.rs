//! The single integration-test binary: one link step for every suite, one copy of the helpers.
//! Tests whose name contains `aws` need the emulator (`TRIAGE_TEST_AWS_ENDPOINT`); the rest run anywhere.

mod aws_flow; // the HTTP service end to end on DynamoDB + SQS, and `triage queue`
mod bootstrap;
mod contract; // the Store contract, run against every implementation
mod support; // emulator discovery, SDK clients, template-driven tables/queues, fixtures // the Lambda binary driven through a stand-in Runtime API
