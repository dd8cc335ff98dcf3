using System.Diagnostics;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;
using static TorchSharp.torch.nn.utils.rnn;

namespace PlainTorchSharp;

/// <summary>
/// bowman_vae.py's SentenceVAE as a TorchSharp user writes it: shared embedding, one-layer unidirectional encoder
/// over packed sequences, its final hidden state to mu and log-variance, reparameterised z, z to the decoder's
/// initial hidden state (LSTM: cell state zero), a decoder over the padded input with word dropout, and the output
/// projection at every position, pads included. Field names are the Python ones, so the state dicts match.
/// </summary>
public sealed class SentenceVae : Module<Tensor, Tensor, Tensor, (Tensor Logits, Tensor Mu, Tensor LogVar)>
{
    private readonly double _wordDropout;

    private readonly Embedding embed;
    private readonly Module encoder;
    private readonly Linear to_mu;
    private readonly Linear to_logvar;
    private readonly Linear z_to_hidden;
    private readonly Module decoder;
    private readonly Linear @out;

    public SentenceVae(long vocabulary, CellKind cell, long embedding, long hidden, long latent, double wordDropout)
        : base(nameof(SentenceVae))
    {
        _wordDropout = wordDropout;
        embed = Embedding(vocabulary, embedding, padding_idx: Corpus.Pad);
        encoder = Recurrent(cell, embedding, hidden);
        to_mu = Linear(hidden, latent);
        to_logvar = Linear(hidden, latent);
        z_to_hidden = Linear(latent, hidden);
        decoder = Recurrent(cell, embedding, hidden);
        @out = Linear(hidden, vocabulary);
        RegisterComponents();
    }

    /// <summary>Tokens [batch, seq] padded, their lengths [batch] on the CPU, decoder input [batch, seq + 1] (&lt;bos&gt; w1..wn).</summary>
    public override (Tensor Logits, Tensor Mu, Tensor LogVar) forward(Tensor tokens, Tensor lengths, Tensor decoderInput)
    {
        var packed = pack_padded_sequence(embed.call(tokens), lengths, batch_first: true, enforce_sorted: false);
        var h = encoder switch                                      // [1, batch, hidden], in the batch's order
        {
            LSTM lstm => lstm.call(packed).Item2,
            GRU gru => gru.call(packed).Item2,
            _ => throw new UnreachableException(),
        };
        var mu = to_mu.call(h[0]);                                  // [batch, latent]
        var logVar = to_logvar.call(h[0]);                          // [batch, latent]
        var z = mu + randn_like(mu) * exp(0.5 * logVar);            // [batch, latent]

        if (training && _wordDropout > 0)                           // never drop <bos> or <pad>
        {
            var drop = rand(decoderInput.shape, device: decoderInput.device).lt(_wordDropout)
                .logical_and(decoderInput.ne(Corpus.Bos)).logical_and(decoderInput.ne(Corpus.Pad));
            decoderInput = decoderInput.masked_fill(drop, Corpus.Unk);
        }
        var h0 = z_to_hidden.call(z).unsqueeze(0);                  // [1, batch, hidden]
        var embedded = embed.call(decoderInput);                    // [batch, seq + 1, embedding]
        var output = decoder switch                                 // [batch, seq + 1, hidden]
        {
            LSTM lstm => lstm.call(embedded, (h0, zeros_like(h0))).Item1,
            GRU gru => gru.call(embedded, h0).Item1,
            _ => throw new UnreachableException(),
        };
        return (@out.call(output), mu, logVar);                     // logits [batch, seq + 1, vocabulary]
    }

    private static Module Recurrent(CellKind cell, long input, long hidden) => cell switch
    {
        CellKind.Gru => GRU(input, hidden, batchFirst: true),
        CellKind.Lstm => LSTM(input, hidden, batchFirst: true),
        _ => throw new ArgumentOutOfRangeException(nameof(cell), cell, "not a recurrent cell"),
    };
}
