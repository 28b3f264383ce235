//! Hosts record a new measurement of an indicator.

use super::*;

#[derive(Clone, PartialEq, Default)]
pub(super) struct MeasurementDraft {
    measured_on: String,
    value: String,
    note: String,
}

pub(super) fn measurement_body(draft: &MeasurementDraft) -> serde_json::Value {
    // The date field only lets a date through; anything else would be refused by the API.
    serde_json::json!({
        "measured_on": draft.measured_on,
        "value": parse_decimal(&draft.value),
        "note": draft.note,
    })
}

#[derive(Properties, PartialEq)]
pub(super) struct MeasurementFormProps {
    pub(super) lab: String,
    pub(super) indicator: Indicator,
    pub(super) on_added: Callback<()>,
}

/// A host records a new measurement of an indicator.
#[component]
pub(super) fn MeasurementForm(props: &MeasurementFormProps) -> Html {
    let i18n = use_i18n();
    let loader = i18n.loader();
    let on_added = props.on_added.clone();
    let (lab, indicator) = (props.lab.clone(), props.indicator.id);
    let form = use_create_form(
        Callback::from(move |draft: MeasurementDraft| {
            services::labs::add_measurement(&lab, indicator, &measurement_body(&draft))
        }),
        Callback::from(move |_: Indicator| on_added.emit(())),
    );
    let field = |update: fn(&mut MeasurementDraft, String)| setter(&form.draft, update);
    let error = form.error.as_ref();
    let id = |name: &str| format!("measurement-{}-{name}", props.indicator.id);
    let value_label = if props.indicator.unit.is_empty() {
        fl!(loader, "indicator-value")
    } else {
        format!(
            "{} ({})",
            fl!(loader, "indicator-value"),
            props.indicator.unit
        )
    };
    html! {
        <details class="add-form">
            <summary>{ fl!(loader, "measurement-new", indicator = props.indicator.name.clone()) }</summary>
            <form onsubmit={form.onsubmit.clone()}>
                <FormError message={error.map(|e| form_message(loader, e))} />
                <TextField id={id("date")} kind="date" label={fl!(loader, "indicator-date")} value={form.draft.measured_on.clone()}
                    on_change={field(|d, v| d.measured_on = v)} error={error.and_then(|e| e.field("measured_on"))} required=true />
                <TextField id={id("value")} label={value_label} value={form.draft.value.clone()}
                    on_change={field(|d, v| d.value = v)} error={error.and_then(|e| e.field("value"))} required=true decimal=true />
                <TextField id={id("note")} label={fl!(loader, "measurement-note")} value={form.draft.note.clone()}
                    on_change={field(|d, v| d.note = v)} error={error.and_then(|e| e.field("note"))} />
                <button type="submit" class="button" disabled={form.busy}>{ fl!(loader, "measurement-create") }</button>
            </form>
        </details>
    }
}
