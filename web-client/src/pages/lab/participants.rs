//! The organisations taking part in a lab; hosts remove them.

use super::*;

#[component]
pub(super) fn Participants(props: &EditableProps) -> Html {
    let i18n = use_i18n();
    let loader = i18n.loader();
    let session = use_session();
    let participants = use_get(services::labs::participants(&props.id));
    let problem = use_state(|| None::<ApiError>);
    let remove = |organization: Uuid| {
        delete_then_reload(
            &session,
            services::labs::remove_participant(&props.id, organization),
            &problem,
            &participants.reload,
        )
    };
    html! {
        <section aria-labelledby="participants-heading">
            <h2 id="participants-heading">{ fl!(loader, "lab-participants") }</h2>
            { fetched(loader, &participants, |page| {
                // A lab keeps a host: its only host is not offered for removal.
                let hosts = page.items.iter().filter(|p| p.role == ParticipantRole::Host).count();
                html! {
                <>
                    <ul class="plain-list">
                        { for page.items.iter().map(|p| html! {
                            <li key={p.organization.id.to_string()}>
                                <Link<Route> to={Route::Organization { id: p.organization.id.to_string() }}>{ &p.organization.name }</Link<Route>>
                                { format!(" – {}", participant_role_name(loader, p.role)) }
                                if props.can_edit && (p.role != ParticipantRole::Host || hosts > 1) {
                                    { " " }
                                    <button type="button" class="button button--small button--secondary" onclick={remove(p.organization.id)}>
                                        { fl!(loader, "participant-remove") }
                                        <span class="visually-hidden">{ format!(": {}", p.organization.name) }</span>
                                    </button>
                                }
                            </li>
                        }) }
                    </ul>
                </>
                }
            }) }
            <FormError message={problem.as_ref().map(|e| form_message(loader, e))} />
            if props.can_edit {
                <AddParticipantForm id={props.id.clone()} on_added={participants.reload.clone()} />
            }
        </section>
    }
}
