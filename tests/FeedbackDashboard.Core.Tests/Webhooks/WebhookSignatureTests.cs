using FeedbackDashboard.Core.Webhooks;

namespace FeedbackDashboard.Core.Tests.Webhooks;

public class WebhookSignatureTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 28, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void TheHeader_IsStripesScheme_AndVerifies()
    {
        var header = WebhookSignature.Header("whsec_test", At, "{\"a\":1}");

        Assert.Matches("^t=1795867200,v1=[0-9a-f]{64}$", header);
        Assert.True(WebhookSignature.Verify("whsec_test", header, "{\"a\":1}", At.AddSeconds(30), TimeSpan.FromMinutes(5)));
    }

    [Fact]
    public void AnotherBody_AnotherSecret_OrAnOldTimestamp_DoNotVerify()
    {
        var header = WebhookSignature.Header("whsec_test", At, "{\"a\":1}");

        Assert.False(WebhookSignature.Verify("whsec_test", header, "{\"a\":2}", At, TimeSpan.FromMinutes(5)));
        Assert.False(WebhookSignature.Verify("whsec_other", header, "{\"a\":1}", At, TimeSpan.FromMinutes(5)));
        Assert.False(WebhookSignature.Verify("whsec_test", header, "{\"a\":1}", At.AddMinutes(6), TimeSpan.FromMinutes(5)));
        Assert.False(WebhookSignature.Verify("whsec_test", "garbage", "{\"a\":1}", At, TimeSpan.FromMinutes(5)));
    }

    [Theory]
    [InlineData(1, 10)]
    [InlineData(2, 20)]
    [InlineData(3, 40)]
    [InlineData(9, 2560)]
    [InlineData(10, 3600)]
    [InlineData(50, 3600)]
    public void Retries_BackOffExponentially_UpToAnHour(int failures, int seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), RetrySchedule.Delay(failures));

    [Fact]
    public void Retries_GoOnForThreeDays()
    {
        Assert.True(RetrySchedule.KeepTrying(At, At.AddHours(71)));
        Assert.False(RetrySchedule.KeepTrying(At, At.AddHours(73)));
    }
}
