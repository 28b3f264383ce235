//! Describing a method, and changing it (its organisation's members). A method made from a
//! lab arrives here as a draft filled from the lab; a change made by someone else meanwhile
//! (412) is reported, keeping what was typed.

use i18n_embed_fl::fl;
use shared::{CreateMethod, Method, Resource, ResourceKind, Transfer, UpdateMethod};
use web_sys::HtmlInputElement;
use yew::prelude::*;
use yew_router::prelude::*;

use crate::api::use_get;
use crate::app::Route;
use crate::components::form::{SelectField, TextAreaField, TextField};
use crate::components::places::use_challenge_areas;
use crate::components::status;
use crate::forms::{ResourceFormProps, go_to, setter, split_tags, use_resource_form};
use crate::i18n::{use_i18n, use_title};
use crate::pages::account::use_acting_organizations;
use crate::pages::method::resource_kind_name;
use crate::services;

/// What the form holds, as typed.
#[derive(Debug, Clone, PartialEq, Default)]
struct Draft {
    organization: String,
    title: String,
    summary: String,
    problem: String,
    approach: String,
    results: String,
    transfer: Transfer,
    target_groups: String,
    challenge_areas: Vec<String>,
    resources: Vec<Resource>,
    licence: String,
}

impl Draft {
    fn of(method: &Method) -> Self {
        Draft {
            organization: method.organization.id.to_string(),
            title: method.title.clone(),
            summary: method.summary.clone(),
            problem: method.problem.clone(),
            approach: method.approach.clone(),
            results: method.results.clone(),
            transfer: method.transfer.clone(),
            target_groups: method.target_groups.join(", "),
            challenge_areas: method.challenge_areas.clone(),
            resources: method.resources.clone(),
            licence: method.licence.clone(),
        }
    }

    /// The resources with something typed in them (an empty row is not a resource).
    fn resources(&self) -> Vec<Resource> {
        self.resources
            .iter()
            .filter(|r| !r.title.trim().is_empty() || !r.url.trim().is_empty())
            .map(|r| Resource {
                title: r.title.trim().to_owned(),
                url: r.url.trim().to_owned(),
                kind: r.kind,
            })
            .collect()
    }
}

#[component]
pub fn NewMethod() -> Html {
    let i18n = use_i18n();
    let loader = i18n.loader();
    use_title(fl!(loader, "method-new-title"));
    let navigator = use_navigator();
    let organizations = match use_acting_organizations(
        fl!(loader, "method-new-title"),
        fl!(loader, "method-new-needs-organization"),
    ) {
        Ok(organizations) => organizations,
        Err(instead) => return instead,
    };
    let initial = Draft {
        organization: organizations
            .first()
            .map(|o| o.organization.id.to_string())
            .unwrap_or_default(),
        challenge_areas: vec!["unemployment".to_owned()],
        licence: "CC-BY-4.0".to_owned(),
        ..Draft::default()
    };
    let on_save = Callback::from(|draft: Draft| {
        let body = CreateMethod {
            organization_id: draft.organization.parse().ok(),
            title: draft.title.clone(),
            summary: draft.summary.clone(),
            problem: draft.problem.clone(),
            approach: draft.approach.clone(),
            results: draft.results.clone(),
            transfer: draft.transfer.clone(),
            target_groups: split_tags(&draft.target_groups),
            challenge_areas: draft.challenge_areas.clone(),
            origin_lab_ids: Vec::new(),
            origin_idea_ids: Vec::new(),
            indicator_ids: Vec::new(),
            resources: draft.resources(),
            licence: Some(draft.licence.trim().to_owned()).filter(|l| !l.is_empty()),
        };
        services::methods::create(&body)
    });
    let on_saved = go_to(navigator, |method: &Method| Route::Method {
        id: method.id.to_string(),
    });
    html! {
        <section class="narrow" aria-labelledby="page-title">
            <h1 id="page-title">{ fl!(loader, "method-new-title") }</h1>
            <p class="lead">{ fl!(loader, "method-new-lead") }</p>
            <MethodForm {initial} version={0} {organizations} {on_save} {on_saved} latest={None} submit={fl!(loader, "method-create")} />
        </section>
    }
}

#[derive(Properties, PartialEq)]
pub struct EditMethodProps {
    pub id: String,
}

#[component]
pub fn EditMethod(props: &EditMethodProps) -> Html {
    let i18n = use_i18n();
    let loader = i18n.loader();
    use_title(fl!(loader, "method-edit"));
    let navigator = use_navigator();
    let method = use_get(services::methods::get(&props.id));
    let method = match status::object(
        &method,
        fl!(loader, "method-loading"),
        Some(fl!(loader, "method-not-found")),
    ) {
        Ok(value) => value,
        Err(instead) => return instead,
    };
    let id = method.id;
    let on_save = Callback::from(move |draft: Draft| {
        let body = UpdateMethod {
            title: Some(draft.title.clone()),
            summary: Some(draft.summary.clone()),
            problem: Some(draft.problem.clone()),
            approach: Some(draft.approach.clone()),
            results: Some(draft.results.clone()),
            transfer: Some(draft.transfer.clone()),
            target_groups: Some(split_tags(&draft.target_groups)),
            challenge_areas: Some(draft.challenge_areas.clone()),
            resources: Some(draft.resources()),
            licence: Some(draft.licence.trim().to_owned()),
            ..UpdateMethod::default()
        };
        services::methods::update(id, &body)
    });
    let on_saved = go_to(navigator, |method: &Method| Route::Method {
        id: method.id.to_string(),
    });
    html! {
        <section class="narrow" aria-labelledby="page-title">
            <h1 id="page-title">{ fl!(loader, "method-edit") }</h1>
            <MethodForm initial={Draft::of(&method)} version={method.version} organizations={Vec::new()} {on_save} {on_saved}
                latest={Some(services::methods::get(id))} submit={fl!(loader, "account-save")} />
        </section>
    }
}

#[component]
fn MethodForm(props: &ResourceFormProps<Draft, Method>) -> Html {
    let i18n = use_i18n();
    let loader = i18n.loader();
    let areas = use_challenge_areas();
    let (draft, save) = use_resource_form(props);
    let field = |update: fn(&mut Draft, String)| setter(&draft, update);
    let error = &save.error;
    let field_error = |name: &str| error.as_ref().and_then(|e| e.field(name));
    let language = i18n.language().code();
    let toggle_area = |key: String| {
        let draft = draft.clone();
        Callback::from(move |event: Event| {
            let input: HtmlInputElement = event.target_unchecked_into();
            let mut next = (*draft).clone();
            next.challenge_areas.retain(|area| *area != key);
            if input.checked() {
                next.challenge_areas.push(key.clone());
            }
            draft.set(next);
        })
    };
    // One resource row's field: `update` writes the typed text into row `index`.
    let resource_field = |index: usize, update: fn(&mut Resource, String)| {
        let draft = draft.clone();
        Callback::from(move |text: String| {
            let mut next = (*draft).clone();
            if let Some(resource) = next.resources.get_mut(index) {
                update(resource, text);
            }
            draft.set(next);
        })
    };
    let add_resource = {
        let draft = draft.clone();
        Callback::from(move |_: MouseEvent| {
            let mut next = (*draft).clone();
            next.resources.push(Resource {
                title: String::new(),
                url: String::new(),
                kind: ResourceKind::Link,
            });
            draft.set(next);
        })
    };
    let remove_resource = |index: usize| {
        let draft = draft.clone();
        Callback::from(move |_: MouseEvent| {
            let mut next = (*draft).clone();
            if index < next.resources.len() {
                next.resources.remove(index);
            }
            draft.set(next);
        })
    };
    let resource_error = |index: usize| {
        field_error(&format!("resources[{index}].title"))
            .or_else(|| field_error(&format!("resources[{index}].url")))
            .or_else(|| field_error(&format!("resources[{index}]")))
    };
    html! {
        <form onsubmit={save.onsubmit.clone()} novalidate=true>
            { save.feedback(loader) }
            if props.organizations.len() > 1 {
                <SelectField id="organization" label={fl!(loader, "method-organization")} value={draft.organization.clone()} on_change={field(|d, v| d.organization = v)} error={field_error("organization_id")}>
                    { for props.organizations.iter().map(|mine| html! {
                        <option value={mine.organization.id.to_string()} selected={draft.organization == mine.organization.id.to_string()}>{ &mine.organization.name }</option>
                    }) }
                </SelectField>
            }
            <TextField id="title" label={fl!(loader, "form-title")} value={draft.title.clone()} on_change={field(|d, v| d.title = v)} error={field_error("title")} required=true />
            <TextAreaField id="summary" label={fl!(loader, "lab-summary")} rows={2} value={draft.summary.clone()} on_change={field(|d, v| d.summary = v)} error={field_error("summary")} />
            <fieldset class={classes!("field", field_error("challenge_areas").map(|_| "field--invalid"))} aria-describedby={field_error("challenge_areas").map(|_| "challenge-areas-error")}>
                <legend>{ fl!(loader, "method-challenge-areas") }</legend>
                { for areas.iter().map(|area| html! {
                    <label class="checkbox" key={area.key.clone()}>
                        <input type="checkbox" name="challenge_areas" value={area.key.clone()} checked={draft.challenge_areas.contains(&area.key)} onchange={toggle_area(area.key.clone())} />
                        { area.name.get(language) }
                    </label>
                }) }
                if let Some(message) = field_error("challenge_areas") { <p class="field__error" id="challenge-areas-error">{ message }</p> }
            </fieldset>
            <TextAreaField id="problem" label={fl!(loader, "method-problem")} rows={4} value={draft.problem.clone()} on_change={field(|d, v| d.problem = v)} error={field_error("problem")} />
            <TextAreaField id="approach" label={fl!(loader, "method-approach")} hint={fl!(loader, "lab-description-hint")} rows={8} value={draft.approach.clone()} on_change={field(|d, v| d.approach = v)} error={field_error("approach")} />
            <TextAreaField id="results" label={fl!(loader, "method-results")} rows={4} value={draft.results.clone()} on_change={field(|d, v| d.results = v)} error={field_error("results")} />
            <fieldset class="field">
                <legend>{ fl!(loader, "method-transfer") }</legend>
                <TextField id="transfer-staff" label={fl!(loader, "method-transfer-staff")} value={draft.transfer.staff.clone()} on_change={field(|d, v| d.transfer.staff = v)} error={field_error("transfer.staff")} />
                <TextField id="transfer-time" label={fl!(loader, "method-transfer-time")} value={draft.transfer.time.clone()} on_change={field(|d, v| d.transfer.time = v)} error={field_error("transfer.time")} />
                <TextField id="transfer-cost" label={fl!(loader, "method-transfer-cost")} value={draft.transfer.cost_range.clone()} on_change={field(|d, v| d.transfer.cost_range = v)} error={field_error("transfer.cost_range")} />
                <TextAreaField id="transfer-prerequisites" label={fl!(loader, "method-transfer-prerequisites")} rows={2} value={draft.transfer.prerequisites.clone()} on_change={field(|d, v| d.transfer.prerequisites = v)} error={field_error("transfer.prerequisites")} />
            </fieldset>
            <TextField id="target_groups" label={fl!(loader, "method-target-groups-field")} hint={fl!(loader, "offering-tags-hint")} value={draft.target_groups.clone()} on_change={field(|d, v| d.target_groups = v)} error={field_error("target_groups")} />
            <fieldset class="field">
                <legend>{ fl!(loader, "method-resources") }</legend>
                <p class="field__hint">{ fl!(loader, "method-resources-hint") }</p>
                { for draft.resources.iter().enumerate().map(|(index, resource)| { let number = index + 1; html! {
                    <div class="resource-row" key={index}>
                        <TextField id={format!("resource-{index}-title")} label={fl!(loader, "method-resource-title", number = number)} value={resource.title.clone()} on_change={resource_field(index, |r, v| r.title = v)} error={resource_error(index)} />
                        <TextField id={format!("resource-{index}-url")} kind="url" label={fl!(loader, "method-resource-url", number = number)} value={resource.url.clone()} on_change={resource_field(index, |r, v| r.url = v)} />
                        <SelectField id={format!("resource-{index}-kind")} label={fl!(loader, "method-resource-kind", number = number)} value={resource.kind.as_str().to_owned()} on_change={resource_field(index, |r, v| r.kind = ResourceKind::parse(&v).unwrap_or(ResourceKind::Link))}>
                            { for ResourceKind::ALL.iter().map(|kind| html! {
                                <option value={kind.as_str()} selected={resource.kind == *kind}>{ resource_kind_name(loader, *kind) }</option>
                            }) }
                        </SelectField>
                        <button type="button" class="button button--secondary button--small" onclick={remove_resource(index)}>{ fl!(loader, "method-resource-remove", number = number) }</button>
                    </div>
                } }) }
                <button type="button" class="button button--secondary" onclick={add_resource}>{ fl!(loader, "method-resource-add") }</button>
            </fieldset>
            <TextField id="licence" label={fl!(loader, "method-licence-field")} hint={fl!(loader, "method-licence-hint")} value={draft.licence.clone()} on_change={field(|d, v| d.licence = v)} error={field_error("licence")} />
            <button type="submit" class="button" disabled={save.busy}>{ &props.submit }</button>
        </form>
    }
}
