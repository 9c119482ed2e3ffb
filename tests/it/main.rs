//! The single integration-test binary (one link step, shared helpers).

// The signed samples in events/ are current and answer as documented.
mod events;
// `triage serve`, `triage queue`, `triage classify` and `triage sign` as a user runs them.
mod serve;
