//! One search box for the whole platform: the best labs, needs, ideas and methods together.

use actix_web::{HttpRequest, get, web};
use serde::Deserialize;
use shared::SearchResults;
use utoipa::IntoParams;
use utoipa_actix_web::service_config::ServiceConfig;

use super::fields;
use crate::auth::Caller;
use crate::authz::Viewer;
use crate::db::search::{Order, Window};
use crate::db::{self, Pool};
use crate::error::ApiError;
use crate::openapi::problems::BadRequest;

pub fn configure(config: &mut ServiceConfig) {
    config.service(search_all);
}

/// The items of a list, without their sort keys.
fn first<T, K>(items: Vec<(T, K)>) -> Vec<T> {
    items.into_iter().map(|(item, _)| item).collect()
}

/// How many of each kind a search returns.
const PER_KIND: i64 = 5;

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
struct SearchQuery {
    /// What to look for: Swedish stems (`arbetslösa` finds `arbetslösheten`), compounds
    /// (`trygghet` finds `trygghetsvandringar`) and synonyms (`jobb` finds `arbete`).
    #[param(min_length = 1, max_length = 200)]
    q: String,
}

/// Search labs, needs, ideas and published methods you may see; the five best of each,
/// best first.
#[utoipa::path(
    tag = "search",
    params(SearchQuery),
    responses((status = 200, description = "The best matches.", body = SearchResults), BadRequest),
)]
#[get("/search")]
async fn search_all(
    pool: web::Data<Pool>,
    caller: Caller,
    request: HttpRequest,
    query: web::Query<SearchQuery>,
) -> Result<web::Json<SearchResults>, ApiError> {
    let q = fields::query_param(Some(&query.q))?
        .ok_or_else(|| ApiError::invalid_parameter("q", "required", crate::t!("field-required")))?;
    let (mut conn, viewer) = Viewer::connect(&pool, caller).await?;
    let labs = db::labs::list(
        &mut conn,
        &viewer,
        &db::labs::Filter {
            query: Some(q.clone()),
            ..Default::default()
        },
        Window::first(Order::Relevance, PER_KIND),
    )
    .await?;
    let needs = db::needs::list(
        &mut conn,
        &viewer,
        &db::needs::Filter {
            query: Some(q.clone()),
            ..Default::default()
        },
        Window::first(Order::Relevance, PER_KIND),
    )
    .await?;
    let ideas = db::ideas::list(
        &mut conn,
        &viewer,
        &db::ideas::Filter {
            query: Some(q.clone()),
            ..Default::default()
        },
        Window::first(Order::Relevance, PER_KIND),
    )
    .await?;
    let methods = db::methods::list(
        &mut conn,
        &viewer,
        &db::methods::Filter {
            query: Some(q),
            ..Default::default()
        },
        Window::first(Order::Relevance, PER_KIND),
        fields::language(&request),
    )
    .await?;
    Ok(web::Json(SearchResults {
        labs: first(labs),
        needs: first(needs),
        ideas: first(ideas),
        methods: first(methods),
    }))
}
