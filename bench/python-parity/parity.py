#!/usr/bin/python3
"""Checks that src/python/textvae_torch computes what the C# TextVae computes, on exported checkpoints.

usage: /usr/bin/python3 bench/python-parity/parity.py [--textvae "dotnet PATH/textvae.dll"] [--sentences N] [--decodes N] CHECKPOINT...

Run from the repository root with Debian's PyTorch (apt-get install python3-torch libopenblas0-pthread). For each
checkpoint it runs `textvae export`, then compares on the first N lines of corpora/default/test.txt plus
bench/python-parity/hostile.txt (scripts, case rules and spacing that tokenizers get wrong):
  - token counts and posterior means/variances against `textvae encode --out FILE.jsonl`,
  - −log p(x | z = μ) per sentence against the rec_at_mean field of `textvae score --json`,
  - greedy decodes of μ (text and log-probability) against `textvae reconstruct --json`.
It fails (exit 1) when an NLL differs by more than 1e-4 nats, a token count differs, or a decode differs.
"""

import argparse
import json
import os
import shlex
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "..", "src", "python"))

import torch  # noqa: E402

import textvae_torch  # noqa: E402

NLL_TOLERANCE = 1e-4


def run(textvae, *args):
    completed = subprocess.run(shlex.split(textvae) + list(args), capture_output=True, text=True, encoding="utf-8")
    if completed.returncode != 0:
        raise SystemExit(f"textvae {' '.join(args)} failed ({completed.returncode}): {completed.stderr.strip()}")
    return completed.stdout


def check(textvae, checkpoint, sentences, decodes, work):
    name = os.path.basename(os.path.dirname(os.path.abspath(checkpoint))) or checkpoint
    export = os.path.join(work, name)
    run(textvae, "export", "--checkpoint", checkpoint, "--out", export)
    vae = textvae_torch.load(export)

    data = os.path.join(work, name + ".txt")
    with open(data, "w", encoding="utf-8") as f:
        f.write("".join(s + "\n" for s in sentences))

    # Posterior: tokenizer and encoder.
    codes_path = os.path.join(work, name + ".jsonl")
    run(textvae, "encode", "--checkpoint", checkpoint, "--data", data, "--out", codes_path, "--device", "cpu")
    with open(codes_path, encoding="utf-8") as f:
        codes = [json.loads(line) for line in f if line.strip()]
    mu, logvar = vae.encode(sentences)
    token_mismatches = [s for s, c in zip(sentences, codes) if len(vae.tokenize(s)) != c["tokens"]]
    mean_difference = max(float((mu[i].double() - torch.tensor(c["mean"], dtype=torch.float64)).abs().max()) for i, c in enumerate(codes))
    variance_difference = max(
        float((logvar[i].double().exp() - torch.tensor(c["variance"], dtype=torch.float64)).abs().max()) for i, c in enumerate(codes))

    # Reconstruction NLL at the posterior mean.
    score_lines = run(textvae, "score", "--checkpoint", checkpoint, "--data", data, "--samples", "1", "--json", "--device", "cpu")
    scores = {row["line"]: row for row in map(json.loads, filter(None, score_lines.split("\n")))}
    nll = vae.reconstruction_nll(sentences).double()
    nll_differences = [abs(float(nll[i]) - scores[i + 1]["rec_at_mean"]) for i in range(len(sentences)) if i + 1 in scores]
    largest_nll = max(nll_differences)

    # Greedy decodes of μ.
    decoded = vae.decode_ids(mu[:decodes])
    decode_mismatches, logp_differences = [], []
    for i, (ids, logp, _) in enumerate(decoded):
        reply = json.loads(run(textvae, "reconstruct", sentences[i], "--checkpoint", checkpoint, "--json", "--device", "cpu"))
        output = reply["outputs"][0]
        text = vae.tokenizer.decode(ids)
        if text != output["text"]:
            decode_mismatches.append((sentences[i], output["text"], text))
        logp_differences.append(abs(logp - output["log_probability"]))

    ok = not token_mismatches and largest_nll <= NLL_TOLERANCE and not decode_mismatches
    print(f"{name}: {vae.config['model']['encoder']}/{vae.config['model']['decoder']}, {vae.config['tokenizer']['kind']} tokenizer, "
          f"{len(sentences)} sentences: token counts {len(sentences) - len(token_mismatches)}/{len(sentences)} equal; "
          f"max |Δμ| {mean_difference:.2e}, max |Δσ²| {variance_difference:.2e}; "
          f"max |ΔNLL(z=μ)| {largest_nll:.2e} nats over {len(nll_differences)}; "
          f"greedy decodes {len(decoded) - len(decode_mismatches)}/{len(decoded)} identical, max |Δlog p| {max(logp_differences):.2e}"
          f" -> {'OK' if ok else 'FAIL'}")
    for sentence in token_mismatches:
        print(f"  token count differs: {sentence!r}: python {vae.tokenize(sentence)}")
    for sentence, expected, actual in decode_mismatches:
        print(f"  decode differs for {sentence!r}: C# {expected!r}, python {actual!r}")
    return ok, largest_nll


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("checkpoints", nargs="+")
    parser.add_argument("--textvae", default=os.environ.get("TEXTVAE", "dotnet src/TextVae.Cli/bin/Release/net10.0/textvae.dll"))
    parser.add_argument("--sentences", type=int, default=60, help="lines of corpora/default/test.txt to compare (default 60)")
    parser.add_argument("--decodes", type=int, default=12, help="sentences to decode greedily through `textvae reconstruct` (default 12)")
    args = parser.parse_args()

    torch.set_num_threads(1)
    with open(os.path.join(HERE, "..", "..", "corpora", "default", "test.txt"), encoding="utf-8") as f:
        sentences = [line for line in f.read().split("\n") if line.strip()][: args.sentences]
    with open(os.path.join(HERE, "hostile.txt"), encoding="utf-8") as f:
        sentences += [line for line in f.read().split("\n") if line.strip()]

    print(f"PyTorch {torch.__version__}, TextVae {run(args.textvae, '--version').strip()}")
    results = []
    with tempfile.TemporaryDirectory() as work:
        for checkpoint in args.checkpoints:
            results.append(check(args.textvae, checkpoint, sentences, args.decodes, work))
    print(f"largest NLL difference over all models: {max(r[1] for r in results):.2e} nats (tolerance {NLL_TOLERANCE:g})")
    return 0 if all(r[0] for r in results) else 1


if __name__ == "__main__":
    sys.exit(main())
