use i18n_embed_fl::fl;
use shared::{AddMember, CreateApiKey, CreatedApiKey, Role, Scope, UpdateMember};
use web_sys::HtmlInputElement;
use yew::prelude::*;
use yew_router::prelude::*;

use crate::api::{self, ApiError, Fetch, use_get};
use crate::app::Route;
use crate::components::form::{FormError, SelectField, TextField};
use crate::components::{ErrorMessage, Loading, fetched};
use crate::forms::delete_then_reload;
use crate::i18n::{form_message, kind_name, role_name, use_i18n, use_title};
use crate::services;
use crate::session::use_session;

#[derive(Properties, PartialEq)]
pub struct OrganizationPageProps {
    pub id: String,
}

/// An organisation: its details; for its members, the members; for its owners and admins,
/// member management and API keys.
#[component]
pub fn OrganizationPage(props: &OrganizationPageProps) -> Html {
    let i18n = use_i18n();
    let loader = i18n.loader();
    let organization = use_get(services::organizations::get(&props.id));
    let title = match &organization.state {
        Fetch::Loaded(organization) => organization.name.clone(),
        _ => fl!(loader, "organization-loading"),
    };
    use_title(title);
    match &organization.state {
        Fetch::Loading => html! { <Loading text={fl!(loader, "organization-loading")} /> },
        Fetch::Failed(_) => html! { <ErrorMessage on_retry={organization.reload.clone()} /> },
        Fetch::Loaded(organization) => html! {
            <>
                <h1>{ &organization.name }</h1>
                <p class="meta">
                    { format!("{} · {} · {}", kind_name(loader, organization.kind), organization.municipality_name, organization.org_number) }
                </p>
                <p class={classes!("badge", organization.verified.then_some("badge--verified"))}>
                    { if organization.verified { fl!(loader, "organization-verified") } else { fl!(loader, "organization-not-verified") } }
                </p>
                if !organization.description.is_empty() {
                    <p>{ &organization.description }</p>
                }
                if let Some(website) = &organization.website {
                    <p><a href={website.clone()} rel="noopener noreferrer">{ website }</a></p>
                }
                <OrganizationWork id={props.id.clone()} />
                <Members id={props.id.clone()} />
            </>
        },
    }
}

/// What the organisation does on the platform: the labs it hosts and its active offerings
/// (the first 20 of each, as anyone may see them).
#[component]
fn OrganizationWork(props: &SectionProps) -> Html {
    let i18n = use_i18n();
    let loader = i18n.loader();
    let labs = use_get(services::labs::hosted_by(&props.id));
    let offerings = use_get(services::offerings::active_of(&props.id));
    html! {
        <>
            <section aria-labelledby="organization-labs-heading">
                <h2 id="organization-labs-heading">{ fl!(loader, "organization-labs") }</h2>
                { fetched(loader, &labs, |page| html! {
                    if page.items.is_empty() {
                        <p class="status">{ fl!(loader, "organization-labs-none") }</p>
                    } else {
                        <ul class="plain-list">
                            { for page.items.iter().map(|lab| html! {
                                <li key={lab.id.to_string()}>
                                    <Link<Route> to={Route::Lab { id: lab.id.to_string() }}>{ &lab.title }</Link<Route>>
                                    { format!(" – {}", lab.municipality_name) }
                                </li>
                            }) }
                        </ul>
                    }
                }) }
            </section>
            <section aria-labelledby="organization-offerings-heading">
                <h2 id="organization-offerings-heading">{ fl!(loader, "organization-offerings") }</h2>
                { fetched(loader, &offerings, |page| html! {
                    if page.items.is_empty() {
                        <p class="status">{ fl!(loader, "organization-offerings-none") }</p>
                    } else {
                        <ul class="plain-list">
                            { for page.items.iter().map(|offering| html! {
                                <li key={offering.id.to_string()}>
                                    <Link<Route> to={Route::Offering { id: offering.id.to_string() }}>{ &offering.title }</Link<Route>>
                                </li>
                            }) }
                        </ul>
                    }
                }) }
            </section>
        </>
    }
}

#[derive(Properties, PartialEq)]
struct SectionProps {
    id: String,
}

#[component]
fn Members(props: &SectionProps) -> Html {
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
            }
        </>
    }
}

#[derive(Properties, PartialEq)]
struct AddMemberProps {
    id: String,
    on_added: Callback<()>,
    owner: bool,
}

#[component]
fn AddMemberForm(props: &AddMemberProps) -> Html {
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

#[component]
fn ApiKeys(props: &SectionProps) -> Html {
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
                let _ = window.navigator().clipboard().write_text(&key.secret);
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
                    <p><code id="api-key-secret">{ &key.secret }</code></p>
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
