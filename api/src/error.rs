//! The one error type of the API, and how every error becomes `application/problem+json`
//! (RFC 9457): errors our handlers return, errors of actix's extractors (malformed JSON,
//! bad query strings, bodies too large), and bare responses such as actix's own 405.

use actix_web::body::{BoxBody, EitherBody, MessageBody};
use actix_web::dev::ServiceResponse;
use actix_web::error::{JsonPayloadError, PathError, QueryPayloadError};
use actix_web::http::StatusCode;
use actix_web::http::header::{self, HeaderMap, HeaderValue};
use actix_web::middleware::ErrorHandlerResponse;
use actix_web::{HttpRequest, HttpResponse, ResponseError, web};
use shared::problem::PROBLEM_CONTENT_TYPE;
use shared::{FieldError, Problem};

/// The largest JSON body the API accepts.
pub const JSON_BODY_LIMIT: usize = 64 * 1024;

/// Every way a request can fail.
#[derive(Debug, thiserror::Error)]
pub enum ApiError {
    /// A query or path parameter is malformed.
    #[error("invalid parameter")]
    InvalidParameter(Vec<FieldError>),
    /// The body is not JSON, or not the JSON this operation takes.
    #[error("malformed request body: {0}")]
    MalformedBody(String),
    /// The body is larger than [`JSON_BODY_LIMIT`].
    #[error("request body too large")]
    PayloadTooLarge,
    /// The body's fields are invalid: one entry per bad field.
    #[error("validation failed")]
    Validation(Vec<FieldError>),
    /// No credentials, or credentials that are not valid.
    #[error("unauthorized: {0}")]
    Unauthorized(String),
    /// The caller may see the resource but not do this.
    #[error("forbidden: {0}")]
    Forbidden(String),
    /// The request conflicts with the current state.
    #[error("conflict: {detail}")]
    Conflict {
        detail: String,
        errors: Vec<FieldError>,
    },
    /// A state change the state machine does not allow; `allowed` lists the moves that are.
    #[error("invalid transition: {detail}")]
    InvalidTransition {
        detail: String,
        allowed: Vec<String>,
    },
    /// A change sent without `If-Match`.
    #[error("precondition required")]
    PreconditionRequired,
    /// `If-Match` names a version that is no longer the current one.
    #[error("precondition failed")]
    PreconditionFailed { current_version: i32 },
    /// Too many attempts; try again after this many seconds.
    #[error("too many requests")]
    TooManyRequests { retry_after_seconds: i64 },
    /// An API key over its limit of requests a minute.
    #[error("rate limit of the API key reached")]
    KeyRateLimited {
        limit: i32,
        retry_after_seconds: i64,
    },
    /// No such resource, or one the caller may not see.
    #[error("not found")]
    NotFound,
    /// The path exists, but not with this method; holds the `Allow` header's value.
    #[error("method not allowed")]
    MethodNotAllowed(HeaderValue),
    /// A dependency cannot serve right now: the database, or every core busy hashing
    /// passwords.
    #[error("service unavailable: {0:#}")]
    Unavailable(anyhow::Error),
    /// Anything else: a bug or an unexpected failure. Its detail is logged, never shown.
    #[error(transparent)]
    Unexpected(#[from] anyhow::Error),
}

impl ApiError {
    /// A single bad parameter.
    pub fn invalid_parameter(field: &str, code: &str, message: impl Into<String>) -> Self {
        Self::InvalidParameter(vec![FieldError {
            field: field.to_owned(),
            code: code.to_owned(),
            message: message.into(),
        }])
    }

    /// A single invalid field.
    pub fn invalid_field(field: &str, code: &str, message: impl Into<String>) -> Self {
        Self::Validation(vec![FieldError {
            field: field.to_owned(),
            code: code.to_owned(),
            message: message.into(),
        }])
    }

    /// A 401 for missing or invalid credentials.
    pub fn unauthorized() -> Self {
        Self::Unauthorized(crate::t!("problem-unauthorized"))
    }

    /// A conflict with one field, e.g. an e-mail that is taken.
    pub fn conflict_on(field: &str, code: &str, message: &str) -> Self {
        Self::Conflict {
            detail: message.to_owned(),
            errors: vec![FieldError {
                field: field.to_owned(),
                code: code.to_owned(),
                message: message.to_owned(),
            }],
        }
    }

    fn problem(&self) -> Problem {
        let status = self.status_code();
        let (slug, title, detail, errors) = match self {
            Self::InvalidParameter(errors) => (
                "invalid-parameter",
                crate::t!("problem-invalid-parameter-title"),
                Some(describe_fields(errors)),
                errors.clone(),
            ),
            Self::MalformedBody(detail) => (
                "malformed-body",
                crate::t!("problem-malformed-body-title"),
                Some(detail.clone()),
                Vec::new(),
            ),
            Self::PayloadTooLarge => (
                "payload-too-large",
                crate::t!("problem-payload-too-large-title"),
                Some(crate::t!(
                    "problem-payload-too-large",
                    limit = JSON_BODY_LIMIT
                )),
                Vec::new(),
            ),
            Self::Validation(errors) => (
                "validation",
                crate::t!("problem-validation-title"),
                Some(describe_fields(errors)),
                errors.clone(),
            ),
            Self::Unauthorized(detail) => (
                "unauthorized",
                crate::t!("problem-unauthorized-title"),
                Some(detail.clone()),
                Vec::new(),
            ),
            Self::Forbidden(detail) => (
                "forbidden",
                crate::t!("problem-forbidden-title"),
                Some(detail.clone()),
                Vec::new(),
            ),
            Self::Conflict { detail, errors } => (
                "conflict",
                crate::t!("problem-conflict-title"),
                Some(detail.clone()),
                errors.clone(),
            ),
            Self::InvalidTransition { detail, .. } => (
                "invalid-transition",
                crate::t!("problem-invalid-transition-title"),
                Some(detail.clone()),
                Vec::new(),
            ),
            Self::PreconditionRequired => (
                "precondition-required",
                crate::t!("problem-precondition-required-title"),
                Some(crate::t!("problem-precondition-required")),
                Vec::new(),
            ),
            Self::PreconditionFailed { current_version } => (
                "precondition-failed",
                crate::t!("problem-precondition-failed-title"),
                Some(crate::t!(
                    "problem-precondition-failed",
                    version = current_version
                )),
                Vec::new(),
            ),
            Self::TooManyRequests {
                retry_after_seconds,
            } => (
                "rate-limited",
                crate::t!("problem-rate-limited-title"),
                Some(crate::t!(
                    "problem-too-many-attempts",
                    seconds = retry_after_seconds
                )),
                Vec::new(),
            ),
            Self::KeyRateLimited {
                limit,
                retry_after_seconds,
            } => (
                "rate-limited",
                crate::t!("problem-rate-limited-title"),
                Some(crate::t!(
                    "problem-key-rate-limited",
                    limit = limit,
                    seconds = retry_after_seconds
                )),
                Vec::new(),
            ),
            Self::NotFound => (
                "not-found",
                crate::t!("problem-not-found-title"),
                Some(crate::t!("problem-not-found")),
                Vec::new(),
            ),
            Self::MethodNotAllowed(allow) => (
                "method-not-allowed",
                crate::t!("problem-method-not-allowed-title"),
                Some(crate::t!(
                    "problem-method-not-allowed",
                    methods = allow.to_str().unwrap_or("?")
                )),
                Vec::new(),
            ),
            Self::Unavailable(_) => (
                "unavailable",
                crate::t!("problem-unavailable-title"),
                Some(crate::t!("problem-unavailable")),
                Vec::new(),
            ),
            Self::Unexpected(_) => (
                "internal",
                crate::t!("problem-internal-title"),
                Some(crate::t!("problem-internal")),
                Vec::new(),
            ),
        };
        Problem {
            problem_type: problem_type(slug),
            title,
            status: status.as_u16(),
            detail,
            errors,
            current_version: match self {
                Self::PreconditionFailed { current_version } => Some(*current_version),
                _ => None,
            },
            allowed: match self {
                Self::InvalidTransition { allowed, .. } => allowed.clone(),
                _ => Vec::new(),
            },
        }
    }
}

impl ResponseError for ApiError {
    fn status_code(&self) -> StatusCode {
        match self {
            Self::InvalidParameter(_) | Self::MalformedBody(_) => StatusCode::BAD_REQUEST,
            Self::PayloadTooLarge => StatusCode::PAYLOAD_TOO_LARGE,
            Self::Validation(_) => StatusCode::UNPROCESSABLE_ENTITY,
            Self::Unauthorized(_) => StatusCode::UNAUTHORIZED,
            Self::Forbidden(_) => StatusCode::FORBIDDEN,
            Self::Conflict { .. } | Self::InvalidTransition { .. } => StatusCode::CONFLICT,
            Self::PreconditionRequired => StatusCode::PRECONDITION_REQUIRED,
            Self::PreconditionFailed { .. } => StatusCode::PRECONDITION_FAILED,
            Self::TooManyRequests { .. } | Self::KeyRateLimited { .. } => {
                StatusCode::TOO_MANY_REQUESTS
            }
            Self::NotFound => StatusCode::NOT_FOUND,
            Self::MethodNotAllowed(_) => StatusCode::METHOD_NOT_ALLOWED,
            Self::Unavailable(_) => StatusCode::SERVICE_UNAVAILABLE,
            Self::Unexpected(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    fn error_response(&self) -> HttpResponse {
        match self {
            Self::Unexpected(error) => {
                tracing::error!(error = format!("{error:#}"), "unexpected error")
            }
            Self::Unavailable(error) => {
                tracing::warn!(error = format!("{error:#}"), "service unavailable")
            }
            _ => {}
        }
        let mut response = problem_response(&self.problem());
        let headers = response.headers_mut();
        match self {
            Self::MethodNotAllowed(allow) => {
                headers.insert(header::ALLOW, allow.clone());
            }
            Self::Unavailable(_) => {
                headers.insert(
                    header::RETRY_AFTER,
                    HeaderValue::from(UNAVAILABLE_RETRY_AFTER_SECONDS),
                );
            }
            Self::Unauthorized(_) => {
                headers.insert(header::WWW_AUTHENTICATE, HeaderValue::from_static("Bearer"));
            }
            Self::PreconditionFailed { current_version } => {
                headers.insert(header::ETAG, crate::preconditions::etag(*current_version));
            }
            Self::TooManyRequests {
                retry_after_seconds,
            }
            | Self::KeyRateLimited {
                retry_after_seconds,
                ..
            } => {
                headers.insert(
                    header::RETRY_AFTER,
                    HeaderValue::from(retry_after_seconds.max(&1).to_owned()),
                );
            }
            _ => {}
        }
        response
    }
}

/// When to try again after a 503: a restarting Postgres is usually back within seconds.
const UNAVAILABLE_RETRY_AFTER_SECONDS: u32 = 2;

impl From<diesel::result::Error> for ApiError {
    fn from(error: diesel::result::Error) -> Self {
        if crate::db::is_unavailable(&error) {
            Self::Unavailable(anyhow::Error::new(error).context("the database did not answer"))
        } else {
            Self::Unexpected(anyhow::Error::new(error).context("database query failed"))
        }
    }
}

impl From<crate::db::PoolError> for ApiError {
    fn from(error: crate::db::PoolError) -> Self {
        Self::Unavailable(anyhow::Error::new(error).context("no database connection"))
    }
}

/// The `type` URI of a problem; the slugs are listed in docs/API-DESIGN.md.
fn problem_type(slug: &str) -> String {
    format!("https://innolabb.se/problems/{slug}")
}

fn describe_fields(errors: &[FieldError]) -> String {
    errors
        .iter()
        .map(|error| format!("{}: {}", error.field, error.message))
        .collect::<Vec<_>>()
        .join("; ")
}

fn problem_response(problem: &Problem) -> HttpResponse {
    let status = StatusCode::from_u16(problem.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    HttpResponse::build(status)
        .content_type(PROBLEM_CONTENT_TYPE)
        .json(problem)
}

/// The default service of the API's scopes: a path the API does not have (404), or a
/// method a path does not answer (405 with `Allow`).
pub async fn not_found(request: HttpRequest) -> Result<HttpResponse, ApiError> {
    let allow = request
        .app_data::<web::Data<crate::http_edges::Operations>>()
        .and_then(|operations| operations.allow(request.path()));
    match allow {
        Some(allow) => Err(ApiError::MethodNotAllowed(allow)),
        None => Err(ApiError::NotFound),
    }
}

/// Errors of the JSON body extractor.
pub fn json_error(error: JsonPayloadError, _req: &HttpRequest) -> actix_web::Error {
    let api_error = match &error {
        JsonPayloadError::Overflow { .. } | JsonPayloadError::OverflowKnownLength { .. } => {
            ApiError::PayloadTooLarge
        }
        JsonPayloadError::ContentType => ApiError::MalformedBody(crate::t!("body-not-json")),
        JsonPayloadError::Deserialize(error) => {
            ApiError::MalformedBody(crate::t!("body-not-this-json", error = error.to_string()))
        }
        _ => ApiError::MalformedBody(crate::t!("body-unreadable")),
    };
    api_error.into()
}

/// Errors of the query-string extractor.
pub fn query_error(error: QueryPayloadError, _req: &HttpRequest) -> actix_web::Error {
    ApiError::invalid_parameter(
        "query",
        "format",
        crate::t!("parameter-malformed", error = error.to_string()),
    )
    .into()
}

/// Errors of the path extractor: a malformed id names nothing that exists.
pub fn path_error(_error: PathError, _req: &HttpRequest) -> actix_web::Error {
    ApiError::NotFound.into()
}

/// Whether an answer is a problem (`application/problem+json`).
pub fn is_problem(headers: &HeaderMap) -> bool {
    headers.get(header::CONTENT_TYPE).is_some_and(|value| {
        value
            .as_bytes()
            .starts_with(PROBLEM_CONTENT_TYPE.as_bytes())
    })
}

/// Middleware hook (for `ErrorHandlers::default_handler`): turns any error response that
/// is not problem+json yet (one of actix's own) into one, keeping its status.
pub fn problem_for_bare_error<B: MessageBody + 'static>(
    response: ServiceResponse<B>,
) -> actix_web::Result<ErrorHandlerResponse<B>> {
    if is_problem(response.headers()) {
        return Ok(ErrorHandlerResponse::Response(
            response.map_into_left_body(),
        ));
    }
    let status = response.status();
    let (request, _) = response.into_parts();
    let title = status.canonical_reason().unwrap_or("Error");
    let problem_http = problem_response(&Problem {
        problem_type: "about:blank".to_owned(),
        title: title.to_owned(),
        status: status.as_u16(),
        detail: None,
        errors: Vec::new(),
        current_version: None,
        allowed: Vec::new(),
    });
    let response: ServiceResponse<EitherBody<B, BoxBody>> =
        ServiceResponse::new(request, problem_http).map_into_right_body();
    Ok(ErrorHandlerResponse::Response(response))
}

#[cfg(test)]
mod tests {
    use actix_web::{App, post, test as actix_test, web::Json};

    use super::*;

    #[derive(Debug, serde::Deserialize)]
    struct Body {
        #[allow(dead_code)]
        name: String,
    }

    #[post("/echo")]
    async fn echo(_body: Json<Body>) -> HttpResponse {
        HttpResponse::NoContent().finish()
    }

    async fn post_body(content_type: &str, body: Vec<u8>) -> (StatusCode, Option<Problem>) {
        let app = actix_test::init_service(
            App::new()
                .app_data(
                    web::JsonConfig::default()
                        .limit(JSON_BODY_LIMIT)
                        .error_handler(json_error),
                )
                .service(echo),
        )
        .await;
        let request = actix_test::TestRequest::post()
            .uri("/echo")
            .insert_header((header::CONTENT_TYPE, content_type))
            .set_payload(body)
            .to_request();
        let response = actix_test::call_service(&app, request).await;
        let status = response.status();
        let content_type = response.headers().get(header::CONTENT_TYPE).cloned();
        let body = actix_test::read_body(response).await;
        let problem = serde_json::from_slice::<Problem>(&body).ok();
        if status.is_client_error() {
            assert_eq!(
                content_type.as_ref().map(|v| v.as_bytes()),
                Some(PROBLEM_CONTENT_TYPE.as_bytes())
            );
        }
        (status, problem)
    }

    #[actix_web::test]
    async fn malformed_json_is_a_400_problem() {
        let (status, problem) = post_body("application/json", b"{\"name\": ".to_vec()).await;
        assert_eq!(status, StatusCode::BAD_REQUEST);
        assert_eq!(problem.map(|p| p.status), Some(400));
    }

    #[actix_web::test]
    async fn a_body_over_the_limit_is_a_413_problem() {
        let name = "a".repeat(JSON_BODY_LIMIT + 1);
        let (status, problem) = post_body(
            "application/json",
            format!("{{\"name\":\"{name}\"}}").into_bytes(),
        )
        .await;
        assert_eq!(status, StatusCode::PAYLOAD_TOO_LARGE);
        assert_eq!(
            problem.map(|p| p.problem_type),
            Some(problem_type("payload-too-large"))
        );
    }

    #[actix_web::test]
    async fn a_body_that_is_not_json_is_a_400_problem() {
        let (status, problem) = post_body("text/plain", b"name".to_vec()).await;
        assert_eq!(status, StatusCode::BAD_REQUEST);
        assert!(
            problem
                .and_then(|p| p.detail)
                .is_some_and(|d| d.contains("application/json"))
        );
    }

    #[actix_web::test]
    async fn a_well_formed_body_passes() {
        let (status, _) = post_body("application/json", b"{\"name\": \"x\"}".to_vec()).await;
        assert_eq!(status, StatusCode::NO_CONTENT);
    }

    #[test]
    fn unexpected_errors_never_show_their_cause() {
        let problem =
            ApiError::Unexpected(anyhow::anyhow!("password=hunter2 in connection string"))
                .problem();
        assert_eq!(problem.status, 500);
        assert!(!format!("{problem:?}").contains("hunter2"));
    }
}
