//! Swedish text analysis beyond Postgres' `swedish` stemmer, done in the API so that it
//! works on any managed Postgres: compound words split into their parts (with the word
//! list in `api/data/sv-compounds.txt`, from the Swedish Hunspell dictionary) and the
//! domain's synonyms (`api/data/synonyms.txt`).
//!
//! On write, the parts of a text's compounds are stored beside it and indexed with it, so
//! that a part finds the compounds containing it (`trygghet` finds
//! `trygghetsvandringar`). On query, each word is widened to its synonyms and to its own
//! parts, so that a compound also finds texts about its parts.

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use rust_stemmers::{Algorithm, Stemmer};

/// The shortest word worth splitting: shorter ones are seldom compounds of two words of
/// three letters or more.
const SHORTEST_COMPOUND: usize = 6;
/// Longer "words" are codes or garbage, not compounds worth the work.
const LONGEST_WORD: usize = 40;
/// How many words of one search are widened (a search is at most 200 characters).
const MOST_EXPANDED_WORDS: usize = 12;

/// The definite endings of neuter nouns, singular: `området`, `huset`, `samhällets`.
const NEUTER_DEFINITE: [&str; 4] = ["ets", "et", "ts", "t"];

static ANALYSIS: LazyLock<Analysis> = LazyLock::new(|| {
    Analysis::new(
        include_str!("../../data/sv-compounds.txt"),
        include_str!("../../data/synonyms.txt"),
    )
});

/// Reads the word list now rather than on the first write or search that needs it.
pub fn load() {
    LazyLock::force(&ANALYSIS);
}

/// The parts of the compound words of `texts`, as one text of words (empty when none has
/// parts): what is indexed beside the texts themselves.
pub fn compound_parts(texts: &[&str]) -> String {
    ANALYSIS.parts_of(texts)
}

/// How a search's words are widened: each word with the alternatives that also count as
/// it (its synonyms, and its parts together when it is a compound).
pub fn expand_query(query: &str) -> Vec<Expansion> {
    ANALYSIS.expand(query)
}

/// What the words of a search match in a text: every word whose Swedish stem is that of a
/// searched word, of one of its synonyms or of one of its parts, and every compound with
/// such a part (`trygghet` matches `trygghetsvandringar`). Words after a `-` (not) match
/// nothing.
pub fn matcher(query: &str) -> Matcher {
    ANALYSIS.matcher(query)
}

/// The stems a search matches (see [`matcher`]).
#[derive(Debug, Clone, Default)]
pub struct Matcher {
    stems: HashSet<String>,
}

impl Matcher {
    /// Whether `word` (as written in a text) is one the search matches.
    pub fn matches(&self, word: &str) -> bool {
        if self.stems.is_empty() {
            return false;
        }
        let word = word.to_lowercase();
        self.stems.contains(ANALYSIS.stemmer.stem(&word).as_ref())
            || ANALYSIS
                .split(&word)
                .into_iter()
                .flatten()
                .any(|part| self.stems.contains(ANALYSIS.stemmer.stem(&part).as_ref()))
    }
}

/// The runs of letters in a text with where they stand (byte offsets), in order.
pub fn word_spans(text: &str) -> impl Iterator<Item = (usize, &str)> {
    // `split` answers slices of `text` itself, so a word's offset is how far in it starts.
    text.split(|c: char| !c.is_alphabetic())
        .filter(|word| !word.is_empty())
        .map(move |word| (word.as_ptr() as usize - text.as_ptr() as usize, word))
}

/// The words a search looks for, in lower case: not `or`, not one excluded by `-`.
fn searched_words(query: &str) -> impl Iterator<Item = String> + '_ {
    query
        .split_whitespace()
        .filter(|token| !token.starts_with('-'))
        .flat_map(words)
        .filter(|word| word != "or")
}

/// What a word stands for in matchmaking: its synonym group (`≈` and the group's first
/// word, so `läslust` and `läsfrämjande` are one), else the word itself. Works on a word or
/// on its Postgres stem alike (both stem to the same Snowball stem).
pub fn concept(word: &str) -> String {
    ANALYSIS.concept(word)
}

/// The shortest word a misspelt search corrects: shorter ones are too close to too many.
const SHORTEST_CORRECTED: usize = 4;

/// The words of a search that may be misspelt, once each, in lower case: those of four
/// letters or more that it looks for (not `or`, not one excluded by `-`).
pub fn correctable_words(query: &str) -> Vec<String> {
    let mut found: Vec<String> = Vec::new();
    let wanted = searched_words(query).filter(|word| word.chars().count() >= SHORTEST_CORRECTED);
    for word in wanted {
        if !found.contains(&word) {
            found.push(word);
        }
    }
    found
}

/// The search with each misspelt word replaced by its correction (`typed`, in lower case →
/// `corrected`), everything else as it was written.
pub fn respell(query: &str, corrections: &[(String, String)]) -> String {
    let mut respelt = String::with_capacity(query.len());
    let mut at = 0;
    for (start, word) in word_spans(query) {
        let lower = word.to_lowercase();
        if let Some((_, corrected)) = corrections.iter().find(|(typed, _)| *typed == lower) {
            respelt.push_str(&query[at..start]);
            respelt.push_str(corrected);
            at = start + word.len();
        }
    }
    respelt.push_str(&query[at..]);
    respelt
}

/// The last word of a search being typed (lower case letters) and what stands before it,
/// when the search ends in a word of at least `shortest` letters.
pub fn last_word(query: &str, shortest: usize) -> Option<(&str, String)> {
    let (start, word) = word_spans(query).last()?;
    let ends_the_query = start + word.len() == query.len();
    (ends_the_query && word.chars().count() >= shortest)
        .then(|| (&query[..start], word.to_lowercase()))
}

/// A word of a search and what else counts as it. Each alternative is a text whose words
/// must all be found (`läxhjälp grupp` for `läxhjälpsgrupp`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Expansion {
    pub word: String,
    pub alternatives: Vec<String>,
}

/// The word list and the synonyms, read once.
pub struct Analysis {
    stemmer: Stemmer,
    /// A form that may begin (or stand inside) a compound → the word it stands for.
    heads: HashMap<String, String>,
    /// The stem of a word that may end a compound → that word.
    tails: HashMap<String, String>,
    /// The stem of a single-word synonym → the groups it belongs to.
    synonyms: HashMap<String, Vec<usize>>,
    groups: Vec<Vec<String>>,
}

impl Analysis {
    /// Reads the word list (`h <form> <word>` and `t <word>` lines) and the synonym groups
    /// (comma-separated lines; `#` starts a comment line).
    pub fn new(lexicon: &str, synonyms: &str) -> Self {
        let stemmer = Stemmer::create(Algorithm::Swedish);
        let mut heads = HashMap::new();
        let mut tails = HashMap::new();
        for line in lexicon.lines() {
            let mut fields = line.split(' ');
            match (fields.next(), fields.next(), fields.next()) {
                (Some("h"), Some(form), Some(word)) => {
                    heads.insert(form.to_owned(), word.to_owned());
                }
                (Some("t"), Some(word), None) => {
                    tails
                        .entry(stemmer.stem(word).into_owned())
                        .or_insert_with(|| word.to_owned());
                }
                _ => {}
            }
        }
        let groups: Vec<Vec<String>> = synonyms
            .lines()
            .map(str::trim)
            .filter(|line| !line.is_empty() && !line.starts_with('#'))
            .map(|line| {
                line.split(',')
                    .map(|word| word.trim().to_lowercase())
                    .filter(|word| !word.is_empty())
                    .collect()
            })
            .collect();
        let mut index: HashMap<String, Vec<usize>> = HashMap::new();
        for (number, group) in groups.iter().enumerate() {
            for word in group.iter().filter(|word| !word.contains(' ')) {
                index
                    .entry(stemmer.stem(word).into_owned())
                    .or_default()
                    .push(number);
            }
        }
        Self {
            stemmer,
            heads,
            tails,
            synonyms: index,
            groups,
        }
    }

    /// The words of a compound (the words its parts stand for), or `None` when the word is
    /// not one: `trygghetsvandringar` → `trygghet`, `vandring`. Of the ways to split it,
    /// the one of fewest parts, the longest first part first.
    pub fn split(&self, word: &str) -> Option<Vec<String>> {
        let length = word.chars().count();
        if !(SHORTEST_COMPOUND..=LONGEST_WORD).contains(&length) {
            return None;
        }
        let word: Vec<char> = word.chars().collect();
        let mut memo = HashMap::new();
        self.split_from(&word, 0, &mut memo)
    }

    /// The fewest parts `word[start..]` splits into (heads, then a tail), if it does; from
    /// the start, two parts or more.
    fn split_from(
        &self,
        word: &[char],
        start: usize,
        memo: &mut HashMap<usize, Option<Vec<String>>>,
    ) -> Option<Vec<String>> {
        if let Some(known) = memo.get(&start) {
            return known.clone();
        }
        // The whole word is not a split of itself: at the start, at least one head.
        let mut best = match start {
            0 => None,
            _ => self
                .tail(&word[start..].iter().collect::<String>())
                .map(|tail| vec![tail]),
        };
        // Every part has three letters or more.
        for end in (start + 3..=word.len().saturating_sub(3)).rev() {
            let head: String = word[start..end].iter().collect();
            let Some(lemma) = self.heads.get(&head) else {
                continue;
            };
            if let Some(mut parts) = self.split_from(word, end, memo)
                && best
                    .as_ref()
                    .is_none_or(|best| parts.len() + 1 < best.len())
            {
                parts.insert(0, lemma.clone());
                best = Some(parts);
            }
        }
        memo.insert(start, best.clone());
        best
    }

    /// The word an ending part is a form of (`vandringar` → `vandring`, `området` →
    /// `område`). The Snowball stemmer keeps the neuter's definite ending (`-et`, `-t`), so
    /// the part is also tried without it.
    fn tail(&self, part: &str) -> Option<String> {
        std::iter::once(part)
            .chain(
                NEUTER_DEFINITE
                    .iter()
                    .filter_map(|ending| part.strip_suffix(ending)),
            )
            .filter(|form| form.chars().count() >= 3)
            .find_map(|form| self.tails.get(self.stemmer.stem(form).as_ref()))
            .cloned()
    }

    fn parts_of(&self, texts: &[&str]) -> String {
        let mut seen = HashSet::new();
        let mut parts = Vec::new();
        for word in texts.iter().flat_map(|text| words(text)) {
            if !seen.insert(word.clone()) {
                continue;
            }
            for part in self.split(&word).into_iter().flatten() {
                if seen.insert(part.clone()) {
                    parts.push(part);
                }
            }
        }
        parts.join(" ")
    }

    /// The synonyms of a word (the other members of its groups).
    fn synonyms_of(&self, word: &str) -> Vec<String> {
        let stem = self.stemmer.stem(word);
        let mut found: Vec<String> = Vec::new();
        for &number in self.synonyms.get(stem.as_ref()).into_iter().flatten() {
            for synonym in &self.groups[number] {
                if self.stemmer.stem(synonym) != stem && !found.contains(synonym) {
                    found.push(synonym.clone());
                }
            }
        }
        found
    }

    fn concept(&self, word: &str) -> String {
        let stem = self.stemmer.stem(word);
        match self
            .synonyms
            .get(stem.as_ref())
            .and_then(|groups| groups.first())
        {
            Some(&group) => format!("≈{}", self.groups[group][0]),
            None => word.to_owned(),
        }
    }

    fn matcher(&self, query: &str) -> Matcher {
        let mut stems = HashSet::new();
        for word in searched_words(query) {
            let alternatives = self
                .synonyms_of(&word)
                .into_iter()
                .flat_map(|synonym| words(&synonym).collect::<Vec<_>>());
            let parts = self.split(&word).unwrap_or_default();
            for form in std::iter::once(word.clone())
                .chain(alternatives)
                .chain(parts)
            {
                stems.insert(self.stemmer.stem(&form).into_owned());
            }
        }
        Matcher { stems }
    }

    fn expand(&self, query: &str) -> Vec<Expansion> {
        let mut expansions: Vec<Expansion> = Vec::new();
        for word in words(query) {
            if word == "or" || expansions.iter().any(|known| known.word == word) {
                continue;
            }
            let mut alternatives = self.synonyms_of(&word);
            if let Some(parts) = self.split(&word) {
                alternatives.push(parts.join(" "));
            }
            if !alternatives.is_empty() {
                expansions.push(Expansion { word, alternatives });
            }
            if expansions.len() == MOST_EXPANDED_WORDS {
                break;
            }
        }
        expansions
    }
}

/// The words of a text, in lower case: runs of letters.
fn words(text: &str) -> impl Iterator<Item = String> + '_ {
    word_spans(text).map(|(_, word)| word.to_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(word: &str) -> Vec<String> {
        ANALYSIS.split(word).unwrap_or_default()
    }

    #[test]
    fn compounds_split_into_the_words_of_their_parts_across_linking_letters() {
        assert_eq!(split("trygghetsvandringar"), ["trygghet", "vandring"]);
        assert_eq!(split("kvinnojouren"), ["kvinna", "jour"]);
        assert_eq!(split("läxhjälpsgruppen"), ["läxhjälp", "grupp"]);
        assert_eq!(split("skolgården"), ["skola", "gård"]);
        assert_eq!(split("bostadsområdet"), ["bostad", "område"]);
        assert_eq!(split("grannsamverkan"), ["grann", "samverkan"]);
        assert_eq!(split("brottsförebyggande"), ["brott", "förebygga"]);
        // The last part is matched by its stem: arbetslös(het) — what `arbetslösa` stems to.
        assert_eq!(split("långtidsarbetslösheten"), ["långtid", "arbetslös"]);
    }

    #[test]
    fn the_word_list_has_its_heads_and_tails() {
        let analysis = Analysis::new(
            include_str!("../../data/sv-compounds.txt"),
            include_str!("../../data/synonyms.txt"),
        );
        assert!(analysis.heads.len() > 20_000 && analysis.tails.len() > 100_000);
    }

    #[test]
    fn plain_words_and_short_ones_are_not_split() {
        assert!(ANALYSIS.split("kvinna").is_none());
        assert!(ANALYSIS.split("bo").is_none());
        assert!(ANALYSIS.split("xyzxyzxyz").is_none());
    }

    #[test]
    fn the_parts_of_a_text_are_its_compounds_parts_once_each() {
        let parts = compound_parts(&[
            "Trygghetsvandringar i trapphusen",
            "Fler trygghetsvandringar och en kvinnojour.",
        ]);
        let parts: Vec<&str> = parts.split(' ').collect();
        assert!(parts.contains(&"trygghet") && parts.contains(&"vandring"));
        assert!(parts.contains(&"kvinna") && parts.contains(&"jour"));
        assert_eq!(parts.iter().filter(|part| **part == "trygghet").count(), 1);
        assert_eq!(compound_parts(&["Kaffe och bullar"]), "");
    }

    #[test]
    fn a_search_word_is_widened_to_its_synonyms_and_its_parts() {
        let expansions = expand_query("Läxhjälpsgruppen jobb");
        assert_eq!(expansions[0].word, "läxhjälpsgruppen");
        assert_eq!(expansions[0].alternatives, ["läxhjälp grupp"]);
        assert_eq!(expansions[1].word, "jobb");
        assert!(expansions[1].alternatives.contains(&"arbete".to_owned()));
        assert!(
            expansions[1]
                .alternatives
                .contains(&"sysselsättning".to_owned())
        );
        assert!(!expansions[1].alternatives.contains(&"jobb".to_owned()));
    }

    #[test]
    fn synonyms_are_found_by_any_form_of_a_word() {
        let expansions = expand_query("trygga brottsligheten");
        let alternatives = |word: &str| {
            expansions
                .iter()
                .find(|expansion| expansion.word == word)
                .map(|expansion| expansion.alternatives.clone())
                .unwrap_or_default()
        };
        assert!(alternatives("brottsligheten").contains(&"kriminalitet".to_owned()));
        assert!(alternatives("trygga").contains(&"säkerhet".to_owned()));
    }

    #[test]
    fn a_search_matches_forms_compounds_parts_and_synonyms_but_not_what_it_excludes() {
        let matcher = matcher("arbetslösa trygghet läxhjälpsgrupp -kaffe");
        for word in [
            "Arbetslösheten",
            "långtidsarbetslösheten",
            "trygga",
            "trygghetsvandringar",
            "säkerhet",
            "läxhjälp",
            "grupper",
        ] {
            assert!(matcher.matches(word), "{word}");
        }
        // A compound's parts are matched, not their synonyms (as in the search itself).
        for word in ["kaffe", "vandring", "skola", "i", "läxläsning"] {
            assert!(!matcher.matches(word), "{word}");
        }
        assert!(!Matcher::default().matches("trygghet"));
    }

    #[test]
    fn a_misspelt_search_is_respelt_word_by_word_keeping_the_rest() {
        assert_eq!(
            correctable_words("Läxhjalp och arbetslöshten -kaffe or läxhjalp i"),
            ["läxhjalp", "arbetslöshten"]
        );
        let corrections = [
            ("läxhjalp".to_owned(), "läxhjälp".to_owned()),
            ("arbetslöshten".to_owned(), "arbetslösheten".to_owned()),
        ];
        assert_eq!(
            respell("\"Läxhjalp\" i Navestad, arbetslöshten", &corrections),
            "\"läxhjälp\" i Navestad, arbetslösheten"
        );
        assert_eq!(respell("kaffe", &corrections), "kaffe");
    }

    #[test]
    fn the_last_word_is_completed_only_while_it_is_being_typed() {
        assert_eq!(
            last_word("trygghet i Läx", 2),
            Some(("trygghet i ", "läx".to_owned()))
        );
        assert_eq!(last_word("läx ", 2), None);
        assert_eq!(last_word("l", 2), None);
        assert_eq!(last_word("", 2), None);
    }

    #[test]
    fn synonyms_are_one_concept_in_any_form_and_other_words_their_own() {
        // Postgres' stems (läsfrämj, brotts, ungdom, arbet) as well as the words.
        assert_eq!(concept("läslust"), concept("läsfrämj"));
        assert_eq!(concept("läsfrämjande"), "≈läslust");
        assert_eq!(concept("kriminalitet"), concept("brotts"));
        assert_eq!(concept("ungdom"), concept("unga"));
        assert_eq!(concept("sysselsättning"), concept("arbet"));
        assert_eq!(concept("kvinn"), concept("kvinnor"));
        assert_eq!(concept("kaffe"), "kaffe");
        assert_ne!(concept("brott"), concept("trygg"));
    }

    #[test]
    fn word_spans_say_where_each_word_stands() {
        let text = "Läxhjälp, för «unga»!";
        let spans: Vec<(usize, &str)> = word_spans(text).collect();
        assert_eq!(spans, [(0, "Läxhjälp"), (12, "för"), (19, "unga")]);
        assert!(spans.iter().all(|(at, word)| text[*at..].starts_with(word)));
    }

    #[test]
    fn words_without_synonyms_or_parts_and_the_or_operator_are_left_alone() {
        assert!(expand_query("kaffe or te").is_empty());
        assert!(expand_query("").is_empty());
    }
}
