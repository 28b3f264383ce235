//! The API over real HTTP, against a real Postgres: one fresh database per test.

mod errors;
mod health;
mod openapi;
mod reference;
mod schemathesis;
mod web_client;
