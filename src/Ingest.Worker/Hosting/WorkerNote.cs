using System.Text.Json;
using System.Text.Json.Serialization;

namespace PlanIngest.Worker.Hosting;

/// <summary>
/// What a running worker says about itself for <c>status</c>: its pid, its inbox, and whether the
/// queue is paused and why. It is written in place into the worker's lock file, whose space is
/// reserved at start, so the note can still be updated when the disk is full — exactly when the
/// reason matters most.
/// </summary>
public sealed record WorkerNote(
    [property: JsonPropertyName("pid")] int Pid,
    [property: JsonPropertyName("inbox")] string Inbox,
    [property: JsonPropertyName("paused")] string? Paused,
    [property: JsonPropertyName("updated")] DateTimeOffset Updated)
{
    /// <summary>Space reserved in the lock file; a note never grows past it.</summary>
    public const int Reserved = 4096;

    public byte[] ToBytes()
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(this);
        if (json.Length > Reserved - 1)
        {
            json = JsonSerializer.SerializeToUtf8Bytes(this with { Paused = Paused?[..Math.Min(Paused.Length, 1000)], Inbox = Inbox[..Math.Min(Inbox.Length, 1000)] });
        }

        var bytes = new byte[Reserved];
        Array.Fill(bytes, (byte)' ');
        json.CopyTo(bytes, 0);
        bytes[^1] = (byte)'\n';
        return bytes;
    }

    public static WorkerNote? Parse(ReadOnlySpan<byte> bytes)
    {
        try
        {
            var text = System.Text.Encoding.UTF8.GetString(bytes).Trim();
            return text.Length == 0 ? null : JsonSerializer.Deserialize<WorkerNote>(text);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
