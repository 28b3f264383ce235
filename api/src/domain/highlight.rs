//! A search hit's highlight: its title and a short snippet of its text cut into plain-text
//! pieces, the words the search matched marked (by the same Swedish analysis as the search:
//! forms, compounds, parts and synonyms). Pieces, not markup, so that no stored text can
//! inject any: a client shows each as text.

use shared::{Highlight, Segment};

use super::markdown;
use super::swedish::{self, Matcher};

/// How many words a snippet shows.
const SNIPPET_WORDS: usize = 30;
/// How many words before the first matched one the snippet starts.
const WORDS_BEFORE: usize = 8;
/// Where a text was cut.
const CUT: &str = "…";

/// The highlight of a hit with `title` and `texts` (Markdown or plain), the words `matcher`
/// (made once per search, `swedish::matcher`) matches marked.
pub fn highlight(matcher: &Matcher, title: &str, texts: &[&str]) -> Highlight {
    let text = texts
        .iter()
        .map(|text| markdown::to_plain_text(text))
        .filter(|text| !text.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    Highlight {
        title: mark(title, matcher),
        snippet: snippet(&text, matcher),
    }
}

/// The whole text, its matched words marked.
fn mark(text: &str, matcher: &Matcher) -> Vec<Segment> {
    let mut pieces = Pieces::default();
    let mut at = 0;
    for (start, word) in swedish::word_spans(text) {
        if matcher.matches(word) {
            pieces.push(&text[at..start], false);
            pieces.push(word, true);
            at = start + word.len();
        }
    }
    pieces.push(&text[at..], false);
    pieces.0
}

/// About [`SNIPPET_WORDS`] words of the text, from a little before its first matched word.
fn snippet(text: &str, matcher: &Matcher) -> Vec<Segment> {
    let words: Vec<(usize, &str)> = swedish::word_spans(text).collect();
    if words.is_empty() {
        return Vec::new();
    }
    let first_match = words
        .iter()
        .position(|(_, word)| matcher.matches(word))
        .unwrap_or(0);
    let from = first_match.saturating_sub(WORDS_BEFORE);
    let to = (from + SNIPPET_WORDS).min(words.len());
    // From the first word shown (or the text's start) to the next word not shown (or the end).
    let start = if from == 0 { 0 } else { words[from].0 };
    let end = words.get(to).map_or(text.len(), |&(at, _)| at);
    let mut shown = mark(text[start..end].trim_end(), matcher);
    if from > 0 {
        prepend(&mut shown, CUT);
    }
    if end < text.len() {
        append(&mut shown, CUT);
    }
    shown
}

fn prepend(pieces: &mut Vec<Segment>, text: &str) {
    match pieces.first_mut() {
        Some(first) if !first.marked => first.text.insert_str(0, text),
        _ => pieces.insert(0, plain(text)),
    }
}

fn append(pieces: &mut Vec<Segment>, text: &str) {
    match pieces.last_mut() {
        Some(last) if !last.marked => last.text.push_str(text),
        _ => pieces.push(plain(text)),
    }
}

fn plain(text: &str) -> Segment {
    Segment {
        text: text.to_owned(),
        marked: false,
    }
}

/// Pieces in order, neighbouring unmarked ones joined, empty ones left out.
#[derive(Default)]
struct Pieces(Vec<Segment>);

impl Pieces {
    fn push(&mut self, text: &str, marked: bool) {
        if text.is_empty() {
            return;
        }
        match self.0.last_mut() {
            Some(last) if !marked && !last.marked => last.text.push_str(text),
            _ => self.0.push(Segment {
                text: text.to_owned(),
                marked,
            }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn highlight(query: &str, title: &str, texts: &[&str]) -> Highlight {
        super::highlight(&swedish::matcher(query), title, texts)
    }

    /// The pieces as one text, the marked ones in brackets.
    fn shown(pieces: &[Segment]) -> String {
        pieces
            .iter()
            .map(|piece| match piece.marked {
                true => format!("[{}]", piece.text),
                false => piece.text.clone(),
            })
            .collect()
    }

    #[test]
    fn the_title_and_the_text_mark_every_form_of_the_searched_words() {
        let found = highlight(
            "trygghet",
            "Trygghetsvandringar i Navestad",
            &["Vi går **trygghetsvandringar** varje vecka för att öka tryggheten."],
        );
        assert_eq!(shown(&found.title), "[Trygghetsvandringar] i Navestad");
        assert_eq!(
            shown(&found.snippet),
            "Vi går [trygghetsvandringar] varje vecka för att öka [tryggheten]."
        );
    }

    #[test]
    fn a_long_text_is_cut_around_its_first_match() {
        let filler = "ord ".repeat(40);
        let text = format!("{filler}Här börjar läxhjälpen för unga. {filler}");
        let found = highlight("läxhjälp", "Titel", &[&text]);
        let snippet = shown(&found.snippet);
        assert!(snippet.starts_with("…ord ord"), "{snippet}");
        assert!(
            snippet.contains("Här börjar [läxhjälpen] för unga."),
            "{snippet}"
        );
        assert!(snippet.ends_with("ord…"), "{snippet}");
        assert_eq!(snippet.split_whitespace().count(), SNIPPET_WORDS);
    }

    #[test]
    fn without_a_match_in_the_text_the_snippet_is_its_start() {
        let found = highlight("kaffe", "Kaffe", &["Fika på torget.", "Varje fredag."]);
        assert_eq!(shown(&found.title), "[Kaffe]");
        assert_eq!(shown(&found.snippet), "Fika på torget. Varje fredag.");
        assert!(highlight("kaffe", "Kaffe", &[""]).snippet.is_empty());
    }

    #[test]
    fn markup_in_a_stored_text_stays_text() {
        let found = highlight(
            "trygghet",
            "<script>alert(1)</script> trygghet",
            &["<img src=x onerror=alert(2)> trygghet & <b>fet</b>"],
        );
        assert_eq!(shown(&found.title), "<script>alert(1)</script> [trygghet]");
        // Markdown's raw HTML is left out of the snippet; what is left is plain text.
        assert_eq!(shown(&found.snippet), "[trygghet] & fet");
    }
}
