//! The optional streaming replica (`DATABASE_REPLICA_URL`). Lists, search and statistics
//! read from it ([`super::Db::read`]) — except a caller's reads within
//! [`READ_YOUR_WRITES`] of its own change, which go to the primary, where the change surely
//! is. When the replica cannot be reached, reads go to the primary, and the replica is left
//! alone for [`REST_AFTER_FAILURE`] before it is tried again.

use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use actix_web::body::{BoxBody, MessageBody};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::middleware::Next;
use actix_web::{HttpMessage, web};

use super::{Pool, PooledConnection};
use crate::auth::Caller;

/// How long after a change of its own a caller reads from the primary: longer than a
/// healthy replica lags (well under a second on one network).
pub const READ_YOUR_WRITES: Duration = Duration::from_secs(5);

/// How long the replica is not asked after it could not be reached.
pub const REST_AFTER_FAILURE: Duration = Duration::from_secs(5);

/// The replica's connections, shared by every worker of the server.
#[derive(Clone)]
pub struct Replica {
    pool: Pool,
    resting_until: Arc<Mutex<Option<Instant>>>,
}

impl Replica {
    pub fn new(pool: Pool) -> Self {
        Self {
            pool,
            resting_until: Arc::default(),
        }
    }

    /// A connection to the replica; none while it cannot be reached (the caller reads from
    /// the primary instead).
    pub async fn connection(&self) -> Option<PooledConnection> {
        let resting = self
            .resting_until
            .lock()
            .ok()
            .and_then(|until| *until)
            .is_some_and(|until| Instant::now() < until);
        if resting {
            return None;
        }
        match self.pool.get().await {
            Ok(conn) => Some(conn),
            Err(error) => {
                tracing::warn!(%error, "the replica cannot be reached: reading from the primary");
                if let Ok(mut until) = self.resting_until.lock() {
                    *until = Some(Instant::now() + REST_AFTER_FAILURE);
                }
                None
            }
        }
    }
}

/// Middleware: notes each successful change by a signed-in caller, so that its reads go to
/// the primary for a while ([`READ_YOUR_WRITES`]). Only while a replica is configured; a
/// failure to note it is logged, never the request's.
pub async fn note_writes(
    request: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<BoxBody>, actix_web::Error> {
    let changes = !request.method().is_safe();
    let response = next.call(request).await?.map_into_boxed_body();
    if !changes || !response.status().is_success() {
        return Ok(response);
    }
    let in_use = response
        .request()
        .app_data::<web::Data<Option<Replica>>>()
        .is_some_and(|replica| replica.is_some());
    let owner = response
        .request()
        .extensions()
        .get::<Caller>()
        .and_then(Caller::owner);
    let pool = response.request().app_data::<web::Data<Pool>>().cloned();
    if let (true, Some(owner), Some(pool)) = (in_use, owner, pool) {
        let noted = async {
            let mut conn = pool.get().await?;
            super::recent_writes::record(&mut conn, &owner).await?;
            anyhow::Ok(())
        };
        if let Err(error) = noted.await {
            tracing::warn!(
                error = format!("{error:#}"),
                "could not note a caller's change"
            );
        }
    }
    Ok(response)
}
