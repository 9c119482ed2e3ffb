//! Configuration: every environment variable of SPEC section 3, read once at start into typed
//! values. Nothing else in the crate reads the environment.

use std::collections::HashMap;
use std::path::PathBuf;

use crate::core::brand::BrandRules;
use crate::core::error::ConfigError;
use crate::core::verify::{Limits, SecretKind, SecretSet};
use crate::http::Secrets;

/// Names of the secret-bearing variables (also the keys of the `TRIAGE_SECRETS_ID` JSON).
pub const SECRET_VARS: [&str; 5] = [
    "X_CONSUMER_SECRETS",
    "META_APP_SECRETS",
    "META_VERIFY_TOKEN",
    "GENERIC_WEBHOOK_SECRETS",
    "LINKEDIN_CLIENT_SECRETS",
];

/// Where state lives.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Backend {
    /// DynamoDB table + SQS queue.
    Aws {
        /// `TRIAGE_TABLE`.
        table: String,
        /// `TRIAGE_QUEUE_URL`.
        queue_url: String,
    },
    /// The embedded SQLite file under `TRIAGE_DATA_DIR`.
    Embedded {
        /// `TRIAGE_DATA_DIR` (default `./triage-data`).
        data_dir: PathBuf,
    },
}

/// The whole configuration.
#[derive(Debug, Clone)]
pub struct Config {
    /// Storage backend.
    pub backend: Backend,
    /// Webhook secrets per platform.
    pub secrets: Secrets,
    /// Body cap and replay window.
    pub limits: Limits,
    /// Brand rules (defaults when `TRIAGE_BRAND_CONFIG` is unset).
    pub rules: BrandRules,
    /// `TRIAGE_SECRETS_ID`, if secrets come from Secrets Manager.
    pub secrets_id: Option<String>,
}

/// A lookup of variables: the process environment, or a map in tests.
pub trait Vars {
    /// The value of one variable, if set and non-empty.
    fn get(&self, name: &str) -> Option<String>;
}

/// The process environment.
pub struct ProcessEnv;

impl Vars for ProcessEnv {
    fn get(&self, name: &str) -> Option<String> {
        std::env::var(name).ok().filter(|v| !v.trim().is_empty())
    }
}

impl Vars for HashMap<String, String> {
    fn get(&self, name: &str) -> Option<String> {
        HashMap::get(self, name)
            .cloned()
            .filter(|v| !v.trim().is_empty())
    }
}

/// Which shell is starting: the Lambda refuses to fall back to local storage.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shell {
    /// The `bootstrap` Lambda binary.
    Lambda,
    /// `triage` commands.
    Cli,
}

impl Config {
    /// Reads everything. `overlay` (e.g. from Secrets Manager) wins over the environment for the
    /// secret variables.
    pub fn load(
        vars: &dyn Vars,
        overlay: &HashMap<String, String>,
        shell: Shell,
    ) -> Result<Self, ConfigError> {
        let table = vars.get("TRIAGE_TABLE");
        let queue_url = vars.get("TRIAGE_QUEUE_URL");
        let backend = match (table, queue_url, shell) {
            (Some(table), Some(queue_url), _) => Backend::Aws { table, queue_url },
            (None, _, Shell::Lambda) => {
                return Err(ConfigError::Invalid("TRIAGE_TABLE is not set".into()))
            }
            (_, None, Shell::Lambda) => {
                return Err(ConfigError::Invalid("TRIAGE_QUEUE_URL is not set".into()))
            }
            (Some(_), None, Shell::Cli) => {
                return Err(ConfigError::Invalid(
                    "TRIAGE_TABLE is set but TRIAGE_QUEUE_URL is not; set both or neither".into(),
                ))
            }
            (None, Some(_), Shell::Cli) => {
                return Err(ConfigError::Invalid(
                    "TRIAGE_QUEUE_URL is set but TRIAGE_TABLE is not; set both or neither".into(),
                ))
            }
            (None, None, Shell::Cli) => Backend::Embedded {
                data_dir: vars
                    .get("TRIAGE_DATA_DIR")
                    .map(PathBuf::from)
                    .unwrap_or_else(|| PathBuf::from("./triage-data")),
            },
        };
        let secret = |name: &str| {
            overlay
                .get(name)
                .cloned()
                .filter(|v| !v.trim().is_empty())
                .or_else(|| vars.get(name))
        };
        let set = |name: &str, kind| -> Result<Option<SecretSet>, ConfigError> {
            secret(name)
                .map(|v| {
                    SecretSet::parse_list(&v, kind)
                        .map_err(|e| ConfigError::Invalid(format!("{name}: {e}")))
                })
                .transpose()
        };
        let secrets = Secrets {
            x: set("X_CONSUMER_SECRETS", SecretKind::Raw)?,
            meta: set("META_APP_SECRETS", SecretKind::Raw)?,
            meta_verify_token: secret("META_VERIFY_TOKEN"),
            generic: set("GENERIC_WEBHOOK_SECRETS", SecretKind::StandardWebhooks)?,
            linkedin: set("LINKEDIN_CLIENT_SECRETS", SecretKind::Raw)?,
        };
        let num = |name: &str, default: u64| -> Result<u64, ConfigError> {
            vars.get(name)
                .map(|v| {
                    v.trim()
                        .parse::<u64>()
                        .map_err(|_| ConfigError::Invalid(format!("{name} must be a whole number")))
                })
                .transpose()
                .map(|v| v.unwrap_or(default))
        };
        let limits = Limits {
            max_body_bytes: num("TRIAGE_MAX_BODY_BYTES", 1_048_576)?.clamp(1, 6 * 1024 * 1024)
                as usize,
            replay_window_secs: num("TRIAGE_REPLAY_WINDOW_SECS", 300)?.clamp(1, 86_400) as i64,
        };
        let rules = match vars.get("TRIAGE_BRAND_CONFIG") {
            Some(path) => {
                let text = std::fs::read_to_string(&path)
                    .map_err(|e| ConfigError::Brand(format!("cannot read {path}: {e}")))?;
                BrandRules::from_toml(&text)
                    .map_err(|e| ConfigError::Brand(format!("{path}: {e}")))?
            }
            None => BrandRules::default(),
        };
        Ok(Self {
            backend,
            secrets,
            limits,
            rules,
            secrets_id: vars.get("TRIAGE_SECRETS_ID"),
        })
    }

    /// Logs, once at start, which platforms are live and which answer 404 (no secret configured).
    pub fn log_platforms(&self) {
        let s = &self.secrets;
        for (name, on) in [
            ("x", s.x.is_some()),
            ("meta", s.meta.is_some()),
            ("generic", s.generic.is_some()),
            ("linkedin", s.linkedin.is_some()),
        ] {
            if on {
                tracing::info!(platform = name, "webhook route enabled");
            } else {
                tracing::warn!(
                    platform = name,
                    "no secret configured: /webhooks/{name} answers 404"
                );
            }
        }
        // Meta's subscription GET needs its own token; without one only the GET is refused.
        if s.meta.is_some() && s.meta_verify_token.is_none() {
            tracing::warn!(
                platform = "meta",
                "META_VERIFY_TOKEN not set: the subscription check (GET /webhooks/meta) answers 404"
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vars(pairs: &[(&str, &str)]) -> HashMap<String, String> {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    #[test]
    fn lambda_requires_table_and_queue_by_name() {
        let e = Config::load(&vars(&[]), &HashMap::new(), Shell::Lambda).unwrap_err();
        assert!(e.to_string().contains("TRIAGE_TABLE"));
        let e = Config::load(
            &vars(&[("TRIAGE_TABLE", "t")]),
            &HashMap::new(),
            Shell::Lambda,
        )
        .unwrap_err();
        assert!(e.to_string().contains("TRIAGE_QUEUE_URL"));
    }

    #[test]
    fn cli_defaults_to_embedded() {
        let c = Config::load(
            &vars(&[("X_CONSUMER_SECRETS", "a,b")]),
            &HashMap::new(),
            Shell::Cli,
        )
        .unwrap();
        assert_eq!(
            c.backend,
            Backend::Embedded {
                data_dir: "./triage-data".into()
            }
        );
        assert!(c.secrets.x.is_some() && c.secrets.meta.is_none());
        assert!(c.secrets.linkedin.is_none());
        let c = Config::load(
            &vars(&[("LINKEDIN_CLIENT_SECRETS", "new, old")]),
            &HashMap::new(),
            Shell::Cli,
        )
        .unwrap();
        assert_eq!(c.secrets.linkedin.map(|s| s.iter().count()), Some(2));
        assert_eq!(c.limits, Limits::default());
    }

    #[test]
    fn overlay_wins_and_bad_numbers_are_named() {
        let overlay = vars(&[("X_CONSUMER_SECRETS", "from-sm")]);
        let c = Config::load(&vars(&[]), &overlay, Shell::Cli).unwrap();
        assert!(c.secrets.x.is_some());
        let e = Config::load(
            &vars(&[("TRIAGE_MAX_BODY_BYTES", "lots")]),
            &HashMap::new(),
            Shell::Cli,
        )
        .unwrap_err();
        assert!(e.to_string().contains("TRIAGE_MAX_BODY_BYTES"));
    }
}
