//! The API over real HTTP, against a real Postgres: one fresh database per test.

mod accounts;
mod demo;
mod errors;
mod events;
mod health;
mod ideas;
mod labs;
mod mail;
mod matches;
mod methods;
mod moderation;
mod needs;
mod offerings;
mod open_data;
mod openapi;
mod organizations;
mod partner_guide;
mod privacy;
mod rate_limits;
mod reference;
mod schemathesis;
mod search;
mod sync;
mod web_client;
mod webhooks;
mod writes;
