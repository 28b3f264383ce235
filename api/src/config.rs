//! Configuration, read from environment variables with sane defaults.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::time::Duration;

use anyhow::Context;
use secrecy::{ExposeSecret, SecretBox};

/// Everything the server needs to start.
#[derive(Debug, Clone)]
pub struct Config {
    /// `DATABASE_URL`: the Postgres database to use.
    pub database_url: String,
    /// `DATABASE_REPLICA_URL`: a streaming replica of it, from which lists, search and
    /// statistics are read (optional).
    pub database_replica_url: Option<String>,
    /// `BIND_ADDR`: where to listen; port 0 picks a free port (tests).
    pub bind_addr: SocketAddr,
    /// `STATIC_DIR`: the built web client, served at `/`.
    pub static_dir: PathBuf,
    /// `DATABASE_POOL_SIZE`, `DATABASE_POOL_TIMEOUT_MS` and `DATABASE_STATEMENT_TIMEOUT_MS`.
    pub database_pool: PoolSettings,
    /// `JWT_SECRET` and `COOKIE_SECURE`.
    pub auth: AuthConfig,
    /// `WEBHOOKS_ALLOW_PRIVATE`: let webhooks call `http` URLs and private addresses, for
    /// local development and tests only.
    pub webhooks: WebhookPolicy,
    /// `API_KEY_RATE_LIMIT`: requests a minute an API key may make unless a platform
    /// admin gave it its own limit.
    pub key_rate_limit: KeyRateLimit,
    /// `SEARCH_WORDS_REFRESH_SECONDS`: how often the words that searches are corrected to
    /// and completed from are gathered again, when something changed.
    pub search_words_refresh: std::time::Duration,
    /// `SMTP_URL` or `MAIL_DIR`, `MAIL_FROM` and `PUBLIC_URL`: how mail leaves and where
    /// its links lead.
    pub mail: MailConfig,
    /// `FORM_MIN_FILL_MS`: a form of the web client sent faster than this was filled by a
    /// program.
    pub spam: SpamPolicy,
}

/// How the API holds its connections to Postgres, and how long it waits on them: a request
/// that waits longer answers 503 with `Retry-After` instead of hanging.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PoolSettings {
    /// `DATABASE_POOL_SIZE`: the most connections held open.
    pub max_size: usize,
    /// `DATABASE_POOL_TIMEOUT_MS`: how long a request waits for a free connection (or for a
    /// new one to open).
    pub wait_timeout: Duration,
    /// `DATABASE_STATEMENT_TIMEOUT_MS`: how long one statement may run before Postgres
    /// cancels it (a runaway query, a lock held too long).
    pub statement_timeout: Duration,
}

pub const DEFAULT_DATABASE_POOL_SIZE: usize = 10;
pub const DEFAULT_DATABASE_POOL_TIMEOUT_MS: u64 = 5000;
pub const DEFAULT_DATABASE_STATEMENT_TIMEOUT_MS: u64 = 5000;

impl Default for PoolSettings {
    fn default() -> Self {
        Self {
            max_size: DEFAULT_DATABASE_POOL_SIZE,
            wait_timeout: Duration::from_millis(DEFAULT_DATABASE_POOL_TIMEOUT_MS),
            statement_timeout: Duration::from_millis(DEFAULT_DATABASE_STATEMENT_TIMEOUT_MS),
        }
    }
}

/// What marks a form as filled by a program.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SpamPolicy {
    pub min_fill_ms: u32,
}

pub const DEFAULT_FORM_MIN_FILL_MS: u32 = 2000;

impl Default for SpamPolicy {
    fn default() -> Self {
        Self {
            min_fill_ms: DEFAULT_FORM_MIN_FILL_MS,
        }
    }
}

/// Where outgoing mail goes.
#[derive(Debug, Clone)]
pub enum MailDelivery {
    /// `SMTP_URL`: `smtp://host:port` (plain, a local relay), `smtps://…` (TLS),
    /// `smtp://…?tls=starttls`; user and password in the URL.
    Smtp(std::sync::Arc<SecretBox<str>>),
    /// `MAIL_DIR`: each mail written as an `.eml` file there (development).
    Files(PathBuf),
    /// Neither: mail waits in the outbox until a later start is given one.
    Off,
}

impl MailDelivery {
    /// By SMTP to `url` (see [`MailDelivery::Smtp`]).
    pub fn smtp(url: &str) -> Self {
        Self::Smtp(std::sync::Arc::new(SecretBox::new(url.into())))
    }
}

/// Outgoing mail.
#[derive(Debug, Clone)]
pub struct MailConfig {
    pub delivery: MailDelivery,
    /// `MAIL_FROM`: the sender, `Innolabb <noreply@example.se>` or a bare address.
    pub from: String,
    /// `PUBLIC_URL`: where people reach the web client, for links in mail (no trailing
    /// `/`); unset, the address the server listens on.
    pub public_url: Option<String>,
}

pub const DEFAULT_MAIL_FROM: &str = "Innolabb <noreply@innolabb.localhost>";

impl MailConfig {
    /// Mail kept in the outbox, with links to the server itself.
    pub fn off() -> Self {
        Self {
            delivery: MailDelivery::Off,
            from: DEFAULT_MAIL_FROM.to_owned(),
            public_url: None,
        }
    }

    fn from_lookup(lookup: &impl Fn(&str) -> Option<String>) -> anyhow::Result<Self> {
        let delivery = match (lookup("SMTP_URL"), lookup("MAIL_DIR")) {
            (Some(_), Some(_)) => anyhow::bail!("set SMTP_URL or MAIL_DIR, not both"),
            (Some(url), None) => {
                let parsed = url::Url::parse(&url)
                    .ok()
                    .filter(|url| matches!(url.scheme(), "smtp" | "smtps") && url.has_host());
                // Never echo the URL: it may hold a password.
                anyhow::ensure!(
                    parsed.is_some(),
                    "SMTP_URL is not an smtp:// or smtps:// URL with a host"
                );
                MailDelivery::smtp(&url)
            }
            (None, Some(dir)) => MailDelivery::Files(dir.into()),
            (None, None) => MailDelivery::Off,
        };
        let from = lookup("MAIL_FROM").unwrap_or_else(|| DEFAULT_MAIL_FROM.to_owned());
        from.parse::<lettre::message::Mailbox>()
            .with_context(|| format!("MAIL_FROM={from:?} is not an e-mail address"))?;
        let public_url = lookup("PUBLIC_URL");
        if let Some(public_url) = &public_url {
            let parsed = url::Url::parse(public_url)
                .ok()
                .filter(|url| matches!(url.scheme(), "http" | "https") && url.has_host());
            anyhow::ensure!(
                parsed.is_some(),
                "PUBLIC_URL={public_url:?} is not an http(s) URL such as https://innolabb.example.se"
            );
        }
        Ok(Self {
            delivery,
            from,
            public_url: public_url.map(|url| url.trim_end_matches('/').to_owned()),
        })
    }
}

pub const DEFAULT_SEARCH_WORDS_REFRESH_SECONDS: u64 = 60;

/// The default limit of an API key's requests a minute.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct KeyRateLimit {
    pub per_minute: i32,
}

pub const DEFAULT_API_KEY_RATE_LIMIT: i32 = 600;

impl Default for KeyRateLimit {
    fn default() -> Self {
        Self {
            per_minute: DEFAULT_API_KEY_RATE_LIMIT,
        }
    }
}

/// Which addresses webhooks may call.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct WebhookPolicy {
    pub allow_private: bool,
}

/// What signs and carries sessions.
#[derive(Debug, Clone)]
pub struct AuthConfig {
    /// `JWT_SECRET`: signs access tokens; at least 32 bytes.
    jwt_secret: std::sync::Arc<SecretBox<[u8]>>,
    /// `COOKIE_SECURE`: mark the session cookie `Secure`; by default whenever `PUBLIC_URL`
    /// is `https`.
    pub cookie_secure: bool,
}

impl AuthConfig {
    pub const MIN_SECRET_BYTES: usize = 32;

    pub fn new(jwt_secret: &[u8], cookie_secure: bool) -> anyhow::Result<Self> {
        anyhow::ensure!(
            jwt_secret.len() >= Self::MIN_SECRET_BYTES,
            "JWT_SECRET must be at least {} bytes long",
            Self::MIN_SECRET_BYTES
        );
        Ok(Self {
            jwt_secret: std::sync::Arc::new(SecretBox::new(Box::from(jwt_secret))),
            cookie_secure,
        })
    }

    pub fn jwt_secret(&self) -> &[u8] {
        self.jwt_secret.expose_secret()
    }
}

pub const DEFAULT_BIND_ADDR: &str = "127.0.0.1:8080";
pub const DEFAULT_STATIC_DIR: &str = "web-client/dist";
/// A whole number above zero, `default` when unset.
fn positive<T>(
    lookup: &impl Fn(&str) -> Option<String>,
    name: &str,
    default: T,
) -> anyhow::Result<T>
where
    T: std::str::FromStr + PartialOrd + Default,
{
    match lookup(name) {
        None => Ok(default),
        Some(value) => value
            .parse()
            .ok()
            .filter(|number| *number > T::default())
            .with_context(|| format!("{name}={value:?} is not a positive number")),
    }
}

/// A true/false variable, false when unset.
fn flag(lookup: &impl Fn(&str) -> Option<String>, name: &str) -> anyhow::Result<bool> {
    flag_or(lookup, name, false)
}

/// As [`flag`], with the value it has when unset.
fn flag_or(
    lookup: &impl Fn(&str) -> Option<String>,
    name: &str,
    default: bool,
) -> anyhow::Result<bool> {
    match lookup(name).as_deref() {
        None => Ok(default),
        Some("false") | Some("0") => Ok(false),
        Some("true") | Some("1") => Ok(true),
        Some(other) => anyhow::bail!("{name}={other:?} must be true or false"),
    }
}

impl Config {
    /// Reads the configuration from the process environment.
    pub fn from_env() -> anyhow::Result<Self> {
        Self::from_lookup(|name| std::env::var(name).ok())
    }

    /// Reads the configuration through `lookup`, so that it can be tested without
    /// touching the process environment.
    pub fn from_lookup(lookup: impl Fn(&str) -> Option<String>) -> anyhow::Result<Self> {
        let database_url = lookup("DATABASE_URL").context(
            "DATABASE_URL is not set: point it at a Postgres database, \
             or use `cargo xtask run`, which starts a private one",
        )?;
        let bind_addr = lookup("BIND_ADDR").unwrap_or_else(|| DEFAULT_BIND_ADDR.to_owned());
        let bind_addr = bind_addr.parse().with_context(|| {
            format!("BIND_ADDR={bind_addr:?} is not an address such as {DEFAULT_BIND_ADDR}")
        })?;
        let static_dir = lookup("STATIC_DIR").unwrap_or_else(|| DEFAULT_STATIC_DIR.to_owned());
        let database_pool = PoolSettings {
            max_size: positive(&lookup, "DATABASE_POOL_SIZE", DEFAULT_DATABASE_POOL_SIZE)?,
            wait_timeout: Duration::from_millis(positive(
                &lookup,
                "DATABASE_POOL_TIMEOUT_MS",
                DEFAULT_DATABASE_POOL_TIMEOUT_MS,
            )?),
            statement_timeout: Duration::from_millis(positive(
                &lookup,
                "DATABASE_STATEMENT_TIMEOUT_MS",
                DEFAULT_DATABASE_STATEMENT_TIMEOUT_MS,
            )?),
        };
        let jwt_secret = lookup("JWT_SECRET").context(
            "JWT_SECRET is not set: give it 32 or more random bytes (`cargo xtask run` makes one in .data/)",
        )?;
        let mail = MailConfig::from_lookup(&lookup)?;
        // Behind HTTPS the session cookie is never sent in the clear, unless told otherwise.
        let served_over_https = mail
            .public_url
            .as_deref()
            .is_some_and(|url| url.starts_with("https://"));
        let cookie_secure = flag_or(&lookup, "COOKIE_SECURE", served_over_https)?;
        let per_minute = positive(&lookup, "API_KEY_RATE_LIMIT", DEFAULT_API_KEY_RATE_LIMIT)?;
        let search_words_refresh = positive(
            &lookup,
            "SEARCH_WORDS_REFRESH_SECONDS",
            DEFAULT_SEARCH_WORDS_REFRESH_SECONDS,
        )?;
        let min_fill_ms = match lookup("FORM_MIN_FILL_MS") {
            None => DEFAULT_FORM_MIN_FILL_MS,
            Some(value) => value.parse().with_context(|| {
                format!("FORM_MIN_FILL_MS={value:?} is not a number of milliseconds")
            })?,
        };
        let database_replica_url = lookup("DATABASE_REPLICA_URL").filter(|url| !url.is_empty());
        if let Some(url) = &database_replica_url {
            // Refused now: a replica that cannot be reached is only a warning on each read.
            // The value is not repeated: it may hold a password.
            url.parse::<tokio_postgres::Config>().map_err(|error| {
                anyhow::anyhow!(
                    "DATABASE_REPLICA_URL is not a Postgres connection string ({error}): \
                     give it as postgres://user:password@host:port/database"
                )
            })?;
        }
        Ok(Self {
            database_url,
            database_replica_url,
            bind_addr,
            static_dir: static_dir.into(),
            database_pool,
            auth: AuthConfig::new(jwt_secret.as_bytes(), cookie_secure)?,
            webhooks: WebhookPolicy {
                allow_private: flag(&lookup, "WEBHOOKS_ALLOW_PRIVATE")?,
            },
            key_rate_limit: KeyRateLimit { per_minute },
            search_words_refresh: std::time::Duration::from_secs(search_words_refresh),
            mail,
            spam: SpamPolicy { min_fill_ms },
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SECRET: &str = "0123456789abcdef0123456789abcdef";

    fn lookup<'a>(vars: &'a [(&'a str, &'a str)]) -> impl Fn(&str) -> Option<String> + 'a {
        move |name| {
            vars.iter()
                .find(|(key, _)| *key == name)
                .map(|(_, value)| (*value).to_owned())
        }
    }

    #[test]
    fn defaults_apply_when_only_the_database_is_given() -> anyhow::Result<()> {
        let config = Config::from_lookup(lookup(&[
            ("DATABASE_URL", "postgres://x/y"),
            ("JWT_SECRET", SECRET),
        ]))?;
        assert_eq!(config.bind_addr.to_string(), DEFAULT_BIND_ADDR);
        assert_eq!(config.static_dir, PathBuf::from(DEFAULT_STATIC_DIR));
        assert_eq!(config.database_pool, PoolSettings::default());
        assert_eq!(config.database_replica_url, None);
        assert_eq!(config.key_rate_limit.per_minute, DEFAULT_API_KEY_RATE_LIMIT);
        assert_eq!(config.spam.min_fill_ms, DEFAULT_FORM_MIN_FILL_MS);
        assert_eq!(
            config.search_words_refresh.as_secs(),
            DEFAULT_SEARCH_WORDS_REFRESH_SECONDS
        );
        Ok(())
    }

    #[test]
    fn a_replica_is_used_only_when_its_url_is_given() -> anyhow::Result<()> {
        let with = |url: &'static str| {
            Config::from_lookup(lookup(&[
                ("DATABASE_URL", "postgres://x/y"),
                ("JWT_SECRET", SECRET),
                ("DATABASE_REPLICA_URL", url),
            ]))
        };
        assert_eq!(
            with("postgres://replica/y")?
                .database_replica_url
                .as_deref(),
            Some("postgres://replica/y")
        );
        assert_eq!(with("")?.database_replica_url, None);
        for wrong in ["http://replica/y", "replica", "postgres://replica:port/y"] {
            let refused = with(wrong).err().map(|error| error.to_string());
            assert!(
                refused.as_deref().is_some_and(|message| message
                    .starts_with("DATABASE_REPLICA_URL is not a Postgres connection string")
                    && !message.contains(wrong)),
                "{wrong}: {refused:?}"
            );
        }
        Ok(())
    }

    #[test]
    fn the_session_cookie_is_secure_by_default_behind_https() -> anyhow::Result<()> {
        let secure = |vars: &[(&'static str, &'static str)]| {
            let mut all = vec![("DATABASE_URL", "postgres://x/y"), ("JWT_SECRET", SECRET)];
            all.extend_from_slice(vars);
            Config::from_lookup(lookup(&all)).map(|config| config.auth.cookie_secure)
        };
        assert!(!secure(&[])?);
        assert!(!secure(&[("PUBLIC_URL", "http://localhost:8080")])?);
        assert!(secure(&[("PUBLIC_URL", "https://innolabb.example.se")])?);
        assert!(!secure(&[
            ("PUBLIC_URL", "https://innolabb.example.se"),
            ("COOKIE_SECURE", "false")
        ])?);
        assert!(secure(&[("COOKIE_SECURE", "true")])?);
        Ok(())
    }

    #[test]
    fn an_api_key_rate_limit_is_a_positive_number() -> anyhow::Result<()> {
        let with = |limit: &'static str| {
            Config::from_lookup(lookup(&[
                ("DATABASE_URL", "postgres://x/y"),
                ("JWT_SECRET", SECRET),
                ("API_KEY_RATE_LIMIT", limit),
            ]))
        };
        assert_eq!(with("1200")?.key_rate_limit.per_minute, 1200);
        for wrong in ["0", "-5", "many"] {
            let error = with(wrong).err().map(|e| e.to_string()).unwrap_or_default();
            assert!(error.contains("API_KEY_RATE_LIMIT"), "{wrong}: {error}");
        }
        Ok(())
    }

    #[test]
    fn mail_goes_by_smtp_or_to_files_and_links_lead_to_the_public_url() -> anyhow::Result<()> {
        let with = |vars: &[(&'static str, &'static str)]| {
            let mut all = vec![("DATABASE_URL", "postgres://x/y"), ("JWT_SECRET", SECRET)];
            all.extend_from_slice(vars);
            Config::from_lookup(lookup(&all)).map(|config| config.mail)
        };
        let default = with(&[])?;
        assert!(matches!(default.delivery, MailDelivery::Off));
        assert_eq!(default.public_url, None);
        let smtp = with(&[
            ("SMTP_URL", "smtps://user:secret@mail.example.se:465"),
            ("PUBLIC_URL", "https://innolabb.example.se/"),
        ])?;
        assert!(matches!(smtp.delivery, MailDelivery::Smtp(_)));
        assert_eq!(
            smtp.public_url.as_deref(),
            Some("https://innolabb.example.se")
        );
        assert!(matches!(
            with(&[("MAIL_DIR", "/tmp/mail")])?.delivery,
            MailDelivery::Files(_)
        ));
        let error = |vars| with(vars).err().map(|e| e.to_string()).unwrap_or_default();
        let refused = error(&[("SMTP_URL", "http://user:secret@mail.example.se")]);
        assert!(
            refused.contains("SMTP_URL") && !refused.contains("secret"),
            "{refused}"
        );
        assert!(error(&[("MAIL_FROM", "not an address")]).contains("MAIL_FROM"));
        assert!(error(&[("PUBLIC_URL", "innolabb.se")]).contains("PUBLIC_URL"));
        assert!(error(&[("SMTP_URL", "smtp://a:25"), ("MAIL_DIR", "/tmp")]).contains("not both"));
        Ok(())
    }

    #[test]
    fn a_missing_database_url_says_what_to_do() {
        let error = Config::from_lookup(lookup(&[]))
            .err()
            .map(|e| e.to_string());
        assert!(error.is_some_and(|e| e.contains("cargo xtask run")));
    }

    #[test]
    fn a_bad_bind_address_is_rejected_with_its_value() {
        let error =
            Config::from_lookup(lookup(&[("DATABASE_URL", "x"), ("BIND_ADDR", "localhost")]))
                .err()
                .map(|e| e.to_string());
        assert!(error.is_some_and(|e| e.contains("\"localhost\"")));
    }

    #[test]
    fn a_zero_pool_size_is_rejected() {
        assert!(
            Config::from_lookup(lookup(&[
                ("DATABASE_URL", "x"),
                ("DATABASE_POOL_SIZE", "0")
            ]))
            .is_err()
        );
    }
}
