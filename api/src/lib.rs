//! Innolabb's API server: a library, so that the binary and the end-to-end tests start
//! exactly the same server.

pub mod auth;
pub mod authz;
pub mod config;
pub mod content_policy;
pub mod db;
pub mod domain;
pub mod error;
pub mod events;
pub mod extract;
pub mod http_edges;
pub mod i18n;
pub mod idempotency;
pub mod mail;
pub mod open_data;
pub mod openapi;
pub mod outbound;
pub mod outbox;
pub mod pagination;
pub mod patch;
pub mod preconditions;
pub mod rate_limit;
pub mod routes;
pub mod startup;
pub mod suggestions;
pub mod telemetry;
pub mod web_client;
pub mod webhook_worker;
