"""The TextVae network in plain PyTorch, module for module as src/TextVae/Model builds it in TorchSharp.

Attribute names follow the C# fields (initialHidden, logVariance, …) so that the state_dict keys are the names
in model.safetensors and load_state_dict(strict=True) checks every tensor.
"""

import math

import torch
from torch import nn
from torch.nn import functional as F
from torch.nn.utils.rnn import pack_padded_sequence, pad_packed_sequence

PAD = 0


class PositionalEncoding(nn.Module):
    """Learned position embeddings, or the fixed sinusoids of Vaswani et al. (2017) kept as a buffer."""

    def __init__(self, kind, max_positions, size):
        super().__init__()
        if kind == "learned":
            self.learned = nn.Embedding(max_positions, size)
        else:
            self.learned = None
            position = torch.arange(max_positions, dtype=torch.float32).unsqueeze(1)
            frequency = torch.exp(torch.arange(0, size, 2, dtype=torch.float32) * (-math.log(10_000.0) / size))
            table = torch.zeros(max_positions, size)
            table[:, 0::2] = torch.sin(position * frequency)
            table[:, 1::2] = torch.cos(position * frequency)[:, : size // 2]
            self.register_buffer("sinusoids", table)

    def forward(self, x):  # x: [batch, seq, size]
        length = x.shape[1]
        positions = self.learned(torch.arange(length, device=x.device)) if self.learned is not None else self.sinusoids[:length]
        return x + positions.unsqueeze(0)


class RnnEncoder(nn.Module):
    """(Bidirectional) LSTM or GRU over the packed sentence, read backwards if so trained; the summary is the last
    layer's final states, concatenated, followed by the mean of its outputs over the real tokens for final_and_mean."""

    def __init__(self, o):
        super().__init__()
        self.directions = 2 if o["bidirectional"] else 1
        self.reverse = o.get("reverse_encoder_input", False)
        self.with_mean = o.get("rnn_summary", "final") == "final_and_mean"
        rnn = nn.LSTM if o["encoder"] == "lstm" else nn.GRU
        module = rnn(o["embedding_size"], o["hidden_size"], o["encoder_layers"], batch_first=True, bidirectional=o["bidirectional"])
        self.lstm = module if o["encoder"] == "lstm" else None
        self.gru = module if o["encoder"] == "gru" else None

    def forward(self, embedded, lengths):  # [batch, seq, embedding], [batch]
        position = torch.arange(embedded.shape[1], device=embedded.device).unsqueeze(0)  # [1, seq]
        if self.reverse:
            length = lengths.unsqueeze(1)
            source = torch.where(position < length, length - 1 - position, position)  # [batch, seq]
            embedded = embedded.gather(1, source.unsqueeze(2).expand(-1, -1, embedded.shape[2]))
        packed = pack_padded_sequence(embedded, lengths.cpu(), batch_first=True, enforce_sorted=False)
        if self.lstm is not None:
            packed_output, (final, _) = self.lstm(packed)
        else:
            packed_output, final = self.gru(packed)  # [layers · directions, batch, hidden]
        last_layer = final[-self.directions:]  # [directions, batch, hidden]
        summary = last_layer.permute(1, 0, 2).reshape(embedded.shape[0], -1)  # [batch, directions · hidden]
        if not self.with_mean:
            return summary
        output, _ = pad_packed_sequence(packed_output, batch_first=True, total_length=embedded.shape[1])  # [batch, seq, directions · hidden]
        real = (position < lengths.unsqueeze(1)).unsqueeze(2).to(output.dtype)  # [batch, seq, 1]
        return torch.cat([summary, (output * real).sum(1) / real.sum(1)], 1)


class TransformerSentenceEncoder(nn.Module):
    """Transformer encoder with a key-padding mask; mean of the real positions, or a learned summary token."""

    def __init__(self, o):
        super().__init__()
        self.input = nn.Linear(o["embedding_size"], o["hidden_size"])
        self.positions = PositionalEncoding(o["positions"], o["max_positions"] + 1, o["hidden_size"])
        layer = nn.TransformerEncoderLayer(o["hidden_size"], o["transformer_heads"], o["transformer_feed_forward"], o["transformer_dropout"])
        self.layers = nn.TransformerEncoder(layer, o["encoder_layers"], enable_nested_tensor=False)
        self.summaryToken = nn.Parameter(torch.zeros(1, 1, o["hidden_size"])) if o["pooling"] == "summary" else None

    def forward(self, embedded, lengths):
        x = self.input(embedded)  # [batch, seq, hidden]
        padding = torch.arange(x.shape[1], device=x.device).unsqueeze(0) >= lengths.unsqueeze(1)  # [batch, seq]
        if self.summaryToken is not None:
            x = torch.cat([self.summaryToken.expand(x.shape[0], 1, x.shape[2]), x], 1)
            padding = torch.cat([torch.zeros(x.shape[0], 1, dtype=torch.bool, device=x.device), padding], 1)
        x = self.positions(x)
        output = self.layers(x.transpose(0, 1), src_key_padding_mask=padding).transpose(0, 1)  # [batch, seq', hidden]
        if self.summaryToken is not None:
            return output[:, 0]
        real = (~padding).unsqueeze(2).to(output.dtype)  # [batch, seq, 1]
        return (output * real).sum(1) / real.sum(1)


class GaussianLatent(nn.Module):
    """q(z|x) = N(μ, diag σ²): two linear heads on the encoder's summary; with BN-VAE (Zhu et al. 2020) μ is
    batch-normalised (running statistics outside training), scaled by the fixed γ and shifted by a learned β."""

    def __init__(self, input_size, latent_size, batch_norm_scale=0.0):
        super().__init__()
        self.mean = nn.Linear(input_size, latent_size)
        self.logVariance = nn.Linear(input_size, latent_size)
        self.scale = batch_norm_scale
        self.meanNorm = nn.BatchNorm1d(latent_size, affine=False) if batch_norm_scale > 0 else None
        self.meanShift = nn.Parameter(torch.zeros(latent_size)) if batch_norm_scale > 0 else None

    def forward(self, summary):
        mu = self.mean(summary)
        if self.meanNorm is not None:
            mu = self.scale * self.meanNorm(mu) + self.meanShift
        return mu, self.logVariance(summary)


class RnnDecoder(nn.Module):
    """LSTM/GRU language model with z mapped to every layer's initial state and, optionally, fed at every step."""

    def __init__(self, o):
        super().__init__()
        self.layers = o["decoder_layers"]
        self.hidden_size = o["hidden_size"]
        self.latent_to_every_step = o["latent_to_every_step"]
        input_size = o["embedding_size"] + (o["latent_size"] if o["latent_to_every_step"] else 0)
        self.initialHidden = nn.Linear(o["latent_size"], self.layers * self.hidden_size)
        if o["decoder"] == "lstm":
            self.lstm = nn.LSTM(input_size, self.hidden_size, self.layers, batch_first=True)
            self.initialCell = nn.Linear(o["latent_size"], self.layers * self.hidden_size)
            self.gru = None
        else:
            self.gru = nn.GRU(input_size, self.hidden_size, self.layers, batch_first=True)
            self.lstm = None
            self.initialCell = None

    def _initial(self, linear, z):
        return linear(z).view(z.shape[0], self.layers, self.hidden_size).transpose(0, 1).contiguous()  # [layers, batch, hidden]

    def _inputs(self, embedded, z):
        if not self.latent_to_every_step:
            return embedded
        return torch.cat([embedded, z.unsqueeze(1).expand(-1, embedded.shape[1], -1)], 2)

    def start(self, z):
        cell = self._initial(self.initialCell, z) if self.initialCell is not None else None
        return {"z": z, "hidden": self._initial(self.initialHidden, z), "cell": cell}

    def _run(self, inputs, state):
        if self.lstm is not None:
            output, (hidden, cell) = self.lstm(inputs, (state["hidden"], state["cell"]))
            return output, {"z": state["z"], "hidden": hidden, "cell": cell}
        output, hidden = self.gru(inputs, state["hidden"])
        return output, {"z": state["z"], "hidden": hidden, "cell": None}

    def forward(self, embedded, z):  # [batch, seq, embedding], [batch, latent] → [batch, seq, hidden]
        return self._run(self._inputs(embedded, z), self.start(z))[0]

    def step(self, embedded_token, state):  # [batch, embedding]
        output, following = self._run(self._inputs(embedded_token.unsqueeze(1), state["z"]), state)
        return output.squeeze(1), following


class TransformerSentenceDecoder(nn.Module):
    """Causal Transformer conditioned on z as a memory token (cross-attention), added to every position, or both."""

    def __init__(self, o):
        super().__init__()
        h = o["hidden_size"]
        self.input = nn.Linear(o["embedding_size"], h)
        self.positions = PositionalEncoding(o["positions"], o["max_positions"], h)
        self.latentOffset = nn.Linear(o["latent_size"], h) if o["latent_to_every_step"] else None
        if o["latent_as_memory"]:
            self.latentMemory = nn.Linear(o["latent_size"], h)
            layer = nn.TransformerDecoderLayer(h, o["transformer_heads"], o["transformer_feed_forward"], o["transformer_dropout"])
            self.crossAttending = nn.TransformerDecoder(layer, o["decoder_layers"])
            self.selfAttending = None
        else:
            self.latentMemory = None
            self.crossAttending = None
            layer = nn.TransformerEncoderLayer(h, o["transformer_heads"], o["transformer_feed_forward"], o["transformer_dropout"])
            self.selfAttending = nn.TransformerEncoder(layer, o["decoder_layers"], enable_nested_tensor=False)

    def forward(self, embedded, z):
        x = self.positions(self.input(embedded))  # [batch, seq, hidden]
        if self.latentOffset is not None:
            x = x + self.latentOffset(z).unsqueeze(1)
        length = x.shape[1]
        causal = torch.triu(torch.full((length, length), float("-inf"), device=x.device), 1)  # [seq, seq]
        sequence_first = x.transpose(0, 1)  # [seq, batch, hidden]
        if self.crossAttending is not None:
            output = self.crossAttending(sequence_first, self.latentMemory(z).unsqueeze(0), tgt_mask=causal)
        else:
            output = self.selfAttending(sequence_first, mask=causal)
        return output.transpose(0, 1)

    def start(self, z):
        return {"z": z, "prefix": torch.zeros(z.shape[0], 0, self.input.in_features, dtype=z.dtype, device=z.device)}

    def step(self, embedded_token, state):
        prefix = torch.cat([state["prefix"], embedded_token.unsqueeze(1)], 1)  # [batch, steps + 1, embedding]
        return self.forward(prefix, state["z"])[:, -1], {"z": state["z"], "prefix": prefix}


class SentenceVae(nn.Module):
    """Embedding, encoder, Gaussian latent, decoder and output projection (tied to the embedding when so trained)."""

    def __init__(self, o):
        super().__init__()
        self.options = o
        self.embedding = nn.Embedding(o["vocabulary_size"], o["embedding_size"], padding_idx=PAD)
        self.encoder = TransformerSentenceEncoder(o) if o["encoder"] == "transformer" else RnnEncoder(o)
        rnn = o["encoder"] != "transformer"
        encoder_size = o["hidden_size"] * (2 if rnn and o["bidirectional"] else 1) * (2 if rnn and o.get("rnn_summary", "final") == "final_and_mean" else 1)
        self.latent = GaussianLatent(encoder_size, o["latent_size"], o.get("latent_batch_norm_scale", 0.0))
        self.latent_to_output = o.get("latent_to_output", False)
        features = o["hidden_size"] + (o["latent_size"] if self.latent_to_output else 0)
        self.decoder = TransformerSentenceDecoder(o) if o["decoder"] == "transformer" else RnnDecoder(o)
        if o["tie_embeddings"]:
            self.toEmbedding = nn.Linear(features, o["embedding_size"])
            self.output = None
        else:
            self.toEmbedding = None
            self.output = nn.Linear(features, o["vocabulary_size"])
        # Zhao et al.'s bag-of-words head is used only in training; it is built so that every exported tensor has its place.
        self.bagOfWords = nn.Sequential(
            nn.Linear(o["latent_size"], o["hidden_size"]), nn.Tanh(), nn.Linear(o["hidden_size"], o["vocabulary_size"])
        ) if o.get("bag_of_words") else None

    def encode(self, encoder_input, lengths):  # [batch, seq] w1 … wn <eos> <pad>…, [batch] → μ, log σ² [batch, latent]
        return self.latent(self.encoder(self.embedding(encoder_input), lengths))

    def logits(self, hidden):  # [..., features] → [..., vocabulary]; features are [h; z] with latent_to_output
        if self.toEmbedding is not None:
            return F.linear(self.toEmbedding(hidden), self.embedding.weight)
        return self.output(hidden)

    def reconstruction_nll(self, z, decoder_input, targets, lengths):  # → [batch] nats, −log p(x|z)
        hidden = self.decoder(self.embedding(decoder_input), z)  # [batch, seq, hidden]
        if self.latent_to_output:
            hidden = torch.cat([hidden, z.unsqueeze(1).expand(-1, hidden.shape[1], -1)], 2)  # [batch, seq, hidden + latent]
        mask = torch.arange(targets.shape[1], device=targets.device).unsqueeze(0) < lengths.unsqueeze(1)  # [batch, seq]
        token_nll = F.cross_entropy(self.logits(hidden[mask]), targets[mask], reduction="none")  # [tokens]
        sentence = torch.arange(targets.shape[0], device=targets.device).unsqueeze(1).expand_as(targets)[mask]
        return torch.zeros(targets.shape[0], dtype=token_nll.dtype, device=targets.device).index_add(0, sentence, token_nll)

    def start_decoding(self, z):
        return self.decoder.start(z)

    def decode_step(self, previous, state):  # [batch] ids → logits [batch, vocabulary], state
        hidden, following = self.decoder.step(self.embedding(previous), state)  # [batch, hidden]
        if self.latent_to_output:
            hidden = torch.cat([hidden, state["z"]], 1)
        return self.logits(hidden), following
