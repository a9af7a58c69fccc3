using System.Text;

namespace OrgFunctions.Benchmarks.FileDrops;

/// <summary>A blocklist CSV of distinct phone numbers, produced as it is read (the benchmark never holds the file).</summary>
public sealed class BlocklistCsv(int rows) : Stream
{
    private byte[] _pending = Encoding.UTF8.GetBytes("channel,identifier,reason,until\n");
    private int _offset;
    private int _row;

    public static string Identifier(int row) => $"+3538{row:D8}";

    public override int Read(byte[] buffer, int offset, int count)
    {
        var written = 0;
        while (written < count)
        {
            if (_offset == _pending.Length)
            {
                if (_row == rows)
                {
                    break;
                }
                _pending = Encoding.UTF8.GetBytes($"sms,{Identifier(_row++)},benchmark,\n");
                _offset = 0;
            }
            var n = Math.Min(count - written, _pending.Length - _offset);
            Array.Copy(_pending, _offset, buffer, offset + written, n);
            _offset += n;
            written += n;
        }
        return written;
    }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
