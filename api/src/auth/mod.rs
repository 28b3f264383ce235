//! Who is calling: people with a JWT access token, partner systems with an API key.
//! What they may do is decided in [`crate::authz`].

pub mod caller;
pub mod jwt;
pub mod password;
pub mod secrets;
pub mod session;
pub mod throttle;
pub mod tokens;
pub mod unsubscribe;

pub use caller::{Caller, KeyCaller, Person};
