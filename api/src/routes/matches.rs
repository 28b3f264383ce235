//! Matches: a need and an offering, requested by one side and answered by the other; their
//! message threads; and turning an accepted match into a lab. Each change writes its
//! notifications in the same transaction.

use actix_web::{HttpResponse, get, post, web};
use chrono::{DateTime, Utc};
use diesel_async::{AsyncConnection, AsyncPgConnection};
use serde::Deserialize;
use shared::limits;
use shared::{
    CreateMatch, CreateMatchMessage, Lab, LabPhase, Match, MatchAction, MatchDecision,
    MatchMessage, MatchSide, MatchState, NeedStatus, NotificationKind, OfferingStatus, Page,
    ParticipantRole, Visibility,
};
use utoipa::{IntoParams, ToSchema};
use utoipa_actix_web::service_config::ServiceConfig;
use uuid::Uuid;

use crate::auth::throttle;

use super::fields;
use crate::auth::Caller;
use crate::authz::{self, LabAction, MatchAccess, MatchRight, Viewer};
use crate::db::labs::LabFields;
use crate::db::matches::{Direction, MatchRecord, Messages, NewMatch};
use crate::db::search::{KeyFields, Order};
use crate::db::{self, Db};
use crate::domain::validation::FieldErrors;
use crate::error::ApiError;
use crate::events::{self, Subject};
use crate::extract::Body;
use crate::openapi::problems::{
    BadRequest, Conflict, Forbidden, NotFound, Unauthorized, Unprocessable,
};
use crate::pagination::{self, PageParams, SyncParams};

pub fn configure(config: &mut ServiceConfig) {
    config
        .service(create_match)
        .service(list_matches)
        .service(get_match)
        .service(accept_match)
        .service(decline_match)
        .service(withdraw_match)
        .service(start_match)
        .service(complete_match)
        .service(list_match_messages)
        .service(post_match_message)
        .service(create_match_lab);
}

/// Who is told of a change: the other side's people (all of them), never the actor.
async fn notify_side(
    conn: &mut AsyncPgConnection,
    record: &MatchRecord,
    side: MatchSide,
    actor: Option<Uuid>,
    kind: NotificationKind,
    extra: serde_json::Value,
) -> Result<(), ApiError> {
    let mut details = serde_json::json!({
        "need_title": record.need_title(), "offering_title": record.offering_title(),
    });
    if let (Some(target), Some(extra)) = (details.as_object_mut(), extra.as_object()) {
        target.extend(extra.clone());
    }
    db::notifications::notify_organization(
        conn,
        record.organization_of(side),
        actor,
        kind,
        "match",
        record.id,
        details,
    )
    .await?;
    Ok(())
}

/// Ask to pair a need with an offering, as a member (or key with `matches:write`) of
/// either side. The other side is notified.
#[utoipa::path(
    tag = "matches",
    security(("bearer_jwt" = []), ("api_key" = ["matches:write"])),
    request_body = CreateMatch,
    responses(
        (status = 201, description = "The match, requested.", body = Match, headers(("Location" = String))),
        BadRequest, Unauthorized, Forbidden, NotFound, Conflict, Unprocessable,
    ),
)]
#[post("/matches")]
async fn create_match(
    db: Db,
    caller: Caller,
    body: Body<CreateMatch>,
) -> Result<HttpResponse, ApiError> {
    caller.signed_in()?;
    let message = body.message.trim();
    let mut errors = FieldErrors::default();
    errors.length(message, "message", limits::MESSAGE);
    errors.finish()?;
    let (mut conn, viewer) = Viewer::connect(&db, caller).await?;
    let unknown =
        |field: &str| ApiError::invalid_field(field, "unknown", crate::t!("field-nothing-visible"));
    let Some(need) = db::needs::find(&mut conn, &viewer, body.need_id).await? else {
        return Err(unknown("need_id"));
    };
    if authz::lab(&mut conn, &viewer, need.lab.id, LabAction::View)
        .await
        .is_err()
    {
        return Err(unknown("need_id"));
    }
    let offering = db::offerings::find(&mut conn, &viewer, body.offering_id)
        .await?
        .ok_or_else(|| unknown("offering_id"))?;
    if need.organization.id == offering.organization.id {
        return Err(ApiError::invalid_field(
            "offering_id",
            "same_organization",
            crate::t!("field-same-organization"),
        ));
    }
    let requested_by = authz::requesting_side(
        &viewer.caller,
        &viewer.match_organizations,
        need.organization.id,
        offering.organization.id,
    )
    .map_err(|denied| denied.into_error("match"))?;
    if need.status != NeedStatus::Open || offering.status != OfferingStatus::Active {
        return Err(ApiError::Conflict {
            detail: crate::t!("problem-match-not-open"),
            errors: Vec::new(),
        });
    }
    let actor = viewer.user_id();
    let id = conn
        .transaction::<_, ApiError, _>(async |conn| {
            let new = NewMatch {
                need_id: need.id,
                offering_id: offering.id,
                need_organization_id: need.organization.id,
                offering_organization_id: offering.organization.id,
                requested_by,
                message,
                created_by: actor,
            };
            let id = db::matches::insert(conn, &new).await?.ok_or_else(|| {
                ApiError::conflict_on(
                    "offering_id",
                    "matched",
                    &crate::t!("field-matched-already"),
                )
            })?;
            let record = db::matches::find(conn, id)
                .await?
                .ok_or(ApiError::NotFound)?;
            notify_side(
                conn,
                &record,
                requested_by.other(),
                actor,
                NotificationKind::MatchRequested,
                serde_json::json!({ "message": message }),
            )
            .await?;
            let details = serde_json::json!({ "to": MatchState::Requested.as_str(), "side": requested_by.as_str() });
            db::audit::record(conn, &viewer.caller, "match.requested", "match", id, details).await?;
            events::emit(conn, "match.requested", Subject::Match(id)).await?;
            Ok(id)
        })
        .await?;
    let MatchAccess { record, sides } =
        authz::a_match(&mut conn, &viewer, id, MatchRight::See).await?;
    Ok(HttpResponse::Created()
        .insert_header((
            actix_web::http::header::LOCATION,
            format!("/api/v1/matches/{id}"),
        ))
        .json(record.to_match(sides)))
}

/// Which matches a list shows.
#[derive(Debug, Clone, Copy, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
enum DirectionParam {
    Incoming,
    Outgoing,
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
struct ListQuery {
    /// `incoming`: requested of your organisations; `outgoing`: requested by them.
    #[param(inline)]
    direction: Option<DirectionParam>,
    /// Only matches in this state.
    status: Option<MatchState>,
}

/// The matches of your organisations, newest first.
#[utoipa::path(
    tag = "matches",
    security(("bearer_jwt" = []), ("api_key" = ["read"])),
    params(ListQuery, PageParams, SyncParams),
    responses((status = 200, description = "A page of matches.", body = Page<Match>), BadRequest, Unauthorized),
)]
#[get("/matches")]
async fn list_matches(
    db: Db,
    caller: Caller,
    query: web::Query<ListQuery>,
    page: web::Query<PageParams>,
    sync: web::Query<SyncParams>,
) -> Result<web::Json<Page<Match>>, ApiError> {
    caller.signed_in()?;
    let limit = page.limit()?;
    let window = fields::window(Order::Newest, &sync, &page)?;
    let direction = query.direction.map(|d| match d {
        DirectionParam::Incoming => Direction::Incoming,
        DirectionParam::Outgoing => Direction::Outgoing,
    });
    let (mut conn, viewer) = Viewer::connect(&db, caller).await?;
    let mut organizations = viewer.match_organizations.clone();
    organizations.extend(viewer.view_organizations.iter().copied());
    let records =
        db::matches::list(&mut conn, &organizations, direction, query.status, window).await?;
    let page = pagination::page(records, limit, |r| {
        window
            .order
            .key_of(KeyFields::of(r.id, r.created_at, r.updated_at, 0.0))
    });
    Ok(web::Json(Page {
        items: page
            .items
            .iter()
            .map(|record| record.to_match(record.sides_of(&viewer.match_organizations)))
            .collect(),
        next_cursor: page.next_cursor,
    }))
}

/// One match (only its two organisations and platform admins see it).
#[utoipa::path(
    tag = "matches",
    security(("bearer_jwt" = []), ("api_key" = ["read"])),
    responses((status = 200, description = "The match.", body = Match), Unauthorized, NotFound),
)]
#[get("/matches/{id}")]
async fn get_match(
    db: Db,
    caller: Caller,
    id: web::Path<Uuid>,
) -> Result<web::Json<Match>, ApiError> {
    let (mut conn, viewer) = Viewer::connect(&db, caller).await?;
    let MatchAccess { record, sides } =
        authz::a_match(&mut conn, &viewer, *id, MatchRight::See).await?;
    Ok(web::Json(record.to_match(sides)))
}

/// Takes `action` on a match: checks the side, the state machine and the body; changes the
/// state and notifies the other side in one transaction.
async fn act(
    db: &Db,
    caller: Caller,
    id: Uuid,
    action: MatchAction,
    body: &MatchDecision,
) -> Result<web::Json<Match>, ApiError> {
    caller.signed_in()?;
    let reason = body
        .reason
        .as_deref()
        .map(str::trim)
        .filter(|r| !r.is_empty());
    let outcome = body
        .outcome
        .as_deref()
        .map(str::trim)
        .filter(|o| !o.is_empty());
    let mut errors = FieldErrors::default();
    errors.length(reason.unwrap_or_default(), "reason", limits::REASON);
    errors.length(outcome.unwrap_or_default(), "outcome", limits::MESSAGE);
    if action == MatchAction::Decline && reason.is_none() {
        errors.add("reason", "required", crate::t!("field-decline-reason"));
    }
    if action == MatchAction::Complete && outcome.is_none() {
        errors.add("outcome", "required", crate::t!("field-outcome"));
    }
    let (mut conn, viewer) = Viewer::connect(db, caller).await?;
    let MatchAccess { record, sides } =
        authz::a_match(&mut conn, &viewer, id, MatchRight::Act).await?;
    errors.finish()?;
    let actor = viewer.user_id();
    conn.transaction::<_, ApiError, _>(async |conn| {
        let state = db::matches::lock_state(conn, id).await?;
        let allowed = MatchAction::allowed(state, record.requested_by(), &sides);
        let Some(next) = action.next_state(state).filter(|_| allowed.contains(&action)) else {
            let names: Vec<String> = allowed.iter().map(|a| a.as_str().to_owned()).collect();
            return Err(ApiError::InvalidTransition {
                detail: crate::t!(
                    "problem-match-transition",
                    state = state.as_str(),
                    action = action.as_str(),
                    allowed = fields::or_nothing(&names)
                ),
                allowed: names,
            });
        };
        let keep_reason = reason.filter(|_| matches!(action, MatchAction::Decline | MatchAction::Withdraw));
        db::matches::set_state(conn, id, next, keep_reason, outcome.filter(|_| action == MatchAction::Complete)).await?;
        let acting_side = sides
            .iter()
            .copied()
            .find(|side| action.taken_by(*side, record.requested_by()))
            .unwrap_or(MatchSide::Need);
        let (kind, event) = match action {
            MatchAction::Accept => (NotificationKind::MatchAccepted, "match.accepted"),
            MatchAction::Decline => (NotificationKind::MatchDeclined, "match.declined"),
            MatchAction::Withdraw => (NotificationKind::MatchWithdrawn, "match.withdrawn"),
            MatchAction::Start => (NotificationKind::MatchStarted, "match.started"),
            MatchAction::Complete => (NotificationKind::MatchCompleted, "match.completed"),
        };
        let details = serde_json::json!({ "state": next.as_str(), "reason": keep_reason, "outcome": outcome });
        notify_side(conn, &record, acting_side.other(), actor, kind, details.clone()).await?;
        db::audit::record(conn, &viewer.caller, &format!("match.{}", action.as_str()), "match", id, details).await?;
        events::emit(conn, event, Subject::Match(id)).await?;
        Ok(())
    })
    .await?;
    let MatchAccess { record, sides } =
        authz::a_match(&mut conn, &viewer, id, MatchRight::See).await?;
    Ok(web::Json(record.to_match(sides)))
}

macro_rules! action_route {
    ($name:ident, $path:literal, $action:expr, $summary:literal) => {
        #[doc = $summary]
        #[utoipa::path(
                    tag = "matches",
                    security(("bearer_jwt" = []), ("api_key" = ["matches:write"])),
                    request_body = MatchDecision,
                    responses(
                        (status = 200, description = "The match in its new state.", body = Match),
                        BadRequest, Unauthorized, Forbidden, NotFound, Conflict, Unprocessable,
                    ),
                )]
        #[post($path)]
        async fn $name(
            db: Db,
            caller: Caller,
            id: web::Path<Uuid>,
            body: Body<MatchDecision>,
        ) -> Result<web::Json<Match>, ApiError> {
            act(&db, caller, *id, $action, &body).await
        }
    };
}

action_route!(
    accept_match,
    "/matches/{id}/accept",
    MatchAction::Accept,
    "Accept a requested match (the side that was asked)."
);
action_route!(
    decline_match,
    "/matches/{id}/decline",
    MatchAction::Decline,
    "Decline a requested match with a reason (the side that was asked)."
);
action_route!(
    withdraw_match,
    "/matches/{id}/withdraw",
    MatchAction::Withdraw,
    "Withdraw your request (the side that asked)."
);
action_route!(
    start_match,
    "/matches/{id}/start",
    MatchAction::Start,
    "Start working together on an accepted match (either side)."
);
action_route!(
    complete_match,
    "/matches/{id}/complete",
    MatchAction::Complete,
    "Complete an active match with its outcome (either side)."
);

/// A match's thread, oldest first (only its two organisations and platform admins).
#[utoipa::path(
    tag = "matches",
    security(("bearer_jwt" = []), ("api_key" = ["read"])),
    params(PageParams),
    responses((status = 200, description = "A page of messages.", body = Page<MatchMessage>), BadRequest, Unauthorized, NotFound),
)]
#[get("/matches/{id}/messages")]
async fn list_match_messages(
    db: Db,
    caller: Caller,
    id: web::Path<Uuid>,
    page: web::Query<PageParams>,
) -> Result<web::Json<Page<MatchMessage>>, ApiError> {
    caller.signed_in()?;
    let limit = page.limit()?;
    let after = page.after::<(DateTime<Utc>, Uuid)>()?;
    let (mut conn, viewer) = Viewer::connect(&db, caller).await?;
    authz::a_match(&mut conn, &viewer, *id, MatchRight::See).await?;
    let items = db::matches::messages(
        &mut conn,
        *id,
        Messages::Page {
            after,
            limit: limit + 1,
        },
    )
    .await?;
    Ok(web::Json(pagination::page(items, limit, |m| {
        (m.created_at, m.id)
    })))
}

/// Write in a match's thread, for your side. The other side is notified.
#[utoipa::path(
    tag = "matches",
    security(("bearer_jwt" = []), ("api_key" = ["matches:write"])),
    request_body = CreateMatchMessage,
    responses(
        (status = 201, description = "The message.", body = MatchMessage, headers(("Location" = String))),
        BadRequest, Unauthorized, Forbidden, NotFound, Unprocessable,
        (status = 429, description = "More than 60 messages by this person this hour.", body = shared::Problem, content_type = "application/problem+json"),
    ),
)]
#[post("/matches/{id}/messages")]
async fn post_match_message(
    db: Db,
    caller: Caller,
    id: web::Path<Uuid>,
    body: Body<CreateMatchMessage>,
) -> Result<HttpResponse, ApiError> {
    caller.signed_in()?;
    let text = body.body.trim();
    let mut errors = FieldErrors::default();
    errors.length(text, "body", limits::COMMENT);
    let (mut conn, viewer) = Viewer::connect(&db, caller).await?;
    let MatchAccess { record, sides } =
        authz::a_match(&mut conn, &viewer, *id, MatchRight::Act).await?;
    let Some(side) = sides.first().copied() else {
        return Err(ApiError::Unexpected(anyhow::anyhow!(
            "a match acted on by no side"
        )));
    };
    errors.finish()?;
    let actor = viewer.user_id();
    if let Some(person) = actor {
        throttle::check_posting(&mut conn, person, throttle::Posting::MatchMessage).await?;
    }
    let message_id = conn
        .transaction::<_, ApiError, _>(async |conn| {
            let message_id = db::matches::insert_message(
                conn,
                record.id,
                actor,
                record.organization_of(side),
                text,
            )
            .await?;
            notify_side(
                conn,
                &record,
                side.other(),
                actor,
                NotificationKind::MatchMessage,
                serde_json::json!({ "body": text }),
            )
            .await?;
            let subject = Subject::MatchMessage {
                match_id: record.id,
                message_id,
            };
            events::emit(conn, "match.message_posted", subject).await?;
            Ok(message_id)
        })
        .await?;
    let message = db::matches::messages(&mut conn, record.id, Messages::One(message_id))
        .await?
        .pop()
        .ok_or(ApiError::NotFound)?;
    Ok(HttpResponse::Created()
        .insert_header((
            actix_web::http::header::LOCATION,
            format!("/api/v1/matches/{}/messages", record.id),
        ))
        .json(message))
}

/// Turn an accepted (or active) match into a new lab in phase `forming`, with both
/// organisations as participants (the need's as host) and the need linked.
#[utoipa::path(
    tag = "matches",
    security(("bearer_jwt" = []), ("api_key" = ["matches:write"])),
    responses(
        (status = 201, description = "The new lab.", body = Lab, headers(("Location" = String))),
        Unauthorized, Forbidden, NotFound, Conflict,
    ),
)]
#[post("/matches/{id}/lab")]
async fn create_match_lab(
    db: Db,
    caller: Caller,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    caller.signed_in()?;
    let (mut conn, viewer) = Viewer::connect(&db, caller).await?;
    let MatchAccess { record, .. } =
        authz::a_match(&mut conn, &viewer, *id, MatchRight::Act).await?;
    let need = db::needs::find(&mut conn, &viewer, record.need_id)
        .await?
        .ok_or(ApiError::NotFound)?;
    let source = db::labs::find(&mut conn, &viewer, need.lab.id)
        .await?
        .ok_or(ApiError::NotFound)?
        .lab;
    let lab_id = conn
        .transaction::<_, ApiError, _>(async |conn| {
            let state = db::matches::lock_state(conn, record.id).await?;
            if !matches!(state, MatchState::Accepted | MatchState::Active) || record.lab_id.is_some() {
                return Err(ApiError::Conflict {
                    detail: crate::t!("problem-match-not-a-lab"),
                    errors: Vec::new(),
                });
            }
            let summary = format!("{} + {}", record.need_title(), record.offering_title());
            let fields = LabFields {
                title: record.need_title(),
                summary: &summary,
                description: "",
                challenge_area: &need.challenge_area,
                municipality_code: &need.municipality_code,
                neighbourhood: &source.neighbourhood,
                starts_on: None,
                ends_on: None,
                visibility: Visibility::Members,
            };
            let lab_id = db::labs::insert(conn, &fields, record.need_organization_id, viewer.user_id()).await?;
            db::labs::set_participant(conn, lab_id, record.offering_organization_id, ParticipantRole::Partner).await?;
            db::matches::set_lab(conn, record.id, lab_id).await?;
            db::audit::record(conn, &viewer.caller, "match.lab_created", "match", record.id, serde_json::json!({ "lab_id": lab_id })).await?;
            let details = serde_json::json!({ "to": LabPhase::Forming.as_str(), "from_match": record.id, "need_id": record.need_id });
            db::audit::record(conn, &viewer.caller, "lab.created", "lab", lab_id, details).await?;
            Ok(lab_id)
        })
        .await?;
    let lab = db::labs::find(&mut conn, &viewer, lab_id)
        .await?
        .ok_or(ApiError::NotFound)?
        .lab;
    Ok(HttpResponse::Created()
        .insert_header((
            actix_web::http::header::LOCATION,
            format!("/api/v1/labs/{lab_id}"),
        ))
        .json(lab))
}
