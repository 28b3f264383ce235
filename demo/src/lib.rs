//! What a new user and the engine's measurements need beside the server, and the production
//! binary carries none of: the demo data of `cargo xtask run`, and the matchmaking engine's
//! evaluation and benchmark. They write through the same functions the API uses.

pub mod bench;
pub mod evaluation;
pub mod seed;
