//! People's accounts.

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use shared::{Locale, Me};
use uuid::Uuid;

use super::schema::users;

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = users)]
pub struct User {
    pub id: Uuid,
    pub email: String,
    pub password_hash: String,
    pub display_name: String,
    pub locale: String,
    pub is_platform_admin: bool,
    pub created_at: DateTime<Utc>,
    pub version: i32,
    pub email_verified_at: Option<DateTime<Utc>>,
}

impl From<User> for Me {
    fn from(user: User) -> Self {
        Me {
            id: user.id,
            email: user.email,
            display_name: user.display_name,
            locale: Locale::parse(&user.locale).unwrap_or_default(),
            email_verified: user.email_verified_at.is_some(),
            is_platform_admin: user.is_platform_admin,
            created_at: user.created_at,
            version: user.version,
        }
    }
}

pub async fn find(conn: &mut AsyncPgConnection, id: Uuid) -> QueryResult<Option<User>> {
    users::table
        .find(id)
        .select(User::as_select())
        .first(conn)
        .await
        .optional()
}

/// `email` must already be normalised.
pub async fn find_by_email(conn: &mut AsyncPgConnection, email: &str) -> QueryResult<Option<User>> {
    users::table
        .filter(users::email.eq(email))
        .select(User::as_select())
        .first(conn)
        .await
        .optional()
}

/// Creates an account speaking `locale`; `None` when the e-mail is taken.
pub async fn insert(
    conn: &mut AsyncPgConnection,
    email: &str,
    password_hash: &str,
    display_name: &str,
    locale: Locale,
) -> QueryResult<Option<User>> {
    diesel::insert_into(users::table)
        .values((
            users::id.eq(Uuid::now_v7()),
            users::email.eq(email),
            users::password_hash.eq(password_hash),
            users::display_name.eq(display_name),
            users::locale.eq(locale.as_str()),
        ))
        .on_conflict(users::email)
        .do_nothing()
        .returning(User::as_returning())
        .get_result(conn)
        .await
        .optional()
}

lock_version_of!(users);

pub async fn update_profile(
    conn: &mut AsyncPgConnection,
    id: Uuid,
    display_name: Option<&str>,
    locale: Option<Locale>,
) -> QueryResult<User> {
    let current = users::table
        .find(id)
        .select(User::as_select())
        .for_update()
        .first(conn)
        .await?;
    let display_name = display_name.map_or(current.display_name, str::to_owned);
    let locale = locale.map_or(current.locale, |locale| locale.as_str().to_owned());
    diesel::update(users::table.find(id))
        .set((
            users::display_name.eq(display_name),
            users::locale.eq(locale),
            users::version.eq(users::version + 1),
            users::updated_at.eq(diesel::dsl::now),
        ))
        .returning(User::as_returning())
        .get_result(conn)
        .await
}

pub async fn set_password(
    conn: &mut AsyncPgConnection,
    id: Uuid,
    password_hash: &str,
) -> QueryResult<()> {
    diesel::update(users::table.find(id))
        .set((
            users::password_hash.eq(password_hash),
            users::version.eq(users::version + 1),
            users::updated_at.eq(diesel::dsl::now),
        ))
        .execute(conn)
        .await?;
    Ok(())
}

/// Marks the address verified, if it is still the account's; whether it was. (Not an edit
/// of the profile: its version stays, so that nobody's `If-Match` fails for it.)
pub async fn verify_email(
    conn: &mut AsyncPgConnection,
    id: Uuid,
    email: &str,
) -> QueryResult<bool> {
    let changed = diesel::update(users::table.find(id))
        .filter(users::email.eq(email))
        .set((
            users::email_verified_at.eq(Some(Utc::now())),
            users::updated_at.eq(diesel::dsl::now),
        ))
        .execute(conn)
        .await?;
    Ok(changed == 1)
}

/// Moves an account to a new, verified address; `false` when another account has it.
pub async fn change_email(
    conn: &mut AsyncPgConnection,
    id: Uuid,
    email: &str,
) -> QueryResult<bool> {
    let changed = diesel::update(users::table.find(id))
        .set((
            users::email.eq(email),
            users::email_verified_at.eq(Some(Utc::now())),
            users::version.eq(users::version + 1),
            users::updated_at.eq(diesel::dsl::now),
        ))
        .execute(conn)
        .await;
    match changed {
        Ok(_) => Ok(true),
        Err(diesel::result::Error::DatabaseError(
            diesel::result::DatabaseErrorKind::UniqueViolation,
            _,
        )) => Ok(false),
        Err(error) => Err(error),
    }
}

/// Makes a person a platform admin; `false` when no account has that e-mail.
pub async fn make_platform_admin(conn: &mut AsyncPgConnection, email: &str) -> QueryResult<bool> {
    let changed = diesel::update(users::table.filter(users::email.eq(email)))
        .set(users::is_platform_admin.eq(true))
        .execute(conn)
        .await?;
    Ok(changed == 1)
}
