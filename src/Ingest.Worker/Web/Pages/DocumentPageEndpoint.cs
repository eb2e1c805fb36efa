using Microsoft.AspNetCore.Http;
using PlanIngest.Extraction.Model;
using PlanIngest.Worker.Catalog;
using PlanIngest.Worker.Web.Originals;

namespace PlanIngest.Worker.Web.Pages;

/// <summary><c>GET /documents/{id}</c>: one document's page; <c>GET /go?number=…</c>: the document a number names.</summary>
internal static class DocumentPageEndpoint
{
    public static async Task<IResult> HandleAsync(string id, WebData data, CitationResolver citations, ArchivedOriginals originals, CancellationToken token)
    {
        if (!DocumentId.IsValid(id))
        {
            return PageResults.Message("Địa chỉ không đúng", "Địa chỉ này không trỏ tới văn bản nào (mã văn bản gồm 64 chữ số thập lục phân).", StatusCodes.Status400BadRequest);
        }

        if (await data.Catalog.GetAsync(id, token) is not { } document)
        {
            return PageResults.Message("Không tìm thấy văn bản", "Kho không có văn bản với mã này; có thể nó chưa được nạp hoặc địa chỉ bị chép thiếu.", StatusCodes.Status404NotFound);
        }

        var view = new DocumentView(
            document,
            await citations.CitesAsync(document, token),
            await citations.CitedByAsync(document, token),
            await data.Catalog.AliasesAsync(document.Id, token),
            originals.Exists(document.Id));
        return PageResults.Render<DocumentPage>(new { View = view });
    }

    /// <summary>One document with the number: its page; several or none: the search for the number.</summary>
    public static async Task<IResult> GoAsync(HttpRequest request, WebData data, CancellationToken token)
    {
        var number = request.Query["number"].FirstOrDefault()?.Trim() ?? string.Empty;
        if (number.Length is 0 or > 100 || DocumentNumber.Parse(number).ValueOrNull is not { } parsed)
        {
            return PageResults.Message("Số hiệu không đọc được", "Hãy kiểm tra lại số hiệu văn bản (ví dụ: 51/KH-MTTQ-BTT).", StatusCodes.Status400BadRequest);
        }

        var holders = await data.Catalog.FindByNumberAsync(parsed.Key, token);
        return holders.Count == 1
            ? Results.Redirect("/documents/" + holders[0].Id)
            : Results.Redirect(SearchState.Link(new SearchState("\"" + parsed.Text + "\"", null, [], 0)));
    }
}
