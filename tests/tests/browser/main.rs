//! The web client in headless Chromium, served by the real API on a real Postgres: one
//! module per user journey; the browser's helpers are methods of
//! `innolabb_tests::browser::Browser`.

mod accounts;
mod admin;
mod cors;
mod forms;
mod labs;
mod marketplace;
mod methods;
mod moderation;
mod policy;
mod search;
mod start;
