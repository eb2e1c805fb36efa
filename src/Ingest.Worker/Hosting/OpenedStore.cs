using PlanIngest.Worker.Catalog;

namespace PlanIngest.Worker.Hosting;

/// <summary>
/// The data folder's catalog, index and feed, opened once the folder is locked and known to be
/// writable (opening catches the index up with the catalog, which rebuilds a missing index), and
/// handed to the services from then on.
/// </summary>
public sealed class OpenedStore : IDisposable
{
    private DataStore? store;

    public DataStore Store => store ?? throw new InvalidOperationException("the data store is not open yet");

    public void Set(DataStore opened) => store = opened;

    public void Dispose() => store?.Dispose();
}
