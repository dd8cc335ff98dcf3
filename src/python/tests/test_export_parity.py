"""textvae_torch against the C# TextVae on exports that the C# test run writes (tests/TextVae.Tests/Interop/PythonPackageTests.cs).

Each folder under $TEXTVAE_PARITY_EXPORTS holds an export and expected.json: sentences with the C# −log p(x | z = μ) and the
C# greedy decode of μ (text and log-probability). Run by the C# test; alone, these tests are skipped.
"""

import json
import os

import pytest
import torch

import textvae_torch

TOLERANCE = 1e-4
ROOT = os.environ.get("TEXTVAE_PARITY_EXPORTS")
EXPORTS = sorted(os.path.join(ROOT, name) for name in os.listdir(ROOT)) if ROOT else []


@pytest.fixture(params=EXPORTS or [None], ids=os.path.basename)
def export(request):
    if request.param is None:
        pytest.skip("no exports: run by the C# test PythonPackageTests, which sets TEXTVAE_PARITY_EXPORTS")
    with open(os.path.join(request.param, "expected.json"), encoding="utf-8") as f:
        return textvae_torch.load(request.param), json.load(f)


def test_reconstruction_nll_matches_csharp(export):
    vae, expected = export
    sentences = [row["sentence"] for row in expected]
    nll = vae.reconstruction_nll(sentences).double()
    for i, row in enumerate(expected):
        assert abs(float(nll[i]) - row["nll"]) <= TOLERANCE, row["sentence"]


def test_greedy_decodes_match_csharp(export):
    vae, expected = export
    mu, _ = vae.encode([row["sentence"] for row in expected])
    for (ids, log_probability, _), row in zip(vae.decode_ids(mu), expected):
        assert vae.tokenizer.decode(ids) == row["decoded"], row["sentence"]
        assert abs(log_probability - row["decoded_log_probability"]) <= TOLERANCE, row["sentence"]


def test_token_counts_match_csharp(export):
    vae, expected = export
    for row in expected:
        assert len(vae.tokenize(row["sentence"])) == row["tokens"], row["sentence"]

