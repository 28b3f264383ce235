//! [`Secret`]: a password, token or key as it travels in a body.

use serde::{Deserialize, Serialize};

/// A password, token or key: a plain JSON string on the wire, never shown by `Debug`, so that
/// logging a request or a response (`debug!(?body)`) cannot leak it. Read it with
/// [`Secret::expose`] where it is used, and nowhere else. (In the OpenAPI document each such
/// field is a string: `#[schema(value_type = String)]`.)
#[derive(Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Secret(String);

impl Secret {
    /// The secret itself.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Debug for Secret {
    fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        formatter.write_str("Secret([redacted])")
    }
}

impl From<String> for Secret {
    fn from(secret: String) -> Self {
        Self(secret)
    }
}

impl From<&str> for Secret {
    fn from(secret: &str) -> Self {
        Self(secret.to_owned())
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_secret_travels_as_a_string_and_never_shows_in_debug() -> serde_json::Result<()> {
        let login = crate::LoginRequest {
            email: "anna@example.se".to_owned(),
            password: "en lång och hemlig fras".into(),
            session: crate::SessionMode::default(),
        };
        let json = serde_json::to_string(&login)?;
        assert!(
            json.contains("\"password\":\"en lång och hemlig fras\""),
            "{json}"
        );
        let read: crate::LoginRequest = serde_json::from_str(&json)?;
        assert_eq!(read.password.expose(), "en lång och hemlig fras");
        let shown = format!("{login:?} {login:#?}");
        assert!(!shown.contains("hemlig"), "{shown}");
        assert!(shown.contains("anna@example.se"), "{shown}");
        Ok(())
    }
}
