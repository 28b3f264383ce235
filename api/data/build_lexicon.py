#!/usr/bin/env python3
"""Writes sv-compounds.txt, the word list the API splits Swedish compounds with, from the
Swedish Hunspell dictionary (Debian's hunspell-sv, by Göran Andersson, LGPL-3; see
README.md beside this file).

    apt-get download hunspell-sv && dpkg-deb -x hunspell-sv_*.deb x
    python3 -m venv venv && venv/bin/pip install snowballstemmer==3.1.1
    venv/bin/python build_lexicon.py x/usr/share/hunspell/sv_SE > sv-compounds.txt

The dictionary marks which words may begin a compound (flag X), stand in its middle (U)
or end it (Y), and has suffix rules that make a word's compound form: kvinna → kvinno-,
trygghet → trygghets-, skola → skol-. Out come two kinds of line, sorted:

    h <form> <word>   the form may begin (or stand inside) a compound and stands for word
    t <word>          the word may end a compound (the API matches its inflected forms
                      by their Swedish stem); besides the dictionary's words, the forms
                      its suffix rules make of them that have a stem of their own
                      (samverka → samverkan), one form a stem
"""

import re
import sys

import snowballstemmer

BEGIN, MIDDLE, END = "X", "U", "Y"
FORBIDDEN, NEEDAFFIX, ONLY_IN_COMPOUND = "%", "¤", "Z"
# Suffix rules whose forms exist only as the first or a middle part of a compound.
COMPOUND_FORMS = set("zgyhxwvfuits")
WORD = re.compile(r"^[a-zåäöéü]{3,}$")


def suffix_rules(aff):
    """flag → [(strip, add, flags of the form made, condition)], of every suffix rule."""
    rules = {}
    for line in aff:
        parts = line.split()
        if len(parts) >= 5 and parts[0] == "SFX":
            _, flag, strip, add, condition = parts[:5]
            add, _, flags = add.partition("/")
            rules.setdefault(flag, []).append(
                ("" if strip == "0" else strip, "" if add == "0" else add, flags,
                 re.compile(condition + "$"))
            )
    return rules


def forms(word, flags, rules, compound):
    """The forms a word's suffix rules make: its compound forms, or its other forms."""
    for flag in flags:
        if (flag in COMPOUND_FORMS) != compound:
            continue
        for strip, add, made, condition in rules.get(flag, []):
            if condition.search(word) and word.endswith(strip):
                form = word[: len(word) - len(strip)] + add
                if WORD.match(form):
                    yield form, made


def word_of(form, rules, words):
    """The word a compound-only form (kvinno, arbets, skol) stands for: the rules backwards."""
    for flag, forms in rules.items():
        if flag not in COMPOUND_FORMS:
            continue
        for strip, add, _, condition in forms:
            if form.endswith(add):
                word = form[: len(form) - len(add)] + strip
                if word in words and condition.search(word):
                    return word
    return form


def main(stem):
    with open(stem + ".aff", encoding="utf-8") as aff:
        rules = suffix_rules(aff)
    with open(stem + ".dic", encoding="utf-8") as dic:
        next(dic)  # the word count
        entries = [line.strip().partition("/")[::2] for line in dic]
    words = {word for word, flags in entries if ONLY_IN_COMPOUND not in flags}
    stem = snowballstemmer.stemmer("swedish").stemWord
    heads, tails = set(), {}
    for word, flags in entries:
        if not WORD.match(word) or FORBIDDEN in flags:
            continue
        lemma = word_of(word, rules, words) if ONLY_IN_COMPOUND in flags else word
        if (BEGIN in flags or MIDDLE in flags) and NEEDAFFIX not in flags:
            heads.add((word, lemma))
        if END in flags and NEEDAFFIX not in flags:
            tails.setdefault(stem(word), word)
            for form, _ in forms(word, flags, rules, compound=False):
                tails.setdefault(stem(form), form)
        for form, made in forms(word, flags, rules, compound=True):
            if BEGIN in made or MIDDLE in made:
                heads.add((form, lemma))
    lines = [f"h {form} {word}" for form, word in heads]
    lines += [f"t {word}" for word in set(tails.values())]
    sys.stdout.write("".join(line + "\n" for line in sorted(lines)))


if __name__ == "__main__":
    main(sys.argv[1])
