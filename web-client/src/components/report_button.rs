//! "Anmäl": report content to the moderators, from where it is shown.

use i18n_embed_fl::fl;
use shared::{CreateReport, ReportReason, ReportTarget};
use yew::prelude::*;

use crate::api::{self, ApiError};
use crate::components::form::{FormError, SelectField, TextField};
use crate::i18n::{form_message, report_reason_name, use_i18n};
use crate::services;
use crate::session::use_session;

#[derive(Properties, PartialEq)]
pub struct ReportButtonProps {
    pub target_type: ReportTarget,
    pub target_id: uuid::Uuid,
}

/// A disclosure with the reason and a note; once sent, a thank-you in its place.
#[component]
pub fn ReportButton(props: &ReportButtonProps) -> Html {
    let i18n = use_i18n();
    let loader = i18n.loader();
    let session = use_session();
    let reason = use_state(|| ReportReason::Spam);
    let note = use_state(String::new);
    let error = use_state(|| None::<ApiError>);
    let sent = use_state(|| false);
    let busy = use_state(|| false);
    if *sent {
        return html! { <p class="report__sent" role="status">{ fl!(loader, "report-sent") }</p> };
    }
    let onsubmit = {
        let (reason, note, error, sent, busy) = (
            reason.clone(),
            note.clone(),
            error.clone(),
            sent.clone(),
            busy.clone(),
        );
        let (target_type, target_id) = (props.target_type, props.target_id);
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            if *busy {
                return;
            }
            busy.set(true);
            let body = CreateReport {
                target_type,
                target_id,
                reason: *reason,
                note: (*note).clone(),
            };
            let (error, sent, busy) = (error.clone(), sent.clone(), busy.clone());
            api::spawn(
                services::moderation::create_report(&body),
                session.token(),
                Callback::from(move |result: Result<shared::Report, ApiError>| {
                    busy.set(false);
                    match result {
                        Ok(_) => sent.set(true),
                        Err(failure) => error.set(Some(failure)),
                    }
                }),
            );
        })
    };
    let id = format!("report-{}", props.target_id);
    html! {
        <details class="report">
            <summary>{ fl!(loader, "report-open") }</summary>
            <form {onsubmit}>
                <FormError message={error.as_ref().map(|e| e.field("target_id").unwrap_or_else(|| form_message(loader, e)))} />
                <SelectField id={format!("{id}-reason")} label={fl!(loader, "report-reason")} value={reason.as_str().to_owned()}
                    on_change={Callback::from({ let reason = reason.clone(); move |v: String| reason.set(ReportReason::parse(&v).unwrap_or(ReportReason::Other)) })}>
                    { for ReportReason::ALL.iter().map(|option| html! {
                        <option value={option.as_str()} selected={*option == *reason}>{ report_reason_name(loader, *option) }</option>
                    }) }
                </SelectField>
                <TextField id={format!("{id}-note")} label={fl!(loader, "report-note")} value={(*note).clone()}
                    on_change={Callback::from({ let note = note.clone(); move |v| note.set(v) })}
                    error={error.as_ref().and_then(|e| e.field("note"))} />
                <button type="submit" class="button button--secondary" disabled={*busy}>{ fl!(loader, "report-submit") }</button>
            </form>
        </details>
    }
}
