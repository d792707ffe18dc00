using System.Runtime.InteropServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FeedbackDashboard.Data.Configurations;

/// <summary>
/// Embeddings are stored as raw little-endian bytes, not JSON text: float32 (1,536 bytes for 384
/// dimensions) for the few that are matched against often (pattern representatives, issue centres),
/// float16 (768 bytes) for the one a negative comment gets, of which there is one per item.
/// </summary>
internal static class EmbeddingConversion
{
    public static PropertyBuilder<float[]?> IsCompactEmbedding(this PropertyBuilder<float[]?> property) =>
        property.HasConversion(
            v => ToHalfBytes(v),
            b => FromHalfBytes(b),
            new ValueComparer<float[]?>((a, b) => SameVector(a, b), v => v == null ? 0 : v.Length, v => Copy(v)));

    internal static byte[]? ToHalfBytes(float[]? vector)
    {
        if (vector is null)
        {
            return null;
        }
        var halves = new Half[vector.Length];
        for (var i = 0; i < vector.Length; i++)
        {
            halves[i] = (Half)vector[i];
        }
        return MemoryMarshal.AsBytes(halves.AsSpan()).ToArray();
    }

    internal static float[]? FromHalfBytes(byte[]? bytes)
    {
        if (bytes is null)
        {
            return null;
        }
        var halves = MemoryMarshal.Cast<byte, Half>(bytes.AsSpan());
        var vector = new float[halves.Length];
        for (var i = 0; i < halves.Length; i++)
        {
            vector[i] = (float)halves[i];
        }
        return vector;
    }

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
