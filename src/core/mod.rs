//! The pure domain: verify -> normalise -> triage.
//!
//! Invariants (see ARCHITECTURE.md): nothing in `core` does I/O, reads the clock or the
//! environment, or depends on async, HTTP or AWS crates. Unverified bytes cannot reach a
//! normaliser (they need a [`verify::VerifiedBody`]) and only normalisers make a
//! [`mention::Mention`].

pub mod brand;
pub mod error;
pub mod mention;
pub mod normalise;
pub mod triage;
pub mod verify;
