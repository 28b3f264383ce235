//! How a handler reaches the database: [`Db`], an extractor.
//!
//! A request usually takes connections from the pool as it needs them. A `POST` with an
//! `Idempotency-Key` instead runs in one transaction, opened by `crate::idempotency` before
//! the handler and committed after its answer is stored: every connection the handler asks
//! for is that transaction's, so a crash at any moment leaves all of the request's work
//! with its stored answer, or none of it. (The handlers' own `transaction` calls become
//! savepoints inside it.)

use std::ops::{Deref, DerefMut};
use std::sync::Arc;

use actix_web::dev::Payload;
use actix_web::{FromRequest, HttpMessage, HttpRequest, web};
use diesel_async::AsyncPgConnection;
use futures_util::future::{Ready, ready};
use tokio::sync::{Mutex, OwnedMappedMutexGuard, OwnedMutexGuard};

use super::{Pool, PooledConnection};
use crate::error::ApiError;

/// The database for one request.
pub struct Db {
    pool: Pool,
    transaction: Option<RequestTransaction>,
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
        Self { pool, transaction }
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
        ready(
            pool.map(|pool| Self::new(pool, transaction))
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
