//! The OpenAPI document: its header here, its paths and schemas collected from the
//! handlers by utoipa-actix-web (see `startup::api`).

use utoipa::openapi::path::{Operation, ParameterBuilder, ParameterIn, PathItem};
use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::openapi::{Ref, RefOr, ResponseBuilder, content::ContentBuilder};
use utoipa::{IntoParams, Modify, OpenApi};

use crate::idempotency;

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
        (name = "webhooks", description = "An organisation's webhooks: where events are sent, signed by the Standard Webhooks scheme."),
        (name = "changes", description = "Incremental sync: the latest change of every object you may see, oldest first."),
        (name = "admin", description = "Platform administration."),
        (name = "labs", description = "Innovation labs: phases, participants and indicators."),
        (name = "needs", description = "What labs are looking for from local actors."),
        (name = "ideas", description = "Ideas posted to labs, with votes and comments."),
        (name = "search", description = "Full-text search across labs, needs and ideas."),
        (name = "offerings", description = "Actors' offerings and the suggestions that pair them with needs."),
        (name = "matches", description = "Matches between needs and offerings, and their threads."),
        (name = "notifications", description = "The signed-in person's in-app notifications, how they are mailed, and unsubscribing."),
        (name = "moderation", description = "Reports of content, and the moderators' queue and decisions (platform admins; a lab's hosts for its ideas and comments)."),
        (name = "statistics", description = "The platform's public figures."),
        (name = "open-data", description = "The public records as CSV and JSON files, with a dictionary of their columns."),
        (name = "methods", description = "The method bank: verified methods, their evidence on Nesta's scale, and the adoptions that spread them."),
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

/// `If-Match` on a change: the `ETag` (version) you read.
#[derive(IntoParams)]
#[into_params(names("If-Match"), parameter_in = Header)]
#[allow(dead_code)]
pub struct IfMatchHeader(
    /// The `ETag` of your last read, such as `"3"`. Required: without it 428, with an old one 412.
    String,
);

/// What every operation shares by convention, added once to the generated document:
/// `Idempotency-Key` on every authenticated `POST` (see `crate::idempotency`), with the
/// answers it can give; `If-None-Match` and its 304 on every read that answers JSON; 400
/// (not JSON) and 413 (too large) on every operation that takes a
/// body; 401 everywhere, since
/// credentials that are sent are checked on every route (see
/// `crate::auth::caller::check_credentials`); and 429 everywhere, for an API key over its
/// limit (see `crate::rate_limit`).
pub fn add_conventions(openapi: &mut utoipa::openapi::OpenApi) {
    for item in openapi.paths.paths.values_mut() {
        for operation in operations_mut(item) {
            add_problem_response(
                operation,
                "401",
                "Credentials were sent but are invalid, expired or revoked (or this needs them).",
            );
            add_problem_response(
                operation,
                "503",
                "The database cannot be reached right now, or did not answer in time: \
                 `Retry-After` says when to try again.",
            );
            add_problem_response(
                operation,
                "429",
                "An API key over its limit of requests a minute (600 unless set otherwise): \
                 `Retry-After` says when to try again. Every answer to a key carries \
                 `RateLimit-Limit`, `RateLimit-Remaining` and `RateLimit-Reset`.",
            );
            if operation.request_body.is_some() {
                add_problem_response(
                    operation,
                    "400",
                    "The request body is not JSON of the documented shape.",
                );
                add_problem_response(
                    operation,
                    "413",
                    &format!(
                        "The request body is larger than {} bytes.",
                        crate::error::JSON_BODY_LIMIT
                    ),
                );
            }
        }
        if let Some(get) = item.get.as_mut()
            && answers_json(get)
        {
            add_if_none_match(get);
        }
        if let Some(post) = item.post.as_mut()
            && post
                .security
                .as_ref()
                .is_some_and(|security| !security.is_empty())
        {
            add_idempotency_key(post);
        }
    }
}

/// Every operation of a path.
fn operations_mut(item: &mut PathItem) -> impl Iterator<Item = &mut Operation> {
    [
        item.get.as_mut(),
        item.post.as_mut(),
        item.put.as_mut(),
        item.patch.as_mut(),
        item.delete.as_mut(),
    ]
    .into_iter()
    .flatten()
}

/// Whether the operation's 200 is JSON (which `preconditions::conditional_reads` tags).
fn answers_json(operation: &Operation) -> bool {
    matches!(
        operation.responses.responses.get("200"),
        Some(RefOr::T(response)) if response.content.contains_key("application/json")
    )
}

/// `If-None-Match` and its `304` on a read (see `preconditions::conditional_reads`).
fn add_if_none_match(operation: &mut Operation) {
    let parameter = ParameterBuilder::new()
        .name("If-None-Match")
        .parameter_in(ParameterIn::Header)
        .required(utoipa::openapi::Required::False)
        .description(Some(
            "The `ETag` of an earlier answer: if what would be sent is the same, the answer \
             is `304 Not Modified` without a body.",
        ))
        .schema(Some(
            utoipa::openapi::ObjectBuilder::new()
                .schema_type(utoipa::openapi::schema::Type::String),
        ))
        .build();
    operation
        .parameters
        .get_or_insert_with(Vec::new)
        .push(RefOr::T(parameter));
    operation
        .responses
        .responses
        .entry("304".to_owned())
        .or_insert_with(|| {
            RefOr::T(
                ResponseBuilder::new()
                    .description("Not Modified: `If-None-Match` named the current `ETag`.")
                    .build(),
            )
        });
}

fn add_idempotency_key(operation: &mut Operation) {
    let parameter = ParameterBuilder::new()
        .name("Idempotency-Key")
        .parameter_in(ParameterIn::Header)
        .description(Some(format!(
            "Makes a retry safe: the same key with the same request within 24 hours returns \
             the first answer (with `{}: true`) and creates nothing twice. 1–{} visible ASCII \
             characters, such as a UUID.",
            idempotency::REPLAYED_HEADER,
            idempotency::MAX_KEY_LENGTH
        )))
        .schema(Some(
            utoipa::openapi::ObjectBuilder::new()
                .schema_type(utoipa::openapi::schema::Type::String)
                .min_length(Some(1))
                .max_length(Some(idempotency::MAX_KEY_LENGTH))
                .pattern(Some("^[!-~]+$")),
        ))
        .build();
    operation
        .parameters
        .get_or_insert_with(Vec::new)
        .push(RefOr::T(parameter));
    add_problem_response(operation, "400", "Malformed JSON or Idempotency-Key.");
    add_problem_response(
        operation,
        "409",
        "A conflict, or a request with this Idempotency-Key is still being handled.",
    );
    add_problem_response(
        operation,
        "422",
        "Invalid fields, or an Idempotency-Key used before with a different request.",
    );
}

/// Documents a problem+json answer, unless the operation already documents that status.
fn add_problem_response(operation: &mut Operation, status: &str, description: &str) {
    operation
        .responses
        .responses
        .entry(status.to_owned())
        .or_insert_with(|| {
            RefOr::T(
                ResponseBuilder::new()
                    .description(description)
                    .content(
                        shared::problem::PROBLEM_CONTENT_TYPE,
                        ContentBuilder::new()
                            .schema(Some(Ref::from_schema_name("Problem")))
                            .build(),
                    )
                    .build(),
            )
        });
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

/// The error answers operations share, to list in `responses(...)` by name. Each is a
/// `Problem` as `application/problem+json`.
#[allow(dead_code)]
pub mod problems {
    use shared::Problem;
    use utoipa::IntoResponses;

    /// One named problem answer: its status and what it means.
    macro_rules! problem {
        ($name:ident, $status:literal, $description:literal) => {
            #[derive(IntoResponses)]
            #[response(status = $status, description = $description, content_type = "application/problem+json")]
            pub struct $name(Problem);
        };
    }

    problem!(
        BadRequest,
        400,
        "A malformed parameter, cursor or JSON body."
    );
    problem!(Unauthorized, 401, "Not signed in, or invalid credentials.");
    problem!(Forbidden, 403, "Signed in, but not allowed to do this.");
    problem!(
        PersonOnly,
        403,
        "Only a signed-in person may do this, not an API key."
    );
    problem!(NotFound, 404, "No such resource, or one you may not see.");
    problem!(
        Conflict,
        409,
        "Conflicts with the current state; `allowed` lists the possible moves."
    );
    problem!(
        PreconditionFailed,
        412,
        "`If-Match` names an old version: someone else changed it. `current_version` says the new one."
    );
    problem!(
        Unprocessable,
        422,
        "Invalid fields, one entry per field in `errors`."
    );
    problem!(PreconditionRequired, 428, "`If-Match` is missing.");
    problem!(
        TooManyRequests,
        429,
        "Too many attempts; `Retry-After` says when to try again."
    );
}
