using Bunit;
using FeedbackDashboard.Components.Pages.Knowledge;
using FeedbackDashboard.Features.Access;
using FeedbackDashboard.Tests.Infrastructure;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace FeedbackDashboard.Tests.Knowledge;

/// <summary>The knowledge base and the instructions before anything was applied or published.</summary>
public class KnowledgePagesTests(FeedbackAppFactory app) : PageTestContext(app), IClassFixture<FeedbackAppFactory>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Fact]
    public void AnEmptyKnowledgeBase_SaysHowEntriesAreMade()
    {
        SignInAs(AppRoles.Reviewer);

        var page = Render<KnowledgePage>();

        page.WaitForAssertion(() => Assert.Contains("No entries yet: apply an approved knowledge correction to make one.", page.Markup), Patience);
    }

    [Fact]
    public void ASourceWithoutInstructions_SaysNothingIsPublished_AndOffersADraft()
    {
        var source = "instructions-" + Guid.NewGuid().ToString("N")[..8];
        Services.GetRequiredService<NavigationManager>().NavigateTo($"/instructions?source={source}");
        SignInAs(AppRoles.Reviewer);

        var page = Render<InstructionsPage>();

        page.WaitForAssertion(() =>
        {
            Assert.Contains($"Nothing published yet for {source}.", page.Markup);
            Assert.NotNull(page.Find("[data-testid=save-draft]"));
        }, Patience);
    }
}
