//! An idea's comments with their replies; removal of one's own (hosts remove any).

use super::*;
use crate::components::ReportButton;

#[derive(Properties, PartialEq)]
pub(super) struct CommentsProps {
    pub(super) id: String,
    pub(super) on_changed: Callback<()>,
}

#[component]
pub(super) fn Comments(props: &CommentsProps) -> Html {
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
    let me = session.me().map(|me| me.id);
    let render = |comment: &Comment| {
        let own = comment.author.as_ref().map(|author| author.id) == me && me.is_some();
        html! {
            <>
                <p class="comment__author">{ comment.author.as_ref().map(|a| a.display_name.clone()).unwrap_or_default() }</p>
                if comment.removed {
                    <p class="comment__removed">{ fl!(loader, "comment-removed") }</p>
                } else if let Some(body) = &comment.body {
                    <p>{ body.clone() }</p>
                    if comment.awaiting_review {
                        <p class="comment__removed">{ fl!(loader, "comment-awaiting-review-own") }</p>
                    } else if comment.hidden {
                        <p class="comment__removed">{ fl!(loader, "comment-hidden-for-others") }</p>
                    }
                } else if comment.awaiting_review {
                    <p class="comment__removed">{ fl!(loader, "comment-awaiting-review") }</p>
                } else {
                    <p class="comment__removed">{ fl!(loader, "comment-hidden") }</p>
                }
                if comment.can_remove {
                    <button type="button" class="link-button" onclick={remove(comment.id)}>{ fl!(loader, "comment-remove") }</button>
                }
                if me.is_some() && !own && !comment.removed && !comment.hidden {
                    <ReportButton target_type={shared::ReportTarget::Comment} target_id={comment.id} />
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
