//! A lab's needs; hosts add them.

use super::*;
use crate::components::TagList;

#[derive(Clone, PartialEq, Default)]
pub(super) struct NeedDraft {
    title: String,
    description: String,
    tags: String,
}

pub(super) fn need_body(draft: &NeedDraft) -> CreateNeed {
    CreateNeed {
        title: draft.title.clone(),
        description: draft.description.clone(),
        challenge_area: None,
        municipality_code: None,
        tags: split_tags(&draft.tags),
    }
}

#[component]
pub(super) fn Needs(props: &EditableProps) -> Html {
    let i18n = use_i18n();
    let loader = i18n.loader();
    let needs = use_get(services::labs::needs(&props.id));
    let reload = needs.reload.clone();
    let id = props.id.clone();
    let form = use_create_form(
        Callback::from(move |draft: NeedDraft| {
            services::labs::create_need(&id, &need_body(&draft))
        }),
        Callback::from(move |_: Need| reload.emit(())),
    );
    let field = |update: fn(&mut NeedDraft, String)| setter(&form.draft, update);
    let error = form.error.as_ref();
    html! {
        <section aria-labelledby="needs-heading">
            <h2 id="needs-heading">{ fl!(loader, "lab-needs") }</h2>
            { fetched(loader, &needs, |page| html! {
                <>
                    if page.items.is_empty() {
                        <p class="status">{ fl!(loader, "lab-needs-empty") }</p>
                    }
                    <ul class="card-list">
                        { for page.items.iter().map(|need| html! {
                            <li class="card" key={need.id.to_string()}>
                                <h3 class="card__title">
                                    <Link<Route> to={Route::Need { id: need.id.to_string() }}>{ &need.title }</Link<Route>>
                                </h3>
                                <p class="badge">{ need_status_name(loader, need.status) }</p>
                                if !need.description.is_empty() { <p>{ &need.description }</p> }
                                <TagList tags={need.tags.clone()} />
                            </li>
                        }) }
                    </ul>
                </>
            }) }
            if props.can_edit {
                <details class="add-form">
                    <summary>{ fl!(loader, "need-new") }</summary>
                    <form onsubmit={form.onsubmit.clone()}>
                        <FormError message={error.map(|e| form_message(loader, e))} />
                        <TextField id="need-title" label={fl!(loader, "form-title")} value={form.draft.title.clone()}
                            on_change={field(|d, v| d.title = v)} error={error.and_then(|e| e.field("title"))} required=true />
                        <TextAreaField id="need-description" label={fl!(loader, "form-description")} value={form.draft.description.clone()}
                            on_change={field(|d, v| d.description = v)} error={error.and_then(|e| e.field("description"))} />
                        <TextField id="need-tags" label={fl!(loader, "need-tags")} value={form.draft.tags.clone()}
                            hint={fl!(loader, "need-tags-hint")}
                            on_change={field(|d, v| d.tags = v)} error={error.and_then(|e| e.field("tags"))} />
                        <button type="submit" class="button" disabled={form.busy}>{ fl!(loader, "need-create") }</button>
                    </form>
                </details>
            }
        </section>
    }
}
