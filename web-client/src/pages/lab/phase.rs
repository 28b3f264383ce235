//! The lab's phase: its steps, its history, and the hosts' move to another phase.

use super::*;

#[derive(Properties, PartialEq)]
pub(super) struct PhaseProps {
    pub(super) lab: Lab,
    pub(super) on_changed: Callback<()>,
}

/// The lab's phase, its history and, for hosts, the way to the next (or previous) one.
#[component]
pub(super) fn PhaseSection(props: &PhaseProps) -> Html {
    let i18n = use_i18n();
    let loader = i18n.loader();
    let session = use_session();
    let history = use_get(services::labs::history(props.lab.id));
    let target = use_state(String::new);
    let note = use_state(String::new);
    let error = use_state(|| None::<ApiError>);
    let phase = props.lab.phase;
    let moves: Vec<_> = [phase.next(), phase.previous()]
        .into_iter()
        .flatten()
        .collect();
    let onsubmit = {
        let (target, note, error, reload_lab, reload_history, id, session) = (
            target.clone(),
            note.clone(),
            error.clone(),
            props.on_changed.clone(),
            history.reload.clone(),
            props.lab.id,
            session.clone(),
        );
        let default_target = moves.first().copied();
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            let Some(to) = shared::LabPhase::parse(&target).or(default_target) else {
                return;
            };
            let body = ChangePhase {
                phase: to,
                note: Some((*note).clone()).filter(|n| !n.trim().is_empty()),
            };
            let (error, note, reload_lab, reload_history) = (
                error.clone(),
                note.clone(),
                reload_lab.clone(),
                reload_history.clone(),
            );
            api::spawn(
                services::labs::change_phase(id, &body),
                session.token(),
                Callback::from(move |result: Result<Lab, ApiError>| match result {
                    Ok(_) => {
                        error.set(None);
                        note.set(String::new());
                        reload_lab.emit(());
                        reload_history.emit(());
                    }
                    Err(failure) => error.set(Some(failure)),
                }),
            );
        })
    };
    html! {
        <section aria-labelledby="phase-heading">
            <h2 id="phase-heading">{ fl!(loader, "lab-phase") }</h2>
            <ol class="phases">
                { for shared::LabPhase::ALL.iter().map(|p| html! {
                    <li class={classes!((*p == phase).then_some("phases__current"))} aria-current={(*p == phase).then_some("step")}>{ phase_name(loader, *p) }</li>
                }) }
            </ol>
            if props.lab.can_edit && !moves.is_empty() {
                <form class="inline-form" {onsubmit}>
                    <FormError message={error.as_ref().map(|e| form_message(loader, e))} />
                    <SelectField id="phase-target" label={fl!(loader, "lab-phase-move")} value={(*target).clone()}
                        on_change={Callback::from({ let target = target.clone(); move |v| target.set(v) })}>
                        { for moves.iter().map(|to| html! { <option value={to.as_str()}>{ phase_name(loader, *to) }</option> }) }
                    </SelectField>
                    <TextAreaField id="phase-note" label={fl!(loader, "lab-phase-note")} hint={fl!(loader, "lab-phase-note-hint")} rows={2}
                        value={(*note).clone()} on_change={Callback::from({ let note = note.clone(); move |v| note.set(v) })}
                        error={error.as_ref().and_then(|e| e.field("note"))} />
                    <button type="submit" class="button">{ fl!(loader, "lab-phase-submit") }</button>
                </form>
            }
            { fetched(loader, &history, |history| html! {
                <>
                    <details class="history">
                        <summary>{ fl!(loader, "lab-history") }</summary>
                        <ol>
                            { for history.items.iter().map(|change| html! {
                                <li>
                                    <time datetime={change.at.to_rfc3339()}>{ change.at.format("%Y-%m-%d").to_string() }</time>
                                    { " " }{ phase_name(loader, change.to) }
                                    if let Some(actor) = &change.actor { { format!(" ({actor})") } }
                                    if let Some(note) = &change.note { { format!(": {note}") } }
                                </li>
                            }) }
                        </ol>
                    </details>
                </>
            }) }
        </section>
    }
}
