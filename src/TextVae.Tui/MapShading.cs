namespace TextVae.Tui;

/// <summary>What the colour of a map cell says about the sentences in it.</summary>
public enum MapShading
{
    /// <summary>How many sentences fall in the cell (log scale).</summary>
    Density,

    /// <summary>Their mean length in tokens.</summary>
    Length,

    /// <summary>Their mean −log p(x|μ) per token: how hard they are to rebuild from their own codes.</summary>
    NllPerToken,
}
