using System.CommandLine;
using System.Text.Json;
using TextVae.Interop;
using TextVae.Checkpoints;
using static System.FormattableString;

namespace TextVae.Cli.Commands;

/// <summary><c>textvae export --checkpoint PATH --out DIR</c>: the model as safetensors, config.json and tokenizer files for PyTorch.</summary>
public static class ExportCommand
{
    public static Command Create()
    {
        var checkpoint = new Option<string?>("--checkpoint")
        {
            Description = $"Checkpoint file (default: the newest best.tvae, else last.tvae, under {CheckpointLocator.RunsDirectory}/).",
        };
        var output = new Option<string>("--out") { Description = "Folder for model.safetensors, config.json and the tokenizer files (new, empty, or an earlier export).", Required = true };
        var json = new Option<bool>("--json") { Description = "Print one JSON document (folder, files, tensors, checkpoint hash) instead of text." };
        var command = new Command("export",
            "Export a model for PyTorch and other tools: model.safetensors, config.json, the tokenizer's vocab.json + merges.txt (BPE) or vocab.txt (words) and Hugging Face's tokenizer.json. " +
            "src/python/textvae_torch loads the folder.")
        {
            checkpoint, output, json,
        };
        command.SetAction(parse =>
        {
            var path = CheckpointLocator.Resolve(parse.GetValue(checkpoint));
            var exported = ModelExport.Write(path, parse.GetValue(output)!);
            var writer = parse.InvocationConfiguration.Output;
            if (parse.GetValue(json))
            {
                writer.WriteLine(JsonSerializer.Serialize(new
                {
                    command = "export",
                    checkpoint = path,
                    checkpoint_sha256 = exported.CheckpointSha256,
                    directory = exported.Directory,
                    files = exported.Files,
                    tensors = exported.Tensors,
                    parameters = exported.Parameters,
                    textvae_version = TextVaeVersion.Current,
                }, new JsonSerializerOptions { WriteIndented = true }));
                return 0;
            }
            writer.WriteLine(Invariant($"exported {path} ({exported.Parameters:N0} parameters in {exported.Tensors} tensors) to {exported.Directory}:"));
            foreach (var file in exported.Files)
                writer.WriteLine($"  {file}");
            return 0;
        });
        return command;
    }
}
