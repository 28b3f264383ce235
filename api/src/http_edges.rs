//! What HTTP expects at the edge of every API route, decided in one place from the OpenAPI
//! document, so that a new route cannot forget it:
//!
//! - `HEAD` wherever `GET`: the request is served as a `GET` and the server sends the
//!   headers without the body.
//! - `OPTIONS` answers `204` with `Allow` (and a `405` names the same methods).
//! - CORS for anonymous reads of public data: `Access-Control-Allow-Origin: *`, without
//!   credentials, so a housing company's own web page can show its labs. Nothing that takes
//!   credentials or changes data is opened to other origins.
//! - `Cache-Control`: an anonymous read of a public operation is `public, max-age=0,
//!   must-revalidate` (a cache keeps it and asks with its `ETag` each time); everything
//!   else depends on who asks, or changes data, and is `private, no-store`.
//!
//! "Public" is what the document says: an operation without `security` may be called
//! anonymously. A request that sends `Authorization` is answered for that caller (drafts of
//! its own labs, `can_edit`), so it is private even on a public operation.

use actix_web::body::{BodySize, BoxBody, EitherBody, MessageBody};
use actix_web::dev::{ResourceDef, ServiceRequest, ServiceResponse};
use actix_web::http::Method;
use actix_web::http::header::{self, HeaderMap, HeaderValue};
use actix_web::middleware::Next;
use actix_web::{HttpResponse, web};

/// `Cache-Control` of an answer anyone may be given: kept, but revalidated every time.
pub const PUBLIC: &str = "public, max-age=0, must-revalidate";
/// `Cache-Control` of everything else: never stored anywhere.
pub const PRIVATE: &str = "private, no-store";

/// The request headers a page of another origin may send on a public read. `Authorization`
/// is not among them: credentials stay same-origin.
const CORS_REQUEST_HEADERS: &str = "Accept-Language, If-None-Match";
/// The answer's headers such a page may read besides the simple ones.
const CORS_EXPOSED_HEADERS: &str = "ETag, Content-Language, X-Request-Id";
/// How long a browser may keep a preflight's answer, in seconds.
const CORS_MAX_AGE: &str = "86400";

/// One path of the API as the document gives it.
#[derive(Debug)]
struct PathOperations {
    resource: ResourceDef,
    /// The methods of its operations, in the order of the `Allow` header.
    methods: Vec<Method>,
    /// Whether its `GET` may be called anonymously.
    public_read: bool,
}

/// Every path of the API: which methods it answers and whether anyone may read it.
#[derive(Debug, Default)]
pub struct Operations(Vec<PathOperations>);

/// The operations of a path of the document, each with its method, `None` where the path
/// has none.
pub fn operations_of(
    item: &utoipa::openapi::PathItem,
) -> [(Method, Option<&utoipa::openapi::path::Operation>); 5] {
    [
        (Method::GET, item.get.as_ref()),
        (Method::PUT, item.put.as_ref()),
        (Method::POST, item.post.as_ref()),
        (Method::DELETE, item.delete.as_ref()),
        (Method::PATCH, item.patch.as_ref()),
    ]
}

/// Whether the document lets anyone call the operation: it names no `security`.
pub fn is_public(operation: &utoipa::openapi::path::Operation) -> bool {
    operation
        .security
        .as_ref()
        .is_none_or(|requirements| requirements.is_empty())
}

impl Operations {
    pub fn from_openapi(document: &utoipa::openapi::OpenApi) -> Self {
        let paths = document.paths.paths.iter().map(|(path, item)| {
            let operations = operations_of(item);
            let methods = operations
                .iter()
                .filter(|(_, operation)| operation.is_some())
                .map(|(method, _)| method.clone())
                .collect();
            PathOperations {
                resource: ResourceDef::new(path.as_str()),
                methods,
                public_read: item.get.as_ref().is_some_and(is_public),
            }
        });
        Self(paths.collect())
    }

    fn find(&self, path: &str) -> Option<&PathOperations> {
        self.0
            .iter()
            .find(|operations| operations.resource.is_match(path))
    }

    /// The `Allow` header for a request path (`HEAD` beside `GET`, and `OPTIONS`), if the
    /// API has that path.
    pub fn allow(&self, path: &str) -> Option<HeaderValue> {
        let operations = self.find(path)?;
        let mut methods = Vec::with_capacity(operations.methods.len() + 2);
        for method in &operations.methods {
            methods.push(method.as_str());
            if *method == Method::GET {
                methods.push(Method::HEAD.as_str());
            }
        }
        methods.push(Method::OPTIONS.as_str());
        HeaderValue::from_str(&methods.join(", ")).ok()
    }

    /// Whether anyone may `GET` the path.
    pub fn is_public_read(&self, path: &str) -> bool {
        self.find(path)
            .is_some_and(|operations| operations.public_read)
    }
}

/// How an answer may be kept and shared, from what was asked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Audience {
    /// An anonymous read of public data: anyone may be given the same answer.
    Anyone,
    /// Everything else.
    Caller,
}

impl Audience {
    /// A read (`GET` or `HEAD`) of a public operation without credentials is for anyone.
    pub fn of(method: &Method, public_read: bool, sends_credentials: bool) -> Self {
        let read = *method == Method::GET || *method == Method::HEAD;
        if read && public_read && !sends_credentials {
            Self::Anyone
        } else {
            Self::Caller
        }
    }
}

/// The headers of an API answer for its audience: `Cache-Control` (a problem is never
/// kept), `Vary` and, for anyone, CORS.
pub fn set_headers(headers: &mut HeaderMap, audience: Audience, is_problem: bool) {
    let cache = match audience {
        Audience::Anyone if !is_problem => PUBLIC,
        _ => PRIVATE,
    };
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static(cache));
    // Accept-Language's own `Vary` comes from `i18n`.
    headers.append(header::VARY, HeaderValue::from_static("authorization"));
    if audience == Audience::Anyone {
        headers.insert(
            header::ACCESS_CONTROL_ALLOW_ORIGIN,
            HeaderValue::from_static("*"),
        );
        headers.insert(
            header::ACCESS_CONTROL_EXPOSE_HEADERS,
            HeaderValue::from_static(CORS_EXPOSED_HEADERS),
        );
    }
}

/// The answer to `OPTIONS` on a path the API has: `Allow`, and for a path anyone may read,
/// what a browser's preflight asks (only `GET` and `HEAD`, without credentials).
fn options_answer(allow: HeaderValue, public_read: bool) -> HttpResponse {
    let mut answer = HttpResponse::NoContent();
    answer
        .insert_header((header::ALLOW, allow))
        .insert_header((header::CACHE_CONTROL, PRIVATE));
    if public_read {
        answer
            .insert_header((header::ACCESS_CONTROL_ALLOW_ORIGIN, "*"))
            .insert_header((header::ACCESS_CONTROL_ALLOW_METHODS, "GET, HEAD"))
            .insert_header((header::ACCESS_CONTROL_ALLOW_HEADERS, CORS_REQUEST_HEADERS))
            .insert_header((header::ACCESS_CONTROL_MAX_AGE, CORS_MAX_AGE));
    }
    answer.finish()
}

/// The middleware around the whole application. `HEAD` becomes `GET` for every path (the
/// web client's files and the documents too); the rest applies to `/api/`.
pub async fn middleware<B: MessageBody>(
    mut request: ServiceRequest,
    next: Next<B>,
) -> actix_web::Result<ServiceResponse<EitherBody<B>>> {
    // The connection knows the request was a HEAD and sends no body.
    let head = request.method() == Method::HEAD;
    if head {
        request.head_mut().method = Method::GET;
    }
    if !request.path().starts_with("/api/") {
        return Ok(without_stream(next.call(request).await?, head));
    }
    let operations = request.app_data::<web::Data<Operations>>().cloned();
    let public_read = operations
        .as_ref()
        .is_some_and(|operations| operations.is_public_read(request.path()));
    if request.method() == Method::OPTIONS
        && let Some(allow) = operations.and_then(|operations| operations.allow(request.path()))
    {
        let answer = options_answer(allow, public_read);
        return Ok(request.into_response(answer).map_into_right_body());
    }
    let sends_credentials = request.headers().contains_key(header::AUTHORIZATION);
    let audience = Audience::of(request.method(), public_read, sends_credentials);
    let mut response = next.call(request).await?;
    let is_problem = crate::error::is_problem(response.headers());
    set_headers(response.headers_mut(), audience, is_problem);
    Ok(without_stream(response, head))
}

/// The answer to a `HEAD` drops a streamed body (an open-data file) unread, rather than
/// producing it for nothing; a body already in memory keeps its `Content-Length`.
fn without_stream<B: MessageBody>(
    response: ServiceResponse<B>,
    head: bool,
) -> ServiceResponse<EitherBody<B>> {
    if head && matches!(response.response().body().size(), BodySize::Stream) {
        response
            .map_body(|_, _| BoxBody::new(actix_web::body::None::new()))
            .map_into_right_body()
    } else {
        response.map_into_left_body()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_an_anonymous_read_of_public_data_is_for_anyone() {
        assert_eq!(Audience::of(&Method::GET, true, false), Audience::Anyone);
        assert_eq!(Audience::of(&Method::HEAD, true, false), Audience::Anyone);
        assert_eq!(Audience::of(&Method::GET, true, true), Audience::Caller);
        assert_eq!(Audience::of(&Method::GET, false, false), Audience::Caller);
        assert_eq!(Audience::of(&Method::POST, true, false), Audience::Caller);
    }

    fn value(headers: &HeaderMap, name: header::HeaderName) -> &str {
        headers
            .get(name)
            .and_then(|value| value.to_str().ok())
            .unwrap_or_default()
    }

    #[test]
    fn a_problem_or_a_callers_answer_is_never_kept_and_only_anyones_is_shared() {
        let mut anyone = HeaderMap::new();
        set_headers(&mut anyone, Audience::Anyone, false);
        assert_eq!(value(&anyone, header::CACHE_CONTROL), PUBLIC);
        assert_eq!(value(&anyone, header::ACCESS_CONTROL_ALLOW_ORIGIN), "*");
        let mut problem = HeaderMap::new();
        set_headers(&mut problem, Audience::Anyone, true);
        assert_eq!(value(&problem, header::CACHE_CONTROL), PRIVATE);
        let mut caller = HeaderMap::new();
        set_headers(&mut caller, Audience::Caller, false);
        assert_eq!(value(&caller, header::CACHE_CONTROL), PRIVATE);
        assert_eq!(value(&caller, header::ACCESS_CONTROL_ALLOW_ORIGIN), "");
        assert_eq!(value(&caller, header::VARY), "authorization");
    }
}
