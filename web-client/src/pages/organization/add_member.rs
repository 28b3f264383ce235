//! Owners and admins add a member by e-mail, with a role.

use super::*;

#[derive(Properties, PartialEq)]
pub(super) struct AddMemberProps {
    pub(super) id: String,
    pub(super) on_added: Callback<()>,
    pub(super) owner: bool,
}

#[component]
pub(super) fn AddMemberForm(props: &AddMemberProps) -> Html {
    let i18n = use_i18n();
    let loader = i18n.loader();
    let session = use_session();
    let email = use_state(String::new);
    let role = use_state(|| Role::Member);
    let error = use_state(|| None::<ApiError>);
    let onsubmit = {
        let (email, role, error, on_added, id) = (
            email.clone(),
            role.clone(),
            error.clone(),
            props.on_added.clone(),
            props.id.clone(),
        );
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            let request = AddMember {
                email: (*email).clone(),
                role: *role,
            };
            let (session, email, error, on_added, adding) = (
                session.clone(),
                email.clone(),
                error.clone(),
                on_added.clone(),
                services::organizations::add_member(&id, &request),
            );
            wasm_bindgen_futures::spawn_local(async move {
                match api::send(&adding, session.token().as_deref(), None).await {
                    Ok(_) => {
                        email.set(String::new());
                        error.set(None);
                        on_added.emit(());
                    }
                    Err(failure) => error.set(Some(failure)),
                }
            });
        })
    };
    let roles: &[Role] = if props.owner {
        Role::ALL
    } else {
        &[Role::Member, Role::Admin]
    };
    html! {
        <form {onsubmit} class="inline-form" aria-labelledby="add-member-heading">
            <h3 id="add-member-heading">{ fl!(loader, "organization-add-member") }</h3>
            <FormError message={error.as_ref().map(|e| form_message(loader, e))} />
            <TextField id="member-email" kind="email" label={fl!(loader, "form-email")} value={(*email).clone()}
                on_change={Callback::from({ let email = email.clone(); move |v| email.set(v) })}
                error={error.as_ref().and_then(|e| e.field("email"))} />
            <SelectField id="member-role" label={fl!(loader, "organization-role", role = "")} value={role.as_str().to_owned()}
                on_change={Callback::from({ let role = role.clone(); move |v: String| role.set(Role::parse(&v).unwrap_or(Role::Member)) })}>
                { for roles.iter().map(|r| html! { <option value={r.as_str()} selected={*role == *r}>{ role_name(loader, *r) }</option> }) }
            </SelectField>
            <button type="submit" class="button">{ fl!(loader, "organization-add-member-submit") }</button>
        </form>
    }
}
