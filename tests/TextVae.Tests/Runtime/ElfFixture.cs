using System.Buffers.Binary;
using System.Text;

namespace TextVae.Tests.Runtime;

/// <summary>
/// Writes a minimal ELF64 file with just the sections the version patcher reads: a string table,
/// dynamic symbols, their version indices and the version requirements.
/// </summary>
internal static class ElfFixture
{
    public sealed record Need(string File, (string Version, ushort Flags, ushort Index)[] Versions);

    public static byte[] Build(Need[] needs, (string Name, ushort VersionIndex)[] symbols)
    {
        var strings = new MemoryStream();
        strings.WriteByte(0);
        int AddString(string s)
        {
            var offset = (int)strings.Length;
            strings.Write(Encoding.ASCII.GetBytes(s));
            strings.WriteByte(0);
            return offset;
        }

        var versionNeeds = new MemoryStream();
        for (var n = 0; n < needs.Length; n++)
        {
            var need = needs[n];
            var isLast = n == needs.Length - 1;
            var entrySize = 16 + 16 * need.Versions.Length;
            WriteUInt16(versionNeeds, 1);
            WriteUInt16(versionNeeds, (ushort)need.Versions.Length);
            WriteUInt32(versionNeeds, (uint)AddString(need.File));
            WriteUInt32(versionNeeds, 16);
            WriteUInt32(versionNeeds, isLast ? 0u : (uint)entrySize);
            for (var v = 0; v < need.Versions.Length; v++)
            {
                var (version, flags, index) = need.Versions[v];
                WriteUInt32(versionNeeds, 0x0badf00d);
                WriteUInt16(versionNeeds, flags);
                WriteUInt16(versionNeeds, index);
                WriteUInt32(versionNeeds, (uint)AddString(version));
                WriteUInt32(versionNeeds, v == need.Versions.Length - 1 ? 0u : 16u);
            }
        }

        var dynamicSymbols = new MemoryStream();
        var versionSymbols = new MemoryStream();
        dynamicSymbols.Write(new byte[24]);
        WriteUInt16(versionSymbols, 0);
        foreach (var (name, versionIndex) in symbols)
        {
            WriteUInt32(dynamicSymbols, (uint)AddString(name));
            dynamicSymbols.Write(new byte[20]);
            WriteUInt16(versionSymbols, versionIndex);
        }

        byte[][] bodies = [strings.ToArray(), dynamicSymbols.ToArray(), versionSymbols.ToArray(), versionNeeds.ToArray()];
        (uint Type, uint Link)[] kinds = [(3, 0), (11, 1), (0x6fffffff, 2), (0x6ffffffe, 1)];

        var file = new MemoryStream();
        file.Write(new byte[64]);
        var offsets = new long[bodies.Length];
        for (var i = 0; i < bodies.Length; i++)
        {
            offsets[i] = file.Length;
            file.Write(bodies[i]);
            while (file.Length % 8 != 0)
                file.WriteByte(0);
        }
        var sectionTable = file.Length;
        file.Write(new byte[64]);
        for (var i = 0; i < bodies.Length; i++)
        {
            var header = new byte[64];
            BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(4), kinds[i].Type);
            BinaryPrimitives.WriteUInt64LittleEndian(header.AsSpan(0x18), (ulong)offsets[i]);
            BinaryPrimitives.WriteUInt64LittleEndian(header.AsSpan(0x20), (ulong)bodies[i].Length);
            BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(0x28), kinds[i].Link);
            file.Write(header);
        }

        var elf = file.ToArray();
        new byte[] { 0x7f, (byte)'E', (byte)'L', (byte)'F' }.CopyTo(elf, 0);
        elf[4] = 2;
        elf[5] = 1;
        elf[6] = 1;
        BinaryPrimitives.WriteUInt16LittleEndian(elf.AsSpan(0x10), 3);
        BinaryPrimitives.WriteUInt16LittleEndian(elf.AsSpan(0x12), 62);
        BinaryPrimitives.WriteUInt64LittleEndian(elf.AsSpan(0x28), (ulong)sectionTable);
        BinaryPrimitives.WriteUInt16LittleEndian(elf.AsSpan(0x34), 64);
        BinaryPrimitives.WriteUInt16LittleEndian(elf.AsSpan(0x3a), 64);
        BinaryPrimitives.WriteUInt16LittleEndian(elf.AsSpan(0x3c), (ushort)(bodies.Length + 1));
        return elf;
    }

    private static void WriteUInt16(Stream stream, ushort value)
    {
        Span<byte> buffer = stackalloc byte[2];
        BinaryPrimitives.WriteUInt16LittleEndian(buffer, value);
        stream.Write(buffer);
    }

    private static void WriteUInt32(Stream stream, uint value)
    {
        Span<byte> buffer = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(buffer, value);
        stream.Write(buffer);
    }
}
