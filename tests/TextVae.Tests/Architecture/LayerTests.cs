using NetArchTest.Rules;

namespace TextVae.Tests.Architecture;

/// <summary>
/// Folders are layers that point one way (the code map in docs/architecture.md): a type never uses a layer above its own or a peer
/// beside it, the library never uses a front end, and only plotting draws.
/// </summary>
public class LayerTests
{
    private static readonly LayerOrder Order = LayerOrder.FromDocument();

    public static TheoryData<string> Layers() => new(Order.Layers);

    [Fact]
    public void Every_namespace_of_the_code_has_a_place_in_the_layer_order()
    {
        var unplaced = LayerOrder.Assemblies.SelectMany(assembly => assembly.GetTypes())
            .Select(type => LayerOrder.LayerOf(type.Namespace))
            .OfType<string>()
            .Where(layer => !Order.Layers.Contains(layer))
            .Distinct()
            .ToArray();

        Assert.True(unplaced.Length == 0, $"not in the code map of {LayerOrder.Document}: {string.Join(", ", unplaced)}");
    }

    [Theory]
    [MemberData(nameof(Layers))]
    public void A_layer_uses_no_layer_above_or_beside_it(string layer)
    {
        var forbidden = Order.Forbidden(layer).Select(LayerOrder.Namespace).ToArray();
        if (forbidden.Length == 0)
            return;

        AssertNone(Types.InAssemblies(LayerOrder.Assemblies).That().ResideInNamespaceMatching(NamespacePattern(layer))
            .ShouldNot().HaveDependencyOnAny(forbidden).GetResult(), $"{layer} uses one of {string.Join(", ", forbidden)}");
    }

    [Fact]
    public void The_library_never_uses_the_command_line_or_the_terminal_ui()
    {
        var library = typeof(TextVaeException).Assembly;
        Assert.DoesNotContain(library.GetReferencedAssemblies(), name => name.Name is "textvae" or "TextVae.Tui");
        AssertNone(Types.InAssembly(library).ShouldNot().HaveDependencyOnAny(LayerOrder.Namespace("Cli"), LayerOrder.Namespace("Tui")).GetResult(),
            "the library uses a front end");
    }

    [Fact]
    public void Model_never_uses_training()
    {
        AssertNone(Types.InAssembly(typeof(TextVaeException).Assembly).That().ResideInNamespaceMatching(NamespacePattern("Model"))
            .ShouldNot().HaveDependencyOnAny(LayerOrder.Namespace("Training")).GetResult(), "Model uses Training");
    }

    [Fact]
    public void Only_plotting_draws_and_the_library_writes_nothing_to_the_console()
    {
        var library = typeof(TextVaeException).Assembly;
        AssertNone(Types.InAssembly(library).That().DoNotResideInNamespaceMatching(NamespacePattern("Plotting"))
            .ShouldNot().HaveDependencyOnAny("ScottPlot").GetResult(), "a type outside Plotting uses ScottPlot");
        AssertNone(Types.InAssembly(library).ShouldNot().HaveDependencyOnAny("System.Console").GetResult(),
            "a library type uses the console");
    }

    private static string NamespacePattern(string layer) =>
        layer == LayerOrder.Root ? $"^{LayerOrder.Root}$" : $@"^{LayerOrder.Root}\.{layer}(\..+)?$";

    private static void AssertNone(TestResult result, string rule) =>
        Assert.True(result.IsSuccessful, $"{rule}: {string.Join(", ", result.FailingTypes?.Select(type => type.FullName) ?? [])}");
}
