namespace PlanIngest.Worker.Cli;

/// <summary>The files named on a command line: files as given, folders walked recursively in name order.</summary>
internal static class InputFiles
{
    // Symbolic links to folders are not followed: a link loop or a link out to / would walk forever.
    private static readonly EnumerationOptions Walk = new()
    {
        RecurseSubdirectories = true,
        AttributesToSkip = FileAttributes.ReparsePoint | FileAttributes.Hidden,
        IgnoreInaccessible = true,
    };

    /// <summary>Files under <paramref name="paths"/>, leaving out everything inside <paramref name="skip"/> (the data folder itself).</summary>
    public static IReadOnlyList<string> Expand(IEnumerable<string> paths, string? skip = null)
    {
        var skipped = skip is null ? null : Path.GetFullPath(skip).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        var files = new List<string>();
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                files.AddRange(Directory.EnumerateFiles(path, "*", Walk)
                    .Where(f => skipped is null || !Path.GetFullPath(f).StartsWith(skipped, StringComparison.Ordinal))
                    .Order(StringComparer.Ordinal));
            }
            else
            {
                // A missing file is kept: the pipeline names it in its one-line error.
                files.Add(path);
            }
        }

        return files;
    }
}
