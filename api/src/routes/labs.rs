//! Labs: create, list, read, change; their phase (with history), participants and
//! indicators. Members of a lab's host organisations run it; see `authz::lab`.

use actix_web::{HttpResponse, delete, get, patch, post, web};
use diesel_async::{AsyncConnection, AsyncPgConnection};
use serde::Deserialize;
use shared::limits;
use shared::{
    AddParticipant, ChangePhase, CreateIndicator, CreateLab, CreateMeasurement, Indicator, Lab,
    LabPhase, Page, Participant, ParticipantRole, PhaseChange, PhaseMoveError, Scope, UpdateLab,
};
use utoipa::IntoParams;
use utoipa_actix_web::service_config::ServiceConfig;
use uuid::Uuid;

use super::fields::{self, PlaceParams};
use crate::auth::Caller;
use crate::authz::{self, LabAction, OrgAction, Viewer};
use crate::db::labs::{Filter, IndicatorFields, LabFields};
use crate::db::search::Order;
use crate::db::{self, Db};
use crate::domain::labs::{LabText, check_date, check_indicator, check_lab, check_number};
use crate::domain::validation::FieldErrors;
use crate::error::ApiError;
use crate::events::{self, Subject};
use crate::extract::Body;
use crate::openapi::IfMatchHeader;
use crate::openapi::problems::{
    BadRequest, Conflict, Forbidden, NotFound, PreconditionFailed, PreconditionRequired,
    Unauthorized, Unprocessable,
};
use crate::pagination::{self, PageParams, SyncParams};
use crate::patch;
use crate::preconditions::{self, IfMatch, Tagged};

pub fn configure(config: &mut ServiceConfig) {
    config
        .service(create_lab)
        .service(list_labs)
        .service(get_lab)
        .service(update_lab)
        .service(change_lab_phase)
        .service(list_lab_history)
        .service(list_lab_participants)
        .service(add_lab_participant)
        .service(remove_lab_participant)
        .service(list_lab_indicators)
        .service(create_lab_indicator)
        .service(get_lab_indicator)
        .service(add_indicator_measurement);
}

/// The lab as `viewer` sees it now (after a change).
async fn reload(conn: &mut AsyncPgConnection, viewer: &Viewer, id: Uuid) -> Result<Lab, ApiError> {
    Ok(db::labs::find(conn, viewer, id)
        .await?
        .ok_or(ApiError::NotFound)?
        .lab)
}

/// Validates a lab's fields, including that its challenge area and municipality exist.
async fn check_fields(
    conn: &mut AsyncPgConnection,
    fields: &LabFields<'_>,
) -> Result<(), ApiError> {
    let mut errors = FieldErrors::default();
    check_lab(
        &mut errors,
        &LabText {
            title: fields.title,
            summary: fields.summary,
            description: fields.description,
            neighbourhood: fields.neighbourhood,
            starts_on: fields.starts_on,
            ends_on: fields.ends_on,
        },
    );
    fields::check_challenge_area(conn, &mut errors, fields.challenge_area).await?;
    fields::check_municipality(conn, &mut errors, fields.municipality_code).await?;
    errors.finish()
}

/// Open a lab, hosted by an organisation you belong to.
#[utoipa::path(
    tag = "labs",
    security(("bearer_jwt" = []), ("api_key" = ["labs:write"])),
    request_body = CreateLab,
    responses(
        (status = 201, description = "The lab, in phase `forming`.", body = Lab, headers(("Location" = String), ("ETag" = String))),
        BadRequest, Unauthorized, Forbidden, Unprocessable,
    ),
)]
#[post("/labs")]
async fn create_lab(
    db: Db,
    caller: Caller,
    body: Body<CreateLab>,
) -> Result<HttpResponse, ApiError> {
    let mut conn = db.get().await?;
    let host = authz::acting_organization(
        &mut conn,
        &caller,
        body.host_organization_id,
        Scope::LabsWrite,
        "host_organization_id",
    )
    .await?;
    let fields = LabFields {
        title: body.title.trim(),
        summary: body.summary.trim(),
        description: body.description.trim(),
        challenge_area: &body.challenge_area,
        municipality_code: &body.municipality_code,
        neighbourhood: body.neighbourhood.trim(),
        starts_on: body.starts_on,
        ends_on: body.ends_on,
        visibility: body.visibility,
    };
    check_fields(&mut conn, &fields).await?;
    let author = caller.clone();
    let id = conn
        .transaction::<_, ApiError, _>(async move |conn| {
            let id = db::labs::insert(conn, &fields, host, author.user_id()).await?;
            let details = serde_json::json!({ "to": LabPhase::Forming.as_str() });
            db::audit::record(conn, &author, "lab.created", "lab", id, details).await?;
            Ok(id)
        })
        .await?;
    let viewer = Viewer::load(&mut conn, caller).await?;
    let lab = reload(&mut conn, &viewer, id).await?;
    Ok(preconditions::created(format!("/api/v1/labs/{id}"), &lab))
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
struct ListQuery {
    /// Only labs in this phase.
    phase: Option<LabPhase>,
    /// Only labs hosted by this organisation.
    host: Option<Uuid>,
    /// Full-text search (Swedish stems, compounds and synonyms); the best matches come first.
    #[param(max_length = 200)]
    q: Option<String>,
}

/// List the labs you may see: newest first, or the best matches for `q`.
#[utoipa::path(
    tag = "labs",
    params(ListQuery, PlaceParams, PageParams, SyncParams),
    responses((status = 200, description = "A page of labs.", body = Page<Lab>), BadRequest),
)]
#[get("/labs")]
async fn list_labs(
    db: Db,
    caller: Caller,
    query: web::Query<ListQuery>,
    place: web::Query<PlaceParams>,
    page: web::Query<PageParams>,
    sync: web::Query<SyncParams>,
) -> Result<web::Json<Page<Lab>>, ApiError> {
    let limit = page.limit()?;
    let filter = Filter {
        place: place.parse()?,
        phase: query.phase,
        host: query.host,
        query: fields::query_param(query.q.as_deref())?,
    };
    let window = fields::window(Order::for_query(filter.query.is_some()), &sync, &page)?;
    let (mut conn, viewer) = Viewer::connect_to_read(&db, caller).await?;
    let rows = db::labs::list(&mut conn, &viewer, &filter, window).await?;
    Ok(web::Json(pagination::page_with_keys(rows, limit)))
}

/// One lab.
#[utoipa::path(
    tag = "labs",
    responses(
        (status = 200, description = "The lab.", body = Lab, headers(("ETag" = String))),
        NotFound,
    ),
)]
#[get("/labs/{id}")]
async fn get_lab(db: Db, caller: Caller, id: web::Path<Uuid>) -> Result<Tagged<Lab>, ApiError> {
    let (mut conn, viewer) = Viewer::connect(&db, caller).await?;
    let access = authz::lab(&mut conn, &viewer, *id, LabAction::View).await?;
    Ok(Tagged(access.lab))
}

/// Change a lab (its hosts). Send the version you read in `If-Match`.
#[utoipa::path(
    tag = "labs",
    security(("bearer_jwt" = []), ("api_key" = ["labs:write"])),
    params(IfMatchHeader),
    request_body = UpdateLab,
    responses(
        (status = 200, description = "The lab, changed.", body = Lab, headers(("ETag" = String))),
        BadRequest, Unauthorized, Forbidden, NotFound, PreconditionFailed, Unprocessable, PreconditionRequired,
    ),
)]
#[patch("/labs/{id}")]
async fn update_lab(
    db: Db,
    caller: Caller,
    id: web::Path<Uuid>,
    if_match: IfMatch,
    body: Body<UpdateLab>,
) -> Result<Tagged<Lab>, ApiError> {
    let id = *id;
    let (mut conn, viewer) = Viewer::connect(&db, caller).await?;
    authz::lab(&mut conn, &viewer, id, LabAction::Edit).await?;
    let lab = conn
        .transaction::<_, ApiError, _>(async |conn| {
            if_match.check_locked(db::labs::lock_version(conn, id).await?)?;
            let current = reload(conn, &viewer, id).await?;
            let fields = LabFields {
                title: patch::text(&body.title, &current.title),
                summary: patch::text(&body.summary, &current.summary),
                description: patch::text(&body.description, &current.description),
                challenge_area: patch::value(&body.challenge_area, &current.challenge_area),
                municipality_code: patch::value(
                    &body.municipality_code,
                    &current.municipality_code,
                ),
                neighbourhood: patch::text(&body.neighbourhood, &current.neighbourhood),
                starts_on: body.starts_on.unwrap_or(current.starts_on),
                ends_on: body.ends_on.unwrap_or(current.ends_on),
                visibility: body.visibility.unwrap_or(current.visibility),
            };
            check_fields(conn, &fields).await?;
            db::labs::update(conn, id, &fields).await?;
            reload(conn, &viewer, id).await
        })
        .await?;
    Ok(Tagged(lab))
}

/// The 409 for a phase change the lab's phase machine does not allow.
fn phase_refused(from: LabPhase, to: LabPhase) -> ApiError {
    let mut moves = Vec::new();
    let mut allowed = Vec::new();
    if let Some(next) = from.next() {
        moves.push(crate::t!("phase-forward", phase = next.as_str()));
        allowed.push(next.as_str().to_owned());
    }
    if let Some(previous) = from.previous() {
        moves.push(crate::t!("phase-back", phase = previous.as_str()));
        allowed.push(previous.as_str().to_owned());
    }
    ApiError::InvalidTransition {
        detail: crate::t!(
            "problem-phase-transition",
            from = from.as_str(),
            to = to.as_str(),
            moves = moves.join(&crate::t!("or"))
        ),
        allowed,
    }
}

/// Move a lab one phase forward, or one back with a note (its hosts).
#[utoipa::path(
    tag = "labs",
    security(("bearer_jwt" = []), ("api_key" = ["labs:write"])),
    request_body = ChangePhase,
    responses(
        (status = 200, description = "The lab in its new phase.", body = Lab, headers(("ETag" = String))),
        BadRequest, Unauthorized, Forbidden, NotFound, Conflict, Unprocessable,
    ),
)]
#[post("/labs/{id}/phase")]
async fn change_lab_phase(
    db: Db,
    caller: Caller,
    id: web::Path<Uuid>,
    body: Body<ChangePhase>,
) -> Result<Tagged<Lab>, ApiError> {
    let id = *id;
    let note = body
        .note
        .as_deref()
        .map(str::trim)
        .filter(|n| !n.is_empty());
    let mut errors = FieldErrors::default();
    errors.length(note.unwrap_or_default(), "note", limits::REASON);
    errors.finish()?;
    let (mut conn, viewer) = Viewer::connect(&db, caller).await?;
    authz::lab(&mut conn, &viewer, id, LabAction::Edit).await?;
    let to = body.phase;
    let lab = conn
        .transaction::<_, ApiError, _>(async |conn| {
            let from = db::labs::lock_phase(conn, id).await?;
            match from.may_move_to(to, note.is_some()) {
                Ok(()) => {}
                Err(PhaseMoveError::NotAllowed) => return Err(phase_refused(from, to)),
                Err(PhaseMoveError::NoteRequired) => {
                    return Err(ApiError::invalid_field(
                        "note",
                        "required",
                        crate::t!("field-phase-back-note"),
                    ));
                }
            }
            db::labs::set_phase(conn, id, to).await?;
            let details =
                serde_json::json!({ "from": from.as_str(), "to": to.as_str(), "note": note });
            db::audit::record(
                conn,
                &viewer.caller,
                "lab.phase_changed",
                "lab",
                id,
                details,
            )
            .await?;
            events::emit(conn, "lab.phase_changed", Subject::Lab(id)).await?;
            reload(conn, &viewer, id).await
        })
        .await?;
    Ok(Tagged(lab))
}

/// A lab's history: when it was opened and every phase change, oldest first.
#[utoipa::path(
    tag = "labs",
    responses((status = 200, description = "A complete list.", body = Page<PhaseChange>), NotFound),
)]
#[get("/labs/{id}/history")]
async fn list_lab_history(
    db: Db,
    caller: Caller,
    id: web::Path<Uuid>,
) -> Result<web::Json<Page<PhaseChange>>, ApiError> {
    let (mut conn, viewer) = Viewer::connect(&db, caller).await?;
    authz::lab(&mut conn, &viewer, *id, LabAction::View).await?;
    Ok(web::Json(Page::complete(
        db::labs::history(&mut conn, *id).await?,
    )))
}

/// The organisations taking part in a lab.
#[utoipa::path(
    tag = "labs",
    responses((status = 200, description = "A complete list, in the order they joined.", body = Page<Participant>), NotFound),
)]
#[get("/labs/{id}/participants")]
async fn list_lab_participants(
    db: Db,
    caller: Caller,
    id: web::Path<Uuid>,
) -> Result<web::Json<Page<Participant>>, ApiError> {
    let (mut conn, viewer) = Viewer::connect(&db, caller).await?;
    authz::lab(&mut conn, &viewer, *id, LabAction::View).await?;
    Ok(web::Json(Page::complete(
        db::labs::participants(&mut conn, *id).await?,
    )))
}

fn last_host() -> ApiError {
    ApiError::Conflict {
        detail: crate::t!("problem-last-host"),
        errors: Vec::new(),
    }
}

/// Add an organisation to a lab, or change its role (the lab's hosts).
#[utoipa::path(
    tag = "labs",
    security(("bearer_jwt" = []), ("api_key" = ["labs:write"])),
    request_body = AddParticipant,
    responses(
        (status = 201, description = "Added.", body = Participant, headers(("Location" = String))),
        (status = 200, description = "Its role changed.", body = Participant),
        BadRequest, Unauthorized, Forbidden, NotFound, Conflict, Unprocessable,
    ),
)]
#[post("/labs/{id}/participants")]
async fn add_lab_participant(
    db: Db,
    caller: Caller,
    id: web::Path<Uuid>,
    body: Body<AddParticipant>,
) -> Result<HttpResponse, ApiError> {
    let lab_id = *id;
    let organization_id = body.organization_id;
    let role = body.role;
    let (mut conn, viewer) = Viewer::connect(&db, caller).await?;
    authz::lab(&mut conn, &viewer, lab_id, LabAction::Edit).await?;
    // An organisation the caller may not see (hidden by moderation) is as unknown as none.
    authz::organization(&mut conn, &viewer.caller, organization_id, OrgAction::View)
        .await
        .map_err(|error| match error {
            ApiError::NotFound => ApiError::invalid_field(
                "organization_id",
                "unknown",
                crate::t!("field-organization-unknown"),
            ),
            other => other,
        })?;
    let (participant, added) = conn
        .transaction::<_, ApiError, _>(async |conn| {
            let hosts = db::labs::hosts_for_update(conn, lab_id).await?;
            let before = db::labs::participants(conn, lab_id).await?;
            let was = before.iter().find(|p| p.organization.id == organization_id);
            if role != ParticipantRole::Host && hosts == [organization_id] {
                return Err(last_host());
            }
            db::labs::set_participant(conn, lab_id, organization_id, role).await?;
            if role != ParticipantRole::Host
                && let Some(next) = hosts.iter().find(|host| **host != organization_id)
            {
                // The lead host stepped down: the earliest remaining host leads.
                db::labs::set_lead_host_if(conn, lab_id, organization_id, *next).await?;
            }
            let details =
                serde_json::json!({ "organization_id": organization_id, "role": role.as_str() });
            db::audit::record(
                conn,
                &viewer.caller,
                "lab.participant_set",
                "lab",
                lab_id,
                details,
            )
            .await?;
            let participant = db::labs::participants(conn, lab_id)
                .await?
                .into_iter()
                .find(|p| p.organization.id == organization_id)
                .ok_or(ApiError::NotFound)?;
            Ok((participant, was.is_none()))
        })
        .await?;
    Ok(if added {
        HttpResponse::Created()
            .insert_header((
                actix_web::http::header::LOCATION,
                format!("/api/v1/labs/{lab_id}/participants/{organization_id}"),
            ))
            .json(participant)
    } else {
        HttpResponse::Ok().json(participant)
    })
}

/// Remove an organisation from a lab (the lab's hosts); the last host stays.
#[utoipa::path(
    tag = "labs",
    security(("bearer_jwt" = []), ("api_key" = ["labs:write"])),
    responses(
        (status = 204, description = "Removed."),
        Unauthorized, Forbidden, NotFound, Conflict,
    ),
)]
#[delete("/labs/{id}/participants/{organization_id}")]
async fn remove_lab_participant(
    db: Db,
    caller: Caller,
    path: web::Path<(Uuid, Uuid)>,
) -> Result<HttpResponse, ApiError> {
    let (lab_id, organization_id) = *path;
    let (mut conn, viewer) = Viewer::connect(&db, caller).await?;
    authz::lab(&mut conn, &viewer, lab_id, LabAction::Edit).await?;
    conn.transaction::<_, ApiError, _>(async |conn| {
        let hosts = db::labs::hosts_for_update(conn, lab_id).await?;
        if hosts == [organization_id] {
            return Err(last_host());
        }
        if let Some(next) = hosts.iter().find(|host| **host != organization_id) {
            db::labs::set_lead_host_if(conn, lab_id, organization_id, *next).await?;
        }
        if !db::labs::remove_participant(conn, lab_id, organization_id).await? {
            return Err(ApiError::NotFound);
        }
        let details = serde_json::json!({ "organization_id": organization_id });
        db::audit::record(
            conn,
            &viewer.caller,
            "lab.participant_removed",
            "lab",
            lab_id,
            details,
        )
        .await?;
        Ok(())
    })
    .await?;
    Ok(HttpResponse::NoContent().finish())
}

/// A lab's indicators, each with its measurements, latest value and progress.
#[utoipa::path(
    tag = "labs",
    responses((status = 200, description = "A complete list.", body = Page<Indicator>), NotFound),
)]
#[get("/labs/{id}/indicators")]
async fn list_lab_indicators(
    db: Db,
    caller: Caller,
    id: web::Path<Uuid>,
) -> Result<web::Json<Page<Indicator>>, ApiError> {
    let (mut conn, viewer) = Viewer::connect(&db, caller).await?;
    authz::lab(&mut conn, &viewer, *id, LabAction::View).await?;
    Ok(web::Json(Page::complete(
        db::labs::indicators(&mut conn, *id, None).await?,
    )))
}

async fn find_indicator(
    conn: &mut AsyncPgConnection,
    lab_id: Uuid,
    indicator_id: Uuid,
) -> Result<Indicator, ApiError> {
    db::labs::indicators(conn, lab_id, Some(indicator_id))
        .await?
        .pop()
        .ok_or(ApiError::NotFound)
}

/// One indicator of a lab.
#[utoipa::path(
    tag = "labs",
    responses((status = 200, description = "The indicator.", body = Indicator), NotFound),
)]
#[get("/labs/{id}/indicators/{indicator_id}")]
async fn get_lab_indicator(
    db: Db,
    caller: Caller,
    path: web::Path<(Uuid, Uuid)>,
) -> Result<web::Json<Indicator>, ApiError> {
    let (lab_id, indicator_id) = *path;
    let (mut conn, viewer) = Viewer::connect(&db, caller).await?;
    authz::lab(&mut conn, &viewer, lab_id, LabAction::View).await?;
    Ok(web::Json(
        find_indicator(&mut conn, lab_id, indicator_id).await?,
    ))
}

/// Add an indicator to a lab (its hosts).
#[utoipa::path(
    tag = "labs",
    security(("bearer_jwt" = []), ("api_key" = ["labs:write"])),
    request_body = CreateIndicator,
    responses(
        (status = 201, description = "The indicator.", body = Indicator, headers(("Location" = String))),
        BadRequest, Unauthorized, Forbidden, NotFound, Unprocessable,
    ),
)]
#[post("/labs/{id}/indicators")]
async fn create_lab_indicator(
    db: Db,
    caller: Caller,
    id: web::Path<Uuid>,
    body: Body<CreateIndicator>,
) -> Result<HttpResponse, ApiError> {
    let lab_id = *id;
    let fields = IndicatorFields {
        name: body.name.trim(),
        unit: body.unit.trim(),
        baseline: body.baseline,
        target: body.target,
        direction: body.direction,
    };
    let mut errors = FieldErrors::default();
    check_indicator(
        &mut errors,
        fields.name,
        fields.unit,
        fields.baseline,
        fields.target,
        fields.direction,
    );
    let (mut conn, viewer) = Viewer::connect(&db, caller).await?;
    authz::lab(&mut conn, &viewer, lab_id, LabAction::Edit).await?;
    errors.finish()?;
    let indicator_id = db::labs::insert_indicator(&mut conn, lab_id, &fields).await?;
    let indicator = find_indicator(&mut conn, lab_id, indicator_id).await?;
    Ok(HttpResponse::Created()
        .insert_header((
            actix_web::http::header::LOCATION,
            format!("/api/v1/labs/{lab_id}/indicators/{indicator_id}"),
        ))
        .json(indicator))
}

/// Record a measurement of an indicator (the lab's hosts).
#[utoipa::path(
    tag = "labs",
    security(("bearer_jwt" = []), ("api_key" = ["labs:write"])),
    request_body = CreateMeasurement,
    responses(
        (status = 201, description = "The indicator with the new measurement.", body = Indicator, headers(("Location" = String))),
        BadRequest, Unauthorized, Forbidden, NotFound, Unprocessable,
    ),
)]
#[post("/labs/{id}/indicators/{indicator_id}/measurements")]
async fn add_indicator_measurement(
    db: Db,
    caller: Caller,
    path: web::Path<(Uuid, Uuid)>,
    body: Body<CreateMeasurement>,
) -> Result<HttpResponse, ApiError> {
    let (lab_id, indicator_id) = *path;
    let note = body.note.trim();
    let mut errors = FieldErrors::default();
    check_date(&mut errors, "measured_on", Some(body.measured_on));
    check_number(&mut errors, "value", body.value);
    errors.length(note, "note", limits::MEASUREMENT_NOTE);
    let (mut conn, viewer) = Viewer::connect(&db, caller).await?;
    authz::lab(&mut conn, &viewer, lab_id, LabAction::Edit).await?;
    find_indicator(&mut conn, lab_id, indicator_id).await?;
    errors.finish()?;
    db::labs::insert_measurement(&mut conn, indicator_id, body.measured_on, body.value, note)
        .await?;
    let indicator = find_indicator(&mut conn, lab_id, indicator_id).await?;
    Ok(HttpResponse::Created()
        .insert_header((
            actix_web::http::header::LOCATION,
            format!("/api/v1/labs/{lab_id}/indicators/{indicator_id}"),
        ))
        .json(indicator))
}
