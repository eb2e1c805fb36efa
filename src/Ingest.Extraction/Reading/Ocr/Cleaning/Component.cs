namespace PlanIngest.Extraction.Reading.Ocr.Cleaning;

/// <summary>One connected component of a binary page: its index in Leptonica's PIXA and its bounding box.</summary>
internal readonly record struct Component(int Index, int X, int Y, int Width, int Height)
{
    public int Right => X + Width;

    public int Bottom => Y + Height;
}
