//! A lab's ideas by votes, and the form to post one.

use super::*;

#[derive(Clone, PartialEq, Default)]
pub(super) struct IdeaDraft {
    title: String,
    body: String,
    /// The organisation the idea is posted on behalf of; empty for the person alone.
    organization: String,
}

pub(super) fn idea_body(draft: &IdeaDraft, form: shared::FormSignals) -> CreateIdea {
    CreateIdea {
        title: draft.title.clone(),
        body: draft.body.clone(),
        organization_id: draft.organization.parse().ok(),
        form: Some(form),
    }
}

#[component]
pub(super) fn Ideas(props: &SectionProps) -> Html {
    let i18n = use_i18n();
    let loader = i18n.loader();
    let session = use_session();
    let ideas = use_paged_get(services::labs::ideas_by_votes(&props.id));
    let reload = ideas.first.reload.clone();
    let id = props.id.clone();
    let watch = crate::forms::use_form_watch();
    let signals = watch.clone();
    let form = use_create_form(
        Callback::from(move |draft: IdeaDraft| {
            services::labs::create_idea(&id, &idea_body(&draft, signals.signals()))
        }),
        Callback::from(move |_: Idea| reload.emit(())),
    );
    let field = |update: fn(&mut IdeaDraft, String)| setter(&form.draft, update);
    let error = form.error.as_ref();
    html! {
        <section aria-labelledby="ideas-heading">
            <h2 id="ideas-heading">{ fl!(loader, "lab-ideas") }</h2>
            { fetched(loader, &ideas.first, |page| html! {
                <>
                    if page.items.is_empty() {
                        <p class="status">{ fl!(loader, "lab-ideas-empty") }</p>
                    }
                    <ul class="card-list">
                        { for page.items.iter().chain(ideas.more.iter()).map(|idea| html! {
                            <li class="card" key={idea.id.to_string()}>
                                <h3 class="card__title">
                                    <Link<Route> to={Route::Idea { id: idea.id.to_string() }}>{ &idea.title }</Link<Route>>
                                </h3>
                                <p class="meta">
                                    { idea_status_name(loader, idea.status) }
                                    { " · " }{ fl!(loader, "idea-votes", count = idea.vote_count) }
                                    { " · " }{ fl!(loader, "idea-comments", count = idea.comment_count) }
                                </p>
                            </li>
                        }) }
                    </ul>
                    { ideas.more_controls(loader, fl!(loader, "lab-ideas-more")) }
                </>
            }) }
            if session.me().is_some() {
                <form class="add-form" aria-labelledby="idea-new-heading" onsubmit={form.onsubmit.clone()}>
                    { watch.field(loader, "idea-homepage") }
                    <h3 id="idea-new-heading">{ fl!(loader, "idea-new") }</h3>
                    <FormError message={error.map(|e| form_message(loader, e))} />
                    <TextField id="idea-title" label={fl!(loader, "form-title")} value={form.draft.title.clone()}
                        on_change={field(|d, v| d.title = v)} error={error.and_then(|e| e.field("title"))} required=true />
                    <TextAreaField id="idea-body" label={fl!(loader, "idea-body")} value={form.draft.body.clone()}
                        on_change={field(|d, v| d.body = v)} error={error.and_then(|e| e.field("body"))} />
                    <OnBehalfField value={form.draft.organization.clone()} on_change={field(|d, v| d.organization = v)}
                        error={error.and_then(|e| e.field("organization_id"))} />
                    <button type="submit" class="button" disabled={form.busy}>{ fl!(loader, "idea-submit") }</button>
                </form>
            } else {
                <p><Link<Route> to={Route::SignIn}>{ fl!(loader, "idea-sign-in") }</Link<Route>></p>
            }
        </section>
    }
}
