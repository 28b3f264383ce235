//! Form fields that show the API's message for them, and keep what the user typed.

use web_sys::{HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct TextFieldProps {
    pub id: AttrValue,
    pub label: String,
    pub value: String,
    pub on_change: Callback<String>,
    #[prop_or(AttrValue::Static("text"))]
    pub kind: AttrValue,
    #[prop_or_default]
    pub error: Option<String>,
    #[prop_or_default]
    pub hint: Option<String>,
    #[prop_or_default]
    pub autocomplete: Option<AttrValue>,
    #[prop_or_default]
    pub required: bool,
    /// A decimal number (a comma or a point before the decimals): the browser offers a
    /// number keyboard and refuses anything else before the form is sent.
    #[prop_or_default]
    pub decimal: bool,
}

/// A decimal number as [`TextField`] with `decimal` lets it be typed.
const DECIMAL_PATTERN: &str = "-?[0-9]+([.,][0-9]+)?";

/// The number typed into a `decimal` [`TextField`] (Swedish decimal comma or a point).
pub fn parse_decimal(text: &str) -> Option<f64> {
    text.trim().replace(',', ".").parse().ok()
}

/// A labelled text input; its error (from the API) is announced and tied to it.
#[component]
pub fn TextField(props: &TextFieldProps) -> Html {
    let on_change = props.on_change.clone();
    let oninput = Callback::from(move |event: InputEvent| {
        let input: HtmlInputElement = event.target_unchecked_into();
        on_change.emit(input.value());
    });
    let hint_id = format!("{}-hint", props.id);
    let error_id = format!("{}-error", props.id);
    let described_by = [
        props.hint.as_ref().map(|_| hint_id.clone()),
        props.error.as_ref().map(|_| error_id.clone()),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join(" ");
    html! {
        <div class={classes!("field", props.error.as_ref().map(|_| "field--invalid"))}>
            <label for={props.id.clone()}>{ &props.label }</label>
            if let Some(hint) = &props.hint {
                <p class="field__hint" id={hint_id.clone()}>{ hint }</p>
            }
            <input id={props.id.clone()} name={props.id.clone()} type={props.kind.clone()} value={props.value.clone()}
                {oninput} required={props.required} autocomplete={props.autocomplete.clone()}
                inputmode={props.decimal.then_some("decimal")} pattern={props.decimal.then_some(DECIMAL_PATTERN)}
                aria-invalid={props.error.is_some().to_string()}
                aria-describedby={(!described_by.is_empty()).then_some(described_by)} />
            if let Some(error) = &props.error {
                <p class="field__error" id={error_id}>{ error }</p>
            }
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct TextAreaFieldProps {
    pub id: AttrValue,
    pub label: String,
    pub value: String,
    pub on_change: Callback<String>,
    #[prop_or_default]
    pub error: Option<String>,
    #[prop_or_default]
    pub hint: Option<String>,
    #[prop_or(4)]
    pub rows: u32,
}

/// A labelled multi-line text input, like [`TextField`].
#[component]
pub fn TextAreaField(props: &TextAreaFieldProps) -> Html {
    let on_change = props.on_change.clone();
    let oninput = Callback::from(move |event: InputEvent| {
        let input: HtmlTextAreaElement = event.target_unchecked_into();
        on_change.emit(input.value());
    });
    let hint_id = format!("{}-hint", props.id);
    let error_id = format!("{}-error", props.id);
    let described_by = [
        props.hint.as_ref().map(|_| hint_id.clone()),
        props.error.as_ref().map(|_| error_id.clone()),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join(" ");
    html! {
        <div class={classes!("field", props.error.as_ref().map(|_| "field--invalid"))}>
            <label for={props.id.clone()}>{ &props.label }</label>
            if let Some(hint) = &props.hint {
                <p class="field__hint" id={hint_id.clone()}>{ hint }</p>
            }
            <textarea id={props.id.clone()} name={props.id.clone()} value={props.value.clone()} rows={props.rows.to_string()}
                {oninput} aria-invalid={props.error.is_some().to_string()}
                aria-describedby={(!described_by.is_empty()).then_some(described_by)} />
            if let Some(error) = &props.error {
                <p class="field__error" id={error_id}>{ error }</p>
            }
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct SelectFieldProps {
    pub id: AttrValue,
    pub label: String,
    pub value: String,
    pub on_change: Callback<String>,
    pub children: Html,
    #[prop_or_default]
    pub error: Option<String>,
    /// An option with a value must be chosen (the browser says so before sending).
    #[prop_or_default]
    pub required: bool,
}

/// A labelled select; its options are the children. It always shows `value`.
#[component]
pub fn SelectField(props: &SelectFieldProps) -> Html {
    // Yew inserts a list's children last first, and Chromium selects the first option that
    // arrives in an empty select: without this, a select whose state is "" (for "all")
    // would show its last option. Setting the select's value after every render makes the
    // page show exactly what its state holds; options that arrive later (loaded from the
    // API) still select themselves through their `selected`.
    let select_ref = use_node_ref();
    {
        let select_ref = select_ref.clone();
        let value = props.value.clone();
        use_effect(move || {
            if let Some(select) = select_ref.cast::<HtmlSelectElement>()
                && select.value() != value
            {
                select.set_value(&value);
            }
        });
    }
    let on_change = props.on_change.clone();
    let onchange = Callback::from(move |event: Event| {
        let select: HtmlSelectElement = event.target_unchecked_into();
        on_change.emit(select.value());
    });
    let error_id = format!("{}-error", props.id);
    html! {
        <div class={classes!("field", props.error.as_ref().map(|_| "field--invalid"))}>
            <label for={props.id.clone()}>{ &props.label }</label>
            <select ref={select_ref} id={props.id.clone()} name={props.id.clone()} {onchange} required={props.required}
                aria-invalid={props.error.is_some().to_string()}
                aria-describedby={props.error.as_ref().map(|_| error_id.clone())}>
                { props.children.clone() }
            </select>
            if let Some(error) = &props.error {
                <p class="field__error" id={error_id}>{ error }</p>
            }
        </div>
    }
}

/// The form's summary of a failed save, announced to screen readers.
#[derive(Properties, PartialEq)]
pub struct FormErrorProps {
    pub message: Option<String>,
}

#[component]
pub fn FormError(props: &FormErrorProps) -> Html {
    match &props.message {
        Some(message) => html! { <p class="form-error" role="alert">{ message }</p> },
        None => html! {},
    }
}

#[cfg(test)]
mod tests {
    use super::parse_decimal;

    #[test]
    fn decimals_are_read_with_a_comma_or_a_point() {
        assert_eq!(parse_decimal("12,5"), Some(12.5));
        assert_eq!(parse_decimal(" 8.25 "), Some(8.25));
        assert_eq!(parse_decimal("-3"), Some(-3.0));
        assert_eq!(parse_decimal(""), None);
        assert_eq!(parse_decimal("tolv"), None);
    }
}
