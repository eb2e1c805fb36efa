namespace PlanIngest.Extraction.Reading.Ocr.Cleaning;

// TEMPORARY tuning aid, removed before the branch is done.
internal static class Tune
{
    public static double Get(string name, double value) =>
        double.TryParse(Environment.GetEnvironmentVariable("TUNE_" + name), System.Globalization.CultureInfo.InvariantCulture, out var v) ? v : value;
}
