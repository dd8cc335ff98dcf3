namespace PlainTorchSharp;

/// <summary>The recurrent cell of encoder and decoder, as bowman_vae.py's <c>--cell gru|lstm</c>.</summary>
public enum CellKind
{
    Gru,
    Lstm,
}
