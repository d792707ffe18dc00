using System.Globalization;
using CsvHelper;
using FeedbackDashboard.Core.Embeddings;
using FeedbackDashboard.Core.Issues;
using FeedbackDashboard.Embeddings;
using FeedbackDashboard.Tests.Infrastructure;
using Microsoft.Extensions.AI;

namespace FeedbackDashboard.Tests.Issues;

/// <summary>
/// The real model on a slice of Banking77 (12 intents, 480 texts): a regression guard with a floor
/// well below the benchmark's targets, so it is stable; `bench/run.sh clustering` measures the real thing.
/// </summary>
public class TextClustererQualityTests
{
    private static (List<string> Texts, int[] Truth) Slice(int intents)
    {
        var file = Path.Combine(RepositoryFiles.Root, "tests", "datasets", "banking77", "test.csv");
        var rows = ReadRows(file);
        var chosen = rows.Select(r => r.Category).Distinct().Take(intents).ToList();
        var picked = rows.Where(r => chosen.Contains(r.Category)).ToList();
        return (picked.Select(r => r.Text).ToList(), picked.Select(r => chosen.IndexOf(r.Category)).ToArray());
    }

    [Fact]
    public void SameMeaning_LandsTogether_OnABanking77Slice()
    {
        var (texts, truth) = Slice(12);
        using var embedder = new MiniLmEmbedder();

        var result = new TextClusterer().ClusterTexts(texts, embedder.Embed(texts));

        var purity = result.Labels.Select((label, i) => (label, truth: truth[i]))
            .GroupBy(x => x.label)
            .Sum(g => g.GroupBy(x => x.truth).Max(t => t.Count())) / (double)texts.Count;
        Assert.InRange(result.ClusterCount, 6, 40);
        Assert.True(purity >= 0.6, $"purity {purity:0.00} with {result.ClusterCount} clusters");
    }

    [Fact]
    public void Embedder_GivesUnitVectors_AndParaphrasesAreCloserThanOtherTopics()
    {
        using var embedder = new MiniLmEmbedder();

        var v = embedder.Embed(["How do I reset my password?", "forgot my password, help", "What is the weather in Paris?"]);

        Assert.All(v, x => Assert.Equal(1f, VectorMath.Dot(x, x), 3));
        Assert.Equal(384, embedder.Dimensions);
        Assert.True(VectorMath.Dot(v[0], v[1]) > VectorMath.Dot(v[0], v[2]) + 0.2f);
    }

    [Fact]
    public async Task Embedder_IsAnEmbeddingGenerator_WithTheSameVectorsAndItsModelDescribed()
    {
        using IEmbeddingGenerator<string, Embedding<float>> generator = new MiniLmEmbedder();
        string[] texts = ["How do I reset my password?", "forgot my password, help"];

        var generated = await generator.GenerateAsync(texts);
        var metadata = generator.GetService<EmbeddingGeneratorMetadata>();

        Assert.Equal(((MiniLmEmbedder)generator).Embed(texts).Select(v => v.ToArray()), generated.Select(e => e.Vector.ToArray()));
        Assert.Equal(384, metadata!.DefaultModelDimensions);
        Assert.Equal(MiniLmEmbedder.ModelId, metadata.DefaultModelId);
    }

    [Fact]
    public void QuantizedModel_StaysCloseToTheFloat32One()
    {
        var (texts, _) = Slice(4);
        using var full = new MiniLmEmbedder(quantized: false);
        using var quantized = new MiniLmEmbedder(quantized: true);

        var a = full.Embed(texts);
        var b = quantized.Embed(texts);

        var cosines = a.Select((v, i) => VectorMath.Dot(v, b[i])).ToList();
        Assert.True(cosines.Average() > 0.98, $"mean cosine {cosines.Average():0.000}");
        Assert.True(cosines.Min() > 0.9, $"lowest cosine {cosines.Min():0.000}");
    }

    private static List<(string Text, string Category)> ReadRows(string file)
    {
        using var reader = new StreamReader(file);
        using var csv = new CsvReader(reader, CultureInfo.InvariantCulture);
        csv.Read();
        csv.ReadHeader();
        var rows = new List<(string Text, string Category)>();
        while (csv.Read())
        {
            rows.Add((csv.GetField("text")!, csv.GetField("category")!));
        }
        return rows;
    }
}
