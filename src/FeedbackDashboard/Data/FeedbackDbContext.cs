using FeedbackDashboard.Core.Alerts;
using FeedbackDashboard.Core.Changes;
using FeedbackDashboard.Core.Corrections;
using FeedbackDashboard.Core.Feedback;
using FeedbackDashboard.Core.Insights;
using FeedbackDashboard.Core.Issues;
using FeedbackDashboard.Core.Knowledge;
using FeedbackDashboard.Core.Patterns;
using FeedbackDashboard.Core.Review;
using FeedbackDashboard.Core.Webhooks;
using FeedbackDashboard.Features.Access;
using FeedbackDashboard.Features.Audit;
using FeedbackDashboard.Features.Operations;
using FeedbackDashboard.Features.Segments;
using FeedbackDashboard.Features.Triggers;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace FeedbackDashboard.Data;

/// <summary>
/// The one model of the app. Each provider has a derived context that owns its migration set
/// (see <see cref="SqliteFeedbackDbContext"/> and <see cref="SqlServerFeedbackDbContext"/>).
/// </summary>
public abstract class FeedbackDbContext(DbContextOptions options) : IdentityDbContext<ApplicationUser>(options), IDataProtectionKeyContext
{
    /// <summary>The Data Protection key ring, shared by every instance so that a cookie from one is valid on another.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<Interaction> Interactions => Set<Interaction>();
    public DbSet<UserFeedback> Feedback => Set<UserFeedback>();
    public DbSet<QueryPattern> QueryPatterns => Set<QueryPattern>();
    public DbSet<ReviewTask> ReviewTasks => Set<ReviewTask>();
    public DbSet<ReviewTaskFeedback> ReviewTaskFeedback => Set<ReviewTaskFeedback>();
    public DbSet<DailyAggregate> DailyAggregates => Set<DailyAggregate>();
    public DbSet<PatternDailyAggregate> PatternDailyAggregates => Set<PatternDailyAggregate>();
    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();
    public DbSet<SignInFailure> SignInFailures => Set<SignInFailure>();
    public DbSet<AuditRecord> AuditRecords => Set<AuditRecord>();
    public DbSet<TriggerSettings> TriggerSettings => Set<TriggerSettings>();
    public DbSet<IssueCluster> IssueClusters => Set<IssueCluster>();
    public DbSet<IssueClusterMember> IssueClusterMembers => Set<IssueClusterMember>();
    public DbSet<IssueDailyAggregate> IssueDailyAggregates => Set<IssueDailyAggregate>();
    public DbSet<IssueRun> IssueRuns => Set<IssueRun>();
    public DbSet<Correction> Corrections => Set<Correction>();
    public DbSet<KnowledgeEntry> KnowledgeEntries => Set<KnowledgeEntry>();
    public DbSet<KnowledgeEntryVersion> KnowledgeEntryVersions => Set<KnowledgeEntryVersion>();
    public DbSet<InstructionsVersion> InstructionsVersions => Set<InstructionsVersion>();
    public DbSet<WebhookSubscription> WebhookSubscriptions => Set<WebhookSubscription>();
    public DbSet<WebhookDelivery> WebhookDeliveries => Set<WebhookDelivery>();
    public DbSet<WebhookAttempt> WebhookAttempts => Set<WebhookAttempt>();
    public DbSet<Lease> Leases => Set<Lease>();
    public DbSet<SegmentDailyAggregate> SegmentDailyAggregates => Set<SegmentDailyAggregate>();
    public DbSet<SegmentSettings> SegmentSettings => Set<SegmentSettings>();
    public DbSet<PublishedChange> Changes => Set<PublishedChange>();
    public DbSet<AlertRule> AlertRules => Set<AlertRule>();
    public DbSet<AlertEvent> AlertEvents => Set<AlertEvent>();

    /// <summary>Identity's schema (version 3 has passkeys); Identity reads it from IdentityOptions.</summary>
    public static readonly Version IdentitySchemaVersion = IdentitySchemaVersions.Version3;

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(FeedbackDbContext).Assembly);
    }
}
