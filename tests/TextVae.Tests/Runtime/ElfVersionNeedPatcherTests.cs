using TextVae.Runtime;

namespace TextVae.Tests.Runtime;

public class ElfVersionNeedPatcherTests
{
    private static byte[] LibTorchSharpLike() => ElfFixture.Build(
        [
            new("libstdc++.so.6", [("GLIBCXX_3.4.30", 0, 2), ("GLIBCXX_3.4.32", 0, 3), ("CXXABI_1.3", 0, 4)]),
            new("libc.so.6", [("GLIBC_2.34", 0, 5)]),
        ],
        [("_ZNSt18condition_variable4waitERSt11unique_lockISt5mutexE", 2), (TorchRuntime.MarkerSymbol, 3), ("malloc", 5)]);

    [Fact]
    public void Sets_the_weak_flag_on_the_named_entry_only_and_leaves_every_other_byte_alone()
    {
        var original = LibTorchSharpLike();
        var patched = (byte[])original.Clone();

        var changed = ElfVersionNeedPatcher.MarkVersionNeedWeak(patched, "GLIBCXX_3.4.32");

        Assert.Equal(1, changed);
        var needs = ElfVersionNeedPatcher.ListVersionNeeds(patched);
        Assert.Equal(["GLIBCXX_3.4.32"], needs.Where(n => n.Weak).Select(n => n.Version));
        var differing = Enumerable.Range(0, original.Length).Where(i => original[i] != patched[i]).ToArray();
        var flagsOffset = needs.Single(n => n.Version == "GLIBCXX_3.4.32").FlagsOffset;
        Assert.Equal([flagsOffset], differing);
        Assert.Equal(2, patched[flagsOffset]);
    }

    [Fact]
    public void Patching_twice_changes_nothing_the_second_time()
    {
        var elf = LibTorchSharpLike();
        ElfVersionNeedPatcher.MarkVersionNeedWeak(elf, "GLIBCXX_3.4.32");
        var once = (byte[])elf.Clone();

        Assert.Equal(0, ElfVersionNeedPatcher.MarkVersionNeedWeak(elf, "GLIBCXX_3.4.32"));
        Assert.Equal(once, elf);
    }

    [Fact]
    public void Lists_the_symbols_bound_to_a_version()
    {
        Assert.Equal([TorchRuntime.MarkerSymbol], ElfVersionNeedPatcher.SymbolsRequiringVersion(LibTorchSharpLike(), "GLIBCXX_3.4.32"));
        Assert.Empty(ElfVersionNeedPatcher.SymbolsRequiringVersion(LibTorchSharpLike(), "GLIBCXX_9.9"));
    }

    [Theory]
    [InlineData(new byte[] { 1, 2, 3 })]
    [InlineData(new byte[] { 0x7f, (byte)'E', (byte)'L', (byte)'F', 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0 })]
    public void Rejects_files_that_are_not_64_bit_ELF(byte[] bytes)
    {
        var error = Assert.Throws<InvalidDataException>(() => ElfVersionNeedPatcher.MarkVersionNeedWeak(bytes, "GLIBCXX_3.4.32"));
        Assert.StartsWith("Malformed ELF file", error.Message);
    }

    [Fact]
    public void The_packaged_library_needs_the_missing_version_for_the_marker_symbol_only()
    {
        var library = TorchRuntime.NativeSearchDirectories()
            .Select(directory => Path.Combine(directory, "libLibTorchSharp.so"))
            .First(File.Exists);
        var bytes = File.ReadAllBytes(library);

        Assert.Equal([TorchRuntime.MarkerSymbol], ElfVersionNeedPatcher.SymbolsRequiringVersion(bytes, TorchRuntime.MissingVersion));
    }

    [Fact]
    public void The_packaged_library_lists_the_libtorch_symbols_it_needs_but_not_its_own_exports()
    {
        var library = TorchRuntime.NativeSearchDirectories()
            .Select(directory => Path.Combine(directory, "libLibTorchSharp.so"))
            .First(File.Exists);

        var undefined = ElfVersionNeedPatcher.UndefinedSymbols(File.ReadAllBytes(library));

        Assert.Contains(undefined, symbol => symbol.StartsWith("_ZN2at", StringComparison.Ordinal));
        Assert.Contains("malloc", undefined);
        Assert.DoesNotContain("THSTorch_manual_seed", undefined);
        Assert.Equal(undefined.Count, undefined.Distinct().Count());
    }

    [Fact]
    public void The_patched_copy_is_written_once_outside_the_original_folder_and_reused()
    {
        var library = TorchRuntime.NativeSearchDirectories()
            .Select(directory => Path.Combine(directory, "libLibTorchSharp.so"))
            .First(File.Exists);
        var cache = Directory.CreateTempSubdirectory("textvae-native-").FullName;
        try
        {
            var first = TorchRuntime.PreparePatchedCopy(library, cache);
            var written = File.GetLastWriteTimeUtc(first);
            var second = TorchRuntime.PreparePatchedCopy(library, cache);

            Assert.Equal(first, second);
            Assert.Equal(written, File.GetLastWriteTimeUtc(second));
            Assert.StartsWith(cache, first);
            var needs = ElfVersionNeedPatcher.ListVersionNeeds(File.ReadAllBytes(first));
            Assert.All(needs, need => Assert.Equal(need.Version == TorchRuntime.MissingVersion, need.Weak));
            Assert.DoesNotContain(ElfVersionNeedPatcher.ListVersionNeeds(File.ReadAllBytes(library)), n => n.Weak);
        }
        finally
        {
            Directory.Delete(cache, recursive: true);
        }
    }

    [Fact]
    public void A_damaged_cached_copy_is_replaced_and_concurrent_first_runs_all_get_the_right_bytes()
    {
        var library = TorchRuntime.NativeSearchDirectories()
            .Select(directory => Path.Combine(directory, "libLibTorchSharp.so"))
            .First(File.Exists);
        var cache = Directory.CreateTempSubdirectory("textvae-native-").FullName;
        try
        {
            var paths = Enumerable.Range(0, 6).AsParallel().WithDegreeOfParallelism(6).Select(_ => TorchRuntime.PreparePatchedCopy(library, cache)).ToArray();
            var good = File.ReadAllBytes(paths[0]);
            Assert.All(paths, path => Assert.Equal(good, File.ReadAllBytes(path)));
            Assert.Single(Directory.GetFiles(Path.GetDirectoryName(paths[0])!)); // no temporary copies left

            File.WriteAllBytes(paths[0], good[..(good.Length / 2)]); // a copy cut short by a killed node
            var repaired = TorchRuntime.PreparePatchedCopy(library, cache);
            Assert.Equal(good, File.ReadAllBytes(repaired));
        }
        finally
        {
            Directory.Delete(cache, recursive: true);
        }
    }
}
