namespace Postmortem.Storage.LiteDb.Engine;

/// <summary>
/// The <see cref="Stream"/> LiteDB writes its data file or its log through (EngineSettings.DataStream/LogStream),
/// over a <see cref="DiskFile"/>. LiteDB 5.0.21 never fsyncs custom streams and its recovery trusts any log page
/// marked confirmed (LiteDB #2818, #1160, #2935), so this stream adds what it lacks:
/// <list type="bullet">
/// <item><see cref="Flush"/> is fsync (LiteDB calls it after a checkpoint has copied the log into the data file).</item>
/// <item>In the log, the page that confirms a transaction (its byte <see cref="ConfirmedOffset"/> is set) is
/// written in two steps: every page before it and the page itself with the flag cleared, fsync; then the single
/// flag byte, fsync. Recovery can therefore never find a confirmed transaction whose pages are not all on disk,
/// and a torn page is never a confirmed one. When the write returns the commit is durable.</item>
/// <item>Before the log is truncated (the end of a checkpoint, or cropping a torn tail on open) the data file is
/// fsynced, so the pages the log held are on disk before the log forgets them; the new length is fsynced too.</item>
/// </list>
/// </summary>
internal sealed class DurableStream(DiskFile file, bool isLog, Action? beforeTruncate = null) : Stream
{
    /// <summary>LiteDB's page size (Constants.PAGE_SIZE).</summary>
    internal const int PageSize = 8192;

    /// <summary>BasePage.P_IS_CONFIRMED in LiteDB 5.0.21: the header byte that marks the last page of a committed transaction.</summary>
    internal const int ConfirmedOffset = 18;

    private readonly Lock _gate = new();
    private long _position;
    private bool _unsynced;

    public DiskFile File => file;

    public override bool CanRead => true;

    public override bool CanSeek => true;

    public override bool CanWrite => true;

    public override long Length => file.Length;

    public override long Position
    {
        get => _position;
        set => _position = value;
    }

    public override int Read(byte[] buffer, int offset, int count)
    {
        lock (_gate)
        {
            var read = file.Read(_position, buffer.AsSpan(offset, count));
            _position += read;
            return read;
        }
    }

    public override void Write(byte[] buffer, int offset, int count)
    {
        lock (_gate)
        {
            var data = buffer.AsSpan(offset, count);
            if (isLog && count == PageSize && _position % PageSize == 0 && data[ConfirmedOffset] != 0)
            {
                WriteConfirmingPage(data);
            }
            else
            {
                file.Write(_position, data);
                _unsynced = true;
            }

            _position += count;
        }
    }

    /// <summary>fsync of everything written so far (a no-op when nothing was).</summary>
    public override void Flush()
    {
        lock (_gate)
        {
            if (_unsynced)
            {
                file.Sync();
                _unsynced = false;
            }
        }
    }

    public override void SetLength(long value)
    {
        lock (_gate)
        {
            if (value < file.Length)
            {
                beforeTruncate?.Invoke();
            }

            file.SetLength(value);
            file.Sync();
            _unsynced = false;
        }
    }

    public override long Seek(long offset, SeekOrigin origin)
    {
        lock (_gate)
        {
            _position = origin switch
            {
                SeekOrigin.Begin => offset,
                SeekOrigin.Current => _position + offset,
                _ => file.Length + offset,
            };
            return _position;
        }
    }

    // LiteDB disposes the streams it gets from a custom-stream factory in a few error paths; the owner
    // (LiteDbDatabase) closes the file once the engine is gone.
    protected override void Dispose(bool disposing) => base.Dispose(disposing);

    private void WriteConfirmingPage(ReadOnlySpan<byte> page)
    {
        var unconfirmed = page.ToArray();
        unconfirmed[ConfirmedOffset] = 0;
        file.Write(_position, unconfirmed);
        file.Sync();
        file.Write(_position + ConfirmedOffset, page.Slice(ConfirmedOffset, 1));
        file.Sync();
        _unsynced = false;
    }
}
