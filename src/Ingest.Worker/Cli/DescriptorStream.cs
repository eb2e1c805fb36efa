using System.Runtime.InteropServices;

namespace PlanIngest.Worker.Cli;

/// <summary>
/// A write-only stream straight onto a file descriptor with write(2). A FileStream over a descriptor
/// that is a regular file keeps its own position and writes there, so when the shell points stdout and
/// stderr at one file (<c>&gt; log 2&gt;&amp;1</c>) it overwrites what the other wrote; write(2) uses the
/// descriptor's shared offset (and O_APPEND), as every other program writing to that file does.
/// </summary>
internal sealed partial class DescriptorStream(int descriptor) : Stream
{
    private const int Interrupted = 4; // EINTR

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override unsafe void Write(ReadOnlySpan<byte> buffer)
    {
        fixed (byte* start = buffer)
        {
            var written = 0;
            while (written < buffer.Length)
            {
                var n = write(descriptor, start + written, (nuint)(buffer.Length - written));
                if (n < 0)
                {
                    if (Marshal.GetLastPInvokeError() == Interrupted)
                    {
                        continue;
                    }

                    // Nowhere left to report a failure to report errors: drop the rest, as a closed terminal would.
                    return;
                }

                written += (int)n;
            }
        }
    }

    public override void Flush()
    {
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _ = close(descriptor);
        }

        base.Dispose(disposing);
    }

    [LibraryImport("libc", SetLastError = true)]
    private static unsafe partial nint write(int fd, byte* buffer, nuint count);

    [LibraryImport("libc", SetLastError = true)]
    private static partial int close(int fd);
}
