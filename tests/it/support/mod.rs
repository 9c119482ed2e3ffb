//! Helpers shared by the integration suites.
//!
//! - [`aws`]: finds the emulator, builds SDK clients for it, names resources uniquely.
//! - [`template`]: creates the table and queues from `infra/template.yaml` itself.
//! - [`rig`]: a fresh table + queues per test, with the reads tests assert on.
//! - [`fixtures`]: signed X deliveries, stored mentions and the queue-item JSON Schema.

pub mod aws;
pub mod fixtures;
pub mod rig;
pub mod template;
