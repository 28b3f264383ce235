//! Plain domain logic: validated values and rules, free of HTTP and SQL.

pub mod accounts;
pub mod changes;
pub mod evidence;
pub mod highlight;
pub mod labs;
pub mod markdown;
pub mod matching;
pub mod methods;
pub mod notification_settings;
pub mod organizations;
pub mod reference;
pub mod retries;
pub mod spam;
pub mod swedish;
pub mod validation;
pub mod webhooks;
