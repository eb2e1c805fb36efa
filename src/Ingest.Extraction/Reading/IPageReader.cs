using PlanIngest.Extraction.Model;

namespace PlanIngest.Extraction.Reading;

/// <summary>Turns one kind of file into page texts.</summary>
internal interface IPageReader
{
    Task<IReadOnlyList<PageText>> ReadAsync(SourceFile file, CancellationToken cancellationToken);
}
