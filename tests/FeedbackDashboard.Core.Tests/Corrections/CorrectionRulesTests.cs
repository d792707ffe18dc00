using FeedbackDashboard.Core.Corrections;

namespace FeedbackDashboard.Core.Tests.Corrections;

public class CorrectionRulesTests
{
    [Theory]
    [InlineData(CorrectionStatus.Pending, CorrectionAction.Edit, true)]
    [InlineData(CorrectionStatus.Pending, CorrectionAction.Approve, true)]
    [InlineData(CorrectionStatus.Pending, CorrectionAction.Reject, true)]
    [InlineData(CorrectionStatus.Pending, CorrectionAction.Apply, false)]
    [InlineData(CorrectionStatus.Approved, CorrectionAction.Apply, true)]
    [InlineData(CorrectionStatus.Approved, CorrectionAction.Reject, true)]
    [InlineData(CorrectionStatus.Rejected, CorrectionAction.Approve, true)]
    [InlineData(CorrectionStatus.Rejected, CorrectionAction.Apply, false)]
    [InlineData(CorrectionStatus.Applied, CorrectionAction.Apply, true)] // idempotent
    [InlineData(CorrectionStatus.Applied, CorrectionAction.Edit, false)]
    [InlineData(CorrectionStatus.Applied, CorrectionAction.Reject, false)]
    public void WhatEachStatusAllows(CorrectionStatus status, CorrectionAction action, bool allowed) =>
        Assert.Equal(allowed, CorrectionRules.Refusal(status, action) is null);

    [Theory]
    [InlineData(CorrectionAction.Approve, CorrectionStatus.Approved)]
    [InlineData(CorrectionAction.Reject, CorrectionStatus.Rejected)]
    [InlineData(CorrectionAction.Apply, CorrectionStatus.Applied)]
    [InlineData(CorrectionAction.Edit, CorrectionStatus.Pending)]
    public void Next_FromPending(CorrectionAction action, CorrectionStatus expected) =>
        Assert.Equal(expected, CorrectionRules.Next(CorrectionStatus.Pending, action));

    [Theory]
    [InlineData(null)]
    [InlineData("  ")]
    public void ARejection_NeedsAReason(string? reason) => Assert.False(CorrectionRules.ValidateReason(reason).IsEmpty);

    [Fact]
    public void TextOverTheLimit_IsRefused() =>
        Assert.False(CorrectionRules.ValidateText(new string('x', Correction.MaxTextLength + 1)).IsEmpty);
}
