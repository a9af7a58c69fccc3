using System.Text;

namespace OrgFunctions.Tests.FileDrops;

/// <summary>A blocklist CSV of <c>rows</c> rows produced as it is read: the test never holds the file either.</summary>
public sealed class GeneratedCsvStream(int rows, int reasonLength = 4, Action? everyEighth = null) : Stream
{
    private readonly string _reason = new('r', reasonLength);
    private byte[] _pending = Encoding.UTF8.GetBytes("channel,identifier,reason,until\n");
    private int _offset;
    private int _row;

    public long Produced { get; private set; }

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
                if (everyEighth is not null && _row > 0 && _row % Math.Max(1, rows / 8) == 0)
                {
                    everyEighth();
                }
                _pending = Encoding.UTF8.GetBytes($"sms,+353{_row++:D10},{_reason},\n");
                _offset = 0;
            }
            var n = Math.Min(count - written, _pending.Length - _offset);
            Array.Copy(_pending, _offset, buffer, offset + written, n);
            _offset += n;
            written += n;
        }
        Produced += written;
        return written;
    }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => Produced; set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
