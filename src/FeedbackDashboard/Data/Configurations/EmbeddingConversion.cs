using System.Runtime.InteropServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FeedbackDashboard.Data.Configurations;

/// <summary>Embeddings are stored as raw little-endian float32 bytes: 1,536 bytes for 384 dimensions, not JSON text.</summary>
internal static class EmbeddingConversion
{
    public static PropertyBuilder<float[]?> IsEmbedding(this PropertyBuilder<float[]?> property) =>
        property.HasConversion(
            v => ToBytes(v),
            b => FromBytes(b),
            new ValueComparer<float[]?>((a, b) => SameVector(a, b), v => v == null ? 0 : v.Length, v => Copy(v)));

    internal static byte[]? ToBytes(float[]? vector) => vector is null ? null : MemoryMarshal.AsBytes(vector.AsSpan()).ToArray();

    private static float[]? FromBytes(byte[]? bytes) => bytes is null ? null : MemoryMarshal.Cast<byte, float>(bytes.AsSpan()).ToArray();

    private static bool SameVector(float[]? a, float[]? b) => a is null ? b is null : b is not null && a.AsSpan().SequenceEqual(b);

    private static float[]? Copy(float[]? vector) => vector?.ToArray();
}
