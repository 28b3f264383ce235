//! Languages: Swedish by default, English selectable; the choice is remembered in the
//! browser. Every text comes from the Fluent catalogues in `i18n/`, checked at compile time
//! by `fl!`. Components call [`use_i18n`], which also re-renders them when the language
//! changes.

use std::sync::LazyLock;

use gloo_storage::{LocalStorage, Storage};
use i18n_embed::fluent::{FluentLanguageLoader, fluent_language_loader};
use i18n_embed::{LanguageLoader, unic_langid::LanguageIdentifier};
use rust_embed::RustEmbed;
use yew::prelude::*;

#[derive(RustEmbed)]
#[folder = "i18n/"]
struct Catalogues;

static LOADER: LazyLock<FluentLanguageLoader> = LazyLock::new(|| {
    // Fluent wraps arguments in Unicode isolation marks (U+2068 … U+2069): invisible, and
    // right for text that may mix writing directions.
    fluent_language_loader!()
});

const STORAGE_KEY: &str = "innolabb.language";

/// The languages of the web client.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Language {
    #[default]
    Swedish,
    English,
}

impl Language {
    pub const ALL: [Language; 2] = [Language::Swedish, Language::English];

    /// The language's code, as in `lang` attributes and the API's texts.
    /// A number as the language writes it: a decimal comma in Swedish.
    pub fn number(self, value: f64) -> String {
        let text = value.to_string();
        match self {
            Language::Swedish => text.replace('.', ","),
            Language::English => text,
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Language::Swedish => "sv",
            Language::English => "en",
        }
    }

    /// The language's name in itself, for the language switch.
    pub fn own_name(self) -> &'static str {
        match self {
            Language::Swedish => "Svenska",
            Language::English => "English",
        }
    }

    fn from_code(code: &str) -> Option<Self> {
        Self::ALL
            .into_iter()
            .find(|language| language.code() == code)
    }

    /// The language the user chose before, or Swedish.
    pub fn remembered() -> Self {
        LocalStorage::get::<String>(STORAGE_KEY)
            .ok()
            .and_then(|code| Self::from_code(&code))
            .unwrap_or_default()
    }

    /// Loads the catalogue, marks up the page's language and remembers the choice.
    pub fn activate(self) {
        let requested: Vec<LanguageIdentifier> = [self.code(), "sv"]
            .iter()
            .filter_map(|code| code.parse().ok())
            .collect();
        if let Err(error) = LOADER.load_languages(&Catalogues, &requested) {
            web_sys::console::error_1(
                &format!("could not load the language {}: {error}", self.code()).into(),
            );
        }
        if let Some(html) = web_sys::window()
            .and_then(|window| window.document())
            .and_then(|document| document.document_element())
        {
            let _ = html.set_attribute("lang", self.code());
        }
        let _ = LocalStorage::set(STORAGE_KEY, self.code());
    }
}

/// The current language and a way to change it, shared through a Yew context.
#[derive(Clone, PartialEq)]
pub struct LanguageContext {
    pub language: Language,
    pub set_language: Callback<Language>,
}

impl Default for LanguageContext {
    fn default() -> Self {
        Self {
            language: Language::default(),
            set_language: Callback::noop(),
        }
    }
}

/// What a component needs to show text: the loader for `fl!` and the current language.
#[derive(Clone, PartialEq)]
pub struct I18n {
    context: LanguageContext,
}

impl I18n {
    pub fn loader(&self) -> &'static FluentLanguageLoader {
        &LOADER
    }

    pub fn language(&self) -> Language {
        self.context.language
    }

    pub fn set_language(&self, language: Language) {
        self.context.set_language.emit(language);
    }
}

/// The translations for a component; re-renders it when the language changes.
#[hook]
pub fn use_i18n() -> I18n {
    I18n {
        context: use_context::<LanguageContext>().unwrap_or_default(),
    }
}

#[derive(Properties, PartialEq)]
pub struct LanguageProviderProps {
    pub children: Html,
}

/// Holds the current language for everything inside it.
#[component]
pub fn LanguageProvider(props: &LanguageProviderProps) -> Html {
    let language = use_state(|| {
        let language = Language::remembered();
        language.activate();
        language
    });
    let set_language = {
        let language = language.clone();
        Callback::from(move |chosen: Language| {
            chosen.activate();
            language.set(chosen);
        })
    };
    let context = LanguageContext {
        language: *language,
        set_language,
    };
    html! {
        <ContextProvider<LanguageContext> {context}>
            { props.children.clone() }
        </ContextProvider<LanguageContext>>
    }
}

/// Sets the document's title: "<page> – Innolabb".
#[hook]
pub fn use_title(page: String) {
    use_effect_with(page, |page| {
        if let Some(document) = web_sys::window().and_then(|window| window.document()) {
            document.set_title(&format!("{page} – Innolabb"));
        }
    });
}

/// The name of an organisation kind in the current language.
pub fn kind_name(loader: &FluentLanguageLoader, kind: shared::OrganizationKind) -> String {
    use i18n_embed_fl::fl;
    use shared::OrganizationKind as Kind;
    match kind {
        Kind::HousingCompany => fl!(loader, "kind-housing_company"),
        Kind::TenantAssociation => fl!(loader, "kind-tenant_association"),
        Kind::Municipality => fl!(loader, "kind-municipality"),
        Kind::Business => fl!(loader, "kind-business"),
        Kind::CivilSociety => fl!(loader, "kind-civil_society"),
        Kind::School => fl!(loader, "kind-school"),
        Kind::Research => fl!(loader, "kind-research"),
        Kind::PublicAgency => fl!(loader, "kind-public_agency"),
    }
}

/// The name of a member's role in the current language.
pub fn role_name(loader: &FluentLanguageLoader, role: shared::Role) -> String {
    use i18n_embed_fl::fl;
    match role {
        shared::Role::Owner => fl!(loader, "role-owner"),
        shared::Role::Admin => fl!(loader, "role-admin"),
        shared::Role::Member => fl!(loader, "role-member"),
    }
}

/// The name of a lab's phase in the current language.
pub fn phase_name(loader: &FluentLanguageLoader, phase: shared::LabPhase) -> String {
    use i18n_embed_fl::fl;
    use shared::LabPhase as Phase;
    match phase {
        Phase::Forming => fl!(loader, "phase-forming"),
        Phase::Ideation => fl!(loader, "phase-ideation"),
        Phase::Testing => fl!(loader, "phase-testing"),
        Phase::Verifying => fl!(loader, "phase-verifying"),
        Phase::Spreading => fl!(loader, "phase-spreading"),
        Phase::Closed => fl!(loader, "phase-closed"),
    }
}

/// The name of an idea's status in the current language.
pub fn idea_status_name(loader: &FluentLanguageLoader, status: shared::IdeaStatus) -> String {
    use i18n_embed_fl::fl;
    use shared::IdeaStatus as Status;
    match status {
        Status::Submitted => fl!(loader, "idea-status-submitted"),
        Status::Shortlisted => fl!(loader, "idea-status-shortlisted"),
        Status::Testing => fl!(loader, "idea-status-testing"),
        Status::Verified => fl!(loader, "idea-status-verified"),
        Status::Rejected => fl!(loader, "idea-status-rejected"),
        Status::Archived => fl!(loader, "idea-status-archived"),
    }
}

/// The name of a participant's role in a lab in the current language.
pub fn participant_role_name(
    loader: &FluentLanguageLoader,
    role: shared::ParticipantRole,
) -> String {
    use i18n_embed_fl::fl;
    use shared::ParticipantRole as Role;
    match role {
        Role::Host => fl!(loader, "participant-host"),
        Role::Partner => fl!(loader, "participant-partner"),
        Role::Researcher => fl!(loader, "participant-researcher"),
        Role::TenantRepresentative => fl!(loader, "participant-tenant_representative"),
    }
}

/// The name of a need's status in the current language.
pub fn need_status_name(loader: &FluentLanguageLoader, status: shared::NeedStatus) -> String {
    use i18n_embed_fl::fl;
    match status {
        shared::NeedStatus::Open => fl!(loader, "need-status-open"),
        shared::NeedStatus::Filled => fl!(loader, "need-status-filled"),
        shared::NeedStatus::Withdrawn => fl!(loader, "need-status-withdrawn"),
    }
}

/// The name of an adoption's status in the current language.
pub fn adoption_status_name(
    loader: &FluentLanguageLoader,
    status: shared::AdoptionStatus,
) -> String {
    use i18n_embed_fl::fl;
    match status {
        shared::AdoptionStatus::Planned => fl!(loader, "adoption-status-planned"),
        shared::AdoptionStatus::Running => fl!(loader, "adoption-status-running"),
        shared::AdoptionStatus::Completed => fl!(loader, "adoption-status-completed"),
        shared::AdoptionStatus::Discontinued => fl!(loader, "adoption-status-discontinued"),
    }
}

/// The name of an offering's kind in the current language.
pub fn offering_kind_name(loader: &FluentLanguageLoader, kind: shared::OfferingKind) -> String {
    use i18n_embed_fl::fl;
    use shared::OfferingKind as Kind;
    match kind {
        Kind::Service => fl!(loader, "offering-kind-service"),
        Kind::Method => fl!(loader, "offering-kind-method"),
        Kind::Product => fl!(loader, "offering-kind-product"),
        Kind::Funding => fl!(loader, "offering-kind-funding"),
        Kind::Volunteering => fl!(loader, "offering-kind-volunteering"),
        Kind::Expertise => fl!(loader, "offering-kind-expertise"),
    }
}

/// The name of a match's state in the current language.
pub fn match_state_name(loader: &FluentLanguageLoader, state: shared::MatchState) -> String {
    use i18n_embed_fl::fl;
    use shared::MatchState as State;
    match state {
        State::Requested => fl!(loader, "match-state-requested"),
        State::Accepted => fl!(loader, "match-state-accepted"),
        State::Declined => fl!(loader, "match-state-declined"),
        State::Withdrawn => fl!(loader, "match-state-withdrawn"),
        State::Active => fl!(loader, "match-state-active"),
        State::Completed => fl!(loader, "match-state-completed"),
    }
}

/// The name of an action on a match in the current language.
pub fn match_action_name(loader: &FluentLanguageLoader, action: shared::MatchAction) -> String {
    use i18n_embed_fl::fl;
    use shared::MatchAction as Action;
    match action {
        Action::Accept => fl!(loader, "match-action-accept"),
        Action::Decline => fl!(loader, "match-action-decline"),
        Action::Withdraw => fl!(loader, "match-action-withdraw"),
        Action::Start => fl!(loader, "match-action-start"),
        Action::Complete => fl!(loader, "match-action-complete"),
    }
}

/// A challenge area's name from the reference data, in the current language (its key
/// while the names load).
pub fn area_name(areas: &[shared::ChallengeArea], key: &str, language: Language) -> String {
    areas.iter().find(|area| area.key == key).map_or_else(
        || key.to_owned(),
        |area| area.name.get(language.code()).to_owned(),
    )
}

/// What a form says when saving failed: the fields carry their own messages, so the form
/// summarises; otherwise the API's explanation, or the generic message.
pub fn form_message(loader: &FluentLanguageLoader, error: &crate::api::ApiError) -> String {
    use i18n_embed_fl::fl;
    match error {
        error if error.is_stale() => fl!(loader, "form-error-stale"),
        crate::api::ApiError::Problem(problem) if !problem.errors.is_empty() => {
            fl!(loader, "form-error-summary")
        }
        crate::api::ApiError::Problem(problem) if problem.status < 500 => problem
            .detail
            .clone()
            .unwrap_or_else(|| problem.title.clone()),
        _ => fl!(loader, "error-generic"),
    }
}

/// Why content is reported.
pub fn report_reason_name(loader: &FluentLanguageLoader, reason: shared::ReportReason) -> String {
    use i18n_embed_fl::fl;
    use shared::ReportReason::*;
    match reason {
        Spam => fl!(loader, "report-reason-spam"),
        Offensive => fl!(loader, "report-reason-offensive"),
        PersonalData => fl!(loader, "report-reason-personal_data"),
        Misleading => fl!(loader, "report-reason-misleading"),
        Other => fl!(loader, "report-reason-other"),
    }
}

/// Where a report stands.
pub fn report_status_name(loader: &FluentLanguageLoader, status: shared::ReportStatus) -> String {
    use i18n_embed_fl::fl;
    use shared::ReportStatus::*;
    match status {
        Open => fl!(loader, "report-status-open"),
        Hidden => fl!(loader, "report-status-hidden"),
        Dismissed => fl!(loader, "report-status-dismissed"),
        Restored => fl!(loader, "report-status-restored"),
    }
}

/// A kind of notification, as the mail settings name it.
pub fn notification_kind_name(
    loader: &FluentLanguageLoader,
    kind: shared::NotificationKind,
) -> String {
    use i18n_embed_fl::fl;
    use shared::NotificationKind::*;
    match kind {
        MatchRequested => fl!(loader, "mail-kind-match_requested"),
        MatchAccepted => fl!(loader, "mail-kind-match_accepted"),
        MatchDeclined => fl!(loader, "mail-kind-match_declined"),
        MatchWithdrawn => fl!(loader, "mail-kind-match_withdrawn"),
        MatchStarted => fl!(loader, "mail-kind-match_started"),
        MatchCompleted => fl!(loader, "mail-kind-match_completed"),
        MatchMessage => fl!(loader, "mail-kind-match_message"),
        IdeaStatusChanged => fl!(loader, "mail-kind-idea_status_changed"),
        CommentReply => fl!(loader, "mail-kind-comment_reply"),
        MemberAdded => fl!(loader, "mail-kind-member_added"),
        WebhookDisabled => fl!(loader, "mail-kind-webhook_disabled"),
        MethodPublished => fl!(loader, "mail-kind-method_published"),
        MethodAdopted => fl!(loader, "mail-kind-method_adopted"),
        ContentHidden => fl!(loader, "mail-kind-content_hidden"),
        ContentRestored => fl!(loader, "mail-kind-content_restored"),
    }
}

/// How often a kind is mailed.
pub fn mail_frequency_name(
    loader: &FluentLanguageLoader,
    frequency: shared::MailFrequency,
) -> String {
    use i18n_embed_fl::fl;
    match frequency {
        shared::MailFrequency::Immediately => fl!(loader, "mail-frequency-immediately"),
        shared::MailFrequency::Daily => fl!(loader, "mail-frequency-daily"),
        shared::MailFrequency::Weekly => fl!(loader, "mail-frequency-weekly"),
        shared::MailFrequency::Never => fl!(loader, "mail-frequency-never"),
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    /// The message ids of a Fluent file: every line that starts a message.
    fn ids(ftl: &str) -> BTreeSet<&str> {
        ftl.lines()
            .filter(|line| line.starts_with(|c: char| c.is_ascii_lowercase()))
            .filter_map(|line| line.split_once(" =").map(|(id, _)| id))
            .collect()
    }

    #[test]
    fn numbers_are_written_as_each_language_writes_them() {
        use super::Language;
        assert_eq!(Language::Swedish.number(8.25), "8,25");
        assert_eq!(Language::Swedish.number(-3.5), "-3,5");
        assert_eq!(Language::English.number(8.25), "8.25");
        assert_eq!(Language::English.number(12.0), "12");
    }

    #[test]
    fn swedish_and_english_say_the_same_things() {
        let swedish = ids(include_str!("../i18n/sv/web_client.ftl"));
        let english = ids(include_str!("../i18n/en/web_client.ftl"));
        assert!(swedish.len() > 100, "only {} messages read", swedish.len());
        let only_swedish: Vec<_> = swedish.difference(&english).collect();
        let only_english: Vec<_> = english.difference(&swedish).collect();
        assert!(
            only_swedish.is_empty() && only_english.is_empty(),
            "only in Swedish: {only_swedish:?}; only in English: {only_english:?}"
        );
    }
}
