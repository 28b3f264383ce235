//! The edges HTTP expects of every route (`api/src/http_edges.rs`), walked over every
//! operation of the OpenAPI document and the web client's pages, so that a new route
//! cannot forget them: security headers, `Cache-Control`, `Vary`, CORS only for anonymous
//! reads of public data, `HEAD` wherever `GET`, and `OPTIONS` with `Allow`.

use diesel_async::{AsyncConnection, AsyncPgConnection};
use innolabb_tests::TestApp;
use reqwest::Method;
use reqwest::header::HeaderMap;
use serde_json::Value;

const MADE_UP_ID: &str = "00000000-0000-7000-8000-000000000000";

/// The path with each parameter replaced by the first item the collection before it lists
/// to anyone (an open-data file by its name), so that public objects answer 200; a
/// parameter nothing names gets a made-up id, and its 404 must carry the same headers.
async fn concrete(app: &TestApp, template: &str) -> anyhow::Result<String> {
    let mut path = String::new();
    for segment in template.split('/').skip(1) {
        if !segment.starts_with('{') {
            path.push('/');
            path.push_str(segment);
            continue;
        }
        let listed: Value = match app.get(&path).await?.json().await {
            Ok(listed) => listed,
            Err(_) => Value::Null,
        };
        let first = &listed["items"][0];
        let id = match (first["id"].as_str(), first["name"].as_str()) {
            (Some(id), _) => id.to_owned(),
            (None, Some(file)) if path.ends_with("/open-data") => format!("{file}.json"),
            _ => MADE_UP_ID.to_owned(),
        };
        path.push('/');
        path.push_str(&id);
    }
    Ok(path)
}

fn header<'a>(headers: &'a HeaderMap, name: &str) -> &'a str {
    headers
        .get(name)
        .and_then(|value| value.to_str().ok())
        .unwrap_or("")
}

/// Every value of a header that may be sent several times, joined as one list.
fn all_of(headers: &HeaderMap, name: &str) -> String {
    headers
        .get_all(name)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .collect::<Vec<_>>()
        .join(", ")
        .to_ascii_lowercase()
}

/// What every answer of the API carries, whoever asks.
fn assert_security_headers(what: &str, headers: &HeaderMap) {
    assert_eq!(
        header(headers, "x-content-type-options"),
        "nosniff",
        "{what}"
    );
    assert_eq!(header(headers, "x-frame-options"), "DENY", "{what}");
    assert_eq!(
        header(headers, "content-security-policy"),
        api::content_policy::DATA,
        "{what}"
    );
    let vary = all_of(headers, "vary");
    assert!(
        vary.contains("authorization") && vary.contains("accept-language"),
        "{what}: Vary {vary:?}"
    );
}

/// The headers of an answer, less those that differ between any two answers (an `ETag` is
/// kept by name only: the open-data list names the moment it was made).
fn comparable(headers: &HeaderMap) -> Vec<(String, String)> {
    let mut list: Vec<(String, String)> = headers
        .iter()
        .filter(|(name, _)| !matches!(name.as_str(), "date" | "x-request-id"))
        .map(|(name, value)| {
            let value = match name.as_str() {
                "etag" => "…",
                _ => value.to_str().unwrap_or_default(),
            };
            (name.to_string(), value.to_owned())
        })
        .collect();
    list.sort();
    list
}

#[tokio::test]
async fn every_operation_answers_with_the_security_cache_cors_head_and_options_rules()
-> anyhow::Result<()> {
    let app = TestApp::spawn().await?;
    let mut conn = AsyncPgConnection::establish(&app.database_url).await?;
    innolabb_demo::seed::seed(&mut conn).await?;
    let token = app
        .login(
            "maria.lind@hyresbostader.example",
            innolabb_demo::seed::PASSWORD,
        )
        .await?
        .access_token;
    let document = api::openapi::document();
    let (mut operations, mut public_objects_shared) = (0, 0);
    for (template, item) in &document.paths.paths {
        let path = concrete(&app, template).await?;
        for (method, operation) in api::http_edges::operations_of(item) {
            let Some(operation) = operation else {
                continue;
            };
            let method = Method::from_bytes(method.as_str().as_bytes())?;
            operations += 1;
            let what = format!("{method} {path}");
            let public = method == Method::GET && api::http_edges::is_public(operation);
            // Anonymous, as a page of another site would ask; a write without a body
            // changes nothing.
            let anonymous = app
                .request(method.clone(), &path)
                .header("Accept-Encoding", "identity")
                .header("Origin", "https://bostadsbolaget.example")
                .send()
                .await?;
            let status = anonymous.status();
            assert!(!status.is_server_error(), "{what}: {status}");
            let headers = anonymous.headers().clone();
            let body = anonymous.bytes().await?;
            assert_security_headers(&what, &headers);
            let expected_cache = if public && status.is_success() {
                public_objects_shared += usize::from(status == 200 && template.contains('{'));
                api::http_edges::PUBLIC
            } else {
                api::http_edges::PRIVATE
            };
            assert_eq!(
                header(&headers, "cache-control"),
                expected_cache,
                "{what}: {status}"
            );
            let allowed_origin = header(&headers, "access-control-allow-origin");
            assert_eq!(
                allowed_origin == "*",
                public,
                "{what}: CORS {allowed_origin:?}"
            );
            assert!(
                headers.get("access-control-allow-credentials").is_none(),
                "{what}"
            );

            if method == Method::GET {
                // Signed in, the answer is the caller's own: never kept, never shared.
                let signed_in = app
                    .request(Method::GET, &path)
                    .bearer_auth(&token)
                    .header("Origin", "https://bostadsbolaget.example")
                    .send()
                    .await?;
                let signed_in_status = signed_in.status();
                assert!(!signed_in_status.is_server_error(), "{what} signed in");
                assert_security_headers(&what, signed_in.headers());
                assert_eq!(
                    header(signed_in.headers(), "cache-control"),
                    api::http_edges::PRIVATE,
                    "{what} signed in: {signed_in_status}"
                );
                assert!(
                    signed_in
                        .headers()
                        .get("access-control-allow-origin")
                        .is_none(),
                    "{what} signed in"
                );
                // HEAD: the same status and headers, no body.
                let head = app
                    .request(Method::HEAD, &path)
                    .header("Accept-Encoding", "identity")
                    .header("Origin", "https://bostadsbolaget.example")
                    .send()
                    .await?;
                assert_eq!(head.status(), status, "HEAD {path}");
                let head_headers = head.headers().clone();
                assert!(head.bytes().await?.is_empty(), "HEAD {path} sent a body");
                if header(&headers, "content-length").is_empty() {
                    // A streamed file is not produced for a HEAD; its length is unknown.
                    let without_length = |headers: &HeaderMap| {
                        let mut list = comparable(headers);
                        list.retain(|(name, _)| name != "transfer-encoding");
                        list
                    };
                    assert_eq!(
                        without_length(&head_headers),
                        without_length(&headers),
                        "HEAD {path}"
                    );
                } else {
                    assert_eq!(
                        header(&head_headers, "content-length"),
                        body.len().to_string(),
                        "HEAD {path}"
                    );
                    assert_eq!(
                        comparable(&head_headers),
                        comparable(&headers),
                        "HEAD {path}"
                    );
                }
            }
        }
        // OPTIONS: what the path answers, and a browser's preflight allowed only for a
        // public read.
        let public_read = item.get.as_ref().is_some_and(api::http_edges::is_public);
        for requested in ["GET", "POST"] {
            let options = app
                .request(Method::OPTIONS, &path)
                .header("Origin", "https://bostadsbolaget.example")
                .header("Access-Control-Request-Method", requested)
                .send()
                .await?;
            assert_eq!(options.status(), 204, "OPTIONS {path}");
            let allow = header(options.headers(), "allow");
            for (method, operation) in api::http_edges::operations_of(item) {
                assert_eq!(
                    allow.split(", ").any(|allowed| allowed == method.as_str()),
                    operation.is_some(),
                    "OPTIONS {path}: Allow {allow}"
                );
            }
            assert_eq!(
                allow.contains("HEAD"),
                item.get.is_some(),
                "OPTIONS {path}: Allow {allow}"
            );
            let preflight = header(options.headers(), "access-control-allow-methods");
            assert_eq!(
                preflight,
                if public_read { "GET, HEAD" } else { "" },
                "OPTIONS {path} asking for {requested}"
            );
            assert_eq!(
                header(options.headers(), "access-control-allow-origin") == "*",
                public_read,
                "OPTIONS {path}"
            );
            assert!(
                !header(options.headers(), "access-control-allow-headers")
                    .to_ascii_lowercase()
                    .contains("authorization"),
                "OPTIONS {path}: credentials stay same-origin"
            );
        }
    }
    assert!(operations >= 90, "only {operations} operations walked");
    assert!(
        public_objects_shared >= 15,
        "only {public_objects_shared} public objects answered 200: are ids found?"
    );
    Ok(())
}

#[tokio::test]
async fn the_client_pages_and_documents_carry_the_security_headers_and_answer_head()
-> anyhow::Result<()> {
    let app = TestApp::spawn().await?;
    let page = app.get("/").await?.text().await?;
    let files: Vec<&str> = page
        .split('"')
        .filter(|part| part.starts_with('/') && part.contains('.'))
        .collect();
    assert!(files.len() >= 3, "index.html names {files:?}");
    let pages = [
        "/",
        "/labs",
        "/labs/0190a0e8-0000-7000-8000-000000000000",
        "/statistics",
    ];
    let documents = ["/docs/", "/api-docs/openapi.json"];
    for path in pages.iter().chain(&files).chain(&documents) {
        let get = app
            .request(Method::GET, path)
            .header("Accept-Encoding", "identity")
            .send()
            .await?;
        assert_eq!(get.status(), 200, "{path}");
        let headers = get.headers().clone();
        let length = get.bytes().await?.len();
        assert_eq!(
            header(&headers, "x-content-type-options"),
            "nosniff",
            "{path}"
        );
        assert_eq!(header(&headers, "x-frame-options"), "DENY", "{path}");
        assert_eq!(
            header(&headers, "content-security-policy"),
            api::content_policy::for_path(path),
            "{path}"
        );
        if pages.contains(path) {
            assert_eq!(header(&headers, "cache-control"), "no-cache", "{path}");
        } else if files.contains(path) && path.contains('-') {
            assert!(
                header(&headers, "cache-control").contains("immutable"),
                "{path}"
            );
        }
        let head = app
            .request(Method::HEAD, path)
            .header("Accept-Encoding", "identity")
            .send()
            .await?;
        assert_eq!(head.status(), 200, "HEAD {path}");
        assert_eq!(
            header(head.headers(), "content-length"),
            length.to_string(),
            "HEAD {path}"
        );
        assert!(head.bytes().await?.is_empty(), "HEAD {path}");
    }
    Ok(())
}
