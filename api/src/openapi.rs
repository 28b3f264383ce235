//! The OpenAPI document: its header here, its paths and schemas collected from the
//! handlers by utoipa-actix-web (see `startup::api`).

use utoipa::OpenApi;

#[derive(OpenApi)]
#[openapi(
    info(
        title = "Innolabb API",
        description = "The REST API of Innolabb, the platform of the public-housing innovation labs: \
labs, ideas, offerings, matches and the method bank.\n\n\
Conventions (see docs/API-DESIGN.md in the repository): JSON with snake_case fields; lists are \
`{items, next_cursor}`; every error is `application/problem+json` (RFC 9457).",
        license(name = "MIT OR Apache-2.0"),
    ),
    tags(
        (name = "health", description = "Liveness and readiness of the service."),
        (name = "reference", description = "Reference data: challenge areas, counties and municipalities."),
    ),
)]
pub struct ApiDoc;

/// The document, as served at `/api-docs/openapi.json` and committed as `openapi/openapi.json`.
pub fn document() -> utoipa::openapi::OpenApi {
    crate::startup::api().1
}

/// The document as the committed file holds it: pretty JSON and a final newline.
pub fn document_json() -> anyhow::Result<String> {
    let mut json = document().to_pretty_json()?;
    json.push('\n');
    Ok(json)
}
