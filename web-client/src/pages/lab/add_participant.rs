//! Hosts bring in another organisation: found by name, then given a role.

use super::*;

#[derive(Clone, PartialEq)]
pub(super) struct ParticipantDraft {
    organization_id: String,
    role: String,
}

impl Default for ParticipantDraft {
    fn default() -> Self {
        Self {
            organization_id: String::new(),
            role: ParticipantRole::Partner.as_str().to_owned(),
        }
    }
}

pub(super) fn participant_body(draft: &ParticipantDraft) -> serde_json::Value {
    serde_json::json!({ "organization_id": draft.organization_id, "role": draft.role })
}

#[derive(Properties, PartialEq)]
pub(super) struct AddParticipantFormProps {
    pub(super) id: String,
    pub(super) on_added: Callback<()>,
}

/// A host brings in another organisation: found by name, then given a role.
#[component]
pub(super) fn AddParticipantForm(props: &AddParticipantFormProps) -> Html {
    let i18n = use_i18n();
    let loader = i18n.loader();
    let on_added = props.on_added.clone();
    let id = props.id.clone();
    let form = use_create_form(
        Callback::from(move |draft: ParticipantDraft| {
            services::labs::add_participant(&id, &participant_body(&draft))
        }),
        Callback::from(move |_: Participant| on_added.emit(())),
    );
    let search = use_state(String::new);
    let found = use_get(services::organizations::named(&search));
    let field = |update: fn(&mut ParticipantDraft, String)| setter(&form.draft, update);
    let error = form.error.as_ref();
    let options = match &found.state {
        Fetch::Loaded(page) => page.items.clone(),
        _ => Vec::new(),
    };
    html! {
        <details class="add-form">
            <summary>{ fl!(loader, "participant-new") }</summary>
            <form onsubmit={form.onsubmit.clone()}>
                <FormError message={error.map(|e| form_message(loader, e))} />
                <TextField id="participant-search" kind="search" label={fl!(loader, "participant-search")} value={(*search).clone()}
                    on_change={Callback::from({ let search = search.clone(); move |v| search.set(v) })} />
                <SelectField id="participant-organization" label={fl!(loader, "participant-organization")} value={form.draft.organization_id.clone()}
                    on_change={field(|d, v| d.organization_id = v)} error={error.and_then(|e| e.field("organization_id"))} required=true>
                    <option value="" selected={form.draft.organization_id.is_empty()}>
                        { if options.is_empty() { fl!(loader, "participant-none-found") } else { fl!(loader, "participant-choose") } }
                    </option>
                    { for options.iter().map(|o| html! {
                        <option value={o.id.to_string()} selected={form.draft.organization_id == o.id.to_string()}>
                            { format!("{} ({})", o.name, o.municipality_name) }
                        </option>
                    }) }
                </SelectField>
                <SelectField id="participant-role" label={fl!(loader, "participant-role")} value={form.draft.role.clone()}
                    on_change={field(|d, v| d.role = v)} error={error.and_then(|e| e.field("role"))}>
                    { for ParticipantRole::ALL.iter().map(|role| html! {
                        <option value={role.as_str()} selected={form.draft.role == role.as_str()}>{ participant_role_name(loader, *role) }</option>
                    }) }
                </SelectField>
                <button type="submit" class="button" disabled={form.busy}>{ fl!(loader, "participant-add") }</button>
            </form>
        </details>
    }
}
