//! An organisation's API keys: created (the secret shown once) and revoked.

use super::*;

#[component]
pub(super) fn ApiKeys(props: &SectionProps) -> Html {
    let i18n = use_i18n();
    let loader = i18n.loader();
    let session = use_session();
    let keys = use_get(services::organizations::api_keys(&props.id));
    let name = use_state(String::new);
    let scopes = use_state(|| vec![Scope::Read]);
    let created = use_state(|| None::<CreatedApiKey>);
    let copied = use_state(|| false);
    let error = use_state(|| None::<ApiError>);

    let onsubmit = {
        let (name, scopes, created, copied, error, reload, id) = (
            name.clone(),
            scopes.clone(),
            created.clone(),
            copied.clone(),
            error.clone(),
            keys.reload.clone(),
            props.id.clone(),
        );
        let session = session.clone();
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            let request = CreateApiKey {
                name: (*name).clone(),
                scopes: (*scopes).clone(),
            };
            let (session, name, created, copied, error, reload, creating) = (
                session.clone(),
                name.clone(),
                created.clone(),
                copied.clone(),
                error.clone(),
                reload.clone(),
                services::organizations::create_api_key(&id, &request),
            );
            wasm_bindgen_futures::spawn_local(async move {
                match api::send(&creating, session.token().as_deref(), None).await {
                    Ok(key) => {
                        name.set(String::new());
                        error.set(None);
                        copied.set(false);
                        created.set(Some(key));
                        reload.emit(());
                    }
                    Err(failure) => error.set(Some(failure)),
                }
            });
        })
    };
    let toggle = |scope: Scope| {
        let scopes = scopes.clone();
        Callback::from(move |event: Event| {
            let checked = event.target_unchecked_into::<HtmlInputElement>().checked();
            let mut next: Vec<Scope> = (*scopes).iter().copied().filter(|s| *s != scope).collect();
            if checked {
                next.push(scope);
            }
            scopes.set(next);
        })
    };
    let copy = {
        let (created, copied) = (created.clone(), copied.clone());
        Callback::from(move |_: MouseEvent| {
            if let (Some(key), Some(window)) = ((*created).as_ref(), web_sys::window()) {
                let _ = window
                    .navigator()
                    .clipboard()
                    .write_text(key.secret.expose());
                copied.set(true);
            }
        })
    };
    let revoke = |key_id: String| {
        delete_then_reload(
            &session,
            services::organizations::revoke_api_key(&props.id, key_id),
            &error,
            &keys.reload,
        )
    };
    let list = match &keys.state {
        Fetch::Loading => html! {},
        Fetch::Failed(_) => html! { <ErrorMessage on_retry={keys.reload.clone()} /> },
        Fetch::Loaded(page) if page.items.is_empty() => {
            html! { <p>{ fl!(loader, "organization-api-keys-none") }</p> }
        }
        Fetch::Loaded(page) => html! {
            <ul class="plain-list">
                { for page.items.iter().map(|key| {
                    let scopes = key.scopes.iter().map(|s| s.as_str()).collect::<Vec<_>>().join(", ");
                    let used = match key.last_used_at {
                        Some(when) => fl!(loader, "organization-api-key-last-used", when = when.format("%Y-%m-%d %H:%M").to_string()),
                        None => fl!(loader, "organization-api-key-never-used"),
                    };
                    html! {
                        <li key={key.id.to_string()} class="api-key">
                            <strong>{ &key.name }</strong>{ format!(" – {}… – {scopes} – {used}", key.prefix) }
                            if key.revoked_at.is_some() {
                                { format!(" – {}", fl!(loader, "organization-api-key-revoked")) }
                            } else {
                                { " " }
                                <button type="button" class="button button--small" onclick={revoke(key.id.to_string())}
                                    aria-label={format!("{} {}", fl!(loader, "organization-api-key-revoke"), key.name)}>
                                    { fl!(loader, "organization-api-key-revoke") }
                                </button>
                            }
                        </li>
                    }
                }) }
            </ul>
        },
    };
    html! {
        <section aria-labelledby="api-keys-heading">
            <h2 id="api-keys-heading">{ fl!(loader, "organization-api-keys") }</h2>
            if let Some(key) = &*created {
                <div class="secret" role="status">
                    <p>{ fl!(loader, "organization-api-key-secret") }</p>
                    <p><code id="api-key-secret">{ key.secret.expose().to_owned() }</code></p>
                    <button type="button" class="button" onclick={copy}>{ fl!(loader, "organization-api-key-copy") }</button>
                    if *copied {
                        <span>{ format!(" {}", fl!(loader, "organization-api-key-copied")) }</span>
                    }
                </div>
            }
            { list }
            <form {onsubmit} class="inline-form">
                <FormError message={error.as_ref().map(|e| form_message(loader, e))} />
                <TextField id="api-key-name" label={fl!(loader, "organization-api-key-name")} value={(*name).clone()}
                    on_change={Callback::from({ let name = name.clone(); move |v| name.set(v) })}
                    error={error.as_ref().and_then(|e| e.field("name"))} />
                <fieldset>
                    <legend>{ fl!(loader, "organization-api-key-scopes") }</legend>
                    { for Scope::ALL.into_iter().map(|scope| html! {
                        <label class="checkbox">
                            <input type="checkbox" checked={scopes.contains(&scope)} onchange={toggle(scope)} />
                            { format!(" {}", scope.as_str()) }
                        </label>
                    }) }
                </fieldset>
                <button type="submit" class="button">{ fl!(loader, "organization-api-key-create") }</button>
            </form>
        </section>
    }
}
