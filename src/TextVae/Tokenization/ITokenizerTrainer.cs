namespace TextVae.Tokenization;

/// <summary>Learns a vocabulary from sentences streamed through <see cref="Add"/>, then builds the tokenizer.</summary>
public interface ITokenizerTrainer
{
    void Add(string sentence);

    ISentenceTokenizer Train();
}
