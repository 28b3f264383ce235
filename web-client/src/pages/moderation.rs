//! *Anmälningar*: the moderators' queue — platform admins see every report, a lab's hosts
//! those of ideas and comments in their labs — with the decisions on each.

use i18n_embed_fl::fl;
use shared::{ModerationAction, Report, ReportStatus, ReportTarget, ResolveReport};
use yew::prelude::*;

use crate::api::{self, ApiError, use_get};
use crate::components::fetched;
use crate::components::form::{FormError, SelectField, TextField};
use crate::i18n::{form_message, report_reason_name, report_status_name, use_i18n, use_title};
use crate::pages::account::SignInFirst;
use crate::services;
use crate::session::use_session;

#[component]
pub fn ModerationPage() -> Html {
    let i18n = use_i18n();
    let loader = i18n.loader();
    use_title(fl!(loader, "moderation-title"));
    let session = use_session();
    let status = use_state(|| Some(ReportStatus::Open));
    let reports = use_get(services::moderation::reports(*status));
    if session.me().is_none() {
        return html! { <SignInFirst /> };
    }
    let choose = {
        let status = status.clone();
        Callback::from(move |value: String| status.set(ReportStatus::parse(&value)))
    };
    let chosen = status.map_or("", ReportStatus::as_str).to_owned();
    html! {
        <>
            <h1>{ fl!(loader, "moderation-title") }</h1>
            <p>{ fl!(loader, "moderation-intro") }</p>
            <SelectField id="report-status" label={fl!(loader, "moderation-status")} value={chosen} on_change={choose}>
                <option value="" selected={status.is_none()}>{ fl!(loader, "filter-all") }</option>
                { for ReportStatus::ALL.iter().map(|option| html! {
                    <option value={option.as_str()} selected={Some(*option) == *status}>{ report_status_name(loader, *option) }</option>
                }) }
            </SelectField>
            { fetched(loader, &reports, |page| html! {
                if page.items.is_empty() {
                    <p class="status">{ fl!(loader, "moderation-empty") }</p>
                } else {
                    <ul class="plain-list reports">
                        { for page.items.iter().map(|report| html! {
                            <ReportItem key={report.id.to_string()} report={report.clone()} on_changed={reports.reload.clone()} />
                        }) }
                    </ul>
                }
            }) }
        </>
    }
}

#[derive(Properties, PartialEq)]
struct ReportItemProps {
    report: Report,
    on_changed: Callback<()>,
}

/// One report: what, why, by whom, and the moderator's buttons.
#[component]
fn ReportItem(props: &ReportItemProps) -> Html {
    let i18n = use_i18n();
    let loader = i18n.loader();
    let session = use_session();
    let note = use_state(String::new);
    let error = use_state(|| None::<ApiError>);
    let report = &props.report;
    let send = |write: services::Write<Report>| {
        let (error, on_changed, token) = (error.clone(), props.on_changed.clone(), session.token());
        Callback::from(move |_: MouseEvent| {
            let (error, on_changed) = (error.clone(), on_changed.clone());
            api::spawn(
                write.clone(),
                token.clone(),
                Callback::from(move |result: Result<Report, ApiError>| match result {
                    Ok(_) => on_changed.emit(()),
                    Err(failure) => error.set(Some(failure)),
                }),
            );
        })
    };
    let decision = |action| {
        services::moderation::resolve(
            report.id,
            &ResolveReport {
                action,
                note: (*note).clone(),
            },
        )
    };
    // Organisations are turned down in the verification queue, not hidden.
    let hideable = report.target_type != ReportTarget::Organization;
    let heading = format!(
        "{} · {}",
        report_reason_name(loader, report.reason),
        report_status_name(loader, report.status)
    );
    html! {
        <li class="report-item">
            <h2 class="report-item__heading">{ heading }</h2>
            <p><a href={report.target_path.clone()}>{ report.excerpt.clone() }</a></p>
            if !report.note.is_empty() {
                <p>{ fl!(loader, "moderation-note", note = report.note.clone()) }</p>
            }
            <p class="meta">{ format!("{} · {}",
                report.reporter.as_ref().map_or_else(|| fl!(loader, "moderation-reporter-gone"), |r| r.display_name.clone()),
                report.created_at.format("%Y-%m-%d %H:%M")) }</p>
            <FormError message={error.as_ref().map(|e| form_message(loader, e))} />
            if report.status == ReportStatus::Open {
                <TextField id={format!("resolution-{}", report.id)} label={fl!(loader, "moderation-resolution")} value={(*note).clone()}
                    on_change={Callback::from({ let note = note.clone(); move |v| note.set(v) })} />
                if hideable {
                    <button type="button" class="button" onclick={send(decision(ModerationAction::Hide))}>{ fl!(loader, "moderation-hide") }</button>
                }
                { " " }
                <button type="button" class="button button--secondary" onclick={send(decision(ModerationAction::Dismiss))}>{ fl!(loader, "moderation-dismiss") }</button>
            }
            if report.status == ReportStatus::Hidden {
                <button type="button" class="button button--secondary" onclick={send(services::moderation::restore(report.id))}>{ fl!(loader, "moderation-restore") }</button>
            }
        </li>
    }
}
