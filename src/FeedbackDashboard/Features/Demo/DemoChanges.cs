using System.Security.Claims;
using FeedbackDashboard.Contracts;
using FeedbackDashboard.Core.Corrections;
using FeedbackDashboard.Core.Feedback;
using FeedbackDashboard.Features.Corrections;
using FeedbackDashboard.Features.Knowledge;
using FeedbackDashboard.Features.Shared;

namespace FeedbackDashboard.Features.Demo;

/// <summary>
/// The demo reviewer's publishes, made on the demo's clock while the seeding passes through the
/// days, so the Overview shows changes with their measured effect: the instructions of two
/// applications (<see cref="DemoCatalog.InstructionsDaysAgo"/>), and the users' correction that fixes
/// a pattern gone bad (<see cref="DemoCatalog.DemoPattern.FixedDaysAgo"/>).
/// </summary>
internal sealed class DemoChanges(Instructions instructions, CorrectionActions corrections, CorrectionQueries queries, ClaimsPrincipal reviewer)
{
    public bool InstructionsPublished { get; private set; }

    public static DemoChanges Create(IServiceProvider services, TimeProvider clock, ClaimsPrincipal reviewer)
    {
        var instructions = ActivatorUtilities.CreateInstance<Instructions>(services, clock);
        var corrections = ActivatorUtilities.CreateInstance<CorrectionActions>(services, clock, instructions);
        return new DemoChanges(instructions, corrections, services.GetRequiredService<CorrectionQueries>(), reviewer);
    }

    /// <summary>Called at the start of every seeded hour, counted back from now.</summary>
    public async Task AtHourAsync(int hoursAgo, CancellationToken cancellationToken)
    {
        if (hoursAgo == DemoCatalog.InstructionsDaysAgo * 24)
        {
            await PublishInstructionsAsync(cancellationToken);
        }
        foreach (var pattern in DemoCatalog.Patterns.Where(p => p.FixedDaysAgo * 24 == hoursAgo))
        {
            await ApplyFixAsync(pattern, cancellationToken);
        }
    }

    public async Task PublishInstructionsAsync(CancellationToken cancellationToken)
    {
        foreach (var (source, text) in DemoCatalog.Instructions)
        {
            if (await instructions.EditDraftAsync(reviewer, source, text, cancellationToken) is ActionOutcome<InstructionsVersionDto>.Done { Value: var draft })
            {
                await instructions.PublishAsync(reviewer, source, draft.Version, cancellationToken);
            }
        }
        InstructionsPublished = true;
    }

    private async Task ApplyFixAsync(DemoCatalog.DemoPattern pattern, CancellationToken cancellationToken)
    {
        var pending = (await queries.ListAsync(new CorrectionFilter(CorrectionStatus.Pending, CorrectionKind.Knowledge, pattern.Source,
            PageSize: CorrectionFilter.MaxPageSize), cancellationToken)).Items;
        if (pending.FirstOrDefault(c => pattern.Variants.Contains(c.Query)) is { } correction)
        {
            await corrections.ApproveAsync(reviewer, correction.Id, withGroup: true, cancellationToken: cancellationToken);
            await corrections.ApplyAsync(reviewer, correction.Id, withGroup: true, cancellationToken);
        }
    }
}
