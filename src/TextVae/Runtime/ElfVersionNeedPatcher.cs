using System.Buffers.Binary;
using System.Text;

namespace TextVae.Runtime;

/// <summary>
/// Reads and edits the symbol-version requirements (<c>.gnu.version_r</c>) of an ELF64 little-endian
/// shared object, and lists the symbols it expects other objects to define. Marking a requirement weak (VER_FLG_WEAK) makes the dynamic loader accept the object
/// on a host whose library lacks that version, which is safe only when no symbol of it is called.
/// </summary>
public static class ElfVersionNeedPatcher
{
    private const ushort VerFlagWeak = 0x2;
    private const uint SectionTypeDynamicSymbols = 11;
    private const uint SectionTypeVersionNeed = 0x6ffffffe;
    private const uint SectionTypeVersionSymbols = 0x6fffffff;

    /// <summary>One <c>Vernaux</c> entry: a version needed from a file.</summary>
    public sealed record VersionNeed(string File, string Version, bool Weak, ushort Index, int FlagsOffset);

    /// <summary>Sets the weak flag on every requirement named <paramref name="version"/>; returns how many entries changed.</summary>
    public static int MarkVersionNeedWeak(byte[] elf, string version)
    {
        var changed = 0;
        foreach (var need in ListVersionNeeds(elf).Where(need => need.Version == version && !need.Weak))
        {
            var flags = BinaryPrimitives.ReadUInt16LittleEndian(elf.AsSpan(need.FlagsOffset));
            BinaryPrimitives.WriteUInt16LittleEndian(elf.AsSpan(need.FlagsOffset), (ushort)(flags | VerFlagWeak));
            changed++;
        }
        return changed;
    }

    public static IReadOnlyList<VersionNeed> ListVersionNeeds(byte[] elf)
    {
        var sections = ReadSections(elf);
        var section = sections.FirstOrDefault(s => s.Type == SectionTypeVersionNeed)
            ?? throw new InvalidDataException("Malformed ELF file: no .gnu.version_r section");
        var strings = StringTableOf(sections, section);
        var end = section.Offset + section.Size;
        var result = new List<VersionNeed>();
        var needOffset = section.Offset;
        while (true)
        {
            Require(needOffset + 16 <= end, "Verneed entry outside .gnu.version_r");
            var file = ReadString(elf, strings.Offset + ReadUInt32(elf, needOffset + 4));
            var auxCount = ReadUInt16(elf, needOffset + 2);
            var auxOffset = needOffset + ReadUInt32(elf, needOffset + 8);
            for (var i = 0; i < auxCount; i++)
            {
                Require(auxOffset + 16 <= end, "Vernaux entry outside .gnu.version_r");
                var flags = ReadUInt16(elf, auxOffset + 4);
                var index = ReadUInt16(elf, auxOffset + 6);
                var name = ReadString(elf, strings.Offset + ReadUInt32(elf, auxOffset + 8));
                result.Add(new VersionNeed(file, name, (flags & VerFlagWeak) != 0, index, (int)auxOffset + 4));
                auxOffset += ReadUInt32(elf, auxOffset + 12);
            }
            var next = ReadUInt32(elf, needOffset + 12);
            if (next == 0)
                return result;
            needOffset += next;
        }
    }

    /// <summary>Names of the dynamic symbols bound to <paramref name="version"/> (through <c>.gnu.version</c>).</summary>
    public static IReadOnlyList<string> SymbolsRequiringVersion(byte[] elf, string version)
    {
        var indices = ListVersionNeeds(elf).Where(need => need.Version == version).Select(need => need.Index).ToHashSet();
        var sections = ReadSections(elf);
        var symbols = sections.FirstOrDefault(s => s.Type == SectionTypeDynamicSymbols);
        var versions = sections.FirstOrDefault(s => s.Type == SectionTypeVersionSymbols);
        if (symbols is null || versions is null || indices.Count == 0)
            return [];
        var strings = StringTableOf(sections, symbols);
        var count = symbols.Size / 24;
        Require(versions.Offset + count * 2 <= elf.Length, ".gnu.version outside the file");
        var names = new List<string>();
        for (var i = 0L; i < count; i++)
        {
            // The top bit of a versym entry marks a hidden symbol, not a different version.
            var index = (ushort)(ReadUInt16(elf, versions.Offset + i * 2) & 0x7fff);
            if (indices.Contains(index))
                names.Add(ReadString(elf, strings.Offset + ReadUInt32(elf, symbols.Offset + i * 24)));
        }
        return names;
    }

    /// <summary>Names of the dynamic symbols that the object needs defined elsewhere (undefined and not weak).</summary>
    public static IReadOnlyList<string> UndefinedSymbols(byte[] elf)
    {
        const byte bindingWeak = 2;
        var sections = ReadSections(elf);
        var symbols = sections.FirstOrDefault(s => s.Type == SectionTypeDynamicSymbols);
        if (symbols is null)
            return [];
        var strings = StringTableOf(sections, symbols);
        var names = new List<string>();
        for (var entry = symbols.Offset; entry + 24 <= symbols.Offset + symbols.Size; entry += 24)
        {
            var undefined = ReadUInt16(elf, entry + 6) == 0;
            var weak = elf[entry + 4] >> 4 == bindingWeak;
            var name = ReadString(elf, strings.Offset + ReadUInt32(elf, entry));
            if (undefined && !weak && name.Length > 0)
                names.Add(name);
        }
        return names;
    }

    private sealed record Section(uint Type, long Offset, long Size, uint Link);

    private static List<Section> ReadSections(byte[] elf)
    {
        Require(elf.Length >= 64 && elf[0] == 0x7f && elf[1] == (byte)'E' && elf[2] == (byte)'L' && elf[3] == (byte)'F', "not an ELF file");
        Require(elf[4] == 2 && elf[5] == 1, "only 64-bit little-endian ELF is supported");
        var tableOffset = ReadUInt64(elf, 0x28);
        var entrySize = ReadUInt16(elf, 0x3a);
        var count = ReadUInt16(elf, 0x3c);
        Require(entrySize >= 64 && tableOffset >= 0 && tableOffset + (long)count * entrySize <= elf.Length, "section header table outside the file");
        var sections = new List<Section>(count);
        for (var i = 0; i < count; i++)
        {
            var header = tableOffset + (long)i * entrySize;
            var section = new Section(ReadUInt32(elf, header + 4), ReadUInt64(elf, header + 0x18), ReadUInt64(elf, header + 0x20), ReadUInt32(elf, header + 0x28));
            Require(section.Type == 8 || (section.Offset >= 0 && section.Size >= 0 && section.Offset + section.Size <= elf.Length), $"section {i} outside the file");
            sections.Add(section);
        }
        return sections;
    }

    private static Section StringTableOf(List<Section> sections, Section section)
    {
        Require(section.Link < sections.Count, "a section links to a missing string table");
        return sections[(int)section.Link];
    }

    private static ushort ReadUInt16(byte[] elf, long offset) => BinaryPrimitives.ReadUInt16LittleEndian(elf.AsSpan(checked((int)offset)));

    private static uint ReadUInt32(byte[] elf, long offset) => BinaryPrimitives.ReadUInt32LittleEndian(elf.AsSpan(checked((int)offset)));

    private static long ReadUInt64(byte[] elf, long offset) => (long)BinaryPrimitives.ReadUInt64LittleEndian(elf.AsSpan(checked((int)offset)));

    private static string ReadString(byte[] elf, long offset)
    {
        Require(offset >= 0 && offset < elf.Length, "string outside the file");
        var tail = elf.AsSpan((int)offset);
        var end = tail.IndexOf((byte)0);
        Require(end >= 0, "unterminated string");
        return Encoding.ASCII.GetString(tail[..end]);
    }

    private static void Require(bool condition, string problem)
    {
        if (!condition)
            throw new InvalidDataException($"Malformed ELF file: {problem}");
    }
}
