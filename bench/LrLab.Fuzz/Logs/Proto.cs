namespace LrLab.Fuzz.Logs;

/// <summary>Protocol-buffer wire format, field by field (protobuf.dev/programming-guides/encoding).</summary>
public sealed class Proto
{
    private byte[] _bytes = new byte[64];
    private int _length;

    public void Varint(int field, ulong value)
    {
        Key(field, 0);
        Raw(value);
    }

    public void Fixed64(int field, long value)
    {
        Key(field, 1);
        for (var i = 0; i < 8; i++)
        {
            Add((byte)(value >> (8 * i)));
        }
    }

    public void Fixed32(int field, int value)
    {
        Key(field, 5);
        for (var i = 0; i < 4; i++)
        {
            Add((byte)(value >> (8 * i)));
        }
    }

    public void Bytes(int field, byte[] payload)
    {
        ArgumentNullException.ThrowIfNull(payload);
        Key(field, 2);
        Raw((ulong)payload.Length);
        Reserve(payload.Length);
        payload.CopyTo(_bytes, _length);
        _length += payload.Length;
    }

    public byte[] ToArray() => _bytes[.._length];

    private void Key(int field, int wire) => Raw(((ulong)field << 3) | (uint)wire);

    private void Raw(ulong value)
    {
        while (value >= 0x80)
        {
            Add((byte)(value | 0x80));
            value >>= 7;
        }

        Add((byte)value);
    }

    private void Add(byte value)
    {
        Reserve(1);
        _bytes[_length++] = value;
    }

    private void Reserve(int more)
    {
        if (_length + more > _bytes.Length)
        {
            Array.Resize(ref _bytes, Math.Max(_length + more, 2 * _bytes.Length));
        }
    }
}
