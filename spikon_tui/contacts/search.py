"""Finding phone-book entries by what the user types: words in any order, or a number.

An entry is searched by one string, `contact_search_text(name, number)`: its name folded
(lowercase, no accents, punctuation turned into spaces) and its number's digits, as
written and as the 9 national digits of a Polish number. A query
(`ContactQuery.parse`) is a list of terms; an entry matches when every term is a
substring of its text:

- each word of the query is a term: `chmielewski łódź` finds "Bartosz Chmielewski
  (Łódź)", in any order, accents and case ignored;
- a run of digits, spaces, dashes, `+` and parentheses is one number term, matched
  as one digit string, with the country prefix dropped: `528 160`, `528-160`,
  `+48 528 160` and `0048528160` all find `528160736`. A number term has alternative
  forms (as typed, without the country code, without a trunk 0); any of them may match.

`query.rank(text)` orders the matches: 0 when the name starts with the query's words,
1 when it starts with the first word and the others start words of it, 2 when every
term starts a word (of the name or of the number), 3 otherwise. The terms and the rank
tiers are plain substrings, so a table can filter 50,000 entries with a few
`substring in text` passes instead of a function call per entry.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from spikon_tui.contacts.number_key import NATIONAL_DIGITS, POLISH_CODE, match_key
from spikon_tui.text_fold import fold_many, fold_text

NAME_START = "\x02 "
"""Opens every search text, so "the name starts with" is a substring test."""
NUMBER_SEPARATOR = " \x1f "
"""Between the name and the number's digits, so no term matches across the two."""

Term = tuple[str, ...]
"""Alternative substrings: a text has the term when it contains any of them."""

_WORD = re.compile(r"[^\W_]+")
_NUMBER_CHARACTERS = frozenset("0123456789+-()./")
_NOT_DIGITS = re.compile(r"[^0-9]+")


def contact_search_text(name: str, number: str) -> str:
    """The text an entry is searched by (see the module docstring)."""
    return _search_text(fold_text(name), number)


def contact_search_texts(names: Sequence[str], numbers: Sequence[str]) -> list[str]:
    """`contact_search_text` of many entries at once (the names folded in one pass)."""
    return [
        _search_text(folded, number)
        for folded, number in zip(fold_many(names), numbers, strict=True)
    ]


def _search_text(folded_name: str, number: str) -> str:
    words = " ".join(_WORD.findall(folded_name))
    digits = _NOT_DIGITS.sub("", number)
    key = match_key(number)
    if key is not None and key != digits and not key.startswith("+"):
        digits = f"{digits} {key}"  # the national form too: "48528160736 528160736"
    return f"{NAME_START}{words}{NUMBER_SEPARATOR}{digits}"


def number_forms(typed: str) -> Term:
    """The digit strings a typed number run stands for: as typed, and without the country
    code 48 (after `+`, `00`, or a bare 48 before 9 more digits) or a trunk 0."""
    digits = _NOT_DIGITS.sub("", typed)
    forms = [digits]
    national = digits
    international = typed.lstrip("(").startswith("+") or digits.startswith("00")
    if international:
        national = digits[2:] if digits.startswith("00") else digits
        forms.append(national)
        if national.startswith(POLISH_CODE):
            national = national[len(POLISH_CODE) :]
            forms.append(national)
    elif digits.startswith(POLISH_CODE) and len(digits) >= len(POLISH_CODE) + NATIONAL_DIGITS:
        national = digits[len(POLISH_CODE) :]
        forms.append(national)
    if national.startswith("0") and not national.startswith("00"):
        forms.append(national[1:])  # the old trunk prefix: "022 123 45 67"
    return tuple(dict.fromkeys(form for form in forms if form))


@dataclass(frozen=True, slots=True)
class ContactQuery:
    """A parsed search (see the module docstring); no terms: every entry matches.

    Attributes:
        words: The query's words, folded, in the order typed.
        numbers: The alternative digit strings of each number run, in the order typed.
        terms: What a matching text contains: every term (any of its alternatives).
        tiers: Stricter term lists, best first; a match's rank is the first it meets.
        highlights: Folded substrings to mark in the name where they occur.
        digit_highlights: Digit strings to mark where they occur, separators between the
            digits skipped (each number's forms).
    """

    words: tuple[str, ...]
    numbers: tuple[Term, ...]
    terms: tuple[Term, ...]
    tiers: tuple[tuple[Term, ...], ...]
    highlights: tuple[str, ...]
    digit_highlights: tuple[str, ...] = ()

    @classmethod
    def parse(cls, text: str) -> ContactQuery:
        """The query `text` stands for: its words, and its number runs joined as numbers."""
        words: list[str] = []
        numbers: list[Term] = []
        run: list[str] = []
        first_is_word = False
        for token in fold_text(text).split():
            if _NUMBER_CHARACTERS.issuperset(token):
                run.append(token)
                continue
            if run:
                numbers.extend(_number_term(run))
                run = []
            found = _WORD.findall(token)
            first_is_word = first_is_word or not (words or numbers)
            words.extend(found)
        numbers.extend(_number_term(run))
        return cls._of(tuple(words), tuple(numbers), first_is_word=first_is_word and bool(words))

    @classmethod
    def _of(
        cls, words: tuple[str, ...], numbers: tuple[Term, ...], *, first_is_word: bool
    ) -> ContactQuery:
        terms = tuple((word,) for word in words) + numbers
        at_word_start = tuple((" " + word,) for word in words) + tuple(
            tuple(" " + form for form in term) for term in numbers
        )
        digits = tuple(form for term in numbers for form in term)
        if not terms:
            return cls(words, numbers, terms, (), words, digits)
        never: tuple[Term, ...] = ((),)  # a term without alternatives: no text has it
        name_tiers = (never, never)
        if first_is_word:
            number_starts = at_word_start[len(words) :]
            name_tiers = (
                ((NAME_START + " ".join(words),), *number_starts),
                ((NAME_START + words[0],), *at_word_start[1:]),
            )
        return cls(words, numbers, terms, (*name_tiers, at_word_start), words, digits)

    @property
    def is_empty(self) -> bool:
        """True when the query has no terms (blank, or only punctuation)."""
        return not self.terms

    def matches(self, search_text: str) -> bool:
        """Whether the entry with this search text has every term."""
        return _has_all(self.terms, search_text)

    def rank(self, search_text: str) -> int:
        """How well a matching entry matches: 0 best (see the module docstring)."""
        for rank, tier in enumerate(self.tiers):
            if _has_all(tier, search_text):
                return rank
        return len(self.tiers)


def _number_term(run: list[str]) -> list[Term]:
    forms = number_forms("".join(run))
    return [forms] if forms else []


def _has_all(terms: tuple[Term, ...], text: str) -> bool:
    return all(any(form in text for form in term) for term in terms)
