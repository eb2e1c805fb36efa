namespace PlanIngest.Extraction.Reading.Ocr;

/// <summary>One word as Tesseract read it, with its confidence (0-100) and each symbol's alternatives.</summary>
internal sealed record RecognizedWord(string Text, float Confidence, IReadOnlyList<RecognizedSymbol> Symbols);

/// <summary>One symbol (a letter with its marks) and the readings Tesseract weighed for it, best first.</summary>
/// <param name="Text">The symbol as read.</param>
/// <param name="Choices">Alternatives with their scores (0-100), the chosen one included.</param>
internal sealed record RecognizedSymbol(string Text, IReadOnlyList<SymbolChoice> Choices);

internal readonly record struct SymbolChoice(string Text, float Score);
