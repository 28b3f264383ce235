//! The OpenAPI document: its header here, its paths and schemas collected from the
//! handlers by utoipa-actix-web (see `startup::api`).

use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::{Modify, OpenApi};

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
        (name = "auth", description = "Accounts and sessions of people."),
        (name = "me", description = "The signed-in person."),
        (name = "organizations", description = "Organisations and their members."),
        (name = "api-keys", description = "Partner systems' API keys."),
        (name = "admin", description = "Platform administration."),
    ),
    modifiers(&SecuritySchemes),
)]
pub struct ApiDoc;

/// The two ways to authenticate, both as `Authorization: Bearer …`.
struct SecuritySchemes;

impl Modify for SecuritySchemes {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer_jwt",
            SecurityScheme::Http(
                HttpBuilder::new()
                    .scheme(HttpAuthScheme::Bearer)
                    .bearer_format("JWT")
                    .description(Some(
                        "A person's access token from POST /api/v1/auth/login (valid 15 minutes).",
                    ))
                    .build(),
            ),
        );
        components.add_security_scheme(
            "api_key",
            SecurityScheme::Http(
                HttpBuilder::new()
                    .scheme(HttpAuthScheme::Bearer)
                    .bearer_format("ilk_…")
                    .description(Some("A partner system's API key (starts with ilk_), acting for its organisation within its scopes."))
                    .build(),
            ),
        );
    }
}

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
