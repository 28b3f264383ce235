//! An organisation's members, for its members; owners and admins change roles and remove.

use super::*;

#[component]
pub(super) fn Members(props: &SectionProps) -> Html {
    let i18n = use_i18n();
    let loader = i18n.loader();
    let session = use_session();
    let members = use_get(services::organizations::members(&props.id));
    let problem = use_state(|| None::<ApiError>);
    let Some(me) = session.me() else {
        return html! {};
    };
    // Only members see the list: others get a 403 and see nothing here.
    let Fetch::Loaded(page) = &members.state else {
        return html! {};
    };
    let my_role = page
        .items
        .iter()
        .find(|member| member.user_id == me.id)
        .map(|member| member.role);
    let manages = my_role >= Some(Role::Admin);
    let is_owner = my_role == Some(Role::Owner);
    let change_role = |user_id: String| {
        let (session, reload, id, problem) = (
            session.clone(),
            members.reload.clone(),
            props.id.clone(),
            problem.clone(),
        );
        Callback::from(move |event: Event| {
            let value = event
                .target_unchecked_into::<web_sys::HtmlSelectElement>()
                .value();
            let Some(role) = Role::parse(&value) else {
                return;
            };
            let (session, reload, problem) = (session.clone(), reload.clone(), problem.clone());
            let change =
                services::organizations::change_role(&id, &user_id, &UpdateMember { role });
            wasm_bindgen_futures::spawn_local(async move {
                let result = api::send(&change, session.token().as_deref(), None).await;
                problem.set(result.err());
                reload.emit(());
            });
        })
    };
    let remove = |user_id: String| {
        delete_then_reload(
            &session,
            services::organizations::remove_member(&props.id, user_id),
            &problem,
            &members.reload,
        )
    };
    html! {
        <>
            if let Some(role) = my_role {
                <p>{ fl!(loader, "organization-role", role = role_name(loader, role)) }</p>
            }
            <section aria-labelledby="members-heading">
                <h2 id="members-heading">{ fl!(loader, "organization-members") }</h2>
                <FormError message={problem.as_ref().map(|e| form_message(loader, e))} />
                <ul class="plain-list">
                    { for page.items.iter().map(|member| html! {
                        <li key={member.user_id.to_string()}>
                            { format!("{} ({}) – {}", member.display_name, member.email, role_name(loader, member.role)) }
                            if manages && member.user_id != me.id && (is_owner || member.role != Role::Owner) {
                                { " " }
                                <select aria-label={fl!(loader, "organization-member-role-label", name = member.display_name.clone())}
                                    onchange={change_role(member.user_id.to_string())}>
                                    { for Role::ALL.iter().copied().filter(|r| is_owner || *r != Role::Owner).map(|r| html! {
                                        <option value={r.as_str()} selected={member.role == r}>{ role_name(loader, r) }</option>
                                    }) }
                                </select>
                                { " " }
                                <button type="button" class="button button--small" onclick={remove(member.user_id.to_string())}
                                    aria-label={format!("{} {}", fl!(loader, "organization-remove-member"), member.display_name)}>
                                    { fl!(loader, "organization-remove-member") }
                                </button>
                            }
                        </li>
                    }) }
                </ul>
                if manages {
                    <AddMemberForm id={props.id.clone()} on_added={members.reload.clone()} owner={my_role == Some(Role::Owner)} />
                }
            </section>
            if manages {
                <ApiKeys id={props.id.clone()} />
                <Webhooks id={props.id.clone()} />
            }
            if is_owner || me.is_platform_admin {
                <section aria-labelledby="audit-heading">
                    <h2 id="audit-heading">{ fl!(loader, "organization-audit-log") }</h2>
                    <crate::pages::AuditLog organization={props.id.clone()} />
                </section>
            }
        </>
    }
}
