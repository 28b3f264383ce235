//! Rate limits per API key: every request with a key is counted in Postgres (so every API
//! instance counts together), in fixed windows of a minute; over the key's limit the answer
//! is a 429 with `Retry-After`. Every answer to a key carries `RateLimit-Limit`,
//! `RateLimit-Remaining` and `RateLimit-Reset` (seconds until the window ends). People in
//! the browser are not limited here (their failed sign-ins are, by `auth::throttle`).

use actix_web::body::{BoxBody, MessageBody};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::header::{HeaderMap, HeaderName, HeaderValue};
use actix_web::middleware::Next;
use actix_web::{HttpMessage as _, ResponseError as _, web};
use chrono::{DateTime, Duration, Utc};

use crate::auth::{Caller, KeyCaller};
use crate::config::KeyRateLimit;
use crate::db::{self, Pool};
use crate::error::ApiError;

/// The window requests are counted in.
pub const WINDOW: Duration = Duration::minutes(1);

/// Where a key stands in its window.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Quota {
    pub limit: i32,
    pub remaining: i32,
    /// Whole seconds until the window ends (at least 1).
    pub reset_seconds: i64,
    pub exceeded: bool,
}

impl Quota {
    /// After the `count`-th request of a window that ends at `window_ends`.
    pub fn after(limit: i32, count: i32, window_ends: DateTime<Utc>, now: DateTime<Utc>) -> Self {
        let milliseconds = (window_ends - now).num_milliseconds().max(0);
        Self {
            limit,
            remaining: (limit - count).max(0),
            reset_seconds: ((milliseconds + 999) / 1000).max(1),
            exceeded: count > limit,
        }
    }

    fn add_headers(&self, headers: &mut HeaderMap) {
        for (name, value) in [
            ("ratelimit-limit", i64::from(self.limit)),
            ("ratelimit-remaining", i64::from(self.remaining)),
            ("ratelimit-reset", self.reset_seconds),
        ] {
            headers.insert(HeaderName::from_static(name), HeaderValue::from(value));
        }
    }
}

/// Counts the request against the key's limit.
async fn count(pool: &Pool, key: &KeyCaller, default: KeyRateLimit) -> Result<Quota, ApiError> {
    let limit = key.rate_limit.unwrap_or(default.per_minute);
    let mut conn = pool.get().await?;
    let (count, window_ends) =
        db::rate_limits::hit(&mut conn, &format!("api-key:{}", key.key_id), WINDOW).await?;
    Ok(Quota::after(limit, count, window_ends, Utc::now()))
}

/// The middleware on `/api/v1`, inside `check_credentials` (which has found the caller).
pub async fn limit_api_keys(
    request: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<BoxBody>, actix_web::Error> {
    let key = match request.extensions().get::<Caller>() {
        Some(Caller::ApiKey(key)) => Some(key.clone()),
        _ => None,
    };
    let (Some(key), Some(pool), Some(default)) = (
        key,
        request.app_data::<web::Data<Pool>>().cloned(),
        request.app_data::<web::Data<KeyRateLimit>>().cloned(),
    ) else {
        return Ok(next.call(request).await?.map_into_boxed_body());
    };
    let quota = match count(&pool, &key, **default).await {
        Ok(quota) => quota,
        Err(error) => {
            let (request, _) = request.into_parts();
            return Ok(ServiceResponse::new(request, error.error_response()));
        }
    };
    let mut response = if quota.exceeded {
        let refused = ApiError::KeyRateLimited {
            limit: quota.limit,
            retry_after_seconds: quota.reset_seconds,
        };
        let (request, _) = request.into_parts();
        ServiceResponse::new(request, refused.error_response())
    } else {
        next.call(request).await?.map_into_boxed_body()
    };
    quota.add_headers(response.headers_mut());
    Ok(response)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_quota_counts_down_to_the_limit_and_then_refuses_until_the_window_ends() {
        let now = Utc::now();
        let ends = now + Duration::milliseconds(42_300);
        let first = Quota::after(600, 1, ends, now);
        assert_eq!(
            first,
            Quota {
                limit: 600,
                remaining: 599,
                reset_seconds: 43,
                exceeded: false
            }
        );
        let last = Quota::after(600, 600, ends, now);
        assert_eq!((last.remaining, last.exceeded), (0, false));
        let over = Quota::after(600, 601, ends, now);
        assert_eq!((over.remaining, over.exceeded), (0, true));
        // A window that just ended still says to wait a second, never zero.
        assert_eq!(Quota::after(600, 601, now, now).reset_seconds, 1);
    }
}
