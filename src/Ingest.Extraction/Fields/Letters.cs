namespace PlanIngest.Extraction.Fields;

/// <summary>Small string helpers shared by the parsers.</summary>
internal static class Letters
{
    /// <summary>Letters and digits only: the key that survives OCR merging or splitting words ("UY BANMTTQ").</summary>
    public static string Key(string folded)
    {
        Span<char> buffer = folded.Length <= 512 ? stackalloc char[folded.Length] : new char[folded.Length];
        var n = 0;
        foreach (var c in folded)
        {
            if (char.IsLetterOrDigit(c))
            {
                buffer[n++] = c;
            }
        }

        return new string(buffer[..n]);
    }

    /// <summary>Single spaces, trimmed, markdown emphasis dropped.</summary>
    public static string Squash(string text)
    {
        var builder = new System.Text.StringBuilder(text.Length);
        var space = false;
        foreach (var c in text)
        {
            if (c is '*')
            {
                continue;
            }

            if (char.IsWhiteSpace(c))
            {
                space = builder.Length > 0;
                continue;
            }

            if (space)
            {
                builder.Append(' ');
                space = false;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    public static bool HasLetter(string text)
    {
        foreach (var c in text)
        {
            if (char.IsLetter(c))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when every letter is upper case (a header or heading line).</summary>
    public static bool IsUpper(string text)
    {
        var letters = 0;
        foreach (var c in text)
        {
            if (char.IsLetter(c))
            {
                letters++;
                if (char.IsLower(c))
                {
                    return false;
                }
            }
        }

        return letters > 0;
    }

    /// <summary>"BAN THƯỜNG TRỰC" → "Ban thường trực"; acronyms (no vowel, or listed) stay upper.</summary>
    public static string SentenceCase(string text)
    {
        var words = Squash(text).Split(' ');
        for (var i = 0; i < words.Length; i++)
        {
            var word = words[i];
            if (IsAcronym(word))
            {
                continue;
            }

            var lower = word.ToLowerInvariant();
            words[i] = i == 0 ? Capitalise(lower) : lower;
        }

        return string.Join(' ', words);
    }

    /// <summary>"PHỔ CẬP GIÁO DỤC" → "phổ cập giáo dục": words that continue a name; acronyms stay upper.</summary>
    public static string LowerCase(string text) =>
        string.Join(' ', Squash(text).Split(' ').Select(w => IsAcronym(w) ? w : w.ToLowerInvariant()));

    /// <summary>"CHÂU THÀNH" → "Châu Thành" (place names).</summary>
    public static string TitleCase(string text) =>
        string.Join(' ', Squash(text).Split(' ').Where(w => w.Any(char.IsLetterOrDigit)).Select(w => IsAcronym(w) ? w : Capitalise(w.ToLowerInvariant())));

    public static string Capitalise(string word)
    {
        for (var i = 0; i < word.Length; i++)
        {
            if (char.IsLetter(word[i]))
            {
                return word[..i] + char.ToUpperInvariant(word[i]) + word[(i + 1)..];
            }
        }

        return word;
    }

    private static bool IsAcronym(string word)
    {
        var letters = word.Where(char.IsLetter).ToArray();
        if (letters.Length < 2 || letters.Any(char.IsLower))
        {
            return false;
        }

        var folded = PlanIngest.Extraction.Text.TextFolding.Fold(new string(letters));
        return !folded.Any(c => c is 'a' or 'e' or 'i' or 'o' or 'u' or 'y') || KnownAcronyms.Contains(folded);
    }

    private static readonly HashSet<string> KnownAcronyms = ["mttq", "mttqvn", "ubmttqvn", "ubmttq", "ubnd", "hdnd"];
}
