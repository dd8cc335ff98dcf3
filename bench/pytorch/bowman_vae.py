#!/usr/bin/env python3
"""Idiomatic PyTorch reference for TextVae's training-throughput benchmark.

Plain Bowman et al. (2016) sentence VAE: shared word embedding, one-layer
unidirectional RNN encoder over packed sequences, final hidden state -> linear
heads to mu and logvar, reparameterised z, z -> linear -> decoder initial
hidden state (LSTM: h0 from z, c0 zero), one-layer RNN decoder over padded
`<bos> w1..wn` with word dropout, output projection hidden -> vocabulary,
cross-entropy summed over real target positions (`w1..wn <eos>`,
ignore_index=<pad>) divided by the batch size, analytic KL with logistic
annealing, Adam (lr 1e-3), gradient-norm clipping at 5.

Timing: W warm-up steps, then N timed steps (N + W steps in all).
"""
import argparse
import json
import math
import os
import random
import resource
import sys
import time
from collections import Counter

import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.nn.utils.rnn import pack_padded_sequence, pad_sequence

PAD, BOS, EOS, UNK = 0, 1, 2, 3
SPECIALS = ["<pad>", "<bos>", "<eos>", "<unk>"]


def load_corpus(path, sentences, max_len, vocab_size):
    sents = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            toks = line.split()[:max_len]
            if toks:
                sents.append(toks)
                if len(sents) == sentences:
                    break
    counts = Counter(t for s in sents for t in s)
    itos = SPECIALS + [w for w, _ in counts.most_common(vocab_size - len(SPECIALS))]
    stoi = {w: i for i, w in enumerate(itos)}
    data = [torch.tensor([stoi.get(t, UNK) for t in s]) for s in sents]
    return data, len(itos)


def batches(data, batch_size, seed):
    """Endless random batches: reshuffle every epoch, drop the ragged last batch."""
    rng = random.Random(seed)
    order = list(range(len(data)))
    while True:
        rng.shuffle(order)
        for i in range(0, len(order) - batch_size + 1, batch_size):
            yield [data[j] for j in order[i:i + batch_size]]


class SentenceVAE(nn.Module):
    def __init__(self, vocab, cell, embedding, hidden, latent, word_dropout):
        super().__init__()
        rnn = {"gru": nn.GRU, "lstm": nn.LSTM}[cell]
        self.cell, self.word_dropout = cell, word_dropout
        self.embed = nn.Embedding(vocab, embedding, padding_idx=PAD)
        self.encoder = rnn(embedding, hidden, batch_first=True)
        self.to_mu = nn.Linear(hidden, latent)
        self.to_logvar = nn.Linear(hidden, latent)
        self.z_to_hidden = nn.Linear(latent, hidden)
        self.decoder = rnn(embedding, hidden, batch_first=True)
        self.out = nn.Linear(hidden, vocab)

    def forward(self, tokens, lengths, dec_in):
        packed = pack_padded_sequence(self.embed(tokens), lengths, batch_first=True,
                                      enforce_sorted=False)
        _, h = self.encoder(packed)
        h = h[0] if self.cell == "lstm" else h          # (1, B, H)
        mu, logvar = self.to_mu(h[0]), self.to_logvar(h[0])
        z = mu + torch.randn_like(mu) * torch.exp(0.5 * logvar)

        if self.training and self.word_dropout > 0:      # never drop <bos> or <pad>
            drop = (torch.rand(dec_in.shape) < self.word_dropout) & (dec_in != BOS) & (dec_in != PAD)
            dec_in = dec_in.masked_fill(drop, UNK)
        h0 = self.z_to_hidden(z).unsqueeze(0)
        state = (h0, torch.zeros_like(h0)) if self.cell == "lstm" else h0
        out, _ = self.decoder(self.embed(dec_in), state)
        return self.out(out), mu, logvar


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--corpus", required=True)
    p.add_argument("--cell", choices=["gru", "lstm"], default="lstm")
    p.add_argument("--embedding", type=int, default=300)
    p.add_argument("--hidden", type=int, default=256)
    p.add_argument("--latent", type=int, default=16)
    p.add_argument("--batch", type=int, default=32)
    p.add_argument("--max-len", type=int, default=30)
    p.add_argument("--vocab", type=int, default=10000)
    p.add_argument("--word-dropout", type=float, default=0.25)
    p.add_argument("--steps", type=int, default=200, help="timed steps")
    p.add_argument("--warmup", type=int, default=20, help="untimed steps before them")
    p.add_argument("--threads", type=int, default=1)
    p.add_argument("--sentences", type=int, default=10000)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--json", action="store_true")
    a = p.parse_args()

    torch.set_num_threads(a.threads)
    torch.manual_seed(a.seed)
    data, vocab = load_corpus(a.corpus, a.sentences, a.max_len, a.vocab)
    if len(data) < a.batch:
        sys.exit(f"corpus has {len(data)} sentences, fewer than one batch")
    model = SentenceVAE(vocab, a.cell, a.embedding, a.hidden, a.latent, a.word_dropout)
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    model.train()

    stream = batches(data, a.batch, a.seed)
    tokens = 0
    for step in range(a.warmup + a.steps):
        if step == a.warmup:
            tokens, t0, c0 = 0, time.perf_counter(), time.process_time()
        sents = next(stream)
        lengths = torch.tensor([len(s) for s in sents])
        enc_in = pad_sequence(sents, batch_first=True, padding_value=PAD)
        dec_in = pad_sequence([F.pad(s, (1, 0), value=BOS) for s in sents],
                              batch_first=True, padding_value=PAD)
        target = pad_sequence([F.pad(s, (0, 1), value=EOS) for s in sents],
                              batch_first=True, padding_value=PAD)

        logits, mu, logvar = model(enc_in, lengths, dec_in)
        rec = F.cross_entropy(logits.reshape(-1, vocab), target.reshape(-1),
                              ignore_index=PAD, reduction="sum") / a.batch
        kl = -0.5 * torch.sum(1 + logvar - mu.pow(2) - logvar.exp()) / a.batch
        kl_weight = 1.0 / (1.0 + math.exp(-0.0025 * (step - 2500)))
        loss = rec + kl_weight * kl

        opt.zero_grad()
        loss.backward()
        nn.utils.clip_grad_norm_(model.parameters(), 5.0)
        opt.step()
        tokens += int(lengths.sum()) + a.batch         # w1..wn plus <eos>
    elapsed, cpu = time.perf_counter() - t0, time.process_time() - c0

    result = {
        "tokens_per_second": round(tokens / elapsed, 1),
        "ms_per_step": round(1000 * elapsed / a.steps, 2),
        "cpu_ms_per_step": round(1000 * cpu / a.steps, 2),   # process CPU time, all threads
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "threads": torch.get_num_threads(),
        "device": "cpu",
        "torch": torch.__version__,
        "cell": a.cell, "embedding": a.embedding, "hidden": a.hidden, "latent": a.latent,
        "batch": a.batch, "max_len": a.max_len, "vocab": vocab, "word_dropout": a.word_dropout,
        "steps": a.steps, "warmup": a.warmup, "sentences": len(data),
        "timed_tokens": tokens,
        "final_rec": round(rec.item(), 4), "final_kl": round(kl.item(), 4),
        "openblas_coretype": os.environ.get("OPENBLAS_CORETYPE"),
        "openblas_num_threads": os.environ.get("OPENBLAS_NUM_THREADS"),
    }
    if a.json:
        print(json.dumps(result))
    else:
        for k, v in result.items():
            print(f"{k:20} {v}")


if __name__ == "__main__":
    main()
