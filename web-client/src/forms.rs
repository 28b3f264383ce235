//! What the forms share: a setter per field of a draft, adding something, list filters
//! kept in the address, and saving a versioned resource so that nobody's change is lost —
//! `If-Match` on a change, and after a 412 a way to load the latest version while keeping
//! what was typed.

use gloo_net::http::Method;
use i18n_embed::fluent::FluentLanguageLoader;
use i18n_embed_fl::fl;
use serde::Serialize;
use serde::de::DeserializeOwned;
use yew::prelude::*;
use yew_router::prelude::*;

use crate::api::{self, ApiError};
use crate::app::Route;
use crate::components::form::FormError;
use crate::i18n::form_message;
use crate::services::{Read, Write};
use crate::session::use_session;

/// A callback that sets one field of a draft held in `state`.
pub fn setter<D: Clone + 'static, V: 'static>(
    state: &UseStateHandle<D>,
    update: fn(&mut D, V),
) -> Callback<V> {
    let state = state.clone();
    Callback::from(move |value: V| {
        let mut next = (*state).clone();
        update(&mut next, value);
        state.set(next);
    })
}

/// A form that adds something: its draft, the API's refusal of the last attempt (shown
/// next to the fields, the draft kept), and the submit handler. It sends `create(draft)`;
/// on success the draft starts over and `on_created` hears of it.
pub struct CreateForm<D> {
    pub draft: UseStateHandle<D>,
    pub error: Option<ApiError>,
    pub onsubmit: Callback<SubmitEvent>,
    /// A request is under way: a second press of the button adds nothing twice.
    pub busy: bool,
}

#[hook]
pub fn use_create_form<D, T>(
    create: Callback<D, Write<T>>,
    on_created: Callback<T>,
) -> CreateForm<D>
where
    D: Default + Clone + 'static,
    T: DeserializeOwned + 'static,
{
    let session = use_session();
    let draft = use_state(D::default);
    let error = use_state(|| None::<ApiError>);
    let busy = use_state(|| false);
    let onsubmit = {
        let (draft, error, busy) = (draft.clone(), error.clone(), busy.clone());
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            if *busy {
                return;
            }
            busy.set(true);
            let (draft, error, busy, on_created) = (
                draft.clone(),
                error.clone(),
                busy.clone(),
                on_created.clone(),
            );
            api::spawn(
                create.emit((*draft).clone()),
                session.token(),
                Callback::from(move |result: Result<T, ApiError>| {
                    busy.set(false);
                    match result {
                        Ok(created) => {
                            draft.set(D::default());
                            error.set(None);
                            on_created.emit(created);
                        }
                        Err(failure) => error.set(Some(failure)),
                    }
                }),
            );
        })
    };
    CreateForm {
        draft,
        error: (*error).clone(),
        onsubmit,
        busy: *busy,
    }
}

/// The tags typed into one field, separated by commas.
pub fn split_tags(text: &str) -> Vec<String> {
    text.split(',')
        .map(str::trim)
        .filter(|tag| !tag.is_empty())
        .map(str::to_owned)
        .collect()
}

/// The filters of a list page: the form's draft, and the filters applied — those in the
/// address's query, so that a filtered list can be linked to, reloaded and gone back to.
pub struct ListFilters<F> {
    pub draft: UseStateHandle<F>,
    pub applied: F,
    /// Applies the draft: puts it in the address.
    pub onsubmit: Callback<SubmitEvent>,
    /// Applies these filters at once (a tab or a choice that needs no "search" button).
    pub apply: Callback<F>,
}

#[hook]
pub fn use_list_filters<F>() -> ListFilters<F>
where
    F: Clone + PartialEq + Default + Serialize + DeserializeOwned + 'static,
{
    let applied = use_location()
        .and_then(|location| location.query::<F>().ok())
        .unwrap_or_default();
    let draft = use_state(|| applied.clone());
    {
        // Going back or following a link changes the address: the form follows it.
        let draft = draft.clone();
        use_effect_with(applied.clone(), move |applied| draft.set(applied.clone()));
    }
    let (navigator, route) = (use_navigator(), use_route::<Route>());
    let apply = Callback::from(move |filters: F| {
        if let (Some(navigator), Some(route)) = (&navigator, &route) {
            // Only fails if the filters cannot be written as a query, which they can.
            let _ = navigator.push_with_query(route, &filters);
        }
    });
    let onsubmit = {
        let (draft, apply) = (draft.clone(), apply.clone());
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            apply.emit((*draft).clone());
        })
    };
    ListFilters {
        draft,
        applied,
        onsubmit,
        apply,
    }
}

/// A resource with a version (its `ETag`).
pub trait Versioned {
    fn version(&self) -> i32;
}

impl Versioned for shared::Lab {
    fn version(&self) -> i32 {
        self.version
    }
}

impl Versioned for shared::Idea {
    fn version(&self) -> i32 {
        self.version
    }
}

impl Versioned for shared::Need {
    fn version(&self) -> i32 {
        self.version
    }
}

impl Versioned for shared::Method {
    fn version(&self) -> i32 {
        self.version
    }
}

impl Versioned for shared::NotificationSettings {
    fn version(&self) -> i32 {
        self.version
    }
}

impl Versioned for shared::Offering {
    fn version(&self) -> i32 {
        self.version
    }
}

/// After a save: on to the saved resource's page.
pub fn go_to<T: 'static>(navigator: Option<Navigator>, route: fn(&T) -> Route) -> Callback<T> {
    Callback::from(move |saved: T| {
        if let Some(navigator) = &navigator {
            navigator.push(&route(&saved));
        }
    })
}

/// What [`use_versioned_save`] gives a form.
pub struct Save {
    pub onsubmit: Callback<SubmitEvent>,
    /// After a 412: reads the latest version, keeping the draft.
    pub load_latest: Callback<MouseEvent>,
    pub error: Option<ApiError>,
    pub busy: bool,
    /// The latest version was loaded after a 412.
    pub reloaded: bool,
}

impl Save {
    /// What a saving form says above its fields: the API's refusal, and after a 412 the way
    /// to load the latest version and, once loaded, that it was (what was typed stays).
    pub fn feedback(&self, loader: &FluentLanguageLoader) -> Html {
        let stale = self.error.as_ref().is_some_and(ApiError::is_stale);
        html! {
            <>
                <FormError message={self.error.as_ref().map(|e| form_message(loader, e))} />
                if stale {
                    <button type="button" class="button button--secondary" onclick={self.load_latest.clone()}>{ fl!(loader, "form-load-latest") }</button>
                }
                if self.reloaded {
                    <p class="status" role="status">{ fl!(loader, "form-latest-loaded") }</p>
                }
            </>
        }
    }
}

/// What a form that adds or changes a versioned resource `T` is given; `D` is its draft, the
/// fields as typed.
#[derive(Properties, PartialEq)]
pub struct ResourceFormProps<D: PartialEq + 'static, T: PartialEq + 'static> {
    pub initial: D,
    /// The version the form was filled from (sent as `If-Match` when changing).
    pub version: i32,
    /// The organisations it may be made for (empty when changing one).
    pub organizations: Vec<shared::MyOrganization>,
    /// Makes the request from what was typed: method, path and body.
    pub on_save: Callback<D, Write<T>>,
    pub on_saved: Callback<T>,
    /// Where to read the latest version after a 412 (none for a form that creates).
    pub latest: Option<Read<T>>,
    pub submit: String,
}

/// The draft of a [`ResourceFormProps`] form, filled from its `initial`, and its saving.
#[hook]
pub fn use_resource_form<D, T>(props: &ResourceFormProps<D, T>) -> (UseStateHandle<D>, Save)
where
    D: Clone + PartialEq + 'static,
    T: DeserializeOwned + Versioned + PartialEq + 'static,
{
    let draft = use_state(|| props.initial.clone());
    let save = use_versioned_save::<D, T>(
        draft.clone(),
        props.version,
        props.on_save.clone(),
        props.on_saved.clone(),
        props.latest.clone(),
    );
    (draft, save)
}

/// Saves `draft` with the change `make_request` builds from it (a `PATCH` is sent with
/// `If-Match` naming the version the form was filled from), and hands the saved resource
/// to `on_saved`. `latest` is where the latest version is read after a 412 (none for a
/// form that creates).
#[hook]
pub fn use_versioned_save<D, T>(
    draft: UseStateHandle<D>,
    version: i32,
    make_request: Callback<D, Write<T>>,
    on_saved: Callback<T>,
    latest: Option<Read<T>>,
) -> Save
where
    D: Clone + 'static,
    T: DeserializeOwned + Versioned + 'static,
{
    let session = use_session();
    let version = use_state(|| version);
    let error = use_state(|| None::<ApiError>);
    let busy = use_state(|| false);
    let reloaded = use_state(|| false);
    let onsubmit = {
        let (version, error, busy, session) = (
            version.clone(),
            error.clone(),
            busy.clone(),
            session.clone(),
        );
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            let write = make_request.emit((*draft).clone());
            let (error, busy, on_saved, token, current, version) = (
                error.clone(),
                busy.clone(),
                on_saved.clone(),
                session.token(),
                *version,
                version.clone(),
            );
            busy.set(true);
            wasm_bindgen_futures::spawn_local(async move {
                let sent = (write.method == Method::PATCH).then_some(current);
                let result = api::send(&write, token.as_deref(), sent).await;
                busy.set(false);
                match result {
                    Ok(saved) => {
                        // A form that stays on the page saves its next change on this one.
                        version.set(saved.version());
                        error.set(None);
                        on_saved.emit(saved);
                    }
                    Err(failure) => error.set(Some(failure)),
                }
            });
        })
    };
    let load_latest = {
        let (version, error, reloaded) = (version.clone(), error.clone(), reloaded.clone());
        Callback::from(move |_: MouseEvent| {
            let Some(read) = latest.clone() else {
                return;
            };
            let (version, error, reloaded, token) = (
                version.clone(),
                error.clone(),
                reloaded.clone(),
                session.token(),
            );
            wasm_bindgen_futures::spawn_local(async move {
                match api::fetch(&read, token.as_deref()).await {
                    Ok(latest) => {
                        // Keep what was typed; saving now knowingly replaces the other change.
                        version.set(latest.version());
                        error.set(None);
                        reloaded.set(true);
                    }
                    Err(failure) => error.set(Some(failure)),
                }
            });
        })
    };
    Save {
        onsubmit,
        load_latest,
        error: (*error).clone(),
        busy: *busy,
        reloaded: *reloaded,
    }
}

/// A button's click handler that sends `removal`, shows what went wrong in `problem` (a
/// refused removal is said, never swallowed) and reloads the list.
pub fn delete_then_reload(
    session: &crate::session::Session,
    removal: Write<()>,
    problem: &UseStateHandle<Option<ApiError>>,
    reload: &Callback<()>,
) -> Callback<MouseEvent> {
    act_then_reload(session, removal, None, problem, reload, Callback::noop())
}

/// A button's click handler that sends `action` (with `If-Match` naming `version`, for a
/// change of a versioned resource), hands its answer to `done`, shows what went wrong in
/// `problem` (or clears it) and reloads the list either way.
pub fn act_then_reload<T: DeserializeOwned + 'static>(
    session: &crate::session::Session,
    action: Write<T>,
    version: Option<i32>,
    problem: &UseStateHandle<Option<ApiError>>,
    reload: &Callback<()>,
    done: Callback<T>,
) -> Callback<MouseEvent> {
    let (session, problem, reload) = (session.clone(), problem.clone(), reload.clone());
    Callback::from(move |_: MouseEvent| {
        let (session, problem, reload, action, done) = (
            session.clone(),
            problem.clone(),
            reload.clone(),
            action.clone(),
            done.clone(),
        );
        wasm_bindgen_futures::spawn_local(async move {
            match api::send(&action, session.token().as_deref(), version).await {
                Ok(answer) => {
                    problem.set(None);
                    done.emit(answer);
                }
                Err(failure) => problem.set(Some(failure)),
            }
            reload.emit(());
        });
    })
}

/// Spam defence in a form that people fill in: when it was shown, and a field hidden from
/// sight and from the keyboard that a person leaves empty and a form-filling program fills.
/// The API refuses what looks automated (`FormSignals`).
#[derive(Clone, PartialEq)]
pub struct FormWatch {
    shown_at: f64,
    honeypot: UseStateHandle<String>,
}

#[hook]
pub fn use_form_watch() -> FormWatch {
    let shown_at = *use_state(js_sys::Date::now);
    FormWatch {
        shown_at,
        honeypot: use_state(String::new),
    }
}

impl FormWatch {
    /// What the form saw, to send with it.
    pub fn signals(&self) -> shared::FormSignals {
        let elapsed = (js_sys::Date::now() - self.shown_at).clamp(0.0, f64::from(u32::MAX));
        shared::FormSignals {
            honeypot: (*self.honeypot).clone(),
            // Whole milliseconds, within u32 (clamped above).
            filled_in_ms: elapsed as u32,
        }
    }

    /// The hidden field; `id` is unique on the page.
    pub fn field(&self, loader: &FluentLanguageLoader, id: &str) -> Html {
        let honeypot = self.honeypot.clone();
        let oninput = Callback::from(move |event: InputEvent| {
            let input: web_sys::HtmlInputElement = event.target_unchecked_into();
            honeypot.set(input.value());
        });
        html! {
            <div class="honeypot">
                <label for={id.to_owned()}>{ fl!(loader, "form-honeypot") }</label>
                <input id={id.to_owned()} type="text" name="homepage" tabindex="-1" autocomplete="off"
                    value={(*self.honeypot).clone()} {oninput} />
            </div>
        }
    }
}
