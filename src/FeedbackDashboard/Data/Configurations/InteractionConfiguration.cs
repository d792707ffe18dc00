using System.Text.Json;
using FeedbackDashboard.Core.Feedback;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FeedbackDashboard.Data.Configurations;

public sealed class InteractionConfiguration : IEntityTypeConfiguration<Interaction>
{
    public void Configure(EntityTypeBuilder<Interaction> builder)
    {
        builder.HasKey(i => i.Id);
        builder.Property(i => i.Id).HasMaxLength(Interaction.MaxIdLength);
        builder.Property(i => i.Query).HasMaxLength(Interaction.MaxQueryLength);
        builder.Property(i => i.Response).HasMaxLength(Interaction.MaxResponseLength);
        builder.Property(i => i.Source).HasMaxLength(Interaction.MaxSourceLength);
        builder.Property(i => i.RequestedPattern).HasMaxLength(Interaction.MaxPatternLength);
        builder.Property(i => i.PatternKey).HasMaxLength(Interaction.MaxPatternLength);
        builder.Property(i => i.Metadata)
            .HasConversion(
                m => JsonSerializer.Serialize(m, JsonSerializerOptions.Default),
                s => JsonSerializer.Deserialize<Dictionary<string, string>>(s, JsonSerializerOptions.Default) ?? new(),
                new ValueComparer<Dictionary<string, string>>(
                    (a, b) => a!.Count == b!.Count && !a.Except(b).Any(),
                    m => m.Aggregate(0, (hash, pair) => HashCode.Combine(hash, pair.Key, pair.Value)),
                    m => new Dictionary<string, string>(m)))
            .HasMaxLength(64_000);
        builder.Property(i => i.QueryEmbedding).IsEmbedding();
        // Also finds the interactions still waiting for a pattern (PatternKey IS NULL), oldest first, without
        // reading the whole backlog: with PatternKey alone, each pipeline batch sorted every waiting interaction.
        builder.HasIndex(i => new { i.PatternKey, i.CreatedAt });
        builder.HasIndex(i => i.CreatedAt);
    }
}
