"""Tokenizers that give the ids TextVae's C# tokenizers give (src/TextVae/Tokenization).

Both normalise a sentence the same way first: Unicode NFC, and (when the model was trained lower-cased) culture-invariant simple lower-casing, one code point at a time. Python's
str.lower() differs from .NET there: it applies the final-sigma rule and turns U+0130 into two code points.
"""

import json
import os
import re
import unicodedata

PAD, BOS, EOS, UNK = 0, 1, 2, 3
SPECIAL_TOKENS = ("<pad>", "<bos>", "<eos>", "<unk>")

# .NET's char.IsWhiteSpace and regex \s: the Unicode separators plus the C0/C1 layout controls. Python's
# str.isspace() also counts U+001C..U+001F, which .NET does not.
_WHITESPACE = frozenset(
    "\t\n\v\f\r\x85" + "".join(chr(c) for c in range(0x10000) if unicodedata.category(chr(c)) in ("Zs", "Zl", "Zp"))
)


def _is_space(ch):
    return ch in _WHITESPACE


def _lower_code_point(ch):
    # .NET's invariant ToLower leaves U+0130 (İ) alone; every other code point takes its simple lower-case mapping,
    # which for these is the one-character full mapping Python gives.
    if ch == "\u0130":
        return ch
    lowered = ch.lower()
    return lowered if len(lowered) == 1 else ch


def strip(sentence):
    """Leading and trailing whitespace removed as .NET's string.Trim() removes it."""
    start, end = 0, len(sentence)
    while start < end and _is_space(sentence[start]):
        start += 1
    while end > start and _is_space(sentence[end - 1]):
        end -= 1
    return sentence[start:end]


def normalize(sentence, lowercase):
    """NFC, then lower-case when the model was trained so: what the C# tokenizers do before splitting."""
    text = unicodedata.normalize("NFC", sentence)
    if lowercase:
        text = "".join(_lower_code_point(ch) for ch in text)
    return text


class WordTokenizer:
    """Whitespace-separated words looked up in vocab.txt (one token a line, id = line number); others are <unk>."""

    def __init__(self, tokens, lowercase):
        if tuple(tokens[:4]) != SPECIAL_TOKENS:
            raise ValueError("vocab.txt must begin with <pad>, <bos>, <eos>, <unk>")
        self.tokens = list(tokens)
        self.lowercase = lowercase
        # Only <unk> is recognised in text; a literal <pad> or <bos> is an unknown word, as in C#.
        self.ids = {"<unk>": UNK}
        for i, token in enumerate(self.tokens[4:], start=4):
            self.ids[token] = i

    @classmethod
    def from_directory(cls, directory, lowercase):
        with open(os.path.join(directory, "vocab.txt"), encoding="utf-8") as f:
            tokens = [line for line in f.read().split("\n") if line]
        return cls(tokens, lowercase)

    def encode(self, sentence):
        text = normalize(sentence, self.lowercase)
        words, word = [], []
        for ch in text:
            if _is_space(ch):
                if word:
                    words.append("".join(word))
                    word = []
            else:
                word.append(ch)
        if word:
            words.append("".join(word))
        return [self.ids.get(w, UNK) for w in words]

    def decode(self, ids):
        return " ".join(self.tokens[i] for i in ids if i not in (PAD, BOS, EOS))


def _byte_to_unicode():
    """GPT-2's table: printable Latin-1 bytes stand for themselves, the other 68 map to U+0100 and up."""
    printable = list(range(ord("!"), ord("~") + 1)) + list(range(0xA1, 0xAC + 1)) + list(range(0xAE, 0xFF + 1))
    table, shifted = {}, 0
    for b in range(256):
        if b in printable:
            table[b] = chr(b)
        else:
            table[b] = chr(256 + shifted)
            shifted += 1
    return table


def _class(predicate):
    """A regex character class of the BMP code points that satisfy predicate, as ranges."""
    ranges, start = [], None
    for c in range(0x10000):
        if 0xD800 <= c <= 0xDFFF:
            inside = False
        else:
            inside = predicate(chr(c))
        if inside and start is None:
            start = c
        elif not inside and start is not None:
            ranges.append((start, c - 1))
            start = None
    if start is not None:
        ranges.append((start, 0xFFFF))
    return "".join(re.escape(chr(a)) if a == b else f"{re.escape(chr(a))}-{re.escape(chr(b))}" for a, b in ranges)


def _pre_token_pattern():
    """The C# pattern of BpeSentenceTokenizer.PreTokenPattern in Python's re syntax.

    .NET's regex sees UTF-16 code units, so a character outside the BMP (an emoji, a CJK extension ideograph) is two
    surrogates of category Cs, matched as "other" even when it is a letter: the classes here hold BMP code points
    only, and everything else falls into the "other" class as it does in .NET.
    """
    letter = _class(lambda ch: unicodedata.category(ch)[0] in "LM")
    number = _class(lambda ch: unicodedata.category(ch)[0] == "N")
    space = _class(_is_space)
    return re.compile(
        rf"'s|'t|'re|'ve|'m|'ll|'d| ?[{letter}]+| ?[{number}]+| ?[^{space}{letter}{number}]+|[{space}]+(?![^{space}])|[{space}]+"
    )


class BpeTokenizer:
    """Byte-level BPE as Microsoft.ML.Tokenizers runs it: regex pre-tokenisation, GPT-2 byte spelling, merges by rank."""

    _pattern = None

    def __init__(self, vocabulary, merges, lowercase):
        self.tokens = [None] * len(vocabulary)
        for token, i in vocabulary.items():
            self.tokens[i] = token
        if tuple(self.tokens[:4]) != SPECIAL_TOKENS:
            raise ValueError("vocab.json must give <pad>, <bos>, <eos>, <unk> the ids 0-3")
        self.ids = dict(vocabulary)
        self.ranks = {pair: rank for rank, pair in enumerate(merges)}
        self.lowercase = lowercase
        self.byte_to_unicode = _byte_to_unicode()
        self.unicode_to_byte = {ch: b for b, ch in self.byte_to_unicode.items()}
        if BpeTokenizer._pattern is None:
            BpeTokenizer._pattern = _pre_token_pattern()

    @classmethod
    def from_directory(cls, directory, lowercase):
        with open(os.path.join(directory, "vocab.json"), encoding="utf-8") as f:
            vocabulary = json.load(f)
        merges = []
        with open(os.path.join(directory, "merges.txt"), encoding="utf-8") as f:
            for i, line in enumerate(f.read().split("\n")):
                if not line or (i == 0 and line.startswith("#version")):
                    continue
                left, right = line.split(" ")
                merges.append((left, right))
        return cls(vocabulary, merges, lowercase)

    def _merge(self, symbols):
        # Always the lowest-ranked adjacent pair, leftmost first: the order of Hugging Face's (and so
        # Microsoft.ML.Tokenizers') priority queue.
        while len(symbols) > 1:
            best, best_rank = None, None
            for i in range(len(symbols) - 1):
                rank = self.ranks.get((symbols[i], symbols[i + 1]))
                if rank is not None and (best_rank is None or rank < best_rank):
                    best, best_rank = i, rank
            if best is None:
                break
            symbols[best:best + 2] = [symbols[best] + symbols[best + 1]]
        return symbols

    def encode(self, sentence):
        text = normalize(sentence, self.lowercase)
        ids = []
        for match in self._pattern.finditer(text):
            spelt = "".join(self.byte_to_unicode[b] for b in match.group(0).encode("utf-8"))
            for symbol in self._merge(list(spelt)):
                if symbol in self.ids:
                    ids.append(self.ids[symbol])
        return ids

    def decode(self, ids):
        data = bytearray()
        for i in ids:
            if i in (PAD, BOS, EOS):
                continue
            token = self.tokens[i]
            if i == UNK:
                data.extend(token.encode("utf-8"))
            else:
                data.extend(self.unicode_to_byte[ch] for ch in token)
        return data.decode("utf-8", errors="replace")


def load(directory, config):
    tokenizer = config["tokenizer"]
    kind, lowercase = tokenizer["kind"], tokenizer["lowercase"]
    if kind == "word":
        return WordTokenizer.from_directory(directory, lowercase)
    if kind == "bpe":
        return BpeTokenizer.from_directory(directory, lowercase)
    raise ValueError(f"unknown tokenizer kind {kind!r} in config.json")

