//! Secrets Manager: `TRIAGE_SECRETS_ID` names a JSON secret whose keys are the secret variable
//! names of SPEC section 3. Read once at cold start; values are never logged.

use std::collections::HashMap;

use crate::config::SECRET_VARS;

/// Fetches the secret and returns the known keys; unknown keys are ignored, a known key that is
/// not a string fails.
pub async fn fetch(
    sdk: &aws_config::SdkConfig,
    secret_id: &str,
) -> anyhow::Result<HashMap<String, String>> {
    let client = aws_sdk_secretsmanager::Client::new(sdk);
    let out = client
        .get_secret_value()
        .secret_id(secret_id)
        .send()
        .await
        .map_err(|e| {
            anyhow::anyhow!(
                "cannot read TRIAGE_SECRETS_ID: {}",
                aws_sdk_secretsmanager::error::DisplayErrorContext(e)
            )
        })?;
    let text = out
        .secret_string()
        .ok_or_else(|| anyhow::anyhow!("TRIAGE_SECRETS_ID holds no SecretString"))?;
    parse(text)
}

/// Parses the secret's JSON (pure; unit-tested). A known key whose value is not a string
/// (`["new","old"]` for a comma-separated list) fails, naming the key: skipping it would start
/// the function with that platform's routes answering 404.
pub fn parse(text: &str) -> anyhow::Result<HashMap<String, String>> {
    let v: HashMap<String, serde_json::Value> = serde_json::from_str(text)
        .map_err(|_| anyhow::anyhow!("TRIAGE_SECRETS_ID is not a JSON object"))?;
    v.into_iter()
        .filter(|(k, _)| SECRET_VARS.contains(&k.as_str()))
        // `null` is as good as absent (that platform's routes answer 404, as documented).
        .filter(|(_, v)| !v.is_null())
        .map(|(k, v)| match v.as_str() {
            Some(s) => Ok((k, s.to_owned())),
            None => Err(anyhow::anyhow!(
                "TRIAGE_SECRETS_ID: {k} must be a string (a list is comma-separated: \"new,old\")"
            )),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    #[test]
    fn keeps_known_string_keys() {
        let m =
            super::parse(r#"{"X_CONSUMER_SECRETS":"a,b","OTHER":["x"],"META_APP_SECRETS":null}"#)
                .unwrap();
        assert_eq!(m.len(), 1);
        assert_eq!(m["X_CONSUMER_SECRETS"], "a,b");
        assert!(super::parse("[]").is_err());
        let err = super::parse(r#"{"X_CONSUMER_SECRETS":["s3cr3t-a","s3cr3t-b"]}"#).unwrap_err();
        assert!(err.to_string().contains("X_CONSUMER_SECRETS"), "{err}");
        assert!(
            !err.to_string().contains("s3cr3t"),
            "no value echoed: {err}"
        );
    }
}
