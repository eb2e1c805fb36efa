using PlanIngest.Tests;

namespace PlanIngest.Extraction.Tests;

/// <summary>Shorthands for the repository's testdata folder.</summary>
internal static class TestData
{
    public static string Root => RepoPaths.TestData();

    public static string Path(params string[] parts) => RepoPaths.TestData(parts);

    public static string Seed(string prefix) =>
        File.ReadAllText(Directory.GetFiles(Path("seeds"), prefix + "_*.txt").Single());
}
