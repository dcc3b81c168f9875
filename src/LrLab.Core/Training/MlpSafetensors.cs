using System.Buffers.Binary;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;

namespace LrLab.Core.Training;

/// <summary>
/// The MLP's weights as a safetensors file (Hugging Face's format: an 8-byte little-endian header length, a JSON
/// header naming each tensor's dtype, shape and byte range, then the raw little-endian data), with PyTorch's
/// <c>nn.Linear</c> names and layout: <c>fc1.weight</c> [H, inputs], <c>fc1.bias</c> [H], <c>fc2.weight</c>
/// [outputs, H], <c>fc2.bias</c> [outputs], all F32, so <c>safetensors.torch.load_file</c> gives a state dict a
/// module with <c>fc1</c> and <c>fc2</c> Linear layers loads as it is. The flat order is the engine's
/// <see cref="Mlp.Parameters"/> order, so writing is one copy.
/// </summary>
public static class MlpSafetensors
{
    private const long MaxHeader = 1 << 20;

    /// <summary>Writes <paramref name="parameters"/> of a inputs-hidden-outputs network to <paramref name="stream"/>.</summary>
    public static void Write(Stream stream, ReadOnlySpan<float> parameters, int inputs, int hidden, int outputs)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var expected = (hidden * inputs) + hidden + (outputs * hidden) + outputs;
        if (parameters.Length != expected)
        {
            throw new ArgumentException($"{parameters.Length} parameters, expected {expected} for {inputs}-{hidden}-{outputs}", nameof(parameters));
        }

        var header = new StringBuilder("{");
        long offset = 0;
        foreach (var (name, shape) in Tensors(inputs, hidden, outputs))
        {
            var bytes = 4L * shape.Aggregate(1, (a, b) => a * b);
            header.Append(CultureInfo.InvariantCulture, $"\"{name}\":{{\"dtype\":\"F32\",\"shape\":[{string.Join(',', shape)}],\"data_offsets\":[{offset},{offset + bytes}]}},");
            offset += bytes;
        }

        header.Append("\"__metadata__\":{\"format\":\"pt\"}}");

        // The format lets the header be padded with spaces; 8-byte alignment keeps the data aligned for readers that map it.
        while ((header.Length + 8) % 8 != 0)
        {
            header.Append(' ');
        }

        var headerBytes = Encoding.UTF8.GetBytes(header.ToString());
        Span<byte> length = stackalloc byte[8];
        BinaryPrimitives.WriteUInt64LittleEndian(length, (ulong)headerBytes.Length);
        stream.Write(length);
        stream.Write(headerBytes);
        if (BitConverter.IsLittleEndian)
        {
            stream.Write(MemoryMarshal.AsBytes(parameters));
        }
        else
        {
            Span<byte> value = stackalloc byte[4];
            foreach (var p in parameters)
            {
                BinaryPrimitives.WriteSingleLittleEndian(value, p);
                stream.Write(value);
            }
        }
    }

    /// <summary>
    /// Reads a file written by <see cref="Write"/> (or by <c>safetensors.torch.save_file</c> on such a module's state dict):
    /// the flat parameters and the hidden size. Throws <see cref="InputException"/> when the tensors are missing or misshapen.
    /// </summary>
    public static (float[] Parameters, int Hidden) Read(Stream stream, int inputs, int outputs)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        var bytes = buffer.GetBuffer().AsSpan(0, (int)buffer.Length);
        if (bytes.Length < 8)
        {
            throw new InputException("not a safetensors file: shorter than its 8-byte header length");
        }

        var headerLength = (long)BinaryPrimitives.ReadUInt64LittleEndian(bytes);
        if (headerLength > MaxHeader || 8 + headerLength > bytes.Length)
        {
            throw new InputException($"not a safetensors file: header of {headerLength} bytes");
        }

        var data = bytes[(8 + (int)headerLength)..];
        using var header = ParseHeader(bytes.Slice(8, (int)headerLength));
        var root = header.RootElement;
        var hidden = Shape(root, "fc1.bias") is [var h] ? h : throw new InputException("safetensors: fc1.bias must be one-dimensional");
        var parameters = new float[(hidden * inputs) + hidden + (outputs * hidden) + outputs];
        var at = 0;
        foreach (var (name, shape) in Tensors(inputs, hidden, outputs))
        {
            var tensor = root.TryGetProperty(name, out var t) ? t : throw new InputException($"safetensors: no tensor '{name}'");
            if (tensor.GetProperty("dtype").GetString() != "F32")
            {
                throw new InputException($"safetensors: {name} is not F32");
            }

            if (!Shape(root, name).SequenceEqual(shape))
            {
                throw new InputException($"safetensors: {name} has shape [{string.Join(',', Shape(root, name))}], expected [{string.Join(',', shape)}]");
            }

            var offsets = tensor.GetProperty("data_offsets");
            var (begin, end) = (offsets[0].GetInt64(), offsets[1].GetInt64());
            var count = shape.Aggregate(1, (a, b) => a * b);
            if (begin < 0 || end > data.Length || end - begin != 4L * count)
            {
                throw new InputException($"safetensors: {name} data range [{begin}, {end}) does not fit");
            }

            for (var i = 0; i < count; i++)
            {
                parameters[at + i] = BinaryPrimitives.ReadSingleLittleEndian(data[(int)(begin + (4 * i))..]);
            }

            at += count;
        }

        return (parameters, hidden);
    }

    private static (string Name, int[] Shape)[] Tensors(int inputs, int hidden, int outputs) =>
        [("fc1.weight", [hidden, inputs]), ("fc1.bias", [hidden]), ("fc2.weight", [outputs, hidden]), ("fc2.bias", [outputs])];

    private static JsonDocument ParseHeader(ReadOnlySpan<byte> header)
    {
        try
        {
            return JsonDocument.Parse(header.ToArray());
        }
        catch (JsonException e)
        {
            throw new InputException($"safetensors: the header is not JSON ({e.Message})");
        }
    }

    private static int[] Shape(JsonElement root, string name)
    {
        if (!root.TryGetProperty(name, out var tensor) || !tensor.TryGetProperty("shape", out var shape) || shape.ValueKind != JsonValueKind.Array)
        {
            throw new InputException($"safetensors: no tensor '{name}'");
        }

        return [.. shape.EnumerateArray().Select(d => d.GetInt32())];
    }
}
