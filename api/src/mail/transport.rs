//! How mail leaves: SMTP (`SMTP_URL`), or `.eml` files in a folder (`MAIL_DIR`) for
//! development, where a new user can open the mail and follow its link.

use lettre::message::header::{HeaderName, HeaderValue};
use lettre::message::{Mailbox, MultiPart};
use lettre::{
    AsyncFileTransport, AsyncSmtpTransport, AsyncTransport as _, Message, Tokio1Executor,
};
use secrecy::ExposeSecret as _;

use crate::config::{MailConfig, MailDelivery};

/// A configured way out.
pub enum Transport {
    Smtp(AsyncSmtpTransport<Tokio1Executor>),
    Files(AsyncFileTransport<Tokio1Executor>),
}

/// Why a send failed, and whether trying again can help.
#[derive(Debug)]
pub struct SendError {
    /// The server refused it for good (a 5xx answer), or the mail cannot be built.
    pub permanent: bool,
    pub message: String,
}

/// A mail as the worker sends it.
pub struct Outgoing<'a> {
    pub recipient: &'a str,
    pub subject: &'a str,
    pub text: &'a str,
    pub html: &'a str,
    pub unsubscribe_url: Option<&'a str>,
}

impl Transport {
    /// The transport the configuration names, or `None` when mail is off.
    pub fn from_config(config: &MailConfig) -> anyhow::Result<Option<Self>> {
        Ok(match &config.delivery {
            MailDelivery::Off => None,
            MailDelivery::Files(dir) => {
                std::fs::create_dir_all(dir)?;
                Some(Self::Files(AsyncFileTransport::new(dir)))
            }
            MailDelivery::Smtp(url) => {
                let url = lettre_url(url.expose_secret())
                    .ok_or_else(|| anyhow::anyhow!("SMTP_URL is not a URL"))?;
                let builder =
                    AsyncSmtpTransport::<Tokio1Executor>::from_url(&url).map_err(|_| {
                        anyhow::anyhow!("SMTP_URL cannot be used: check its scheme, host and tls")
                    })?;
                Some(Self::Smtp(
                    builder
                        .timeout(Some(std::time::Duration::from_secs(30)))
                        .build(),
                ))
            }
        })
    }

    /// Sends one mail from `from`.
    pub async fn send(&self, from: &str, mail: &Outgoing<'_>) -> Result<(), SendError> {
        let message = build(from, mail).map_err(|error| SendError {
            permanent: true,
            message: error.to_string(),
        })?;
        match self {
            Self::Files(files) => files
                .send(message)
                .await
                .map(drop)
                .map_err(|error| SendError {
                    permanent: false,
                    message: error.to_string(),
                }),
            Self::Smtp(smtp) => smtp
                .send(message)
                .await
                .map(drop)
                .map_err(|error| SendError {
                    permanent: error.is_permanent(),
                    message: error.to_string(),
                }),
        }
    }
}

/// `SMTP_URL` as lettre reads it: lettre names STARTTLS `tls=required`, ours `tls=starttls`.
fn lettre_url(smtp_url: &str) -> Option<String> {
    let mut url = url::Url::parse(smtp_url).ok()?;
    let pairs: Vec<(String, String)> = url
        .query_pairs()
        .map(|(name, value)| match (&*name, &*value) {
            ("tls", "starttls") => (name.into_owned(), "required".to_owned()),
            _ => (name.into_owned(), value.into_owned()),
        })
        .collect();
    if !pairs.is_empty() {
        url.query_pairs_mut().clear().extend_pairs(pairs);
    }
    Some(url.into())
}

/// The MIME message: plain text with an HTML alternative; a notification also says how to
/// unsubscribe in one click (RFC 8058), and every mail that it was sent automatically.
fn build(from: &str, mail: &Outgoing<'_>) -> anyhow::Result<Message> {
    let from: Mailbox = from.parse()?;
    let to: Mailbox = mail.recipient.parse()?;
    let mut builder = Message::builder()
        .from(from)
        .to(to)
        .subject(mail.subject)
        .raw_header(raw("Auto-Submitted", "auto-generated")?);
    if let Some(url) = mail.unsubscribe_url {
        builder = builder
            .raw_header(raw("List-Unsubscribe", &format!("<{url}>"))?)
            .raw_header(raw("List-Unsubscribe-Post", "List-Unsubscribe=One-Click")?);
    }
    Ok(builder.multipart(MultiPart::alternative_plain_html(
        mail.text.to_owned(),
        mail.html.to_owned(),
    ))?)
}

fn raw(name: &str, value: &str) -> anyhow::Result<HeaderValue> {
    let name = HeaderName::new_from_ascii(name.to_owned())
        .map_err(|_| anyhow::anyhow!("bad header name {name}"))?;
    Ok(HeaderValue::new(name, value.to_owned()))
}

#[cfg(test)]
mod tests {
    use super::*;

    // A runtime: lettre's connection pool starts on one.
    #[tokio::test]
    async fn starttls_is_named_as_lettre_names_it_and_nothing_else_changes() {
        assert_eq!(
            lettre_url("smtp://user:tls=starttls@mail.example.se:587?tls=starttls").as_deref(),
            // (The password percent-encoded, as lettre decodes it.)
            Some("smtp://user:tls%3Dstarttls@mail.example.se:587?tls=required")
        );
        assert_eq!(
            lettre_url("smtps://mail.example.se").as_deref(),
            Some("smtps://mail.example.se")
        );
        let config = crate::config::MailConfig {
            delivery: MailDelivery::smtp("smtp://mail.example.se:587?tls=starttls"),
            ..crate::config::MailConfig::off()
        };
        assert!(Transport::from_config(&config).is_ok_and(|transport| transport.is_some()));
    }

    #[test]
    fn a_notification_carries_one_click_unsubscribe_headers() -> anyhow::Result<()> {
        let mail = Outgoing {
            recipient: "amina@example.se",
            subject: "Förfrågan om matchning",
            text: "Hej!",
            html: "<p>Hej!</p>",
            unsubscribe_url: Some("https://x.se/api/v1/unsubscribe?token=t"),
        };
        let formatted = String::from_utf8(build("Innolabb <noreply@x.se>", &mail)?.formatted())?;
        assert!(formatted.contains("List-Unsubscribe: <https://x.se/api/v1/unsubscribe?token=t>"));
        assert!(formatted.contains("List-Unsubscribe-Post: List-Unsubscribe=One-Click"));
        assert!(formatted.contains("Auto-Submitted: auto-generated"));
        assert!(formatted.contains("multipart/alternative"));
        let plain = build(
            "noreply@x.se",
            &Outgoing {
                unsubscribe_url: None,
                ..mail
            },
        )?;
        assert!(!String::from_utf8(plain.formatted())?.contains("List-Unsubscribe"));
        Ok(())
    }
}
