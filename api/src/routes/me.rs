//! The signed-in person: profile, password, organisations.

use actix_web::{HttpResponse, delete, get, patch, post, web};
use diesel_async::AsyncConnection;
use shared::limits;
use shared::{
    ChangeEmail, ChangePassword, DeleteAccount, Me, MyOrganization, Page, Problem, UpdateMe,
};
use utoipa_actix_web::service_config::ServiceConfig;

use crate::auth::tokens::{self, Purpose};
use crate::auth::{Caller, password, throttle};
use crate::db::{self, Db};
use crate::domain::accounts::{check_email, check_password, normalize_email};
use crate::domain::validation::FieldErrors;
use crate::error::ApiError;
use crate::extract::Body;
use crate::mail::{self, Links, Recipient, compose};
use crate::openapi::problems::{
    BadRequest, PersonOnly, PreconditionFailed, PreconditionRequired, Unauthorized, Unprocessable,
};
use crate::preconditions::{IfMatch, Tagged};

pub fn configure(config: &mut ServiceConfig) {
    config
        .service(get_me)
        .service(update_me)
        .service(change_password)
        .service(send_verification_email)
        .service(request_email_change)
        .service(export_my_data)
        .service(delete_me)
        .service(list_my_organizations);
}

/// The signed-in person's account, once `password` (the body's `field`) proves it is
/// theirs: what changing the password or the address and deleting the account ask first.
async fn confirm_password(
    conn: &mut diesel_async::AsyncPgConnection,
    user_id: uuid::Uuid,
    password: &str,
    field: &str,
) -> Result<db::users::User, ApiError> {
    let user = db::users::find(conn, user_id)
        .await?
        .ok_or_else(ApiError::unauthorized)?;
    if !password::verify(password.to_owned(), Some(user.password_hash.clone())).await? {
        return Err(ApiError::invalid_field(
            field,
            "wrong",
            crate::t!("field-wrong-password"),
        ));
    }
    Ok(user)
}

/// The signed-in person.
#[utoipa::path(
    tag = "me",
    security(("bearer_jwt" = [])),
    responses(
        (status = 200, description = "Your account.", body = Me),
        Unauthorized, PersonOnly,
    ),
)]
#[get("/me")]
async fn get_me(db: Db, caller: Caller) -> Result<Tagged<Me>, ApiError> {
    let person = caller.person()?;
    let mut conn = db.get().await?;
    let user = db::users::find(&mut conn, person.user_id)
        .await?
        .ok_or_else(ApiError::unauthorized)?;
    Ok(Tagged(user.into()))
}

/// Change your display name or language.
#[utoipa::path(
    tag = "me",
    security(("bearer_jwt" = [])),
    params(crate::openapi::IfMatchHeader),
    request_body = UpdateMe,
    responses(
        (status = 200, description = "Your account, changed.", body = Me),
        BadRequest, Unauthorized, PersonOnly,
        Unprocessable, PreconditionFailed, PreconditionRequired,
    ),
)]
#[patch("/me")]
async fn update_me(
    db: Db,
    caller: Caller,
    if_match: IfMatch,
    body: Body<UpdateMe>,
) -> Result<Tagged<Me>, ApiError> {
    let user_id = caller.person()?.user_id;
    let mut errors = FieldErrors::default();
    if let Some(name) = &body.display_name {
        errors.length(name, "display_name", limits::DISPLAY_NAME);
    }
    errors.finish()?;
    let mut conn = db.get().await?;
    let user = conn
        .transaction::<_, ApiError, _>(async move |conn| {
            let version = db::users::lock_version(conn, user_id)
                .await?
                .ok_or_else(ApiError::unauthorized)?;
            if_match.check(version)?;
            Ok(db::users::update_profile(
                conn,
                user_id,
                body.display_name.as_deref().map(str::trim),
                body.locale,
            )
            .await?)
        })
        .await?;
    Ok(Tagged(user.into()))
}

/// Change your password; every other session of yours is signed out.
#[utoipa::path(
    tag = "me",
    security(("bearer_jwt" = [])),
    request_body = ChangePassword,
    responses(
        (status = 204, description = "Changed."),
        BadRequest, Unauthorized, PersonOnly,
        (status = 422, description = "The current password is wrong, or the new one invalid.", body = Problem, content_type = "application/problem+json"),
    ),
)]
#[post("/me/password")]
async fn change_password(
    db: Db,
    caller: Caller,
    body: Body<ChangePassword>,
) -> Result<HttpResponse, ApiError> {
    let person = caller.person()?;
    let mut errors = FieldErrors::default();
    check_password(&mut errors, "new_password", body.new_password.expose());
    errors.finish()?;
    let mut conn = db.get().await?;
    confirm_password(
        &mut conn,
        person.user_id,
        body.current_password.expose(),
        "current_password",
    )
    .await?;
    let new_hash = password::hash(body.new_password.expose().to_owned()).await?;
    db::users::set_password(&mut conn, person.user_id, &new_hash).await?;
    db::sessions::revoke_all_but(&mut conn, person.user_id, Some(person.session_id)).await?;
    Ok(HttpResponse::NoContent().finish())
}

/// Mail the link that verifies your e-mail address again.
///
/// The newest link replaces the earlier ones. At most 5 an hour (429).
#[utoipa::path(
    tag = "me",
    security(("bearer_jwt" = [])),
    responses(
        (status = 202, description = "A new link is on its way."),
        Unauthorized, PersonOnly,
        (status = 409, description = "The address is verified already.", body = Problem, content_type = "application/problem+json"),
        (status = 429, description = "Too many mails asked for.", body = Problem, content_type = "application/problem+json"),
    ),
)]
#[post("/me/verification-email")]
async fn send_verification_email(
    db: Db,
    links: web::Data<Links>,
    caller: Caller,
) -> Result<HttpResponse, ApiError> {
    let person = caller.person()?;
    let mut conn = db.get().await?;
    conn.transaction::<_, ApiError, _>(async |conn| {
        let user = db::users::find(conn, person.user_id)
            .await?
            .ok_or_else(ApiError::unauthorized)?;
        if user.email_verified_at.is_some() {
            return Err(ApiError::Conflict {
                detail: crate::t!("problem-email-verified-already"),
                errors: Vec::new(),
            });
        }
        throttle::check_verification_mail(conn, user.id).await?;
        tokens::send(conn, &links, &user, Purpose::VerifyEmail).await?;
        Ok(())
    })
    .await?;
    Ok(HttpResponse::Accepted().finish())
}

/// Move your account to another e-mail address.
///
/// A link is mailed to the new address; the account moves once it is followed
/// (`POST /auth/verify-email`, valid 48 hours). Until then nothing changes, and the
/// current address is told of the request. Shares the limit of 5 mails an hour with
/// `POST /me/verification-email` (429).
#[utoipa::path(
    tag = "me",
    security(("bearer_jwt" = [])),
    request_body = ChangeEmail,
    responses(
        (status = 202, description = "A link is on its way to the new address."),
        BadRequest, Unauthorized, PersonOnly,
        (status = 409, description = "Another account has that address.", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "The password is wrong, or the address invalid or already yours.", body = Problem, content_type = "application/problem+json"),
        (status = 429, description = "Too many mails asked for.", body = Problem, content_type = "application/problem+json"),
    ),
)]
#[post("/me/email")]
async fn request_email_change(
    db: Db,
    links: web::Data<Links>,
    caller: Caller,
    body: Body<ChangeEmail>,
) -> Result<HttpResponse, ApiError> {
    let person = caller.person()?;
    let email = normalize_email(&body.email);
    let mut errors = FieldErrors::default();
    check_email(&mut errors, "email", &email);
    errors.finish()?;
    let mut conn = db.get().await?;
    let user = confirm_password(
        &mut conn,
        person.user_id,
        body.password.expose(),
        "password",
    )
    .await?;
    if email == user.email {
        return Err(ApiError::invalid_field(
            "email",
            "unchanged",
            crate::t!("field-email-unchanged"),
        ));
    }
    if db::users::find_by_email(&mut conn, &email).await?.is_some() {
        return Err(ApiError::conflict_on(
            "email",
            "taken",
            &crate::t!("field-email-taken"),
        ));
    }
    conn.transaction::<_, ApiError, _>(async |conn| {
        throttle::check_verification_mail(conn, user.id).await?;
        tokens::send_to(conn, &links, &user, &email, Purpose::ChangeEmail).await?;
        let recipient = Recipient::of(&user);
        let notice = compose::email_change_requested(recipient, &email, &links);
        mail::enqueue(conn, recipient, &notice).await?;
        Ok(())
    })
    .await?;
    Ok(HttpResponse::Accepted().finish())
}

/// The organisations you belong to, with your role in each.
#[utoipa::path(
    tag = "me",
    security(("bearer_jwt" = [])),
    responses(
        (status = 200, description = "A complete list.", body = Page<MyOrganization>),
        Unauthorized, PersonOnly,
    ),
)]
#[get("/me/organizations")]
async fn list_my_organizations(
    db: Db,
    caller: Caller,
) -> Result<web::Json<Page<MyOrganization>>, ApiError> {
    let person = caller.person()?;
    let mut conn = db.get().await?;
    Ok(web::Json(Page::complete(
        db::organizations::of_user(&mut conn, person.user_id).await?,
    )))
}

/// Everything Innolabb stores about you, as JSON (the right of access, GDPR article 15).
///
/// Your profile, memberships, ideas, comments, votes, match messages, reports,
/// notifications and their mail settings, sessions (when they started and ended, never
/// their secrets) and the mail sent to you. Nothing about anyone else.
#[utoipa::path(
    tag = "me",
    security(("bearer_jwt" = [])),
    responses(
        (status = 200, description = "Your data.", body = Object, headers(("Content-Disposition" = String, description = "attachment; filename=\"innolabb-data.json\""))),
        Unauthorized, PersonOnly,
    ),
)]
#[get("/me/export")]
async fn export_my_data(db: Db, caller: Caller) -> Result<HttpResponse, ApiError> {
    let person = caller.person()?;
    let mut conn = db.get().await?;
    let user = db::users::find(&mut conn, person.user_id)
        .await?
        .ok_or_else(ApiError::unauthorized)?;
    let mut data = db::personal_data::export(&mut conn, user.id).await?;
    if let Some(sections) = data.as_object_mut() {
        sections.insert("exported_at".into(), serde_json::json!(chrono::Utc::now()));
        sections.insert("profile".into(), serde_json::json!(Me::from(user)));
    }
    Ok(HttpResponse::Ok()
        .insert_header((
            "Content-Disposition",
            "attachment; filename=\"innolabb-data.json\"",
        ))
        .json(data))
}

/// Delete your account (the right to erasure, GDPR article 17).
///
/// Your e-mail address, name, password, sessions, memberships, notifications and mail are
/// erased at once; your ideas, comments and votes stay, shown as "Borttagen användare", so
/// that the threads they are part of stay readable. Refused with 409 while you are the only
/// owner of an organisation: make someone else an owner first.
#[utoipa::path(
    tag = "me",
    security(("bearer_jwt" = [])),
    request_body = DeleteAccount,
    responses(
        (status = 204, description = "Erased; you are signed out."),
        BadRequest, Unauthorized, PersonOnly,
        (status = 409, description = "You are the only owner of an organisation.", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "The password is wrong.", body = Problem, content_type = "application/problem+json"),
    ),
)]
#[delete("/me")]
async fn delete_me(
    db: Db,
    auth: web::Data<crate::config::AuthConfig>,
    caller: Caller,
    body: Body<DeleteAccount>,
) -> Result<HttpResponse, ApiError> {
    let person = caller.person()?;
    let mut conn = db.get().await?;
    let user = confirm_password(
        &mut conn,
        person.user_id,
        body.password.expose(),
        "password",
    )
    .await?;
    conn.transaction::<_, ApiError, _>(async |conn| {
        let only_owner = db::personal_data::organizations_only_owned_by(conn, user.id).await?;
        if !only_owner.is_empty() {
            return Err(ApiError::Conflict {
                detail: crate::t!(
                    "problem-last-owner-of",
                    organizations = only_owner.join(", ")
                ),
                errors: Vec::new(),
            });
        }
        db::personal_data::erase(conn, user.id, &user.email).await?;
        let details = serde_json::json!({});
        db::audit::record(conn, &caller, "user.erased", "user", user.id, details).await?;
        Ok(())
    })
    .await?;
    Ok(HttpResponse::NoContent()
        .cookie(crate::auth::session::refresh_cookie(
            String::new(),
            &auth,
            true,
        ))
        .finish())
}
