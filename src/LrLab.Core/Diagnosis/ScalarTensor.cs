using System.Buffers.Binary;
using Google.Protobuf;

namespace LrLab.Core.Diagnosis;

/// <summary>
/// The one number of a scalar <c>TensorProto</c> (tensorflow/core/framework/tensor.proto): <c>dtype</c> = 1,
/// <c>tensor_shape</c> = 2 (no dimensions, or all of size 1), the value either raw little-endian in
/// <c>tensor_content</c> = 4 or in the typed field (<c>float_val</c> = 5, <c>double_val</c> = 6, <c>int_val</c> = 7,
/// <c>int64_val</c> = 10, <c>half_val</c> = 13). Anything that is not a one-element number tensor gives null.
/// </summary>
internal static class ScalarTensor
{
    private const int Float = 1, Double = 2, Int32 = 3, Int64 = 9, BFloat16 = 14, Half = 19;

    public static double? Read(CodedInputStream input)
    {
        var dtype = 0;
        var elements = 1L;
        byte[]? content = null;
        double? typed = null;
        var typedCount = 0;
        uint tag;
        while ((tag = input.ReadTag()) != 0)
        {
            var field = WireFormat.GetTagFieldNumber(tag);
            var wire = WireFormat.GetTagWireType(tag);
            switch (field)
            {
                case 1 when wire == WireFormat.WireType.Varint:
                    dtype = input.ReadEnum();
                    break;
                case 2 when wire == WireFormat.WireType.LengthDelimited:
                    elements = Elements(TensorBoardScalars.Input(input.ReadBytes().Memory));
                    break;
                case 4 when wire == WireFormat.WireType.LengthDelimited:
                    content = input.ReadBytes().ToByteArray();
                    break;
                case 5 or 6 or 7 or 10 or 13:
                    typed ??= Typed(input, field, wire, ref typedCount);
                    break;
                default:
                    input.SkipLastField();
                    break;
            }
        }

        if (elements != 1)
        {
            return null;
        }

        if (content is { Length: > 0 })
        {
            return (dtype, content.Length) switch
            {
                (Float, 4) => TensorBoardScalars.Widen(BinaryPrimitives.ReadSingleLittleEndian(content)),
                (Double, 8) => BinaryPrimitives.ReadDoubleLittleEndian(content),
                (Int32, 4) => BinaryPrimitives.ReadInt32LittleEndian(content),
                (Int64, 8) => BinaryPrimitives.ReadInt64LittleEndian(content),
                (Half, 2) => (double)BinaryPrimitives.ReadHalfLittleEndian(content),
                (BFloat16, 2) => BitConverter.Int32BitsToSingle(BinaryPrimitives.ReadUInt16LittleEndian(content) << 16),
                _ => null,
            };
        }

        return dtype is Float or Double or Int32 or Int64 or Half or BFloat16 ? typed : null;
    }

    /// <summary>The first value of a repeated number field, packed or not.</summary>
    private static double? Typed(CodedInputStream input, int field, WireFormat.WireType wire, ref int count)
    {
        if (wire == WireFormat.WireType.LengthDelimited)
        {
            var packed = TensorBoardScalars.Input(input.ReadBytes().Memory);
            return packed.IsAtEnd ? null : One(packed, field);
        }

        var expected = field switch
        {
            5 => WireFormat.WireType.Fixed32,
            6 => WireFormat.WireType.Fixed64,
            _ => WireFormat.WireType.Varint,
        };
        if (wire != expected)
        {
            input.SkipLastField();
            return null;
        }

        count++;
        return One(input, field);
    }

    private static double One(CodedInputStream input, int field) => field switch
    {
        5 => TensorBoardScalars.Widen(input.ReadFloat()),
        6 => input.ReadDouble(),
        7 => input.ReadInt32(),
        10 => input.ReadInt64(),
        _ => (double)BitConverter.Int16BitsToHalf((short)input.ReadInt32()),
    };

    /// <summary>The number of elements of a <c>TensorShapeProto</c> (<c>dim</c> = 2, each with <c>size</c> = 1).</summary>
    private static long Elements(CodedInputStream shape)
    {
        var elements = 1L;
        uint tag;
        while ((tag = shape.ReadTag()) != 0)
        {
            if (tag != ((2 << 3) | 2))
            {
                shape.SkipLastField();
                continue;
            }

            var dim = TensorBoardScalars.Input(shape.ReadBytes().Memory);
            var size = 0L;
            uint inner;
            while ((inner = dim.ReadTag()) != 0)
            {
                if (inner == ((1 << 3) | 0))
                {
                    size = dim.ReadInt64();
                }
                else
                {
                    dim.SkipLastField();
                }
            }

            elements = size < 0 || elements > int.MaxValue ? -1 : elements * size;
        }

        return elements;
    }
}
