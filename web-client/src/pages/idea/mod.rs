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

mod comment_form;
mod comments;
mod edit_form;
mod status_form;

use comment_form::*;
use comments::*;
use edit_form::*;
use status_form::*;

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
            if value.awaiting_review {
                <p class="notice" role="status">{ fl!(loader, "idea-awaiting-review") }</p>
            } else if value.hidden {
                <p class="notice" role="status">{ fl!(loader, "idea-hidden") }</p>
            }
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
