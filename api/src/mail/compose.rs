//! The mails Innolabb sends, composed in the recipient's language: a subject, plain text,
//! and the same as simple HTML (one column, one button, no images or remote content).

use pulldown_cmark_escape::{escape_href, escape_html};

use super::{Mail, Recipient};
use crate::i18n::speaking;
use crate::t;

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
