using System.Text;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace TextVae.Checkpoints;

/// <summary>
/// Walks TorchSharp's binary weight and optimizer layouts (TorchSharp 0.107: LEB128 counts, and per tensor its
/// dtype, rank, dimensions and raw bytes) and checks every tensor header against the tensor it will fill, before
/// TorchSharp reads the bytes. TorchSharp builds optimizer tensors it has no target for (Adam's AMSGrad buffer,
/// SGD's momentum) from whatever dtype and shape the bytes claim; a damaged header there reaches libtorch and
/// can take the process down, so such bytes must be refused here, as a one-line error.
/// </summary>
public static class TorchSharpStateLayout
{
    /// <summary>Throws <see cref="InvalidDataException"/> unless <paramref name="bytes"/> are weights saved from a module with <paramref name="expected"/>'s tensors.</summary>
    public static void CheckWeights(byte[] bytes, IReadOnlyDictionary<string, Tensor> expected)
    {
        var reader = Reader(bytes);
        var count = ReadCount(reader, "weight entries");
        if (count != expected.Count)
            throw new InvalidDataException($"{count} weight entries where the model has {expected.Count}");
        for (var i = 0; i < count; i++)
        {
            var name = reader.ReadString();
            if (!expected.TryGetValue(name, out var tensor))
                throw new InvalidDataException($"the model has no tensor named '{name}'");
            SkipTensor(reader, tensor, name);
        }
        ExpectEnd(reader);
    }

    /// <summary>
    /// Throws <see cref="InvalidDataException"/> unless <paramref name="bytes"/> are the state of an optimizer of
    /// <paramref name="optimizer"/>'s kind over <paramref name="optimizer"/>'s parameters. Adam and SGD are the
    /// optimizers training builds; any other kind is refused rather than loaded unchecked.
    /// </summary>
    public static void CheckOptimizer(byte[] bytes, OptimizerHelper optimizer)
    {
        var kind = optimizer.GetType().Name;
        var (optionDoubles, optionFlags, stateCheck) = kind switch
        {
            nameof(optim.Adam) => (6, 2, (Action<BinaryReader, Tensor, string>)SkipAdamState),
            nameof(optim.SGD) => (5, 2, SkipSgdState),
            _ => throw new InvalidDataException($"checking the state of a {kind} optimizer is not supported"),
        };
        var parameters = optimizer.parameters().ToList();
        var reader = Reader(bytes);
        var saved = reader.ReadString();
        if (saved != kind)
            throw new InvalidDataException($"the state is of a {saved} optimizer, not {kind}");
        var groups = ReadCount(reader, "parameter groups");
        var states = ReadCount(reader, "parameter states");
        if (states != parameters.Count)
            throw new InvalidDataException($"{states} parameter states where the model has {parameters.Count} parameters");
        for (var group = 0; group < groups; group++)
        {
            for (var i = 0; i < optionDoubles; i++)
                reader.ReadDouble();
            for (var i = 0; i < optionFlags; i++)
                ReadFlag(reader);
        }
        for (var i = 0; i < parameters.Count; i++)
            stateCheck(reader, parameters[i], $"parameter {i}");
        ExpectEnd(reader);
    }

    private static void SkipAdamState(BinaryReader reader, Tensor parameter, string name)
    {
        reader.ReadInt64(); // step
        SkipTensor(reader, parameter, $"{name} first moment");
        SkipTensor(reader, parameter, $"{name} second moment");
        if (ReadFlag(reader))
            SkipTensor(reader, parameter, $"{name} AMSGrad maximum");
    }

    private static void SkipSgdState(BinaryReader reader, Tensor parameter, string name)
    {
        if (ReadFlag(reader))
            SkipTensor(reader, parameter, $"{name} momentum");
    }

    private static void SkipTensor(BinaryReader reader, Tensor expected, string name)
    {
        var dtype = ReadCount(reader, $"{name} dtype");
        if (dtype != (long)expected.dtype)
            throw new InvalidDataException($"tensor {name} has dtype code {dtype}, expected {expected.dtype}");
        var rank = ReadCount(reader, $"{name} rank");
        if (rank != expected.dim())
            throw new InvalidDataException($"tensor {name} has rank {rank}, expected {expected.dim()}");
        for (var d = 0; d < rank; d++)
        {
            var size = ReadCount(reader, $"{name} dimension");
            if (size != expected.shape[d])
                throw new InvalidDataException($"tensor {name} has shape [{string.Join(", ", expected.shape)}] in the model but not in the file");
        }
        var length = expected.numel() * expected.element_size();
        if (length > reader.BaseStream.Length - reader.BaseStream.Position)
            throw new EndOfStreamException();
        reader.BaseStream.Seek(length, SeekOrigin.Current);
    }

    /// <summary>An unsigned LEB128 number as TorchSharp writes counts and sizes; more than 9 bytes cannot be one it wrote.</summary>
    private static long ReadCount(BinaryReader reader, string what)
    {
        long value = 0;
        for (var shift = 0; shift < 63; shift += 7)
        {
            var b = reader.ReadByte();
            value |= (long)(b & 0x7F) << shift;
            if ((b & 0x80) == 0)
                return value;
        }
        throw new InvalidDataException($"the {what} is not a valid count");
    }

    private static bool ReadFlag(BinaryReader reader) => reader.ReadByte() switch
    {
        0 => false,
        1 => true,
        var other => throw new InvalidDataException($"a flag byte is {other}, not 0 or 1"),
    };

    private static BinaryReader Reader(byte[] bytes) => new(new MemoryStream(bytes, writable: false), Encoding.UTF8);

    private static void ExpectEnd(BinaryReader reader)
    {
        if (reader.BaseStream.Position != reader.BaseStream.Length)
            throw new InvalidDataException("unexpected bytes after the last tensor");
    }
}
