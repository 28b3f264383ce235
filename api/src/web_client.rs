//! Serving the built web client: its files, and `index.html` for every other path so that
//! the client's own router can show deep links such as `/labs/…`.

use std::path::{Path, PathBuf};

use actix_files::{Files, NamedFile};
use actix_web::dev::{ServiceRequest, ServiceResponse, fn_service};
use actix_web::http::header::{CacheControl, CacheDirective};
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
            Files::new("/", &static_dir)
                .index_file("index.html")
                .default_handler(fn_service(move |request: ServiceRequest| {
                    let index = index.clone();
                    async move { serve_index(request, index).await }
                })),
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
    let mut response = file.into_response(&request);
    // The page names the client's files; never let a stale copy outlive a new build.
    response.headers_mut().insert(
        actix_web::http::header::CACHE_CONTROL,
        CacheControl(vec![CacheDirective::NoCache])
            .to_string()
            .parse()
            .map_err(|_| ApiError::NotFound)?,
    );
    Ok(ServiceResponse::new(request, response))
}
