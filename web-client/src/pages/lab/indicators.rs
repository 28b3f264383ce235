//! A lab's indicators with their measurements; hosts add indicators.

use super::*;

#[derive(Clone, PartialEq)]
pub(super) struct IndicatorDraft {
    name: String,
    unit: String,
    baseline: String,
    target: String,
    direction: String,
}

impl Default for IndicatorDraft {
    fn default() -> Self {
        Self {
            name: String::new(),
            unit: String::new(),
            baseline: String::new(),
            target: String::new(),
            direction: Direction::Increase.as_str().to_owned(),
        }
    }
}

pub(super) fn indicator_body(draft: &IndicatorDraft) -> CreateIndicator {
    CreateIndicator {
        name: draft.name.clone(),
        unit: draft.unit.clone(),
        // The fields only let numbers through; NaN is sent as null, which the API refuses.
        baseline: parse_decimal(&draft.baseline).unwrap_or(f64::NAN),
        target: parse_decimal(&draft.target).unwrap_or(f64::NAN),
        direction: Direction::parse(&draft.direction).unwrap_or(Direction::Increase),
    }
}

#[component]
pub(super) fn Indicators(props: &EditableProps) -> Html {
    let i18n = use_i18n();
    let loader = i18n.loader();
    let indicators = use_get(services::labs::indicators(&props.id));
    let reload = indicators.reload.clone();
    let id = props.id.clone();
    let form = use_create_form(
        Callback::from(move |draft: IndicatorDraft| {
            services::labs::create_indicator(&id, &indicator_body(&draft))
        }),
        Callback::from(move |_: Indicator| reload.emit(())),
    );
    let field = |update: fn(&mut IndicatorDraft, String)| setter(&form.draft, update);
    let error = form.error.as_ref();
    html! {
        <section aria-labelledby="indicators-heading">
            <h2 id="indicators-heading">{ fl!(loader, "lab-indicators") }</h2>
            { fetched(loader, &indicators, |page| html! {
                <>
                    if page.items.is_empty() {
                        <p class="status">{ fl!(loader, "lab-indicators-empty") }</p>
                    }
                    <ul class="indicator-list">
                        { for page.items.iter().map(|indicator| html! {
                            <li key={indicator.id.to_string()}>
                                <h3>{ &indicator.name }</h3>
                                if let Some(progress) = indicator.progress {
                                    <p class="meta">{ fl!(loader, "indicator-progress", percent = format!("{:.0}", progress * 100.0)) }</p>
                                }
                                <IndicatorChart indicator={indicator.clone()} />
                                if props.can_edit {
                                    <MeasurementForm lab={props.id.clone()} indicator={indicator.clone()} on_added={indicators.reload.clone()} />
                                }
                            </li>
                        }) }
                    </ul>
                </>
            }) }
            if props.can_edit {
                <details class="add-form">
                    <summary>{ fl!(loader, "indicator-new") }</summary>
                    <form onsubmit={form.onsubmit.clone()}>
                        <FormError message={error.map(|e| form_message(loader, e))} />
                        <TextField id="indicator-name" label={fl!(loader, "indicator-name")} value={form.draft.name.clone()}
                            on_change={field(|d, v| d.name = v)} error={error.and_then(|e| e.field("name"))} required=true />
                        <TextField id="indicator-unit" label={fl!(loader, "indicator-unit")} value={form.draft.unit.clone()}
                            hint={fl!(loader, "indicator-unit-hint")}
                            on_change={field(|d, v| d.unit = v)} error={error.and_then(|e| e.field("unit"))} />
                        <TextField id="indicator-baseline" label={fl!(loader, "indicator-baseline")} value={form.draft.baseline.clone()}
                            on_change={field(|d, v| d.baseline = v)} error={error.and_then(|e| e.field("baseline"))} required=true decimal=true />
                        <TextField id="indicator-target" label={fl!(loader, "indicator-target")} value={form.draft.target.clone()}
                            on_change={field(|d, v| d.target = v)} error={error.and_then(|e| e.field("target"))} required=true decimal=true />
                        <SelectField id="indicator-direction" label={fl!(loader, "indicator-direction")} value={form.draft.direction.clone()}
                            on_change={field(|d, v| d.direction = v)} error={error.and_then(|e| e.field("direction"))}>
                            <option value="increase" selected={form.draft.direction == "increase"}>{ fl!(loader, "indicator-direction-increase") }</option>
                            <option value="decrease" selected={form.draft.direction == "decrease"}>{ fl!(loader, "indicator-direction-decrease") }</option>
                        </SelectField>
                        <button type="submit" class="button" disabled={form.busy}>{ fl!(loader, "indicator-create") }</button>
                    </form>
                </details>
            }
        </section>
    }
}
