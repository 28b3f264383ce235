//! "Gör en metod av labbet": for the hosts of a lab that has verified what it tried, a draft
//! method filled from the lab, opened for them to complete and publish.

use super::*;

#[derive(Properties, PartialEq)]
pub(super) struct MakeMethodProps {
    pub(super) lab: Lab,
}

#[component]
pub(super) fn MakeMethod(props: &MakeMethodProps) -> Html {
    let i18n = use_i18n();
    let loader = i18n.loader();
    let session = use_session();
    let navigator = use_navigator();
    let error = use_state(|| None::<ApiError>);
    let busy = use_state(|| false);
    let ready = matches!(
        props.lab.phase,
        LabPhase::Verifying | LabPhase::Spreading | LabPhase::Closed
    );
    if !props.lab.can_edit || !ready {
        return html! {};
    }
    let onclick = {
        let (error, busy, id) = (error.clone(), busy.clone(), props.lab.id);
        Callback::from(move |_: MouseEvent| {
            if *busy {
                return;
            }
            busy.set(true);
            let (error, busy, navigator) = (error.clone(), busy.clone(), navigator.clone());
            api::spawn(
                services::methods::from_lab(id),
                session.token(),
                Callback::from(move |result: Result<shared::Method, ApiError>| {
                    busy.set(false);
                    match result {
                        Ok(method) => {
                            if let Some(navigator) = &navigator {
                                navigator.push(&Route::EditMethod {
                                    id: method.id.to_string(),
                                });
                            }
                        }
                        Err(failure) => error.set(Some(failure)),
                    }
                }),
            );
        })
    };
    html! {
        <section aria-labelledby="make-method-heading" class="make-method">
            <h2 id="make-method-heading">{ fl!(loader, "lab-make-method-heading") }</h2>
            <p>{ fl!(loader, "lab-make-method-text") }</p>
            <FormError message={error.as_ref().map(|e| form_message(loader, e))} />
            <button type="button" class="button" {onclick} disabled={*busy}>{ fl!(loader, "lab-make-method") }</button>
        </section>
    }
}
