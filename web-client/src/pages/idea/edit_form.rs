//! The author changes the idea while it is submitted (If-Match).

use super::*;

#[derive(Clone, PartialEq)]
pub(super) struct IdeaDraft {
    pub(super) title: String,
    pub(super) body: String,
}

#[derive(Properties, PartialEq)]
pub(super) struct EditIdeaFormProps {
    pub(super) idea: Idea,
    pub(super) on_saved: Callback<()>,
}

/// The author changes the idea while it is still submitted (with `If-Match`).
#[component]
pub(super) fn EditIdeaForm(props: &EditIdeaFormProps) -> Html {
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
