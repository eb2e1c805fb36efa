using System.Text.Json.Serialization;

namespace PlanIngest.Extraction.Model;

/// <summary>Which image of a scanned page the OCR text comes from: the better-reading one is kept.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<PageImage>))]
public enum PageImage
{
    /// <summary>The page as scanned (it needed no cleaning, or read better than the cleaned one).</summary>
    [JsonStringEnumMemberName("raw")] Raw,

    /// <summary>The page after cleaning (colour ink dropped, scaled, binarised, specks and blobs removed).</summary>
    [JsonStringEnumMemberName("cleaned")] Cleaned,
}
