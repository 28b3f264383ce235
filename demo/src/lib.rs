//! What a new user and the engine's measurements need beside the server, and the production
//! binary carries none of: the demo data of `cargo xtask run`, and the matchmaking engine's
//! evaluation and benchmark, and the API as a process of its own. They write through the same functions the API uses.

pub mod bench;
pub mod evaluation;
pub mod process;
pub mod seed;
