//! The owning organisation's moves: publish a draft, retire a published method with a reason.

use super::*;

#[derive(Properties, PartialEq)]
pub(super) struct OwnerActionsProps {
    pub(super) method: Method,
    pub(super) on_changed: Callback<()>,
}

#[component]
pub(super) fn OwnerActions(props: &OwnerActionsProps) -> Html {
    let i18n = use_i18n();
    let loader = i18n.loader();
    let session = use_session();
    let error = use_state(|| None::<ApiError>);
    let reason = use_state(String::new);
    let done = {
        let (error, on_changed) = (error.clone(), props.on_changed.clone());
        Callback::from(move |result: Result<Method, ApiError>| match result {
            Ok(_) => {
                error.set(None);
                on_changed.emit(());
            }
            Err(failure) => error.set(Some(failure)),
        })
    };
    let id = props.method.id;
    let publish = {
        let (session, done) = (session.clone(), done.clone());
        Callback::from(move |_: MouseEvent| {
            api::spawn(
                services::methods::publish(id),
                session.token(),
                done.clone(),
            );
        })
    };
    let retire = {
        let (reason, done) = (reason.clone(), done.clone());
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            let body = RetireMethod {
                reason: (*reason).clone(),
            };
            api::spawn(
                services::methods::retire(id, &body),
                session.token(),
                done.clone(),
            );
        })
    };
    html! {
        <section class="owner-actions" aria-label={fl!(loader, "method-owner-actions")}>
            <FormError message={error.as_ref().map(|e| form_message(loader, e))} />
            if props.method.status == MethodStatus::Draft {
                <p>{ fl!(loader, "method-publish-hint") }</p>
                <button type="button" class="button" onclick={publish}>{ fl!(loader, "method-publish") }</button>
            }
            if props.method.status == MethodStatus::Published {
                <details>
                    <summary>{ fl!(loader, "method-retire") }</summary>
                    <form class="inline-form" onsubmit={retire}>
                        <TextAreaField id="retire-reason" label={fl!(loader, "method-retire-reason")} rows={2} value={(*reason).clone()}
                            on_change={Callback::from({ let reason = reason.clone(); move |v| reason.set(v) })}
                            error={error.as_ref().and_then(|e| e.field("reason"))} />
                        <button type="submit" class="button button--secondary">{ fl!(loader, "method-retire-submit") }</button>
                    </form>
                </details>
            }
        </section>
    }
}
