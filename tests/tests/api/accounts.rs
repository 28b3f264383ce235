use diesel::QueryableByName;
use diesel::sql_types::Text;
use diesel_async::{AsyncConnection, AsyncPgConnection, RunQueryDsl};
use innolabb_tests::{TEST_JWT_SECRET, TEST_PASSWORD, TestApp, problem};
use jsonwebtoken::{Algorithm, EncodingKey, Header, encode};
use reqwest::Method;
use serde_json::json;
use shared::{Me, TokenResponse};

#[tokio::test]
async fn a_person_registers_signs_in_and_sees_their_account() -> anyhow::Result<()> {
    let app = TestApp::spawn().await?;
    let response = app
        .call(Method::POST, "/api/v1/auth/register", None, Some(json!({
            "email": "  Anna.Lindqvist@Example.SE ", "password": TEST_PASSWORD, "display_name": " Anna Lindqvist "
        })))
        .await?;
    assert_eq!(response.status(), 201);
    assert_eq!(response.headers()["location"], "/api/v1/me");
    let created: Me = response.json().await?;
    assert_eq!(created.email, "anna.lindqvist@example.se");
    assert_eq!(created.display_name, "Anna Lindqvist");

    // The e-mail is matched however it is written.
    let tokens = app
        .login("ANNA.lindqvist@example.se", TEST_PASSWORD)
        .await?;
    assert_eq!(tokens.token_type, "Bearer");
    assert_eq!(tokens.expires_in, 900);
    let me: Me = app.get_as("/api/v1/me", &tokens.access_token).await?;
    assert_eq!(me, created);
    Ok(())
}

#[tokio::test]
async fn registration_reports_every_bad_field_and_stores_nothing() -> anyhow::Result<()> {
    let app = TestApp::spawn().await?;
    let response = app
        .call(
            Method::POST,
            "/api/v1/auth/register",
            None,
            Some(json!({"email": "anna", "password": "kort", "display_name": " "})),
        )
        .await?;
    assert_eq!(response.status(), 422);
    let fields: Vec<_> = problem(response)
        .await?
        .errors
        .into_iter()
        .map(|e| (e.field, e.code))
        .collect();
    assert_eq!(
        fields,
        [
            ("email".into(), "format".into()),
            ("password".into(), "too_short".into()),
            ("display_name".into(), "required".into())
        ]
    );
    let login = app
        .call(
            Method::POST,
            "/api/v1/auth/login",
            None,
            Some(json!({"email": "anna", "password": "kort"})),
        )
        .await?;
    assert_eq!(login.status(), 401);
    Ok(())
}

#[tokio::test]
async fn an_e_mail_address_has_one_account() -> anyhow::Result<()> {
    let app = TestApp::spawn().await?;
    app.sign_up("Anna Lindqvist").await?;
    let again = app
        .call(Method::POST, "/api/v1/auth/register", None, Some(json!({
            "email": "ANNA.LINDQVIST@example.se", "password": "ett annat lösenord", "display_name": "Anna"
        })))
        .await?;
    assert_eq!(again.status(), 409);
    assert_eq!(problem(again).await?.errors[0].field, "email");
    // The first password still works: nothing was overwritten.
    app.login("anna.lindqvist@example.se", TEST_PASSWORD)
        .await?;
    Ok(())
}

#[derive(QueryableByName)]
struct Hash {
    #[diesel(sql_type = Text)]
    password_hash: String,
}

#[tokio::test]
async fn passwords_are_stored_as_argon2id_with_owasp_parameters() -> anyhow::Result<()> {
    let app = TestApp::spawn().await?;
    let user = app.sign_up("Anna Lindqvist").await?;
    let mut conn = AsyncPgConnection::establish(&app.database_url).await?;
    let row: Hash = diesel::sql_query("SELECT password_hash FROM users WHERE email = $1")
        .bind::<Text, _>(&user.email)
        .get_result(&mut conn)
        .await?;
    let parts: Vec<&str> = row.password_hash.split('$').collect();
    assert_eq!(parts[1], "argon2id");
    let params: std::collections::HashMap<&str, u32> = parts[3]
        .split(',')
        .filter_map(|pair| pair.split_once('='))
        .filter_map(|(key, value)| Some((key, value.parse().ok()?)))
        .collect();
    assert!(params["m"] >= 19_456, "{params:?}");
    assert!(params["t"] >= 2, "{params:?}");
    assert!(!row.password_hash.contains(TEST_PASSWORD));
    Ok(())
}

#[tokio::test]
async fn forged_expired_or_misdirected_tokens_are_refused() -> anyhow::Result<()> {
    let app = TestApp::spawn().await?;
    let user = app.sign_up("Anna Lindqvist").await?;
    let now = chrono::Utc::now().timestamp();
    let claims = |iss: &str, aud: &str, exp: i64| json!({"sub": user.id, "sid": uuid::Uuid::nil(), "iss": iss, "aud": aud, "iat": now - 10, "exp": exp});
    let sign = |claims: serde_json::Value, algorithm: Algorithm, secret: &[u8]| {
        encode(
            &Header::new(algorithm),
            &claims,
            &EncodingKey::from_secret(secret),
        )
        .unwrap_or_default()
    };
    use base64::Engine;
    let b64 = base64::engine::general_purpose::URL_SAFE_NO_PAD;
    let unsigned = format!(
        "{}.{}.",
        b64.encode(br#"{"alg":"none","typ":"JWT"}"#),
        b64.encode(claims("innolabb", "innolabb-api", now + 600).to_string())
    );
    let bad_tokens = [
        ("alg none", unsigned),
        (
            "another algorithm",
            sign(
                claims("innolabb", "innolabb-api", now + 600),
                Algorithm::HS512,
                TEST_JWT_SECRET,
            ),
        ),
        (
            "another secret",
            sign(
                claims("innolabb", "innolabb-api", now + 600),
                Algorithm::HS256,
                b"not-the-secret-of-this-server-0123456789",
            ),
        ),
        (
            "wrong audience",
            sign(
                claims("innolabb", "someone-else", now + 600),
                Algorithm::HS256,
                TEST_JWT_SECRET,
            ),
        ),
        (
            "wrong issuer",
            sign(
                claims("evil", "innolabb-api", now + 600),
                Algorithm::HS256,
                TEST_JWT_SECRET,
            ),
        ),
        (
            "expired",
            sign(
                claims("innolabb", "innolabb-api", now - 1),
                Algorithm::HS256,
                TEST_JWT_SECRET,
            ),
        ),
        ("a refresh token", user.refresh_token.clone()),
        ("garbage", "x.y.z".to_owned()),
    ];
    // The control: a correctly made token is accepted.
    let good = sign(
        claims("innolabb", "innolabb-api", now + 600),
        Algorithm::HS256,
        TEST_JWT_SECRET,
    );
    assert_eq!(
        app.call(Method::GET, "/api/v1/me", Some(&good), None)
            .await?
            .status(),
        200
    );
    for (what, token) in bad_tokens {
        let response = app
            .call(Method::GET, "/api/v1/me", Some(&token), None)
            .await?;
        assert_eq!(response.status(), 401, "{what}");
        assert_eq!(response.headers()["www-authenticate"], "Bearer", "{what}");
    }
    assert_eq!(
        app.call(Method::GET, "/api/v1/me", None, None)
            .await?
            .status(),
        401
    );
    Ok(())
}

async fn refresh(app: &TestApp, token: &str) -> anyhow::Result<reqwest::Response> {
    app.call(
        Method::POST,
        "/api/v1/auth/refresh",
        None,
        Some(json!({"refresh_token": token})),
    )
    .await
}

#[tokio::test]
async fn refreshing_rotates_the_token_and_a_reused_token_ends_the_whole_session()
-> anyhow::Result<()> {
    let app = TestApp::spawn().await?;
    let user = app.sign_up("Anna Lindqvist").await?;
    let first = refresh(&app, &user.refresh_token).await?;
    assert_eq!(first.status(), 200);
    let first: TokenResponse = first.json().await?;
    let second_token = first
        .refresh_token
        .as_ref()
        .map_or("", |token| token.expose())
        .to_owned();
    assert_ne!(second_token, user.refresh_token);
    assert_eq!(
        app.call(
            Method::GET,
            "/api/v1/me",
            Some(first.access_token.expose()),
            None
        )
        .await?
        .status(),
        200
    );

    // Within seconds the same token again is the holder's own second tab: it gets a new
    // token and the session goes on.
    let second_tab = refresh(&app, &user.refresh_token).await?;
    assert_eq!(second_tab.status(), 200);
    let second_tab: TokenResponse = second_tab.json().await?;
    assert_ne!(second_tab.refresh_token, first.refresh_token);

    // A minute later, someone replays the first token: refused, and the family is revoked...
    app.run_sql("UPDATE refresh_tokens SET used_at = used_at - interval '1 minute'")
        .await?;
    assert_eq!(refresh(&app, &user.refresh_token).await?.status(), 401);
    // ...so the tokens the rightful holder got next are dead too.
    assert_eq!(refresh(&app, &second_token).await?.status(), 401);
    assert_eq!(
        refresh(
            &app,
            second_tab
                .refresh_token
                .as_ref()
                .map_or("", |token| token.expose())
        )
        .await?
        .status(),
        401
    );
    // Another session of the same person is untouched.
    let other = app.login(&user.email, TEST_PASSWORD).await?;
    assert_eq!(
        refresh(&app, &other.refresh_token.unwrap_or_default())
            .await?
            .status(),
        200
    );
    Ok(())
}

#[tokio::test]
async fn signing_out_ends_the_session() -> anyhow::Result<()> {
    let app = TestApp::spawn().await?;
    let user = app.sign_up("Anna Lindqvist").await?;
    let out = app
        .call(
            Method::POST,
            "/api/v1/auth/logout",
            None,
            Some(json!({"refresh_token": user.refresh_token})),
        )
        .await?;
    assert_eq!(out.status(), 204);
    assert_eq!(refresh(&app, &user.refresh_token).await?.status(), 401);
    Ok(())
}

#[tokio::test]
async fn the_browser_session_lives_in_an_http_only_cookie() -> anyhow::Result<()> {
    let app = TestApp::spawn().await?;
    let user = app.sign_up("Anna Lindqvist").await?;
    let login = app
        .call(
            Method::POST,
            "/api/v1/auth/login",
            None,
            Some(json!({"email": user.email, "password": TEST_PASSWORD, "session": "cookie"})),
        )
        .await?;
    assert_eq!(login.status(), 200);
    let cookie = login.headers()["set-cookie"].to_str()?.to_owned();
    assert!(cookie.starts_with("innolabb_refresh="), "{cookie}");
    for attribute in ["HttpOnly", "SameSite=Strict", "Path=/api/v1/auth"] {
        assert!(cookie.contains(attribute), "{cookie} lacks {attribute}");
    }
    let body: TokenResponse = login.json().await?;
    assert_eq!(
        body.refresh_token, None,
        "no script may read the refresh token"
    );

    let pair = cookie.split(';').next().unwrap_or_default().to_owned();
    let refreshed = app
        .client
        .post(app.url("/api/v1/auth/refresh"))
        .header("cookie", &pair)
        .json(&json!({}))
        .send()
        .await?;
    assert_eq!(refreshed.status(), 200);
    assert!(
        refreshed.headers()["set-cookie"]
            .to_str()?
            .starts_with("innolabb_refresh=")
    );
    // The cookie's token was used up (past the few seconds another tab may share it).
    app.run_sql("UPDATE refresh_tokens SET used_at = used_at - interval '1 minute'")
        .await?;
    let replay = app
        .client
        .post(app.url("/api/v1/auth/refresh"))
        .header("cookie", &pair)
        .json(&json!({}))
        .send()
        .await?;
    assert_eq!(replay.status(), 401);
    Ok(())
}

#[tokio::test]
async fn the_eleventh_failed_login_is_throttled_for_that_account_only() -> anyhow::Result<()> {
    let app = TestApp::spawn().await?;
    let anna = app.sign_up("Anna Lindqvist").await?;
    let erik = app.sign_up("Erik Svensson").await?;
    let wrong = json!({"email": anna.email, "password": "fel lösenord!!"});
    for attempt in 1..=10 {
        let response = app
            .call(
                Method::POST,
                "/api/v1/auth/login",
                None,
                Some(wrong.clone()),
            )
            .await?;
        assert_eq!(response.status(), 401, "attempt {attempt}");
    }
    let eleventh = app
        .call(Method::POST, "/api/v1/auth/login", None, Some(wrong))
        .await?;
    assert_eq!(eleventh.status(), 429);
    let retry_after: i64 = eleventh.headers()["retry-after"].to_str()?.parse()?;
    assert!((1..=900).contains(&retry_after), "{retry_after}");
    // Even the right password waits out the window...
    let right = app
        .call(
            Method::POST,
            "/api/v1/auth/login",
            None,
            Some(json!({"email": anna.email, "password": TEST_PASSWORD})),
        )
        .await?;
    assert_eq!(right.status(), 429);
    // ...but someone else behind the same address signs in.
    app.login(&erik.email, TEST_PASSWORD).await?;
    Ok(())
}

#[tokio::test]
async fn an_unknown_e_mail_and_a_wrong_password_answer_alike() -> anyhow::Result<()> {
    let app = TestApp::spawn().await?;
    let anna = app.sign_up("Anna Lindqvist").await?;
    let unknown = app
        .call(
            Method::POST,
            "/api/v1/auth/login",
            None,
            Some(json!({"email": "ingen@example.se", "password": TEST_PASSWORD})),
        )
        .await?;
    let wrong = app
        .call(
            Method::POST,
            "/api/v1/auth/login",
            None,
            Some(json!({"email": anna.email, "password": "fel lösenord!!"})),
        )
        .await?;
    assert_eq!(unknown.status(), 401);
    assert_eq!(wrong.status(), 401);
    assert_eq!(problem(unknown).await?.detail, problem(wrong).await?.detail);
    Ok(())
}

#[tokio::test]
async fn a_workshop_of_thirty_residents_signs_up_from_one_address() -> anyhow::Result<()> {
    let app = TestApp::spawn().await?;
    for n in 1..=30 {
        let response = app
            .call(Method::POST, "/api/v1/auth/register", None, Some(json!({
                "email": format!("boende{n}@example.se"), "password": TEST_PASSWORD, "display_name": format!("Boende {n}")
            })))
            .await?;
        assert_eq!(response.status(), 201, "resident {n}");
    }
    Ok(())
}

#[tokio::test]
async fn a_profile_changes_and_a_new_password_signs_out_other_sessions() -> anyhow::Result<()> {
    let app = TestApp::spawn().await?;
    let user = app.sign_up("Anna Lindqvist").await?;
    let other_session = app.login(&user.email, TEST_PASSWORD).await?;

    let without_version = app
        .call(
            Method::PATCH,
            "/api/v1/me",
            Some(&user.access_token),
            Some(json!({"display_name": "Anna L."})),
        )
        .await?;
    assert_eq!(without_version.status(), 428);
    let changed: Me = app
        .patch(
            "/api/v1/me",
            &user.access_token,
            1,
            json!({"display_name": "Anna L.", "locale": "en"}),
        )
        .await?
        .json()
        .await?;
    assert_eq!(changed.version, 2);
    let stale = app
        .patch("/api/v1/me", &user.access_token, 1, json!({"locale": "sv"}))
        .await?;
    assert_eq!(stale.status(), 412);
    assert_eq!(
        (changed.display_name.as_str(), changed.locale),
        ("Anna L.", shared::Locale::En)
    );

    let wrong_current = app
        .call(Method::POST, "/api/v1/me/password", Some(&user.access_token), Some(json!({"current_password": "fel lösenord!!", "new_password": "ett helt nytt lösenord"})))
        .await?;
    assert_eq!(wrong_current.status(), 422);

    let changed = app
        .call(Method::POST, "/api/v1/me/password", Some(&user.access_token), Some(json!({"current_password": TEST_PASSWORD, "new_password": "ett helt nytt lösenord"})))
        .await?;
    assert_eq!(changed.status(), 204);
    assert_eq!(
        refresh(&app, &other_session.refresh_token.unwrap_or_default())
            .await?
            .status(),
        401
    );
    assert_eq!(
        refresh(&app, &user.refresh_token).await?.status(),
        200,
        "this session stays"
    );
    app.login(&user.email, "ett helt nytt lösenord").await?;
    Ok(())
}

#[tokio::test]
async fn an_absurdly_long_e_mail_is_refused_by_its_documented_limit() -> anyhow::Result<()> {
    // The contract says at most 254 characters; longer is a 422 naming the field, before
    // any account is looked up (so it tells nothing about who has one).
    let app = TestApp::spawn().await?;
    let email = format!("{}@example.se", "a".repeat(5000));
    let response = app
        .call(
            Method::POST,
            "/api/v1/auth/login",
            None,
            Some(json!({"email": email, "password": TEST_PASSWORD})),
        )
        .await?;
    assert_eq!(response.status(), 422);
    let problem: serde_json::Value = response.json().await?;
    assert_eq!(problem["errors"][0]["field"], "email");
    assert_eq!(problem["errors"][0]["code"], "too_long");
    Ok(())
}
