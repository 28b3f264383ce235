use std::path::PathBuf;

use innolabb_tests::{TestApp, installed_tool, workspace_root};

#[test]
fn the_committed_openapi_document_is_what_the_code_generates() -> anyhow::Result<()> {
    let generated = api::openapi::document_json()?;
    let committed = std::fs::read_to_string(workspace_root().join("openapi/openapi.json"))?;
    assert!(
        generated == committed,
        "openapi/openapi.json is out of date: run `cargo xtask openapi` and commit it"
    );
    Ok(())
}

#[test]
fn every_operation_has_a_summary_a_tag_and_its_responses() {
    let document = api::openapi::document();
    let mut operations = 0;
    for (path, item) in &document.paths.paths {
        for (_, operation) in api::http_edges::operations_of(item) {
            let Some(operation) = operation else { continue };
            operations += 1;
            assert!(
                operation.summary.as_deref().is_some_and(|s| !s.is_empty()),
                "{path} has no summary"
            );
            assert!(
                operation.tags.as_ref().is_some_and(|t| !t.is_empty()),
                "{path} has no tag"
            );
            assert!(
                !operation.responses.responses.is_empty(),
                "{path} documents no response"
            );
        }
    }
    assert!(operations >= 5);
}

#[test]
fn every_body_with_a_documented_limit_documents_the_422_that_enforces_it() -> anyhow::Result<()> {
    // Body<T> refuses a text longer than its maxLength with a 422; clients must be told.
    let document = serde_json::to_value(api::openapi::document())?;
    let schemas = &document["components"]["schemas"];
    let mut checked = 0;
    for (path, item) in document["paths"].as_object().into_iter().flatten() {
        for (method, operation) in item.as_object().into_iter().flatten() {
            let body = &operation["requestBody"]["content"]["application/json"]["schema"]["$ref"];
            let Some(name) = body.as_str().and_then(|r| r.rsplit('/').next()) else {
                continue;
            };
            let limited = schemas[name]["properties"]
                .as_object()
                .into_iter()
                .flatten()
                .any(|(_, property)| property.get("maxLength").is_some());
            if limited {
                checked += 1;
                assert!(
                    operation["responses"].get("422").is_some(),
                    "{method} {path} ({name}) does not document its 422"
                );
            }
        }
    }
    assert!(checked > 30, "only {checked} bodies with limits");
    Ok(())
}

#[tokio::test]
async fn the_document_and_swagger_ui_are_served() -> anyhow::Result<()> {
    let app = TestApp::spawn().await?;
    let served: serde_json::Value = app.get_json("/api-docs/openapi.json").await?;
    assert_eq!(served, serde_json::to_value(api::openapi::document())?);
    assert!(
        served["openapi"]
            .as_str()
            .is_some_and(|v| v.starts_with("3.1"))
    );
    assert!(served["paths"]["/api/v1/municipalities"]["get"].is_object());

    let redirect = app.get("/docs").await?;
    assert!(redirect.status().is_redirection());
    assert_eq!(redirect.headers()["location"], "/docs/");
    let page = app.get("/docs/").await?;
    assert_eq!(page.status(), 200);
    assert!(page.text().await?.contains("swagger-ui"));
    Ok(())
}

/// The verbs an operation id may start with: generated clients name their functions by
/// the id, so `list_labs` must say what it does and to what.
const VERBS: [&str; 37] = [
    "list",
    "reject",
    "get",
    "create",
    "update",
    "add",
    "remove",
    "change",
    "accept",
    "decline",
    "withdraw",
    "start",
    "complete",
    "post",
    "mark",
    "register",
    "refresh",
    "end",
    "search",
    "verify",
    "revoke",
    "publish",
    "retire",
    "review",
    "adopt",
    "delete",
    "rotate",
    "ping",
    "redeliver",
    "suggest",
    "request",
    "confirm",
    "send",
    "unsubscribe",
    "resolve",
    "restore",
    "export",
];

#[test]
fn every_operation_id_is_a_unique_verb_noun() {
    let mut seen = std::collections::BTreeMap::new();
    for (path, item) in &api::openapi::document().paths.paths {
        for (method, operation) in api::http_edges::operations_of(item) {
            let Some(operation) = operation else { continue };
            let id = operation.operation_id.clone().unwrap_or_default();
            let words: Vec<&str> = id.split('_').collect();
            assert!(
                words.len() >= 2
                    && VERBS.contains(&words[0])
                    && words.iter().all(|word| {
                        !word.is_empty() && word.chars().all(|c| c.is_ascii_lowercase())
                    }),
                "{method} {path}: operation id {id:?} is not verb_noun"
            );
            if let Some(other) = seen.insert(id.clone(), format!("{method} {path}")) {
                panic!("{method} {path} repeats the operation id {id:?} of {other}");
            }
        }
    }
    assert!(seen.len() >= 70, "only {} operations", seen.len());
}

#[test]
fn the_committed_document_passes_an_openapi_validator() -> anyhow::Result<()> {
    let validator = installed_tool("OPENAPI_SPEC_VALIDATOR")?;
    let output = std::process::Command::new(validator)
        .arg(workspace_root().join("openapi/openapi.json"))
        .output()?;
    let report = format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(
        output.status.success() && report.contains("OK"),
        "openapi-spec-validator refused the document:\n{report}"
    );
    Ok(())
}

/// A partner generates a Python client from the committed document and, with an API key,
/// lists labs and organisations and reads one lab through it.
#[tokio::test]
async fn a_generated_python_client_reads_labs_and_organisations_with_an_api_key()
-> anyhow::Result<()> {
    let generator = installed_tool("OPENAPI_PYTHON_CLIENT")?;
    let python = installed_tool("PYTHON")?;
    let app = TestApp::spawn().await?;
    let maria = app.sign_up("Maria Svensson").await?;
    let organization = app.create_organization(&maria, "Hyresbostäder", 1).await?;
    let lab = app
        .create_lab(&maria, organization.id, "Portalen", "members")
        .await?;
    let (_, key) = app
        .create_api_key(&maria, organization.id, &["read"])
        .await?;

    let scratch = tempfile::tempdir()?;
    let package = scratch.path().join("innolabb_client");
    // The generator formats its output with ruff, which sits beside it.
    let tools = generator.parent().map(PathBuf::from).unwrap_or_default();
    let path = std::env::join_paths(std::iter::once(tools).chain(std::env::split_paths(
        &std::env::var_os("PATH").unwrap_or_default(),
    )))?;
    let generated = std::process::Command::new(&generator)
        .args(["generate", "--meta", "none", "--fail-on-warning", "--path"])
        .arg(workspace_root().join("openapi/openapi.json"))
        .arg("--output-path")
        .arg(&package)
        .env("PATH", &path)
        .output()?;
    let report = format!(
        "{}{}",
        String::from_utf8_lossy(&generated.stdout),
        String::from_utf8_lossy(&generated.stderr)
    );
    assert!(
        generated.status.success() && !report.to_lowercase().contains("warning"),
        "openapi-python-client failed or warned:\n{report}"
    );

    let script = r#"
import json, sys
from innolabb_client import AuthenticatedClient
from innolabb_client.api.labs import get_lab, list_labs
from innolabb_client.api.organizations import list_organizations, list_organization_members

base_url, key, lab_id, organization_id = sys.argv[1:]
client = AuthenticatedClient(base_url=base_url, token=key, raise_on_unexpected_status=True)
labs = list_labs.sync(client=client, limit=10)
organizations = list_organizations.sync(client=client)
members = list_organization_members.sync(client=client, id=organization_id)
lab = get_lab.sync(client=client, id=lab_id)
print(json.dumps({
    "labs": [item.title for item in labs.items],
    "organizations": [item.name for item in organizations.items],
    "members": len(members.items),
    "lab": {"id": str(lab.id), "title": lab.title, "phase": lab.phase.value},
}))
"#;
    let run = tokio::task::spawn_blocking({
        let (base_url, lab_id, organization_id) =
            (app.url(""), lab.id.to_string(), organization.id.to_string());
        let scratch = scratch.path().to_owned();
        move || {
            std::process::Command::new(python)
                .args(["-c", script, &base_url, &key, &lab_id, &organization_id])
                .env("PYTHONPATH", scratch)
                .output()
        }
    })
    .await??;
    assert!(
        run.status.success(),
        "the generated client failed:\n{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let answer: serde_json::Value = serde_json::from_slice(&run.stdout)?;
    assert_eq!(
        answer["labs"],
        serde_json::json!(["Portalen"]),
        "a members-only lab, seen by its key"
    );
    assert_eq!(
        answer["organizations"],
        serde_json::json!(["Hyresbostäder"])
    );
    assert_eq!(answer["members"], 1);
    assert_eq!(
        answer["lab"],
        serde_json::json!({"id": lab.id.to_string(), "title": "Portalen", "phase": "forming"})
    );
    Ok(())
}

/// The document states the length limits the API checks (`shared::limits`): utoipa's
/// attributes take only literals, so this holds the two together.
#[test]
fn the_documented_lengths_are_the_ones_the_api_checks() -> anyhow::Result<()> {
    use shared::limits::{self, Length};
    let document = serde_json::to_value(api::openapi::document())?;
    let schemas = &document["components"]["schemas"];
    let table: &[(&str, &[&str], Length)] = &[
        (
            "title",
            &[
                "CreateLab",
                "UpdateLab",
                "CreateNeed",
                "UpdateNeed",
                "CreateIdea",
                "UpdateIdea",
                "CreateOffering",
                "UpdateOffering",
            ],
            limits::TITLE,
        ),
        (
            "name",
            &[
                "CreateOrganization",
                "UpdateOrganization",
                "CreateIndicator",
            ],
            limits::TITLE,
        ),
        ("summary", &["CreateLab", "UpdateLab"], limits::SUMMARY),
        (
            "description",
            &["CreateLab", "UpdateLab"],
            limits::LAB_DESCRIPTION,
        ),
        (
            "description",
            &[
                "CreateNeed",
                "UpdateNeed",
                "CreateOffering",
                "UpdateOffering",
                "CreateOrganization",
                "UpdateOrganization",
            ],
            limits::DESCRIPTION,
        ),
        (
            "neighbourhood",
            &["CreateLab", "UpdateLab"],
            limits::NEIGHBOURHOOD,
        ),
        ("unit", &["CreateIndicator"], limits::UNIT),
        ("note", &["CreateMeasurement"], limits::MEASUREMENT_NOTE),
        ("note", &["ChangePhase"], limits::REASON),
        (
            "reason",
            &["ChangeIdeaStatus", "MatchDecision"],
            limits::REASON,
        ),
        ("body", &["CreateIdea", "UpdateIdea"], limits::IDEA_BODY),
        (
            "body",
            &["CreateComment", "CreateMatchMessage"],
            limits::COMMENT,
        ),
        ("message", &["CreateMatch"], limits::MESSAGE),
        ("outcome", &["MatchDecision"], limits::MESSAGE),
        (
            "display_name",
            &["RegisterRequest", "UpdateMe"],
            limits::DISPLAY_NAME,
        ),
        ("name", &["CreateApiKey"], limits::API_KEY_NAME),
        (
            "title",
            &["CreateMethod", "UpdateMethod", "Link", "Resource"],
            limits::TITLE,
        ),
        (
            "summary",
            &["CreateMethod", "UpdateMethod"],
            limits::SUMMARY,
        ),
        (
            "problem",
            &["CreateMethod", "UpdateMethod"],
            limits::METHOD_TEXT,
        ),
        (
            "approach",
            &["CreateMethod", "UpdateMethod"],
            limits::METHOD_TEXT,
        ),
        (
            "results",
            &["CreateMethod", "UpdateMethod"],
            limits::METHOD_TEXT,
        ),
        (
            "licence",
            &["CreateMethod", "UpdateMethod"],
            limits::LICENCE,
        ),
        ("staff", &["Transfer"], limits::TRANSFER),
        ("time", &["Transfer"], limits::TRANSFER),
        ("cost_range", &["Transfer"], limits::TRANSFER),
        ("prerequisites", &["Transfer"], limits::TRANSFER),
        ("url", &["Link", "Resource"], limits::URL),
        ("summary", &["CreateEvidence"], limits::EVIDENCE_SUMMARY),
        (
            "reason",
            &["RetireMethod", "RejectOrganization"],
            limits::REQUIRED_REASON,
        ),
        ("note", &["ReviewMethod"], limits::REASON),
        (
            "neighbourhood",
            &["CreateAdoption", "UpdateAdoption"],
            limits::NEIGHBOURHOOD,
        ),
        (
            "adaptations",
            &["CreateAdoption", "UpdateAdoption"],
            limits::MESSAGE,
        ),
        (
            "outcome",
            &["CreateAdoption", "UpdateAdoption"],
            limits::MESSAGE,
        ),
    ];
    for (property, schema_names, limit) in table {
        for schema in *schema_names {
            let field = &schemas[*schema]["properties"][*property];
            assert_eq!(
                field["maxLength"].as_u64(),
                Some(limit.max as u64),
                "{schema}.{property}: {field}"
            );
            let min = field["minLength"].as_u64().unwrap_or(0);
            assert_eq!(min, limit.min as u64, "{schema}.{property}: {field}");
        }
    }
    Ok(())
}
