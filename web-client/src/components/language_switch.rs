use i18n_embed_fl::fl;
use yew::prelude::*;

use crate::i18n::{Language, use_i18n};

/// Two buttons, "Svenska" and "English", each in its own language; the current one is pressed.
#[component]
pub fn LanguageSwitch() -> Html {
    let i18n = use_i18n();
    let current = i18n.language();
    html! {
        <div class="language-switch" role="group" aria-label={fl!(i18n.loader(), "language-label")}>
            { for Language::ALL.into_iter().map(|language| {
                let i18n = i18n.clone();
                let onclick = Callback::from(move |_| i18n.set_language(language));
                html! {
                    <button type="button" lang={language.code()}
                        aria-pressed={(language == current).to_string()}
                        {onclick}>
                        { language.own_name() }
                    </button>
                }
            }) }
        </div>
    }
}
