//! The mails Innolabb sends, composed in the recipient's language: a subject, plain text,
//! and the same as simple HTML (one column, one button, no images or remote content).

use pulldown_cmark_escape::{escape_href, escape_html};

use shared::{MailFrequency, Notification, NotificationKind};

use super::{Links, Mail, Recipient};
use crate::i18n::speaking;
use crate::t;

/// Where a notification mail's unsubscribe links lead: the web client's page (in the text)
/// and the API's one-click endpoint (`List-Unsubscribe`, RFC 8058).
fn unsubscribe_links(links: &Links, token: &str) -> (String, String) {
    (
        links.page(&format!("/unsubscribe?token={token}")),
        links.page(&format!("/api/v1/unsubscribe?token={token}")),
    )
}

/// One notification, mailed at once. `token` is its signed unsubscribe token (for its kind).
pub fn notification(
    recipient: Recipient<'_>,
    notification: &Notification,
    links: &Links,
    token: &str,
) -> Mail {
    speaking(recipient.language, || {
        let line = notification_line(notification);
        let (page, one_click) = unsubscribe_links(links, token);
        let closing = t!(
            "mail-notification-why",
            settings = links.page("/account"),
            unsubscribe = page
        );
        let (text, html) = layout(
            recipient.display_name,
            std::slice::from_ref(&line),
            Some((
                &t!("mail-notification-open"),
                &links.page(&notification.path()),
            )),
            &closing,
        );
        Mail {
            kind: "notification",
            subject: line,
            text,
            html,
            unsubscribe_url: Some(one_click),
        }
    })
}

/// The unread notifications of a day or a week, in one mail. `token` unsubscribes from all
/// notification mail.
pub fn digest(
    recipient: Recipient<'_>,
    frequency: MailFrequency,
    notifications: &[Notification],
    links: &Links,
    token: &str,
) -> Mail {
    speaking(recipient.language, || {
        let mut paragraphs = vec![t!("mail-digest-intro", count = notifications.len())];
        paragraphs.extend(notifications.iter().map(|notification| {
            format!(
                "{}\n{}",
                notification_line(notification),
                links.page(&notification.path())
            )
        }));
        let (page, one_click) = unsubscribe_links(links, token);
        let closing = t!(
            "mail-digest-why",
            settings = links.page("/account"),
            unsubscribe = page
        );
        let (text, html) = layout(
            recipient.display_name,
            &paragraphs,
            Some((&t!("mail-digest-open"), &links.page("/notifications"))),
            &closing,
        );
        let subject = match frequency {
            MailFrequency::Weekly => t!("mail-digest-weekly-subject"),
            _ => t!("mail-digest-daily-subject"),
        };
        Mail {
            kind: "digest",
            subject,
            text,
            html,
            unsubscribe_url: Some(one_click),
        }
    })
}

/// What a notification says, in the current language.
pub fn notification_line(notification: &Notification) -> String {
    use NotificationKind::*;
    let title = notification.title().to_owned();
    match NotificationKind::parse(&notification.kind) {
        Some(MatchRequested) => t!("notification-match_requested", title = title),
        Some(MatchAccepted) => t!("notification-match_accepted", title = title),
        Some(MatchDeclined) => t!("notification-match_declined", title = title),
        Some(MatchWithdrawn) => t!("notification-match_withdrawn", title = title),
        Some(MatchStarted) => t!("notification-match_started", title = title),
        Some(MatchCompleted) => t!("notification-match_completed", title = title),
        Some(MatchMessage) => t!("notification-match_message", title = title),
        Some(IdeaStatusChanged) => t!("notification-idea_status_changed", title = title),
        Some(CommentReply) => t!("notification-comment_reply", title = title),
        Some(MemberAdded) => t!("notification-member_added", title = title),
        Some(WebhookDisabled) => t!("notification-webhook_disabled", title = title),
        Some(MethodPublished) => t!("notification-method_published", title = title),
        Some(MethodAdopted) => t!("notification-method_adopted", title = title),
        Some(ContentHidden) => t!("notification-content_hidden", title = title),
        Some(ContentRestored) => t!("notification-content_restored", title = title),
        None => t!("notification-other", title = title),
    }
}

/// The link that verifies an e-mail address, valid for [`crate::auth::tokens::VERIFY_EMAIL_VALID`].
pub fn verify_email(recipient: Recipient<'_>, link: &str) -> Mail {
    speaking(recipient.language, || {
        let body = [t!("mail-verify-body", email = recipient.email.to_owned())];
        let (text, html) = layout(
            recipient.display_name,
            &body,
            Some((&t!("mail-verify-action"), link)),
            &t!("mail-verify-ignore"),
        );
        Mail {
            kind: "verify_email",
            subject: t!("mail-verify-subject"),
            text,
            html,
            unsubscribe_url: None,
        }
    })
}

/// The link that lets a person choose a new password, valid for
/// [`crate::auth::tokens::PASSWORD_RESET_VALID`].
pub fn password_reset(recipient: Recipient<'_>, link: &str) -> Mail {
    speaking(recipient.language, || {
        let body = [t!("mail-reset-body")];
        let (text, html) = layout(
            recipient.display_name,
            &body,
            Some((&t!("mail-reset-action"), link)),
            &t!("mail-reset-ignore"),
        );
        Mail {
            kind: "password_reset",
            subject: t!("mail-reset-subject"),
            text,
            html,
            unsubscribe_url: None,
        }
    })
}

/// Tells the current address that the account is to move to `new_email`: if the person
/// did not ask, they learn it while the old address still works.
pub fn email_change_requested(recipient: Recipient<'_>, new_email: &str, links: &Links) -> Mail {
    speaking(recipient.language, || {
        let body = [t!("mail-change-body", email = new_email.to_owned())];
        let (text, html) = layout(
            recipient.display_name,
            &body,
            Some((&t!("mail-change-action"), &links.page("/forgot-password"))),
            &t!("mail-change-ignore"),
        );
        Mail {
            kind: "email_change_requested",
            subject: t!("mail-change-subject"),
            text,
            html,
            unsubscribe_url: None,
        }
    })
}

/// Tells an owner that a platform admin turned their organisation down, and why.
pub fn organization_rejected(
    recipient: Recipient<'_>,
    organization: &str,
    reason: &str,
    link: &str,
) -> Mail {
    speaking(recipient.language, || {
        let body = [
            t!("mail-rejected-body", name = organization.to_owned()),
            reason.to_owned(),
            t!("mail-rejected-next"),
        ];
        let (text, html) = layout(
            recipient.display_name,
            &body,
            Some((&t!("mail-rejected-action"), link)),
            "",
        );
        Mail {
            kind: "organization_rejected",
            subject: t!("mail-rejected-subject", name = organization.to_owned()),
            text,
            html,
            unsubscribe_url: None,
        }
    })
}

/// The text and HTML of a mail: a greeting, paragraphs, an action (a label and its link),
/// a closing line and the signature. Every value is escaped in the HTML.
pub(super) fn layout(
    name: &str,
    paragraphs: &[String],
    action: Option<(&str, &str)>,
    closing: &str,
) -> (String, String) {
    let greeting = t!("mail-greeting", name = name.to_owned());
    let signature = t!("mail-signature");
    let mut text = format!("{greeting}\n\n");
    let mut html = String::from(
        "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"></head>\
         <body style=\"font-family: sans-serif; line-height: 1.5; max-width: 36em\">\n",
    );
    push_paragraph(&mut html, &greeting);
    for paragraph in paragraphs {
        text.push_str(paragraph);
        text.push_str("\n\n");
        push_paragraph(&mut html, paragraph);
    }
    if let Some((label, link)) = action {
        text.push_str(&format!("{label}:\n{link}\n\n"));
        html.push_str("<p><a href=\"");
        let _ = escape_href(&mut html, link);
        html.push_str(
            "\" style=\"display: inline-block; padding: 0.6em 1.2em; background: #1d5c4d; \
             color: #ffffff; text-decoration: none; border-radius: 4px\">",
        );
        let _ = escape_html(&mut html, label);
        html.push_str("</a></p>\n");
    }
    if !closing.is_empty() {
        text.push_str(closing);
        text.push_str("\n\n");
        push_paragraph(&mut html, closing);
    }
    text.push_str(&signature);
    text.push('\n');
    push_paragraph(&mut html, &signature);
    html.push_str("</body></html>\n");
    (text, html)
}

fn push_paragraph(html: &mut String, text: &str) {
    html.push_str("<p>");
    for (index, line) in text.lines().enumerate() {
        if index > 0 {
            html.push_str("<br>");
        }
        let _ = escape_html(&mut *html, line);
    }
    html.push_str("</p>\n");
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Language;

    fn recipient(language: Language) -> Recipient<'static> {
        Recipient {
            user_id: uuid::Uuid::nil(),
            email: "amina@example.se",
            display_name: "Amina <Hassan>",
            language,
        }
    }

    #[test]
    fn a_verification_mail_speaks_the_recipients_language_and_carries_the_link() {
        let link = "https://innolabb.example.se/verify-email?token=abc&x=1";
        let swedish = verify_email(recipient(Language::Swedish), link);
        assert_eq!(swedish.subject, "Bekräfta din e-postadress");
        assert!(
            swedish.text.contains("Hej Amina <Hassan>!"),
            "{}",
            swedish.text
        );
        assert!(swedish.text.contains(link));
        let english = verify_email(recipient(Language::English), link);
        assert_eq!(english.subject, "Confirm your e-mail address");
        assert!(english.text.contains("amina@example.se"));
        assert_eq!(english.unsubscribe_url, None, "not a notification");
    }

    #[test]
    fn the_html_escapes_every_value() {
        let mail = password_reset(
            recipient(Language::Swedish),
            "https://x.se/reset-password?token=a&b=\"c\"",
        );
        assert!(
            mail.html.contains("Hej Amina &lt;Hassan&gt;!"),
            "{}",
            mail.html
        );
        assert!(
            mail.html
                .contains("href=\"https://x.se/reset-password?token=a&amp;b=%22c%22\""),
            "{}",
            mail.html
        );
        assert!(!mail.html.contains("<Hassan>"));
    }
}
