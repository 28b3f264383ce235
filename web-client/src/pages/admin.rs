//! The platform admins' queues: *Verifiera organisationer* and *Händelselogg*; the same
//! log, limited to one organisation, is a section of its page for its owners.

use i18n_embed_fl::fl;
use shared::{AuditEntry, OrganizationReview, RejectOrganization, ReviewState};
use yew::prelude::*;
use yew_router::prelude::*;

use crate::api::{self, ApiError, use_paged_get};
use crate::app::Route;
use crate::components::form::{FormError, SelectField, TextAreaField, TextField};
use crate::components::status;
use crate::i18n::{form_message, kind_name, role_name, use_i18n, use_title};
use crate::pages::account::SignInFirst;
use crate::services::{self, admin::AuditFilters};
use crate::session::use_session;

/// The verification queue: organisations waiting to be checked, or turned down.
#[component]
pub fn VerificationQueuePage() -> Html {
    let i18n = use_i18n();
    let loader = i18n.loader();
    use_title(fl!(loader, "verification-title"));
    let session = use_session();
    let state = use_state(|| ReviewState::Pending);
    let list = use_paged_get(services::admin::reviews(*state));
    if session.me().is_none() {
        return html! { <SignInFirst /> };
    }
    let choose = {
        let state = state.clone();
        Callback::from(move |value: String| {
            state.set(ReviewState::parse(&value).unwrap_or(ReviewState::Pending))
        })
    };
    let state_name = |option: ReviewState| match option {
        ReviewState::Pending => fl!(loader, "verification-pending"),
        ReviewState::Rejected => fl!(loader, "verification-rejected"),
    };
    html! {
        <>
            <h1>{ fl!(loader, "verification-title") }</h1>
            <p>{ fl!(loader, "verification-intro") }</p>
            <SelectField id="review-state" label={fl!(loader, "verification-show")} value={state.as_str().to_owned()} on_change={choose}>
                { for ReviewState::ALL.iter().map(|option| html! {
                    <option value={option.as_str()} selected={*option == *state}>{ state_name(*option) }</option>
                }) }
            </SelectField>
            { status::list(&list.first, fl!(loader, "verification-loading"), fl!(loader, "verification-empty"), |page| html! {
                <>
                    <ul class="plain-list reports">
                        { for page.items.iter().chain(list.more.iter()).map(|review| html! {
                            <ReviewItem key={review.organization.id.to_string()} review={review.clone()} on_decided={list.first.reload.clone()} />
                        }) }
                    </ul>
                    { list.more_controls(loader, fl!(loader, "verification-more")) }
                </>
            }) }
        </>
    }
}

#[derive(Properties, PartialEq)]
struct ReviewItemProps {
    review: OrganizationReview,
    on_decided: Callback<()>,
}

/// One organisation to check: its details and members, and the two decisions.
#[component]
fn ReviewItem(props: &ReviewItemProps) -> Html {
    let i18n = use_i18n();
    let loader = i18n.loader();
    let session = use_session();
    let reason = use_state(String::new);
    let error = use_state(|| None::<ApiError>);
    let review = &props.review;
    let organization = &review.organization;
    let on_result = |error: UseStateHandle<Option<ApiError>>, on_decided: Callback<()>| {
        Callback::from(move |result: Result<(), ApiError>| match result {
            Ok(()) => on_decided.emit(()),
            Err(failure) => error.set(Some(failure)),
        })
    };
    let verify = {
        let (error, on_decided, token) = (error.clone(), props.on_decided.clone(), session.token());
        let write = services::admin::verify(organization.id);
        let on_result = on_result(error, on_decided);
        Callback::from(move |_: MouseEvent| {
            let on_result = on_result.clone();
            api::spawn(
                write.clone(),
                token.clone(),
                Callback::from(move |result: Result<shared::Organization, ApiError>| {
                    on_result.emit(result.map(|_| ()))
                }),
            );
        })
    };
    let reject = {
        let (error, on_decided, token) = (error.clone(), props.on_decided.clone(), session.token());
        let (reason, id) = (reason.clone(), organization.id);
        let on_result = on_result(error, on_decided);
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            let body = RejectOrganization {
                reason: (*reason).clone(),
            };
            api::spawn(
                services::admin::reject(id, &body),
                token.clone(),
                on_result.clone(),
            );
        })
    };
    let heading_id = format!("review-{}", organization.id);
    html! {
        <li class="report-item" aria-labelledby={heading_id.clone()}>
            <h2 class="report-item__heading" id={heading_id}>
                <Link<Route> to={Route::Organization { id: organization.id.to_string() }}>{ &organization.name }</Link<Route>>
            </h2>
            <p class="meta">{ format!("{} · {} · {} · {}", kind_name(loader, organization.kind), organization.org_number,
                organization.municipality_name, organization.created_at.format("%Y-%m-%d")) }</p>
            if let Some(website) = &organization.website {
                <p><a href={website.clone()} rel="noopener noreferrer">{ website }</a></p>
            }
            <h3>{ fl!(loader, "organization-members") }</h3>
            <ul>
                { for review.members.iter().map(|member| html! {
                    <li key={member.user_id.to_string()}>{ format!("{} ({}) – {}", member.display_name, member.email, role_name(loader, member.role)) }</li>
                }) }
            </ul>
            if review.state == ReviewState::Rejected {
                <p>{ fl!(loader, "verification-rejected-because", reason = review.rejection_reason.clone()) }</p>
            }
            <FormError message={error.as_ref().filter(|e| e.field("reason").is_none()).map(|e| form_message(loader, e))} />
            <button type="button" class="button" onclick={verify}>{ fl!(loader, "verification-verify") }</button>
            if review.state == ReviewState::Pending {
                <form onsubmit={reject}>
                    <TextAreaField id={format!("reason-{}", organization.id)} label={fl!(loader, "verification-reason")} value={(*reason).clone()}
                        hint={fl!(loader, "verification-reason-hint")}
                        on_change={Callback::from({ let reason = reason.clone(); move |v| reason.set(v) })}
                        error={error.as_ref().and_then(|e| e.field("reason"))} rows={3} />
                    <button type="submit" class="button button--secondary">{ fl!(loader, "verification-reject") }</button>
                </form>
            }
        </li>
    }
}

/// The whole audit log, for platform admins.
#[component]
pub fn AuditLogPage() -> Html {
    let i18n = use_i18n();
    let loader = i18n.loader();
    use_title(fl!(loader, "audit-title"));
    let session = use_session();
    if session.me().is_none() {
        return html! { <SignInFirst /> };
    }
    html! {
        <>
            <h1>{ fl!(loader, "audit-title") }</h1>
            <AuditLog />
        </>
    }
}

#[derive(Properties, PartialEq)]
pub struct AuditLogProps {
    /// Only this organisation's log (its owners'), instead of the whole.
    #[prop_or_default]
    pub organization: Option<String>,
}

/// The kinds of subject an entry can be about, as the filter offers them.
const SUBJECT_TYPES: [&str; 10] = [
    "organization",
    "lab",
    "need",
    "offering",
    "match",
    "idea",
    "comment",
    "method",
    "adoption",
    "user",
];

/// A log with its filters (an action, a kind of subject), newest first.
#[component]
pub fn AuditLog(props: &AuditLogProps) -> Html {
    let i18n = use_i18n();
    let loader = i18n.loader();
    let draft = use_state(AuditFilters::default);
    let applied = use_state(AuditFilters::default);
    let list = use_paged_get(services::admin::audit_log(
        props.organization.as_deref(),
        &applied,
    ));
    let apply = {
        let (draft, applied) = (draft.clone(), applied.clone());
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            applied.set((*draft).clone());
        })
    };
    let set = |change: fn(&mut AuditFilters, String)| {
        let draft = draft.clone();
        Callback::from(move |value: String| {
            let mut next = (*draft).clone();
            change(&mut next, value);
            draft.set(next);
        })
    };
    let id = |name: &str| match &props.organization {
        Some(organization) => format!("audit-{name}-{organization}"),
        None => format!("audit-{name}"),
    };
    html! {
        <>
            <form class="filters" onsubmit={apply} aria-label={fl!(loader, "audit-filters")}>
                <TextField id={id("action")} label={fl!(loader, "audit-action")} value={draft.action.clone()}
                    hint={fl!(loader, "audit-action-hint")} on_change={set(|f, v| f.action = v)} />
                <SelectField id={id("subject")} label={fl!(loader, "audit-subject-type")} value={draft.subject_type.clone()}
                    on_change={set(|f, v| f.subject_type = v)}>
                    <option value="" selected={draft.subject_type.is_empty()}>{ fl!(loader, "filter-all") }</option>
                    { for SUBJECT_TYPES.iter().map(|kind| html! {
                        <option value={*kind} selected={draft.subject_type == *kind}>{ *kind }</option>
                    }) }
                </SelectField>
                <button type="submit" class="button button--secondary">{ fl!(loader, "audit-apply") }</button>
            </form>
            { match &list.first.state {
                api::Fetch::Failed(failure @ ApiError::Problem(problem)) if problem.status == 400 => html! {
                    <p class="form-error" role="alert">{ form_message(loader, failure) }</p>
                },
                _ => status::list(&list.first, fl!(loader, "audit-loading"), fl!(loader, "audit-empty"), |page| html! {
                    <>
                        <table class="audit-log">
                            <caption class="visually-hidden">{ fl!(loader, "audit-title") }</caption>
                            <thead><tr>
                                <th scope="col">{ fl!(loader, "audit-when") }</th>
                                <th scope="col">{ fl!(loader, "audit-who") }</th>
                                <th scope="col">{ fl!(loader, "audit-action") }</th>
                                <th scope="col">{ fl!(loader, "audit-subject") }</th>
                                <th scope="col">{ fl!(loader, "audit-details") }</th>
                            </tr></thead>
                            <tbody>
                                { for page.items.iter().chain(list.more.iter()).map(|entry| html! {
                                    <EntryRow key={entry.id.to_string()} entry={entry.clone()} />
                                }) }
                            </tbody>
                        </table>
                        { list.more_controls(loader, fl!(loader, "audit-more")) }
                    </>
                }),
            } }
        </>
    }
}

#[derive(Properties, PartialEq)]
struct EntryRowProps {
    entry: AuditEntry,
}

/// The web client's page of an entry's subject, where it has one.
fn subject_route(entry: &AuditEntry) -> Option<Route> {
    let id = entry.subject_id.to_string();
    Some(match entry.subject_type.as_str() {
        "organization" => Route::Organization { id },
        "lab" => Route::Lab { id },
        "need" => Route::Need { id },
        "offering" => Route::Offering { id },
        "match" => Route::Match { id },
        "idea" => Route::Idea { id },
        "method" => Route::Method { id },
        _ => return None,
    })
}

#[component]
fn EntryRow(props: &EntryRowProps) -> Html {
    let i18n = use_i18n();
    let loader = i18n.loader();
    let entry = &props.entry;
    let who = match (&entry.actor, &entry.api_key) {
        (_, Some(key)) => fl!(loader, "audit-by-key", name = key.name.clone()),
        (Some(person), None) => person.display_name.clone(),
        (None, None) => fl!(loader, "audit-by-platform"),
    };
    let subject = format!(
        "{} {}",
        entry.subject_type,
        &entry.subject_id.to_string()[..8]
    );
    let details = match &entry.details {
        serde_json::Value::Object(fields) if fields.is_empty() => String::new(),
        other => other.to_string(),
    };
    html! {
        <tr>
            <td>{ entry.created_at.format("%Y-%m-%d %H:%M:%S").to_string() }</td>
            <td>{ who }</td>
            <td><code>{ &entry.action }</code></td>
            <td>{ match subject_route(entry) {
                Some(route) => html! { <Link<Route> to={route}>{ subject }</Link<Route>> },
                None => html! { subject },
            } }</td>
            <td class="audit-log__details"><code>{ details }</code></td>
        </tr>
    }
}
