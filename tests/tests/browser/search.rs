//! Searching: the header's field completes the word being typed, a chosen completion shows
//! the hits grouped by kind with their words marked, and a misspelt search says which
//! spelling it used.

use fantoccini::Locator;
use fantoccini::key::Key;
use innolabb_tests::TestApp;
use innolabb_tests::browser::Browser;

#[tokio::test]
async fn typing_completes_a_word_choosing_it_shows_marked_hits_and_a_typo_is_corrected()
-> anyhow::Result<()> {
    let app = TestApp::spawn().await?;
    app.homework_help().await?;
    app.wait_for_search_words("läxo", "läxorna").await?;
    Browser::run(async |browser| {
        // The field as the start page first shows it: empty, its completions closed.
        browser.client.goto(&app.url("/")).await?;
        let field = browser.element(Locator::Css("#site-search")).await?;
        assert_eq!(field.prop("value").await?.as_deref(), Some(""));
        assert_eq!(field.attr("aria-expanded").await?.as_deref(), Some("false"));
        assert_eq!(field.attr("role").await?.as_deref(), Some("combobox"));
        assert!(browser.texts_of("#search-suggestions li").await?.is_empty());

        // Typing completes the word, most common first, and says how many there are.
        browser.fill("#site-search", "läx").await?;
        browser
            .wait_for_text("#search-suggestions li", "läxhjälp")
            .await?;
        let completions = browser.texts_of("#search-suggestions li").await?;
        assert_eq!(completions.first().map(String::as_str), Some("läxhjälp"));
        for word in ["läxhjälpsgruppen", "läxorna"] {
            assert!(completions.iter().any(|c| c == word), "{completions:?}");
        }
        assert_eq!(field.attr("aria-expanded").await?.as_deref(), Some("true"));
        browser
            .wait_for_spoken_text(
                ".site-search [role=status]",
                &format!(
                    "{} förslag. Välj med pil upp och pil ner.",
                    completions.len()
                ),
            )
            .await?;
        // The arrow keys move through them; the screen reader is told which is chosen.
        field.send_keys(&Key::Down.to_string()).await?;
        field.send_keys(&Key::Down.to_string()).await?;
        let active = field.attr("aria-activedescendant").await?;
        assert_eq!(active.as_deref(), Some("search-suggestions-1"));
        let chosen = browser.text_of("#search-suggestions-1").await?;
        assert_eq!(
            browser
                .element(Locator::Css("#search-suggestions-1"))
                .await?
                .attr("aria-selected")
                .await?
                .as_deref(),
            Some("true")
        );
        field.send_keys(&Key::Up.to_string()).await?;
        assert_eq!(
            field.attr("aria-activedescendant").await?.as_deref(),
            Some("search-suggestions-0")
        );
        assert_ne!(chosen, "läxhjälp");
        assert!(
            browser.accessibility_violations().await?.is_empty(),
            "{:?}",
            browser.accessibility_violations().await?
        );

        // Enter chooses the first: the hits of each kind, their words marked.
        field.send_keys(&Key::Enter.to_string()).await?;
        browser.wait_for_text("main h1", "Sök").await?;
        browser.wait_for_text(".search-query", "läxhjälp").await?;
        assert!(
            browser
                .client
                .current_url()
                .await?
                .as_str()
                .ends_with("/search?q=l%C3%A4xhj%C3%A4lp")
        );
        assert_eq!(
            browser.texts_of(".search-group h2").await?,
            ["Behov", "Idéer", "Erbjudanden"]
        );
        assert_eq!(
            browser.texts_of("#search-suggestions li").await?,
            Vec::<String>::new()
        );
        // Each kind with a list of its own links to it, for every match of the search.
        assert_eq!(
            browser.texts_of(".search-group__all a").await?,
            ["Alla behov om ”läxhjälp”", "Alla erbjudanden om ”läxhjälp”"]
        );
        let marked = browser.texts_of(".search-hit mark").await?;
        for word in ["Läxhjälpsgruppen", "Läxläsning", "Läxhjälp"] {
            assert!(marked.iter().any(|m| m == word), "{word}: {marked:?}");
        }
        // Stored markup is shown as text, never made into elements.
        assert!(
            browser
                .texts_of(".search-hit__title")
                .await?
                .contains(&"Läxhjälpsgruppen <b>behöver</b> lokaler".to_owned())
        );
        assert!(
            browser
                .client
                .find_all(Locator::Css(".search-hit b"))
                .await?
                .is_empty()
        );
        assert!(
            browser.accessibility_violations().await?.is_empty(),
            "{:?}",
            browser.accessibility_violations().await?
        );

        // A misspelt search shows the results of the spelling it used, and says so.
        browser.fill("#site-search", "arbetslöshten").await?;
        browser.submit(".site-search").await?;
        browser
            .wait_for_text(".search-corrected", "Visar resultat för arbetslösheten")
            .await?;
        assert_eq!(
            browser.texts_of(".search-group h2").await?,
            ["Labb", "Behov"]
        );
        // The list opens searching for the spelling that found something, and ranks all.
        browser.click(Locator::Css(".search-group__all a")).await?;
        browser.wait_for_text("h1", "Innovationslabb").await?;
        browser.element(Locator::Css(".card-list li")).await?;
        let list_field = browser.element(Locator::Css("main #q")).await?;
        assert_eq!(
            list_field.prop("value").await?.as_deref(),
            Some("arbetslösheten")
        );

        // A search in the address, loaded afresh: the field shows it, the page its hits.
        browser.client.goto(&app.url("/search?q=trygghet")).await?;
        browser
            .wait_for_text(".search-hit__title", "Trygghetsvandringar i trapphusen")
            .await?;
        let field = browser.element(Locator::Css("#site-search")).await?;
        assert_eq!(field.prop("value").await?.as_deref(), Some("trygghet"));
        assert_eq!(field.attr("aria-expanded").await?.as_deref(), Some("false"));
        assert!(browser.texts_of(".search-corrected").await?.is_empty());
        assert_eq!(
            browser.texts_of(".search-hit__title mark").await?,
            ["Trygghetsvandringar"]
        );

        // Nothing found says so; an empty address asks for a search.
        browser
            .client
            .goto(&app.url("/search?q=qwertyuiop"))
            .await?;
        browser
            .wait_for_text(
                "main .status",
                "Inga träffar. Pröva ett annat ord eller en kortare sökning.",
            )
            .await?;
        browser.client.goto(&app.url("/search")).await?;
        browser.wait_for_text("main h1", "Sök").await?;
        assert!(
            browser
                .text_of("main .lead")
                .await?
                .starts_with("Skriv vad du söker")
        );
        Ok(())
    })
    .await
}
