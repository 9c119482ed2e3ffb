//! The single integration-test binary (one link step, shared helpers).
//! Tests whose name contains `aws` need the emulator (`TRIAGE_TEST_AWS_ENDPOINT`); the rest run anywhere.

// Emulator discovery, SDK clients, template-created table/queues, fixtures.
mod support;
// A service on a counting embedded store, for the attack and intake suites.
mod harness;
// The signed samples in events/ are current and answer as documented.
mod events;
// `triage serve`, `triage queue`, `triage classify` and `triage sign` as a user runs them.
mod serve;
// The Store contract, run against every implementation (embedded SQLite, DynamoDB).
mod contract;
// The HTTP service end to end on DynamoDB + SQS, and `triage queue` reading DynamoDB.
mod aws_flow;
// The Lambda binary driven through a stand-in Runtime API.
mod bootstrap;
// Crafted forgeries per platform family: all refused, nothing written.
mod attack;
// Every payload type accepted from independent signers and normalised.
mod intake;
// The fuzz targets' code as a deterministic smoke run.
mod fuzz_smoke;
