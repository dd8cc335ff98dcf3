"""Load a model exported by `textvae export` into plain PyTorch (no other dependency; PyTorch 1.13 or later).

    import textvae_torch
    vae = textvae_torch.load("exports/quickstart")
    mu, logvar = vae.encode(["the cat sat on the mat ."])
    nll = vae.reconstruction_nll(["the cat sat on the mat ."])   # −log p(x | z = μ) per sentence, nats
    print(vae.decode(mu))                                        # greedy sentences

Sentences are read as the C# commands read them: whitespace trimmed, NFC, lower-cased if the model was, tokenized
by the exported tokenizer and cut to the model's maximum length; the encoder sees w1 … wn <eos>.
"""

import importlib.metadata
import json
import os

import torch

from . import safetensors, tokenizers
from .model import SentenceVae

__all__ = ["load", "TextVae", "SUPPORTED_FORMAT_VERSION", "__version__"]

try:
    __version__ = importlib.metadata.version("textvae-torch")
except importlib.metadata.PackageNotFoundError:  # imported from the source folder, not installed with pip
    __version__ = None

SUPPORTED_FORMAT_VERSION = 1


def load(directory, device="cpu"):
    """Builds the network described by DIRECTORY/config.json and loads DIRECTORY/model.safetensors into it."""
    return TextVae(directory, device)


class TextVae:
    def __init__(self, directory, device="cpu"):
        with open(os.path.join(directory, "config.json"), encoding="utf-8") as f:
            self.config = json.load(f)
        if self.config.get("format") != "textvae-export":
            raise ValueError(f"{directory}/config.json is not a TextVae export")
        version = self.config.get("format_version")
        if version != SUPPORTED_FORMAT_VERSION:
            raise ValueError(f"{directory}: export format {version}; this loader reads format {SUPPORTED_FORMAT_VERSION}")
        self.device = torch.device(device)
        self.tokenizer = tokenizers.load(directory, self.config)
        self.max_length = self.config["tokenizer"]["max_length"]
        self.model = SentenceVae(self.config["model"])
        weights, self.metadata = safetensors.load_file(os.path.join(directory, "model.safetensors"))
        self.model.load_state_dict(weights, strict=True)
        self.model.to(self.device).eval()

    def tokenize(self, sentence):
        """The ids the encoder reads for a sentence, before <eos>, cut to the model's maximum length."""
        ids = self.tokenizer.encode(tokenizers.strip(sentence))
        if not ids:
            raise ValueError(f"the sentence {sentence!r} is empty")
        return ids[: self.max_length]

    def _batch(self, sentences):
        """Rows <bos> w1 … wn <eos> <pad>…, and lengths n + 1 (the tokens each row predicts)."""
        rows = [self.tokenize(s) for s in sentences]
        width = max(len(r) for r in rows) + 2
        tokens = torch.zeros(len(rows), width, dtype=torch.long)
        for i, ids in enumerate(rows):
            tokens[i, : len(ids) + 2] = torch.tensor([tokenizers.BOS] + ids + [tokenizers.EOS])
        lengths = torch.tensor([len(r) + 1 for r in rows])
        return tokens.to(self.device), lengths.to(self.device)

    @torch.no_grad()
    def encode(self, sentences):
        """μ and log σ² of q(z|x), each [sentences, latent]."""
        tokens, lengths = self._batch(sentences)
        return self.model.encode(tokens[:, 1:], lengths)

    @torch.no_grad()
    def reconstruction_nll(self, sentences):
        """−log p(x | z = μ) per sentence in nats (targets w1 … wn <eos>), as a [sentences] float tensor."""
        tokens, lengths = self._batch(sentences)
        decoder_input, targets = tokens[:, :-1], tokens[:, 1:]
        mu, _ = self.model.encode(targets, lengths)
        return self.model.reconstruction_nll(mu, decoder_input, targets, lengths)

    @torch.no_grad()
    def decode_ids(self, z, max_length=30, allow_unknown=False):
        """Greedy decoding of each row of z [rows, latent]: (token ids without <eos>, log-probability, finished) per row.

        As in the C# decoder, <pad> and <bos> are never chosen and <unk> only with allow_unknown, and the
        log-probability is under the logits it chose from (the banned tokens' removed); max_length counts <eos>.
        """
        banned = [tokenizers.PAD, tokenizers.BOS] + ([] if allow_unknown else [tokenizers.UNK])
        z = z.to(self.device)
        rows = z.shape[0]
        state = self.model.start_decoding(z)
        previous = torch.full((rows,), tokenizers.BOS, dtype=torch.long, device=self.device)
        finished = torch.zeros(rows, dtype=torch.bool, device=self.device)
        log_probability = torch.zeros(rows, dtype=torch.float64, device=self.device)
        chosen_tokens = []
        for _ in range(max_length):
            logits, state = self.model.decode_step(previous, state)
            logits[:, banned] = float("-inf")
            chosen = logits.argmax(1).masked_fill(finished, tokenizers.PAD)
            step_log_probability = torch.log_softmax(logits, 1).gather(1, chosen.unsqueeze(1)).squeeze(1).double()
            log_probability += step_log_probability.masked_fill(finished, 0)
            chosen_tokens.append(chosen)
            finished |= chosen == tokenizers.EOS
            previous = chosen
            if bool(finished.all()):
                break
        steps = torch.stack(chosen_tokens, 1).tolist()
        result = []
        for row in range(rows):
            ids, done = [], False
            for token in steps[row]:
                if token == tokenizers.EOS:
                    done = True
                    break
                ids.append(token)
            result.append((ids, float(log_probability[row]), done))
        return result

    def decode(self, z, max_length=30, allow_unknown=False):
        """Greedy sentences, one per row of z [rows, latent]."""
        return [self.tokenizer.decode(ids) for ids, _, _ in self.decode_ids(z, max_length, allow_unknown)]
