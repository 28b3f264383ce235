//! Who is asking, with the organisations through which they act: loaded once per request
//! for the rules of labs and offerings, and bound into the queries that list what the
//! caller may see.

use diesel_async::AsyncPgConnection;
use shared::Scope;
use uuid::Uuid;

use crate::auth::{Caller, KeyCaller};
use crate::db::{self, Conn, Db};
use crate::error::ApiError;

/// The caller, with the organisations through which it sees and changes things.
#[derive(Debug, Clone)]
pub struct Viewer {
    pub caller: Caller,
    /// Members-only labs of these organisations are visible.
    pub view_organizations: Vec<Uuid>,
    /// Labs hosted by these organisations may be run.
    pub edit_organizations: Vec<Uuid>,
    /// Offerings of these organisations may be changed.
    pub offer_organizations: Vec<Uuid>,
    /// Matches of these organisations may be acted on (requested, answered, written in).
    pub match_organizations: Vec<Uuid>,
    /// Methods and adoptions of these organisations may be written.
    pub method_organizations: Vec<Uuid>,
}

impl Viewer {
    /// A connection from the pool and the caller loaded over it: how most handlers begin.
    pub async fn connect(db: &Db, caller: Caller) -> Result<(Conn, Self), ApiError> {
        let mut conn = db.get().await?;
        let viewer = Self::load(&mut conn, caller).await?;
        Ok((conn, viewer))
    }

    /// As [`Viewer::connect`], for a list, a search or figures, which a streaming replica may
    /// serve a moment behind the primary (but never behind the caller's own changes).
    pub async fn connect_to_read(db: &Db, caller: Caller) -> Result<(Conn, Self), ApiError> {
        let mut conn = db.read(&caller).await?;
        let viewer = Self::load(&mut conn, caller).await?;
        Ok((conn, viewer))
    }

    /// Looks up what the caller belongs to.
    pub async fn load(conn: &mut AsyncPgConnection, caller: Caller) -> Result<Self, ApiError> {
        let (
            view_organizations,
            edit_organizations,
            offer_organizations,
            match_organizations,
            method_organizations,
        ) = match &caller {
            Caller::Anonymous => Default::default(),
            Caller::Person(person) => {
                let organizations = db::organizations::ids_of_user(conn, person.user_id).await?;
                (
                    organizations.clone(),
                    organizations.clone(),
                    organizations.clone(),
                    organizations.clone(),
                    organizations,
                )
            }
            Caller::ApiKey(key) => {
                let with = |scope| {
                    if key.scopes.contains(&scope) {
                        vec![key.organization_id]
                    } else {
                        Vec::new()
                    }
                };
                (
                    with(Scope::Read),
                    with(Scope::LabsWrite),
                    with(Scope::OfferingsWrite),
                    with(Scope::MatchesWrite),
                    with(Scope::MethodsWrite),
                )
            }
        };
        Ok(Self {
            caller,
            view_organizations,
            edit_organizations,
            offer_organizations,
            match_organizations,
            method_organizations,
        })
    }

    /// An organisation as a whole, as a key of it with every scope would be: what its
    /// webhooks are told of (`crate::events`).
    pub fn organization(organization_id: Uuid) -> Self {
        let own = vec![organization_id];
        Self {
            caller: Caller::ApiKey(KeyCaller {
                key_id: Uuid::nil(),
                organization_id,
                scopes: Scope::ALL.to_vec(),
                rate_limit: None,
            }),
            view_organizations: own.clone(),
            edit_organizations: own.clone(),
            offer_organizations: own.clone(),
            match_organizations: own.clone(),
            method_organizations: own,
        }
    }

    /// Platform admins see every lab.
    pub fn sees_everything(&self) -> bool {
        matches!(&self.caller, Caller::Person(person) if person.is_platform_admin)
    }

    pub fn user_id(&self) -> Option<Uuid> {
        self.caller.user_id()
    }
}
