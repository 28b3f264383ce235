//! The Content-Security-Policy of every answer, by what it is: a page of the web client,
//! the Swagger UI of the API's documentation, or anything else (JSON, files), which no
//! browser should run or frame.

use actix_web::body::MessageBody;
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::header::{CONTENT_SECURITY_POLICY, HeaderValue};
use actix_web::middleware::Next;

/// The web client: only its own files, scripts and API; `'wasm-unsafe-eval'` compiles its
/// WebAssembly (and allows nothing else of `eval`); no inline script or style, no framing by
/// other sites. Should a description's sanitiser ever let markup through, it can run nothing.
pub const CLIENT: &str = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; \
    style-src 'self'; img-src 'self'; connect-src 'self'; frame-ancestors 'none'; \
    base-uri 'none'; form-action 'self'; object-src 'none'";

/// Swagger UI (`/docs/`): its own scripts, which set inline styles (without
/// `'unsafe-inline'` it breaks, checked), and its stylesheet's icons, `data:` images (select
/// arrows, close buttons); it calls the API to try operations out.
pub const DOCS: &str = "default-src 'self'; script-src 'self'; \
    style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; \
    frame-ancestors 'none'; base-uri 'none'; form-action 'self'; object-src 'none'";

/// Everything else: an answer of the API is data, never a document to run.
pub const DATA: &str = "default-src 'none'; frame-ancestors 'none'";

/// The policy for a request's path.
pub fn for_path(path: &str) -> &'static str {
    if path == "/docs" || path.starts_with("/docs/") {
        DOCS
    } else if path == "/api" || path.starts_with("/api/") || path.starts_with("/api-docs/") {
        DATA
    } else {
        CLIENT
    }
}

/// Sets the policy on every answer.
pub async fn middleware(
    request: ServiceRequest,
    next: Next<impl MessageBody>,
) -> actix_web::Result<ServiceResponse<impl MessageBody>> {
    let policy = for_path(request.path());
    let mut response = next.call(request).await?;
    response
        .headers_mut()
        .insert(CONTENT_SECURITY_POLICY, HeaderValue::from_static(policy));
    Ok(response)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_kind_of_answer_gets_its_own_policy() {
        assert_eq!(for_path("/"), CLIENT);
        assert_eq!(
            for_path("/labs/0190a0e8-0000-7000-8000-000000000000"),
            CLIENT
        );
        assert_eq!(for_path("/docs/"), DOCS);
        assert_eq!(for_path("/docs/swagger-ui.css"), DOCS);
        assert_eq!(for_path("/api/v1/labs"), DATA);
        assert_eq!(for_path("/api-docs/openapi.json"), DATA);
        // A client route that merely starts like one of them is still the client's.
        assert_eq!(for_path("/docsearch"), CLIENT);
    }
}
