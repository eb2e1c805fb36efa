namespace PlanIngest.Tests;

/// <summary>Finds files of the repository from a test's output folder, wherever the clone lives.</summary>
internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string TestData(params string[] parts) => Path.Combine([Root, "testdata", .. parts]);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "PlanIngest.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("PlanIngest.sln not found above " + AppContext.BaseDirectory);
    }
}
