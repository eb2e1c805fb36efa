using Microsoft.Data.Sqlite;
using PlanIngest.Worker.Catalog;

namespace PlanIngest.Worker.Tests.Catalog;

[Collection(FixtureRecordsCollection.Name)]
public sealed class CitationResolverTests(FixtureRecords fixtures) : IDisposable
{
    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("planingest-cites-");

    [Fact]
    public async Task Cited_by_follows_the_number_and_where_numbers_collide_the_date()
    {
        // s03 (xã Tân Lập, 2021-01-15) and s07 (xã Minh Đài, 2022-01-20) are both 01/KH-UBND;
        // s08 cites "Kế hoạch số 01/KH-UBND ngày 20/01/2022 của UBND xã Minh Đài".
        using var catalog = SqliteCatalog.Open(Path.Combine(folder.FullName, "catalog.db"));
        await catalog.CommitAsync([.. fixtures.Records.Values]);
        var resolver = new CitationResolver(catalog);

        Assert.Equal([Id("s08")], (await resolver.CitedByAsync(await Get(catalog, "s07"))).Select(d => d.Id));
        Assert.Empty(await resolver.CitedByAsync(await Get(catalog, "s03")));
        Assert.Equal([Id("s02"), Id("s07")], (await resolver.CitedByAsync(await Get(catalog, "s01"))).Select(d => d.Id).Order());
    }

    [Fact]
    public async Task Each_citation_names_the_catalogued_document_it_cites()
    {
        using var catalog = SqliteCatalog.Open(Path.Combine(folder.FullName, "catalog.db"));
        await catalog.CommitAsync([.. fixtures.Records.Values]);
        var resolver = new CitationResolver(catalog);

        var s08 = await Get(catalog, "s08");
        var s02 = await Get(catalog, "s02");

        Assert.Equal([Id("s07")], await resolver.CitesAsync(s08));
        var cites = await resolver.CitesAsync(s02);
        Assert.Equal(s02.Record.Fields.Citations.Count, cites.Count);
        Assert.Equal(Id("s01"), cites[s02.Record.Fields.Citations.ToList().FindIndex(c => c.Number == "112/KH-UBND")]);
        Assert.Null(cites[s02.Record.Fields.Citations.ToList().FindIndex(c => c.Number == "13/CT-UBND")]);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        folder.Delete(recursive: true);
    }

    private string Id(string stem) => fixtures.Records[stem].Source.Sha256;

    private async Task<CatalogDocument> Get(IDocumentCatalog catalog, string stem) => (await catalog.GetAsync(Id(stem)))!;
}
