using System.Text.Json;
using FeedbackDashboard.Core.Feedback;
using FeedbackDashboard.Core.Knowledge;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FeedbackDashboard.Data.Configurations;

public sealed class KnowledgeEntryConfiguration : IEntityTypeConfiguration<KnowledgeEntry>
{
    public void Configure(EntityTypeBuilder<KnowledgeEntry> builder)
    {
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Source).HasMaxLength(Interaction.MaxSourceLength);
        builder.Property(e => e.Title).HasMaxLength(KnowledgeEntry.MaxTitleLength);
        builder.Property(e => e.Content).HasMaxLength(KnowledgeEntry.MaxContentLength);
        builder.Property(e => e.Tags).IsTagList();
        builder.Property(e => e.PatternKey).HasMaxLength(Interaction.MaxPatternLength);
        builder.HasIndex(e => new { e.Source, e.UpdatedAt });
        builder.HasIndex(e => e.UpdatedAt);
        builder.HasIndex(e => e.PatternKey);
    }
}

public sealed class KnowledgeEntryVersionConfiguration : IEntityTypeConfiguration<KnowledgeEntryVersion>
{
    public void Configure(EntityTypeBuilder<KnowledgeEntryVersion> builder)
    {
        builder.HasKey(v => v.Id);
        builder.Property(v => v.Title).HasMaxLength(KnowledgeEntry.MaxTitleLength);
        builder.Property(v => v.Content).HasMaxLength(KnowledgeEntry.MaxContentLength);
        builder.Property(v => v.Tags).IsTagList();
        builder.Property(v => v.Author).HasMaxLength(256);
        builder.HasOne<KnowledgeEntry>().WithMany().HasForeignKey(v => v.EntryId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(v => new { v.EntryId, v.Version }).IsUnique();
    }
}

public sealed class InstructionsVersionConfiguration : IEntityTypeConfiguration<InstructionsVersion>
{
    public void Configure(EntityTypeBuilder<InstructionsVersion> builder)
    {
        builder.HasKey(v => v.Id);
        builder.Property(v => v.Source).HasMaxLength(Interaction.MaxSourceLength);
        builder.Property(v => v.Text).HasMaxLength(InstructionsVersion.MaxTextLength);
        builder.Property(v => v.CurrentFor).HasMaxLength(Interaction.MaxSourceLength);
        builder.Property(v => v.DraftFor).HasMaxLength(Interaction.MaxSourceLength);
        builder.Property(v => v.Note).HasMaxLength(2_000);
        builder.Property(v => v.CreatedBy).HasMaxLength(256);
        builder.Property(v => v.PublishedBy).HasMaxLength(256);
        builder.Property(v => v.Concurrency).IsConcurrencyToken();
        builder.HasIndex(v => new { v.Source, v.Version }).IsUnique();
        // One published and one draft version per source at most (nullable: SQL Server gets filtered indexes).
        builder.HasIndex(v => v.CurrentFor).IsUnique();
        builder.HasIndex(v => v.DraftFor).IsUnique();
    }
}

internal static class TagListConversion
{
    public static PropertyBuilder<List<string>> IsTagList(this PropertyBuilder<List<string>> property) =>
        property.HasConversion(
                tags => JsonSerializer.Serialize(tags, JsonSerializerOptions.Default),
                json => JsonSerializer.Deserialize<List<string>>(json, JsonSerializerOptions.Default) ?? new List<string>(),
                new ValueComparer<List<string>>((a, b) => a!.SequenceEqual(b!), t => t.Aggregate(0, (h, s) => HashCode.Combine(h, s)), t => t.ToList()))
            .HasMaxLength(4_000);
}
