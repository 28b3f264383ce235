//! A lab's page: overview, phase and its history, participants, indicators, needs, ideas.

use i18n_embed_fl::fl;
use shared::{
    ChangePhase, CreateIdea, CreateIndicator, CreateNeed, Direction, Idea, Indicator, Lab,
    LabPhase, Need, Participant, ParticipantRole,
};
use uuid::Uuid;
use yew::prelude::*;
use yew_router::prelude::*;

use crate::api::{self, ApiError, Fetch, use_get, use_paged_get};
use crate::app::Route;
use crate::components::form::{FormError, SelectField, TextAreaField, TextField, parse_decimal};
use crate::components::places::use_challenge_areas;
use crate::components::status;
use crate::components::{IndicatorChart, fetched};
use crate::forms::{delete_then_reload, setter, split_tags, use_create_form};
use crate::i18n::{
    area_name, form_message, idea_status_name, need_status_name, participant_role_name, phase_name,
    use_i18n, use_title,
};
use crate::services;
use crate::session::use_session;

mod add_participant;
mod ideas;
mod indicators;
mod make_method;
mod measurement_form;
mod needs;
mod on_behalf_field;
mod participants;
mod phase;

use add_participant::*;
use ideas::*;
use indicators::*;
use make_method::*;
use measurement_form::*;
use needs::*;
use on_behalf_field::*;
use participants::*;
use phase::*;

#[derive(Properties, PartialEq)]
pub struct LabPageProps {
    pub id: String,
}

#[component]
pub fn LabPage(props: &LabPageProps) -> Html {
    let i18n = use_i18n();
    let loader = i18n.loader();
    let lab = use_get(services::labs::get(&props.id));
    let areas = use_challenge_areas();
    let session = use_session();
    use_title(match &lab.state {
        Fetch::Loaded(lab) => lab.title.clone(),
        _ => fl!(loader, "lab-loading"),
    });
    let lab_value = match status::object(
        &lab,
        fl!(loader, "lab-loading"),
        Some(fl!(loader, "lab-not-found")),
    ) {
        Ok(value) => value,
        Err(instead) => return instead,
    };
    let dates = match (lab_value.starts_on, lab_value.ends_on) {
        (Some(starts), Some(ends)) => format!(" · {starts} – {ends}"),
        (Some(starts), None) => format!(" · {starts} –"),
        _ => String::new(),
    };
    html! {
        <article class="lab" aria-labelledby="lab-title">
            <div class="page-head">
                <h1 id="lab-title">{ &lab_value.title }</h1>
                if lab_value.can_edit {
                    <Link<Route> to={Route::EditLab { id: props.id.clone() }} classes="button button--secondary">{ fl!(loader, "lab-edit") }</Link<Route>>
                }
            </div>
            <p class="meta">
                { area_name(&areas, &lab_value.challenge_area, i18n.language()) }
                { " · " }{ &lab_value.municipality_name }
                if !lab_value.neighbourhood.is_empty() { { format!(", {}", lab_value.neighbourhood) } }
                { dates }
            </p>
            <p class="meta">{ fl!(loader, "lab-hosted-by", host = lab_value.host.name.clone()) }</p>
            if lab_value.hidden {
                <p class="notice" role="status">{ fl!(loader, "lab-hidden") }</p>
            }
            if !lab_value.summary.is_empty() { <p class="lead">{ &lab_value.summary }</p> }
            if !lab_value.description_html.is_empty() {
                <div class="prose">{ Html::from_html_unchecked(AttrValue::from(lab_value.description_html.clone())) }</div>
            }
            <PhaseSection lab={lab_value.clone()} on_changed={lab.reload.clone()} />
            <MakeMethod lab={lab_value.clone()} />
            <Participants id={props.id.clone()} can_edit={lab_value.can_edit} />
            <Indicators id={props.id.clone()} can_edit={lab_value.can_edit} />
            <Needs id={props.id.clone()} can_edit={lab_value.can_edit} />
            <Ideas id={props.id.clone()} />
            if session.me().is_some() && !lab_value.can_edit && !lab_value.hidden {
                <crate::components::ReportButton target_type={shared::ReportTarget::Lab} target_id={lab_value.id} />
            }
        </article>
    }
}

#[derive(Properties, PartialEq)]
struct SectionProps {
    id: String,
}

/// A section of the lab page that its hosts (`can_edit`) add to.
#[derive(Properties, PartialEq)]
struct EditableProps {
    id: String,
    can_edit: bool,
}
