//! The method bank: methods with their evidence and reviews, a lab turned into a method,
//! and the adoptions that spread methods (each may open a lab of its own).

use actix_web::{HttpRequest, HttpResponse, get, patch, post, web};
use diesel_async::{AsyncConnection, AsyncPgConnection};
use serde::Deserialize;
use shared::limits;
use shared::{
    Adoption, AdoptionStatus, CreateAdoption, CreateEvidence, CreateMethod, Evidence, LabPhase,
    Lineage, Method, MethodSpread, MethodStatus, NotificationKind, Page, RetireMethod,
    ReviewMethod, Scope, Transfer, UpdateAdoption, UpdateMethod,
};
use utoipa::IntoParams;
use utoipa_actix_web::service_config::ServiceConfig;
use uuid::Uuid;

use super::fields::{self, PlaceParams};
use crate::auth::Caller;
use crate::authz::{self, LabAction, MethodAction, Viewer};
use crate::db::adoptions::AdoptionFields;
use crate::db::methods::{EvidenceFields, Filter, MethodFields, MethodLinks};
use crate::db::search::Order;
use crate::db::{self, Db};
use crate::domain::labs::normalize_tags_of;
use crate::domain::methods::{self as rules, MethodText};
use crate::domain::validation::FieldErrors;
use crate::error::ApiError;
use crate::events::{self, Subject};
use crate::extract::Body;
use crate::openapi::IfMatchHeader;
use crate::openapi::problems::{
    BadRequest, Conflict, Forbidden, NotFound, PreconditionFailed, PreconditionRequired,
    Unauthorized, Unprocessable,
};
use crate::pagination::{self, PageParams, SyncParams, SyncSort};
use crate::patch;
use crate::preconditions::{self, IfMatch, Tagged};

pub fn configure(config: &mut ServiceConfig) {
    config
        .service(create_method)
        .service(list_methods)
        .service(get_method)
        .service(update_method)
        .service(publish_method)
        .service(retire_method)
        .service(review_method)
        .service(list_method_evidence)
        .service(add_method_evidence)
        .service(list_method_adoptions)
        .service(adopt_method)
        .service(get_adoption)
        .service(update_adoption)
        .service(get_method_spread)
        .service(create_lab_method);
}

/// A method's fields as sent (or merged), before they are checked.
struct Draft<'a> {
    fields: MethodFields<'a>,
    links: MethodLinks<'a>,
}

/// Checks a method's fields and that its links name what the viewer may link: labs it
/// sees, their indicators, verified ideas of them.
async fn check_draft(
    conn: &mut AsyncPgConnection,
    viewer: &Viewer,
    draft: &Draft<'_>,
    mut errors: FieldErrors,
) -> Result<(), ApiError> {
    let fields = &draft.fields;
    rules::check_method(
        &mut errors,
        &MethodText {
            title: fields.title,
            summary: fields.summary,
            problem: fields.problem,
            approach: fields.approach,
            results: fields.results,
            transfer: fields.transfer,
            licence: fields.licence,
        },
    );
    rules::check_resources(&mut errors, fields.resources);
    fields::check_challenge_areas(conn, &mut errors, fields.challenge_areas).await?;
    let links = &draft.links;
    for lab in links.labs {
        if authz::lab(conn, viewer, *lab, LabAction::View)
            .await
            .is_err()
        {
            errors.add(
                "origin_lab_ids",
                "unknown",
                crate::t!("field-lab-not-visible"),
            );
            break;
        }
    }
    if links.labs.len() > 10 {
        errors.add(
            "origin_lab_ids",
            "too_many",
            crate::t!("field-too-many", max = 10),
        );
    }
    let indicators = db::methods::indicators_of_labs(conn, links.indicators, links.labs).await?;
    if links.indicators.iter().any(|id| !indicators.contains(id)) || links.indicators.len() > 20 {
        errors.add(
            "indicator_ids",
            "unknown",
            crate::t!("field-method-indicators"),
        );
    }
    let ideas = db::methods::verified_ideas(conn, links.ideas, links.labs).await?;
    if links.ideas.iter().any(|id| !ideas.contains(id)) || links.ideas.len() > 20 {
        errors.add(
            "origin_idea_ids",
            "unknown",
            crate::t!("field-method-ideas"),
        );
    }
    errors.finish()
}

/// Reads the method again after a change, its reasons in `language`.
async fn reload(
    conn: &mut AsyncPgConnection,
    viewer: &Viewer,
    id: Uuid,
    language: &str,
) -> Result<Method, ApiError> {
    authz::method(conn, viewer, id, MethodAction::View, language).await
}

const DEFAULT_LICENCE: &str = "CC-BY-4.0";

/// Describe a method, as a draft of an organisation you act for; publish it when ready.
#[utoipa::path(
    tag = "methods",
    security(("bearer_jwt" = []), ("api_key" = ["methods:write"])),
    request_body = CreateMethod,
    responses(
        (status = 201, description = "The method, a draft.", body = Method, headers(("Location" = String), ("ETag" = String))),
        BadRequest, Unauthorized, Forbidden, Unprocessable,
    ),
)]
#[post("/methods")]
async fn create_method(
    db: Db,
    caller: Caller,
    request: HttpRequest,
    body: Body<CreateMethod>,
) -> Result<HttpResponse, ApiError> {
    let language = fields::language(&request);
    let (mut conn, viewer) = Viewer::connect(&db, caller).await?;
    let organization = authz::acting_organization(
        &mut conn,
        &viewer.caller,
        body.organization_id,
        Scope::MethodsWrite,
        "organization_id",
    )
    .await?;
    let mut errors = FieldErrors::default();
    let target_groups = normalize_tags_of(&mut errors, "target_groups", &body.target_groups);
    let resources = rules::trim_resources(&body.resources);
    let draft = Draft {
        fields: MethodFields {
            title: body.title.trim(),
            summary: body.summary.trim(),
            problem: body.problem.trim(),
            approach: body.approach.trim(),
            results: body.results.trim(),
            transfer: &body.transfer,
            target_groups: &target_groups,
            challenge_areas: &body.challenge_areas,
            resources: &resources,
            licence: body.licence.as_deref().map_or(DEFAULT_LICENCE, str::trim),
        },
        links: MethodLinks {
            labs: &body.origin_lab_ids,
            ideas: &body.origin_idea_ids,
            indicators: &body.indicator_ids,
        },
    };
    check_draft(&mut conn, &viewer, &draft, errors).await?;
    let id = conn
        .transaction::<_, ApiError, _>(async |conn| {
            let id = db::methods::insert(
                conn,
                organization,
                &draft.fields,
                &draft.links,
                viewer.user_id(),
            )
            .await?;
            let details = serde_json::json!({ "to": MethodStatus::Draft.as_str() });
            db::audit::record(
                conn,
                &viewer.caller,
                "method.created",
                "method",
                id,
                details,
            )
            .await?;
            Ok(id)
        })
        .await?;
    let method = reload(&mut conn, &viewer, id, language).await?;
    Ok(preconditions::created(
        format!("/api/v1/methods/{id}"),
        &method,
    ))
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
struct ListQuery {
    /// Only methods whose data level (what the platform's records support) is at least this.
    #[param(minimum = 0, maximum = 5)]
    min_evidence_level: Option<i32>,
    /// Only methods of this organisation.
    organization: Option<Uuid>,
    /// `published` (the default), `retired`, or `draft` (your organisations' drafts).
    status: Option<MethodStatus>,
    /// Full-text search (Swedish stems, compounds and synonyms); the best matches come first.
    #[param(max_length = 200)]
    q: Option<String>,
}

const LANGUAGE_HEADER: &str = "`en` for English explanations; Swedish otherwise.";

/// The method bank: published methods, newest first or the best matches for `q`. The
/// place filters name the challenge area, and the municipality or county it was adopted in.
#[utoipa::path(
    tag = "methods",
    params(ListQuery, PlaceParams, PageParams, SyncParams, ("Accept-Language" = Option<String>, Header, description = LANGUAGE_HEADER)),
    responses((status = 200, description = "A page of methods.", body = Page<Method>), BadRequest),
)]
#[get("/methods")]
async fn list_methods(
    db: Db,
    caller: Caller,
    request: HttpRequest,
    query: web::Query<ListQuery>,
    place: web::Query<PlaceParams>,
    page: web::Query<PageParams>,
    sync: web::Query<SyncParams>,
) -> Result<web::Json<Page<Method>>, ApiError> {
    let limit = page.limit()?;
    if query
        .min_evidence_level
        .is_some_and(|level| !(0..=5).contains(&level))
    {
        return Err(ApiError::invalid_parameter(
            "min_evidence_level",
            "range",
            crate::t!("field-level", min = 0),
        ));
    }
    let filter = Filter {
        place: place.parse()?,
        min_evidence_level: query.min_evidence_level,
        organization: query.organization,
        status: query.status,
        query: fields::query_param(query.q.as_deref())?,
    };
    let window = fields::window(Order::for_query(filter.query.is_some()), &sync, &page)?;
    let language = fields::language(&request);
    let (mut conn, viewer) = Viewer::connect_to_read(&db, caller).await?;
    let rows = db::methods::list(&mut conn, &viewer, &filter, window, language).await?;
    Ok(web::Json(pagination::page_with_keys(rows, limit)))
}

/// One method, with its three levels and the reasons for the data level.
#[utoipa::path(
    tag = "methods",
    params(("Accept-Language" = Option<String>, Header, description = LANGUAGE_HEADER)),
    responses((status = 200, description = "The method.", body = Method, headers(("ETag" = String))), NotFound),
)]
#[get("/methods/{id}")]
async fn get_method(
    db: Db,
    caller: Caller,
    request: HttpRequest,
    id: web::Path<Uuid>,
) -> Result<Tagged<Method>, ApiError> {
    let language = fields::language(&request);
    let (mut conn, viewer) = Viewer::connect(&db, caller).await?;
    Ok(Tagged(reload(&mut conn, &viewer, *id, language).await?))
}

/// Change a method (its organisation). Send the version you read in `If-Match`.
#[utoipa::path(
    tag = "methods",
    security(("bearer_jwt" = []), ("api_key" = ["methods:write"])),
    params(IfMatchHeader),
    request_body = UpdateMethod,
    responses(
        (status = 200, description = "The method, changed.", body = Method, headers(("ETag" = String))),
        BadRequest, Unauthorized, Forbidden, NotFound, PreconditionFailed, Unprocessable, PreconditionRequired,
    ),
)]
#[patch("/methods/{id}")]
async fn update_method(
    db: Db,
    caller: Caller,
    request: HttpRequest,
    id: web::Path<Uuid>,
    if_match: IfMatch,
    body: Body<UpdateMethod>,
) -> Result<Tagged<Method>, ApiError> {
    let (id, language) = (*id, fields::language(&request));
    let (mut conn, viewer) = Viewer::connect(&db, caller).await?;
    authz::method(&mut conn, &viewer, id, MethodAction::Edit, language).await?;
    let method = conn
        .transaction::<_, ApiError, _>(async |conn| {
            let version = if_match.check_locked(db::methods::lock_version(conn, id).await?)?;
            let current = reload(conn, &viewer, id, language).await?;
            let mut errors = FieldErrors::default();
            let target_groups = match &body.target_groups {
                Some(sent) => normalize_tags_of(&mut errors, "target_groups", sent),
                None => current.target_groups.clone(),
            };
            let resources =
                rules::trim_resources(patch::value(&body.resources, &current.resources));
            let transfer: &Transfer = body.transfer.as_ref().unwrap_or(&current.transfer);
            let current_labs: Vec<Uuid> = current.origin_labs.iter().map(|lab| lab.id).collect();
            let draft = Draft {
                fields: MethodFields {
                    title: patch::text(&body.title, &current.title),
                    summary: patch::text(&body.summary, &current.summary),
                    problem: patch::text(&body.problem, &current.problem),
                    approach: patch::text(&body.approach, &current.approach),
                    results: patch::text(&body.results, &current.results),
                    transfer,
                    target_groups: &target_groups,
                    challenge_areas: patch::value(&body.challenge_areas, &current.challenge_areas),
                    resources: &resources,
                    licence: patch::text(&body.licence, &current.licence),
                },
                links: MethodLinks {
                    labs: patch::value(&body.origin_lab_ids, &current_labs),
                    ideas: patch::value(&body.origin_idea_ids, &current.origin_idea_ids),
                    indicators: patch::value(&body.indicator_ids, &current.indicator_ids),
                },
            };
            check_draft(conn, &viewer, &draft, errors).await?;
            db::methods::update(conn, id, &draft.fields, &draft.links).await?;
            let details = serde_json::json!({ "version": version + 1 });
            db::audit::record(
                conn,
                &viewer.caller,
                "method.updated",
                "method",
                id,
                details,
            )
            .await?;
            reload(conn, &viewer, id, language).await
        })
        .await?;
    Ok(Tagged(method))
}

/// The 409 for a status change the method's status does not allow.
fn status_refused(from: MethodStatus, to: MethodStatus) -> ApiError {
    let allowed = match from {
        MethodStatus::Draft => vec![MethodStatus::Published.as_str().to_owned()],
        MethodStatus::Published => vec![MethodStatus::Retired.as_str().to_owned()],
        MethodStatus::Retired => Vec::new(),
    };
    ApiError::InvalidTransition {
        detail: crate::t!(
            "problem-method-transition",
            from = from.as_str(),
            to = to.as_str()
        ),
        allowed,
    }
}

/// Moves a method from `from` to `to` (with the reason when retiring), audited; notifies
/// the origin labs' participants when it is published.
async fn change_status(
    conn: &mut AsyncPgConnection,
    viewer: &Viewer,
    id: Uuid,
    to: MethodStatus,
    reason: Option<&str>,
    language: &str,
) -> Result<Method, ApiError> {
    let from = if to == MethodStatus::Published {
        MethodStatus::Draft
    } else {
        MethodStatus::Published
    };
    authz::method(conn, viewer, id, MethodAction::Edit, language).await?;
    conn.transaction::<_, ApiError, _>(async |conn| {
        db::methods::lock_version(conn, id).await?;
        let current = reload(conn, viewer, id, language).await?;
        if current.status != from {
            return Err(status_refused(current.status, to));
        }
        db::methods::set_status(conn, id, to, reason).await?;
        let details =
            serde_json::json!({ "from": from.as_str(), "to": to.as_str(), "reason": reason });
        db::audit::record(
            conn,
            &viewer.caller,
            &format!("method.{}", to.as_str()),
            "method",
            id,
            details,
        )
        .await?;
        if to == MethodStatus::Published {
            events::emit(conn, "method.published", Subject::Method(id)).await?;
            let details = serde_json::json!({ "method_title": current.title });
            for organization in db::methods::origin_participants(conn, id).await? {
                db::notifications::notify_organization(
                    conn,
                    organization,
                    viewer.user_id(),
                    NotificationKind::MethodPublished,
                    "method",
                    id,
                    details.clone(),
                )
                .await?;
            }
        }
        reload(conn, viewer, id, language).await
    })
    .await
}

/// Publish a draft (its organisation): it appears in the method bank and can be adopted;
/// the origin labs' participants are notified.
#[utoipa::path(
    tag = "methods",
    security(("bearer_jwt" = []), ("api_key" = ["methods:write"])),
    responses(
        (status = 200, description = "The method, published.", body = Method, headers(("ETag" = String))),
        Unauthorized, Forbidden, NotFound, Conflict,
    ),
)]
#[post("/methods/{id}/publish")]
async fn publish_method(
    db: Db,
    caller: Caller,
    request: HttpRequest,
    id: web::Path<Uuid>,
) -> Result<Tagged<Method>, ApiError> {
    let language = fields::language(&request);
    let (mut conn, viewer) = Viewer::connect(&db, caller).await?;
    let method = change_status(
        &mut conn,
        &viewer,
        *id,
        MethodStatus::Published,
        None,
        language,
    )
    .await?;
    Ok(Tagged(method))
}

/// Retire a published method, saying why (its organisation): it stays readable, with its
/// adoptions, but is adopted no more.
#[utoipa::path(
    tag = "methods",
    security(("bearer_jwt" = []), ("api_key" = ["methods:write"])),
    request_body = RetireMethod,
    responses(
        (status = 200, description = "The method, retired.", body = Method, headers(("ETag" = String))),
        BadRequest, Unauthorized, Forbidden, NotFound, Conflict, Unprocessable,
    ),
)]
#[post("/methods/{id}/retire")]
async fn retire_method(
    db: Db,
    caller: Caller,
    request: HttpRequest,
    id: web::Path<Uuid>,
    body: Body<RetireMethod>,
) -> Result<Tagged<Method>, ApiError> {
    let reason = body.reason.trim();
    let mut errors = FieldErrors::default();
    errors.length(
        reason,
        "reason",
        limits::Length {
            min: 1,
            ..limits::REASON
        },
    );
    errors.finish()?;
    let language = fields::language(&request);
    let (mut conn, viewer) = Viewer::connect(&db, caller).await?;
    let method = change_status(
        &mut conn,
        &viewer,
        *id,
        MethodStatus::Retired,
        Some(reason),
        language,
    )
    .await?;
    Ok(Tagged(method))
}

/// Review a method's evidence independently: a platform admin, or a member of a research
/// organisation that took no part in it. The level confirms or lowers the claim, never
/// exceeds it.
#[utoipa::path(
    tag = "methods",
    security(("bearer_jwt" = [])),
    request_body = ReviewMethod,
    responses(
        (status = 200, description = "The method with its reviewed level.", body = Method, headers(("ETag" = String))),
        BadRequest, Unauthorized, Forbidden, NotFound, Unprocessable,
    ),
)]
#[post("/methods/{id}/review")]
async fn review_method(
    db: Db,
    caller: Caller,
    request: HttpRequest,
    id: web::Path<Uuid>,
    body: Body<ReviewMethod>,
) -> Result<Tagged<Method>, ApiError> {
    let (id, language) = (*id, fields::language(&request));
    let note = body.note.trim();
    let mut errors = FieldErrors::default();
    rules::check_level(&mut errors, body.level);
    errors.length(note, "note", limits::REASON);
    errors.finish()?;
    caller.signed_in()?;
    let (mut conn, viewer) = Viewer::connect(&db, caller).await?;
    let method = reload(&mut conn, &viewer, id, language).await?;
    let reviewer = authz::reviewer(&mut conn, &viewer, &method).await?;
    if method
        .claimed_level
        .is_none_or(|claimed| body.level > claimed)
    {
        return Err(ApiError::invalid_field(
            "level",
            "above_claim",
            crate::t!("field-review-level"),
        ));
    }
    let method = conn
        .transaction::<_, ApiError, _>(async |conn| {
            db::methods::review(conn, id, body.level, note, reviewer).await?;
            let details = serde_json::json!({ "level": body.level, "by": reviewer });
            db::audit::record(
                conn,
                &viewer.caller,
                "method.reviewed",
                "method",
                id,
                details,
            )
            .await?;
            reload(conn, &viewer, id, language).await
        })
        .await?;
    Ok(Tagged(method))
}

/// A method's evidence entries, highest level first.
#[utoipa::path(
    tag = "methods",
    responses((status = 200, description = "A complete list.", body = Page<Evidence>), NotFound),
)]
#[get("/methods/{id}/evidence")]
async fn list_method_evidence(
    db: Db,
    caller: Caller,
    id: web::Path<Uuid>,
) -> Result<web::Json<Page<Evidence>>, ApiError> {
    let (mut conn, viewer) = Viewer::connect(&db, caller).await?;
    reload(&mut conn, &viewer, *id, "sv").await?;
    Ok(web::Json(Page::complete(
        db::methods::evidence(&mut conn, *id).await?,
    )))
}

/// Add an evidence entry on Nesta's scale (the method's organisation). Its indicators must
/// be the method's.
#[utoipa::path(
    tag = "methods",
    security(("bearer_jwt" = []), ("api_key" = ["methods:write"])),
    request_body = CreateEvidence,
    responses(
        (status = 201, description = "The entry.", body = Evidence, headers(("Location" = String))),
        BadRequest, Unauthorized, Forbidden, NotFound, Unprocessable,
    ),
)]
#[post("/methods/{id}/evidence")]
async fn add_method_evidence(
    db: Db,
    caller: Caller,
    id: web::Path<Uuid>,
    body: Body<CreateEvidence>,
) -> Result<HttpResponse, ApiError> {
    let id = *id;
    let (mut conn, viewer) = Viewer::connect(&db, caller).await?;
    let method = authz::method(&mut conn, &viewer, id, MethodAction::Edit, "sv").await?;
    let summary = body.summary.trim();
    let mut errors = FieldErrors::default();
    rules::check_level(&mut errors, body.level);
    errors.length(summary, "summary", limits::EVIDENCE_SUMMARY);
    rules::check_sources(&mut errors, &body.sources);
    if body
        .indicator_ids
        .iter()
        .any(|i| !method.indicator_ids.contains(i))
    {
        errors.add(
            "indicator_ids",
            "unknown",
            crate::t!("field-indicators-of-method"),
        );
    }
    errors.finish()?;
    let sources: Vec<shared::Link> = body
        .sources
        .iter()
        .map(|s| shared::Link {
            title: s.title.trim().to_owned(),
            url: s.url.trim().to_owned(),
        })
        .collect();
    let fields = EvidenceFields {
        level: body.level,
        summary,
        sources: &sources,
        indicator_ids: &body.indicator_ids,
        comparison_group: body.comparison_group,
    };
    let entry = conn
        .transaction::<_, ApiError, _>(async |conn| {
            let entry = db::methods::insert_evidence(conn, id, &fields, viewer.user_id()).await?;
            let details = serde_json::json!({ "level": fields.level, "entry": entry });
            db::audit::record(
                conn,
                &viewer.caller,
                "method.evidence_added",
                "method",
                id,
                details,
            )
            .await?;
            Ok(entry)
        })
        .await?;
    let created = db::methods::evidence(&mut conn, id)
        .await?
        .into_iter()
        .find(|e| e.id == entry)
        .ok_or(ApiError::NotFound)?;
    Ok(HttpResponse::Created()
        .insert_header((
            actix_web::http::header::LOCATION,
            format!("/api/v1/methods/{id}/evidence"),
        ))
        .json(created))
}

/// A method's adoptions, oldest first (or, with `sort=updated_at`, the least recently
/// changed first).
#[utoipa::path(
    tag = "methods",
    params(SyncParams),
    responses((status = 200, description = "A complete list.", body = Page<Adoption>), BadRequest, NotFound),
)]
#[get("/methods/{id}/adoptions")]
async fn list_method_adoptions(
    db: Db,
    caller: Caller,
    id: web::Path<Uuid>,
    sync: web::Query<SyncParams>,
) -> Result<web::Json<Page<Adoption>>, ApiError> {
    let (mut conn, viewer) = Viewer::connect(&db, caller).await?;
    reload(&mut conn, &viewer, *id, "sv").await?;
    let selection = db::adoptions::Selection {
        updated_since: sync.updated_since,
        by_update: sync.sort == Some(SyncSort::UpdatedAt),
    };
    Ok(web::Json(Page::complete(
        db::adoptions::of_method(&mut conn, &viewer, *id, selection).await?,
    )))
}

/// Adopt a published method, for an organisation you act for, in a municipality. With
/// `create_lab` it opens a lab there (phase `testing`, you as host) with copies of the
/// method's indicators, so you measure your own results; the method's organisation is
/// notified.
#[utoipa::path(
    tag = "methods",
    security(("bearer_jwt" = []), ("api_key" = ["methods:write"])),
    request_body = CreateAdoption,
    responses(
        (status = 201, description = "The adoption.", body = Adoption, headers(("Location" = String), ("ETag" = String))),
        BadRequest, Unauthorized, Forbidden, NotFound, Conflict, Unprocessable,
    ),
)]
#[post("/methods/{id}/adoptions")]
async fn adopt_method(
    db: Db,
    caller: Caller,
    id: web::Path<Uuid>,
    body: Body<CreateAdoption>,
) -> Result<HttpResponse, ApiError> {
    let method_id = *id;
    let (mut conn, viewer) = Viewer::connect(&db, caller).await?;
    viewer.caller.signed_in()?;
    let method = reload(&mut conn, &viewer, method_id, "sv").await?;
    let organization = authz::acting_organization(
        &mut conn,
        &viewer.caller,
        body.organization_id,
        Scope::MethodsWrite,
        "organization_id",
    )
    .await?;
    if method.status != MethodStatus::Published {
        return Err(ApiError::Conflict {
            detail: crate::t!("problem-adopt-published-only"),
            errors: Vec::new(),
        });
    }
    let fields = AdoptionFields {
        neighbourhood: body.neighbourhood.trim(),
        started_on: body.started_on,
        status: body.status.unwrap_or(AdoptionStatus::Planned),
        adaptations: body.adaptations.trim(),
        outcome: body.outcome.trim(),
    };
    let mut errors = FieldErrors::default();
    check_adoption(&mut errors, &fields);
    fields::check_municipality(&mut conn, &mut errors, &body.municipality_code).await?;
    errors.finish()?;
    let municipality = body.municipality_code.as_str();
    let id = conn
        .transaction::<_, ApiError, _>(async |conn| {
            let lab = if body.create_lab {
                let lab = db::adoptions::open_lab(
                    conn,
                    &viewer.caller,
                    &method,
                    organization,
                    municipality,
                    &fields,
                );
                Some(lab.await?)
            } else {
                None
            };
            let id = db::adoptions::insert(
                conn,
                method_id,
                organization,
                municipality,
                &fields,
                lab,
                viewer.user_id(),
            )
            .await?;
            let details = serde_json::json!({ "method": method_id, "lab": lab });
            db::audit::record(
                conn,
                &viewer.caller,
                "adoption.created",
                "adoption",
                id,
                details,
            )
            .await?;
            events::emit(conn, "method.adopted", Subject::Adoption(id)).await?;
            let details = serde_json::json!({ "method_title": method.title, "adoption": id });
            db::notifications::notify_organization(
                conn,
                method.organization.id,
                viewer.user_id(),
                NotificationKind::MethodAdopted,
                "method",
                method_id,
                details,
            )
            .await?;
            Ok(id)
        })
        .await?;
    let adoption = authz::adoption(&mut conn, &viewer, id, MethodAction::View).await?;
    Ok(preconditions::created(
        format!("/api/v1/adoptions/{id}"),
        &adoption,
    ))
}

fn check_adoption(errors: &mut FieldErrors, fields: &AdoptionFields<'_>) {
    errors.length(fields.neighbourhood, "neighbourhood", limits::NEIGHBOURHOOD);
    errors.length(fields.adaptations, "adaptations", limits::MESSAGE);
    errors.length(fields.outcome, "outcome", limits::MESSAGE);
    crate::domain::labs::check_date(errors, "started_on", fields.started_on);
}

/// How a method spread: its adoptions by county and, cumulated, by month; and where each
/// adoption came from.
#[utoipa::path(
    tag = "methods",
    responses((status = 200, description = "The spread.", body = MethodSpread), NotFound),
)]
#[get("/methods/{id}/spread")]
async fn get_method_spread(
    db: Db,
    caller: Caller,
    id: web::Path<Uuid>,
) -> Result<web::Json<MethodSpread>, ApiError> {
    let (mut conn, viewer) = Viewer::connect(&db, caller).await?;
    let method = reload(&mut conn, &viewer, *id, "sv").await?;
    let lineage = db::adoptions::of_method(&mut conn, &viewer, method.id, Default::default())
        .await?
        .into_iter()
        .map(|adoption| Lineage {
            adoption_id: adoption.id,
            organization: adoption.organization,
            municipality_code: adoption.municipality_code,
            from_labs: method.origin_labs.clone(),
            lab_id: adoption.lab_id,
        })
        .collect();
    Ok(web::Json(MethodSpread {
        by_county: db::adoptions::by_county(&mut conn, method.id).await?,
        origin_counties: db::adoptions::origin_counties(&mut conn, method.id).await?,
        by_month: db::adoptions::by_month(&mut conn, method.id).await?,
        lineage,
    }))
}

/// One adoption.
#[utoipa::path(
    tag = "methods",
    responses((status = 200, description = "The adoption.", body = Adoption, headers(("ETag" = String))), NotFound),
)]
#[get("/adoptions/{id}")]
async fn get_adoption(
    db: Db,
    caller: Caller,
    id: web::Path<Uuid>,
) -> Result<Tagged<Adoption>, ApiError> {
    let (mut conn, viewer) = Viewer::connect(&db, caller).await?;
    Ok(Tagged(
        authz::adoption(&mut conn, &viewer, *id, MethodAction::View).await?,
    ))
}

/// Change an adoption, e.g. its status or outcome (the adopting organisation). Send the
/// version you read in `If-Match`.
#[utoipa::path(
    tag = "methods",
    security(("bearer_jwt" = []), ("api_key" = ["methods:write"])),
    params(IfMatchHeader),
    request_body = UpdateAdoption,
    responses(
        (status = 200, description = "The adoption, changed.", body = Adoption, headers(("ETag" = String))),
        BadRequest, Unauthorized, Forbidden, NotFound, PreconditionFailed, Unprocessable, PreconditionRequired,
    ),
)]
#[patch("/adoptions/{id}")]
async fn update_adoption(
    db: Db,
    caller: Caller,
    id: web::Path<Uuid>,
    if_match: IfMatch,
    body: Body<UpdateAdoption>,
) -> Result<Tagged<Adoption>, ApiError> {
    let id = *id;
    let (mut conn, viewer) = Viewer::connect(&db, caller).await?;
    authz::adoption(&mut conn, &viewer, id, MethodAction::Edit).await?;
    let adoption = conn
        .transaction::<_, ApiError, _>(async |conn| {
            let version = if_match.check_locked(db::adoptions::lock_version(conn, id).await?)?;
            let current = authz::adoption(conn, &viewer, id, MethodAction::View).await?;
            let fields = AdoptionFields {
                neighbourhood: patch::text(&body.neighbourhood, &current.neighbourhood),
                started_on: body.started_on.or(current.started_on),
                status: body.status.unwrap_or(current.status),
                adaptations: patch::text(&body.adaptations, &current.adaptations),
                outcome: patch::text(&body.outcome, &current.outcome),
            };
            let mut errors = FieldErrors::default();
            check_adoption(&mut errors, &fields);
            errors.finish()?;
            db::adoptions::update(conn, id, &fields).await?;
            let details = serde_json::json!({
                "from": current.status.as_str(), "to": fields.status.as_str(), "version": version + 1,
            });
            db::audit::record(conn, &viewer.caller, "adoption.updated", "adoption", id, details)
                .await?;
            authz::adoption(conn, &viewer, id, MethodAction::View).await
        })
        .await?;
    Ok(Tagged(adoption))
}

/// Turn a lab into a method (its hosts, once it is `verifying`, `spreading` or `closed`): a
/// draft prefilled from the lab — title, summary, challenge area, the description as the
/// approach, the lab as origin with its indicators, its host as owner.
#[utoipa::path(
    tag = "methods",
    security(("bearer_jwt" = []), ("api_key" = ["methods:write"])),
    params(("Accept-Language" = Option<String>, Header, description = LANGUAGE_HEADER)),
    responses(
        (status = 201, description = "The method, a draft.", body = Method, headers(("Location" = String), ("ETag" = String))),
        Unauthorized, Forbidden, NotFound, Conflict,
    ),
)]
#[post("/labs/{id}/method")]
async fn create_lab_method(
    db: Db,
    caller: Caller,
    request: HttpRequest,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    let (lab_id, language) = (*id, fields::language(&request));
    let (mut conn, viewer) = Viewer::connect(&db, caller).await?;
    let lab = authz::lab(&mut conn, &viewer, lab_id, LabAction::Edit)
        .await?
        .lab;
    let owner = lab.host.id;
    if let Caller::ApiKey(key) = &viewer.caller
        && !key.scopes.contains(&Scope::MethodsWrite)
    {
        return Err(authz::Denied::MissingScope(Scope::MethodsWrite).into_error("lab"));
    }
    if !matches!(
        lab.phase,
        LabPhase::Verifying | LabPhase::Spreading | LabPhase::Closed
    ) {
        return Err(ApiError::Conflict {
            detail: crate::t!("problem-lab-not-verifying", phase = lab.phase.as_str()),
            errors: Vec::new(),
        });
    }
    let indicators: Vec<Uuid> = db::labs::indicators(&mut conn, lab_id, None)
        .await?
        .into_iter()
        .map(|indicator| indicator.id)
        .take(20)
        .collect();
    let summary: String = lab.summary.chars().take(limits::SUMMARY.max).collect();
    let fields = MethodFields {
        title: &lab.title,
        summary: &summary,
        problem: "",
        approach: &lab.description,
        results: "",
        transfer: &Transfer::default(),
        target_groups: &[],
        challenge_areas: std::slice::from_ref(&lab.challenge_area),
        resources: &[],
        licence: DEFAULT_LICENCE,
    };
    let links = MethodLinks {
        labs: &[lab_id],
        ideas: &[],
        indicators: &indicators,
    };
    let id = conn
        .transaction::<_, ApiError, _>(async |conn| {
            let id = db::methods::insert(conn, owner, &fields, &links, viewer.user_id()).await?;
            let details = serde_json::json!({ "to": MethodStatus::Draft.as_str(), "lab": lab_id });
            db::audit::record(
                conn,
                &viewer.caller,
                "method.created",
                "method",
                id,
                details,
            )
            .await?;
            Ok(id)
        })
        .await?;
    let method = reload(&mut conn, &viewer, id, language).await?;
    Ok(preconditions::created(
        format!("/api/v1/methods/{id}"),
        &method,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_method_moves_draft_to_published_to_retired_only() {
        let refused = status_refused(MethodStatus::Retired, MethodStatus::Published);
        assert!(
            matches!(refused, ApiError::InvalidTransition { allowed, .. } if allowed.is_empty())
        );
        let refused = status_refused(MethodStatus::Draft, MethodStatus::Retired);
        assert!(
            matches!(refused, ApiError::InvalidTransition { allowed, .. } if allowed == ["published"])
        );
    }
}
