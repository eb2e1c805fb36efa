namespace PlanIngest.Worker.Tests.Worker;

/// <summary>A fresh folder under the system temp folder, removed afterwards.</summary>
internal sealed class TempFolder : IDisposable
{
    public TempFolder(string prefix = "planingest-worker-")
    {
        Path = Directory.CreateTempSubdirectory(prefix).FullName;
    }

    public string Path { get; }

    public string Sub(string name)
    {
        var sub = System.IO.Path.Combine(Path, name);
        Directory.CreateDirectory(sub);
        return sub;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A mount or a busy file left behind; the temp folder is cleaned by the system.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
