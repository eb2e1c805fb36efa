using System.Runtime.InteropServices;
using PlanIngest.Extraction.Reading.Ocr.Native;

namespace PlanIngest.Extraction.Reading.Ocr;

/// <summary>Walks Tesseract's result iterator symbol by symbol and gathers the words of the page.</summary>
internal static class RecognizedWords
{
    // Alternatives scored this low were never in contention; keeping them only costs memory.
    private const float MinChoiceScore = 1f;

    public static IReadOnlyList<RecognizedWord> Read(TessBaseApiHandle api)
    {
        var words = new List<RecognizedWord>();
        using var iterator = ResultIteratorHandle.Create(api);
        if (iterator.IsInvalid)
        {
            return words;
        }

        var page = TesseractApi.TessResultIteratorGetPageIterator(iterator);
        List<RecognizedSymbol>? symbols = null;
        string? wordText = null;
        var wordConfidence = 0f;
        do
        {
            if (TesseractApi.TessPageIteratorIsAtBeginningOf(page, TesseractApi.LevelWord) != 0)
            {
                Flush();
                wordText = Take(TesseractApi.TessResultIteratorGetUTF8Text(iterator, TesseractApi.LevelWord));
                wordConfidence = TesseractApi.TessResultIteratorConfidence(iterator, TesseractApi.LevelWord);
                symbols = [];
            }

            var symbol = Take(TesseractApi.TessResultIteratorGetUTF8Text(iterator, TesseractApi.LevelSymbol));
            if (symbol is not null && symbols is not null)
            {
                symbols.Add(new RecognizedSymbol(symbol, Choices(iterator)));
            }
        }
        while (TesseractApi.TessResultIteratorNext(iterator, TesseractApi.LevelSymbol) != 0);

        Flush();
        return words;

        void Flush()
        {
            if (wordText is not null && symbols is not null)
            {
                words.Add(new RecognizedWord(wordText, wordConfidence, symbols));
            }

            wordText = null;
        }
    }

    private static List<SymbolChoice> Choices(ResultIteratorHandle iterator)
    {
        var choices = new List<SymbolChoice>();
        var choice = TesseractApi.TessResultIteratorGetChoiceIterator(iterator);
        if (choice == IntPtr.Zero)
        {
            return choices;
        }

        try
        {
            do
            {
                var score = TesseractApi.TessChoiceIteratorConfidence(choice);
                if (score >= MinChoiceScore && Marshal.PtrToStringUTF8(TesseractApi.TessChoiceIteratorGetUTF8Text(choice)) is { Length: > 0 } text)
                {
                    choices.Add(new SymbolChoice(text, score));
                }
            }
            while (TesseractApi.TessChoiceIteratorNext(choice) != 0);
        }
        finally
        {
            TesseractApi.TessChoiceIteratorDelete(choice);
        }

        return choices;
    }

    private static string? Take(IntPtr text)
    {
        if (text == IntPtr.Zero)
        {
            return null;
        }

        try
        {
            return Marshal.PtrToStringUTF8(text);
        }
        finally
        {
            TesseractApi.TessDeleteText(text);
        }
    }
}
