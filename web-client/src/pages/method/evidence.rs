//! The method's evidence entries, each with the charts of the measurements it rests on, and
//! for the owning organisation the form that adds one.

use super::*;

#[derive(Properties, PartialEq)]
pub(super) struct EvidenceProps {
    pub(super) method: Method,
    /// The method's levels change with its evidence: reload it.
    pub(super) on_added: Callback<()>,
}

#[component]
pub(super) fn EvidenceEntries(props: &EvidenceProps) -> Html {
    let i18n = use_i18n();
    let loader = i18n.loader();
    let evidence = use_get(services::methods::evidence(props.method.id));
    let on_added = {
        let (reload, on_added) = (evidence.reload.clone(), props.on_added.clone());
        Callback::from(move |_: Evidence| {
            reload.emit(());
            on_added.emit(());
        })
    };
    let method = &props.method;
    let charts = |only: &[Uuid]| -> Html {
        html! {
            <>
                { for method.origin_labs.iter().map(|lab| html! {
                    <LabIndicators key={lab.id.to_string()} lab={lab.id} only={Some(only.to_vec())} />
                }) }
            </>
        }
    };
    html! {
        <>
            { fetched(loader, &evidence, |page| html! {
                <>
                    if page.items.is_empty() {
                        <p class="status">{ fl!(loader, "evidence-empty") }</p>
                        if !method.indicator_ids.is_empty() {
                            <h3>{ fl!(loader, "evidence-linked-measurements") }</h3>
                            { charts(&method.indicator_ids) }
                        }
                    }
                    <ol class="evidence-list">
                        { for page.items.iter().map(|entry| html! {
                            <li key={entry.id.to_string()} class="evidence">
                                <h3>{ fl!(loader, "evidence-entry-level", level = entry.level, name = level_name(loader, entry.level)) }</h3>
                                <p class="prose">{ &entry.summary }</p>
                                <p class="meta">{ if entry.comparison_group { fl!(loader, "evidence-comparison-yes") } else { fl!(loader, "evidence-comparison-no") } }</p>
                                if !entry.sources.is_empty() {
                                    <ul class="plain-list">
                                        { for entry.sources.iter().map(|source| html! {
                                            <li key={source.url.clone()}><a href={source.url.clone()} rel="noopener noreferrer">{ &source.title }</a></li>
                                        }) }
                                    </ul>
                                }
                                if !entry.indicator_ids.is_empty() { { charts(&entry.indicator_ids) } }
                            </li>
                        }) }
                    </ol>
                </>
            }) }
            if method.can_edit {
                <AddEvidence method={method.id} indicators={method.indicator_ids.clone()} {on_added} />
            }
        </>
    }
}

/// What the evidence form holds, as typed.
#[derive(Debug, Clone, PartialEq)]
struct EvidenceDraft {
    level: String,
    summary: String,
    comparison_group: bool,
    source_title: String,
    source_url: String,
    /// Link the method's indicators (the measurements the entry rests on).
    link_indicators: bool,
}

impl Default for EvidenceDraft {
    fn default() -> Self {
        Self {
            level: "2".to_owned(),
            summary: String::new(),
            comparison_group: false,
            source_title: String::new(),
            source_url: String::new(),
            link_indicators: true,
        }
    }
}

#[derive(Properties, PartialEq)]
struct AddEvidenceProps {
    method: Uuid,
    indicators: Vec<Uuid>,
    on_added: Callback<Evidence>,
}

#[component]
fn AddEvidence(props: &AddEvidenceProps) -> Html {
    let i18n = use_i18n();
    let loader = i18n.loader();
    let (method, indicators) = (props.method, props.indicators.clone());
    let form = use_create_form(
        Callback::from(move |draft: EvidenceDraft| {
            let sources =
                if draft.source_title.trim().is_empty() && draft.source_url.trim().is_empty() {
                    Vec::new()
                } else {
                    vec![SourceLink {
                        title: draft.source_title.trim().to_owned(),
                        url: draft.source_url.trim().to_owned(),
                    }]
                };
            services::methods::add_evidence(
                method,
                &CreateEvidence {
                    level: draft.level.parse().unwrap_or(0),
                    summary: draft.summary.clone(),
                    sources,
                    indicator_ids: if draft.link_indicators {
                        indicators.clone()
                    } else {
                        Vec::new()
                    },
                    comparison_group: draft.comparison_group,
                },
            )
        }),
        props.on_added.clone(),
    );
    let draft = &form.draft;
    let field = |update: fn(&mut EvidenceDraft, String)| setter(draft, update);
    let error = &form.error;
    let field_error = |name: &str| error.as_ref().and_then(|e| e.field(name));
    let source_error = field_error("sources")
        .or_else(|| field_error("sources[0].title"))
        .or_else(|| field_error("sources[0].url"));
    let toggle = |update: fn(&mut EvidenceDraft)| {
        let draft = draft.clone();
        Callback::from(move |_: Event| {
            let mut next = (*draft).clone();
            update(&mut next);
            draft.set(next);
        })
    };
    html! {
        <form class="inline-form" onsubmit={form.onsubmit.clone()} novalidate=true aria-labelledby="add-evidence-heading">
            <h3 id="add-evidence-heading">{ fl!(loader, "evidence-add") }</h3>
            <FormError message={error.as_ref().map(|e| form_message(loader, e))} />
            <SelectField id="evidence-level" label={fl!(loader, "evidence-level")} value={draft.level.clone()} on_change={field(|d, v| d.level = v)} error={field_error("level")}>
                { for (1..=5).map(|level| html! {
                    <option value={level.to_string()} selected={draft.level == level.to_string()}>{ format!("{level} – {}", level_name(loader, level)) }</option>
                }) }
            </SelectField>
            <TextAreaField id="evidence-summary" label={fl!(loader, "evidence-summary-field")} rows={3} value={draft.summary.clone()} on_change={field(|d, v| d.summary = v)} error={field_error("summary")} />
            <label class="checkbox">
                <input type="checkbox" id="evidence-comparison" checked={draft.comparison_group} onchange={toggle(|d| d.comparison_group = !d.comparison_group)} />
                { fl!(loader, "evidence-comparison-field") }
            </label>
            if !props.indicators.is_empty() {
                <label class="checkbox">
                    <input type="checkbox" id="evidence-indicators" checked={draft.link_indicators} onchange={toggle(|d| d.link_indicators = !d.link_indicators)} />
                    { fl!(loader, "evidence-link-indicators", count = props.indicators.len()) }
                </label>
            }
            <TextField id="evidence-source-title" label={fl!(loader, "evidence-source-title")} value={draft.source_title.clone()} on_change={field(|d, v| d.source_title = v)} error={source_error} />
            <TextField id="evidence-source-url" kind="url" label={fl!(loader, "evidence-source-url")} value={draft.source_url.clone()} on_change={field(|d, v| d.source_url = v)} />
            <button type="submit" class="button" disabled={form.busy}>{ fl!(loader, "evidence-add-submit") }</button>
        </form>
    }
}
