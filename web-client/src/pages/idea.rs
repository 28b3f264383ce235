//! An idea's page: the idea, its votes, its comments with replies, for its author the edit
//! while it is submitted, and for the lab's hosts the status change with a reason.

use i18n_embed_fl::fl;
use shared::{ChangeIdeaStatus, Comment, CreateComment, Idea, IdeaStatus, UpdateIdea};
use yew::prelude::*;
use yew_router::prelude::*;

use crate::api::{self, ApiError, Fetch, use_get};
use crate::app::Route;
use crate::components::fetched;
use crate::components::form::{FormError, SelectField, TextAreaField, TextField};
use crate::components::status;
use crate::forms::{setter, use_versioned_save};
use crate::i18n::{form_message, idea_status_name, use_i18n, use_title};
use crate::services;
use crate::session::use_session;

#[derive(Properties, PartialEq)]
pub struct IdeaPageProps {
    pub id: String,
}

#[component]
pub fn IdeaPage(props: &IdeaPageProps) -> Html {
    let i18n = use_i18n();
    let loader = i18n.loader();
    let session = use_session();
    let idea = use_get(services::ideas::get(&props.id));
    let vote_error = use_state(|| None::<ApiError>);
    use_title(match &idea.state {
        Fetch::Loaded(idea) => idea.title.clone(),
        _ => fl!(loader, "idea-loading"),
    });
    let value = match status::object(
        &idea,
        fl!(loader, "idea-loading"),
        Some(fl!(loader, "idea-not-found")),
    ) {
        Ok(value) => value,
        Err(instead) => return instead,
    };
    let toggle_vote = {
        let (reload, vote_error, session, voted, id) = (
            idea.reload.clone(),
            vote_error.clone(),
            session.clone(),
            value.voted_by_me,
            value.id,
        );
        Callback::from(move |_: MouseEvent| {
            let (reload, vote_error) = (reload.clone(), vote_error.clone());
            api::spawn(
                services::ideas::vote(id, !voted),
                session.token(),
                Callback::from(move |result: Result<Idea, ApiError>| {
                    vote_error.set(result.err());
                    reload.emit(());
                }),
            );
        })
    };
    html! {
        <article aria-labelledby="idea-title">
            <p class="breadcrumb">
                <Link<Route> to={Route::Lab { id: value.lab.id.to_string() }}>{ &value.lab.title }</Link<Route>>
            </p>
            <h1 id="idea-title">{ &value.title }</h1>
            <p class="meta">
                { value.author.as_ref().map(|a| a.display_name.clone()).unwrap_or_default() }
                if let Some(organization) = &value.organization { { format!(" ({})", organization.name) } }
                { format!(" · {}", value.created_at.format("%Y-%m-%d")) }
            </p>
            <p class="badge" id="idea-status">{ idea_status_name(loader, value.status) }</p>
            if let Some(reason) = &value.status_reason {
                <p class="meta">{ fl!(loader, "idea-reason-shown", reason = reason.clone()) }</p>
            }
            if !value.body.is_empty() { <p class="prose">{ &value.body }</p> }
            <div class="votes">
                <p id="vote-count" role="status">{ fl!(loader, "idea-votes", count = value.vote_count) }</p>
                if session.me().is_some() {
                    <button type="button" class="button button--secondary" aria-pressed={value.voted_by_me.to_string()} onclick={toggle_vote}>
                        { if value.voted_by_me { fl!(loader, "idea-unvote") } else { fl!(loader, "idea-vote") } }
                    </button>
                }
                <FormError message={vote_error.as_ref().map(|e| form_message(loader, e))} />
            </div>
            if value.can_edit {
                <EditIdeaForm idea={value.clone()} on_saved={idea.reload.clone()} />
            }
            if value.can_change_status {
                <StatusForm idea={value.clone()} on_changed={idea.reload.clone()} />
            }
            <Comments id={props.id.clone()} on_changed={idea.reload.clone()} />
        </article>
    }
}

#[derive(Clone, PartialEq)]
struct IdeaDraft {
    title: String,
    body: String,
}

#[derive(Properties, PartialEq)]
struct EditIdeaFormProps {
    idea: Idea,
    on_saved: Callback<()>,
}

/// The author changes the idea while it is still submitted (with `If-Match`).
#[component]
fn EditIdeaForm(props: &EditIdeaFormProps) -> Html {
    let i18n = use_i18n();
    let loader = i18n.loader();
    let draft = use_state(|| IdeaDraft {
        title: props.idea.title.clone(),
        body: props.idea.body.clone(),
    });
    let id = props.idea.id;
    let make_request = Callback::from(move |draft: IdeaDraft| {
        let body = UpdateIdea {
            title: Some(draft.title),
            body: Some(draft.body),
        };
        services::ideas::update(id, &body)
    });
    let on_saved = props.on_saved.reform(|_: Idea| ());
    let save = use_versioned_save::<IdeaDraft, Idea>(
        draft.clone(),
        props.idea.version,
        make_request,
        on_saved,
        Some(services::ideas::get(id)),
    );
    let field = |update: fn(&mut IdeaDraft, String)| setter(&draft, update);
    let field_error = |name: &str| save.error.as_ref().and_then(|e| e.field(name));
    html! {
        <details class="add-form">
            <summary>{ fl!(loader, "idea-edit") }</summary>
            <form onsubmit={save.onsubmit.clone()}>
                { save.feedback(loader) }
                <TextField id="idea-edit-title" label={fl!(loader, "form-title")} value={draft.title.clone()}
                    on_change={field(|d, v| d.title = v)} error={field_error("title")} required=true />
                <TextAreaField id="idea-edit-body" label={fl!(loader, "idea-body")} value={draft.body.clone()}
                    on_change={field(|d, v| d.body = v)} error={field_error("body")} />
                <button type="submit" class="button" disabled={save.busy}>{ fl!(loader, "idea-save") }</button>
            </form>
        </details>
    }
}

#[derive(Properties, PartialEq)]
struct StatusFormProps {
    idea: Idea,
    on_changed: Callback<()>,
}

/// For the lab's hosts: move the idea on, or reject or archive it with a reason.
#[component]
fn StatusForm(props: &StatusFormProps) -> Html {
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

#[derive(Properties, PartialEq)]
struct CommentsProps {
    id: String,
    on_changed: Callback<()>,
}

#[component]
fn Comments(props: &CommentsProps) -> Html {
    let i18n = use_i18n();
    let loader = i18n.loader();
    let session = use_session();
    let comments = use_get(services::ideas::comments(&props.id));
    let problem = use_state(|| None::<ApiError>);
    let reload = {
        let (reload, on_changed) = (comments.reload.clone(), props.on_changed.clone());
        Callback::from(move |()| {
            reload.emit(());
            on_changed.emit(());
        })
    };
    let remove = |id: uuid::Uuid| {
        let (reload, problem, session) = (reload.clone(), problem.clone(), session.clone());
        Callback::from(move |_: MouseEvent| {
            let (reload, problem) = (reload.clone(), problem.clone());
            api::spawn(
                services::ideas::remove_comment(id),
                session.token(),
                Callback::from(move |result: Result<(), ApiError>| {
                    problem.set(result.err());
                    reload.emit(());
                }),
            );
        })
    };
    let render = |comment: &Comment| {
        html! {
            <>
                <p class="comment__author">{ comment.author.as_ref().map(|a| a.display_name.clone()).unwrap_or_default() }</p>
                if comment.removed {
                    <p class="comment__removed">{ fl!(loader, "comment-removed") }</p>
                } else {
                    <p>{ comment.body.clone().unwrap_or_default() }</p>
                }
                if comment.can_remove {
                    <button type="button" class="link-button" onclick={remove(comment.id)}>{ fl!(loader, "comment-remove") }</button>
                }
            </>
        }
    };
    html! {
        <section aria-labelledby="comments-heading">
            <h2 id="comments-heading">{ fl!(loader, "idea-comments-heading") }</h2>
            <FormError message={problem.as_ref().map(|e| form_message(loader, e))} />
            { fetched(loader, &comments, |page| html! {
                <>
                    if page.items.is_empty() {
                        <p class="status">{ fl!(loader, "comments-empty") }</p>
                    }
                    <ul class="comments">
                        { for page.items.iter().map(|comment| html! {
                            <li class="comment" key={comment.id.to_string()}>
                                { render(comment) }
                                if !comment.replies.is_empty() {
                                    <ul class="comments comments--replies">
                                        { for comment.replies.iter().map(|reply| html! {
                                            <li class="comment" key={reply.id.to_string()}>{ render(reply) }</li>
                                        }) }
                                    </ul>
                                }
                                if session.me().is_some() && !comment.removed {
                                    <CommentForm idea={props.id.clone()} parent={Some(comment.id)} on_posted={reload.clone()} />
                                }
                            </li>
                        }) }
                    </ul>
                </>
            }) }
            if session.me().is_some() {
                <CommentForm idea={props.id.clone()} parent={None::<uuid::Uuid>} on_posted={reload.clone()} />
            }
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct CommentFormProps {
    idea: String,
    parent: Option<uuid::Uuid>,
    on_posted: Callback<()>,
}

/// A new comment, or (with `parent`) a reply folded away until opened.
#[component]
fn CommentForm(props: &CommentFormProps) -> Html {
    let i18n = use_i18n();
    let loader = i18n.loader();
    let session = use_session();
    let body = use_state(String::new);
    let error = use_state(|| None::<ApiError>);
    let onsubmit = {
        let (body, error, on_posted, session, idea, parent) = (
            body.clone(),
            error.clone(),
            props.on_posted.clone(),
            session.clone(),
            props.idea.clone(),
            props.parent,
        );
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            let request = CreateComment {
                body: (*body).clone(),
                parent_id: parent,
            };
            let (body, error, on_posted) = (body.clone(), error.clone(), on_posted.clone());
            api::spawn(
                services::ideas::comment(&idea, &request),
                session.token(),
                Callback::from(move |result: Result<Comment, ApiError>| match result {
                    Ok(_) => {
                        body.set(String::new());
                        error.set(None);
                        on_posted.emit(());
                    }
                    Err(failure) => error.set(Some(failure)),
                }),
            );
        })
    };
    let id = match props.parent {
        Some(parent) => format!("reply-{parent}"),
        None => "comment-new".to_owned(),
    };
    let (label, submit) = if props.parent.is_some() {
        (
            fl!(loader, "comment-reply"),
            fl!(loader, "comment-reply-submit"),
        )
    } else {
        (fl!(loader, "comment-new"), fl!(loader, "comment-submit"))
    };
    let form = html! {
        <form class="comment-form" {onsubmit}>
            <TextAreaField id={id.clone()} label={label.clone()} rows={2} value={(*body).clone()}
                on_change={Callback::from({ let body = body.clone(); move |v| body.set(v) })}
                error={error.as_ref().and_then(|e| e.field("body"))} />
            <button type="submit" class="button button--secondary">{ submit }</button>
        </form>
    };
    if props.parent.is_some() {
        html! { <details class="reply"><summary>{ label }</summary>{ form }</details> }
    } else {
        form
    }
}
