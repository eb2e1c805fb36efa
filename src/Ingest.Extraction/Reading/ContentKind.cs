namespace PlanIngest.Extraction.Reading;

/// <summary>What a file's bytes are, whatever its name says.</summary>
public enum ContentKind
{
    Unknown,
    Pdf,
    Png,
    Jpeg,
    Tiff,
    Docx,
    Text,
}
