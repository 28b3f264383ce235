//! The API over real HTTP, against a real Postgres: one fresh database per test.

mod accounts;
mod errors;
mod health;
mod openapi;
mod organizations;
mod reference;
mod schemathesis;
mod web_client;
