using FeedbackDashboard.Features.Audit;

namespace FeedbackDashboard.Tests.Audit;

/// <summary>The audit log's before/after as a list of changed fields, not raw JSON.</summary>
public class AuditChangesTests
{
    [Fact]
    public void AnUpdate_ListsOnlyTheFieldsThatChanged_NestedOnesDotted()
    {
        var changes = AuditChanges.Of(
            """{"status":"open","priority":"high","assignee":null,"triggers":{"windowSize":10,"threshold":0.3}}""",
            """{"status":"resolved","priority":"high","assignee":"reviewer@demo.local","triggers":{"windowSize":20,"threshold":0.3}}""");

        Assert.Equal(
            [
                new FieldChange("status", "open", "resolved"),
                new FieldChange("assignee", null, "reviewer@demo.local"),
                new FieldChange("triggers.windowSize", "10", "20"),
            ],
            changes);
    }

    [Fact]
    public void ACreation_HasNoBefore_AndTextThatIsNotJson_IsOneValue()
    {
        Assert.Equal([new FieldChange("name", null, "nightly"), new FieldChange("tags", null, "a, b")],
            AuditChanges.Of(null, """{"name":"nightly","tags":["a","b"]}"""));
        Assert.Equal([new FieldChange("value", "old text", "new text")], AuditChanges.Of("old text", "new text"));
    }
}
