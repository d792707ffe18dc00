using FeedbackDashboard.Core.Feedback;
using FeedbackDashboard.Features.Alerts;

namespace FeedbackDashboard.Features.Demo;

/// <summary>What the demo's AI applications are asked, and how well each pattern is answered.</summary>
internal static class DemoCatalog
{
    /// <param name="Variants">Wordings of the same question: the semantic patterns must group them.</param>
    /// <param name="NegativeShare">How often users dislike the answer normally.</param>
    /// <param name="GoesBadDaysAgo">From this many days ago the answers get worse (a bad release), or null.</param>
    /// <param name="Correction">What users write to correct a bad answer, or null.</param>
    /// <param name="FixedDaysAgo">This many days ago a reviewer applied the users' correction, and the answers are good again; or null.</param>
    public sealed record DemoPattern(
        string Source,
        string[] Variants,
        string Answer,
        double NegativeShare,
        int? GoesBadDaysAgo,
        string[] Complaints,
        string? Correction,
        CorrectionKind CorrectionKind = CorrectionKind.Knowledge,
        int? FixedDaysAgo = null);

    public static readonly DemoPattern[] Patterns =
    [
        new("support-bot", ["How do I reset my password?", "I forgot my password, how do I reset it?", "reset password", "How can I reset my password?"],
            "Go to Settings > Security and choose Reset password.", 0.05, 6,
            ["The reset link in the email has expired already", "There is no Security tab in settings anymore", "It sent me to a 404 page"],
            "Since the 4.2 release the reset is under Profile > Sign-in & security, and the link is valid for 30 minutes."),
        new("support-bot", ["What are your opening hours?", "what time do you open", "What are your opening times?"],
            "We are open Monday to Friday, 9:00 to 17:00.", 0.04, null,
            ["Didn't mention weekends"], null),
        new("support-bot", ["Can I get a refund for my annual plan?", "refund annual plan", "Can I get my money back on the annual plan?"],
            "Annual plans can be refunded within 14 days of purchase.", 0.08, 12,
            ["The policy says 30 days, not 14", "Wrong refund window", "That's not what the terms say"],
            "Annual plans can be refunded within 30 days of purchase, pro rata after that.", FixedDaysAgo: 7),
        new("support-bot", ["How do I export my data?", "export my data", "How can I export all of my data?"],
            "Use Account > Export and pick CSV or JSON.", 0.06, null,
            ["Export is greyed out for me"], null),
        new("docs-assistant", ["How do I configure SSO with Okta?", "okta sso configuration", "How do I set up SSO with Okta?"],
            "Add a SAML app in Okta and paste its metadata URL under Admin > SSO.", 0.07, null,
            ["Missing the attribute mapping step"], null),
        new("docs-assistant", ["What is the API rate limit?", "api rate limits", "What's the rate limit of the API?"],
            "The API allows 100 requests per minute per key.", 0.1, 9,
            ["It's 1000 per minute on the business plan", "Outdated number", "Rate limit answer is wrong for enterprise"],
            "100 requests per minute on Free, 1,000 on Business, 10,000 on Enterprise, per key."),
        new("docs-assistant", ["How do I rotate an API key?", "rotate api key", "How do I rotate my API keys?"],
            "Create a new key, deploy it, then revoke the old one under Admin > API keys.", 0.05, null,
            ["Too vague"], null),
        new("docs-assistant", ["Does the SDK support Python 3.13?", "Is Python 3.13 supported by the SDK?", "sdk python 3.13 support"],
            "Yes, the SDK supports Python 3.8 and later.", 0.09, 4,
            ["3.8 support was dropped", "Answer is too confident, 3.13 wheels are missing", "Should mention the minimum is now 3.10"],
            "Answer more carefully about version support and link to the compatibility table instead of guessing.", CorrectionKind.Behavior),
        new("sales-copilot", ["Summarise this account's open opportunities", "Summarise the open opportunities on this account", "summarise open opportunities"],
            "There are 3 open opportunities worth $120k in total.", 0.12, null,
            ["Included closed-lost deals", "Too long"], null),
        new("sales-copilot", ["Draft a follow-up email after the demo", "Write a follow up email to send after the product demo", "follow-up email after demo"],
            "Hi {name}, thanks for your time today...", 0.15, 8,
            ["Tone is far too pushy", "Way too long for a follow-up", "Made up a discount we don't offer"],
            "Keep follow-up emails under 120 words, friendly, and never mention discounts.", CorrectionKind.Behavior),
        new("sales-copilot", ["What discount can I offer?", "How much discount am I allowed to give?", "What discount am I allowed to offer?"],
            "You can offer up to 20% without approval.", 0.07, null,
            ["Should be 10% without approval"], "Up to 10% without approval; 10-25% needs a manager."),
    ];

    /// <summary>The admin's alert rules: the prompt that went bad fires at once, so the Overview shows an alert.</summary>
    public static readonly AlertRuleRequest[] AlertRules =
    [
        new("Prompt v42 below 50%", "positive_rate", SegmentKey: "promptVersion", SegmentValue: "v42", Below: 0.5, WindowItems: 50),
        new("Support bot dropped 15 points", "positive_rate", Source: "support-bot", DropBy: 0.15, WindowMinutes: 24 * 60),
        new("A severe review task", "task_severity", Above: 85),
        new("A change judged worse", "change_worse"),
    ];

    /// <summary>The instructions are published this many days ago, so the Overview shows their measured effect.</summary>
    public const int InstructionsDaysAgo = 20;

    public static readonly (string Source, string Text)[] Instructions =
    [
        ("docs-assistant", "You are the documentation assistant of our developer platform.\n- Answer from the documentation only.\n- Link the page you used."),
        ("sales-copilot", "You help account executives with their pipeline.\n- Be concise.\n- Never invent figures; say when data is missing."),
    ];

    public static readonly string[] PositiveComments =
    [
        "Exactly what I needed", "Clear and quick, thanks", "Perfect", "Helpful answer", "Saved me a support ticket",
    ];
}
