//! Events for partners' webhooks. A change calls [`emit`] inside its own transaction, so an
//! event is in the outbox exactly when its change is committed (a rolled-back change sends
//! nothing). Each organisation with a webhook subscribed to the event gets it only if it may
//! see the object — asked of the one authorisation mechanism, with [`Viewer::organization`] —
//! and the object as the API's GET returns it to that organisation.

use chrono::Utc;
use diesel_async::AsyncPgConnection;
use serde::Serialize;
use uuid::Uuid;

use crate::authz::{
    self, IdeaAction, LabAction, MatchAccess, MatchRight, MethodAction, OfferingAction, OrgAction,
    Viewer,
};
use crate::db;
use crate::db::matches::Messages;
use crate::domain::webhooks::{self as rules, EVENT_TYPES};
use crate::error::ApiError;

/// What an event is about: the object its `data` shows.
#[derive(Debug, Clone, Copy)]
pub enum Subject {
    /// Public but for those hidden by moderation (no event is about one; the changes feed
    /// asks).
    Organization(Uuid),
    Lab(Uuid),
    Idea(Uuid),
    Need(Uuid),
    Offering(Uuid),
    Match(Uuid),
    /// A message in a match's thread: `data` is `{"match": …, "message": …}`.
    MatchMessage {
        match_id: Uuid,
        message_id: Uuid,
    },
    Method(Uuid),
    Adoption(Uuid),
}

/// The language of the texts in events' data (reference names).
const LANGUAGE: &str = "sv";

/// Puts `event_type` about `subject` in the outbox of every webhook subscribed to it whose
/// organisation may see the subject. Call it inside the change's transaction.
pub async fn emit(
    conn: &mut AsyncPgConnection,
    event_type: &str,
    subject: Subject,
) -> Result<(), ApiError> {
    debug_assert!(
        EVENT_TYPES.contains(&event_type),
        "{event_type} is no event"
    );
    let subscribed = db::webhooks::subscribed(conn, event_type).await?;
    let created_at = Utc::now();
    for webhooks in subscribed.chunk_by(|a, b| a.organization_id == b.organization_id) {
        let viewer = Viewer::organization(webhooks[0].organization_id);
        let Some(data) = seen_by(conn, &viewer, subject).await? else {
            continue;
        };
        for webhook in webhooks {
            let message_id = rules::new_message_id();
            let body = rules::payload(&message_id, event_type, created_at, data.clone());
            db::webhooks::enqueue(conn, webhook.id, event_type, &body, &message_id).await?;
        }
    }
    Ok(())
}

/// Whether the viewer may see the subject now (for the changes feed): as its GET decides.
pub async fn may_see(
    conn: &mut AsyncPgConnection,
    viewer: &Viewer,
    subject: Subject,
) -> Result<bool, ApiError> {
    match seen_by(conn, viewer, subject).await {
        Ok(seen) => Ok(seen.is_some()),
        // A key without the scope, or nobody signed in, for a match: not for this caller.
        Err(ApiError::Forbidden(_) | ApiError::Unauthorized(_)) => Ok(false),
        Err(error) => Err(error),
    }
}

/// The subject as the viewer's GET shows it, or `None` when the viewer may not see it.
async fn seen_by(
    conn: &mut AsyncPgConnection,
    viewer: &Viewer,
    subject: Subject,
) -> Result<Option<serde_json::Value>, ApiError> {
    let seen = match subject {
        Subject::Organization(id) => authz::organization(conn, &viewer.caller, id, OrgAction::View)
            .await
            .and_then(|access| json(&access.organization)),
        Subject::Lab(id) => authz::lab(conn, viewer, id, LabAction::View)
            .await
            .and_then(|access| json(&access.lab)),
        Subject::Idea(id) => authz::idea(conn, viewer, id, IdeaAction::Lab(LabAction::View))
            .await
            .and_then(|idea| json(&idea)),
        Subject::Need(id) => authz::need(conn, viewer, id, LabAction::View)
            .await
            .and_then(|need| json(&need)),
        Subject::Offering(id) => authz::offering(conn, viewer, id, OfferingAction::View)
            .await
            .and_then(|offering| json(&offering)),
        Subject::Match(id) => seen_match(conn, viewer, id).await.and_then(|m| json(&m)),
        Subject::MatchMessage {
            match_id,
            message_id,
        } => match seen_match(conn, viewer, match_id).await {
            Ok(the_match) => {
                let message = db::matches::messages(conn, match_id, Messages::One(message_id))
                    .await?
                    .pop()
                    .ok_or(ApiError::NotFound)?;
                Ok(serde_json::json!({"match": the_match, "message": message}))
            }
            Err(error) => Err(error),
        },
        Subject::Method(id) => authz::method(conn, viewer, id, MethodAction::View, LANGUAGE)
            .await
            .and_then(|method| json(&method)),
        Subject::Adoption(id) => authz::adoption(conn, viewer, id, MethodAction::View)
            .await
            .and_then(|adoption| json(&adoption)),
    };
    match seen {
        Ok(data) => Ok(Some(data)),
        Err(ApiError::NotFound) => Ok(None),
        Err(error) => Err(error),
    }
}

async fn seen_match(
    conn: &mut AsyncPgConnection,
    viewer: &Viewer,
    id: Uuid,
) -> Result<shared::Match, ApiError> {
    let MatchAccess { record, sides } = authz::a_match(conn, viewer, id, MatchRight::See).await?;
    Ok(record.to_match(sides))
}

fn json(object: &impl Serialize) -> Result<serde_json::Value, ApiError> {
    serde_json::to_value(object).map_err(|error| ApiError::Unexpected(error.into()))
}
