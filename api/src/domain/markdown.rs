//! Markdown that people write (a lab's description) to HTML that is safe to show: rendered
//! by pulldown-cmark, then cleaned by ammonia (no scripts, no event handlers, no
//! `javascript:` links, no images from other sites; links open without handing over the page).

use pulldown_cmark::{Event, Options, Parser, TagEnd, html};

/// The sanitised HTML of a Markdown text.
pub fn to_safe_html(markdown: &str) -> String {
    let parser = Parser::new_ext(
        markdown,
        Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH,
    );
    let mut unsafe_html = String::with_capacity(markdown.len() * 3 / 2);
    html::push_html(&mut unsafe_html, parser);
    ammonia::Builder::default()
        .link_rel(Some("noopener noreferrer nofollow"))
        // No images from elsewhere: they would tell other sites who reads the lab.
        .rm_tags(["img"])
        .clean(&unsafe_html)
        .to_string()
}

/// The words of a Markdown text without its markup (for a search hit's snippet): its text
/// and code, blocks and line breaks as spaces; raw HTML left out.
pub fn to_plain_text(markdown: &str) -> String {
    let mut plain = String::with_capacity(markdown.len());
    for event in Parser::new_ext(
        markdown,
        Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH,
    ) {
        match event {
            Event::Text(text) | Event::Code(text) => plain.push_str(&text),
            Event::SoftBreak
            | Event::HardBreak
            | Event::End(
                TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::Item | TagEnd::TableCell,
            ) => plain.push(' '),
            _ => {}
        }
    }
    plain.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_text_keeps_the_words_and_drops_the_markup() {
        assert_eq!(
            to_plain_text("## Bakgrund\n\nAv 22 *kvinnor* fick **arbete**.\n- ett\n- två <b>x</b>"),
            "Bakgrund Av 22 kvinnor fick arbete. ett två x"
        );
    }

    #[test]
    fn markdown_becomes_html() {
        assert_eq!(
            to_safe_html("## Bakgrund\n\nAv 22 kvinnor fick **15** arbete."),
            "<h2>Bakgrund</h2>\n<p>Av 22 kvinnor fick <strong>15</strong> arbete.</p>\n"
        );
    }

    #[test]
    fn scripts_handlers_and_javascript_links_are_removed() {
        let html = to_safe_html(
            "<script>alert(1)</script>\n\nText <img src=x onerror=alert(2)>\n\n\
             [klick](javascript:alert(3)) [ok](https://example.se)",
        );
        assert!(!html.contains("<script"), "{html}");
        assert!(
            !html.contains("onerror") && !html.contains("<img"),
            "{html}"
        );
        assert!(!html.contains("javascript:"), "{html}");
        assert!(
            html.contains(
                r#"<a href="https://example.se" rel="noopener noreferrer nofollow">ok</a>"#
            ),
            "{html}"
        );
    }
}
