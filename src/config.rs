//! Configuration: every environment variable of SPEC section 3, read once at start into typed
//! values. Nothing else in the crate reads the environment.

use std::collections::HashMap;
use std::ops::RangeInclusive;
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

/// Allowed values of `TRIAGE_MAX_BODY_BYTES`: from 1 KiB (smaller than any real delivery) to
/// 6 MiB (Lambda's synchronous payload limit). The template's `MaxBodyBytes` has the same bounds.
pub const MAX_BODY_BYTES_RANGE: RangeInclusive<u64> = 1024..=6 * 1024 * 1024;

/// Allowed values of `TRIAGE_REPLAY_WINDOW_SECS`: from 30 s (room for ordinary clock skew) to a
/// day. The template's `ReplayWindowSeconds` has the same bounds.
pub const REPLAY_WINDOW_SECS_RANGE: RangeInclusive<u64> = 30..=86_400;

/// Where state lives, for the processes that store and send (the Lambda, `triage serve`).
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
    /// `triage` commands that store and send (`triage serve`).
    Cli,
}

/// Where the queued state is read from, for `triage queue`. Listing never sends and never
/// receives from SQS (a receive counts as a delivery and pushes messages toward the DLQ), so
/// only the table matters: `TRIAGE_QUEUE_URL` is not needed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StateSource {
    /// The DynamoDB table `TRIAGE_TABLE`.
    Dynamo {
        /// `TRIAGE_TABLE`.
        table: String,
    },
    /// The embedded SQLite file under `TRIAGE_DATA_DIR`.
    Embedded {
        /// `TRIAGE_DATA_DIR` (default `./triage-data`).
        data_dir: PathBuf,
    },
}

impl StateSource {
    /// `TRIAGE_TABLE` when set, else the embedded store. `TRIAGE_QUEUE_URL` alone is refused: it
    /// means AWS was meant, and listing the local store instead would mislead.
    pub fn load(vars: &dyn Vars) -> Result<Self, ConfigError> {
        match (vars.get("TRIAGE_TABLE"), vars.get("TRIAGE_QUEUE_URL")) {
            (Some(table), _) => Ok(Self::Dynamo { table }),
            (None, Some(_)) => Err(ConfigError::Invalid(
                "TRIAGE_QUEUE_URL is set but TRIAGE_TABLE is not; triage queue reads the queued \
                 state from the table, so set TRIAGE_TABLE (or neither, for the embedded store)"
                    .into(),
            )),
            (None, None) => Ok(Self::Embedded {
                data_dir: data_dir(vars),
            }),
        }
    }
}

fn data_dir(vars: &dyn Vars) -> PathBuf {
    vars.get("TRIAGE_DATA_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("./triage-data"))
}

/// Reads the brand rules `TRIAGE_BRAND_CONFIG` names (built-in defaults when unset). A bad file
/// fails with one line naming the file and, for a TOML error, its line and column.
pub fn load_brand_rules(vars: &dyn Vars) -> Result<BrandRules, ConfigError> {
    let Some(path) = vars.get("TRIAGE_BRAND_CONFIG") else {
        return Ok(BrandRules::default());
    };
    let text = std::fs::read_to_string(&path)
        .map_err(|e| ConfigError::Brand(format!("cannot read {path}: {e}")))?;
    BrandRules::from_toml(&text).map_err(|e| {
        // `from_toml` already says "brand config"; keep only its detail under the file name.
        let detail = match e {
            ConfigError::Brand(detail) => detail,
            other => other.to_string(),
        };
        ConfigError::Brand(format!("{path}: {}", toml_one_line(&detail)))
    })
}

/// toml's messages span several lines: a heading with the line and column, a snippet of the
/// file (which may hold values that must not be echoed), then the reason. Keeps the heading and
/// the reason on one line: `TOML parse error at line 2, column 1: invalid array, expected `]``.
fn toml_one_line(message: &str) -> String {
    // Snippet lines are gutters: `|`, `| ^^^`, `12 | text`.
    let snippet = |l: &str| {
        l.split_once('|')
            .is_some_and(|(gutter, _)| gutter.trim().chars().all(|c| c.is_ascii_digit()))
    };
    let mut parts = message
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !snippet(l));
    let head = parts.next().unwrap_or("invalid TOML").to_owned();
    let reason: Vec<&str> = parts.collect();
    if reason.is_empty() {
        head
    } else {
        format!("{head}: {}", reason.join(", "))
    }
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
                data_dir: data_dir(vars),
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
            // Trimmed like the secret lists: a newline left in a secrets file would otherwise
            // fail Meta's subscription check with a 403 nobody can see the cause of.
            meta_verify_token: secret("META_VERIFY_TOKEN").map(|t| t.trim().to_owned()),
            generic: set("GENERIC_WEBHOOK_SECRETS", SecretKind::StandardWebhooks)?,
            linkedin: set("LINKEDIN_CLIENT_SECRETS", SecretKind::Raw)?,
        };
        // Out-of-range limits are refused, never adjusted: a cap of 0 would answer 413 to
        // every POST, and a silently shortened window would refuse deliveries the operator meant
        // to accept.
        let num = |name: &str, default: u64, range: RangeInclusive<u64>, unit: &str| {
            let Some(v) = vars.get(name) else {
                return Ok(default);
            };
            let (lo, hi) = (range.start(), range.end());
            match v.trim().parse::<u64>() {
                Ok(n) if range.contains(&n) => Ok(n),
                Ok(n) => Err(ConfigError::Invalid(format!(
                    "{name} is {n}, outside the allowed range {lo} to {hi} {unit}"
                ))),
                Err(_) => Err(ConfigError::Invalid(format!(
                    "{name} must be a whole number of {unit} from {lo} to {hi}"
                ))),
            }
        };
        let limits = Limits {
            max_body_bytes: num(
                "TRIAGE_MAX_BODY_BYTES",
                1_048_576,
                MAX_BODY_BYTES_RANGE,
                "bytes",
            )? as usize,
            replay_window_secs: num(
                "TRIAGE_REPLAY_WINDOW_SECS",
                300,
                REPLAY_WINDOW_SECS_RANGE,
                "seconds",
            )? as i64,
        };
        let rules = load_brand_rules(vars)?;
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
    fn verify_token_is_trimmed_like_the_secrets() {
        let c = Config::load(
            &vars(&[("META_APP_SECRETS", "m"), ("META_VERIFY_TOKEN", " vtok\n")]),
            &HashMap::new(),
            Shell::Cli,
        )
        .unwrap();
        assert_eq!(c.secrets.meta_verify_token.as_deref(), Some("vtok"));
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

    #[test]
    fn triage_queue_needs_only_the_table_but_serve_needs_both() {
        // `triage queue` reads DynamoDB and never sends: the table alone is enough.
        let s = StateSource::load(&vars(&[("TRIAGE_TABLE", "mentions")])).unwrap();
        assert_eq!(
            s,
            StateSource::Dynamo {
                table: "mentions".into()
            }
        );
        let s = StateSource::load(&vars(&[
            ("TRIAGE_TABLE", "mentions"),
            ("TRIAGE_QUEUE_URL", "https://sqs/q"),
        ]))
        .unwrap();
        assert!(matches!(s, StateSource::Dynamo { .. }));
        let s = StateSource::load(&vars(&[("TRIAGE_DATA_DIR", "/tmp/d")])).unwrap();
        assert_eq!(
            s,
            StateSource::Embedded {
                data_dir: "/tmp/d".into()
            }
        );
        assert_eq!(
            StateSource::load(&vars(&[])).unwrap(),
            StateSource::Embedded {
                data_dir: "./triage-data".into()
            }
        );
        // A queue URL alone means AWS was meant: refused, naming the missing table.
        let e = StateSource::load(&vars(&[("TRIAGE_QUEUE_URL", "https://sqs/q")])).unwrap_err();
        assert!(e.to_string().contains("TRIAGE_TABLE is not"), "{e}");

        // The processes that send still need both or neither.
        for (set, missing) in [
            ("TRIAGE_TABLE", "TRIAGE_QUEUE_URL"),
            ("TRIAGE_QUEUE_URL", "TRIAGE_TABLE"),
        ] {
            let e = Config::load(&vars(&[(set, "x")]), &HashMap::new(), Shell::Cli).unwrap_err();
            assert_eq!(
                e.to_string(),
                format!("{set} is set but {missing} is not; set both or neither")
            );
        }
        // (The Lambda needs both: `lambda_requires_table_and_queue_by_name`.)
    }

    #[test]
    fn out_of_range_limits_are_refused_naming_the_variable_and_range() {
        let load = |pairs: &[(&str, &str)]| Config::load(&vars(pairs), &HashMap::new(), Shell::Cli);
        for (name, value, range) in [
            ("TRIAGE_MAX_BODY_BYTES", "0", "1024 to 6291456 bytes"),
            ("TRIAGE_MAX_BODY_BYTES", "1023", "1024 to 6291456 bytes"),
            ("TRIAGE_MAX_BODY_BYTES", "6291457", "1024 to 6291456 bytes"),
            ("TRIAGE_REPLAY_WINDOW_SECS", "0", "30 to 86400 seconds"),
            ("TRIAGE_REPLAY_WINDOW_SECS", "29", "30 to 86400 seconds"),
            ("TRIAGE_REPLAY_WINDOW_SECS", "86401", "30 to 86400 seconds"),
        ] {
            let e = load(&[(name, value)]).unwrap_err().to_string();
            assert!(
                e.contains(name) && e.contains(range) && !e.contains('\n'),
                "{name}={value}: {e}"
            );
        }
        let e = load(&[("TRIAGE_REPLAY_WINDOW_SECS", "-5")])
            .unwrap_err()
            .to_string();
        assert!(
            e.contains("TRIAGE_REPLAY_WINDOW_SECS") && e.contains("30 to 86400"),
            "{e}"
        );
        // The bounds themselves are accepted, unchanged.
        let c = load(&[
            ("TRIAGE_MAX_BODY_BYTES", "1024"),
            ("TRIAGE_REPLAY_WINDOW_SECS", "86400"),
        ])
        .unwrap();
        assert_eq!(
            (c.limits.max_body_bytes, c.limits.replay_window_secs),
            (1024, 86_400)
        );
        let c = load(&[
            ("TRIAGE_MAX_BODY_BYTES", "6291456"),
            ("TRIAGE_REPLAY_WINDOW_SECS", "30"),
        ])
        .unwrap();
        assert_eq!(
            (c.limits.max_body_bytes, c.limits.replay_window_secs),
            (6_291_456, 30)
        );
    }

    #[test]
    fn bad_brand_config_is_one_line_naming_file_and_line() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("brand.toml");
        std::fs::write(&path, "handles = [\"a\"\nqueue_threshold = \n").unwrap();
        let p = path.to_str().unwrap();
        let e = Config::load(
            &vars(&[("TRIAGE_BRAND_CONFIG", p)]),
            &HashMap::new(),
            Shell::Cli,
        )
        .unwrap_err()
        .to_string();
        assert!(!e.contains('\n'), "one line: {e}");
        assert!(e.starts_with(&format!("brand config: {p}: ")), "{e}");
        assert_eq!(e.matches("brand config").count(), 1, "{e}");
        assert!(e.contains("line 2"), "{e}");
        // The snippet of the file is dropped; the reason stays.
        assert!(!e.contains("queue_threshold"), "{e}");

        // A type error names its line too.
        std::fs::write(&path, "handles = [\"a\"]\nqueue_threshold = 7\n").unwrap();
        let e = load_brand_rules(&vars(&[("TRIAGE_BRAND_CONFIG", p)]))
            .unwrap_err()
            .to_string();
        assert!(
            !e.contains('\n') && e.contains(p) && e.contains("line 2"),
            "{e}"
        );

        let missing = dir.path().join("missing.toml");
        let e = load_brand_rules(&vars(&[("TRIAGE_BRAND_CONFIG", missing.to_str().unwrap())]))
            .unwrap_err()
            .to_string();
        assert!(!e.contains('\n') && e.contains("missing.toml"), "{e}");
    }
}
