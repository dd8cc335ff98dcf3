namespace TextVae.Interop;

/// <summary>What <see cref="ModelExport.Write"/> wrote: the folder, its files, and the tensors in <c>model.safetensors</c>.</summary>
/// <param name="Tensors">Parameters and buffers written, by name.</param>
/// <param name="Parameters">Number of trainable values among them.</param>
/// <param name="CheckpointSha256">Hex SHA-256 of the checkpoint file, as stored in <c>config.json</c>.</param>
public sealed record ExportedModel(string Directory, IReadOnlyList<string> Files, int Tensors, long Parameters, string CheckpointSha256);
