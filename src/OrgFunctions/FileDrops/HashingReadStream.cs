using System.Security.Cryptography;

namespace OrgFunctions.FileDrops;

/// <summary>
/// Reads through to another stream, hashing (SHA-256) and counting the bytes as they pass, and refusing to read past
/// <c>maxBytes</c> (a blob's listed size is checked first; this guards against one that grows while read).
/// </summary>
internal sealed class HashingReadStream(Stream inner, long maxBytes) : Stream
{
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

    private readonly byte[] _head = new byte[4];

    public long BytesRead { get; private set; }

    /// <summary>Whether the bytes start with a UTF-16 or UTF-32 byte order mark (none of which is valid UTF-8).</summary>
    public bool StartsWithUtf16Or32Bom =>
        _head is [0xFF, 0xFE, ..] or [0xFE, 0xFF, ..] or [0x00, 0x00, 0xFE, 0xFF];

    public string HashHex() => Convert.ToHexString(_hash.GetCurrentHash()).ToLowerInvariant();

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => BytesRead; set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var read = inner.Read(buffer);
        return Count(buffer[..read]);
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var read = await inner.ReadAsync(buffer, cancellationToken);
        return Count(buffer.Span[..read]);
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    private int Count(ReadOnlySpan<byte> bytes)
    {
        if (BytesRead < _head.Length)
        {
            bytes[..Math.Min(bytes.Length, _head.Length - (int)BytesRead)].CopyTo(_head.AsSpan((int)BytesRead));
        }
        BytesRead += bytes.Length;
        if (BytesRead > maxBytes)
        {
            throw new FileTooLargeException(maxBytes);
        }
        _hash.AppendData(bytes);
        return bytes.Length;
    }

    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _hash.Dispose();
            inner.Dispose();
        }
        base.Dispose(disposing);
    }
}

internal sealed class FileTooLargeException(long maxBytes) : Exception($"The file is larger than {maxBytes} bytes.")
{
    public long MaxBytes { get; } = maxBytes;
}
