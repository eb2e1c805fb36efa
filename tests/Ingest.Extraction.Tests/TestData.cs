namespace PlanIngest.Extraction.Tests;

/// <summary>The repository's testdata folder, found by walking up from the test assembly.</summary>
internal static class TestData
{
    public static string Root { get; } = Find();

    public static string Path(params string[] parts) => System.IO.Path.Combine([Root, .. parts]);

    public static string Seed(string prefix) =>
        File.ReadAllText(Directory.GetFiles(Path("seeds"), prefix + "_*.txt").Single());

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = System.IO.Path.Combine(dir.FullName, "testdata");
            if (Directory.Exists(System.IO.Path.Combine(candidate, "seeds")))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException("testdata/ not found above the test assembly");
    }
}
