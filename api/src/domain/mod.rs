//! Plain domain logic: validated values and rules, free of HTTP and SQL.

pub mod reference;
