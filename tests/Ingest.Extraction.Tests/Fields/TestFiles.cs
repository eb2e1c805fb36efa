namespace PlanIngest.Extraction.Tests.Fields;

/// <summary>Locates testdata/ from the test binaries, and the gold sets built on it.</summary>
internal static class TestFiles
{
    public static string Root => PlanIngest.Tests.RepoPaths.Root;

    public static string Gold => Path.Combine(Root, "testdata", "gold");

    public static string Seed(string prefix) => Directory.GetFiles(Path.Combine(Root, "testdata", "seeds"), prefix + "_*.txt").Single();

    /// <summary>Clean text: the hand-made plans and the two clean seeds (003, 004).</summary>
    public static string[] CleanSet => [Path.Combine(Root, "testdata", "plans", "clean"), Seed("003"), Seed("004")];

    /// <summary>Accent-stripped text: the stripped plans and the three garbled OCR seeds (000–002).</summary>
    public static string[] StrippedSet => [Path.Combine(Root, "testdata", "plans", "stripped"), Seed("000"), Seed("001"), Seed("002")];

    public static string[] ScanSet => [Path.Combine(Root, "testdata", "plans", "scans")];

    public static string ReadSeed(string prefix) => File.ReadAllText(Seed(prefix));
}
