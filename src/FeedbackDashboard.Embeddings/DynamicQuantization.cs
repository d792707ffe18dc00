using Google.Protobuf;
using Onnx;

namespace FeedbackDashboard.Embeddings;

/// <summary>
/// Dynamic int8 quantisation of an ONNX model's weight matrices, as onnxruntime's Python
/// quantize_dynamic does, done in memory at load time: each MatMul by a constant weight matrix
/// becomes DynamicQuantizeLinear(activations) → MatMulInteger → Cast → Mul(scales), which the
/// runtime fuses into one integer kernel. Weights are quantised per output column, symmetric,
/// to 7 bits (onnxruntime's reduce_range): on AVX2 without VNNI the u8 x s8 kernels add pairs of
/// products in 16 bits, which 8-bit weights can saturate.
/// </summary>
public static class DynamicQuantization
{
    private const int WeightLimit = 63;

    public static byte[] Quantize(byte[] model)
    {
        var proto = ModelProto.Parser.ParseFrom(model);
        var graph = proto.Graph;
        var initializers = graph.Initializer.ToDictionary(t => t.Name);
        var nodes = new List<NodeProto>();
        var replaced = new HashSet<string>();
        foreach (var node in graph.Node)
        {
            if (node.OpType != "MatMul" || !initializers.TryGetValue(node.Input[1], out var weight)
                || weight.DataType != (int)TensorProto.Types.DataType.Float || weight.Dims.Count != 2)
            {
                nodes.Add(node);
                continue;
            }
            var name = node.Input[1];
            var (quantized, scales) = QuantizeColumns(weight, WeightLimit);
            graph.Initializer.Add(quantized);
            graph.Initializer.Add(scales);
            graph.Initializer.Add(ZeroPoints(name, (int)weight.Dims[1]));
            replaced.Add(name);

            var prefix = node.Output[0];
            nodes.Add(Node("DynamicQuantizeLinear", [node.Input[0]], [$"{prefix}_aq", $"{prefix}_as", $"{prefix}_az"]));
            nodes.Add(Node("MatMulInteger", [$"{prefix}_aq", $"{name}_q", $"{prefix}_az", $"{name}_z"], [$"{prefix}_int"]));
            var cast = Node("Cast", [$"{prefix}_int"], [$"{prefix}_float"]);
            cast.Attribute.Add(new AttributeProto { Name = "to", Type = AttributeProto.Types.AttributeType.Int, I = (long)TensorProto.Types.DataType.Float });
            nodes.Add(cast);
            nodes.Add(Node("Mul", [$"{prefix}_as", $"{name}_s"], [$"{prefix}_scale"]));
            nodes.Add(Node("Mul", [$"{prefix}_float", $"{prefix}_scale"], [node.Output[0]]));
        }
        graph.Node.Clear();
        graph.Node.AddRange(nodes);
        foreach (var name in replaced)
        {
            graph.Initializer.Remove(initializers[name]);
        }
        return proto.ToByteArray();
    }

    private static NodeProto Node(string op, string[] inputs, string[] outputs)
    {
        var node = new NodeProto { OpType = op, Name = outputs[0] + "_" + op };
        node.Input.AddRange(inputs);
        node.Output.AddRange(outputs);
        return node;
    }

    private static (TensorProto Quantized, TensorProto Scales) QuantizeColumns(TensorProto weight, int limit)
    {
        var rows = (int)weight.Dims[0];
        var columns = (int)weight.Dims[1];
        var values = weight.RawData.Length > 0
            ? System.Runtime.InteropServices.MemoryMarshal.Cast<byte, float>(weight.RawData.Span).ToArray()
            : weight.FloatData.ToArray();
        var scales = new float[columns];
        for (var c = 0; c < columns; c++)
        {
            var max = 0f;
            for (var r = 0; r < rows; r++)
            {
                max = MathF.Max(max, MathF.Abs(values[r * columns + c]));
            }
            scales[c] = max > 0 ? max / limit : 1;
        }
        var quantized = new byte[rows * columns];
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < columns; c++)
            {
                var q = (int)MathF.Round(values[r * columns + c] / scales[c]);
                quantized[r * columns + c] = unchecked((byte)(sbyte)Math.Clamp(q, -limit, limit));
            }
        }
        var quantizedTensor = new TensorProto { Name = weight.Name + "_q", DataType = (int)TensorProto.Types.DataType.Int8, RawData = ByteString.CopyFrom(quantized) };
        quantizedTensor.Dims.AddRange([rows, columns]);
        var scaleBytes = new byte[columns * sizeof(float)];
        Buffer.BlockCopy(scales, 0, scaleBytes, 0, scaleBytes.Length);
        var scaleTensor = new TensorProto { Name = weight.Name + "_s", DataType = (int)TensorProto.Types.DataType.Float, RawData = ByteString.CopyFrom(scaleBytes) };
        scaleTensor.Dims.Add(columns);
        return (quantizedTensor, scaleTensor);
    }

    private static TensorProto ZeroPoints(string name, int columns)
    {
        var zeros = new TensorProto { Name = name + "_z", DataType = (int)TensorProto.Types.DataType.Int8, RawData = ByteString.CopyFrom(new byte[columns]) };
        zeros.Dims.Add(columns);
        return zeros;
    }
}
