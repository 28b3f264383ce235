//! The HTTP handlers, one module per resource. Handlers are thin: they parse the request,
//! call the database layer or the domain, and shape the response.

mod health;
mod reference;

use utoipa_actix_web::service_config::ServiceConfig;

/// Registers every operation under `/api/v1`.
pub fn configure(config: &mut ServiceConfig) {
    config
        .configure(health::configure)
        .configure(reference::configure);
}
