using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace TextVae.Tests.Interop;

/// <summary>The Python package and the .NET build release together: the package's version starts with the build's version floor.</summary>
public class PythonPackageVersionTests
{
    [Fact]
    public void The_python_package_version_starts_with_the_dotnet_version_floor()
    {
        var floor = XDocument.Load(RepositoryFiles.Get("Directory.Build.props")).Descendants("MinVerMinimumMajorMinor").Single().Value;
        var pyproject = File.ReadAllText(RepositoryFiles.Get("src/python/pyproject.toml"));
        var version = Regex.Match(pyproject, @"(?m)^version\s*=\s*""([^""]+)""").Groups[1].Value;

        Assert.Matches(@"^\d+\.\d+$", floor);
        Assert.StartsWith(floor + ".", version);
    }
}
