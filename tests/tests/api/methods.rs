//! The method bank: methods, their evidence and levels, reviews, and adoptions that open
//! labs of their own.

use innolabb_tests::{TestApp, TestUser, org_number};
use reqwest::Method;
use serde_json::{Value, json};

/// An organisation of `kind` in `municipality`, owned by `owner`.
async fn organization(
    app: &TestApp,
    owner: &TestUser,
    name: &str,
    kind: &str,
    n: u32,
    municipality: &str,
) -> anyhow::Result<String> {
    let (status, body) = app
        .json(
            Method::POST,
            "/api/v1/organizations",
            Some(&owner.access_token),
            Some(
                json!({"name": name, "kind": kind, "org_number": org_number(n),
                        "municipality_code": municipality}),
            ),
        )
        .await?;
    anyhow::ensure!(status == 201, "organization answered {status}: {body}");
    Ok(id_of(&body))
}

fn id_of(body: &Value) -> String {
    body["id"].as_str().unwrap_or_default().to_owned()
}

/// A request that must answer `expected`; answers the body.
async fn expect(
    app: &TestApp,
    method: Method,
    path: &str,
    token: Option<&str>,
    body: Option<Value>,
    expected: u16,
) -> anyhow::Result<Value> {
    let (status, answer) = app.json(method.clone(), path, token, body).await?;
    anyhow::ensure!(
        status == expected,
        "{method} {path} answered {status}, not {expected}: {answer}"
    );
    Ok(answer)
}

async fn measure(
    app: &TestApp,
    who: &TestUser,
    lab: &str,
    indicator: &str,
    value: f64,
) -> anyhow::Result<()> {
    expect(
        app,
        Method::POST,
        &format!("/api/v1/labs/{lab}/indicators/{indicator}/measurements"),
        Some(&who.access_token),
        Some(json!({"measured_on": "2026-11-01", "value": value})),
        201,
    )
    .await?;
    Ok(())
}

/// Maria's housing company in Norrköping with a lab about unemployment that measures the
/// share of participants in work (10 % at the start, 60 % the target), moved to `verifying`;
/// and Sara's housing company in Malmö, which took no part.
pub(crate) struct Bank {
    pub(crate) app: TestApp,
    pub(crate) maria: TestUser,
    pub(crate) host: String,
    pub(crate) lab: String,
    indicator: String,
    pub(crate) sara: TestUser,
    pub(crate) adopter: String,
}

impl Bank {
    async fn open() -> anyhow::Result<Self> {
        Self::on(TestApp::spawn().await?).await
    }

    /// The bank on an app already started.
    pub(crate) async fn on(app: TestApp) -> anyhow::Result<Self> {
        let (maria, host) = app.housing_company().await?;
        let lab = app
            .create_lab(&maria, host.id, "Portalen", "public")
            .await?
            .id
            .to_string();
        let indicator = expect(
            &app,
            Method::POST,
            &format!("/api/v1/labs/{lab}/indicators"),
            Some(&maria.access_token),
            Some(
                json!({"name": "Andel i arbete eller studier", "unit": "%", "baseline": 10.0,
                        "target": 60.0, "direction": "increase"}),
            ),
            201,
        )
        .await?;
        let sara = app.sign_up("Sara Holm").await?;
        let adopter = organization(&app, &sara, "Malmöhem", "housing_company", 20, "1280").await?;
        let bank = Self {
            app,
            maria,
            host: host.id.to_string(),
            lab,
            indicator: id_of(&indicator),
            sara,
            adopter,
        };
        for phase in ["ideation", "testing", "verifying"] {
            bank.as_maria(
                Method::POST,
                &format!("/api/v1/labs/{}/phase", bank.lab),
                Some(json!({"phase": phase})),
                200,
            )
            .await?;
        }
        Ok(bank)
    }

    async fn as_maria(
        &self,
        method: Method,
        path: &str,
        body: Option<Value>,
        expected: u16,
    ) -> anyhow::Result<Value> {
        expect(
            &self.app,
            method,
            path,
            Some(&self.maria.access_token),
            body,
            expected,
        )
        .await
    }

    async fn method(&self, id: &str) -> anyhow::Result<Value> {
        expect(
            &self.app,
            Method::GET,
            &format!("/api/v1/methods/{id}"),
            None,
            None,
            200,
        )
        .await
    }

    /// The lab turned into a method and published, its problem described.
    pub(crate) async fn published_method(&self) -> anyhow::Result<String> {
        let method = self
            .as_maria(
                Method::POST,
                &format!("/api/v1/labs/{}/method", self.lab),
                None,
                201,
            )
            .await?;
        let id = id_of(&method);
        let response = self
            .app
            .patch(
                &format!("/api/v1/methods/{id}"),
                &self.maria.access_token,
                1,
                json!({"problem": "Långtidsarbetslösa kvinnor nås inte av insatserna.",
                          "approach": "Veckoträffar och mentorer."}),
            )
            .await?;
        anyhow::ensure!(
            response.status() == 200,
            "patch answered {}",
            response.status()
        );
        self.as_maria(
            Method::POST,
            &format!("/api/v1/methods/{id}/publish"),
            None,
            200,
        )
        .await?;
        Ok(id)
    }
}

#[tokio::test]
async fn a_lab_becomes_a_method_that_climbs_from_level_one_to_four_through_real_records()
-> anyhow::Result<()> {
    let bank = Bank::open().await?;
    let app = &bank.app;
    // Only a lab that verifies its results becomes a method.
    let early = app
        .create_lab(&bank.maria, bank.host.parse()?, "Tidigt labb", "public")
        .await?;
    bank.as_maria(
        Method::POST,
        &format!("/api/v1/labs/{}/method", early.id),
        None,
        409,
    )
    .await?;

    let method = bank
        .as_maria(
            Method::POST,
            &format!("/api/v1/labs/{}/method", bank.lab),
            None,
            201,
        )
        .await?;
    let id = id_of(&method);
    assert_eq!(method["status"], "draft");
    assert_eq!(method["title"], "Portalen");
    assert_eq!(method["organization"]["id"], bank.host.as_str());
    assert_eq!(method["origin_labs"][0]["id"], bank.lab.as_str());
    assert_eq!(method["indicator_ids"], json!([bank.indicator]));
    assert_eq!(method["challenge_areas"], json!(["unemployment"]));
    assert_eq!(method["licence"], "CC-BY-4.0");
    assert_eq!(method["data_level"], 0, "the problem is not yet described");
    assert_eq!(method["level_reasons"].as_array().map(Vec::len), Some(5));
    assert_eq!(method["claimed_level"], Value::Null);

    // Level 1: the problem and the approach described.
    let response = app
        .patch(
            &format!("/api/v1/methods/{id}"),
            &bank.maria.access_token,
            1,
            json!({"problem": "Långtidsarbetslösa kvinnor nås inte av insatserna.",
                      "approach": "Veckoträffar, **mentorer** och praktik."}),
        )
        .await?;
    assert_eq!(response.status(), 200);
    let changed: Value = response.json().await?;
    assert_eq!(changed["data_level"], 1);
    assert_eq!(
        changed["approach_html"],
        "<p>Veckoträffar, <strong>mentorer</strong> och praktik.</p>\n"
    );

    // Level 2: the lab's indicator moves from 10 % towards 60 %.
    measure(app, &bank.maria, &bank.lab, &bank.indicator, 30.0).await?;
    let method = bank
        .as_maria(Method::GET, &format!("/api/v1/methods/{id}"), None, 200)
        .await?;
    assert_eq!(method["data_level"], 2);
    assert_eq!(method["level_reasons"][1]["holds"], true);

    bank.as_maria(Method::POST, &format!("/api/v1/methods/{id}/evidence"),
        Some(json!({"level": 2, "summary": "Andelen i arbete steg från 10 % till 30 %.",
                    "indicator_ids": [bank.indicator],
                    "sources": [{"title": "Slutrapport", "url": "https://example.se/portalen.pdf"}]})), 201).await?;
    bank.as_maria(
        Method::POST,
        &format!("/api/v1/methods/{id}/publish"),
        None,
        200,
    )
    .await?;
    let method = bank.method(&id).await?;
    assert_eq!(
        (method["status"].as_str(), method["claimed_level"].as_i64()),
        (Some("published"), Some(2))
    );
    assert!(method["published_at"].is_string());
    let notified = app
        .count(&format!("SELECT count(*) FROM notifications WHERE kind = 'method_published' AND subject_id = '{id}'"))
        .await?;
    assert_eq!(
        notified, 0,
        "Maria, who published it, is the origin lab's only member"
    );

    // Level 4: Sara's company in Malmö adopts it with a lab of its own and measures change.
    let adoption = expect(
        app,
        Method::POST,
        &format!("/api/v1/methods/{id}/adoptions"),
        Some(&bank.sara.access_token),
        Some(
            json!({"municipality_code": "1280", "neighbourhood": "Rosengård", "create_lab": true,
                    "adaptations": "Träffarna hålls på arabiska."}),
        ),
        201,
    )
    .await?;
    assert_eq!(adoption["organization"]["id"], bank.adopter.as_str());
    assert_eq!(
        (
            adoption["county_code"].as_str(),
            adoption["status"].as_str()
        ),
        (Some("12"), Some("planned"))
    );
    let lab = adoption["lab_id"].as_str().unwrap_or_default().to_owned();
    let opened = expect(
        app,
        Method::GET,
        &format!("/api/v1/labs/{lab}"),
        None,
        None,
        200,
    )
    .await?;
    assert_eq!(
        (
            opened["phase"].as_str(),
            opened["municipality_code"].as_str()
        ),
        (Some("testing"), Some("1280"))
    );
    assert_eq!(opened["host"]["id"], bank.adopter.as_str());
    let copies = expect(
        app,
        Method::GET,
        &format!("/api/v1/labs/{lab}/indicators"),
        None,
        None,
        200,
    )
    .await?;
    let copy = &copies["items"][0];
    assert_eq!(copies["items"].as_array().map(Vec::len), Some(1));
    assert_eq!(
        (copy["name"].as_str(), copy["target"].as_f64()),
        (Some("Andel i arbete eller studier"), Some(60.0))
    );
    assert_eq!(copy["measurements"], json!([]));
    let notified = app
        .count(&format!("SELECT count(*) FROM notifications WHERE kind = 'method_adopted' AND subject_id = '{id}'"))
        .await?;
    assert_eq!(notified, 1, "Maria's organisation hears of the adoption");
    assert_eq!(
        bank.method(&id).await?["data_level"],
        2,
        "no change measured in Malmö yet"
    );

    let copy_id = copy["id"].as_str().unwrap_or_default();
    measure(app, &bank.sara, &lab, copy_id, 25.0).await?;
    let method = bank.method(&id).await?;
    assert_eq!(method["data_level"], 4);
    assert_eq!(method["adoption_count"], 1);
    assert_eq!(method["level_reasons"][2]["holds"], false);
    assert_eq!(
        method["level_reasons"][2]["explanation"],
        "Ingen jämförelsegrupp finns registrerad."
    );
    let english = app
        .request(Method::GET, &format!("/api/v1/methods/{id}"))
        .header("Accept-Language", "en")
        .send()
        .await?;
    let english: Value = english.json().await?;
    assert_eq!(
        english["level_reasons"][2]["explanation"],
        "No comparison group is recorded."
    );

    // The lists find it by level and by where it was adopted.
    let listed = |query: &str| format!("/api/v1/methods?{query}");
    let ids = |page: &Value| -> Vec<String> {
        page["items"]
            .as_array()
            .into_iter()
            .flatten()
            .map(id_of)
            .collect()
    };
    assert_eq!(
        ids(&expect(
            app,
            Method::GET,
            &listed("min_evidence_level=4"),
            None,
            None,
            200
        )
        .await?),
        vec![id.clone()]
    );
    assert!(
        ids(&expect(
            app,
            Method::GET,
            &listed("min_evidence_level=5"),
            None,
            None,
            200
        )
        .await?)
        .is_empty()
    );
    assert_eq!(
        ids(&expect(app, Method::GET, &listed("county=12"), None, None, 200).await?),
        vec![id.clone()]
    );
    assert!(
        ids(&expect(app, Method::GET, &listed("county=01"), None, None, 200).await?).is_empty()
    );
    assert_eq!(
        ids(&expect(app, Method::GET, &listed("q=Portalen"), None, None, 200).await?),
        vec![id.clone()]
    );
    assert_eq!(
        ids(&expect(
            app,
            Method::GET,
            &listed("challenge_area=unemployment"),
            None,
            None,
            200
        )
        .await?),
        [id]
    );
    Ok(())
}

#[tokio::test]
async fn a_draft_is_its_organisations_own_in_every_read() -> anyhow::Result<()> {
    let bank = Bank::open().await?;
    let app = &bank.app;
    let draft = bank
        .as_maria(
            Method::POST,
            "/api/v1/methods",
            Some(
                json!({"title": "Läxhjälp i trapphuset", "challenge_areas": ["schools"],
                    "target_groups": ["Unga", "unga"]}),
            ),
            201,
        )
        .await?;
    let id = id_of(&draft);
    assert_eq!(
        (draft["status"].as_str(), draft["target_groups"].clone()),
        (Some("draft"), json!(["unga"]))
    );
    let path = format!("/api/v1/methods/{id}");
    let (_, read_key) = app
        .create_api_key(&bank.maria, bank.host.parse()?, &["read"])
        .await?;
    let admin = app.sign_up("Ada Admin").await?;
    app.make_platform_admin(&admin).await?;
    let admin = app.login(&admin.email, &admin.password).await?.access_token;
    for (who, token) in [
        ("anonymous", None),
        (
            "another organisation",
            Some(bank.sara.access_token.as_str()),
        ),
    ] {
        for read in [
            path.clone(),
            format!("{path}/evidence"),
            format!("{path}/adoptions"),
        ] {
            let (status, _) = app.json(Method::GET, &read, token, None).await?;
            assert_eq!(status, 404, "{who}: GET {read}");
        }
        for status in ["", "&status=draft"] {
            let (_, page) = app
                .json(
                    Method::GET,
                    &format!("/api/v1/methods?limit=100{status}"),
                    token,
                    None,
                )
                .await?;
            assert_eq!(page["items"], json!([]), "{who}: the list{status}");
        }
    }
    for token in [
        bank.maria.access_token.as_str(),
        read_key.as_str(),
        admin.as_str(),
    ] {
        expect(app, Method::GET, &path, Some(token), None, 200).await?;
    }
    let (_, mine) = app
        .json(
            Method::GET,
            "/api/v1/methods",
            Some(&bank.maria.access_token),
            None,
        )
        .await?;
    assert_eq!(
        mine["items"],
        json!([]),
        "drafts stay out of the default list"
    );
    let (_, drafts) = app
        .json(
            Method::GET,
            "/api/v1/methods?status=draft",
            Some(&bank.maria.access_token),
            None,
        )
        .await?;
    assert_eq!(drafts["items"][0]["id"], id.as_str());
    // A draft cannot be adopted, even by one who sees it.
    let (status, _) = app
        .json(
            Method::POST,
            &format!("{path}/adoptions"),
            Some(&bank.maria.access_token),
            Some(json!({"municipality_code": "0581"})),
        )
        .await?;
    assert_eq!(status, 409);
    Ok(())
}

#[tokio::test]
async fn only_the_owner_writes_a_method_and_only_the_adopter_its_adoption() -> anyhow::Result<()> {
    let bank = Bank::open().await?;
    let app = &bank.app;
    let id = bank.published_method().await?;
    let adoption = expect(
        app,
        Method::POST,
        &format!("/api/v1/methods/{id}/adoptions"),
        Some(&bank.sara.access_token),
        Some(json!({"municipality_code": "1280"})),
        201,
    )
    .await?;
    let adoption = id_of(&adoption);
    let draft = bank
        .as_maria(
            Method::POST,
            "/api/v1/methods",
            Some(json!({"title": "Ett utkast", "challenge_areas": ["crime_prevention"]})),
            201,
        )
        .await?;
    let draft = id_of(&draft);
    let (_, read_key) = app
        .create_api_key(&bank.maria, bank.host.parse()?, &["read"])
        .await?;
    let before_method = bank.method(&id).await?;
    let before_adoption = expect(
        app,
        Method::GET,
        &format!("/api/v1/adoptions/{adoption}"),
        None,
        None,
        200,
    )
    .await?;
    let evidence = app.count("SELECT count(*) FROM method_evidence").await?;
    let adoptions = app.count("SELECT count(*) FROM adoptions").await?;

    let writes: Vec<(Method, String, Value)> = vec![
        (
            Method::PATCH,
            format!("/api/v1/methods/{id}"),
            json!({"title": "Kapad"}),
        ),
        (
            Method::POST,
            format!("/api/v1/methods/{id}/retire"),
            json!({"reason": "Kapad"}),
        ),
        (
            Method::POST,
            format!("/api/v1/methods/{id}/evidence"),
            json!({"level": 5, "summary": "Kapad"}),
        ),
        (
            Method::POST,
            format!("/api/v1/methods/{id}/review"),
            json!({"level": 1, "note": "Kapad"}),
        ),
        (
            Method::PATCH,
            format!("/api/v1/adoptions/{adoption}"),
            json!({"outcome": "Kapad"}),
        ),
        (
            Method::POST,
            format!("/api/v1/labs/{}/method", bank.lab),
            json!({}),
        ),
    ];
    for (method, path, body) in &writes {
        let send = |token: Option<&str>| {
            let request = app
                .request(method.clone(), path)
                .header("If-Match", "\"1\"")
                .json(body);
            match token {
                Some(token) => request.bearer_auth(token),
                None => request,
            }
            .send()
        };
        assert_eq!(send(None).await?.status(), 401, "anonymous {method} {path}");
        // The other side: Sara for Maria's method and lab, Maria for Sara's adoption.
        let outsider = if path.contains("/adoptions/") {
            &bank.maria
        } else {
            &bank.sara
        };
        assert_eq!(
            send(Some(&outsider.access_token)).await?.status(),
            403,
            "{method} {path}"
        );
        assert_eq!(
            send(Some(&read_key)).await?.status(),
            403,
            "a read key: {method} {path}"
        );
    }
    let (status, body) = app
        .json(
            Method::POST,
            &format!("/api/v1/methods/{id}/adoptions"),
            Some(&read_key),
            Some(json!({"municipality_code": "0581"})),
        )
        .await?;
    assert_eq!(
        (status, body["detail"].as_str()),
        (
            403,
            Some("Den här API-nyckeln saknar behörigheten methods:write.")
        )
    );
    for path in [
        format!("/api/v1/methods/{draft}"),
        format!("/api/v1/methods/{draft}/publish"),
    ] {
        let method = if path.ends_with("publish") {
            Method::POST
        } else {
            Method::PATCH
        };
        let answer = app
            .request(method.clone(), &path)
            .bearer_auth(&bank.sara.access_token)
            .header("If-Match", "\"1\"")
            .json(&json!({"title": "Kapad"}))
            .send()
            .await?;
        assert_eq!(
            answer.status(),
            404,
            "another organisation's draft: {method} {path}"
        );
    }
    assert_eq!(
        bank.method(&id).await?,
        before_method,
        "the method is unchanged"
    );
    assert_eq!(
        expect(
            app,
            Method::GET,
            &format!("/api/v1/adoptions/{adoption}"),
            None,
            None,
            200
        )
        .await?,
        before_adoption
    );
    assert_eq!(
        app.count("SELECT count(*) FROM method_evidence").await?,
        evidence
    );
    assert_eq!(
        app.count("SELECT count(*) FROM adoptions").await?,
        adoptions
    );
    assert_eq!(
        app.count("SELECT count(*) FROM methods").await?,
        2,
        "no method made from the lab by others"
    );

    // The adopter changes its adoption; a key with methods:write writes for its organisation.
    let response = app
        .patch(
            &format!("/api/v1/adoptions/{adoption}"),
            &bank.sara.access_token,
            1,
            json!({"status": "running", "outcome": "Tolv deltagare."}),
        )
        .await?;
    assert_eq!(response.status(), 200);
    let (_, writer) = app
        .create_api_key(&bank.maria, bank.host.parse()?, &["read", "methods:write"])
        .await?;
    let response = app
        .patch(
            &format!("/api/v1/methods/{id}"),
            &writer,
            before_method["version"].as_i64().unwrap_or(0) as i32,
            json!({"results": "15 av 22 fick arbete eller började studera."}),
        )
        .await?;
    assert_eq!(response.status(), 200);
    Ok(())
}

#[tokio::test]
async fn every_patch_needs_the_version_it_read() -> anyhow::Result<()> {
    let bank = Bank::open().await?;
    let app = &bank.app;
    let id = bank.published_method().await?;
    let adoption = expect(
        app,
        Method::POST,
        &format!("/api/v1/methods/{id}/adoptions"),
        Some(&bank.sara.access_token),
        Some(json!({"municipality_code": "1280"})),
        201,
    )
    .await?;
    let adoption = id_of(&adoption);
    for (path, token, body) in [
        (
            format!("/api/v1/methods/{id}"),
            &bank.maria.access_token,
            json!({"results": "Bra."}),
        ),
        (
            format!("/api/v1/adoptions/{adoption}"),
            &bank.sara.access_token,
            json!({"outcome": "Bra."}),
        ),
    ] {
        let (status, _) = app
            .json(Method::PATCH, &path, Some(token), Some(body.clone()))
            .await?;
        assert_eq!(status, 428, "{path} without If-Match");
        let stale = app.patch(&path, token, 0, body.clone()).await?;
        assert_eq!(stale.status(), 412, "{path} with an old version");
        let current: Value = expect(app, Method::GET, &path, None, None, 200).await?;
        let fresh = app
            .patch(
                &path,
                token,
                current["version"].as_i64().unwrap_or(0) as i32,
                body,
            )
            .await?;
        assert_eq!(fresh.status(), 200, "{path} with the version read");
    }
    Ok(())
}

#[tokio::test]
async fn reviews_come_from_outside_and_never_exceed_the_claim() -> anyhow::Result<()> {
    let bank = Bank::open().await?;
    let app = &bank.app;
    let id = bank.published_method().await?;
    let review = format!("/api/v1/methods/{id}/review");
    let lena = app.sign_up("Lena Forskare").await?;
    organization(
        app,
        &lena,
        "Institutet för bostadsforskning",
        "research",
        30,
        "0180",
    )
    .await?;
    let (status, body) = app
        .json(
            Method::POST,
            &review,
            Some(&lena.access_token),
            Some(json!({"level": 1})),
        )
        .await?;
    assert_eq!(
        (status, body["errors"][0]["code"].as_str()),
        (422, Some("above_claim")),
        "nothing claimed yet"
    );
    bank.as_maria(
        Method::POST,
        &format!("/api/v1/methods/{id}/evidence"),
        Some(json!({"level": 2, "summary": "Andelen i arbete steg."})),
        201,
    )
    .await?;
    let (status, _) = app
        .json(
            Method::POST,
            &review,
            Some(&lena.access_token),
            Some(json!({"level": 3})),
        )
        .await?;
    assert_eq!(status, 422, "above the claim of 2");
    let (status, _) = app
        .json(
            Method::POST,
            &review,
            Some(&bank.sara.access_token),
            Some(json!({"level": 1})),
        )
        .await?;
    assert_eq!(status, 403, "a housing company does not review");
    // A research organisation that took part in the origin lab is no outsider.
    let insider = app.sign_up("Ivar Insider").await?;
    let insider_org =
        organization(app, &insider, "Labbets forskare", "research", 31, "0581").await?;
    bank.as_maria(
        Method::POST,
        &format!("/api/v1/labs/{}/participants", bank.lab),
        Some(json!({"organization_id": insider_org, "role": "researcher"})),
        201,
    )
    .await?;
    let (status, _) = app
        .json(
            Method::POST,
            &review,
            Some(&insider.access_token),
            Some(json!({"level": 1})),
        )
        .await?;
    assert_eq!(status, 403);
    let reviewed = expect(app, Method::POST, &review, Some(&lena.access_token),
        Some(json!({"level": 1, "note": "Ingen jämförelsegrupp; förändringen kan ha andra orsaker."})), 200).await?;
    assert_eq!(
        (
            reviewed["reviewed_level"].as_i64(),
            reviewed["claimed_level"].as_i64()
        ),
        (Some(1), Some(2))
    );
    Ok(())
}

#[tokio::test]
async fn a_retired_method_stays_readable_and_is_adopted_no_more() -> anyhow::Result<()> {
    let bank = Bank::open().await?;
    let app = &bank.app;
    let id = bank.published_method().await?;
    let retire = format!("/api/v1/methods/{id}/retire");
    let (status, body) = app
        .json(
            Method::POST,
            &retire,
            Some(&bank.maria.access_token),
            Some(json!({"reason": " "})),
        )
        .await?;
    assert_eq!(
        (status, body["errors"][0]["field"].as_str()),
        (422, Some("reason"))
    );
    let retired = bank
        .as_maria(
            Method::POST,
            &retire,
            Some(json!({"reason": "Ersatt av en nyare metod."})),
            200,
        )
        .await?;
    assert_eq!(
        (
            retired["status"].as_str(),
            retired["retired_reason"].as_str()
        ),
        (Some("retired"), Some("Ersatt av en nyare metod."))
    );
    let (status, body) = app
        .json(
            Method::POST,
            &retire,
            Some(&bank.maria.access_token),
            Some(json!({"reason": "Igen."})),
        )
        .await?;
    assert_eq!(status, 409);
    assert!(
        body["allowed"].as_array().is_none_or(Vec::is_empty),
        "a retired method moves nowhere: {body}"
    );
    let (status, _) = app
        .json(
            Method::POST,
            &format!("/api/v1/methods/{id}/publish"),
            Some(&bank.maria.access_token),
            None,
        )
        .await?;
    assert_eq!(status, 409);
    let (status, _) = app
        .json(
            Method::POST,
            &format!("/api/v1/methods/{id}/adoptions"),
            Some(&bank.sara.access_token),
            Some(json!({"municipality_code": "1280"})),
        )
        .await?;
    assert_eq!(status, 409);
    bank.method(&id).await?;
    let (_, listed) = app
        .json(Method::GET, "/api/v1/methods?status=retired", None, None)
        .await?;
    assert_eq!(listed["items"][0]["id"], id.as_str());
    Ok(())
}

#[tokio::test]
async fn bad_method_fields_are_refused_with_their_names() -> anyhow::Result<()> {
    let bank = Bank::open().await?;
    let app = &bank.app;
    let other_lab = app
        .create_lab(&bank.sara, bank.adopter.parse()?, "Annat labb", "members")
        .await?;
    let cases = [
        (
            json!({"title": "Ok titel", "challenge_areas": []}),
            "challenge_areas",
        ),
        (
            json!({"title": "Ok titel", "challenge_areas": ["weather"]}),
            "challenge_areas",
        ),
        (
            json!({"title": "Ok titel", "challenge_areas": ["unemployment"],
                "resources": [{"title": "Länk", "url": "javascript:alert(1)"}]}),
            "resources[0].url",
        ),
        (
            json!({"title": "Ok titel", "challenge_areas": ["unemployment"], "licence": "fri att använda"}),
            "licence",
        ),
        (
            json!({"title": "Ok titel", "challenge_areas": ["unemployment"], "origin_lab_ids": [other_lab.id]}),
            "origin_lab_ids",
        ),
        (
            json!({"title": "Ok titel", "challenge_areas": ["unemployment"], "indicator_ids": [bank.indicator]}),
            "indicator_ids",
        ),
        (
            json!({"title": "Ok titel", "challenge_areas": ["unemployment"], "origin_lab_ids": [bank.lab],
                "origin_idea_ids": [bank.indicator]}),
            "origin_idea_ids",
        ),
    ];
    for (body, field) in cases {
        let (status, answer) = app
            .json(
                Method::POST,
                "/api/v1/methods",
                Some(&bank.maria.access_token),
                Some(body.clone()),
            )
            .await?;
        assert_eq!(status, 422, "{body}");
        let fields: Vec<&str> = answer["errors"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|e| e["field"].as_str())
            .collect();
        assert_eq!(fields, [field], "{body}");
    }
    assert_eq!(app.count("SELECT count(*) FROM methods").await?, 0);
    let id = bank.published_method().await?;
    let (status, answer) = app
        .json(
            Method::POST,
            &format!("/api/v1/methods/{id}/evidence"),
            Some(&bank.maria.access_token),
            Some(json!({"level": 6, "summary": "", "indicator_ids": [other_lab.id]})),
        )
        .await?;
    let fields: Vec<&str> = answer["errors"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|e| e["field"].as_str())
        .collect();
    assert_eq!(
        (status, fields),
        (422, vec!["level", "summary", "indicator_ids"])
    );
    let (status, answer) = app
        .json(
            Method::POST,
            &format!("/api/v1/methods/{id}/adoptions"),
            Some(&bank.sara.access_token),
            Some(json!({"municipality_code": "9999"})),
        )
        .await?;
    assert_eq!(
        (status, answer["errors"][0]["field"].as_str()),
        (422, Some("municipality_code"))
    );
    assert_eq!(app.count("SELECT count(*) FROM adoptions").await?, 0);
    Ok(())
}

#[tokio::test]
async fn spread_statistics_and_search_count_only_what_is_public() -> anyhow::Result<()> {
    let bank = Bank::open().await?;
    let app = &bank.app;
    let id = bank.published_method().await?;
    expect(
        app,
        Method::POST,
        &format!("/api/v1/methods/{id}/adoptions"),
        Some(&bank.sara.access_token),
        Some(json!({"municipality_code": "1280", "create_lab": true})),
        201,
    )
    .await?;
    expect(
        app,
        Method::POST,
        &format!("/api/v1/methods/{id}/adoptions"),
        Some(&bank.sara.access_token),
        Some(json!({"municipality_code": "1281"})),
        201,
    )
    .await?;
    bank.as_maria(
        Method::POST,
        "/api/v1/methods",
        Some(json!({"title": "Hemlig läxhjälp", "challenge_areas": ["schools"]})),
        201,
    )
    .await?;
    app.create_lab(&bank.maria, bank.host.parse()?, "Internt labb", "members")
        .await?;

    let spread = expect(
        app,
        Method::GET,
        &format!("/api/v1/methods/{id}/spread"),
        None,
        None,
        200,
    )
    .await?;
    assert_eq!(
        spread["by_county"],
        json!([{"county_code": "12", "county_name": "Skåne län",
                                            "adoptions": 2, "municipalities": 2}])
    );
    // It comes from the origin lab in Norrköping.
    assert_eq!(
        spread["origin_counties"],
        json!([{"county_code": "05", "county_name": "Östergötlands län", "labs": 1}])
    );
    let months = spread["by_month"].as_array().cloned().unwrap_or_default();
    assert_eq!(
        months.last().map(|m| m["adoptions_total"].clone()),
        Some(json!(2))
    );
    assert_eq!(
        spread["lineage"][0]["from_labs"][0]["id"],
        bank.lab.as_str()
    );
    assert!(spread["lineage"][0]["lab_id"].is_string() && spread["lineage"][1]["lab_id"].is_null());

    let statistics = expect(app, Method::GET, "/api/v1/statistics", None, None, 200).await?;
    let totals = &statistics["totals"];
    assert_eq!(
        (totals["methods"].as_i64(), totals["adoptions"].as_i64()),
        (Some(1), Some(2))
    );
    assert_eq!(
        totals["labs"], 2,
        "Portalen and the adoption's lab; not the members-only one"
    );
    let levels: Vec<i64> = statistics["methods_by_level"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|l| l["count"].as_i64())
        .collect();
    assert_eq!(
        levels,
        [0, 1, 0, 0, 0, 0],
        "the published method, at level 1"
    );
    assert_eq!(
        statistics["adoptions_by_county"],
        json!([{"county_code": "12", "county_name": "Skåne län", "count": 2}])
    );
    let phases: Vec<(&str, i64)> = statistics["labs_by_phase"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|p| Some((p["key"].as_str()?, p["count"].as_i64()?)))
        .collect();
    assert_eq!(
        phases,
        [
            ("forming", 0),
            ("ideation", 0),
            ("testing", 1),
            ("verifying", 1),
            ("spreading", 0),
            ("closed", 0)
        ]
    );

    let (_, found) = app
        .json(
            Method::GET,
            "/api/v1/search?q=läxhjälp",
            Some(&bank.sara.access_token),
            None,
        )
        .await?;
    assert_eq!(
        found["methods"],
        json!([]),
        "another organisation's draft is not found"
    );
    let (_, found) = app
        .json(Method::GET, "/api/v1/search?q=Portalen", None, None)
        .await?;
    assert_eq!(found["methods"][0]["id"], id.as_str());
    Ok(())
}
