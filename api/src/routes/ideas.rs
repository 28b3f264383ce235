//! Ideas posted to labs: their status (moved by the lab's hosts), votes and comments.

use actix_web::{HttpResponse, delete, get, patch, post, put, web};
use chrono::{DateTime, Utc};
use diesel_async::{AsyncConnection, AsyncPgConnection};
use serde::Deserialize;
use shared::limits;
use shared::{
    ChangeIdeaStatus, Comment, CreateComment, CreateIdea, Idea, IdeaStatus, LabPhase,
    NotificationKind, Page, UpdateIdea,
};
use utoipa::{IntoParams, ToSchema};
use utoipa_actix_web::service_config::ServiceConfig;
use uuid::Uuid;

use crate::auth::throttle::{self, Posting};
use crate::config::SpamPolicy;
use crate::domain::spam::{held_for_review, refuse_automated};

use super::fields;
use crate::auth::Caller;
use crate::authz::{
    self, CommentAccess, CommentAction, CommentFacts, IdeaAction, LabAction, Viewer,
};
use crate::db::ideas::{CommentRow, Filter};
use crate::db::search::{Order, Window};
use crate::db::{self, Db};
use crate::domain::validation::FieldErrors;
use crate::error::ApiError;
use crate::events::{self, Subject};
use crate::extract::Body;
use crate::openapi::IfMatchHeader;
use crate::openapi::problems::{
    BadRequest, Conflict, Forbidden, NotFound, PreconditionFailed, PreconditionRequired,
    Unauthorized, Unprocessable,
};
use crate::pagination::{self, PageParams};
use crate::patch;
use crate::preconditions::{self, IfMatch, Tagged};

pub fn configure(config: &mut ServiceConfig) {
    config
        .service(create_lab_idea)
        .service(list_lab_ideas)
        .service(list_ideas)
        .service(get_idea)
        .service(update_idea)
        .service(change_idea_status)
        .service(add_idea_vote)
        .service(remove_idea_vote)
        .service(list_idea_comments)
        .service(create_idea_comment)
        .service(get_comment)
        .service(remove_comment);
}

async fn reload(conn: &mut AsyncPgConnection, viewer: &Viewer, id: Uuid) -> Result<Idea, ApiError> {
    db::ideas::find(conn, viewer, id)
        .await?
        .ok_or(ApiError::NotFound)
}

fn check_text(errors: &mut FieldErrors, title: &str, body: &str) {
    errors.length(title, "title", limits::TITLE);
    errors.length(body, "body", limits::IDEA_BODY);
}

/// Post an idea to a lab, optionally on behalf of an organisation you belong to.
#[utoipa::path(
    tag = "ideas",
    security(("bearer_jwt" = []), ("api_key" = ["ideas:write"])),
    request_body = CreateIdea,
    responses(
        (status = 201, description = "The idea, submitted.", body = Idea, headers(("Location" = String), ("ETag" = String))),
        BadRequest, Unauthorized, Forbidden, NotFound, Conflict, Unprocessable,
        (status = 429, description = "More than 60 ideas by this person this hour.", body = shared::Problem, content_type = "application/problem+json"),
    ),
)]
#[post("/labs/{id}/ideas")]
async fn create_lab_idea(
    db: Db,
    spam: web::Data<SpamPolicy>,
    caller: Caller,
    id: web::Path<Uuid>,
    body: Body<CreateIdea>,
) -> Result<HttpResponse, ApiError> {
    let (mut conn, viewer) = Viewer::connect(&db, caller).await?;
    let lab = authz::lab(&mut conn, &viewer, *id, LabAction::PostIdea)
        .await?
        .lab;
    let (title, text) = (body.title.trim(), body.body.trim());
    let mut errors = FieldErrors::default();
    check_text(&mut errors, title, text);
    let organization_id = match &viewer.caller {
        Caller::ApiKey(key) => {
            errors.check(
                body.organization_id
                    .is_none_or(|id| id == key.organization_id),
                "organization_id",
                "not_member",
                &crate::t!("field-not-your-key-organization"),
            );
            Some(key.organization_id)
        }
        Caller::Person(person) => {
            if let Some(asked) = body.organization_id {
                let mine = db::organizations::ids_of_user(&mut conn, person.user_id).await?;
                errors.check(
                    mine.contains(&asked),
                    "organization_id",
                    "not_member",
                    &crate::t!("field-not-your-organization"),
                );
            }
            body.organization_id
        }
        Caller::Anonymous => return Err(ApiError::unauthorized()),
    };
    errors.finish()?;
    if lab.phase == LabPhase::Closed {
        return Err(ApiError::Conflict {
            detail: crate::t!("problem-lab-closed"),
            errors: Vec::new(),
        });
    }
    let account_created = screen_post(
        &mut conn,
        &viewer,
        body.form.as_ref(),
        **spam,
        Posting::Idea,
    )
    .await?;
    let held =
        account_created.is_some_and(|created| held_for_review(created, Utc::now(), &[title, text]));
    let idea_id = conn
        .transaction::<_, ApiError, _>(async |conn| {
            let idea_id =
                db::ideas::insert(conn, lab.id, viewer.user_id(), organization_id, title, text)
                    .await?;
            if held {
                db::ideas::set_idea_hidden(conn, idea_id, true).await?;
                db::reports::hold(conn, shared::ReportTarget::Idea, idea_id, Some(lab.id)).await?;
            } else {
                events::emit(conn, "idea.created", Subject::Idea(idea_id)).await?;
            }
            Ok(idea_id)
        })
        .await?;
    let idea = reload(&mut conn, &viewer, idea_id).await?;
    Ok(preconditions::created(
        format!("/api/v1/ideas/{idea_id}"),
        &idea,
    ))
}

/// How a list of ideas is sorted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
enum Sort {
    Newest,
    MostVoted,
    /// The least recently changed first, for incremental sync.
    UpdatedAt,
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
struct ListQuery {
    /// Only ideas of this lab.
    lab: Option<Uuid>,
    /// Only ideas on this challenge area (their lab's).
    #[param(max_length = 40)]
    challenge_area: Option<String>,
    /// Only ideas with this status.
    status: Option<IdeaStatus>,
    /// Only ideas by this person.
    author: Option<Uuid>,
    /// Full-text search (Swedish stems, compounds and synonyms).
    #[param(max_length = 200)]
    q: Option<String>,
    /// `newest`, `most_voted` or `updated_at` (the least recently changed first, for
    /// incremental sync); without it, the best matches for `q` come first, else the newest.
    #[param(inline)]
    sort: Option<Sort>,
    /// Only ideas created or changed at or after this time (RFC 3339).
    updated_since: Option<DateTime<Utc>>,
}

async fn page_of_ideas(
    db: &Db,
    caller: Caller,
    query: &ListQuery,
    page: &PageParams,
    lab: Option<Uuid>,
) -> Result<Page<Idea>, ApiError> {
    let limit = page.limit()?;
    let filter = Filter {
        lab: lab.or(query.lab),
        challenge_area: fields::challenge_area_param(query.challenge_area.as_deref())?,
        status: query.status,
        author: query.author,
        query: fields::query_param(query.q.as_deref())?,
    };
    let order = match query.sort {
        Some(Sort::Newest) => Order::Newest,
        Some(Sort::MostVoted) => Order::MostVoted,
        Some(Sort::UpdatedAt) => Order::Updated,
        None => Order::for_query(filter.query.is_some()),
    };
    let window = Window {
        order,
        after: fields::cursor_param(order, page)?,
        limit: limit + 1,
        updated_since: query.updated_since,
        candidates: None,
    };
    let (mut conn, viewer) = Viewer::connect_to_read(db, caller).await?;
    if let Some(lab) = lab {
        authz::lab(&mut conn, &viewer, lab, LabAction::View).await?;
    }
    let rows = db::ideas::list(&mut conn, &viewer, &filter, window).await?;
    Ok(pagination::page_with_keys(rows, limit))
}

/// A lab's ideas.
#[utoipa::path(
    tag = "ideas",
    params(ListQuery, PageParams),
    responses((status = 200, description = "A page of ideas.", body = Page<Idea>), BadRequest, NotFound),
)]
#[get("/labs/{id}/ideas")]
async fn list_lab_ideas(
    db: Db,
    caller: Caller,
    id: web::Path<Uuid>,
    query: web::Query<ListQuery>,
    page: web::Query<PageParams>,
) -> Result<web::Json<Page<Idea>>, ApiError> {
    Ok(web::Json(
        page_of_ideas(&db, caller, &query, &page, Some(*id)).await?,
    ))
}

/// The ideas of every lab you may see.
#[utoipa::path(
    tag = "ideas",
    params(ListQuery, PageParams),
    responses((status = 200, description = "A page of ideas.", body = Page<Idea>), BadRequest),
)]
#[get("/ideas")]
async fn list_ideas(
    db: Db,
    caller: Caller,
    query: web::Query<ListQuery>,
    page: web::Query<PageParams>,
) -> Result<web::Json<Page<Idea>>, ApiError> {
    Ok(web::Json(
        page_of_ideas(&db, caller, &query, &page, None).await?,
    ))
}

/// One idea.
#[utoipa::path(
    tag = "ideas",
    responses((status = 200, description = "The idea.", body = Idea, headers(("ETag" = String))), NotFound),
)]
#[get("/ideas/{id}")]
async fn get_idea(db: Db, caller: Caller, id: web::Path<Uuid>) -> Result<Tagged<Idea>, ApiError> {
    let (mut conn, viewer) = Viewer::connect(&db, caller).await?;
    Ok(Tagged(
        authz::idea(&mut conn, &viewer, *id, IdeaAction::Lab(LabAction::View)).await?,
    ))
}

/// Change your idea while it is `submitted`. Send the version you read in `If-Match`.
#[utoipa::path(
    tag = "ideas",
    security(("bearer_jwt" = []), ("api_key" = ["ideas:write"])),
    params(IfMatchHeader),
    request_body = UpdateIdea,
    responses(
        (status = 200, description = "The idea, changed.", body = Idea, headers(("ETag" = String))),
        BadRequest, Unauthorized, Forbidden, NotFound, Conflict, PreconditionFailed, Unprocessable, PreconditionRequired,
    ),
)]
#[patch("/ideas/{id}")]
async fn update_idea(
    db: Db,
    caller: Caller,
    id: web::Path<Uuid>,
    if_match: IfMatch,
    body: Body<UpdateIdea>,
) -> Result<Tagged<Idea>, ApiError> {
    caller.signed_in()?;
    let id = *id;
    let (mut conn, viewer) = Viewer::connect(&db, caller).await?;
    authz::idea(&mut conn, &viewer, id, IdeaAction::EditText).await?;
    let idea = conn
        .transaction::<_, ApiError, _>(async |conn| {
            let (version, status) = db::ideas::lock(conn, id).await?.ok_or(ApiError::NotFound)?;
            if_match.check(version)?;
            if status != IdeaStatus::Submitted {
                return Err(ApiError::Conflict {
                    detail: crate::t!("problem-idea-considered"),
                    errors: Vec::new(),
                });
            }
            let current = reload(conn, &viewer, id).await?;
            let title = patch::text(&body.title, &current.title);
            let text = patch::text(&body.body, &current.body);
            let mut errors = FieldErrors::default();
            check_text(&mut errors, title, text);
            errors.finish()?;
            db::ideas::update(conn, id, title, text).await?;
            reload(conn, &viewer, id).await
        })
        .await?;
    Ok(Tagged(idea))
}

/// Move an idea along submitted → shortlisted → testing → verified, or reject or archive
/// it with a reason (the lab's hosts). Its author is notified.
#[utoipa::path(
    tag = "ideas",
    security(("bearer_jwt" = []), ("api_key" = ["labs:write"])),
    request_body = ChangeIdeaStatus,
    responses(
        (status = 200, description = "The idea with its new status.", body = Idea, headers(("ETag" = String))),
        BadRequest, Unauthorized, Forbidden, NotFound, Conflict, Unprocessable,
    ),
)]
#[post("/ideas/{id}/status")]
async fn change_idea_status(
    db: Db,
    caller: Caller,
    id: web::Path<Uuid>,
    body: Body<ChangeIdeaStatus>,
) -> Result<Tagged<Idea>, ApiError> {
    let id = *id;
    let to = body.status;
    let reason = body
        .reason
        .as_deref()
        .map(str::trim)
        .filter(|r| !r.is_empty());
    let mut errors = FieldErrors::default();
    errors.length(reason.unwrap_or_default(), "reason", limits::REASON);
    if to.needs_reason() && reason.is_none() {
        errors.add("reason", "required", crate::t!("field-idea-reason"));
    }
    errors.finish()?;
    let (mut conn, viewer) = Viewer::connect(&db, caller).await?;
    let current = authz::idea(&mut conn, &viewer, id, IdeaAction::Lab(LabAction::Edit)).await?;
    let idea = conn
        .transaction::<_, ApiError, _>(async |conn| {
            let (_, from) = db::ideas::lock(conn, id).await?.ok_or(ApiError::NotFound)?;
            if !from.may_move_to(to) {
                let allowed = from.allowed_moves();
                let names: Vec<String> = allowed
                    .iter()
                    .map(|s| format!("`{}`", s.as_str()))
                    .collect();
                return Err(ApiError::InvalidTransition {
                    detail: crate::t!(
                        "problem-idea-transition",
                        from = from.as_str(),
                        to = to.as_str(),
                        allowed = fields::or_nothing(&names)
                    ),
                    allowed: allowed.iter().map(|s| s.as_str().to_owned()).collect(),
                });
            }
            db::ideas::set_status(conn, id, to, reason).await?;
            let details =
                serde_json::json!({ "from": from.as_str(), "to": to.as_str(), "reason": reason });
            db::audit::record(
                conn,
                &viewer.caller,
                "idea.status_changed",
                "idea",
                id,
                details.clone(),
            )
            .await?;
            events::emit(conn, "idea.status_changed", Subject::Idea(id)).await?;
            if let Some(author) = &current.author
                && Some(author.id) != viewer.user_id()
            {
                let details = serde_json::json!({
                    "idea_title": current.title, "lab_id": current.lab.id,
                    "from": from.as_str(), "to": to.as_str(), "reason": reason,
                });
                db::notifications::notify(
                    conn,
                    author.id,
                    NotificationKind::IdeaStatusChanged,
                    "idea",
                    id,
                    details,
                )
                .await?;
            }
            reload(conn, &viewer, id).await
        })
        .await?;
    Ok(Tagged(idea))
}

/// Vote for an idea (once; voting again changes nothing).
#[utoipa::path(
    tag = "ideas",
    security(("bearer_jwt" = [])),
    responses(
        (status = 200, description = "The idea with your vote counted.", body = Idea),
        Unauthorized, Forbidden, NotFound,
    ),
)]
#[put("/ideas/{id}/vote")]
async fn add_idea_vote(
    db: Db,
    caller: Caller,
    id: web::Path<Uuid>,
) -> Result<web::Json<Idea>, ApiError> {
    set_vote(&db, caller, *id, true).await
}

/// Take your vote back (if you had voted).
#[utoipa::path(
    tag = "ideas",
    security(("bearer_jwt" = [])),
    responses(
        (status = 200, description = "The idea without your vote.", body = Idea),
        Unauthorized, Forbidden, NotFound,
    ),
)]
#[delete("/ideas/{id}/vote")]
async fn remove_idea_vote(
    db: Db,
    caller: Caller,
    id: web::Path<Uuid>,
) -> Result<web::Json<Idea>, ApiError> {
    set_vote(&db, caller, *id, false).await
}

async fn set_vote(
    db: &Db,
    caller: Caller,
    id: Uuid,
    voted: bool,
) -> Result<web::Json<Idea>, ApiError> {
    let (mut conn, viewer) = Viewer::connect(db, caller).await?;
    authz::idea(
        &mut conn,
        &viewer,
        id,
        IdeaAction::Lab(LabAction::Participate),
    )
    .await?;
    let user_id = viewer.user_id().ok_or_else(ApiError::unauthorized)?;
    conn.transaction::<_, ApiError, _>(async |conn| {
        if voted {
            db::ideas::vote(conn, id, user_id).await?;
        } else {
            db::ideas::unvote(conn, id, user_id).await?;
        }
        Ok(())
    })
    .await?;
    Ok(web::Json(reload(&mut conn, &viewer, id).await?))
}

/// Shapes a stored comment for a viewer who may moderate the idea's lab or not.
fn to_comment(row: CommentRow, viewer: &Viewer, moderates: bool) -> Comment {
    let facts = CommentFacts::of(&row, viewer, moderates);
    // A hidden comment keeps its place in the thread; only its author and the moderators
    // read it.
    let shown = !row.removed && (!row.hidden || authz::decide_hidden_visible(facts.own, moderates));
    Comment {
        id: row.id,
        parent_id: row.parent_id,
        author: if shown || row.removed {
            row.author
        } else {
            None
        },
        body: shown.then_some(row.body),
        removed: row.removed,
        hidden: row.hidden,
        awaiting_review: row.awaiting_review,
        can_remove: !row.removed && facts.may_remove(),
        created_at: row.created_at,
        replies: Vec::new(),
    }
}

/// An idea's comments, oldest first, each with its replies (`limit` counts the top-level ones).
#[utoipa::path(
    tag = "ideas",
    params(PageParams),
    responses((status = 200, description = "A page of comments.", body = Page<Comment>), BadRequest, NotFound),
)]
#[get("/ideas/{id}/comments")]
async fn list_idea_comments(
    db: Db,
    caller: Caller,
    id: web::Path<Uuid>,
    page: web::Query<PageParams>,
) -> Result<web::Json<Page<Comment>>, ApiError> {
    let limit = page.limit()?;
    let after = page.after::<(DateTime<Utc>, Uuid)>()?;
    let (mut conn, viewer) = Viewer::connect(&db, caller).await?;
    let idea = authz::idea(&mut conn, &viewer, *id, IdeaAction::Lab(LabAction::View)).await?;
    let moderates = authz::moderates(&mut conn, &viewer, idea.lab.id).await?;
    let top = db::ideas::top_level_comments(&mut conn, *id, after, limit + 1).await?;
    let page = pagination::page(top, limit, |c| (c.created_at, c.id));
    let parents: Vec<Uuid> = page.items.iter().map(|c| c.id).collect();
    let replies = db::ideas::replies(&mut conn, &parents).await?;
    let items = page
        .items
        .into_iter()
        .map(|row| {
            let mut comment = to_comment(row, &viewer, moderates);
            comment.replies = replies
                .iter()
                .filter(|reply| reply.parent_id == Some(comment.id))
                .map(|reply| to_comment(reply.clone(), &viewer, moderates))
                .collect();
            comment
        })
        .collect();
    Ok(web::Json(Page {
        items,
        next_cursor: page.next_cursor,
    }))
}

/// Comment on an idea, or reply to a top-level comment.
#[utoipa::path(
    tag = "ideas",
    security(("bearer_jwt" = [])),
    request_body = CreateComment,
    responses(
        (status = 201, description = "The comment.", body = Comment, headers(("Location" = String))),
        BadRequest, Unauthorized, Forbidden, NotFound, Unprocessable,
        (status = 429, description = "More than 60 comments by this person this hour.", body = shared::Problem, content_type = "application/problem+json"),
    ),
)]
#[post("/ideas/{id}/comments")]
async fn create_idea_comment(
    db: Db,
    spam: web::Data<SpamPolicy>,
    caller: Caller,
    id: web::Path<Uuid>,
    body: Body<CreateComment>,
) -> Result<HttpResponse, ApiError> {
    let idea_id = *id;
    let text = body.body.trim();
    let mut errors = FieldErrors::default();
    errors.length(text, "body", limits::COMMENT);
    let (mut conn, viewer) = Viewer::connect(&db, caller).await?;
    let idea = authz::idea(
        &mut conn,
        &viewer,
        idea_id,
        IdeaAction::Lab(LabAction::Participate),
    )
    .await?;
    let author = viewer.user_id().ok_or_else(ApiError::unauthorized)?;
    let parent = match body.parent_id {
        Some(parent_id) => db::ideas::find_comment(&mut conn, parent_id).await?,
        None => None,
    };
    if body.parent_id.is_some() {
        errors.check(
            parent
                .as_ref()
                .is_some_and(|p| p.idea_id == idea_id && p.parent_id.is_none() && !p.removed),
            "parent_id",
            "invalid",
            &crate::t!("field-comment-parent"),
        );
    }
    errors.finish()?;
    let account_created = screen_post(
        &mut conn,
        &viewer,
        body.form.as_ref(),
        **spam,
        Posting::Comment,
    )
    .await?;
    let held = account_created.is_some_and(|created| held_for_review(created, Utc::now(), &[text]));
    // Whoever is answered hears of it (not someone answering themselves).
    let answered = parent
        .and_then(|p| p.author)
        .map(|a| a.id)
        .filter(|id| *id != author);
    let comment_id = conn
        .transaction::<_, ApiError, _>(async |conn| {
            let comment_id =
                db::ideas::insert_comment(conn, idea_id, body.parent_id, author, text).await?;
            if held {
                db::ideas::set_comment_hidden(conn, comment_id, true).await?;
                db::reports::hold(
                    conn,
                    shared::ReportTarget::Comment,
                    comment_id,
                    Some(idea.lab.id),
                )
                .await?;
                return Ok(comment_id);
            }
            if let Some(answered) = answered {
                let details = serde_json::json!({
                    "idea_title": idea.title, "lab_id": idea.lab.id, "comment_id": comment_id,
                });
                db::notifications::notify(
                    conn,
                    answered,
                    NotificationKind::CommentReply,
                    "idea",
                    idea_id,
                    details,
                )
                .await?;
            }
            Ok(comment_id)
        })
        .await?;
    let row = db::ideas::find_comment(&mut conn, comment_id)
        .await?
        .ok_or(ApiError::NotFound)?;
    let moderates = authz::moderates(&mut conn, &viewer, idea.lab.id).await?;
    Ok(HttpResponse::Created()
        .insert_header((
            actix_web::http::header::LOCATION,
            format!("/api/v1/comments/{comment_id}"),
        ))
        .json(to_comment(row, &viewer, moderates)))
}

/// One comment (without its replies).
#[utoipa::path(
    tag = "ideas",
    responses((status = 200, description = "The comment.", body = Comment), NotFound),
)]
#[get("/comments/{id}")]
async fn get_comment(
    db: Db,
    caller: Caller,
    id: web::Path<Uuid>,
) -> Result<web::Json<Comment>, ApiError> {
    let (mut conn, viewer) = Viewer::connect(&db, caller).await?;
    let access = authz::comment(&mut conn, &viewer, *id, CommentAction::View).await?;
    Ok(web::Json(to_comment(
        access.row,
        &viewer,
        access.facts.moderates,
    )))
}

/// Remove a comment (its author, the lab's hosts or a platform admin). It stays in the
/// thread as "removed", so replies keep their context.
#[utoipa::path(
    tag = "ideas",
    security(("bearer_jwt" = [])),
    responses(
        (status = 204, description = "Removed."),
        Unauthorized, Forbidden, NotFound,
    ),
)]
#[delete("/comments/{id}")]
async fn remove_comment(
    db: Db,
    caller: Caller,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    caller.signed_in()?;
    let (mut conn, viewer) = Viewer::connect(&db, caller).await?;
    let CommentAccess { row, facts } =
        authz::comment(&mut conn, &viewer, *id, CommentAction::Remove).await?;
    conn.transaction::<_, ApiError, _>(async |conn| {
        // Two removals at once: the second finds nothing left to remove.
        if db::ideas::remove_comment(conn, &row).await? {
            let details = serde_json::json!({ "idea_id": row.idea_id, "by_author": facts.own });
            db::audit::record(
                conn,
                &viewer.caller,
                "comment.removed",
                "comment",
                row.id,
                details,
            )
            .await?;
        }
        Ok(())
    })
    .await?;
    Ok(HttpResponse::NoContent().finish())
}

/// A person's post passes the spam defence: a form filled by a program is refused, and so is
/// a post past the account's hourly limit. Answers when the account was made (its links may
/// wait for a moderator); `None` for a partner system, which its key's limits govern.
async fn screen_post(
    conn: &mut diesel_async::AsyncPgConnection,
    viewer: &Viewer,
    form: Option<&shared::FormSignals>,
    spam: SpamPolicy,
    posting: Posting,
) -> Result<Option<chrono::DateTime<Utc>>, ApiError> {
    let Some(user_id) = viewer.user_id() else {
        return Ok(None);
    };
    refuse_automated(form, spam)?;
    throttle::check_posting(conn, user_id, posting).await?;
    Ok(db::users::find(conn, user_id)
        .await?
        .map(|user| user.created_at))
}
