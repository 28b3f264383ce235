use std::time::Duration;

use actix_web::{get, web};
use diesel_async::RunQueryDsl;
use shared::{Health, Problem, Readiness};
use utoipa_actix_web::service_config::ServiceConfig;

use crate::db::Db;
use crate::error::ApiError;

pub fn configure(config: &mut ServiceConfig) {
    config.service(get_health).service(get_readiness);
}

/// Liveness: the process answers.
#[utoipa::path(
    tag = "health",
    responses((status = 200, description = "The API process is up.", body = Health)),
)]
#[get("/health")]
async fn get_health() -> web::Json<Health> {
    web::Json(Health {
        status: "ok".to_owned(),
        version: env!("CARGO_PKG_VERSION").to_owned(),
    })
}

/// Readiness: the API can reach its database.
#[utoipa::path(
    tag = "health",
    responses(
        (status = 200, description = "The database answers.", body = Readiness),
        (status = 503, description = "The database does not answer.", body = Problem, content_type = "application/problem+json"),
    ),
)]
#[get("/ready")]
async fn get_readiness(db: Db) -> Result<web::Json<Readiness>, ApiError> {
    let check = async {
        let mut conn = db.get().await?;
        diesel::sql_query("SELECT 1").execute(&mut conn).await?;
        Ok::<_, ApiError>(())
    };
    match tokio::time::timeout(Duration::from_secs(3), check).await {
        Ok(Ok(())) => Ok(web::Json(Readiness {
            status: "ready".to_owned(),
            database: "ok".to_owned(),
        })),
        Ok(Err(error)) => Err(ApiError::Unavailable(anyhow::Error::new(error))),
        Err(_) => Err(ApiError::Unavailable(anyhow::anyhow!(
            "the database did not answer within 3 s"
        ))),
    }
}
