//! The caller's language, for the texts the API writes — problems' `title`, `detail` and
//! field `message`, and explanations: Swedish by default, English when `Accept-Language`
//! prefers it. The texts are Fluent catalogues (`api/i18n/<language>/api.ftl`); call sites
//! write [`t!`](crate::t), which `fl!` checks at compile time against the Swedish one. The
//! language of a request is set for the task that serves it by [`speak_callers_language`],
//! so a text made anywhere while serving it comes out in that language.

use std::sync::LazyLock;

use actix_web::HttpMessage;
use actix_web::body::{BoxBody, MessageBody};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::error::InternalError;
use actix_web::http::header::{
    self, AcceptLanguage, HeaderMap, HeaderValue, Preference, TryIntoHeaderValue as _,
};
use actix_web::middleware::Next;
use i18n_embed::fluent::{FluentLanguageLoader, fluent_language_loader};
use i18n_embed::{LanguageLoader as _, unic_langid::LanguageIdentifier};
use rust_embed::RustEmbed;

#[derive(RustEmbed)]
#[folder = "i18n/"]
struct Catalogues;

/// The languages the API speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Language {
    #[default]
    Swedish,
    English,
}

impl Language {
    pub const ALL: [Language; 2] = [Language::Swedish, Language::English];

    /// The language's code, as in `Content-Language` and the reference data's names.
    pub fn code(self) -> &'static str {
        match self {
            Language::Swedish => "sv",
            Language::English => "en",
        }
    }

    /// The catalogue of the language.
    pub fn loader(self) -> &'static FluentLanguageLoader {
        match self {
            Language::Swedish => &SWEDISH,
            Language::English => &ENGLISH,
        }
    }

    /// The language of a stored locale (`users.locale`), Swedish unless it is English.
    pub fn of_locale(locale: &str) -> Self {
        Self::ALL
            .into_iter()
            .find(|language| language.code() == locale)
            .unwrap_or_default()
    }

    /// The language a request prefers: the first of its `Accept-Language` (by quality) that
    /// the API speaks, else Swedish.
    pub fn of(request: &impl HttpMessage) -> Self {
        let Some(accepted) = request.get_header::<AcceptLanguage>() else {
            return Self::default();
        };
        accepted
            .ranked()
            .iter()
            .find_map(|preference| match preference {
                Preference::Any => Some(Self::default()),
                Preference::Specific(tag) => Self::ALL
                    .into_iter()
                    .find(|language| tag.primary_language().eq_ignore_ascii_case(language.code())),
            })
            .unwrap_or_default()
    }
}

static SWEDISH: LazyLock<FluentLanguageLoader> = LazyLock::new(|| load(Language::Swedish));
static ENGLISH: LazyLock<FluentLanguageLoader> = LazyLock::new(|| load(Language::English));

fn load(language: Language) -> FluentLanguageLoader {
    let loader: FluentLanguageLoader = fluent_language_loader!();
    let requested: Vec<LanguageIdentifier> = [language.code(), "sv"]
        .iter()
        .filter_map(|code| code.parse().ok())
        .collect();
    if let Err(error) = loader.load_languages(&Catalogues, &requested) {
        tracing::error!(%error, language = language.code(), "a catalogue could not be loaded");
    }
    // No Unicode isolation marks around arguments: the texts go into JSON, not a page.
    loader.set_use_isolating(false);
    loader
}

tokio::task_local! {
    static LANGUAGE: Language;
}

/// The language of the request being served (Swedish outside of one).
pub fn current() -> Language {
    LANGUAGE.try_with(|language| *language).unwrap_or_default()
}

/// Runs `make` with texts in `language`, whatever the request's: for what is stored rather
/// than answered (the webhook delivery log is kept in English).
pub fn speaking<T>(language: Language, make: impl FnOnce() -> T) -> T {
    LANGUAGE.sync_scope(language, make)
}

/// The catalogue of the request being served, for [`t!`](crate::t).
pub fn loader() -> &'static FluentLanguageLoader {
    current().loader()
}

/// A text of the catalogues in the language of the request being served:
/// `t!("problem-not-found")`, `t!("field-too-long", max = 200)`.
#[macro_export]
macro_rules! t {
    ($($arguments:tt)+) => {
        i18n_embed_fl::fl!($crate::i18n::loader(), $($arguments)+)
    };
}

/// The middleware around the whole app: serves the request in its language, renders an
/// error that rises out of the services here (while the language is known), and says which
/// language a problem is in (`Content-Language`) and that answers vary by it.
pub async fn speak_callers_language(
    request: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<BoxBody>, actix_web::Error> {
    let language = Language::of(&request);
    LANGUAGE
        .scope(language, async move {
            match next.call(request).await {
                Ok(mut response) => {
                    say_language(response.headers_mut(), language);
                    Ok(response.map_into_boxed_body())
                }
                // Rendered now, while the language is known, and passed on as it is.
                Err(error) => {
                    let mut rendered = error.as_response_error().error_response();
                    say_language(rendered.headers_mut(), language);
                    Err(InternalError::from_response(error.to_string(), rendered).into())
                }
            }
        })
        .await
}

/// `Vary: Accept-Language` on every answer, and a problem's `Content-Language`.
fn say_language(headers: &mut HeaderMap, language: Language) {
    headers.append(header::VARY, HeaderValue::from_static("accept-language"));
    if crate::error::is_problem(headers)
        && let Ok(value) = language.code().try_into_value()
    {
        headers.insert(header::CONTENT_LANGUAGE, value);
    }
}

#[cfg(test)]
mod tests {
    use actix_web::test::TestRequest;

    use super::*;

    fn language(accept: &str) -> Language {
        Language::of(
            &TestRequest::default()
                .insert_header(("accept-language", accept))
                .to_http_request(),
        )
    }

    #[test]
    fn the_first_language_by_quality_that_the_api_speaks_wins_and_swedish_is_the_default() {
        assert_eq!(
            Language::of(&TestRequest::default().to_http_request()),
            Language::Swedish
        );
        assert_eq!(language("en-GB,en;q=0.9"), Language::English);
        assert_eq!(language("de-DE, en;q=0.8, sv;q=0.5"), Language::English);
        assert_eq!(language("en;q=0.3, sv-SE;q=0.9"), Language::Swedish);
        assert_eq!(language("fr"), Language::Swedish);
        assert_eq!(language("nonsense;;"), Language::Swedish);
    }

    #[test]
    fn every_message_has_both_languages() {
        // `fl!` checks the Swedish catalogue at compile time; English must have the same ids.
        let ids = |language: Language| {
            let code: LanguageIdentifier = language.code().parse().unwrap_or_default();
            let mut ids: Vec<String> = language.loader().with_message_iter(&code, |messages| {
                messages.map(|message| message.id.name.to_owned()).collect()
            });
            ids.sort();
            ids.dedup();
            ids
        };
        assert!(!ids(Language::Swedish).is_empty());
        assert_eq!(ids(Language::English), ids(Language::Swedish));
    }

    #[test]
    fn a_text_outside_a_request_is_swedish_and_inside_one_in_its_language() {
        assert_eq!(t!("problem-not-found-title"), "Hittades inte");
        let english = LANGUAGE.sync_scope(Language::English, || t!("problem-not-found-title"));
        assert_eq!(english, "Not found");
    }
}
