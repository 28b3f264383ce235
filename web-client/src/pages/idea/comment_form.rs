//! Writing a comment or a reply.

use super::*;

#[derive(Properties, PartialEq)]
pub(super) struct CommentFormProps {
    pub(super) idea: String,
    pub(super) parent: Option<uuid::Uuid>,
    pub(super) on_posted: Callback<()>,
}

/// A new comment, or (with `parent`) a reply folded away until opened.
#[component]
pub(super) fn CommentForm(props: &CommentFormProps) -> Html {
    let i18n = use_i18n();
    let loader = i18n.loader();
    let session = use_session();
    let body = use_state(String::new);
    let error = use_state(|| None::<ApiError>);
    let watch = crate::forms::use_form_watch();
    let onsubmit = {
        let watch = watch.clone();
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
                form: Some(watch.signals()),
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
            { watch.field(loader, &format!("{id}-homepage")) }
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
