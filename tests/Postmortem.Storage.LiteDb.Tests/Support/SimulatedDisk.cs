using Postmortem.Storage.LiteDb.Engine;

namespace Postmortem.Storage.LiteDb.Tests.Support;

/// <summary>
/// A disk with an OS cache, for power-cut tests. Writes and length changes land in the cache (what reads see) and
/// wait in a queue until <see cref="DiskFile.Sync"/> makes them stable. At the write numbered <see cref="CutAtWrite"/>
/// (counted over every file of this disk) the power goes: that write and every later call throws
/// <see cref="PowerCutException"/>. <see cref="AfterPowerCut"/> then gives the files as a reboot finds them: what
/// was synced, plus a random subset of the queued operations (in their order), plus possibly a torn prefix (whole
/// 512-byte sectors) of the write the cut interrupted.
/// </summary>
internal sealed class SimulatedDisk(int cutAtWrite)
{
    private const int Sector = 512;
    private readonly List<SimulatedFile> _files = [];
    private int _writes;

    public int CutAtWrite { get; } = cutAtWrite;

    public bool PoweredOff { get; private set; }

    public int Writes => _writes;

    /// <summary>Cuts the power now, between two writes.</summary>
    public void PowerOff() => PoweredOff = true;

    public DiskFile Open(string name)
    {
        var file = _files.FirstOrDefault(f => f.Name == name);
        if (file is null)
        {
            file = new SimulatedFile(this, name, []);
            _files.Add(file);
        }

        return file;
    }

    /// <summary>A fresh, powered disk holding what survived the cut, chosen by <paramref name="random"/>.</summary>
    public SimulatedDisk AfterPowerCut(Random random, int nextCutAtWrite = int.MaxValue)
    {
        var rebooted = new SimulatedDisk(nextCutAtWrite);
        foreach (var file in _files)
        {
            var image = new List<byte>(file.Stable);
            foreach (var operation in file.Pending)
            {
                if (random.Next(2) == 0)
                {
                    operation.ApplyTo(image);
                }
            }

            if (file.Interrupted is { } cut && random.Next(2) == 0)
            {
                var sectors = random.Next(0, (cut.Data.Length + Sector - 1) / Sector);
                new Operation(cut.Position, cut.Data[..Math.Min(cut.Data.Length, sectors * Sector)], null).ApplyTo(image);
            }

            rebooted._files.Add(new SimulatedFile(rebooted, file.Name, [.. image]));
        }

        return rebooted;
    }

    private void Check()
    {
        if (PoweredOff)
        {
            throw new PowerCutException();
        }
    }

    private bool CountWrite()
    {
        Check();
        if (++_writes >= CutAtWrite)
        {
            PoweredOff = true;
            return true;
        }

        return false;
    }

    /// <summary>A write (<see cref="Data"/> at <see cref="Position"/>) or a length change (<see cref="Length"/>).</summary>
    private sealed record Operation(long Position, byte[] Data, long? Length)
    {
        public void ApplyTo(List<byte> image)
        {
            if (Length is { } length)
            {
                if (length < image.Count)
                {
                    image.RemoveRange((int)length, image.Count - (int)length);
                }
                else
                {
                    image.AddRange(new byte[length - image.Count]);
                }

                return;
            }

            var end = (int)Position + Data.Length;
            if (end > image.Count)
            {
                image.AddRange(new byte[end - image.Count]);
            }

            for (var i = 0; i < Data.Length; i++)
            {
                image[(int)Position + i] = Data[i];
            }
        }
    }

    private sealed class SimulatedFile(SimulatedDisk disk, string name, byte[] stable) : DiskFile
    {
        private readonly List<byte> _cached = [.. stable];

        public byte[] Stable { get; private set; } = stable;

        public List<Operation> Pending { get; } = [];

        public Operation? Interrupted { get; private set; }

        public override string Name => name;

        public override long Length
        {
            get
            {
                disk.Check();
                return _cached.Count;
            }
        }

        public override int Read(long position, Span<byte> buffer)
        {
            disk.Check();
            var count = (int)Math.Max(0, Math.Min(buffer.Length, _cached.Count - position));
            for (var i = 0; i < count; i++)
            {
                buffer[i] = _cached[(int)position + i];
            }

            return count;
        }

        public override void Write(long position, ReadOnlySpan<byte> data)
        {
            var operation = new Operation(position, data.ToArray(), null);
            if (disk.CountWrite())
            {
                Interrupted = operation;
                throw new PowerCutException();
            }

            operation.ApplyTo(_cached);
            Pending.Add(operation);
        }

        public override void SetLength(long length)
        {
            disk.Check();
            var operation = new Operation(0, [], length);
            operation.ApplyTo(_cached);
            Pending.Add(operation);
        }

        public override void Sync()
        {
            disk.Check();
            Stable = [.. _cached];
            Pending.Clear();
        }
    }
}

/// <summary>The simulated machine lost power; nothing more reaches its disk.</summary>
internal sealed class PowerCutException : IOException
{
    public PowerCutException()
        : base("The power went (simulated).")
    {
    }

    public PowerCutException(string message)
        : base(message)
    {
    }

    public PowerCutException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
