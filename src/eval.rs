//! `triage eval`: quality figures against a labelled CSV (placeholder until the quality work lands).

use std::path::Path;

/// Runs the evaluation and returns the report text.
pub fn run(file: &Path) -> anyhow::Result<String> {
    anyhow::bail!("eval of {} is not implemented yet", file.display())
}
