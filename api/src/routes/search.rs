//! One search box for the whole platform: the best labs, needs, ideas, offerings and methods
//! together, each hit highlighted; a misspelt search corrected; the word being typed completed.

use actix_web::{HttpRequest, get, web};
use diesel_async::AsyncPgConnection;
use serde::Deserialize;
use shared::{
    Highlight, IdeaHit, LabHit, MethodHit, NeedHit, OfferingHit, SearchResults, SearchSuggestions,
};
use utoipa::IntoParams;
use utoipa_actix_web::service_config::ServiceConfig;

use super::fields;
use crate::auth::Caller;
use crate::authz::Viewer;
use crate::db::search::{Order, Window};
use crate::db::{self, Db};
use crate::domain::highlight::highlight;
use crate::domain::swedish;
use crate::error::ApiError;
use crate::openapi::problems::BadRequest;

pub fn configure(config: &mut ServiceConfig) {
    config.service(search_all).service(suggest_search_words);
}

/// How many of each kind a search returns.
const PER_KIND: i64 = 5;
/// How many of each kind's newest matches a search ranks: a common word (a third of the
/// ideas) then costs no more than a rare one. The lists' `q` ranks every match.
const CANDIDATES: i64 = 100;
/// How many completions a suggestion offers.
const SUGGESTIONS: i64 = 8;

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
struct SearchQuery {
    /// What to look for: Swedish stems (`arbetslösa` finds `arbetslösheten`), compounds
    /// (`trygghet` finds `trygghetsvandringar`) and synonyms (`jobb` finds `arbete`); a
    /// misspelt word that finds nothing is corrected to a close word of the visible texts.
    #[param(min_length = 1, max_length = 200)]
    q: String,
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
struct SuggestQuery {
    /// The search being typed; its last word (two letters or more, ending the search) is
    /// completed.
    #[param(min_length = 1, max_length = 200)]
    q: String,
}

/// Search labs, needs, ideas, offerings and published methods you may see; the five best of
/// each, best first, each with its matched words marked; of a kind with more than 100
/// matches, the best of its 100 newest (those you may not see count among them, so fewer
/// may be shown; each kind's list with `q` ranks every match). When the search as typed
/// finds nothing and close spellings of its words do, their results are answered, with
/// `searched_for` saying which spelling was used.
#[utoipa::path(
    tag = "search",
    params(SearchQuery),
    responses((status = 200, description = "The best matches.", body = SearchResults), BadRequest),
)]
#[get("/search")]
async fn search_all(
    db: Db,
    caller: Caller,
    request: HttpRequest,
    query: web::Query<SearchQuery>,
) -> Result<web::Json<SearchResults>, ApiError> {
    let q = required_query(&query.q)?;
    let language = fields::language(&request);
    let (mut conn, viewer) = Viewer::connect_to_read(&db, caller).await?;
    let found = find(&mut conn, &viewer, &q, language).await?;
    if !found.is_empty() {
        return Ok(web::Json(found));
    }
    let respelt = find_respelt(&mut conn, &viewer, &q, language).await?;
    Ok(web::Json(respelt.unwrap_or(found)))
}

/// What the search finds with its unknown words spelt as the closest words of the visible
/// texts, with `searched_for` saying so; `None` when no word changed or nothing is found.
async fn find_respelt(
    conn: &mut AsyncPgConnection,
    viewer: &Viewer,
    q: &str,
    language: &str,
) -> Result<Option<SearchResults>, ApiError> {
    let corrections = db::search::closest_words(conn, swedish::correctable_words(q)).await?;
    let respelt = swedish::respell(q, &corrections);
    if respelt == q {
        return Ok(None);
    }
    let found = find(conn, viewer, &respelt, language).await?;
    Ok((!found.is_empty()).then_some(SearchResults {
        searched_for: Some(respelt),
        ..found
    }))
}

/// Complete the last word of a search being typed from the words of the texts everyone
/// may see, most common first (at most eight); nothing when the search does not end in a
/// word of two letters or more.
#[utoipa::path(
    tag = "search",
    params(SuggestQuery),
    responses((status = 200, description = "The completions.", body = SearchSuggestions), BadRequest),
)]
#[get("/search/suggest")]
async fn suggest_search_words(
    db: Db,
    query: web::Query<SuggestQuery>,
) -> Result<web::Json<SearchSuggestions>, ApiError> {
    let q = required_query(&query.q)?;
    let Some((before, prefix)) = swedish::last_word(&q, shared::search::SHORTEST_COMPLETED) else {
        return Ok(web::Json(SearchSuggestions {
            suggestions: Vec::new(),
        }));
    };
    let mut conn = db.get().await?;
    let words = db::search::words_beginning(&mut conn, &prefix, SUGGESTIONS).await?;
    Ok(web::Json(SearchSuggestions {
        suggestions: words
            .into_iter()
            .map(|word| format!("{before}{word}"))
            .collect(),
    }))
}

/// The search text, trimmed: 400 when it is empty or too long.
fn required_query(q: &str) -> Result<String, ApiError> {
    fields::query_param(Some(q))?
        .ok_or_else(|| ApiError::invalid_parameter("q", "required", crate::t!("field-required")))
}

/// The best of each kind for `q`, highlighted.
async fn find(
    conn: &mut AsyncPgConnection,
    viewer: &Viewer,
    q: &str,
    language: &str,
) -> Result<SearchResults, ApiError> {
    let window = Window {
        candidates: Some(CANDIDATES),
        ..Window::first(Order::Relevance, PER_KIND)
    };
    let query = Some(q.to_owned());
    let labs = db::labs::list(
        conn,
        viewer,
        &db::labs::Filter {
            query: query.clone(),
            ..Default::default()
        },
        window,
    )
    .await?;
    let needs = db::needs::list(
        conn,
        viewer,
        &db::needs::Filter {
            query: query.clone(),
            ..Default::default()
        },
        window,
    )
    .await?;
    let ideas = db::ideas::list(
        conn,
        viewer,
        &db::ideas::Filter {
            query: query.clone(),
            ..Default::default()
        },
        window,
    )
    .await?;
    let offerings = db::offerings::list(
        conn,
        viewer,
        &db::offerings::Filter {
            query: query.clone(),
            ..Default::default()
        },
        window,
    )
    .await?;
    let methods = db::methods::list(
        conn,
        viewer,
        &db::methods::Filter {
            query,
            ..Default::default()
        },
        window,
        language,
    )
    .await?;
    let matcher = swedish::matcher(q);
    let mark = |title: &str, texts: &[&str]| -> Highlight { highlight(&matcher, title, texts) };
    Ok(SearchResults {
        searched_for: None,
        labs: hits(labs, |lab| LabHit {
            highlight: mark(
                &lab.title,
                &[&lab.summary, &lab.neighbourhood, &lab.description],
            ),
            item: lab,
        }),
        needs: hits(needs, |need| NeedHit {
            highlight: mark(&need.title, &[&need.description]),
            item: need,
        }),
        ideas: hits(ideas, |idea| IdeaHit {
            highlight: mark(&idea.title, &[&idea.body]),
            item: idea,
        }),
        offerings: hits(offerings, |offering| OfferingHit {
            highlight: mark(&offering.title, &[&offering.description]),
            item: offering,
        }),
        methods: hits(methods, |method| MethodHit {
            highlight: mark(
                &method.title,
                &[
                    &method.summary,
                    &method.problem,
                    &method.approach,
                    &method.results,
                ],
            ),
            item: method,
        }),
    })
}

/// The items of a list (without their sort keys), each made a hit.
fn hits<T, K, H>(items: Vec<(T, K)>, hit: impl Fn(T) -> H) -> Vec<H> {
    items.into_iter().map(|(item, _)| hit(item)).collect()
}
