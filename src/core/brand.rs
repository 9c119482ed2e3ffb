//! The brand's own rules (`TRIAGE_BRAND_CONFIG`, TOML): who the brand is, who matters, who is
//! ignored, where things route and how fast they must be answered.
//!
//! Every field has a default, so the product works with no file at all. A bad file fails the
//! process at start with the TOML parser's message, which names the line and column, or, for a
//! value the types allow but the product cannot use (a zero surge window, an empty department
//! name), a message naming the field.

use serde::Deserialize;

use super::error::ConfigError;
use super::triage::{Flag, Priority};

/// A brand department that takes mentions matching its keywords (e.g. `auto_services`).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Department {
    /// Route name written into the triage (`route`).
    pub name: String,
    /// Lowercase words or phrases that send a mention to this department.
    pub keywords: Vec<String>,
}

/// Extra phrases that raise a risk flag, on top of the built-in ones.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExtraRiskTerm {
    /// The phrase, matched case-insensitively.
    pub phrase: String,
    /// The flag it raises.
    pub flag: Flag,
}

/// Minutes a human has to answer, per priority.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct SlaMinutes {
    /// P1 (default 15).
    #[serde(rename = "P1")]
    pub p1: u32,
    /// P2 (default 60).
    #[serde(rename = "P2")]
    pub p2: u32,
    /// P3 (default 240).
    #[serde(rename = "P3")]
    pub p3: u32,
    /// P4 (default 1440; P4 needs no answer, the deadline is informational).
    #[serde(rename = "P4")]
    pub p4: u32,
}

impl Default for SlaMinutes {
    fn default() -> Self {
        Self {
            p1: 15,
            p2: 60,
            p3: 240,
            p4: 1440,
        }
    }
}

impl SlaMinutes {
    /// The SLA for one priority.
    pub fn for_priority(&self, p: Priority) -> u32 {
        match p {
            Priority::P1 => self.p1,
            Priority::P2 => self.p2,
            Priority::P3 => self.p3,
            Priority::P4 => self.p4,
        }
    }
}

/// The whole brand configuration.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct BrandRules {
    /// The brand's own handles (without `@`): their posts are the brand answering, not mentions;
    /// a negative post that starts with one is sent to the brand, a complaint (see `triage`).
    pub handles: Vec<String>,
    /// The brand's own account ids per platform, as `"<platform>:<id>"` (e.g. `"x:2244994945"`).
    pub account_ids: Vec<String>,
    /// Departments with keywords; the first match routes the mention.
    pub departments: Vec<Department>,
    /// Authors (handles or ids) whose mentions always reach a human.
    pub vip_authors: Vec<String>,
    /// Authors (handles or ids) ignored before any other work: spam and abuse accounts.
    pub blocked_authors: Vec<String>,
    /// Answer deadlines per priority.
    pub sla_minutes: SlaMinutes,
    /// Mentions at this priority or more urgent are queued for humans (default P2).
    pub queue_threshold: Priority,
    /// Extra risk phrases.
    pub extra_risk_terms: Vec<ExtraRiskTerm>,
    /// Mentions on one topic within `surge_window_minutes` that make a surge (default 25).
    pub surge_threshold: u32,
    /// Width of the surge counting window in minutes (default 15).
    pub surge_window_minutes: u32,
}

impl Default for BrandRules {
    fn default() -> Self {
        Self {
            handles: Vec::new(),
            account_ids: Vec::new(),
            departments: Vec::new(),
            vip_authors: Vec::new(),
            blocked_authors: Vec::new(),
            sla_minutes: SlaMinutes::default(),
            queue_threshold: Priority::P2,
            extra_risk_terms: Vec::new(),
            surge_threshold: 25,
            surge_window_minutes: 15,
        }
    }
}

impl BrandRules {
    /// Parses the TOML text; the error names the line and column of the problem.
    pub fn from_toml(text: &str) -> Result<Self, ConfigError> {
        let mut rules: BrandRules =
            toml::from_str(text).map_err(|e| ConfigError::Brand(e.to_string()))?;
        rules.normalise();
        rules.validate().map_err(ConfigError::Brand)?;
        Ok(rules)
    }

    /// Values the TOML types allow but the product cannot use: refused at start, naming the
    /// field, rather than producing queue items that break their schema (`"window_minutes": 0`,
    /// `"route": ""`) or that SQS refuses on every retry (an empty message attribute).
    fn validate(&self) -> Result<(), String> {
        if self.surge_window_minutes == 0 {
            return Err("surge_window_minutes must be at least 1".into());
        }
        if self.surge_threshold == 0 {
            return Err("surge_threshold must be at least 1".into());
        }
        for (i, d) in self.departments.iter().enumerate() {
            let at = format!("departments[{i}]");
            if d.name.trim().is_empty() || d.name.len() > 64 || d.name.chars().any(char::is_control)
            {
                return Err(format!(
                    "{at}.name must be 1 to 64 characters, no control characters"
                ));
            }
            if self.departments[..i].iter().any(|o| o.name == d.name) {
                return Err(format!("{at}.name \"{}\" is listed twice", d.name));
            }
            if d.keywords.is_empty() || d.keywords.iter().any(String::is_empty) {
                return Err(format!("{at}.keywords must be non-empty words or phrases"));
            }
        }
        if let Some(i) = self
            .extra_risk_terms
            .iter()
            .position(|t| t.phrase.trim().is_empty())
        {
            return Err(format!("extra_risk_terms[{i}].phrase is empty"));
        }
        Ok(())
    }

    /// Lowercases names and strips `@`, so lookups are cheap and case-insensitive.
    fn normalise(&mut self) {
        let clean = |v: &mut Vec<String>| {
            for s in v.iter_mut() {
                *s = s.trim().trim_start_matches('@').to_lowercase();
            }
        };
        clean(&mut self.handles);
        clean(&mut self.vip_authors);
        clean(&mut self.blocked_authors);
        for d in &mut self.departments {
            clean(&mut d.keywords);
        }
        for t in &mut self.extra_risk_terms {
            t.phrase = t.phrase.to_lowercase();
        }
    }

    fn listed(list: &[String], id: &str, handle: Option<&str>) -> bool {
        list.iter().any(|x| {
            x.eq_ignore_ascii_case(id)
                || handle.is_some_and(|h| x.eq_ignore_ascii_case(h.trim_start_matches('@')))
        })
    }

    /// True when the author is on the blocked list (by id or handle).
    pub fn is_blocked(&self, author_id: &str, handle: Option<&str>) -> bool {
        Self::listed(&self.blocked_authors, author_id, handle)
    }

    /// True when the author is on the VIP list (by id or handle).
    pub fn is_vip(&self, author_id: &str, handle: Option<&str>) -> bool {
        Self::listed(&self.vip_authors, author_id, handle)
    }

    /// True when the account is the brand itself on that platform (by id or handle).
    pub fn is_brand(&self, platform: &str, author_id: &str, handle: Option<&str>) -> bool {
        self.account_ids.iter().any(|a| {
            a.split_once(':')
                .is_some_and(|(p, id)| p == platform && id == author_id)
        }) || handle.is_some_and(|h| self.is_own_handle(h))
    }

    /// True when `handle` (with or without `@`, any case) is one of the brand's own.
    pub fn is_own_handle(&self, handle: &str) -> bool {
        Self::listed(&self.handles, "\u{0}", Some(handle))
    }
}

/// The handle an `@word` names: the word's letters, digits and underscores after the `@`
/// ("@AcmeAir," names `AcmeAir`; so does ".@AcmeAir", the dot that makes a reply public), or
/// `None` when the word is not an @handle.
pub fn handle_name(word: &str) -> Option<&str> {
    let rest = word.strip_prefix('@').or_else(|| word.strip_prefix(".@"))?;
    let end = rest
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
        .unwrap_or(rest.len());
    (end > 0).then(|| &rest[..end])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn handle_names_and_own_handles() {
        assert_eq!(handle_name("@AcmeAir,"), Some("AcmeAir"));
        assert_eq!(handle_name("@acme_air's"), Some("acme_air"));
        assert_eq!(handle_name("@"), None);
        assert_eq!(handle_name(".@AcmeAir"), Some("AcmeAir"));
        assert_eq!(handle_name(".@"), None);
        assert_eq!(handle_name("AcmeAir"), None);
        let rules = BrandRules {
            handles: vec!["acmeair".into()],
            ..BrandRules::default()
        };
        assert!(rules.is_own_handle("AcmeAir") && rules.is_own_handle("@ACMEAIR"));
        assert!(!rules.is_own_handle("acmebank"));
    }

    #[test]
    fn empty_file_gives_defaults() {
        assert_eq!(BrandRules::from_toml("").unwrap(), BrandRules::default());
    }

    #[test]
    fn full_file_parses() {
        let r = BrandRules::from_toml(
            r#"
handles = ["@AcmeBank"]
account_ids = ["x:42"]
vip_authors = ["BigJournalist"]
blocked_authors = ["spam_bot"]
queue_threshold = "P3"
[sla_minutes]
P1 = 10
[[departments]]
name = "auto_services"
keywords = ["Auto Service", "car loan"]
[[extra_risk_terms]]
phrase = "Ombudsman"
flag = "legal_threat"
"#,
        )
        .unwrap();
        assert!(r.is_brand("x", "42", None));
        assert!(r.is_brand("facebook", "1", Some("acmebank")));
        assert!(r.is_vip("1", Some("bigjournalist")));
        assert!(r.is_blocked("1", Some("@Spam_Bot")));
        assert_eq!(r.sla_minutes.p1, 10);
        assert_eq!(r.sla_minutes.p2, 60);
        assert_eq!(r.departments[0].keywords[0], "auto service");
        assert_eq!(r.queue_threshold, Priority::P3);
    }

    #[test]
    fn unusable_values_are_refused_by_name() {
        for (toml, field) in [
            ("surge_window_minutes = 0", "surge_window_minutes"),
            ("surge_threshold = 0", "surge_threshold"),
            ("[[departments]]\nname = \"\"\nkeywords = [\"car\"]", "departments[0].name"),
            (
                "[[departments]]\nname = \"a\"\nkeywords = [\"x\"]\n[[departments]]\nname = \"a\"\nkeywords = [\"y\"]",
                "departments[1].name",
            ),
            ("[[departments]]\nname = \"a\"\nkeywords = [\" \"]", "departments[0].keywords"),
            ("[[departments]]\nname = \"a\"\nkeywords = []", "departments[0].keywords"),
            (
                "[[extra_risk_terms]]\nphrase = \"\"\nflag = \"legal_threat\"",
                "extra_risk_terms[0].phrase",
            ),
        ] {
            let err = BrandRules::from_toml(toml).unwrap_err().to_string();
            assert!(err.contains(field), "{toml}: {err}");
        }
    }

    #[test]
    fn errors_name_the_line() {
        let err =
            BrandRules::from_toml("handles = [\"a\"]\nqueue_threshold = \"P9\"\n").unwrap_err();
        assert!(err.to_string().contains("line 2"), "{err}");
        let err = BrandRules::from_toml("handles = [\"a\"]\n\nunknown_key = 1\n").unwrap_err();
        assert!(err.to_string().contains("line 3"), "{err}");
    }
}
