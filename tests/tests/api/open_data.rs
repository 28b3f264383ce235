//! Open data: every dataset parses as CSV and JSON, matches its dictionary, and carries
//! only public records and no e-mail address.

use innolabb_tests::TestApp;
use reqwest::Method;
use serde_json::{Value, json};

#[tokio::test]
async fn every_dataset_is_public_records_in_the_columns_its_dictionary_names() -> anyhow::Result<()>
{
    let app = TestApp::spawn().await?;
    let (maria, host) = app.housing_company().await?;
    let token = maria.access_token.as_str();
    let lab = app
        .create_lab(&maria, host.id, "Portalen", "public")
        .await?;
    let response = app
        .patch(
            &format!("/api/v1/labs/{}", lab.id),
            token,
            lab.version,
            json!({"summary": "Frågor? Skriv till maria.lind@example.se, \"Maria\"; vi svarar."}),
        )
        .await?;
    anyhow::ensure!(
        response.status() == 200,
        "patch answered {}",
        response.status()
    );
    app.create_lab(&maria, host.id, "Internt labb", "members")
        .await?;
    app.create_need(
        &maria,
        lab.id,
        json!({"title": "Lokal för träffar", "description": "Ring 011-123 45 67."}),
    )
    .await?;
    let (status, method) = app
        .json(
            Method::POST,
            "/api/v1/methods",
            Some(token),
            Some(json!({"title": "Portalen som metod", "challenge_areas": ["unemployment"]})),
        )
        .await?;
    anyhow::ensure!(status == 201, "method answered {status}");
    let method = method["id"].as_str().unwrap_or_default().to_owned();
    app.json(
        Method::POST,
        &format!("/api/v1/methods/{method}/publish"),
        Some(token),
        None,
    )
    .await?;
    app.json(
        Method::POST,
        &format!("/api/v1/methods/{method}/adoptions"),
        Some(token),
        Some(json!({"municipality_code": "0580"})),
    )
    .await?;
    let (status, _) = app
        .json(
            Method::POST,
            "/api/v1/methods",
            Some(token),
            Some(json!({"title": "Ett hemligt utkast", "challenge_areas": ["schools"]})),
        )
        .await?;
    anyhow::ensure!(status == 201);
    app.json(
        Method::POST,
        "/api/v1/offerings",
        Some(token),
        Some(
            json!({"title": "Lokaler", "kind": "service", "challenge_areas": ["community_services"],
                         "coverage": {"national": true}}),
        ),
    )
    .await?;

    let (status, catalogue) = app
        .json(Method::GET, "/api/v1/open-data", None, None)
        .await?;
    assert_eq!(status, 200);
    let datasets = catalogue["items"].as_array().cloned().unwrap_or_default();
    let names: Vec<&str> = datasets.iter().filter_map(|d| d["name"].as_str()).collect();
    assert_eq!(
        names,
        ["labs", "methods", "adoptions", "offerings", "needs"]
    );
    // The dictionary is Swedish by default, English when asked for.
    assert_eq!(datasets[0]["columns"][0]["meaning"], "Labbets id (UUID).");
    let english: serde_json::Value = app
        .request(Method::GET, "/api/v1/open-data")
        .header("Accept-Language", "en")
        .send()
        .await?
        .json()
        .await?;
    assert_eq!(
        english["items"][0]["columns"][0]["meaning"],
        "The lab's id (UUID)."
    );
    assert_eq!(
        english["items"][4]["description"],
        "What public labs look for from local actors."
    );
    let expected_rows = [
        ("labs", 1),
        ("methods", 1),
        ("adoptions", 1),
        ("offerings", 1),
        ("needs", 1),
    ];
    for (dataset, (name, rows)) in datasets.iter().zip(expected_rows) {
        assert_eq!(dataset["row_count"], rows, "{name}: only public records");
        assert_eq!(dataset["licence"], "CC-BY-4.0");
        assert!(dataset["generated_at"].is_string());
        let columns: Vec<&str> = dataset["columns"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|c| c["name"].as_str())
            .collect();
        assert!(
            dataset["columns"]
                .as_array()
                .into_iter()
                .flatten()
                .all(|c| c["meaning"].as_str().is_some_and(|m| !m.is_empty()))
        );

        let csv = app
            .get(dataset["csv_url"].as_str().unwrap_or_default())
            .await?;
        assert_eq!(csv.status(), 200);
        assert_eq!(csv.headers()["content-type"], "text/csv; charset=utf-8");
        let text = csv.text().await?;
        assert!(
            !text.contains('@') || name != "labs" || !text.contains("maria.lind@"),
            "{name}"
        );
        let mut reader = csv::Reader::from_reader(text.as_bytes());
        let header: Vec<String> = reader.headers()?.iter().map(str::to_owned).collect();
        assert_eq!(
            header, columns,
            "{name}: the CSV's columns are the dictionary's"
        );
        let records: Vec<csv::StringRecord> = reader.records().collect::<Result<_, _>>()?;
        assert_eq!(records.len(), rows, "{name}");
        for record in &records {
            assert_eq!(record.len(), columns.len(), "{name}");
            for cell in record {
                assert!(
                    !looks_like_email(cell),
                    "{name}: an e-mail address in {cell:?}"
                );
            }
        }
        let semicolons = app
            .get(&format!(
                "{}?separator=semicolon",
                dataset["csv_url"].as_str().unwrap_or_default()
            ))
            .await?;
        let bytes = semicolons.bytes().await?;
        let without_bom = bytes
            .strip_prefix("\u{feff}".as_bytes())
            .ok_or_else(|| anyhow::anyhow!("{name}: no BOM"))?;
        let mut reader = csv::ReaderBuilder::new()
            .delimiter(b';')
            .from_reader(without_bom);
        assert_eq!(
            reader.headers()?.len(),
            columns.len(),
            "{name} with semicolons"
        );
        assert_eq!(reader.records().count(), rows);

        let (status, json) = app
            .json(
                Method::GET,
                dataset["json_url"].as_str().unwrap_or_default(),
                None,
                None,
            )
            .await?;
        assert_eq!(status, 200);
        let objects = json.as_array().cloned().unwrap_or_default();
        assert_eq!(objects.len(), rows, "{name}");
        for object in &objects {
            let keys: Vec<&String> = object
                .as_object()
                .map(|o| o.keys().collect())
                .unwrap_or_default();
            let mut sorted_columns: Vec<&str> = columns.clone();
            sorted_columns.sort_unstable();
            assert_eq!(
                keys, sorted_columns,
                "{name}: the JSON's keys are the dictionary's"
            );
            assert!(
                object
                    .as_object()
                    .into_iter()
                    .flatten()
                    .all(|(_, v)| v.is_null() || v.as_str().is_some_and(|s| !looks_like_email(s)))
            );
        }
    }
    let (_, labs) = app
        .json(Method::GET, "/api/v1/open-data/labs.json", None, None)
        .await?;
    assert_eq!(labs[0]["title"], "Portalen");
    assert_eq!(
        labs[0]["summary"],
        "Frågor? Skriv till [e-post borttagen], \"Maria\"; vi svarar."
    );
    let (_, methods) = app
        .json(Method::GET, "/api/v1/open-data/methods.json", None, None)
        .await?;
    assert_eq!(
        (
            methods[0]["title"].as_str(),
            methods[0]["data_level"].as_str()
        ),
        (Some("Portalen som metod"), Some("0"))
    );
    for missing in [
        "/api/v1/open-data/people.csv",
        "/api/v1/open-data/labs.xml",
        "/api/v1/open-data/labs",
    ] {
        let (status, _) = app.json(Method::GET, missing, None, None).await?;
        assert_eq!(status, 404, "{missing}");
    }
    let (status, body) = app
        .json(
            Method::GET,
            "/api/v1/open-data/labs.csv?separator=tab",
            None,
            None,
        )
        .await?;
    assert_eq!(
        (status, body["errors"][0]["field"].clone()),
        (400, Value::from("separator"))
    );
    Ok(())
}

fn looks_like_email(text: &str) -> bool {
    text.split_whitespace().any(|word| {
        word.split_once('@')
            .is_some_and(|(local, domain)| !local.is_empty() && domain.contains('.'))
    })
}
