"""Build ``convert/data/words.txt``, the English word list the spelling rules ship.

Sources (Debian packages, SCOWL 2020.12.07):

- ``wamerican`` and ``wbritish`` (``/usr/share/dict/american-english`` and
  ``british-english``, SCOWL size 50): every word is kept, so British
  spellings (programme, centre, defence, organisation) are known beside the
  American ones;
- ``wamerican-large`` and ``wbritish-large`` (SCOWL size 70): a word only these
  have is kept when the ``wordfreq`` package (build time only) finds it at
  least at Zipf frequency 2.0 (about once in ten million words): "centrality",
  "countermeasures", "arbitral" come in, the rarest words (which would hide
  typos) stay out, and so does such a word under Zipf 3.0 that is one edit
  from a common word (Zipf 4.3 or more): "withing", "wether", "engin" are
  far more often slips than words.

Then: words with an apostrophe dropped (possessives; the tokenizer strips
``'s``), the wrong forms of ``misspellings.txt`` dropped
("intension", "minster" are English but typos in a readout), and the regular
``-s``/``-es``/``-ies``/``-ly`` forms that :func:`convert.words.stems` recovers
left out, which halves the file. A word is stored in lower case when a
source has it so, else as printed ("Reginald"): lookups are case-blind, but
suggestions for a lower-case typo prefer common words to names. The script
checks that every kept source word is still known through the written list.

Run (from the repository root, after ``apt-get install wamerican wbritish
wamerican-large wbritish-large`` and ``pip install wordfreq``)::

    python tools/build_wordlist.py > convert/data/words.txt
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from convert.words import misspellings, stems  # noqa: E402

DICT = Path("/usr/share/dict")
BASE = ("american-english", "british-english")
LARGE = ("american-english-large", "british-english-large")
MIN_ZIPF = 2.0  # about once in ten million words
SAFE_ZIPF = 3.0  # below this, a large-list word one edit from a common word is left out
COMMON_ZIPF = 4.3


def read(names: tuple[str, ...]) -> dict[str, str]:
    """Lower-cased word -> the form to store: lower case when any source has it so, else as printed."""
    words: dict[str, str] = {}
    for name in names:
        for line in (DICT / name).read_text(encoding="utf-8").splitlines():
            word = line.strip()
            if not word or "'" in word:
                continue
            lower = word.lower()
            # A word some list has in lower case is a common word ("china", "polish");
            # one only ever capitalised is a name ("Reginald"), kept so for suggestions.
            if lower == word or lower not in words:
                words[lower] = word
    return words


def sources() -> dict[str, str]:
    from wordfreq import top_n_list, zipf_frequency

    from convert.rules.spelling_suggest import edits1

    base = read(BASE)
    large = read(LARGE)
    # Words a typist reaches for every day; a rare word one slip from one of
    # them ("withing", "wether", "engin") would hide that slip.
    common = {w for w in top_n_list("en", 30000) if w.isalpha() and zipf_frequency(w, "en") >= COMMON_ZIPF}
    for lower, word in large.items():
        if lower in base:
            continue
        zipf = zipf_frequency(lower, "en")
        if zipf < MIN_ZIPF:
            continue
        if zipf < SAFE_ZIPF and len(lower) >= 4 and not edits1(lower).isdisjoint(common):
            continue
        base[lower] = word
    for wrong in misspellings():
        base.pop(wrong, None)
    return base


def compress(words: dict[str, str]) -> list[str]:
    # A word goes when one of its stems is a source word: the lookup finds it
    # again through that stem (recursively, since the stem may have gone too).
    return sorted(form for lower, form in words.items() if not any(s in words for s in stems(lower)))


def derivable(word: str, kept: set[str], depth: int = 0) -> bool:
    return word in kept or (depth < 3 and any(derivable(s, kept, depth + 1) for s in stems(word)))


HEADER = """\
# English words, British and American: built by tools/build_wordlist.py
# from Debian's wamerican + wbritish (SCOWL 50, all words) and wamerican-large +
# wbritish-large (SCOWL 70, words at wordfreq Zipf >= 2.0 and not, under Zipf 3.0, one
# edit from a common word), 2020.12.07 lists.
# Regular -s/-es/-ies/-ly forms are derived at lookup (convert.words.stems), not stored.
# Lower case: a common word; capitalised: a word the sources only have capitalised (a name).
# Lookups are case-blind; suggestions prefer common words. Sorted as Python sorts strings.
"""


def main() -> int:
    words = sources()
    kept = compress(words)
    lower = {w.lower() for w in kept}
    lost = [w for w in words if not derivable(w, lower)]
    if lost:
        sys.stderr.write(f"{len(lost)} source words would be lost, e.g. {sorted(lost)[:5]}\n")
        return 1
    sys.stdout.write(HEADER + "".join(w + "\n" for w in kept))
    sys.stderr.write(f"{len(words)} source words, {len(kept)} stored\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
