//! Serving the built web client: its files, and `index.html` for every other path so that
//! the client's own router can show deep links such as `/labs/…`.

use std::path::{Path, PathBuf};

use actix_files::{Files, NamedFile};
use actix_web::body::MessageBody;
use actix_web::dev::{ServiceRequest, ServiceResponse, fn_service};
use actix_web::http::header::{CACHE_CONTROL, CONTENT_TYPE, HeaderValue};
use actix_web::middleware::{Next, from_fn};
use actix_web::{HttpResponse, web};

use crate::error::ApiError;

/// Serves the files of `static_dir` at `/`, falling back to its `index.html`; or, when the
/// client is not built, answers every such path with a problem that says so.
pub fn configure(static_dir: &Path) -> impl FnOnce(&mut web::ServiceConfig) + use<> {
    let index = static_dir.join("index.html");
    let static_dir = static_dir.to_path_buf();
    move |config| {
        if !index.is_file() {
            tracing::warn!(
                static_dir = %static_dir.display(),
                "the web client is not built there; `cargo xtask run` builds it"
            );
            config.default_service(web::to(not_built));
            return;
        }
        config.service(
            web::scope("").wrap(from_fn(cache_rules)).service(
                Files::new("", &static_dir)
                    .index_file("index.html")
                    .try_compressed()
                    .default_handler(fn_service(move |request: ServiceRequest| {
                        let index = index.clone();
                        async move { serve_index(request, index).await }
                    })),
            ),
        );
    }
}

async fn not_built() -> Result<HttpResponse, ApiError> {
    Err(ApiError::NotFound)
}

async fn serve_index(
    request: ServiceRequest,
    index: PathBuf,
) -> actix_web::Result<ServiceResponse> {
    let (request, _) = request.into_parts();
    let file = NamedFile::open(&index).map_err(|_| ApiError::NotFound)?;
    let response = file.into_response(&request);
    Ok(ServiceResponse::new(request, response))
}

/// Files named by a hash of their content (`web_client_bg-<16 hex>.wasm`, made so by
/// `cargo xtask`) never change: a browser keeps them a year. Everything else, above all
/// `index.html`, which names those files, is checked with the server on every use — also
/// when a deep link that merely looks fingerprinted is answered with it.
async fn cache_rules(
    request: ServiceRequest,
    next: Next<impl MessageBody>,
) -> actix_web::Result<ServiceResponse<impl MessageBody>> {
    let fingerprinted = is_fingerprinted(request.path());
    let mut response = next.call(request).await?;
    let page = response
        .headers()
        .get(CONTENT_TYPE)
        .is_some_and(|value| value.as_bytes().starts_with(b"text/html"));
    let rule = if fingerprinted && !page {
        "public, max-age=31536000, immutable"
    } else {
        "no-cache"
    };
    response
        .headers_mut()
        .insert(CACHE_CONTROL, HeaderValue::from_static(rule));
    Ok(response)
}

/// Whether the last part of `path` is `name-<16 hex digits>.extension`.
fn is_fingerprinted(path: &str) -> bool {
    let name = path.rsplit('/').next().unwrap_or(path);
    let Some((stem, _extension)) = name.split_once('.') else {
        return false;
    };
    stem.rsplit_once('-').is_some_and(|(_, hash)| {
        hash.len() == 16 && hash.bytes().all(|byte| byte.is_ascii_hexdigit())
    })
}

#[cfg(test)]
mod tests {
    use super::is_fingerprinted;

    #[test]
    fn only_names_carrying_a_content_hash_are_fingerprinted() {
        assert!(is_fingerprinted("/web_client_bg-0123456789abcdef.wasm"));
        assert!(is_fingerprinted("/style-fedcba9876543210.css"));
        assert!(!is_fingerprinted("/"));
        assert!(!is_fingerprinted("/index.html"));
        assert!(!is_fingerprinted("/favicon.svg"));
        assert!(!is_fingerprinted(
            "/labs/0190a0e8-0000-7000-8000-000000000000"
        ));
        assert!(!is_fingerprinted("/web_client_bg-0123456789abcdeg.wasm"));
        assert!(!is_fingerprinted("/a-0123456789abcdef/labs"));
    }
}
