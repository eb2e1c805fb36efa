using System.Text;

namespace PlanIngest.Worker.Tests.Worker;

/// <summary>Files a test drops into an inbox: distinct small plans as text, and the repository's fixtures.</summary>
internal static class Drop
{
    /// <summary>A short plan whose number and subject make its content (and SHA-256) unique.</summary>
    public static string PlanText(int n) => $"""
        ỦY BAN NHÂN DÂN
        HUYỆN THỬ NGHIỆM {n % 17}
        Số: {n}/KH-UBND
        CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
        Độc lập - Tự do - Hạnh phúc
        Thử Nghiệm, ngày {1 + (n % 28)} tháng {1 + (n % 12)} năm 2024

        KẾ HOẠCH
        Tổ chức hội nghị số {n} về chuyển đổi số năm 2024

        Căn cứ Chỉ thị số 13/CT-UBND ngày 29/12/2020 của Ủy ban nhân dân tỉnh;
        I. MỤC ĐÍCH, YÊU CẦU
        Phấn đấu đạt {50 + (n % 50)}% hồ sơ được số hóa trước ngày 31/12/2024.
        """;

    public static string WritePlan(string folder, int n, string? name = null)
    {
        var path = Path.Combine(folder, name ?? $"plan-{n:0000}.txt");
        File.WriteAllText(path, PlanText(n), new UTF8Encoding(false));
        return path;
    }

    public static string Fixture(params string[] parts) => PlanIngest.Tests.RepoPaths.TestData(parts);

    /// <summary>Every file under <paramref name="folder"/>, read whole (the catalog and its WAL included).</summary>
    public static IEnumerable<(string Path, byte[] Bytes)> AllFiles(string folder) =>
        Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Select(p => (p, File.ReadAllBytes(p)));
}
