//! People's rights over their data: the export, and erasure that leaves nothing of them.

use diesel::QueryableByName;
use diesel::sql_types::Text;
use diesel_async::{AsyncConnection, AsyncPgConnection, RunQueryDsl};
use innolabb_tests::{TEST_PASSWORD, TestApp, TestUser};
use reqwest::Method;
use serde_json::{Value, json};

/// Amina, active in Maria's lab: an idea, a comment, a vote, a membership, a report, a
/// notification, a mail; and Bo, who comments beside her.
struct Lives {
    maria: TestUser,
    amina: TestUser,
    bo: TestUser,
    idea: String,
}

async fn lives(app: &TestApp) -> anyhow::Result<Lives> {
    let (maria, host) = app.housing_company().await?;
    let lab = app.create_lab(&maria, host.id, "Gården", "public").await?;
    let amina = app.sign_up("Amina Hassan").await?;
    let idea = app
        .create_idea(&amina, lab.id, "Läxhjälp i tvättstugan", "Tisdagar.")
        .await?;
    let idea = idea["id"].as_str().unwrap_or_default().to_owned();
    let bo = app.sign_up("Bo Ek").await?;
    for (who, body) in [(&amina, "Jag kan hålla i det."), (&bo, "Bo kommer gärna.")] {
        let (status, _) = app
            .json(
                Method::POST,
                &format!("/api/v1/ideas/{idea}/comments"),
                Some(&who.access_token),
                Some(json!({"body": body})),
            )
            .await?;
        anyhow::ensure!(status == 201);
    }
    let (status, _) = app
        .json(
            Method::PUT,
            &format!("/api/v1/ideas/{idea}/vote"),
            Some(&amina.access_token),
            None,
        )
        .await?;
    anyhow::ensure!(status == 200, "vote answered {status}");
    anyhow::ensure!(
        app.add_member(&maria, host.id, &amina.email, "member")
            .await?
            == 201
    );
    let (status, _) = app
        .json(Method::POST, "/api/v1/reports", Some(&amina.access_token),
              Some(json!({"target_type": "lab", "target_id": lab.id, "reason": "other", "note": "Fel kommun?"})))
        .await?;
    anyhow::ensure!(status == 201);
    let (status, _) = app
        .json(
            Method::POST,
            "/api/v1/auth/password-reset",
            None,
            Some(json!({"email": amina.email})),
        )
        .await?;
    anyhow::ensure!(status == 202);
    Ok(Lives {
        maria,
        amina,
        bo,
        idea,
    })
}

#[tokio::test]
async fn the_export_holds_everything_about_the_person_and_nothing_about_anyone_else()
-> anyhow::Result<()> {
    let app = TestApp::spawn().await?;
    let l = lives(&app).await?;
    let response = app
        .call(
            Method::GET,
            "/api/v1/me/export",
            Some(&l.amina.access_token),
            None,
        )
        .await?;
    assert_eq!(response.status(), 200);
    assert_eq!(response.headers()["cache-control"], "private, no-store");
    assert!(
        response.headers()["content-disposition"]
            .to_str()?
            .starts_with("attachment")
    );
    let data: Value = response.json().await?;
    assert_eq!(data["profile"]["email"], l.amina.email.as_str());
    assert_eq!(data["ideas"][0]["title"], "Läxhjälp i tvättstugan");
    assert_eq!(data["comments"].as_array().map(Vec::len), Some(1));
    assert_eq!(data["comments"][0]["body"], "Jag kan hålla i det.");
    assert_eq!(data["votes"][0]["idea_id"], l.idea.as_str());
    assert_eq!(
        data["memberships"][0]["organization_name"],
        "Hyresbostäder i Norrköping"
    );
    assert_eq!(data["reports"][0]["note"], "Fel kommun?");
    assert_eq!(data["notifications"][0]["kind"], "member_added");
    assert!(data["sessions"].as_array().is_some_and(|s| !s.is_empty()));
    assert!(
        data["mail"]
            .as_array()
            .is_some_and(|m| m.iter().any(|mail| mail["kind"] == "password_reset"))
    );
    let text = data.to_string();
    for other in [
        "Bo kommer gärna.",
        l.bo.email.as_str(),
        l.maria.email.as_str(),
        "Bo Ek",
        &l.amina.refresh_token,
    ] {
        assert!(
            !text.contains(other),
            "{other:?} is someone else's, or a secret"
        );
    }
    assert!(!text.contains("token_hash") && !text.contains("password_hash"));
    Ok(())
}

#[derive(QueryableByName)]
struct Column {
    #[diesel(sql_type = Text)]
    table_name: String,
    #[diesel(sql_type = Text)]
    column_name: String,
}

/// Every table column holding text (text, varchar, JSON) in which `needle` occurs.
async fn columns_holding(
    conn: &mut AsyncPgConnection,
    needle: &str,
) -> anyhow::Result<Vec<String>> {
    let columns: Vec<Column> = diesel::sql_query(
        "SELECT c.table_name::text AS table_name, c.column_name::text AS column_name
           FROM information_schema.columns c
           JOIN information_schema.tables t ON t.table_name = c.table_name AND t.table_schema = c.table_schema
          WHERE c.table_schema = 'public' AND t.table_type = 'BASE TABLE'
            AND c.data_type IN ('text', 'character varying', 'jsonb', 'json')",
    )
    .load(conn)
    .await?;
    let mut found = Vec::new();
    for column in columns {
        #[derive(QueryableByName)]
        struct Count {
            #[diesel(sql_type = diesel::sql_types::BigInt)]
            count: i64,
        }
        let query = format!(
            "SELECT count(*) AS count FROM \"{}\" WHERE \"{}\"::text ILIKE $1",
            column.table_name, column.column_name
        );
        let hits: Count = diesel::sql_query(query)
            .bind::<Text, _>(format!("%{needle}%"))
            .get_result(conn)
            .await?;
        if hits.count > 0 {
            found.push(format!("{}.{}", column.table_name, column.column_name));
        }
    }
    Ok(found)
}

#[tokio::test]
async fn an_erased_person_leaves_no_trace_but_their_contributions_under_a_placeholder()
-> anyhow::Result<()> {
    let app = TestApp::spawn().await?;
    let l = lives(&app).await?;
    let mut conn = AsyncPgConnection::establish(&app.database_url).await?;
    #[derive(QueryableByName)]
    struct Hash {
        #[diesel(sql_type = Text)]
        password_hash: String,
    }
    let hash: Hash = diesel::sql_query("SELECT password_hash FROM users WHERE id = $1")
        .bind::<diesel::sql_types::Uuid, _>(l.amina.id)
        .get_result(&mut conn)
        .await?;
    assert!(
        !columns_holding(&mut conn, &l.amina.email).await?.is_empty(),
        "the search finds her before"
    );

    let wrong = app
        .json(
            Method::DELETE,
            "/api/v1/me",
            Some(&l.amina.access_token),
            Some(json!({"password": "fel lösenord!!"})),
        )
        .await?;
    assert_eq!(wrong.0, 422);
    let (status, body) = app
        .json(
            Method::DELETE,
            "/api/v1/me",
            Some(&l.amina.access_token),
            Some(json!({"password": TEST_PASSWORD})),
        )
        .await?;
    assert_eq!(status, 204, "{body}");

    for needle in [
        l.amina.email.as_str(),
        "Amina Hassan",
        "amina.hassan",
        &hash.password_hash,
    ] {
        assert_eq!(
            columns_holding(&mut conn, needle).await?,
            Vec::<String>::new(),
            "{needle:?} is left"
        );
    }
    // Her idea and comment stay, under "Borttagen användare"; Bo's are untouched.
    let (_, idea) = app
        .json(
            Method::GET,
            &format!("/api/v1/ideas/{}", l.idea),
            None,
            None,
        )
        .await?;
    assert_eq!(idea["title"], "Läxhjälp i tvättstugan");
    assert_eq!(idea["author"]["display_name"], "Borttagen användare");
    assert_eq!(idea["vote_count"], 1);
    let (_, comments) = app
        .json(
            Method::GET,
            &format!("/api/v1/ideas/{}/comments", l.idea),
            None,
            None,
        )
        .await?;
    let authors: Vec<&str> = comments["items"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|c| c["author"]["display_name"].as_str())
        .collect();
    assert_eq!(authors, ["Borttagen användare", "Bo Ek"]);
    // She cannot sign in or refresh any more.
    let login = app
        .json(
            Method::POST,
            "/api/v1/auth/login",
            None,
            Some(json!({"email": l.amina.email, "password": TEST_PASSWORD})),
        )
        .await?;
    assert_eq!(login.0, 401);
    let refresh = app
        .json(
            Method::POST,
            "/api/v1/auth/refresh",
            None,
            Some(json!({"refresh_token": l.amina.refresh_token})),
        )
        .await?;
    assert_eq!(refresh.0, 401);
    assert_eq!(
        app.count("SELECT count(*) FROM audit_log WHERE action = 'user.erased'")
            .await?,
        1
    );
    // Only her counters go: Bo's sign-up is still counted.
    let bos = format!(
        "SELECT count(*) FROM rate_limits WHERE key = 'register:account:{}'",
        l.bo.email
    );
    assert_eq!(app.count(&bos).await?, 1);
    Ok(())
}

#[tokio::test]
async fn the_only_owner_of_an_organisation_hands_it_over_before_leaving() -> anyhow::Result<()> {
    let app = TestApp::spawn().await?;
    let (maria, host) = app.housing_company().await?;
    let (status, problem) = app
        .json(
            Method::DELETE,
            "/api/v1/me",
            Some(&maria.access_token),
            Some(json!({"password": TEST_PASSWORD})),
        )
        .await?;
    assert_eq!(status, 409);
    assert!(
        problem["detail"]
            .as_str()
            .unwrap_or_default()
            .contains("Hyresbostäder i Norrköping"),
        "{problem}"
    );
    assert_eq!(
        app.count("SELECT count(*) FROM users WHERE deleted_at IS NOT NULL")
            .await?,
        0,
        "nothing erased"
    );
    let erik = app.sign_up("Erik Svensson").await?;
    assert_eq!(
        app.add_member(&maria, host.id, &erik.email, "owner")
            .await?,
        201
    );
    let (status, _) = app
        .json(
            Method::DELETE,
            "/api/v1/me",
            Some(&maria.access_token),
            Some(json!({"password": TEST_PASSWORD})),
        )
        .await?;
    assert_eq!(status, 204);
    let (_, members) = app
        .json(
            Method::GET,
            &format!("/api/v1/organizations/{}/members", host.id),
            Some(&erik.access_token),
            None,
        )
        .await?;
    assert_eq!(
        members["items"].as_array().map(Vec::len),
        Some(1),
        "Erik owns it alone now"
    );
    Ok(())
}

/// How many rows of `table` a person has.
async fn rows(app: &TestApp, table: &str, user: uuid::Uuid) -> anyhow::Result<i64> {
    app.count(&format!(
        "SELECT count(*) FROM {table} WHERE user_id = '{user}'"
    ))
    .await
}

#[tokio::test]
async fn what_has_outlived_its_time_is_pruned_and_nothing_younger() -> anyhow::Result<()> {
    let app = TestApp::spawn().await?;
    let old = app.sign_up("Gammal Användare").await?;
    let fresh = app.sign_up("Ny Användare").await?;
    app.run_sql("UPDATE mail_outbox SET status = 'sent', finished_at = now()")
        .await?;
    // Old's rows are made as old as the rules allow, and a day more.
    let id = old.id;
    app.run_sql(&format!(
        "UPDATE refresh_tokens SET expires_at = now() - interval '31 days' WHERE user_id = '{id}'"
    ))
    .await?;
    app.run_sql(&format!(
        "UPDATE account_tokens SET expires_at = now() - interval '8 days' WHERE user_id = '{id}'"
    ))
    .await?;
    app.run_sql(&format!(
        "UPDATE mail_outbox SET finished_at = now() - interval '91 days' WHERE user_id = '{id}'"
    ))
    .await?;
    app.run_sql(
        "INSERT INTO rate_limits (key, window_start, count)
         VALUES ('old', now() - interval '25 hours', 1), ('fresh', now(), 1)",
    )
    .await?;
    app.run_sql(
        "INSERT INTO idempotency_keys (caller, key, request_hash, status, response_body, created_at)
         VALUES ('user:x', 'old', '', 201, '', now() - interval '25 hours'),
                ('user:x', 'fresh', '', 201, '', now() - interval '23 hours')",
    )
    .await?;
    for table in ["refresh_tokens", "account_tokens", "mail_outbox"] {
        assert!(rows(&app, table, old.id).await? > 0, "{table}");
    }

    let mut conn = AsyncPgConnection::establish(&app.database_url).await?;
    let pruned = api::db::retention::prune(&mut conn).await?;
    assert!(pruned.total() > 0, "{pruned:?}");
    for table in ["refresh_tokens", "account_tokens", "mail_outbox"] {
        assert_eq!(
            rows(&app, table, old.id).await?,
            0,
            "{table} of the old account"
        );
        assert!(
            rows(&app, table, fresh.id).await? > 0,
            "{table} of the fresh one"
        );
    }
    assert_eq!(
        app.count("SELECT count(*) FROM rate_limits WHERE key IN ('old', 'fresh')")
            .await?,
        1
    );
    assert_eq!(
        app.count("SELECT count(*) FROM rate_limits WHERE key = 'fresh'")
            .await?,
        1
    );
    assert_eq!(
        app.count("SELECT count(*) FROM idempotency_keys WHERE key = 'fresh'")
            .await?,
        1,
        "idempotency answers are kept 24 hours"
    );
    assert_eq!(pruned.idempotency_keys, 1, "{pruned:?}");
    // Fresh still signs in and refreshes; a second pass finds nothing more.
    let (status, _) = app
        .json(
            Method::POST,
            "/api/v1/auth/refresh",
            None,
            Some(json!({"refresh_token": fresh.refresh_token})),
        )
        .await?;
    assert_eq!(status, 200);
    assert_eq!(api::db::retention::prune(&mut conn).await?.total(), 0);
    Ok(())
}
