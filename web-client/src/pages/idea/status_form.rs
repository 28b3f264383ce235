//! The lab's hosts move the idea's status, with a reason.

use super::*;

#[derive(Properties, PartialEq)]
pub(super) struct StatusFormProps {
    pub(super) idea: Idea,
    pub(super) on_changed: Callback<()>,
}

/// For the lab's hosts: move the idea on, or reject or archive it with a reason.
#[component]
pub(super) fn StatusForm(props: &StatusFormProps) -> Html {
    let i18n = use_i18n();
    let loader = i18n.loader();
    let session = use_session();
    let moves = props.idea.status.allowed_moves();
    let target = use_state(|| {
        moves
            .first()
            .map(|s| s.as_str().to_owned())
            .unwrap_or_default()
    });
    let reason = use_state(String::new);
    let error = use_state(|| None::<ApiError>);
    if moves.is_empty() {
        return html! {};
    }
    let onsubmit = {
        let (target, reason, error, on_changed, session, id) = (
            target.clone(),
            reason.clone(),
            error.clone(),
            props.on_changed.clone(),
            session.clone(),
            props.idea.id,
        );
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            let Some(status) = IdeaStatus::parse(&target) else {
                return;
            };
            let body = ChangeIdeaStatus {
                status,
                reason: Some((*reason).clone()).filter(|r| !r.trim().is_empty()),
            };
            let (error, reason, on_changed) = (error.clone(), reason.clone(), on_changed.clone());
            api::spawn(
                services::ideas::change_status(id, &body),
                session.token(),
                Callback::from(move |result: Result<Idea, ApiError>| match result {
                    Ok(_) => {
                        error.set(None);
                        reason.set(String::new());
                        on_changed.emit(());
                    }
                    Err(failure) => error.set(Some(failure)),
                }),
            );
        })
    };
    html! {
        <form class="inline-form" aria-labelledby="status-heading" {onsubmit}>
            <h2 id="status-heading">{ fl!(loader, "idea-status-change") }</h2>
            <FormError message={error.as_ref().map(|e| form_message(loader, e))} />
            <SelectField id="idea-status-target" label={fl!(loader, "idea-status-new")} value={(*target).clone()}
                on_change={Callback::from({ let target = target.clone(); move |v| target.set(v) })}>
                { for moves.iter().map(|s| html! { <option value={s.as_str()} selected={*target == s.as_str()}>{ idea_status_name(loader, *s) }</option> }) }
            </SelectField>
            <TextAreaField id="idea-status-reason" label={fl!(loader, "idea-reason")} hint={fl!(loader, "idea-reason-hint")} rows={2}
                value={(*reason).clone()} on_change={Callback::from({ let reason = reason.clone(); move |v| reason.set(v) })}
                error={error.as_ref().and_then(|e| e.field("reason"))} />
            <button type="submit" class="button">{ fl!(loader, "idea-status-submit") }</button>
        </form>
    }
}
