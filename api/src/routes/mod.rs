//! The HTTP handlers, one module per resource. Handlers are thin: they parse the request,
//! call the database layer or the domain, and shape the response.

mod api_keys;
mod audit;
mod auth;
mod changes;
mod fields;
mod health;
mod ideas;
mod labs;
mod matches;
mod me;
mod members;
mod methods;
mod needs;
mod notifications;
mod offerings;
mod open_data;
mod organizations;
mod reference;
mod reports;
mod search;
mod statistics;
mod verification;
mod webhooks;

use utoipa_actix_web::service_config::ServiceConfig;

/// Registers every operation under `/api/v1`.
pub fn configure(config: &mut ServiceConfig) {
    config
        .configure(health::configure)
        .configure(reference::configure)
        .configure(auth::configure)
        .configure(me::configure)
        .configure(organizations::configure)
        .configure(verification::configure)
        .configure(audit::configure)
        .configure(members::configure)
        .configure(api_keys::configure)
        .configure(webhooks::configure)
        .configure(labs::configure)
        .configure(needs::configure)
        .configure(ideas::configure)
        .configure(search::configure)
        .configure(offerings::configure)
        .configure(matches::configure)
        .configure(notifications::configure)
        .configure(reports::configure)
        .configure(methods::configure)
        .configure(statistics::configure)
        .configure(open_data::configure)
        .configure(changes::configure);
}
