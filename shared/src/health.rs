use serde::{Deserialize, Serialize};

/// The API process is up.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({"status": "ok", "version": "0.1.0"})))]
pub struct Health {
    /// Always `ok` when the process answers.
    pub status: String,
    /// The API's version.
    pub version: String,
}

/// The API can serve requests: its database answers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({"status": "ready", "database": "ok"})))]
pub struct Readiness {
    /// `ready`.
    pub status: String,
    /// `ok` when a query against the database succeeded.
    pub database: String,
}
