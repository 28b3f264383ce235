//! How a handler reaches the database: [`Db`], an extractor.
//!
//! A request usually takes connections from the pool as it needs them. A `POST` with an
//! `Idempotency-Key` instead runs in one transaction, opened by `crate::idempotency` before
//! the handler and committed after its answer is stored: every connection the handler asks
//! for is that transaction's, so a crash at any moment leaves all of the request's work
//! with its stored answer, or none of it. (The handlers' own `transaction` calls become
//! savepoints inside it.)
//!
//! A list, a search or the statistics may instead read from a streaming replica
//! ([`Db::read`], see [`super::replica`]).

use std::ops::{Deref, DerefMut};
use std::sync::Arc;

use actix_web::dev::Payload;
use actix_web::{FromRequest, HttpMessage, HttpRequest, web};
use diesel_async::AsyncPgConnection;
use futures_util::future::{Ready, ready};
use tokio::sync::{Mutex, OwnedMappedMutexGuard, OwnedMutexGuard};

use super::replica::{READ_YOUR_WRITES, Replica};
use super::{Pool, PooledConnection};
use crate::auth::Caller;
use crate::error::ApiError;

/// The database for one request.
pub struct Db {
    pool: Pool,
    transaction: Option<RequestTransaction>,
    /// The replica, for a `GET` or `HEAD` when one is configured.
    replica: Option<Replica>,
}

/// The connection holding a request's open transaction, put into the request's extensions
/// by the middleware that opened it, which takes it back when the handler is done.
#[derive(Clone)]
pub struct RequestTransaction(Arc<Mutex<Option<PooledConnection>>>);

impl RequestTransaction {
    /// Wraps a connection on which a transaction has begun.
    pub fn new(conn: PooledConnection) -> Self {
        Self(Arc::new(Mutex::new(Some(conn))))
    }

    /// The connection back, once the handler is done with it (`None` while something
    /// still holds it, which would be a bug).
    pub fn take(&self) -> Option<PooledConnection> {
        self.0.try_lock().ok()?.take()
    }
}

/// A connection as a handler holds it: its own from the pool (boxed: it holds the
/// connection itself, hundreds of bytes), or the request's.
pub enum Conn {
    Pooled(Box<PooledConnection>),
    Transaction(OwnedMappedMutexGuard<Option<PooledConnection>, AsyncPgConnection>),
}

impl Db {
    /// The database as a request sees it; with `transaction`, every connection is that one.
    pub fn new(pool: Pool, transaction: Option<RequestTransaction>) -> Self {
        Self {
            pool,
            transaction,
            replica: None,
        }
    }

    /// A connection: from the pool, or the request's transaction.
    pub async fn get(&self) -> Result<Conn, ApiError> {
        match &self.transaction {
            None => Ok(Conn::Pooled(Box::new(self.pool.get().await?))),
            // One connection cannot serve two holders at once; waiting would deadlock the
            // request on itself, so a handler that asks twice at once fails loudly.
            Some(RequestTransaction(shared)) => {
                let held = shared.clone().try_lock_owned().map_err(|_| {
                    ApiError::Unexpected(anyhow::anyhow!(
                        "a handler asked for a second connection while holding the \
                         request's transaction"
                    ))
                })?;
                OwnedMutexGuard::try_map(held, |conn| conn.as_deref_mut())
                    .map(Conn::Transaction)
                    .map_err(|_| {
                        ApiError::Unexpected(anyhow::anyhow!("the request's transaction has ended"))
                    })
            }
        }
    }

    /// A connection for a read that may be a moment behind the primary: the replica's,
    /// unless there is none, `caller` changed something within [`READ_YOUR_WRITES`], or the
    /// replica cannot be reached — then as [`Db::get`].
    pub async fn read(&self, caller: &Caller) -> Result<Conn, ApiError> {
        let Some(replica) = &self.replica else {
            return self.get().await;
        };
        if let Some(owner) = caller.owner() {
            let mut primary = self.get().await?;
            if super::recent_writes::within(&mut primary, &owner, READ_YOUR_WRITES).await? {
                return Ok(primary);
            }
        }
        match replica.connection().await {
            Some(conn) => Ok(Conn::Pooled(Box::new(conn))),
            None => self.get().await,
        }
    }

    /// The pool itself, for work that must not be part of the request's transaction.
    pub fn pool(&self) -> &Pool {
        &self.pool
    }
}

impl FromRequest for Db {
    type Error = ApiError;
    type Future = Ready<Result<Self, ApiError>>;

    fn from_request(request: &HttpRequest, _: &mut Payload) -> Self::Future {
        let pool = request
            .app_data::<web::Data<Pool>>()
            .map(|pool| pool.get_ref().clone());
        let transaction = request.extensions().get::<RequestTransaction>().cloned();
        // Only a request that changes nothing may read a moment behind.
        let replica = match request.app_data::<web::Data<Option<Replica>>>() {
            Some(replica) if request.method().is_safe() && transaction.is_none() => {
                replica.get_ref().clone()
            }
            _ => None,
        };
        ready(
            pool.map(|pool| Self {
                pool,
                transaction,
                replica,
            })
            .ok_or_else(|| ApiError::Unexpected(anyhow::anyhow!("the app has no pool"))),
        )
    }
}

impl Deref for Conn {
    type Target = AsyncPgConnection;

    fn deref(&self) -> &AsyncPgConnection {
        match self {
            Conn::Pooled(conn) => conn,
            Conn::Transaction(conn) => conn,
        }
    }
}

impl DerefMut for Conn {
    fn deref_mut(&mut self) -> &mut AsyncPgConnection {
        match self {
            Conn::Pooled(conn) => conn,
            Conn::Transaction(conn) => conn,
        }
    }
}
