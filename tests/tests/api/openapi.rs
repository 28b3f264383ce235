use innolabb_tests::{TestApp, workspace_root};

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
        for operation in [&item.get, &item.post, &item.put, &item.patch, &item.delete]
            .into_iter()
            .flatten()
        {
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
